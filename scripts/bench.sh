#!/usr/bin/env bash
# Measures this machine and writes the runtime's weights.
#
#   scripts/bench.sh                     # every pallet's weights.rs
#   scripts/bench.sh pallet_members      # one pallet (or several)
#   scripts/bench.sh storage DB          # database weights, from a node's base path DB
#   scripts/bench.sh block DB FROM TO    # re-executes blocks FROM..=TO of an archive node's DB
#   scripts/bench.sh all                 # all of it, on a chain of BENCH_ITEMS items (1,000,000)
#   NO_BUILD=1 scripts/bench.sh block …  # with the benchmark node built last time
#
# Everything runs through `registry-node benchmark`, from a node built with the `benchmark`
# feature (and its runtime with the runtime's benchmarks) kept in $CARGO_TARGET_DIR/bench/:
# the ordinary node lacks the SDK's benchmark commands. Pallets run against the development
# preset. The next ordinary build rebuilds the ordinary node and runtime. Every generated file records the command and the machine.
#
# `storage` writes runtime/src/configs/db_weights.rs: reads and writes on a database holding
# the chain `scripts/bench-import.sh` built, RocksDB as the node runs it (trie cache on, with
# writes committed in batches the size of a full block), the average times DB_WEIGHT_MUL
# (1.2: a fifth for safety) plus DB_WEIGHT_ADD ns.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
scripts/setup.sh

bench_dir="$CARGO_TARGET_DIR/bench"
node="$bench_dir/registry-node"
mkdir -p "$bench_dir"

wasm="$bench_dir/registry_runtime_benchmarks.wasm"
build_node() {
	# NO_BUILD=1 reuses the benchmark node built last time (`block` runs the chain's own
	# runtime, so the node need not match the sources).
	if [ -n "${NO_BUILD:-}" ] && [ -x "$node" ]; then
		return
	fi
	# The ordinary build writes the same paths: keep the benchmark node and its runtime, which
	# is built with its benchmarks, apart.
	# The SDK's storage-access test runtime serves only the parachain mode of `benchmark
	# storage`, and its wasm does not build from crates.io: skip it.
	SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
		cargo build --release -p registry-node --features benchmark
	cp "$CARGO_TARGET_DIR/release/registry-node" "$node"
	cp "$CARGO_TARGET_DIR/release/wbuild/registry-runtime/registry_runtime.compact.compressed.wasm" "$wasm"
}

pallets() {
	build_node
	declare -A dirs=(
		[pallet_members]=pallets/members
		[pallet_validators]=pallets/validators
		[pallet_consortium]=pallets/consortium
		[pallet_collectibles]=pallets/collectibles
		[pallet_rights]=pallets/rights
		[pallet_audit]=pallets/audit
	)
	local chosen=("$@")
	[ ${#chosen[@]} -gt 0 ] || chosen=("${!dirs[@]}")
	for pallet in "${chosen[@]}"; do
		local dir="${dirs[$pallet]:-}"
		if [ -z "$dir" ]; then
			echo "bench: unknown pallet '$pallet'; known: ${!dirs[*]}" >&2
			exit 1
		fi
		"$node" benchmark pallet \
			--runtime "$wasm" \
			--genesis-builder-preset development \
			--pallet "$pallet" \
			--extrinsic '*' \
			--steps "${STEPS:-50}" \
			--repeat "${REPEAT:-20}" \
			--template scripts/weight-template.hbs \
			--output "$dir/src/weights.rs"
	done
}

need_db() {
	if [ ! -d "${1:-}/chains" ]; then
		echo "bench: '${1:-}' is not a node's base path (no chains/ in it); build one with" \
			"KEEP_DB=DIR scripts/bench-import.sh ROWS" >&2
		exit 1
	fi
}

storage() {
	need_db "${1:-}"
	build_node
	# Writes are committed in batches of a full block's (3,000 items, 10 keys each), so
	# that each write carries its share of the storage root's computation.
	"$node" benchmark storage --dev --base-path "$1" --state-version 1 \
		--enable-trie-cache --trie-cache-size 268435456 --db-cache 256 \
		--batch-size "${DB_BATCH_SIZE:-30000}" --keys-limit "${DB_KEYS:-200000}" \
		--mul "${DB_WEIGHT_MUL:-1.2}" --add "${DB_WEIGHT_ADD:-0}" \
		--template-path scripts/db-weight-template.hbs \
		--weight-path runtime/src/configs/db_weights.rs
}

block() {
	need_db "${1:-}"
	if [ -z "${2:-}" ] || [ -z "${3:-}" ]; then
		echo "bench: block needs the first and last block to execute: block DB FROM TO" >&2
		exit 1
	fi
	build_node
	"$node" benchmark block --dev --base-path "$1" --from "$2" --to "$3" --repeat "${REPEAT:-5}" \
		--state-pruning archive --blocks-pruning archive
}

case "${1:-}" in
storage) shift; storage "$@" ;;
block) shift; block "$@" ;;
all)
	db="${BENCH_DB:-$HOME/.cache/registry/bench-db}"
	rm -rf "$db"
	KEEP_DB="$db" scripts/bench-import.sh "${BENCH_ITEMS:-1000000}"
	storage "$db"
	pallets
	;;
*) pallets "$@" ;;
esac
