//! Weights of the validators pallet's calls.
//!
//! Counted from storage access against the runtime's `DbWeight` plus a computation allowance
//! until `scripts/bench.sh` generates them from the pallet's benchmarks.

use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weights of the validators pallet.
pub trait WeightInfo {
	/// Weight of `add_validator` with `v` validators.
	fn add_validator(v: u32) -> Weight;
	/// Weight of `remove_validator` with `v` validators.
	fn remove_validator(v: u32) -> Weight;
	/// Weight of `set_session_length`.
	fn set_session_length() -> Weight;
}

const COMPUTE: u64 = 15_000_000;
const PER_VALIDATOR: u64 = 100_000;

/// Weights for a runtime, using its database weights.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator(v: u32) -> Weight {
		Weight::from_parts(COMPUTE + PER_VALIDATOR * u64::from(v), 0)
			.saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
	fn remove_validator(v: u32) -> Weight {
		Weight::from_parts(COMPUTE + PER_VALIDATOR * u64::from(v), 0)
			.saturating_add(T::DbWeight::get().reads_writes(1, 2))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same weights against RocksDB, for tests and mocks.
impl WeightInfo for () {
	fn add_validator(v: u32) -> Weight {
		Weight::from_parts(COMPUTE + PER_VALIDATOR * u64::from(v), 0)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
	fn remove_validator(v: u32) -> Weight {
		Weight::from_parts(COMPUTE + PER_VALIDATOR * u64::from(v), 0)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 2))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
}
