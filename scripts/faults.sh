#!/usr/bin/env bash
# Runs a fault scenario at length on real registry-node processes and prints its figures. The
# test suite runs the same scenarios in a short form (tests/tests/faults.rs and the runtime's
# random-call test); the variables below scale them.
#
#   scripts/faults.sh crash-import   # kill -9 a development node 100 times during an import
#   scripts/faults.sh rolling        # four validators, one killed and restarted every 30 s
#   scripts/faults.sh partition      # network namespaces: one validator cut off, then 2 | 2
#   scripts/faults.sh disk-full      # a node on a small disk that fills, then grows
#   scripts/faults.sh abuse          # 10,000 bad transactions while a member registers
#   scripts/faults.sh fuzz           # random calls through the runtime, invariants checked
#   scripts/faults.sh all
#
# Variables: FAULT_SEED (a run's random moments and choices), FAULT_KILLS, FAULT_IMPORT_ROWS,
# FAULT_ROUNDS, FAULT_PAUSE_SECS, FAULT_DISK_MIB, FAULT_DISK_ROWS, FAULT_BAD_TRANSACTIONS,
# FAULT_ABUSE_ROWS, FUZZ_CALLS (per run), FUZZ_RUNS, FUZZ_FIRST_SEED. `partition` and
# `disk-full` need root (network namespaces, a tmpfs mount); every node listens on loopback or
# in the namespaces the run makes and removes.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/registry/target}"

scenario="${1:-}"
case "$scenario" in
crash-import | rolling | partition | disk-full | abuse | fuzz | all) ;;
*)
	echo "faults: name a scenario: crash-import, rolling, partition, disk-full, abuse, fuzz or all" >&2
	exit 2
	;;
esac

scripts/setup.sh
cargo build --release --workspace

# One test of tests/tests/faults.rs, its output shown.
fault() {
	cargo test --release --workspace --test faults "$1" -- --nocapture --test-threads 1
}

run() {
	case "$1" in
	crash-import)
		FAULT_KILLS="${FAULT_KILLS:-100}" FAULT_IMPORT_ROWS="${FAULT_IMPORT_ROWS:-20000}" \
			fault a_node_killed_at_random_during_an_import
		;;
	rolling)
		FAULT_ROUNDS="${FAULT_ROUNDS:-12}" FAULT_PAUSE_SECS="${FAULT_PAUSE_SECS:-30}" \
			fault validators_killed_in_turn
		;;
	partition)
		FAULT_PAUSE_SECS="${FAULT_PAUSE_SECS:-30}" fault an_isolated_validator_and_a_split_network
		;;
	disk-full)
		FAULT_DISK_ROWS="${FAULT_DISK_ROWS:-60000}" FAULT_DISK_MIB="${FAULT_DISK_MIB:-300}" \
			fault a_node_whose_disk_fills
		;;
	abuse)
		FAULT_BAD_TRANSACTIONS="${FAULT_BAD_TRANSACTIONS:-10000}" \
			FAULT_ABUSE_ROWS="${FAULT_ABUSE_ROWS:-20000}" FAULT_STRICT=1 \
			fault a_flood_of_bad_transactions
		;;
	fuzz)
		# Fresh chains, one per seed: the invariants are checked over the whole state after
		# every block, so one long chain would spend its time re-reading its own history.
		for seed in $(seq "${FUZZ_FIRST_SEED:-1}" $((${FUZZ_FIRST_SEED:-1} + ${FUZZ_RUNS:-10} - 1))); do
			FUZZ_SEED="$seed" FUZZ_CALLS="${FUZZ_CALLS:-10000}" cargo test --release --workspace \
				--lib random_calls_from_anyone -- --nocapture 2>&1 | grep -E 'fuzz: seed|panicked|broke'
		done
		;;
	esac
}

if [ "$scenario" = all ]; then
	for one in crash-import rolling partition disk-full abuse fuzz; do
		run "$one"
	done
else
	run "$scenario"
fi
