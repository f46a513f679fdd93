#!/usr/bin/env bash
# Installs what building (and, with --test, testing) the viewer needs and is missing.
# Idempotent and quick when everything is there. Versions: tools/versions.env.
#   tools/install.sh          toolchain target, trunk, wasm-bindgen-cli, wasm-opt, the minifiers
#   tools/install.sh --test   also Chromium, ChromeDriver, CJK fonts, playwright-core, axe-core
#   tools/install.sh --wasm-pack   also wasm-pack (optional way to run the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/versions.env

want_test=false
want_wasm_pack=false
for arg in "$@"; do
  case "$arg" in
    --test) want_test=true ;;
    --wasm-pack) want_wasm_pack=true ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[install] %s\n' "$*"; }
# has CMD VERSION: CMD is on PATH and its --version mentions VERSION.
has() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! has trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wasm_bindgen_version" ]; then
  echo "could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if ! has wasm-bindgen "$wasm_bindgen_version"; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 2 minutes)"
  # Not --locked: its lockfile pins a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version"
fi

npm_packages=("binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION" "lightningcss@$LIGHTNINGCSS_VERSION")
if $want_test; then
  npm_packages+=("playwright-core@$PLAYWRIGHT_CORE_VERSION" "axe-core@$AXE_CORE_VERSION")
fi
npm_missing=()
for spec in "${npm_packages[@]}"; do
  name=${spec%@*}
  version=${spec##*@}
  manifest=".tools/node_modules/$name/package.json"
  if [ ! -f "$manifest" ] || ! grep -q "\"version\": \"$version\"" "$manifest"; then
    npm_missing+=("$spec")
  fi
done
if [ ${#npm_missing[@]} -gt 0 ]; then
  say "installing from npm: ${npm_missing[*]}"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"private": true}' > .tools/package.json
  npm install --prefix .tools --no-audit --no-fund --save-exact "${npm_packages[@]}"
fi

if $want_test; then
  apt_missing=()
  [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
  # CJK glyphs for screenshots and for reading what the tests see.
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || apt_missing+=(fonts-noto-cjk)
  if [ ${#apt_missing[@]} -gt 0 ]; then
    say "installing with apt: ${apt_missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"
  fi
fi

if $want_wasm_pack && ! has wasm-pack "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

say "ready"
