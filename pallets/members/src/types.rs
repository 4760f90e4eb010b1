//! SCALE types stored by the members pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{traits::ConstU32, BoundedBTreeSet},
	sp_core::H256,
	sp_runtime::traits::UniqueSaturatedInto,
};
use scale_info::TypeInfo;

pub use registry_primitives::{AuthorizedBy, Role};

/// Upper bound of roles one member holds: every role at most once.
pub type MaxRoles = ConstU32<5>;

/// The set of roles of one member; never empty for a stored member.
pub type RoleSet = BoundedBTreeSet<Role, MaxRoles>;

/// Whether a member may currently transact.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum MemberStatus {
	/// The member may transact.
	Active,
	/// The member is kept on record but every transaction is rejected at the pool.
	Suspended,
}

/// What the chain keeps about one member. Nothing personal: only a salted hash of the
/// off-chain identity record, so that the record can be matched later without being disclosed.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MemberRecord<AccountId, BlockNumber> {
	/// The member's roles.
	pub roles: RoleSet,
	/// Whether the member may transact.
	pub status: MemberStatus,
	/// Salted hash of the off-chain real-name record; `None` for genesis members.
	pub identity_hash: Option<H256>,
	/// Who admitted the member.
	pub admitted_by: AuthorizedBy<AccountId>,
	/// Block of admission.
	pub admitted_at: BlockNumber,
}

/// How much the members of a role may send per window of blocks: transactions, their weight
/// and their bytes. Each bound holds on its own, so that neither many small transactions nor a
/// few heavy or large ones can fill the chain.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct RateLimit<BlockNumber> {
	/// Transactions allowed in one window; at least one.
	pub max_transactions: u32,
	/// Computation allowed in one window, in picoseconds of reference time; at least one.
	pub max_weight: u64,
	/// Encoded transaction bytes allowed in one window; at least one.
	pub max_bytes: u32,
	/// Length of the window in blocks; at least one.
	pub window_blocks: BlockNumber,
}

impl<BlockNumber: Copy + UniqueSaturatedInto<u64>> RateLimit<BlockNumber> {
	/// Whether `self` allows more transactions per block than `other`. Exact: compares
	/// `max / window` by cross-multiplying.
	pub fn is_more_generous_than(&self, other: &Self) -> bool {
		let mine = u128::from(self.max_transactions)
			* u128::from(other.window_blocks.unique_saturated_into());
		let theirs = u128::from(other.max_transactions)
			* u128::from(self.window_blocks.unique_saturated_into());
		mine > theirs
	}
}

/// A member's use of its current window.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct TransactionWindow<BlockNumber> {
	/// The block the window opened.
	pub start: BlockNumber,
	/// Transactions included since.
	pub count: u32,
	/// Their declared weight, in picoseconds of reference time.
	pub weight: u64,
	/// Their encoded length.
	pub bytes: u32,
}
