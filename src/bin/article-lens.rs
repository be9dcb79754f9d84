//! The native command line: the same pipeline as the widget, for tests, evaluation and benchmarks.
//!
//! ```text
//! article-lens analyze FILE|-                      one pretty JSON report
//! article-lens analyze --jsonl [--takeaways N] FILE  one compact report per {"id","text"} line
//! article-lens bench FILE...                       timing figures of the native path, per stage
//! article-lens bench --scale FILE...               the same on the files repeated to 10 KB .. 5 MB
//! article-lens parse --conllu FILE                 CoNLL-U in (words given), predicted UPOS, HEAD, DEPREL out
//! article-lens parse FILE|-                        an article's sentences parsed, as CoNLL-U
//! ```

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use article_lens::{analyze, Options};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  article-lens analyze [--takeaways N] FILE|-
  article-lens analyze --jsonl [--takeaways N] FILE|-
  article-lens bench [--runs N] FILE...
  article-lens bench --scale [--runs N] FILE...
  article-lens bench --syntax FILE.conllu
  article-lens parse --conllu FILE|-
  article-lens parse FILE|-";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => run_analyze(&args[1..]),
        Some("bench") => run_bench(&args[1..]),
        Some("parse") => run_parse(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-lens: {message}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file, or standard input for "-".
fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s).map_err(|e| format!("stdin: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn run_analyze(args: &[String]) -> Result<(), String> {
    let mut jsonl = false;
    let mut options = Options::default();
    let mut file = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--takeaways" => {
                let n = it.next().ok_or("--takeaways needs a number")?;
                options.takeaways = Some(n.parse().map_err(|_| format!("--takeaways: not a number: {n}"))?);
            }
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}\n{USAGE}")),
        }
    }
    let file = file.ok_or(USAGE)?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    if !jsonl {
        let text = read_input(&file)?;
        let report = analyze(&text, &options).map_err(|e| e.to_string())?;
        serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
        return out.flush().map_err(|e| e.to_string());
    }
    let input = read_input(&file)?;
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let row = analyze_line(line, &options);
        serde_json::to_writer(&mut out, &row).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// `parse --conllu FILE`: the words of each CoNLL-U sentence tagged and parsed; `parse FILE`:
/// an article's sentences as CoNLL-U.
fn run_parse(args: &[String]) -> Result<(), String> {
    let (conllu, file) = match args {
        [flag, file] if flag == "--conllu" => (true, file),
        [file] => (false, file),
        _ => return Err(USAGE.to_string()),
    };
    let text = read_input(file)?;
    let out = if conllu {
        article_lens::syntax::parse_conllu(&text).map_err(|e| format!("{file}: {e}"))?
    } else {
        article_lens::syntax::parse_article(&text).map_err(|e| e.to_string())?
    };
    io::stdout().lock().write_all(out.as_bytes()).map_err(|e| e.to_string())
}

/// One JSON Lines record: the report with the line's id, or `{"id", "error"}`.
fn analyze_line(line: &str, options: &Options) -> Value {
    let parsed: Result<Value, _> = serde_json::from_str(line);
    let (id, text) = match &parsed {
        Ok(v) => (v.get("id").cloned().unwrap_or(Value::Null), v.get("text").and_then(Value::as_str)),
        Err(_) => (Value::Null, None),
    };
    let Some(text) = text else {
        let why = match parsed {
            Err(e) => format!("not a JSON object: {e}"),
            Ok(_) => "no \"text\" string".to_string(),
        };
        return json!({"id": id, "error": why});
    };
    match analyze(text, options) {
        Ok(report) => {
            let mut v = serde_json::to_value(report).unwrap_or_else(|e| json!({"error": e.to_string()}));
            if let Value::Object(map) = &mut v {
                map.insert("id".into(), id);
            }
            v
        }
        Err(e) => json!({"id": id, "error": e.to_string()}),
    }
}

/// Timing figures of one input: total and per-stage samples in seconds.
struct Timing {
    total: Vec<f64>,
    stages: Vec<(&'static str, Vec<f64>)>,
}

/// Runs `analyze_timed` on `text` `runs` times after a short warm-up.
fn time_runs(text: &str, runs: usize) -> Result<Timing, String> {
    let options = Options::default();
    let origin = Instant::now();
    let mut clock = move || origin.elapsed().as_secs_f64();
    for _ in 0..runs.min(3) {
        article_lens::analyze_timed(text, &options, &mut clock).map_err(|e| e.to_string())?;
    }
    let mut timing = Timing { total: Vec::with_capacity(runs), stages: Vec::new() };
    for _ in 0..runs {
        let t = Instant::now();
        let (report, laps) = article_lens::analyze_timed(text, &options, &mut clock).map_err(|e| e.to_string())?;
        timing.total.push(t.elapsed().as_secs_f64());
        std::hint::black_box(report);
        for (k, (name, dt)) in laps.into_iter().enumerate() {
            if timing.stages.len() <= k {
                timing.stages.push((name, Vec::with_capacity(runs)));
            }
            timing.stages[k].1.push(dt);
        }
    }
    Ok(timing)
}

/// The `p` quantile of `samples` (sorted in place).
fn quantile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples.get(((samples.len().max(1) - 1) as f64 * p).round() as usize).copied().unwrap_or(0.0)
}

