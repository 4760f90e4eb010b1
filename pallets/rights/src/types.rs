//! SCALE types stored by the rights pallet, and the set algebra of scopes.
//!
//! A scope is a product of three sets: rights × territory × term. Two scopes overlap when all
//! three pairs intersect, and one lies within another when each of its three sets does. There
//! is no share, percentage, amount or price anywhere in these types: a unit of rights is a
//! whole, non-fungible record held by named members.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::H256,
};
/// The scope vocabulary is defined with the audit record, which names it.
pub use registry_primitives::scope::{
	CountryCode, Day, RightSet, Scope, SplitSpec, Term, Territory,
};
use scale_info::TypeInfo;

/// A registered work's number.
pub type WorkId = u64;

/// A unit of economic rights' number.
pub type UnitId = u64;

/// A licence's number.
pub type LicenceId = u64;

/// An authorship dispute's number.
pub type DisputeId = u64;

/// Seconds in one day, to turn the chain's wall clock into [`Day`]s.
pub const SECONDS_PER_DAY: u64 = 86_400;

/// The reason code of an audit entry for an upheld dispute.
pub const RULING_UPHELD: u16 = 1;

/// The reason code of an audit entry for a rejected dispute.
pub const RULING_REJECTED: u16 = 2;

/// The metadata reference both registries store, defined once.
pub use registry_primitives::MetadataRef;

/// Why a unit came to be.
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
pub enum UnitSource {
	/// The work's registration: the first unit, held by the authors.
	Registration,
	/// A split of its parent.
	Split,
	/// An assignment of its parent to new holders.
	Assignment,
}

/// A unit of economic rights in a work: a whole, non-fungible record held by named members.
///
/// Units are not edited. A split or an assignment ends the unit (`ended_at`) and creates its
/// successors, whose `parent` is the ended unit; the parent chain is the chain of title.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxHolders, MaxTerritories))]
pub struct Unit<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxHolders: Get<u32>,
	MaxTerritories: Get<u32>,
> {
	/// The work.
	pub work: WorkId,
	/// What it covers.
	pub scope: Scope<MaxTerritories>,
	/// The co-holders, who exercise the unit by agreement.
	pub holders: BoundedVec<AccountId, MaxHolders>,
	/// How many holders must approve a split, an assignment or a licence.
	pub threshold: u32,
	/// The unit it came from; `None` for a work's first unit.
	pub parent: Option<UnitId>,
	/// The block it was created in.
	pub created_at: BlockNumber,
	/// Why it was created.
	pub created_by_action: UnitSource,
	/// The block it was split or assigned in, after which it holds nothing.
	pub ended_at: Option<BlockNumber>,
}

/// A registered work.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxTitle, MaxUri, MaxHolders, MaxParents))]
pub struct Work<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxTitle: Get<u32>,
	MaxUri: Get<u32>,
	MaxHolders: Get<u32>,
	MaxParents: Get<u32>,
> {
	/// SHA-256 of the content's bytes.
	pub content: H256,
	/// Its title.
	pub title: BoundedVec<u8, MaxTitle>,
	/// Its metadata document.
	pub metadata: MetadataRef<MaxUri>,
	/// The day it was created.
	pub created_on: Day,
	/// The authors as registered, the first author first. Corrections after a dispute are in
	/// the moral-rights record and the author history; this list stays as filed.
	pub authors: BoundedVec<AccountId, MaxHolders>,
	/// The works it derives from.
	pub parents: BoundedVec<WorkId, MaxParents>,
	/// The account that registered it: the first author, or an institution on their behalf.
	pub registrant: AccountId,
	/// The block it was registered in.
	pub registered_at: BlockNumber,
	/// Its first unit of economic rights.
	pub root_unit: UnitId,
	/// Disputes of its authorship not yet resolved.
	pub open_disputes: u32,
	/// Licences in the live-licence index: not revoked, and not yet found expired.
	pub live_licences: u32,
}

/// The moral rights in a work, which stay with its authors: never split, assigned or
/// licensed.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxHolders))]
pub struct MoralRightsRecord<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxHolders: Get<u32>,
> {
	/// The authors, as last corrected.
	pub authors: BoundedVec<AccountId, MaxHolders>,
	/// The moral rights: always [`RightSet::MORAL`].
	pub rights: RightSet,
	/// The current version of the author list, from 0 at registration.
	pub version: u32,
	/// The block the current version took effect in.
	pub since: BlockNumber,
}

