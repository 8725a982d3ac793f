#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:8080.
# Usage: scripts/serve.sh [port]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${1:-8080}"

bash scripts/setup.sh --app-only
export PATH="$ROOT/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"

printf '\n==> Building the release app (trunk build --release --offline)\n'
trunk build --release --offline || { echo "BUILD FAILED at step: trunk build" >&2; exit 1; }

printf '\n==> Serving dist/ on http://127.0.0.1:%s (Ctrl+C to stop)\n' "$PORT"
exec python3 scripts/serve_dist.py --port "$PORT" dist
