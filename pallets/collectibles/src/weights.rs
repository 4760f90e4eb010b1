//! Weights of the collectibles pallet's calls.
//!
//! Each weight is its storage access counted against the runtime's `DbWeight`, plus a fixed
//! computation allowance; batch minting grows linearly with the batch. They are replaced by
//! figures from the pallet's benchmarks once the node ships the benchmark command.

use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight},
};

/// Weights of the collectibles pallet.
pub trait WeightInfo {
	/// `create_collection` with `i` co-issuers: a membership read per issuer.
	fn create_collection(i: u32) -> Weight;
	/// `mint` of one item.
	fn mint() -> Weight;
	/// `mint_batch` of `n` items.
	fn mint_batch(n: u32) -> Weight;
	/// `set_metadata`, with a history write for an issued item.
	fn set_metadata() -> Weight;
	/// `issue`.
	fn issue() -> Weight;
	/// `transfer`, with the policy's window and both owner-index entries.
	fn transfer() -> Weight;
	/// `freeze`.
	fn freeze() -> Weight;
	/// `unfreeze`.
	fn unfreeze() -> Weight;
	/// `retire`.
	fn retire() -> Weight;
}

/// Allowance for the computation of a call, beside its storage access.
const COMPUTE: u64 = 25_000_000;
/// Allowance per item of a batch.
const COMPUTE_PER_ITEM: u64 = 15_000_000;

fn counted(db: RuntimeDbWeight, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(COMPUTE, 0).saturating_add(db.reads_writes(reads, writes))
}

fn batch(db: RuntimeDbWeight, n: u32) -> Weight {
	// Per item: serial and content checks, the member check of the holder; four writes.
	counted(db, 3, 1).saturating_add(
		Weight::from_parts(COMPUTE_PER_ITEM, 0)
			.saturating_add(db.reads_writes(3, 4))
			.saturating_mul(n as u64),
	)
}

macro_rules! weights_with {
	($db:expr) => {
		fn create_collection(i: u32) -> Weight {
			counted($db, 2 + i as u64, 2)
		}
		fn mint() -> Weight {
			batch($db, 1)
		}
		fn mint_batch(n: u32) -> Weight {
			batch($db, n)
		}
		fn set_metadata() -> Weight {
			counted($db, 3, 2)
		}
		fn issue() -> Weight {
			counted($db, 3, 1)
		}
		fn transfer() -> Weight {
			counted($db, 4, 4)
		}
		fn freeze() -> Weight {
			counted($db, 2, 1)
		}
		fn unfreeze() -> Weight {
			counted($db, 2, 1)
		}
		fn retire() -> Weight {
			counted($db, 4, 1)
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
