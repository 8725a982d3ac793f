#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): release build sizes, first render in headless Chromium, and native
# timings of the domain. Record what it prints in BENCHMARKS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
export PATH="$ROOT/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
PORT=8098
SERVE_QUIET=1 python3 scripts/serve_dist.py --port "$PORT" dist &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
node scripts/bench.mjs dist "http://127.0.0.1:$PORT"
printf '\nNative domain timings (cargo run --release --example bench)\n'
cargo run --quiet --release --example bench
