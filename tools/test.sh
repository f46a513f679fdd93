#!/usr/bin/env bash
# Runs every test: formatting and lints for both targets, the core's native unit tests, the
# browser tests (wasm-bindgen-test in headless Chromium), then end-to-end tests against the
# release bundle served on loopback. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install.sh --test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, native"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy, wasm32 (the viewer, its core and the search worker; the publishers' tool is native only)"
cargo clippy -p newsletter-viewer -p newsletter-core -p newsletter-search-worker --all-targets --target wasm32-unknown-unknown -- -D warnings

step "core unit tests (native)"
cargo test -p newsletter-core

step "the newsletter command (native; runs the built binary)"
cargo test -p newsletter-cli

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30 \
  cargo test -p newsletter-viewer --target wasm32-unknown-unknown

step "release build"
trunk build --release --offline

step "end-to-end tests (release bundle, headless Chromium)"
node --test e2e/
