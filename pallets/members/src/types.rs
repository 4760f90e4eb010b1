//! SCALE types stored by the members pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{traits::ConstU32, BoundedBTreeSet},
	sp_core::H256,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// What a member may do on the chain. A member holds one or more roles.
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
	PartialOrd,
	Ord,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum Role {
	/// Consortium operator: admits and suspends accounts after off-chain real-name checks.
	Registrar,
	/// Museum, library, archive or publisher: issues collections and attests authorship.
	Institution,
	/// Artist or author: registers works and manages their rights.
	Creator,
	/// Cultural or market authority: audits histories and freezes with reasons.
	Regulator,
	/// Copyright mediation body: resolves authorship disputes.
	Arbiter,
}

impl Role {
	/// Roles that only the consortium (not a registrar) may grant or take away.
	pub fn is_consortium_appointed(&self) -> bool {
		matches!(self, Role::Registrar | Role::Regulator)
	}
}

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

/// Who authorized a membership change: recorded in every event for the audit trail.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum AuthorizedBy<AccountId> {
	/// The chain's genesis configuration.
	Genesis,
	/// The consortium origin (the council, or root on a development chain).
	Consortium,
	/// A registrar member, named.
	Registrar(AccountId),
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
