//! Trains the tagger and the parser on UD English EWT and writes the weights the widget ships
//! (`data/syntax/model.bin`), printing the scores of what it wrote on the dev and test sets.
//!
//! ```text
//! cargo run --release --features train --bin train-syntax -- [--corpus DIR] [--out FILE] [--seed N]
//!     [--tagger-epochs N] [--parser-epochs N] [--folds N] [--tagger-keep K] [--parser-keep K]
//!     [--jack FILE] [--sweep]
//! ```
//! The same corpus, seed and settings give the same bytes.

use std::process::ExitCode;
use std::time::Instant;

use article_lens::syntax::conllu::{self, ConlluSentence};
use article_lens::syntax::train::{self, Averaged, Example, ParserTraining, Rng};
use article_lens::syntax::train::evaluate;
use article_lens::syntax::{model::write, Scorer};

struct Settings {
    corpus: String,
    out: String,
    seed: u64,
    tagger_epochs: usize,
    parser_epochs: usize,
    folds: usize,
    tagger_keep: usize,
    parser_keep: usize,
    jack: Option<String>,
    sweep: bool,
    min_label_count: usize,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-syntax: {e}");
            ExitCode::from(2)
        }
    }
}

fn args() -> Result<Settings, String> {
    let mut s = Settings {
        corpus: "../shared/corpora/ud-english-ewt".into(),
        out: "data/syntax/model.bin".into(),
        seed: 1,
        tagger_epochs: 10,
        parser_epochs: 15,
        folds: 10,
        tagger_keep: usize::MAX,
        parser_keep: usize::MAX,
        jack: None,
        sweep: false,
        min_label_count: 20,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--corpus" => s.corpus = val()?,
            "--out" => s.out = val()?,
            "--seed" => s.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--tagger-epochs" => s.tagger_epochs = val()?.parse().map_err(|e| format!("--tagger-epochs: {e}"))?,
            "--parser-epochs" => s.parser_epochs = val()?.parse().map_err(|e| format!("--parser-epochs: {e}"))?,
            "--folds" => s.folds = val()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--tagger-keep" => s.tagger_keep = val()?.parse().map_err(|e| format!("--tagger-keep: {e}"))?,
            "--parser-keep" => s.parser_keep = val()?.parse().map_err(|e| format!("--parser-keep: {e}"))?,
            "--jack" => s.jack = Some(val()?),
            "--sweep" => s.sweep = true,
            "--min-label-count" => s.min_label_count = val()?.parse().map_err(|e| format!("--min-label-count: {e}"))?,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(s)
}

fn read(path: &str) -> Result<Vec<ConlluSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    conllu::read(&text).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let s = args()?;
    let started = Instant::now();
    let train_s = read(&format!("{}/en_ewt-ud-train.conllu", s.corpus))?;
    let dev_s = read(&format!("{}/en_ewt-ud-dev.conllu", s.corpus))?;
    let test_s = read(&format!("{}/en_ewt-ud-test.conllu", s.corpus))?;
    let labels = train::label_set(&train_s, s.min_label_count);
    let root = labels.iter().position(|l| l == "root").ok_or("no root label in the training data")? as u8;
    let train_x = train::examples(&train_s, &labels);
    let all: Vec<&Example> = train_x.iter().collect();
    eprintln!("{} training sentences, {} labels", all.len(), labels.len());

    let mut rng = Rng::new(s.seed);
    // After the folds the generator restarts from the seed, so a run that reads the folds' tags
    // from --jack trains the same models as one that tags them.
    // Jack-knifing: each fold tagged by a tagger trained on the other folds.
    let mut tags: Vec<Vec<u8>> = vec![Vec::new(); all.len()];
    let cached = s.jack.as_ref().and_then(|f| std::fs::read(f).ok());
    if let Some(bytes) = cached {
        // The jack-knifed tags of an earlier run with the same corpus, folds and seed.
        let mut at = 0;
        for (t, e) in tags.iter_mut().zip(&all) {
            *t = bytes.get(at..at + e.tags.len()).ok_or("the --jack file is short")?.to_vec();
            at += e.tags.len();
        }
        rng = Rng::new(s.seed.wrapping_add(0x9e37_79b9));
    } else if s.folds > 1 {
        for fold in 0..s.folds {
            let rest: Vec<&Example> = all.iter().enumerate().filter(|(i, _)| i % s.folds != fold).map(|(_, e)| *e).collect();
            let held: Vec<usize> = (0..all.len()).filter(|i| i % s.folds == fold).collect();
            let model = train::train_tagger(&rest, s.tagger_epochs, &mut rng, false);
            let held_x: Vec<&Example> = held.iter().map(|&i| all[i]).collect();
            for (i, t) in held.iter().zip(train::tag_all(&model, &held_x)) {
                tags[*i] = t;
            }
            eprintln!("  fold {} tagged ({:.0} s)", fold + 1, started.elapsed().as_secs_f64());
        }
        rng = Rng::new(s.seed.wrapping_add(0x9e37_79b9));
        if let Some(f) = &s.jack {
            std::fs::write(f, tags.concat()).map_err(|e| format!("{f}: {e}"))?;
        }
    } else {
        tags = all.iter().map(|e| e.tags.clone()).collect();
    }
    let jack: f64 = {
        let (mut r, mut n) = (0, 0);
        for (e, t) in all.iter().zip(&tags) {
            r += e.tags.iter().zip(t).filter(|(a, b)| a == b).count();
            n += e.tags.len();
        }
        100.0 * r as f64 / n.max(1) as f64
    };
    eprintln!("jack-knifed tag accuracy on train: {jack:.2}");

    let tagger = train::train_tagger(&all, s.tagger_epochs, &mut rng, true);
    eprintln!("tagger trained ({:.0} s), {} features", started.elapsed().as_secs_f64(), tagger.rows.len());
    let settings = ParserTraining { epochs: s.parser_epochs, explore_from: 1, explore: 0.9 };
    let parser = train::train_parser(&all, &tags, labels.len(), root, &settings, &mut rng, true);
    eprintln!("parser trained ({:.0} s), {} features", started.elapsed().as_secs_f64(), parser.rows.len());

    report("float", &tagger, &parser, &labels, &dev_s, &test_s);
    if s.sweep {
        // Accuracy against size: the file each pruning level writes (gzip it to compare).
        for (kt, kp) in [(20_000, 50_000), (30_000, 100_000), (40_000, 150_000), (60_000, 200_000), (80_000, 300_000), (120_000, 500_000)] {
            let qt = write::quantise(tagger.classes, &tagger.rows, kt);
            let qp = write::quantise(parser.classes, &parser.rows, kp);
            let bytes = write::file(&labels, &qt, &qp);
            let path = format!("{}.{kt}-{kp}", s.out);
            std::fs::write(&path, &bytes).map_err(|e| format!("{path}: {e}"))?;
            let model = article_lens::syntax::model::Model::read(&bytes)?;
            report(&format!("keep {kt}+{kp} ({} bytes)", bytes.len()), &model.tagger, &model.parser, &labels, &dev_s, &test_s);
        }
    }
    let qt = write::quantise(tagger.classes, &tagger.rows, s.tagger_keep);
    let qp = write::quantise(parser.classes, &parser.rows, s.parser_keep);
    let bytes = write::file(&labels, &qt, &qp);
    if let Some(dir) = std::path::Path::new(&s.out).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&s.out, &bytes).map_err(|e| format!("{}: {e}", s.out))?;
    let model = article_lens::syntax::model::Model::read(&bytes)?;
    eprintln!(
        "wrote {} ({} bytes): tagger {} keys, parser {} keys",
        s.out,
        bytes.len(),
        qt.rows.len(),
        qp.rows.len()
    );
    report("shipped", &model.tagger, &model.parser, &labels, &dev_s, &test_s);
    Ok(())
}

fn report(name: &str, tagger: &impl Scorer, parser: &impl Scorer, labels: &[String], dev: &[ConlluSentence], test: &[ConlluSentence]) {
    for (set, data) in [("dev", dev), ("test", test)] {
        let e = evaluate(tagger, parser, labels, data);
        println!("{name} {set}: UPOS {:.2} UAS {:.2} LAS {:.2}", e.upos, e.uas, e.las);
    }
}

#[allow(dead_code)]
fn unused(_: &Averaged) {}
