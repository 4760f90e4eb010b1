#!/usr/bin/env bash
# Measures `registry import` on a fresh chain: items per second finalized, each batch's time
# from submission to finality, the state and database bytes per item, and the node's memory.
#
#   scripts/bench-import.sh                          # 10,000 rows, one development validator
#   scripts/bench-import.sh 1000000                  # any number of rows
#   VALIDATORS=4 scripts/bench-import.sh 100000      # the `local` chain's four validators
#   scripts/bench-import.sh 10000 --batch-size 500   # more arguments go to `registry import`
#   KEEP_DB=DIR scripts/bench-import.sh 1000000      # keep the node's database (an archive) in
#                                                    # DIR, for `scripts/bench.sh storage|block`
#
# Builds the workspace, writes a manifest of ROWS items with precomputed (random) hashes,
# starts the node(s) on temporary storage, creates a collection as //Alice and times the
# import of the manifest into it at full speed. Then a second, smaller manifest (HALF_ROWS,
# default a fifth of ROWS, at most 20,000) is imported at half the measured rate, for the
# latency of a chain that is not saturated.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"

rows="${1:-10000}"
[ $# -gt 0 ] && shift
if ! [[ "$rows" =~ ^[1-9][0-9]*$ ]]; then
	echo "bench-import: ROWS must be a positive whole number, not '$rows'" >&2
	exit 1
fi
validators="${VALIDATORS:-1}"
keep_db="${KEEP_DB:-}"
if [ -n "$keep_db" ] && [ -e "$keep_db" ]; then
	echo "bench-import: KEEP_DB=$keep_db exists; name a new directory" >&2
	exit 1
fi
if [ -n "$keep_db" ] && [ "$validators" != 1 ]; then
	echo "bench-import: KEEP_DB keeps a development node's database; leave VALIDATORS at 1" >&2
	exit 1
fi
if [ "$validators" != 1 ] && [ "$validators" != 4 ]; then
	echo "bench-import: VALIDATORS is 1 (a development node) or 4 (the local network)" >&2
	exit 1
fi
half_rows="${HALF_ROWS:-$((rows / 5 < 20000 ? rows / 5 : 20000))}"

scripts/setup.sh
cargo build --release --workspace
bin="$CARGO_TARGET_DIR/release"
port="${BENCH_RPC_PORT:-19944}"
node_url="ws://127.0.0.1:$port"
work="$(mktemp -d)"
node_pid=""
cleanup() {
	if [ "$validators" = 4 ]; then
		LOCAL_NETWORK_DIR="$work/network" scripts/local-network.sh stop >/dev/null 2>&1 || true
	fi
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
	if [ -n "$keep_db" ] && [ -d "$work/node" ]; then
		mkdir -p "$(dirname "$keep_db")" && mv "$work/node" "$keep_db" &&
			echo "The node's database is kept in $keep_db."
	fi
	rm -rf "$work"
}
trap cleanup EXIT

source scripts/manifest.sh
echo "Writing manifests of $rows and $half_rows rows..."
manifest "$work/catalogue.csv" "$rows" 20260101 0 objects B
[ "$half_rows" -gt 0 ] && manifest "$work/half.csv" "$half_rows" 20260102 "$rows" objects B

if [ "$validators" = 4 ]; then
	echo "Starting four validators of the local chain (RPC from port $port)..."
	LOCAL_NETWORK_DIR="$work/network" RPC_PORT="$port" P2P_PORT="${BENCH_P2P_PORT:-30533}" \
		scripts/local-network.sh start >/dev/null
	node_pid=$(cat "$work/network/alice.pid")
	db="$work/network/alice"
else
	echo "Starting a development node on port $port..."
	archive=()
	[ -n "$keep_db" ] && archive=(--state-pruning archive --blocks-pruning archive)
	"$bin/registry-node" --dev --base-path "$work/node" --rpc-port "$port" "${archive[@]}" \
		--listen-addr /ip4/127.0.0.1/tcp/0 --no-prometheus --no-telemetry --no-mdns 2>"$work/node.log" &
	node_pid=$!
	db="$work/node"
fi
registry() { "$bin/registry" --node "$node_url" --key-uri //Alice "$@"; }
for _ in $(seq 120); do
	# The node answers once the error is about the collection, not the node.
	registry collection show 0 2>&1 | grep -q "does not exist" && break
	sleep 0.5
done

registry collection create --name "Import benchmark" --metadata-uri https://museum.example/b.json \
	--metadata-sha256 "$(printf '%064d' 0)" --max-supply "$((rows + half_rows))" >/dev/null

field() { grep -o "\"$1\":[0-9.e+-]*" | head -1 | cut -d: -f2; }

echo "Importing $rows rows at full speed..."
start=$(date +%s.%N)
registry import "$work/catalogue.csv" --collection 0 --output json "$@" >"$work/result.json"
end=$(date +%s.%N)
result=$(cat "$work/result.json")
minted=$(field minted <<<"$result")
failed=$(field failed <<<"$result")
rate=$(field items_per_second <<<"$result")
p50=$(grep -o '"batch_finality_seconds":{[^}]*}' <<<"$result" | field p50)
p99=$(grep -o '"batch_finality_seconds":{[^}]*}' <<<"$result" | field p99)
rss_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$node_pid/status")
db_bytes=$(du -sb "$db" | cut -f1)
awk -v rows="$rows" -v minted="$minted" -v failed="$failed" -v rate="$rate" -v p50="$p50" \
	-v p99="$p99" -v start="$start" -v end="$end" -v rss="$rss_kib" -v db="$db_bytes" \
	-v validators="$validators" 'BEGIN {
	wall = end - start
	printf "validators %d, rows %d, minted %d, failed %d\n", validators, rows, minted, failed
	printf "submission to finality: %.0f items/s\n", rate
	printf "whole command (reading the manifest, checking the chain, report): %.1f s, %.0f items/s\n", wall, minted / wall
	printf "batch submission to finality at full speed: p50 %.1f s, p99 %.1f s\n", p50, p99
	printf "database: %.1f MiB, %.0f bytes per item (blocks, state and RocksDB overhead)\n", db / 1048576, db / minted
	printf "node peak RSS: %.0f MiB\n", rss / 1024
}'

# The author's own account of each block: how long it took to build, and why it stopped.
log="$work/node.log"
[ "$validators" = 4 ] && log="$work/network/alice.log"
if [ -f "$log" ]; then
	grep -o 'Prepared block for proposing at [0-9]* ([0-9]* ms).*end: [A-Za-z]*' "$log" |
		awk '{ gsub(/[(]/, "", $7); ms = $7 + 0; n++; sum += ms; if (ms > max) max = ms
			if ($0 ~ /HitBlockWeightLimit/) full++ }
			END { if (n) printf "blocks authored: %d, %d of them full by weight; building one took %.0f ms on average, %.0f ms at most\n", n, full, sum / n, max }'
fi

echo "State per item, measured from the finalized state:"
"$bin/state-bytes" "$node_url" | sed 's/^/  /'

if [ "$half_rows" -gt 0 ]; then
	half_rate=$(awk -v r="$rate" 'BEGIN { printf "%.0f", r / 2 }')
	echo "Importing $half_rows more rows at half that rate ($half_rate rows/s)..."
	registry import "$work/half.csv" --collection 0 --output json --max-rate "$half_rate" "$@" \
		>"$work/half.json"
	half=$(cat "$work/half.json")
	hp50=$(grep -o '"batch_finality_seconds":{[^}]*}' <<<"$half" | field p50)
	hp99=$(grep -o '"batch_finality_seconds":{[^}]*}' <<<"$half" | field p99)
	hfailed=$(field failed <<<"$half")
	echo "batch submission to finality at half load: p50 $hp50 s, p99 $hp99 s ($hfailed failed)"
	failed=$((failed + hfailed))
fi
[ "$failed" = "0" ]
