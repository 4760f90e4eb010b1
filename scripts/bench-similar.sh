#!/usr/bin/env bash
# Measures near-duplicate search.
#
#   scripts/bench-similar.sh              # the index alone at 100,000 and 1,000,000 codes,
#                                         # then registry_findSimilar on a node with ITEMS items
#   ITEMS=1000000 scripts/bench-similar.sh
#   INDEX_ONLY=1 scripts/bench-similar.sh 100000 1000000
#
# The first part builds the node's index (`registry-similar`) in memory and times queries at
# distances 4 to 16, with its memory. The second starts a development node, imports ITEMS
# (100,000) items with SM3 digests and content codes through the client's import, then times
# REQUESTS (1,000) `registry_findSimilar` calls per distance over HTTP and the index's rebuild
# after a restart.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
scripts/setup.sh
cargo build --release --workspace
"$CARGO_TARGET_DIR/release/similar-bench" "$@"
if [ -z "${INDEX_ONLY:-}" ]; then
	"$CARGO_TARGET_DIR/release/similar-latency"
fi
