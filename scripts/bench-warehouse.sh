#!/usr/bin/env bash
# Measures `registry audit sync` into PostgreSQL: records per second synced from a chain with
# RECORDS audit records, then the lag behind the records' time while following a chain under
# registration load.
#
#   scripts/bench-warehouse.sh                 # 100,000 records
#   scripts/bench-warehouse.sh 1000000         # a million (importing them takes about 25 min)
#   NODE_DB=DIR scripts/bench-warehouse.sh N   # keep the node's database in DIR, and reuse it
#                                              # on the next run (only the missing records are
#                                              # imported)
#   FOLLOW_ROWS=20000 ...                      # the load while following, imported at full
#                                              # speed
#
# Starts a development node and a PostgreSQL server of its own (Debian's binaries, a new
# cluster in a temporary directory, a free port), imports generated items as //Alice until the
# log holds RECORDS records (one per item, and a few of the chain's own), syncs the whole log
# into an empty database, and prints records per second. Then it starts `audit sync --follow`
# on that database, imports FOLLOW_ROWS more items as fast as the chain takes them, and
# prints how long after a record's block time the warehouse held it (p50, p99, max, from the
# sync's progress lines).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"

records="${1:-100000}"
if ! [[ "$records" =~ ^[1-9][0-9]*$ ]]; then
	echo "bench-warehouse: RECORDS must be a positive whole number, not '$records'" >&2
	exit 1
fi
follow_rows="${FOLLOW_ROWS:-20000}"
node_db="${NODE_DB:-}"

scripts/setup.sh
cargo build --release --workspace
bin="$CARGO_TARGET_DIR/release"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work="$(mktemp -d)"
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
pg_port=$(free_port)
node_url="ws://127.0.0.1:$port"
node_pid=""
pg_started=""
follow_pid=""
cleanup() {
	[ -n "$follow_pid" ] && kill "$follow_pid" 2>/dev/null && wait "$follow_pid" 2>/dev/null
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
	[ -n "$pg_started" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" stop -m fast >/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# The server runs as `postgres` when this runs as root: initdb refuses root.
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U registry --auth=trust -E UTF8 \
	--locale=C.UTF-8 >/dev/null
# pg_ctl, not a signal to `runuser`, stops it: `runuser` ignores SIGINT.
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
	-o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
pg_started=1
psql_() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U registry "$@"; }
psql_ -d postgres -c "CREATE DATABASE bench"
database="postgres://registry@127.0.0.1:$pg_port/bench"

db_dir="${node_db:-$work/node}"
echo "Starting a development node on port $port (database $db_dir)..."
"$bin/registry-node" --dev --base-path "$db_dir" --rpc-port "$port" \
	--listen-addr /ip4/127.0.0.1/tcp/0 --no-prometheus --no-telemetry --no-mdns \
	2>"$work/node.log" &
node_pid=$!
registry() { "$bin/registry" --node "$node_url" --key-uri //Alice "$@"; }
for _ in $(seq 240); do
	registry audit head >/dev/null 2>&1 && break
	sleep 0.5
done
field() { grep -o "\"$1\":[0-9.e+-]*" | head -1 | cut -d: -f2; }
head_records() { registry --output json audit head | field records; }

source scripts/manifest.sh

if ! registry collection show 0 >/dev/null 2>&1; then
	registry collection create --name "Warehouse benchmark" \
		--metadata-uri https://museum.example/w.json --metadata-sha256 "$(printf '%064d' 0)" \
		--max-supply 16777215 >/dev/null
fi
have=$(head_records)
if [ "$have" -lt "$records" ]; then
	rows=$((records - have))
	minted=$(registry --output json collection show 0 | field minted)
	echo "The log holds $have records; importing $rows items..."
	manifest "$work/catalogue.csv" "$rows" "$((20261207 + minted))" "$minted" w W
	start=$(date +%s)
	registry import "$work/catalogue.csv" --collection 0 --output json >"$work/import.json"
	echo "Imported in $(($(date +%s) - start)) s ($(field items_per_second <"$work/import.json") items/s)."
fi
have=$(head_records)

echo "Syncing $have records into an empty database..."
start=$(date +%s.%N)
"$bin/registry" --node "$node_url" --output json audit sync --postgres "$database" >"$work/sync.json"
end=$(date +%s.%N)
synced=$(field records <"$work/sync.json")
rows_in_db=$(psql_ -d bench -At -c "SELECT count(*) FROM audit_records")
db_bytes=$(psql_ -d bench -At -c "SELECT pg_database_size('bench')")
awk -v n="$synced" -v rows="$rows_in_db" -v start="$start" -v end="$end" -v bytes="$db_bytes" 'BEGIN {
	wall = end - start
	printf "synced %d records (%d rows in audit_records) in %.1f s: %.0f records/s\n", n, rows, wall, n / wall
	printf "database: %.1f MiB, %.0f bytes per record (records, items, indices)\n", bytes / 1048576, bytes / n
}'

echo "Following the chain while importing $follow_rows items at full speed..."
"$bin/registry" --node "$node_url" audit sync --follow --postgres "$database" \
	2>>"$work/follow.log" >/dev/null &
follow_pid=$!
sleep 2
minted=$(registry --output json collection show 0 | field minted)
manifest "$work/follow.csv" "$follow_rows" "$((20261208 + minted))" "$minted" w W
registry import "$work/follow.csv" --collection 0 --output json >"$work/follow-import.json"
echo "Imported while following at $(field items_per_second <"$work/follow-import.json") items/s."
target=$(head_records)
for _ in $(seq 120); do
	[ "$(psql_ -d bench -At -c "SELECT next_seq FROM sync_state")" -ge "$target" ] && break
	sleep 1
done
kill -INT "$follow_pid" && wait "$follow_pid" 2>/dev/null || true
follow_pid=""
grep -o '[0-9.]* s after the newest record' "$work/follow.log" | cut -d' ' -f1 | sort -n | awk '
	function at(share,   i) { i = int(NR * share) + 1; if (i > NR) i = NR; return lag[i] }
	{ lag[NR] = $1 }
	END {
		if (NR == 0) { print "no batch was synced while following"; exit }
		printf "while following: %d batches; lag behind the newest record'\''s time p50 %.1f s, p99 %.1f s, max %.1f s\n",
			NR, at(0.5), at(0.99), lag[NR]
	}'
