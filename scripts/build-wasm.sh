#!/usr/bin/env bash
# Builds the Rust core into the wasm package the page loads: www/pkg/article_lens.js and
# www/pkg/article_lens_bg.wasm (wasm-pack --target web, release, wasm-opt from npm binaryen).
# Never downloads anything (--mode no-install); scripts/setup.sh installs the tools.
# Extra arguments go to wasm-pack, e.g. scripts/build-wasm.sh --dev.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
die() { printf 'build-wasm: %s\n' "$*" >&2; exit 1; }

command -v wasm-pack >/dev/null || die "wasm-pack is not installed; run scripts/setup.sh first"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen-cli is not installed; run scripts/setup.sh first"
want=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
have=$(wasm-bindgen --version | awk '{print $2}')
[ -z "$want" ] || [ "$want" = "$have" ] ||
  die "wasm-bindgen-cli is $have but Cargo.lock pins $want; run scripts/setup.sh to install the matching one"
# Without wasm-opt on PATH wasm-pack silently ships an unoptimised (about 2x larger) module.
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt is missing; run scripts/setup.sh (npm ci)"

build() { wasm-pack build --target web --release --out-dir www/pkg --out-name article_lens --mode no-install "$@"; }
size_build() { build "$@" . --config "$PWD/scripts/wasm-size.toml"; }

# The size build: the standard library is compiled with the crate (build-std) instead of linked
# prebuilt, panics abort at once (a trap, which the element already recovers from) instead of
# formatting a message, and neither panic locations nor Debug text are kept; the standard library
# stays at opt-level 3 (scripts/wasm-size.toml). The .wasm is about 11 KB of gzip smaller and no
# slower; the reports are the same. These are unstable flags of the stable compiler, enabled by
# RUSTC_BOOTSTRAP=1 as the Linux kernel builds its Rust; they live in target/wasm-size so the
# plain builds keep their cache. If the compiler refuses them (another version, no rust-src), the
# plain build runs instead and says so. ARTICLE_LENS_PLAIN_STD=1 asks for the plain build.
size_flags="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
if [ "${ARTICLE_LENS_PLAIN_STD:-}" != 1 ] && rustup component list --installed 2>/dev/null | grep -qx rust-src &&
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="$size_flags" CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR=target/wasm-size size_build "$@"; then
  :
else
  [ "${ARTICLE_LENS_PLAIN_STD:-}" = 1 ] || printf 'build-wasm: the size build failed; building with the prebuilt standard library\n' >&2
  build "$@"
fi
[ -f www/pkg/article_lens.js ] && [ -f www/pkg/article_lens_bg.wasm ] ||
  die "wasm-pack finished but www/pkg/article_lens.js or article_lens_bg.wasm is missing"
printf 'build-wasm: www/pkg/article_lens_bg.wasm is %s bytes\n' "$(wc -c < www/pkg/article_lens_bg.wasm)" >&2
