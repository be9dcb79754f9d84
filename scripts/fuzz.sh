#!/usr/bin/env bash
# Fuzzes `analyze` (fuzz/fuzz_targets/analyze.rs) with libFuzzer for a bounded time or count.
#   scripts/fuzz.sh                 60 seconds
#   scripts/fuzz.sh 20              20 seconds (the test command's smoke run)
#   scripts/fuzz.sh runs 1000000    one million executions
# FUZZ_MAX_LEN caps the input length in bytes (default 16384; shorter inputs run faster).
# Starts from fuzz/corpus/analyze (texts written for the project) plus, at run time only, the
# seed articles of ../shared; new inputs go to a temporary folder, crashes to fuzz/artifacts/.
# cargo-fuzz wants nightly flags: RUSTC_BOOTSTRAP lets the stable toolchain accept them. No
# sanitizer (-s none): the crate forbids unsafe code, so AddressSanitizer would only slow it down.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
case "${1:-60}" in
  runs) limit="-runs=${2:?runs needs a count}" ;;
  *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS | runs COUNT]" >&2; exit 2 ;;
  *) limit="-max_total_time=${1:-60}" ;;
esac
command -v cargo-fuzz >/dev/null || { echo "fuzz: cargo-fuzz missing; run scripts/setup.sh" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp ../shared/articles/*.txt "$work"/ 2>/dev/null || true
# grep keeps libFuzzer's summary lines; the exit status is cargo-fuzz's (a crash or a build error fails).
set +e
RUSTC_BOOTSTRAP=1 cargo fuzz run -s none --fuzz-dir fuzz analyze "$work" fuzz/corpus/analyze -- \
  "$limit" -max_len="${FUZZ_MAX_LEN:-16384}" -print_final_stats=1 2>&1 |
  grep -E "stat::number_of_executed_units|Done|ERROR|error|panicked|SUMMARY|deadly|crash-"
status=${PIPESTATUS[0]}
set -e
exit "$status"
