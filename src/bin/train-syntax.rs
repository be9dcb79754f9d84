//! Trains the tagger and the parser on UD English EWT and writes the weights the widget ships
//! (`data/syntax/model.bin`), printing the scores of what it wrote on the dev and test sets.
//!
//! ```text
//! cargo run --profile train --features train --bin train-syntax -- [--corpus DIR] [--out FILE]
//!     [--seed N] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--jack FILE]
//!     [--tagger-cells N] [--move-cells N] [--move-rows N] [--label-cells N] [--save FILE] [--load FILE]
//! ```
//! The defaults are the shipped settings (`--move-rows 0` keys the move model like the other two
//! instead of hashing it into 65,536 rows). The same corpus, seed and settings give the same bytes (`--jack FILE` keeps the folds' tags
//! for the next run, which then trains the same models faster).

use std::process::ExitCode;
use std::time::Instant;

use article_lens::syntax::conllu::{self, ConlluSentence};
use article_lens::syntax::model::{owned::OwnedModel, write};
use article_lens::syntax::train::{self, evaluate, Averaged, Example, ParserTraining, Rng};
use article_lens::syntax::Scorer;

struct Settings {
    corpus: String,
    out: String,
    seed: u64,
    tagger_epochs: usize,
    parser_epochs: usize,
    folds: usize,
    jack: Option<String>,
    tagger_cells: usize,
    move_cells: usize,
    move_rows: Option<usize>,
    label_cells: usize,
    save: Option<String>,
    load: Option<String>,
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
        tagger_epochs: 8,
        parser_epochs: 12,
        folds: 10,
        jack: None,
        tagger_cells: 60_000,
        move_cells: 100_000,
        move_rows: Some(65_536),
        label_cells: 40_000,
        save: None,
        load: None,
        min_label_count: 20,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let v = it.next().ok_or(format!("{a} needs a value"))?;
        let num = |v: &str| v.parse::<usize>().map_err(|e| format!("{a}: {e}"));
        match a.as_str() {
            "--corpus" => s.corpus = v.clone(),
            "--out" => s.out = v.clone(),
            "--jack" => s.jack = Some(v.clone()),
            "--seed" => s.seed = num(v)? as u64,
            "--tagger-epochs" => s.tagger_epochs = num(v)?,
            "--parser-epochs" => s.parser_epochs = num(v)?,
            "--folds" => s.folds = num(v)?,
            "--tagger-cells" => s.tagger_cells = num(v)?,
            "--move-cells" => s.move_cells = num(v)?,
            "--move-rows" => s.move_rows = Some(num(v)?).filter(|&r| r > 0),
            "--label-cells" => s.label_cells = num(v)?,
            "--save" => s.save = Some(v.clone()),
            "--load" => s.load = Some(v.clone()),
            "--min-label-count" => s.min_label_count = num(v)?,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(s)
}

fn read(path: &str) -> Result<Vec<ConlluSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    conllu::read(&text).map_err(|e| format!("{path}: {e}"))
}

