#!/usr/bin/env bash
# Writes the CLI's reports on the seeds and every JSONL dev set into DIR (default /tmp/reports),
# one file per input, so a refactoring can show its reports are byte-identical:
#   scripts/snapshot-reports.sh /tmp/before && (change) && scripts/snapshot-reports.sh /tmp/after
#   diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/reports}
mkdir -p "$out"
cargo build --release -q
cli=target/release/article-lens
for f in ../shared/articles/*.txt; do
  "$cli" analyze "$f" > "$out/$(basename "$f" .txt).json"
done
# Each record's text as the scorer gives it: "text", a CNN/DM "article", a pasted page's "page_text".
to_text='import json,sys
for line in sys.stdin:
    if line.strip():
        r = json.loads(line)
        t = r.get("text") or r.get("article") or r.get("page_text") or ""
        print(json.dumps({"id": r.get("id"), "text": t}))'
for f in ../shared/eval/data/*.jsonl; do
  python3 -c "$to_text" < "$f" | "$cli" analyze --jsonl - > "$out/$(basename "$f" .jsonl).jsonl"
done
ls "$out" | wc -l | sed 's/$/ reports written to '"${out//\//\\/}"'/'
