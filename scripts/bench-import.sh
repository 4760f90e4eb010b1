#!/usr/bin/env bash
# Measures `registry import` in items per second on a fresh development chain.
#
#   scripts/bench-import.sh                          # 10,000 rows
#   scripts/bench-import.sh 100000                   # any number of rows
#   scripts/bench-import.sh 10000 --batch-size 250   # more arguments go to `registry import`
#
# Builds the workspace, writes a manifest of ROWS items with precomputed (random) hashes,
# starts a single-validator development node on temporary storage, creates a collection as
# //Alice and times the import of the manifest into it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"

rows="${1:-10000}"
[ $# -gt 0 ] && shift
if ! [[ "$rows" =~ ^[1-9][0-9]*$ ]]; then
	echo "bench-import: ROWS must be a positive whole number, not '$rows'" >&2
	exit 1
fi

scripts/setup.sh
cargo build --release --workspace
bin="$CARGO_TARGET_DIR/release"
port="${BENCH_RPC_PORT:-19944}"
node_url="ws://127.0.0.1:$port"
work="$(mktemp -d)"
node_pid=""
cleanup() {
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

echo "Writing a manifest of $rows rows..."
awk -v rows="$rows" 'BEGIN {
	srand(20260101)
	print "serial,content_sha256,metadata_uri,metadata_sha256,catalogue_number"
	for (i = 0; i < rows; i++) {
		content = ""; metadata = ""
		for (k = 0; k < 8; k++) {
			content = content sprintf("%08x", int(rand() * 4294967296))
			metadata = metadata sprintf("%08x", int(rand() * 4294967296))
		}
		printf "%d,%s,https://museum.example/objects/%d.json,%s,B-%07d\n", i, content, i, metadata, i
	}
}' >"$work/catalogue.csv"

echo "Starting a development node on port $port..."
"$bin/registry-node" --dev --base-path "$work/node" --rpc-port "$port" \
	--listen-addr /ip4/127.0.0.1/tcp/0 --no-prometheus --no-telemetry --no-mdns 2>"$work/node.log" &
node_pid=$!
registry() { "$bin/registry" --node "$node_url" --key-uri //Alice "$@"; }
for _ in $(seq 120); do
	# The node answers once the error is about the collection, not the node.
	registry collection show 0 2>&1 | grep -q "does not exist" && break
	sleep 0.5
done

registry collection create --name "Import benchmark" --metadata-uri https://museum.example/b.json \
	--metadata-sha256 "$(printf '%064d' 0)" --max-supply "$rows" >/dev/null

echo "Importing..."
start=$(date +%s.%N)
registry import "$work/catalogue.csv" --collection 0 --output json "$@" >"$work/result.json"
end=$(date +%s.%N)

result=$(cat "$work/result.json")
minted=$(grep -o '"minted":[0-9]*' <<<"$result" | cut -d: -f2)
failed=$(grep -o '"failed":[0-9]*' <<<"$result" | cut -d: -f2)
rate=$(grep -o '"items_per_second":[0-9.e+-]*' <<<"$result" | cut -d: -f2)
awk -v rows="$rows" -v minted="$minted" -v failed="$failed" -v rate="$rate" \
	-v start="$start" -v end="$end" 'BEGIN {
	wall = end - start
	printf "rows %d, minted %d, failed %d\n", rows, minted, failed
	printf "submission to finality: %.0f items/s\n", rate
	printf "whole command (reading the manifest, checking the chain, report): %.1f s, %.0f items/s\n", wall, minted / wall
}'
[ "$failed" = "0" ]
