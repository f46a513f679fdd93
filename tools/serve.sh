#!/usr/bin/env bash
# Installs what is missing, builds the viewer and serves it with the sample issue at
# http://127.0.0.1:8080/ (set PORT to change). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
# The feeds are written for the address served (README, Publishing).
export NEWSLETTER_SITE_URL="${NEWSLETTER_SITE_URL:-http://127.0.0.1:${PORT:-8080}/}"
# No autoreload or error overlay: their injected scripts would be refused by the page's
# Content-Security-Policy.
exec trunk serve --release --offline --no-autoreload --no-error-reporting --port "${PORT:-8080}"
