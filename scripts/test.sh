#!/usr/bin/env bash
# Runs the whole test suite: pallet unit tests, the pallets' benchmarks run as tests, client
# tests and end-to-end tests against real registry-node processes.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
scripts/setup.sh
# One package selection for every step, so that features unify the same way and nothing is
# built twice.
cargo build --release --workspace
cargo test --release --workspace --no-fail-fast "$@"

# Every benchmark runs once as a test on its pallet's mock runtime. The pallets alone, with
# their benchmarks compiled in: no wasm needed.
pallets=(pallet-members pallet-validators pallet-consortium pallet-collectibles pallet-rights pallet-audit)
features=$(printf '%s/runtime-benchmarks,' "${pallets[@]}")
SKIP_WASM_BUILD=1 cargo test --release --lib "${pallets[@]/#/-p=}" --features "${features%,}"
