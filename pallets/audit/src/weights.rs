//! Weights of the audit pallet's calls and of one report.
//!
//! Each weight is its storage access counted against the runtime's `DbWeight`, plus a fixed
//! computation allowance. They are replaced by figures from the pallet's benchmarks
//! (`benchmarking.rs`) once the runtime is benchmarked.

use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight},
};

/// Weights of the audit pallet.
pub trait WeightInfo {
	/// `set_rules` with `r` rules.
	fn set_rules(r: u32) -> Weight;
	/// `close_alert`.
	fn close_alert() -> Weight;
	/// One report: a transfer naming three accounts, the first record of its block, over a
	/// full transfer history, breaking every rule.
	fn report() -> Weight;
}

/// Allowance for the computation of a call, beside its storage access.
const COMPUTE: u64 = 25_000_000;
/// Allowance per rule checked or alert raised.
const COMPUTE_PER_RULE: u64 = 5_000_000;
/// Rules assumed in force for a report until the benchmarks measure the runtime's bound.
const ASSUMED_RULES: u64 = 8;

fn counted(db: RuntimeDbWeight, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(COMPUTE, 0).saturating_add(db.reads_writes(reads, writes))
}

macro_rules! weights_with {
	($db:expr) => {
		fn set_rules(r: u32) -> Weight {
			counted($db, 0, 1)
				.saturating_add(Weight::from_parts(COMPUTE_PER_RULE, 0).saturating_mul(r as u64))
		}
		fn close_alert() -> Weight {
			// The regulator, the alert, the open count; the alert, its open entry, the count.
			counted($db, 3, 3)
		}
		fn report() -> Weight {
			// The head, the subject count, three account counts, the rules, the item's
			// transfers; the record, the head, the block index, the subject index and count,
			// three account indices and counts, the transfers. Per alert: the next number and
			// the open count; the alert, its open entry, both counters.
			counted($db, 7, 12).saturating_add(
				Weight::from_parts(COMPUTE_PER_RULE, 0)
					.saturating_add($db.reads_writes(2, 4))
					.saturating_mul(ASSUMED_RULES),
			)
		}
	};
}

/// Weights counted against a runtime's `DbWeight`.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	weights_with!(T::DbWeight::get());
}

/// For tests: the same accounting against RocksDB's figures.
impl WeightInfo for () {
	weights_with!(RocksDbWeight::get());
}
