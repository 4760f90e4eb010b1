#!/usr/bin/env bash
# Benchmarks the registry's pallets and writes their weights.rs.
#
#   scripts/bench.sh                 # every pallet
#   scripts/bench.sh pallet_members  # one pallet
#
# Builds the runtime with its benchmarks into the shared target directory, installs the SDK's
# standalone benchmark runner (frame-omni-bencher) there when it is missing, and runs each
# pallet's benchmarks against the development preset.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
scripts/setup.sh

tools="$HOME/.cache/registry/tools"
bencher="$tools/bin/frame-omni-bencher"
if [ ! -x "$bencher" ]; then
	cargo install frame-omni-bencher --version 0.28.0 --root "$tools" --target-dir "$CARGO_TARGET_DIR"
fi

cargo build --release -p registry-runtime --features runtime-benchmarks
# The normal build writes the same path: keep the benchmark runtime apart.
wasm="$CARGO_TARGET_DIR/bench/registry_runtime_benchmarks.wasm"
mkdir -p "$(dirname "$wasm")"
cp "$CARGO_TARGET_DIR/release/wbuild/registry-runtime/registry_runtime.compact.compressed.wasm" "$wasm"

declare -A dirs=(
	[pallet_members]=pallets/members
	[pallet_validators]=pallets/validators
	[pallet_consortium]=pallets/consortium
	[pallet_collectibles]=pallets/collectibles
	[pallet_rights]=pallets/rights
	[pallet_audit]=pallets/audit
)
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=("${!dirs[@]}")

for pallet in "${pallets[@]}"; do
	dir="${dirs[$pallet]:-}"
	if [ -z "$dir" ]; then
		echo "bench: unknown pallet '$pallet'; known: ${!dirs[*]}" >&2
		exit 1
	fi
	"$bencher" v1 benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--template scripts/weight-template.hbs \
		--output "$dir/src/weights.rs"
done
