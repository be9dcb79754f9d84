#!/usr/bin/env bash
# Builds variants of the wasm package into bench/build/variants/NAME/ (git-ignored), for
# bench/browser.mjs to time and size beside www/pkg. Never edits Cargo.toml or src/: each variant is
# built from a copy of the crate in bench/build/crate-NAME, with its own target directory.
#   opt-s, opt-3   [profile.release] opt-level "s" / 3 instead of "z" (both exports, wasm-opt -Oz)
#   serde-only     opt-level "z", `analyze_json` removed: the size of the serde-wasm-bindgen path alone
#   json-only      opt-level "z", `analyze` removed: the size if the page switched to JSON
#   bench/variants.sh [NAME...]    (default: all four; takes a few minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
[ $# -gt 0 ] || set -- opt-s opt-3 serde-only json-only
for name in "$@"; do
  crate=bench/build/crate-$name
  rm -rf "$crate" && mkdir -p "$crate"
  cp -r Cargo.toml Cargo.lock build.rs src data "$crate/"
  opt=z
  case $name in
    opt-s) opt=s ;;
    opt-3) opt=3 ;;
    # Drop one export from the copy: the function from its doc comment to its closing brace.
    serde-only) python3 - "$crate/src/wasm.rs" analyze_json <<'PY' ;;
import re, sys
p, fn = sys.argv[1], sys.argv[2]
s = open(p).read()
s2 = re.sub(r"(///[^\n]*\n)*#\[wasm_bindgen[^\n]*\]\npub fn %s\(.*?\n}\n" % fn, "", s, count=1, flags=re.S)
assert s2 != s, "export not found: " + fn
open(p, "w").write(s2)
PY
    json-only) python3 - "$crate/src/wasm.rs" analyze <<'PY' ;;
import re, sys
p, fn = sys.argv[1], sys.argv[2]
s = open(p).read()
s2 = re.sub(r"(///[^\n]*\n)*#\[wasm_bindgen[^\n]*\]\npub fn %s\(.*?\n}\n" % fn, "", s, count=1, flags=re.S)
assert s2 != s, "export not found: " + fn
s2 = s2.replace("pub use crate::wasm::analyze as wasm_analyze;", "")
open(p, "w").write(s2)
PY
    *) echo "variants: unknown variant $name" >&2; exit 2 ;;
  esac
  if [ "$name" = json-only ]; then  # lib.rs re-exports `analyze` for the in-browser tests
    sed -i 's/^pub use crate::wasm::analyze as wasm_analyze;$//' "$crate/src/lib.rs"
  fi
  echo "variants: building $name (opt-level $opt)" >&2
  (cd "$crate" && CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_TARGET_DIR="$root/bench/build/target-wasm-$name" \
    wasm-pack build --target web --release --out-dir "$root/bench/build/variants/$name" \
    --out-name article_lens --mode no-install 2>&1 | grep -E "error|warning: unused|Done|wasm-opt" >&2) || true
  f=bench/build/variants/$name/article_lens_bg.wasm
  [ -f "$f" ] || { echo "variants: $name failed" >&2; exit 1; }
  printf 'variants: %-10s %7d bytes, gzip -9 %d\n' "$name" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
