//! Member roles, and how other pallets ask about them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
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

/// What other pallets may ask about members, implemented by the members pallet.
pub trait MemberRoles<AccountId> {
	/// Whether `who` is a member who may transact now.
	fn is_active_member(who: &AccountId) -> bool;
	/// Whether `who` is an active member holding `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;

	/// Makes `who` an active member holding `roles`, for benchmarks of other pallets.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId, roles: &[Role]);
}
