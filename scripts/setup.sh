#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, serve and test article-lens; each step is skipped
# when already satisfied, so a second run takes well under a second.
#   wasm32 target and the standard library's source (the size build recompiles it) · wasm-pack · wasm-bindgen-cli at the version Cargo.lock pins · Debian chromium
#   and chromium-driver · npm packages (playwright-core, binaryen's wasm-opt, axe-core, esbuild, typescript) · a Python
#   venv for the evaluation kit in ../shared/eval · cargo-fuzz for the fuzz smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf 'setup: %s\n' "$*" >&2; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
# Optional: without it scripts/build-wasm.sh falls back to the prebuilt standard library.
rustup component list --installed | grep -q '^rustfmt' || {
  say "adding the rustfmt component"; rustup component add rustfmt; }
rustup component list --installed | grep -qx rust-src || {
  say "adding the rust-src component"; rustup component add rust-src || say "rust-src unavailable: the .wasm will be larger"; }

install_wasm_pack() {
  command -v wasm-pack >/dev/null && return
  say "installing wasm-pack"; cargo install wasm-pack --version 0.15.1 --locked
}

install_wasm_bindgen() {
  local want; want=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$want" ] && return
  say "installing wasm-bindgen-cli $want"
  # --locked fails on this registry (a pinned webpki-roots it does not serve); retry unlocked.
  cargo install wasm-bindgen-cli --version "$want" --locked --force ||
    cargo install wasm-bindgen-cli --version "$want" --force
}

install_chromium() {
  dpkg -s chromium chromium-driver >/dev/null 2>&1 && return
  say "installing Debian chromium and chromium-driver"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
}

install_npm() {
  # npm records what it installed in node_modules/.package-lock.json: current unless the lock changed since.
  [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] && return
  # A worktree that links another checkout's node_modules: npm ci would empty the linked folder
  # (and so that checkout's packages) before replacing the link. Its owner updates it.
  if [ -L node_modules ] && [ -x node_modules/.bin/wasm-opt ]; then
    say "node_modules is a link to another checkout's packages: not reinstalling through it"; return
  fi
  say "installing npm packages"; npm ci --no-audit --no-fund
}

install_venv() {
  [ -x .venv-eval/bin/python ] && .venv-eval/bin/python -c 'import rouge_score' 2>/dev/null && return
  say "creating the evaluation venv"
  python3 -m venv .venv-eval && .venv-eval/bin/pip install -q -r ../shared/eval/requirements.txt
}

install_cargo_fuzz() {
  command -v cargo-fuzz >/dev/null && return
  say "installing cargo-fuzz"; cargo install cargo-fuzz --version 0.13.2 --locked
}

# The two cargo installs are long and independent of apt and npm: run them side by side.
install_wasm_pack & wp=$!
install_chromium & ch=$!
install_npm
install_venv
wait $ch
wait $wp
install_wasm_bindgen
install_cargo_fuzz
