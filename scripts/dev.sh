#!/usr/bin/env bash
# Builds the node and starts a single-validator development chain on temporary storage.
# Extra arguments go to registry-node, e.g. `scripts/dev.sh --rpc-port 9945`.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
scripts/setup.sh
cargo build --release --workspace
exec "$CARGO_TARGET_DIR/release/registry-node" --dev "$@"
