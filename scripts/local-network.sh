#!/usr/bin/env bash
# A four-validator network of the `local` chain on this machine: Alice, Bob, Charlie and Dave,
# with the node keys the `local` genesis admits.
#
#   scripts/local-network.sh start    builds the node if needed, starts the four, waits until
#                                      they peer and finalize, prints their RPC URLs
#   scripts/local-network.sh stop     ends exactly the processes `start` recorded
#   scripts/local-network.sh status   says which are running, with peers and blocks
#
# Everything lives under one directory (default: /tmp/registry-local-network; set
# LOCAL_NETWORK_DIR to move it): base paths, logs (<name>.log) and PIDs (<name>.pid).
# P2P ports are 30333-30336 and RPC ports 9944-9947; P2P_PORT and RPC_PORT move the first of
# each. NODE names another registry-node binary, CHAIN another chain (a spec file made with
# `build-spec --raw` from the `local` chain, for instance).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"
NODE="${NODE:-$CARGO_TARGET_DIR/release/registry-node}"
DIR="${LOCAL_NETWORK_DIR:-/tmp/registry-local-network}"
CHAIN="${CHAIN:-local}"
P2P_PORT="${P2P_PORT:-30333}"
RPC_PORT="${RPC_PORT:-9944}"
# How long `start` waits for the four to peer and finalize, in seconds.
WAIT="${WAIT:-180}"

NAMES=(alice bob charlie dave)
# The libp2p identity of node key 0x00…01, Alice's: the others find the network through her.
ALICE_PEER=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp

node_key() { printf '%064x' "$(($1 + 1))"; }
p2p_port() { echo $((P2P_PORT + $1)); }
rpc_port() { echo $((RPC_PORT + $1)); }
pid_file() { echo "$DIR/${NAMES[$1]}.pid"; }

# The PID recorded for node $1 if that process is still a registry-node.
running_pid() {
	local file pid
	file=$(pid_file "$1")
	[ -f "$file" ] || return 1
	pid=$(cat "$file")
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q registry-node || return 1
	echo "$pid"
}

# A JSON-RPC call to node $1; prints the raw answer, empty when it does not answer.
rpc() {
	curl -s --max-time 2 -H 'Content-Type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$(rpc_port "$1")" 2>/dev/null || true
}

# Peers, best and finalized block of node $1, as "peers best finalized"; empty if it does not
# answer.
progress() {
	local health best finalized_hash finalized
	health=$(rpc "$1" system_health)
	[ -n "$health" ] || return 0
	best=$(rpc "$1" chain_getHeader | sed -n 's/.*"number":"0x\([0-9a-f]*\)".*/\1/p')
	finalized_hash=$(rpc "$1" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
	finalized=$(rpc "$1" chain_getHeader "[\"$finalized_hash\"]" |
		sed -n 's/.*"number":"0x\([0-9a-f]*\)".*/\1/p')
	echo "$(sed -n 's/.*"peers":\([0-9]*\).*/\1/p' <<<"$health") $((16#${best:-0})) $((16#${finalized:-0}))"
}

# Whether something listens on TCP port $1 of this machine.
listening() {
	ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop() {
	local stopped=() i pid
	for i in "${!NAMES[@]}"; do
		if pid=$(running_pid "$i"); then
			kill "$pid" 2>/dev/null || true
			stopped+=("${NAMES[$i]} ($pid)")
		fi
	done
	for i in "${!NAMES[@]}"; do
		for _ in $(seq 1 50); do
			running_pid "$i" >/dev/null || break
			sleep 0.2
		done
		if pid=$(running_pid "$i"); then
			kill -9 "$pid" 2>/dev/null || true
		fi
		rm -f "$(pid_file "$i")"
	done
	if [ ${#stopped[@]} -eq 0 ]; then
		echo "No network was running under $DIR."
	else
		echo "Stopped ${stopped[*]}."
	fi
}

status() {
	local i pid any=0
	for i in "${!NAMES[@]}"; do
		if pid=$(running_pid "$i"); then
			any=1
			read -r peers best finalized <<<"$(progress "$i") "
			echo "${NAMES[$i]}: running (PID $pid), ws://127.0.0.1:$(rpc_port "$i"), ${peers:-?} peers, best #${best:-?}, finalized #${finalized:-?}"
		else
			echo "${NAMES[$i]}: not running"
		fi
	done
	[ "$any" -eq 1 ]
}

start() {
	local i pid running=() taken=()
	for i in "${!NAMES[@]}"; do
		if pid=$(running_pid "$i"); then running+=("${NAMES[$i]} ($pid)"); fi
	done
	if [ ${#running[@]} -gt 0 ]; then
		echo "error: a network is already running under $DIR: ${running[*]}; stop it with" \
			"scripts/local-network.sh stop" >&2
		exit 1
	fi
	for i in "${!NAMES[@]}"; do
		for port in "$(p2p_port "$i")" "$(rpc_port "$i")"; do
			listening "$port" && taken+=("$port")
		done
	done
	if [ ${#taken[@]} -gt 0 ]; then
		echo "error: port ${taken[*]} is already in use on this machine; stop what listens" \
			"there, or set P2P_PORT and RPC_PORT to free ranges" >&2
		exit 1
	fi
	if [ ! -x "$NODE" ]; then
		echo "Building the node into $CARGO_TARGET_DIR (the first build takes about 40 minutes)."
		scripts/setup.sh
		cargo build --release --workspace
	fi

	mkdir -p "$DIR"
	local boot="/ip4/127.0.0.1/tcp/$(p2p_port 0)/p2p/$ALICE_PEER"
	for i in "${!NAMES[@]}"; do
		local args=(--chain "$CHAIN" "--${NAMES[$i]}" --base-path "$DIR/${NAMES[$i]}"
			--port "$(p2p_port "$i")" --rpc-port "$(rpc_port "$i")"
			--node-key "$(node_key "$i")")
		[ "$i" -eq 0 ] || args+=(--bootnodes "$boot")
		nohup "$NODE" "${args[@]}" >"$DIR/${NAMES[$i]}.log" 2>&1 &
		echo $! >"$(pid_file "$i")"
	done

	echo "Started ${NAMES[*]}; waiting for them to peer and finalize (logs in $DIR)."
	local deadline=$((SECONDS + WAIT)) ready
	while [ $SECONDS -lt $deadline ]; do
		ready=0
		for i in "${!NAMES[@]}"; do
			if ! running_pid "$i" >/dev/null; then
				echo "error: ${NAMES[$i]} stopped; the end of $DIR/${NAMES[$i]}.log:" >&2
				tail -n 20 "$DIR/${NAMES[$i]}.log" >&2 || true
				stop >/dev/null
				exit 1
			fi
			read -r peers best finalized <<<"$(progress "$i") "
			if [ "${peers:-0}" -ge 3 ] && [ "${finalized:-0}" -ge 1 ]; then
				ready=$((ready + 1))
			fi
		done
		if [ "$ready" -eq ${#NAMES[@]} ]; then
			for i in "${!NAMES[@]}"; do
				echo "${NAMES[$i]}: ws://127.0.0.1:$(rpc_port "$i")"
			done
			echo "The network is up: four validators peer and finalize. Stop it with" \
				"scripts/local-network.sh stop."
			return 0
		fi
		sleep 2
	done
	echo "error: the four nodes did not peer and finalize within $WAIT s; their state:" >&2
	status >&2 || true
	stop >/dev/null
	exit 1
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*)
	echo "usage: scripts/local-network.sh start|stop|status" >&2
	exit 2
	;;
esac
