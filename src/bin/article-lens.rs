//! The native command line: the same pipeline as the widget, for tests, evaluation and benchmarks.
//!
//! ```text
//! article-lens analyze FILE|-                      one pretty JSON report
//! article-lens analyze --jsonl [--takeaways N] FILE  one compact report per {"id","text"} line
//! article-lens bench [--runs N] [--stage all|segment] FILE...
//!                                                  timing figures of the native path (all stages,
//!                                                  or clean + segment alone)
//! ```

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use article_lens::{analyze, segment_only, Options};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  article-lens analyze [--takeaways N] FILE|-
  article-lens analyze --jsonl [--takeaways N] FILE|-
  article-lens bench [--runs N] [--stage all|segment] FILE...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => run_analyze(&args[1..]),
        Some("bench") => run_bench(&args[1..]),
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

/// What `bench` times.
#[derive(Clone, Copy)]
enum Stage {
    /// The whole pipeline, as `analyze` runs it.
    All,
    /// Clean and segment alone.
    Segment,
}

fn run_bench(args: &[String]) -> Result<(), String> {
    let mut runs = 200usize;
    let mut stage = Stage::All;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).ok_or("--runs needs a number")?,
            "--stage" => {
                stage = match it.next().map(String::as_str) {
                    Some("all") => Stage::All,
                    Some("segment") => Stage::Segment,
                    other => return Err(format!("--stage: expected all or segment, got {other:?}")),
                }
            }
            path => files.push(path.to_string()),
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_string());
    }
    println!("{:<40} {:>10} {:>10} {:>10} {:>10} {:>9}", "input", "bytes", "median", "p10", "p90", "MB/s");
    for file in files {
        let text = read_input(&file)?;
        let options = Options::default();
        // Fewer runs for large inputs, so a 1 MB bench stays in seconds.
        let n = (runs * 10_000 / text.len().max(10_000)).clamp(5, runs);
        // One run: the whole pipeline, or clean + segment alone (no size limit there).
        let run = |text: &str| -> Result<usize, String> {
            match stage {
                Stage::All => analyze(text, &options).map(|r| r.sentences.len()).map_err(|e| e.to_string()),
                Stage::Segment => Ok(segment_only(text)),
            }
        };
        for _ in 0..n.min(3) {
            run(&text)?;
        }
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                let t = Instant::now();
                let r = run(std::hint::black_box(&text));
                let dt = t.elapsed().as_secs_f64();
                std::hint::black_box(r).ok();
                dt
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let q = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        let median = q(0.5);
        let name = std::path::Path::new(&file).file_name().map_or(file.clone(), |f| f.to_string_lossy().into());
        println!(
            "{:<40} {:>10} {:>8.3}ms {:>8.3}ms {:>8.3}ms {:>9.1}",
            name,
            text.len(),
            median * 1e3,
            q(0.1) * 1e3,
            q(0.9) * 1e3,
            text.len() as f64 / median / 1e6
        );
    }
    Ok(())
}
