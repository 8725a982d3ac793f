#!/usr/bin/env bash
# Installs what is missing, then runs every test, layer by layer:
#   1. native: cargo fmt --check, cargo clippy -D warnings (native and wasm32), cargo test
#   2. browser: wasm-bindgen-test in headless Chromium
#   3. end-to-end: Playwright (playwright-core + Debian's Chromium) against the release build on loopback
# Stops at the first failing step and names it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
export PATH="$ROOT/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=120

run() {
    local name="$1"; shift
    printf '\n==> %s\n' "$name"
    "$@" || { printf '\nTESTS FAILED at step: %s\n' "$name" >&2; exit 1; }
}

printf '\n######## Layer 1: native (fmt, clippy, cargo test) ########\n'
run "cargo fmt --check" cargo fmt --all -- --check
run "cargo clippy (native)" cargo clippy --all-targets -- -D warnings
run "cargo clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings
run "cargo test (native)" cargo test

printf '\n######## Layer 2: wasm-bindgen-test in headless Chromium ########\n'
run "wasm-bindgen-test (headless Chromium)" cargo test --target wasm32-unknown-unknown --test web

printf '\n######## Layer 3: end-to-end (Playwright, release build) ########\n'
run "trunk build --release" trunk build --release --offline
PORT="${E2E_PORT:-8099}"
SERVE_QUIET=1 python3 scripts/serve_dist.py --port "$PORT" dist &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
    sleep 0.2
done
export E2E_BASE_URL="http://127.0.0.1:$PORT"
run "Playwright end-to-end tests" node --test --test-concurrency=1 tests/e2e/