/// Prints one row: median, p10, p90, MB/s, then each stage's median and share of the total.
fn print_row(name: &str, bytes: usize, timing: &mut Timing) -> f64 {
    let median = quantile(&mut timing.total, 0.5);
    let (p10, p90) = (quantile(&mut timing.total, 0.1), quantile(&mut timing.total, 0.9));
    println!(
        "{name:<28} {bytes:>9} {:>9.3}ms {:>9.3}ms {:>9.3}ms {:>8.1}",
        median * 1e3,
        p10 * 1e3,
        p90 * 1e3,
        bytes as f64 / median.max(1e-12) / 1e6
    );
    let stages: Vec<String> = timing
        .stages
        .iter_mut()
        .map(|(stage, samples)| {
            let m = quantile(samples, 0.5);
            format!("{stage} {:.3}ms ({:.0}%)", m * 1e3, 100.0 * m / median.max(1e-12))
        })
        .collect();
    println!("    stages: {}", stages.join(", "));
    median
}

/// `bench [--runs N] FILE...`: each file; `bench --scale FILE...`: the files' text repeated to
/// 10 KB, 100 KB, 1 MB and 5 MB (the input limit), with the growth ratios that show no stage is
/// worse than linear, and the error just past the limit.
fn run_bench(args: &[String]) -> Result<(), String> {
    let mut runs = 200usize;
    let mut scale = false;
    if args.first().is_some_and(|a| a == "--syntax") {
        return bench_syntax(&args[1..]);
    }
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).ok_or("--runs needs a number")?,
            "--scale" => scale = true,
            path => files.push(path.to_string()),
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_string());
    }
    println!("{:<28} {:>9} {:>11} {:>11} {:>11} {:>8}", "input", "bytes", "median", "p10", "p90", "MB/s");
    if !scale {
        for file in &files {
            let text = read_input(file)?;
            let name = std::path::Path::new(file).file_name().map_or(file.clone(), |f| f.to_string_lossy().into());
            // Fewer runs for large inputs, so a big file stays in seconds.
            let n = (runs * 10_000 / text.len().max(10_000)).clamp(5.min(runs), runs.max(1));
            print_row(&name, text.len(), &mut time_runs(&text, n)?);
        }
        return Ok(());
    }
    let mut unit = String::new();
    for file in &files {
        unit.push_str(&read_input(file)?);
        unit.push_str("\n\n");
    }
    let mut medians = Vec::new();
    let mut takeaway_medians = Vec::new();
    for (label, size) in [("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("5 MB", article_lens::MAX_INPUT_BYTES)] {
        let text = repeat_to(&unit, size);
        let n = (runs * 10_000 / size).clamp(3.min(runs), runs.max(1));
        let mut timing = time_runs(&text, n)?;
        let takeaways = timing.stages.iter_mut().find(|(s, _)| *s == "takeaways").map(|(_, v)| quantile(v, 0.5));
        medians.push(print_row(label, text.len(), &mut timing));
        takeaway_medians.push(takeaways.unwrap_or(0.0));
    }
    let ratio = |a: &[f64], i: usize, j: usize| a[j] / a[i].max(1e-12);
    println!(
        "growth: time(1 MB)/time(100 KB) = {:.2} (takeaways {:.2}); time(5 MB)/time(1 MB) = {:.2} (linear: 10 and 5.24)",
        ratio(&medians, 1, 2),
        ratio(&takeaway_medians, 1, 2),
        ratio(&medians, 2, 3)
    );
    let over = repeat_to(&unit, article_lens::MAX_INPUT_BYTES + 1);
    match article_lens::analyze(&over, &Options::default()) {
        Ok(_) => println!("5 MB + 1 byte: analysed (expected the size error)"),
        Err(e) => println!("5 MB + 1 byte: error: {e}"),
    }
    Ok(())
}

/// `bench --syntax FILE.conllu`: tagging plus parsing alone, in words per second, over the
/// sentences of a CoNLL-U file (their words as given), the best of five runs and the median.
fn bench_syntax(args: &[String]) -> Result<(), String> {
    let file = args.first().ok_or(USAGE)?;
    let text = read_input(file)?;
    let sentences: Vec<Vec<String>> = article_lens::syntax::conllu::read(&text)
        .map_err(|e| format!("{file}: {e}"))?
        .into_iter()
        .map(|s| s.words.into_iter().map(|w| w.form).collect())
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(article_lens::syntax::parse_sentences(&sentences));
        times.push(t.elapsed().as_secs_f64());
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let median = quantile(&mut times, 0.5);
    println!(
        "syntax: {} sentences, {words} words: {:.0} words/s (best of 5), {:.0} words/s (median)",
        sentences.len(),
        words as f64 / best,
        words as f64 / median
    );
    Ok(())
}

/// `unit` repeated and cut to exactly `size` bytes (at a char boundary, padded with spaces).
/// Each copy's lines are marked "Update N:", as in a live blog, so no line repeats: the clean
/// stage rightly drops lines a page repeats, which would leave a plain repetition nothing to analyse.
fn repeat_to(unit: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + unit.len());
    let mut copy = 0;
    while out.len() < size && !unit.trim().is_empty() {
        copy += 1;
        for line in unit.lines() {
            if !line.trim().is_empty() {
                out.push_str(&format!("Update {copy}: "));
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    let mut cut = size.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    while out.len() < size {
        out.push(' ');
    }
    out
}
