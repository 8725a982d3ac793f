#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present. Idempotent.
# Sourced by scripts/serve.sh and scripts/test.sh; run it alone to prepare a machine.
#
# Usage: scripts/setup.sh [--app-only]   (--app-only: skip Chromium and its driver; enough to build and serve)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }
fail() {
    printf '\nSET-UP FAILED at step: %s\n%s\n' "$1" "${2:-}" >&2
    exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# Root installs packages directly; anyone else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
        fail "root rights" "Installing system packages needs root or sudo: run as root, or install them yourself: $*"
    fi
}

APP_ONLY=0
[ "${1:-}" = "--app-only" ] && APP_ONLY=1

step "Checking the base tools (rustup, cargo, node, npm, python3)"
for tool in rustup cargo node npm python3; do
    have "$tool" || fail "base tools" "'$tool' is not installed. This project needs Rust (via rustup), Node.js with npm, and Python 3."
done
export PATH="$HOME/.cargo/bin:$PATH"

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "present"
else
    rustup target add wasm32-unknown-unknown || fail "wasm32 target" "rustup could not add wasm32-unknown-unknown."
fi

step "trunk 0.21.x"
if have trunk && trunk --version | grep -q '^trunk 0\.21\.'; then
    trunk --version
else
    echo "installing (about 8 minutes on 2 cores)"
    cargo install trunk --version '~0.21' --locked || fail "trunk" "cargo install trunk --version ~0.21 --locked failed."
fi

WB_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
[ -n "$WB_VERSION" ] || fail "wasm-bindgen version" "Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=X\")."

step "wasm-bindgen-cli $WB_VERSION (with wasm-bindgen-test-runner)"
if have wasm-bindgen && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$WB_VERSION" ] && have wasm-bindgen-test-runner; then
    wasm-bindgen --version
else
    # Not --locked: one of its locked dependencies is missing from the registry.
    cargo install wasm-bindgen-cli --version "=$WB_VERSION" || fail "wasm-bindgen-cli" "cargo install wasm-bindgen-cli --version =$WB_VERSION failed."
fi

# The splitter that cuts the wasm into the shell and chunks loaded on demand (scripts/build_wasm.sh).
WS_VERSION=0.2.4
step "wasm-split-cli $WS_VERSION (wasm_split_cli_support)"
if have wasm-split-cli && cargo install --list | grep -q "^wasm_split_cli_support v$WS_VERSION:"; then
    echo "present"
else
    echo "installing (about 2 minutes on 2 cores)"
    cargo install wasm_split_cli_support --version "=$WS_VERSION" --features build-binary --locked ||
        fail "wasm-split-cli" "cargo install wasm_split_cli_support --version =$WS_VERSION --features build-binary --locked failed."
fi

step "npm packages (binaryen 132 for wasm-opt, terser, Playwright, axe-core, Lighthouse) from package-lock.json"
STAMP_DIR="$ROOT/.setup-stamps"
mkdir -p "$STAMP_DIR"
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -d node_modules ] && [ "$(cat "$STAMP_DIR/npm" 2>/dev/null)" = "$LOCK_SUM" ]; then
    echo "present"
else
    npm ci --no-audit --no-fund || fail "npm packages" "npm ci failed: check that the npm registry is reachable."
    echo "$LOCK_SUM" >"$STAMP_DIR/npm"
fi

# wasm-opt from binaryen 132, ahead of any other on PATH (Debian's binaryen 108 builds wasm that dies in the browser).
export PATH="$ROOT/node_modules/binaryen/bin:$PATH"
step "wasm-opt 132"
wasm-opt --version | grep -q 'version 132' || fail "wasm-opt" "node_modules/binaryen/bin/wasm-opt is not version 132."
wasm-opt --version

if [ "$APP_ONLY" -eq 0 ]; then
    step "Chromium and ChromeDriver (Debian packages)"
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        echo "present"
    else
        as_root apt-get update || fail "apt-get update" "Could not read Debian's package lists."
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y chromium chromium-driver ||
            fail "chromium" "apt-get install chromium chromium-driver failed."
    fi
    export CHROMEDRIVER=/usr/bin/chromedriver
fi

step "Rust crates (cargo fetch)"
cargo fetch --quiet || fail "cargo fetch" "Could not download the crates in Cargo.lock."

echo
echo "Set-up complete."
