#!/usr/bin/env bash
# Per-stage native timing (clean, segment, actors, stances, takeaways, report) of the pipeline in
# src/lib.rs, without touching src/: copies the crate into bench/build/stages-crate, appends a
# timed copy of `analyze` to the copy's lib.rs and runs it on the seeds and on 10 KB / 100 KB / 1 MB
# texts made by repeating them. Keep `analyze_staged` below in step with `analyze` in src/lib.rs.
#   bench/stages.sh [FILE...]      (default ../shared/articles/*.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=bench/build/stages-crate
mkdir -p "$out"
rm -rf "$out/src" "$out/data"
cp -r Cargo.toml Cargo.lock build.rs src data "$out/"
[ -d scripts/lexicons ] && mkdir -p "$out/scripts" && cp -r scripts/lexicons "$out/scripts/"
cat >> "$out/src/lib.rs" <<'RS'

/// Added by bench/stages.sh: `analyze` with the time each stage takes, in seconds.
pub fn analyze_staged(text: &str, options: &Options) -> [f64; 6] {
    let t = std::time::Instant::now();
    let cleaned = clean::clean(text);
    let t1 = t.elapsed().as_secs_f64();
    let sentences = segment::segment(text, &cleaned);
    let t2 = t.elapsed().as_secs_f64();
    let cast = actors::find_actors(text, &sentences);
    let t3 = t.elapsed().as_secs_f64();
    let stances = stances::find_stances(text, &sentences, &cast);
    let t4 = t.elapsed().as_secs_f64();
    let takeaways = takeaways::pick_takeaways(text, &sentences, &cast, &stances, options.takeaways);
    let t5 = t.elapsed().as_secs_f64();
    let report = report::build(text, &cleaned, &sentences, &cast, &stances, &takeaways);
    let t6 = t.elapsed().as_secs_f64();
    std::hint::black_box(report);
    [t1, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5]
}
RS
mkdir -p "$out/src/bin"
cat > "$out/src/bin/stages.rs" <<'RS'
use article_lens::{analyze_staged, Options};
fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let seeds: Vec<(String, String)> = files.iter()
        .map(|f| (std::path::Path::new(f).file_name().unwrap().to_string_lossy()[..3].to_string(),
                  std::fs::read_to_string(f).expect("read")))
        .collect();
    let joined: String = seeds.iter().map(|(_, t)| format!("{}\n\n", t.trim())).collect();
    let rep = |n: usize| { let mut s = joined.repeat(n / joined.len() + 1); let mut e = n; while !s.is_char_boundary(e) { e -= 1; } s.truncate(e); s };
    let mut inputs: Vec<(String, String)> = seeds.iter().map(|(n, t)| (format!("seed {n}"), t.clone())).collect();
    for (name, n) in [("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000)] { inputs.push((name.into(), rep(n))); }
    let names = ["clean", "segment", "actors", "stances", "takeaways", "report"];
    print!("{:<9}{:>9}", "input", "bytes");
    for n in names { print!("{:>11}", n); }
    println!("{:>11}{:>8}  (median ms per stage; share of total)", "total", "MB/s");
    let opts = Options { takeaways: Some(5) };
    for (name, text) in &inputs {
        let runs = if text.len() >= 1_000_000 { 5 } else if text.len() >= 100_000 { 15 } else { 200 };
        for _ in 0..runs.min(20) / 4 + 1 { analyze_staged(text, &opts); }
        let mut samples: Vec<[f64; 6]> = (0..runs).map(|_| analyze_staged(text, &opts)).collect();
        let mut med = [0f64; 6];
        for i in 0..6 { samples.sort_by(|a, b| a[i].total_cmp(&b[i])); med[i] = samples[runs / 2][i]; }
        let total: f64 = med.iter().sum();
        print!("{:<9}{:>9}", name, text.len());
        for m in med { print!("{:>7.3}{:>3.0}%", m * 1e3, m / total * 100.0); }
        println!("{:>11.3}{:>8.2}", total * 1e3, text.len() as f64 / 1e6 / total);
    }
}
RS
cd "$out"
CARGO_TARGET_DIR="$root/bench/build/target" cargo build --release -q --bin stages
[ $# -gt 0 ] || set -- "$root"/../shared/articles/*.txt
"$root/bench/build/target/release/stages" "$@"
