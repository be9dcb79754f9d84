#!/usr/bin/env bash
# Builds the site (scripts/build-site.sh: www/ with its wasm package, minified, in site/) and
# serves site/ on http://127.0.0.1:PORT/ (default 8000) until Ctrl-C.
#   scripts/serve.sh                     the page with the bundled example article
#   scripts/serve.sh story.txt [PORT]    copies story.txt to site/preload/ (git-ignored) and
#                                        prints the address that preloads it
#   scripts/serve.sh "" 8080             no file, another port
# Set ARTICLE_LENS_NO_BUILD=1 to serve the site already in site/ without rebuilding.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
die() { printf 'serve: %s\n' "$*" >&2; exit 1; }

file=${1:-}
port=${2:-8000}
[[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, not '$port'"
if [ -n "$file" ]; then
  [ -f "$file" ] || die "no such file: $file"
  file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
fi
cd "$root"

if [ "${ARTICLE_LENS_NO_BUILD:-}" = 1 ]; then
  [ -f site/pkg/article_lens.js ] || die "site/ is not built; run without ARTICLE_LENS_NO_BUILD=1"
else
  scripts/build-site.sh
fi

url="http://127.0.0.1:$port/"
if [ -n "$file" ]; then
  mkdir -p site/preload
  name=$(basename "$file")
  cp "$file" "site/preload/$name"
  url="${url}?src=preload/$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$name")"
fi
printf '\nserve: open %s\n\n' "$url" >&2
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory site
