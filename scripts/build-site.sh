#!/usr/bin/env bash
# Builds the site a newsroom deploys: site/ (git-ignored) is www/ with its wasm package
# (scripts/build-wasm.sh), every .js and .css minified by esbuild (npm; whitespace, comments
# and local names only: same modules, same exports, no bundling), HTML and the rest copied.
# www/ stays the readable source and runs as it is; site/ is what serve.sh serves, the
# end-to-end tests load and the benchmark weighs. Extra arguments go to build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
die() { printf 'build-site: %s\n' "$*" >&2; exit 1; }

command -v esbuild >/dev/null || die "esbuild is missing; run scripts/setup.sh (npm ci)"
bash scripts/build-wasm.sh "$@"

# A fresh directory each time, so nothing removed from www/ lingers in site/. preload/ holds
# articles copied in for one run (serve.sh, the tests): it is never part of the site.
rm -rf site
mkdir site
tar -C www --exclude=./preload --exclude=./pkg/README.md --exclude=./pkg/package.json --exclude=./pkg/.gitignore -cf - . | tar -C site -xf -
minify=()
while IFS= read -r -d '' file; do minify+=("${file#site/}"); done < <(find site -type f \( -name '*.js' -o -name '*.css' \) -print0)
# esbuild reads www/ and writes over the copies in site/, so a failed run leaves no half-built file.
for rel in "${minify[@]}"; do
  esbuild "www/$rel" --minify --legal-comments=none --log-level=warning --outfile="site/$rel" --allow-overwrite
done
printf 'build-site: site/ built, %d .js and .css files minified\n' "${#minify[@]}" >&2