/// One version of a work's author list.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxHolders))]
pub struct AuthorVersion<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxHolders: Get<u32>,
> {
	/// The authors.
	pub authors: BoundedVec<AccountId, MaxHolders>,
	/// The block it took effect in.
	pub at: BlockNumber,
	/// The dispute whose ruling made it; `None` for the registered list.
	pub dispute: Option<DisputeId>,
}

/// A withdrawal of an attestation or a licence. The record it ends stays.
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
pub struct Revocation<BlockNumber> {
	/// The reason, as a code agreed by the consortium.
	pub reason: u16,
	/// The block it was revoked in.
	pub at: BlockNumber,
}

/// An institution's or arbiter's co-signature of a work's authorship claim.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Attestation<BlockNumber> {
	/// SHA-256 of the claim attested.
	pub claim: H256,
	/// SHA-256 of the evidence, kept off chain, if any.
	pub evidence: Option<H256>,
	/// The block it was given in.
	pub at: BlockNumber,
	/// Set once the attester withdraws it.
	pub revoked: Option<Revocation<BlockNumber>>,
}

/// Where an authorship dispute stands.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum DisputeStatus<AccountId, BlockNumber> {
	/// Waiting for an arbiter.
	Open,
	/// Upheld: the author list was corrected to `version`.
	Upheld {
		/// The arbiter.
		by: AccountId,
		/// SHA-256 of the ruling, kept off chain.
		ruling: H256,
		/// The block of the ruling.
		at: BlockNumber,
		/// The author-list version the ruling created.
		version: u32,
	},
	/// Rejected: the author list stands.
	Rejected {
		/// The arbiter.
		by: AccountId,
		/// SHA-256 of the ruling, kept off chain.
		ruling: H256,
		/// The block of the ruling.
		at: BlockNumber,
	},
}

/// A member's challenge of a work's authorship.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Dispute<AccountId, BlockNumber> {
	/// The work.
	pub work: WorkId,
	/// The member who opened it.
	pub opened_by: AccountId,
	/// SHA-256 of the evidence, kept off chain.
	pub evidence: H256,
	/// The block it was opened in.
	pub opened_at: BlockNumber,
	/// Where it stands.
	pub status: DisputeStatus<AccountId, BlockNumber>,
}

/// A licence granted from a unit. It outlives splits and assignments of the unit: the grantors
/// are the unit's holders when it was granted.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxHolders, MaxTerritories))]
pub struct Licence<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxHolders: Get<u32>,
	MaxTerritories: Get<u32>,
> {
	/// The work.
	pub work: WorkId,
	/// The unit it was granted from.
	pub unit: UnitId,
	/// The unit's holders when it was granted; any of them may revoke it.
	pub grantors: BoundedVec<AccountId, MaxHolders>,
	/// The member licensed.
	pub licensee: AccountId,
	/// What it covers; it expires at the end of the term.
	pub scope: Scope<MaxTerritories>,
	/// Whether it is exclusive in its scope.
	pub exclusive: bool,
	/// The block it was granted in.
	pub granted_at: BlockNumber,
	/// Set once a grantor revokes it.
	pub revoked: Option<Revocation<BlockNumber>>,
}

impl<
		AccountId: Clone + PartialEq + core::fmt::Debug,
		BlockNumber: Clone + PartialEq + core::fmt::Debug,
		MaxHolders: Get<u32>,
		MaxTerritories: Get<u32>,
	> Licence<AccountId, BlockNumber, MaxHolders, MaxTerritories>
{
	/// Whether it still binds on `today`: not revoked and not expired. A licence whose term
	/// starts later binds already, as a commitment.
	pub fn is_live(&self, today: Day) -> bool {
		self.revoked.is_none() && !self.scope.term.has_ended(today)
	}
}

/// An action on a unit that the unit's holders approve together. Its hash, from
/// `Pallet::proposal_hash`, keys the approvals collected so far.
#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxHolders, MaxTerritories))]
pub enum Proposal<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxHolders: Get<u32>,
	MaxTerritories: Get<u32>,
> {
	/// `split(unit, spec)`.
	Split(SplitSpec<MaxTerritories>),
	/// `assign(unit, to, threshold)`.
	Assign {
		/// The new holders.
		to: BoundedVec<AccountId, MaxHolders>,
		/// Their threshold.
		threshold: u32,
	},
	/// `grant_licence(unit, licensee, scope, exclusive)`.
	Licence {
		/// The member licensed.
		licensee: AccountId,
		/// What it covers.
		scope: Scope<MaxTerritories>,
		/// Whether it is exclusive.
		exclusive: bool,
	},
}
