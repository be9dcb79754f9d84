#!/usr/bin/env bash
# Prints every figure of the README table, each after the command that produced it:
# quality (../shared/eval/score.py on each data set), native speed (article-lens bench) and size
# (gzip of the shipped files in site/). Needs scripts/setup.sh and scripts/build-site.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv-eval/bin/python; S=../shared/eval/score.py; D=../shared/eval/data
cargo build --release -q
run() { printf '%s\n    ' "$*"; "$@" 2>&1 | tail -1; }
run $PY $S gold
run $PY $S sentences --data $D/sbd-golden.jsonl
run $PY $S clutter --data $D/extraction-dev.jsonl --k 3
run $PY $S takeaways --data $D/cnndm-dev.jsonl --k 3
run $PY $S ner --data $D/conll-dev.txt
run $PY $S aliases --data $D/aliases-dev.jsonl
run $PY $S events --data $D/plover-dev.jsonl
run $PY $S attribution --data $D/polnear-dev.jsonl
run $PY $S stances
run $PY $S extraction --data $D/extraction-dev.jsonl
run $PY $S syntax --data ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu
run $PY $S ner --data ../shared/corpora/ud-english-ewt/uner_en_ewt-test.conll
echo "target/release/article-lens bench --syntax ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
target/release/article-lens bench --syntax ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu | sed 's/^/    /'
echo "target/release/article-lens bench ../shared/articles/*.txt"
target/release/article-lens bench ../shared/articles/*.txt | sed 's/^/    /'
echo "target/release/article-lens bench --scale ../shared/articles/*.txt"
target/release/article-lens bench --scale ../shared/articles/*.txt | sed 's/^/    /'
for f in site/pkg/article_lens_bg.wasm site/pkg/article_lens.js site/article-lens.js site/article-lens-element.js site/article-lens.css; do
  [ -f "$f" ] && printf 'gzip -9 %-32s %7d bytes (raw %d)\n' "$f" "$(gzip -9c "$f" | wc -c)" "$(wc -c < "$f")"
done
