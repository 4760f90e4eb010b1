//! Weights of the rights pallet's calls.
//!
//! Each weight is its storage access counted against the runtime's `DbWeight`, plus a fixed
//! computation allowance, growing linearly with the components named. They are replaced by
//! figures generated from the pallet's benchmarks (`benchmarking.rs`) once the node ships the
//! benchmark command.

use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight},
};

/// Weights of the rights pallet.
pub trait WeightInfo {
	/// `register_work` with `a` co-authors and `p` parent works.
	fn register_work(a: u32, p: u32) -> Weight;
	/// `attest`.
	fn attest() -> Weight;
	/// `revoke_attestation`.
	fn revoke_attestation() -> Weight;
	/// `open_dispute`.
	fn open_dispute() -> Weight;
	/// `resolve_dispute` with `a` corrected authors.
	fn resolve_dispute(a: u32) -> Weight;
	/// `split` of a unit with `h` holders, dropping `p` pending actions.
	fn split(h: u32, p: u32) -> Weight;
	/// `assign` between units of `h` holders each, dropping `p` pending actions.
	fn assign(h: u32, p: u32) -> Weight;
	/// `grant_licence` checked against `l` licences in force.
	fn grant_licence(l: u32) -> Weight;
	/// `revoke_licence`.
	fn revoke_licence() -> Weight;
	/// `cancel_approval`.
	fn cancel_approval() -> Weight;
}

/// Allowance for the computation of a call, beside its storage access.
const COMPUTE: u64 = 25_000_000;
/// Allowance per element of a component (an author, a holder, a licence compared).
const COMPUTE_PER_ELEMENT: u64 = 2_000_000;

fn counted(db: RuntimeDbWeight, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(COMPUTE, 0).saturating_add(db.reads_writes(reads, writes))
}

fn per_element(db: RuntimeDbWeight, n: u32, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(COMPUTE_PER_ELEMENT, 0)
		.saturating_add(db.reads_writes(reads, writes))
		.saturating_mul(n as u64)
}

macro_rules! weights_with {
	($db:expr) => {
		fn register_work(a: u32, p: u32) -> Weight {
			// Roles of the caller and the creator, the content index, both counters; the
			// work, its content entry, moral rights, author history, first unit, its work
			// index and both counters. Per co-author: a member read and a holder-index write.
			// Per parent: a read and a derivative-index write.
			counted($db, 5, 8)
				.saturating_add(per_element($db, a, 1, 1))
				.saturating_add(per_element($db, p, 1, 1))
		}
		fn attest() -> Weight {
			// The work, two role reads, the attestation; the attestation.
			counted($db, 4, 1)
		}
		fn revoke_attestation() -> Weight {
			counted($db, 2, 1)
		}
		fn open_dispute() -> Weight {
			// The work, the member, the open-dispute entry, the counter; the dispute, both
			// indices, the counter and the work.
			counted($db, 4, 5)
		}
		fn resolve_dispute(a: u32) -> Weight {
			// The dispute, the arbiter, the work, the moral rights; the dispute, the
			// open-dispute entry, the work, the moral rights and the author history.
			counted($db, 4, 5).saturating_add(per_element($db, a, 1, 0))
		}
		fn split(h: u32, p: u32) -> Weight {
			// The unit, its approvals and their count, the counter; two units, their work
			// index entries, the ended unit, the counter and the approval count. Per holder:
			// one index entry removed and two added. Per pending action: one removal.
			counted($db, 4, 7)
				.saturating_add(per_element($db, h, 0, 3))
				.saturating_add(per_element($db, p, 0, 1))
		}
		fn assign(h: u32, p: u32) -> Weight {
			// The unit, its approvals and their count, the counter; the new unit, its work
			// index entry, the ended unit, the counter and the approval count. Per holder: a
			// member read, one index entry removed and one added.
			counted($db, 4, 5)
				.saturating_add(per_element($db, h, 1, 2))
				.saturating_add(per_element($db, p, 0, 1))
		}
		fn grant_licence(l: u32) -> Weight {
			// The unit, the work, the licensee, the approvals and their count, the counter;
			// the licence, both work indices, the work, the counter and the approvals. Per
			// licence in force: the index entry and the licence read, and possibly dropped.
			counted($db, 6, 6).saturating_add(per_element($db, l, 2, 1))
		}
		fn revoke_licence() -> Weight {
			// The licence, the live index entry, the work; the same three.
			counted($db, 3, 3)
		}
		fn cancel_approval() -> Weight {
			// The unit, the approvals; the approvals and their count.
			counted($db, 3, 2)
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
