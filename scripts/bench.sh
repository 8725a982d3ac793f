#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): first-load transfer per route and the whole app's size, first render,
# time to an interactive assessment and to import a 5 MB result file in headless Chromium (scripts/bench.mjs),
# native timings of the domain (examples/bench.rs) and Lighthouse. Record what it prints in BENCHMARKS.md.
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
printf '\nContent compiled into the wasm (every string of src/content but the question bank, which loads on demand):\n'
python3 - <<'PY'
import glob, gzip, tomllib
texts = []
def walk(v):
    if isinstance(v, str): texts.append(v)
    elif isinstance(v, list): [walk(x) for x in v]
    elif isinstance(v, dict): [walk(x) for x in v.values()]
for f in sorted(glob.glob('src/content/*.toml') + glob.glob('src/content/requirements/*.toml')):
    walk(tomllib.load(open(f, 'rb')))
# The linker keeps one copy of identical string literals (requirement ids reused as clause numbers...).
unique = ''.join(dict.fromkeys(texts)).encode()
every = '\0'.join(texts).encode()
print(f"  {len(set(texts))} distinct strings: {len(unique)/1024:.1f} KB raw, {len(gzip.compress(unique, 9))/1024:.1f} KB gzip"
      f" (every string, duplicates included: {len(gzip.compress(every, 9))/1024:.1f} KB gzip)")
bank = b''.join(open(f, 'rb').read() for f in glob.glob('dist/questions.json'))
print(f"  question bank (dist/questions.json, fetched by the exam pages): {len(bank)/1024:.1f} KB raw, {len(gzip.compress(bank, 9))/1024:.1f} KB gzip")
PY
printf '\nNative domain timings (cargo run --release --example bench)\n'
cargo run --quiet --release --example bench

# Lighthouse runs inside scripts/bench.mjs, with the stored data in the profile.
