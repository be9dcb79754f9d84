#!/usr/bin/env bash
# Builds the npm package: article-lens-VERSION.tgz at the repository root (git-ignored; VERSION
# is Cargo.toml's). It holds the size-built wasm package (scripts/build-wasm.sh), the element's
# modules and stylesheet from www/ and npm/ (analyze's entries for browsers and Node, types,
# package.json, README, LICENSE), laid out by scripts/package.mjs in target/package/ and packed
# with `npm pack`. No runtime dependency: the tarball installs without a registry.
#
#   scripts/build-package.sh              build the wasm, then the package
#   scripts/build-package.sh --prebuilt   use www/pkg as it is (scripts/test.sh, after build-site.sh built it)
#
# Other arguments go to build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
die() { printf 'build-package: %s\n' "$*" >&2; exit 1; }

prebuilt=0
if [ "${1:-}" = --prebuilt ]; then prebuilt=1; shift; fi
[ -x node_modules/.bin/esbuild ] || die "node_modules/.bin/esbuild is missing; run scripts/setup.sh (npm ci)"
if [ "$prebuilt" = 1 ]; then
  [ -f www/pkg/article_lens_bg.wasm ] || die "www/pkg is not built; run scripts/build-wasm.sh (or drop --prebuilt)"
else
  bash scripts/build-wasm.sh "$@"
fi

version=$(awk -F'"' '/^version = "/ { print $2; exit }' Cargo.toml)
[ -n "$version" ] || die "no version in Cargo.toml"
stage=target/package/article-lens
rm -rf "$stage" "article-lens-$version.tgz"
mkdir -p "$stage"
node scripts/package.mjs "$stage" "$version"
npm pack "./$stage" --pack-destination . --silent >/dev/null
[ -f "article-lens-$version.tgz" ] || die "npm pack wrote no article-lens-$version.tgz"
printf 'build-package: article-lens-%s.tgz, %s bytes (install: npm install ./article-lens-%s.tgz)\n' \
  "$version" "$(wc -c < "article-lens-$version.tgz")" "$version" >&2
