#!/usr/bin/env bash
# Platform-specific .vsix files, each carrying the copydesk binary under server/
# so the extension works with no Rust toolchain and nothing on PATH:
#
#   editors/vscode/ci/package-platforms.sh                  every target it can build here
#   editors/vscode/ci/package-platforms.sh linux-x64 ...    just these
#   editors/vscode/ci/package-platforms.sh --binary target/release/copydesk linux-x64
#                                                           package a binary built already
#
# Targets (VS Code's name, then the Rust target it is built for):
#   linux-x64 x86_64-unknown-linux-gnu     linux-arm64 aarch64-unknown-linux-gnu
#   darwin-x64 x86_64-apple-darwin         darwin-arm64 aarch64-apple-darwin
#   win32-x64 x86_64-pc-windows-msvc (x86_64-pc-windows-gnu when built elsewhere)
#
# The host's own target is built with cargo. Another target needs its standard
# library (`rustup target add`, tried here) and a linker for it: `cargo zigbuild`
# is used when it is installed (pip install cargo-zigbuild ziglang: with it all
# five targets build on linux-x64, win32-x64 as x86_64-pc-windows-gnu), else plain
# cargo, which works where a linker is configured. The .vsix files go to
# editors/vscode/copydesk-TARGET.vsix. At the end the script lists what it built
# and, with the reason, what it could not. It exits 1 when it built nothing, or
# when a target named on the command line could not be built.
set -euo pipefail

binary=
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --binary)
      binary=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
      shift 2
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "package-platforms: unknown option $1" >&2
      exit 2
      ;;
    *)
      targets+=("$1")
      shift
      ;;
  esac
done
named=${#targets[@]}
[ "$named" -gt 0 ] || targets=(linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64)
if [ -n "$binary" ] && [ "$named" -ne 1 ]; then
  echo "package-platforms: --binary goes with exactly one target" >&2
  exit 2
fi

# Shipped binaries carry no symbols (the release profile keeps line tables for
# profiling; the wheel's maturin strips them too).
export CARGO_PROFILE_RELEASE_STRIP=${CARGO_PROFILE_RELEASE_STRIP:-symbols}

here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
host=$(rustc -vV 2> /dev/null | sed -n 's/^host: //p' || true)

rust_target() {
  case $1 in
    linux-x64) echo x86_64-unknown-linux-gnu ;;
    linux-arm64) echo aarch64-unknown-linux-gnu ;;
    darwin-x64) echo x86_64-apple-darwin ;;
    darwin-arm64) echo aarch64-apple-darwin ;;
    win32-x64)
      if [ "$host" = x86_64-pc-windows-msvc ]; then
        echo x86_64-pc-windows-msvc
      else
        echo x86_64-pc-windows-gnu
      fi
      ;;
    *) return 1 ;;
  esac
}

built=()
failed=()
fail() {
  failed+=("$1: $2")
  echo "package-platforms: $1: could not build: $2" >&2
}

# The last line of a failed build's output that says what went wrong.
reason() {
  grep -E '^(error|warning: linker|note: .*(not found|cannot find))' "$1" | head -1 | cut -c1-200 || tail -1 "$1" | cut -c1-200
}

# Builds the binary for a target; prints its path, or fails with a reason.
build() {
  local target=$1 triple=$2 log
  log=$(mktemp)
  local exe=copydesk
  case $triple in *windows*) exe=copydesk.exe ;; esac
  if [ -z "$host" ]; then
    echo "no Rust toolchain (rustc not found)" > "$log"
  elif [ "$triple" = "$host" ]; then
    if (cd "$root" && cargo build --release --locked) > "$log" 2>&1; then
      echo "$root/target/release/$exe"
      rm -f "$log"
      return 0
    fi
  elif ! rustup target list --installed 2> /dev/null | grep -qx "$triple" &&
    ! rustup target add "$triple" > "$log" 2>&1; then
    echo "the standard library for $triple is not installed and 'rustup target add $triple' failed" > "$log"
  else
    local cargo=(cargo build)
    command -v cargo-zigbuild > /dev/null && cargo=(cargo zigbuild)
    if (cd "$root" && "${cargo[@]}" --release --locked --target "$triple") > "$log" 2>&1; then
      echo "$root/target/$triple/release/$exe"
      rm -f "$log"
      return 0
    fi
    if [ "${cargo[1]}" = build ] && grep -q '^error: linking with' "$log"; then
      echo "no linker for $triple here ($(reason "$log"); pip install cargo-zigbuild ziglang gives one)"
      rm -f "$log"
      return 1
    fi
  fi
  reason "$log"
  rm -f "$log"
  return 1
}

cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
npm run bundle > /dev/null

for target in "${targets[@]}"; do
  if ! triple=$(rust_target "$target"); then
    fail "$target" "not a target this script knows (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64)"
    continue
  fi
  echo "package-platforms: $target ($triple)"
  if [ -n "$binary" ]; then
    bin=$binary
  elif ! bin=$(build "$target" "$triple"); then
    fail "$target" "$bin"
    continue
  fi
  if [ ! -s "$bin" ]; then
    fail "$target" "no binary at $bin"
    continue
  fi
  rm -rf server
  mkdir server
  case $triple in
    *windows*) cp "$bin" server/copydesk.exe ;;
    *) cp "$bin" server/copydesk && chmod 755 server/copydesk ;;
  esac
  out=copydesk-$target.vsix
  if npx --no-install vsce package --target "$target" --no-dependencies --allow-missing-repository --out "$out" > /dev/null; then
    built+=("$target: $here/$out")
  else
    fail "$target" "vsce package --target $target failed"
  fi
  rm -rf server
done

echo
echo "package-platforms: built ${#built[@]} of ${#targets[@]}"
for b in "${built[@]}"; do echo "  built $b"; done
for f in "${failed[@]}"; do echo "  could not build $f"; done
if [ ${#built[@]} -eq 0 ] || { [ "$named" -gt 0 ] && [ ${#failed[@]} -gt 0 ]; }; then
  exit 1
fi
