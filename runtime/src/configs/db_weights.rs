//! Database weights of the registry runtime, measured on this machine class with
//! `registry-node benchmark storage` (see `scripts/bench.sh storage`). Generated: do not edit.
//!
//! CLI VERSION 64.0.0, DATE 2026-12-04 (Y/M/D)
//! HOSTNAME `vm`, CPU `AMD EPYC`
//! DATABASE `RocksDb`, RUNTIME `Registry Development`, AT BLOCK `Number(205)`
//! STATE-VERSION `V1`, BATCH-SIZE `30000`, TRIE CACHE `true` (268435456 bytes)
//! METRIC `Average`, MUL `1.2`, ADD `0`

// Executed command:
//   /root/.cache/registry/target/bench/registry-node
//   benchmark
//   storage
//   --dev
//   --base-path
//   /root/.cache/registry/bench-db-100k
//   --state-version
//   1
//   --enable-trie-cache
//   --trie-cache-size
//   268435456
//   --db-cache
//   256
//   --batch-size
//   30000
//   --keys-limit
//   200000
//   --mul
//   1.2
//   --add
//   0
//   --template-path
//   scripts/db-weight-template.hbs
//   --weight-path
//   runtime/src/configs/db_weights.rs

use polkadot_sdk::frame_support::{
	parameter_types,
	weights::{constants, RuntimeDbWeight},
};

parameter_types! {
	/// One storage read and one storage write on RocksDB, each the
	/// *Average* measured, times `1.2`, plus `0` ns.
	pub const RegistryDbWeight: RuntimeDbWeight = RuntimeDbWeight {
		// Reads, nanoseconds: min 1_423, median 8_145,
		// average 9_743, 99th percentile 27_372, max 7_319_437.
		read: 11_692 * constants::WEIGHT_REF_TIME_PER_NANOS,
		// Writes, nanoseconds: min 15_802, median 19_653,
		// average 23_236, 99th percentile 32_067, max 32_067.
		write: 27_884 * constants::WEIGHT_REF_TIME_PER_NANOS,
	};
}
