#!/usr/bin/env bash
# Builds variants of the wasm package into bench/build/variants/NAME/ (git-ignored), for
# bench/browser.mjs to time and size beside site/pkg. Never edits Cargo.toml or src/: all variants
# are built from one snapshot of the committed crate (git archive HEAD, so they share the same stage
# code whatever is being edited meanwhile), each in bench/build/crate-NAME with its own target dir.
#   opt-z, opt-s, opt-3   [profile.release] opt-level "z" (as committed) / "s" / 3, wasm-opt -Oz
#   json           opt-level "z" plus an `analyze_json(text, options) -> Result<String, JsError>`
#                  export (serde_json, for JSON.parse in JS) beside `analyze` (serde-wasm-bindgen):
#                  browser.mjs times the two ways across the boundary in this one module
#   json-only      the same with `analyze` removed: the size if the page switched to JSON
#   bench/variants.sh [NAME...]    (default: all five; 4-12 min on 2 shared cores)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
[ $# -gt 0 ] || set -- opt-z opt-s opt-3 json json-only
snapshot=bench/build/snapshot
rm -rf "$snapshot" && mkdir -p "$snapshot"
git archive HEAD Cargo.toml Cargo.lock build.rs src data | tar -x -C "$snapshot"
source="$(git rev-parse --short HEAD) ($(git log -1 --format=%cd --date=format:'%F %H:%M' HEAD))"
for name in "$@"; do
  crate=bench/build/crate-$name
  rm -rf "$crate" && cp -r "$snapshot" "$crate"
  opt=z
  case $name in
    opt-z) ;;
    opt-s) opt=s ;;
    opt-3) opt=3 ;;
    json | json-only) python3 - "$crate/src/wasm.rs" "$name" <<'PY' ;;
import sys
p, name = sys.argv[1], sys.argv[2]
s = open(p).read()
anchor = "/// The report version this build produces."
assert anchor in s and "analyze_json" not in s, "src/wasm.rs changed: update bench/variants.sh"
s = s.replace(anchor, """/// Added by bench/variants.sh: the report as a JSON string, for `JSON.parse` in JS.
#[wasm_bindgen]
pub fn analyze_json(text: &str, options: JsValue) -> Result<String, JsError> {
    let report = crate::analyze(text, &read_options(&options)?)?;
    serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
}

""" + anchor, 1)
if name == "json-only":
    a = s.index("/// Analyses one article and returns its report")
    b = s.index("/// Reads the page's options")
    s = s[:a] + s[b:]
    s = s.replace("use serde::Serialize as _;", "")
open(p, "w").write(s)
PY
    *) echo "variants: unknown variant $name" >&2; exit 2 ;;
  esac
  if [ "$name" = json-only ]; then  # lib.rs re-exports `analyze` for the in-browser tests
    sed -i 's/^pub use crate::wasm::analyze as wasm_analyze;$//' "$crate/src/lib.rs"
  fi
  echo "variants: building $name (opt-level $opt)" >&2
  rm -rf "bench/build/variants/$name"  # a failed build must not leave an older module to be timed
  (cd "$crate" && CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_TARGET_DIR="$root/bench/build/target-wasm-$name" \
    wasm-pack build --target web --release --out-dir "$root/bench/build/variants/$name" \
    --out-name article_lens --mode no-install 2>&1 | grep -E "error|warning: unused|Done|wasm-opt" >&2) || true
  f=bench/build/variants/$name/article_lens_bg.wasm
  [ -f "$f" ] || { echo "variants: $name failed" >&2; exit 1; }
  echo "$source" > "bench/build/variants/$name/SOURCE"
  printf 'variants: %-10s %7d bytes, gzip -9 %d\n' "$name" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
