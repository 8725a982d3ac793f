#!/usr/bin/env bash
# Builds the app's wasm split into lazily loaded chunks, into the Trunk staging folder.
# Run by Trunk (Trunk.toml [[hooks]] stage = "build"); scripts/postbuild.py then writes the loader.
#
# Why not Trunk's own Rust pipeline: Trunk cannot split wasm (trunk-rs/trunk#1022). Splitting must happen
# between the linker and wasm-bindgen, because it needs the linker's relocations:
#   1. cargo build with `--cfg wasm_split` (the split points in src/ui/lazy_routes.rs become real) and
#      `--emit-relocs`;
#   2. wasm-split-cli (wasm_split_cli_support, what cargo-leptos uses): the main module, one module per
#      split, shared chunks, and __wasm_split.js that fetches them on demand;
#   3. wasm-bindgen on the main module (keeping the exports the chunks link against);
#   4. wasm-opt -Oz on every module and terser on the JS (release only).
# Output: $TRUNK_STAGING_DIR/wasm-<content hash>/ (a new folder name for every build, so caches never mix
# the files of two builds).
#
# Usage: scripts/build_wasm.sh [staging-dir]    (defaults to $TRUNK_STAGING_DIR)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STAGING="${1:-${TRUNK_STAGING_DIR:-}}"
PROFILE="${TRUNK_PROFILE:-release}"
NAME=iso20000_readiness
fail() {
    printf 'WASM BUILD FAILED at step: %s\n%s\n' "$1" "${2:-}" >&2
    exit 1
}
[ -n "$STAGING" ] && [ -d "$STAGING" ] || fail "staging folder" "Pass the output folder or run through trunk build."
for tool in wasm-split-cli wasm-bindgen wasm-opt; do
    command -v "$tool" >/dev/null || fail "tools" "'$tool' is not on PATH: run scripts/setup.sh first."
done

# RUSTFLAGS replaces .cargo/config.toml's rustflags for this build, so `erase_components` is repeated here.
# The path remapping shortens the file names kept for panic messages (and keeps them free of local paths).
RUSTFLAGS="--cfg erase_components --cfg wasm_split -C link-arg=--emit-relocs --remap-path-prefix=$ROOT=app"
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*; do
    RUSTFLAGS="$RUSTFLAGS --remap-path-prefix=$registry=crates"
done
export RUSTFLAGS
CARGO_PROFILE_ARGS=()
[ "$PROFILE" = "release" ] && CARGO_PROFILE_ARGS=(--release)
cargo build --offline --target wasm32-unknown-unknown --bin iso20000-readiness "${CARGO_PROFILE_ARGS[@]}" ||
    fail "cargo build" "The wasm build failed (errors above)."
PROFILE_DIR="$([ "$PROFILE" = "release" ] && echo release || echo debug)"
INPUT="target/wasm32-unknown-unknown/$PROFILE_DIR/iso20000-readiness.wasm"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
wasm-split-cli "$INPUT" "$WORK" --target web --out-name "$NAME" >/dev/null ||
    fail "wasm-split-cli" "Could not split $INPUT."
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$WORK" --out-name "$NAME" "$WORK/$NAME.wasm" ||
    fail "wasm-bindgen" "wasm-bindgen could not process the main module."
rm "$WORK/$NAME.wasm"

if [ "$PROFILE" = "release" ]; then
    wasm-opt --version | grep -q 'version 132' || fail "wasm-opt" "wasm-opt on PATH is not binaryen 132."
    for module in "$WORK"/*.wasm; do
        wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
            --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
            "$module" -o "$module" 2>/dev/null || fail "wasm-opt" "wasm-opt failed on $(basename "$module")."
    done
    TERSER="$ROOT/node_modules/.bin/terser"
    [ -x "$TERSER" ] || fail "terser" "node_modules/.bin/terser is missing: run scripts/setup.sh (npm ci)."
    # Only the wasm-bindgen glue: scripts/postbuild.py reads the chunk lists from the comments of __wasm_split.js, then minifies it.
    "$TERSER" "$WORK/$NAME.js" --module --compress --mangle -o "$WORK/$NAME.js" || fail "terser" "terser failed on $NAME.js."
fi

HASH="$(cat "$WORK"/* | sha256sum | cut -c1-16)"
rm -rf "$STAGING"/wasm-*
mkdir -p "$STAGING/wasm-$HASH"
cp "$WORK"/* "$STAGING/wasm-$HASH/"
echo "build_wasm: $(find "$STAGING/wasm-$HASH" -name '*.wasm' | wc -l) wasm modules in wasm-$HASH/"
