#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then
#   1. cargo fmt --check, cargo tests (unit, golden on ../shared, CLI contract, the lib.rs doctest), native; then Node tests of the
#      element's modules (tests/www/), without a browser, on the CLI's reports;
#   2. wasm-bindgen tests in headless Chromium (tests/web.rs);
#   3. a short fuzz run of `analyze` (scripts/fuzz.sh: libFuzzer, 15 s);
#   4. browser end-to-end tests of the page and the element with Playwright (tests/e2e/);
#   5. the npm package (tests/package/): packed from the wasm build that build-site.sh made, installed offline
#      into an empty project, used from Node, TypeScript, an esbuild bundle and a plain module tag.
# Exits non-zero as soon as one group fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "cargo fmt --check (rustfmt.toml)"
cargo fmt --check

step "cargo test (native)"
cargo test --release

step "node --test of the element's pure modules (tests/www/: reports of the CLI that cargo test built)"
node --test tests/www/

step "wasm-bindgen-test (headless Chromium)"
wasm-pack test --headless --chrome --release --mode no-install . --test web

step "fuzz smoke run (15 s)"
bash scripts/fuzz.sh 15

step "build the site (site/: www/ with its wasm package, minified)"
bash scripts/build-site.sh

step "end-to-end (Playwright, headless Chromium)"
node --test tests/e2e/

step "npm package (article-lens-VERSION.tgz: Node, TypeScript, esbuild bundle in headless Chromium)"
bash scripts/build-package.sh --prebuilt
node --test tests/package/
