//! Weights of the members pallet's calls and transaction extension.
//!
//! Each weight is its storage access counted against the runtime's `DbWeight`, plus a fixed
//! computation allowance. They are replaced by figures from the pallet's benchmarks once the
//! node ships the benchmark command.

use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weights of the members pallet.
pub trait WeightInfo {
	/// `admit`: reads the origin's and the new member's records, writes the record, the
	/// account's providers and, for a registrar, the registrar count.
	fn admit() -> Weight;
	/// `suspend`: reads both records and the registrar count, writes the record and count.
	fn suspend() -> Weight;
	/// `reinstate`: reads both records, writes the record and the registrar count.
	fn reinstate() -> Weight;
	/// `remove`: reads both records and the registrar count, writes record, count, providers.
	fn remove() -> Weight;
	/// `set_rate_limit`: writes the role's limit.
	fn set_rate_limit() -> Weight;
	/// The `CheckMember` transaction extension: the record, up to five role limits and the
	/// window read, the window written.
	fn check_member() -> Weight;
}

/// Allowance for the computation of a call, beside its storage access.
const COMPUTE: u64 = 20_000_000;

/// Weights counted against a runtime's `DbWeight`.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn admit() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn suspend() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
	fn remove() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn set_rate_limit() -> Weight {
		Weight::from_parts(COMPUTE / 2, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn check_member() -> Weight {
		Weight::from_parts(COMPUTE / 4, 0).saturating_add(T::DbWeight::get().reads_writes(7, 1))
	}
}

/// For tests: the same accounting against RocksDB's figures.
impl WeightInfo for () {
	fn admit() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn suspend() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
	fn remove() -> Weight {
		Weight::from_parts(COMPUTE, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 3))
	}
	fn set_rate_limit() -> Weight {
		Weight::from_parts(COMPUTE / 2, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn check_member() -> Weight {
		Weight::from_parts(COMPUTE / 4, 0).saturating_add(RocksDbWeight::get().reads_writes(7, 1))
	}
}
