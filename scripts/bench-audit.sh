#!/usr/bin/env bash
# Measures `audit_history` latency on loopback for items with 100, 1,000 and 10,000 audit
# records, on a development node it starts. REQUESTS sets the requests per item (1,000).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
scripts/setup.sh
cargo build --release --workspace
exec "$CARGO_TARGET_DIR/release/audit-latency"
