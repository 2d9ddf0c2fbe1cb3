#!/usr/bin/env bash
# The VS Code extension's checks: install from the lockfile, typecheck, unit
# tests, and package the .vsix (editors/vscode/copydesk.vsix). Exits non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npm run typecheck
npm test
npm run package

test -s copydesk.vsix || { echo "npm run package made no copydesk.vsix" >&2; exit 1; }
echo "built $(pwd)/copydesk.vsix"
