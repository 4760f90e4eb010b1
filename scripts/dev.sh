#!/usr/bin/env bash
# Builds the node and starts a single-validator development chain on temporary storage.
# Extra arguments go to registry-node, e.g. `scripts/dev.sh --rpc-port 9945`. With
# REGISTRY_NO_BUILD=1 it starts the node already built, without cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
if [ -z "${REGISTRY_NO_BUILD:-}" ]; then
	scripts/setup.sh
	cargo build --release --workspace
fi
exec "$CARGO_TARGET_DIR/release/registry-node" --dev "$@"