/// The training sentences' tags as taggers that never saw them give them (jack-knifing): each
/// of `folds` folds tagged by a tagger trained on the others.
fn jackknife(all: &[&Example], s: &Settings, rng: &mut Rng, started: Instant) -> Result<Vec<Vec<u8>>, String> {
    if let Some(bytes) = s.jack.as_ref().and_then(|f| std::fs::read(f).ok()) {
        let mut tags = Vec::with_capacity(all.len());
        let mut at = 0;
        for e in all {
            tags.push(bytes.get(at..at + e.tags.len()).ok_or("the --jack file is short")?.to_vec());
            at += e.tags.len();
        }
        return Ok(tags);
    }
    if s.folds < 2 {
        return Ok(all.iter().map(|e| e.tags.clone()).collect());
    }
    let mut tags = vec![Vec::new(); all.len()];
    for fold in 0..s.folds {
        let rest: Vec<&Example> = all.iter().enumerate().filter(|(i, _)| i % s.folds != fold).map(|(_, e)| *e).collect();
        let held: Vec<usize> = (0..all.len()).filter(|i| i % s.folds == fold).collect();
        let model = train::train_tagger(&rest, s.tagger_epochs, rng, None, false);
        let held_x: Vec<&Example> = held.iter().map(|&i| all[i]).collect();
        for (i, t) in held.iter().zip(train::tag_all(&model, &held_x)) {
            tags[*i] = t;
        }
        eprintln!("  fold {} tagged ({:.0} s)", fold + 1, started.elapsed().as_secs_f64());
    }
    if let Some(f) = &s.jack {
        std::fs::write(f, tags.concat()).map_err(|e| format!("{f}: {e}"))?;
    }
    Ok(tags)
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

    if std::env::var("TAGGER_ONLY").is_ok() {
        // Quick look at the tagger alone: full, then pruned and retrained.
        let mut tagger = train::train_tagger(&all, s.tagger_epochs, &mut Rng::new(s.seed + 1), None, false);
        train::count_tagger_features(&mut tagger, &all);
        let upos = |m: &Averaged, data: &[ConlluSentence]| train::tag_accuracy(m, data);
        println!("tagger float: {} features, dev {:.2} test {:.2}", tagger.rows.len(), upos(&tagger, &dev_s), upos(&tagger, &test_s));
        for sentence in std::env::var("TAGGER_SENTENCES").unwrap_or_default().split('|').filter(|s| !s.is_empty()) {
            println!("  {}", train::tag_words(&tagger, sentence));
        }
        for cells in [30_000, 60_000, 100_000] {
            let t = train::train_tagger(&all, s.tagger_epochs, &mut Rng::new(s.seed + 1), Some(train::top_cells(&tagger, cells)), false);
            println!("tagger {cells} cells: dev {:.2} test {:.2}", upos(&t, &dev_s), upos(&t, &test_s));
        }
        return Ok(());
    }
    let tags = jackknife(&all, &s, &mut Rng::new(s.seed), started)?;
    let (r, n) =
        all.iter().zip(&tags).fold((0, 0), |(r, n), (e, t)| (r + e.tags.iter().zip(t).filter(|(a, b)| a == b).count(), n + e.tags.len()));
    eprintln!("jack-knifed tag accuracy on train: {:.2}", 100.0 * r as f64 / n.max(1) as f64);

    let (tagger, moves, label_model) = match &s.load {
        Some(f) => {
            let bytes = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
            let mut at = 0;
            (Averaged::from_bytes(&bytes, &mut at)?, Averaged::from_bytes(&bytes, &mut at)?, Averaged::from_bytes(&bytes, &mut at)?)
        }
        None => {
            // The tagger and the parser each from a generator of their own, so a run that reads
            // the folds' tags from --jack trains the same models as one that tags them.
            let mut tagger = train::train_tagger(&all, s.tagger_epochs, &mut Rng::new(s.seed + 1), None, true);
            eprintln!("tagger trained ({:.0} s)", started.elapsed().as_secs_f64());
            let settings = ParserTraining { epochs: s.parser_epochs, explore_from: 1, explore: 0.9, move_rows: s.move_rows };
            let (mut moves, mut label_model) =
                train::train_parser(&all, &tags, labels.len(), root, &settings, &mut Rng::new(s.seed + 2), (None, None), true);
            eprintln!("parser trained ({:.0} s)", started.elapsed().as_secs_f64());
            train::count_tagger_features(&mut tagger, &all);
            train::count_parser_features(&mut moves, &mut label_model, s.move_rows, &all, &tags, root);
            if let Some(f) = &s.save {
                std::fs::write(f, [tagger.to_bytes(), moves.to_bytes(), label_model.to_bytes()].concat())
                    .map_err(|e| format!("{f}: {e}"))?;
            }
            (tagger, moves, label_model)
        }
    };
    eprintln!("{} tagger, {} move and {} label features", tagger.rows.len(), moves.rows.len(), label_model.rows.len());
    report("float", &tagger, &train::Bucketed(&moves, s.move_rows), &label_model, &labels, &dev_s, &test_s);
    if std::env::var("TEMPLATES").is_ok() {
        for (i, (mass, n)) in train::template_weights(&moves, &all, &tags).iter().enumerate() {
            println!("template {i}: weight {mass:.0}, {n} features");
        }
        return Ok(());
    }

    // Keep the cells that matter most and retrain on them alone, so the kept weights make up
    // for the dropped ones.
    let kept = |m: &Averaged, cells: usize| Some(train::top_cells(m, cells));
    let tagger = train::train_tagger(&all, s.tagger_epochs, &mut Rng::new(s.seed + 1), kept(&tagger, s.tagger_cells), false);
    let settings = ParserTraining { epochs: s.parser_epochs, explore_from: 1, explore: 0.9, move_rows: s.move_rows };
    // A hashed move model keeps all its rows.
    let allowed =
        (s.move_rows.is_none().then(|| train::top_cells(&moves, s.move_cells)), Some(train::top_cells(&label_model, s.label_cells)));
    let (moves, label_model) = train::train_parser(&all, &tags, labels.len(), root, &settings, &mut Rng::new(s.seed + 2), allowed, false);
    eprintln!(
        "retrained on {} tagger, {} move and {} label cells ({:.0} s)",
        s.tagger_cells,
        s.move_cells,
        s.label_cells,
        started.elapsed().as_secs_f64()
    );
    report("pruned", &tagger, &train::Bucketed(&moves, s.move_rows), &label_model, &labels, &dev_s, &test_s);
    let q = |m: &Averaged, rows: Option<usize>| write::quantise(m.classes, &m.rows, rows.unwrap_or(0));
    let (qt, qm, ql) = (q(&tagger, None), q(&moves, s.move_rows), q(&label_model, None));
    for (name, q) in [("tagger", &qt), ("moves", &qm), ("labels", &ql)] {
        eprintln!("{name}: {} keys, {} cells", q.rows.len(), q.cells());
    }
    let bytes = write::file(&labels, &qt, &qm, &ql);
    if let Some(dir) = std::path::Path::new(&s.out).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&s.out, &bytes).map_err(|e| format!("{}: {e}", s.out))?;
    eprintln!("wrote {} ({} bytes)", s.out, bytes.len());
    let owned = OwnedModel::read(&bytes)?;
    let model = owned.view();
    report("shipped", &model.tagger, &model.moves, &model.labels, &labels, &dev_s, &test_s);
    Ok(())
}

fn report(
    name: &str,
    tagger: &impl Scorer,
    moves: &impl Scorer,
    label_model: &impl Scorer,
    labels: &[String],
    dev: &[ConlluSentence],
    test: &[ConlluSentence],
) {
    for (set, data) in [("dev", dev), ("test", test)] {
        let e = evaluate(tagger, moves, label_model, labels, data);
        println!("{name} {set}: UPOS {:.2} UAS {:.2} LAS {:.2}", e.upos, e.uas, e.las);
    }
}
