//! # Rights
//!
//! Evidence of authorship (产权存证) and the splitting, assignment and licensing of the economic
//! rights in a work (产权分割), as separate non-fungible records.
//!
//! ## Overview
//!
//! A creator, or an institution on a creator's behalf, registers a **work** by the SHA-256 of
//! its content: the first to file a content hash holds it, and a later filing of the same hash
//! is refused with [`Error::AlreadyRegistered`] (the runtime API's `work_by_content` names the
//! earlier registrant and block). A work may name the works it derives from.
//!
//! Institutions and arbiters **attest** a work's authorship claim; an attestation may be
//! revoked with a reason and stays on record. Any member may **dispute** a work's authorship;
//! an arbiter rejects the dispute or upholds it with a corrected author list, kept as a new
//! version beside the earlier ones.
//!
//! The work's rights follow the Copyright Law of the PRC, Art. 10 ([`RightSet`]). The four
//! **moral rights** stay with the authors in the [`MoralRights`] record: no call moves them,
//! and a call that names one fails with [`Error::MoralRightsInalienable`]. The twelve
//! **economic rights** start as one [`Unit`] held by the authors, worldwide, from the creation
//! day on. A unit's holders may:
//! - split it by rights, by territory or at a day ([`SplitSpec`]), into two units that together
//!   cover exactly what it covered;
//! - assign it to other members;
//! - grant licences from it, exclusive or not, within its scope.
//!
//! A unit is never edited: a split or an assignment ends it and creates its successors. So the
//! live units of a work never overlap, the chain of title of a unit is its parent chain, and
//! the rights as of any block can be read back. An exclusive licence may not overlap another
//! licence in force; licences expire at the end of their term without any call, and a grantor
//! may revoke one earlier.
//!
//! There are no shares, percentages or prices. A unit with several co-holders acts by
//! agreement: a split, an assignment or a licence needs `threshold` of them, who approve by
//! making the same call; the call takes effect with the last approval needed.
//!
//! ## Interface
//!
//! For creators and institutions: [`Pallet::register_work`].
//!
//! For institutions and arbiters: [`Pallet::attest`], [`Pallet::revoke_attestation`].
//!
//! For members: [`Pallet::open_dispute`]. For arbiters: [`Pallet::resolve_dispute`].
//!
//! For holders of a unit: [`Pallet::split`], [`Pallet::assign`], [`Pallet::grant_licence`],
//! [`Pallet::cancel_approval`]. For grantors of a licence: [`Pallet::revoke_licence`].
//!
//! Every event names the account that authorized the change, and every change is reported to
//! the audit log.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod queries;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
// A glob, because the runtime API macro adds a declaration module beside the trait.
pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_core::H256;
	use registry_primitives::{AuditReporter, FingerprintRegistry, Fingerprints, MemberRoles};

	/// A list of accounts: a work's authors, a unit's holders, approvals.
	pub type HoldersOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxCoHolders>;
	/// A list of country codes with this runtime's bound.
	pub type CodesOf<T> = BoundedVec<CountryCode, <T as Config>::MaxTerritories>;
	/// A territory with this runtime's bound.
	pub type TerritoryOf<T> = Territory<<T as Config>::MaxTerritories>;
	/// A scope with this runtime's bound.
	pub type ScopeOf<T> = Scope<<T as Config>::MaxTerritories>;
	/// A split specification with this runtime's bound.
	pub type SplitSpecOf<T> = SplitSpec<<T as Config>::MaxTerritories>;
	/// A metadata reference with this runtime's bound.
	pub type MetadataOf<T> = MetadataRef<<T as Config>::MaxUriLength>;
	/// A work as stored.
	pub type WorkOf<T> = Work<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxTitleLength,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxCoHolders,
		<T as Config>::MaxParents,
	>;
	/// A unit as stored.
	pub type UnitOf<T> = Unit<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCoHolders,
		<T as Config>::MaxTerritories,
	>;
	/// A licence as stored.
	pub type LicenceOf<T> = Licence<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCoHolders,
		<T as Config>::MaxTerritories,
	>;
	/// A moral-rights record as stored.
	pub type MoralRightsOf<T> = MoralRightsRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCoHolders,
	>;
	/// An author-list version as stored.
	pub type AuthorVersionOf<T> = AuthorVersion<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCoHolders,
	>;
	/// An attestation as stored.
	pub type AttestationOf<T> = Attestation<BlockNumberFor<T>>;
	/// A dispute as stored.
	pub type DisputeOf<T> = Dispute<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An action that a unit's holders approve together.
	pub type ProposalOf<T> = Proposal<
		<T as frame_system::Config>::AccountId,
		<T as Config>::MaxCoHolders,
		<T as Config>::MaxTerritories,
	>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// Who is a member, and in which roles.
		type Members: MemberRoles<Self::AccountId>;
		/// Where every change is reported for the audit log.
		type Audit: AuditReporter<Self::AccountId>;
		/// Where the fingerprints a work carries beside its SHA-256 (SM3, content code) are
		/// recorded and checked.
		type Fingerprints: FingerprintRegistry;
		/// The wall clock, from which the current [`Day`] of terms and expiries is taken.
		type Time: UnixTime;
		/// Bytes of a work's title.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;
		/// Bytes of a metadata URI.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;
		/// Authors of one work, holders of one unit. A work's authors hold its first unit, so
		/// one bound serves both. At least 1.
		#[pallet::constant]
		type MaxCoHolders: Get<u32>;
		/// Works one work derives from.
		#[pallet::constant]
		type MaxParents: Get<u32>;
		/// Country codes in one territory list. Below 338, half of the 676 possible codes, so
		/// that two "everywhere except" territories always share a country.
		#[pallet::constant]
		type MaxTerritories: Get<u32>;
		/// Disputes of one work open at the same time.
		#[pallet::constant]
		type MaxOpenDisputes: Get<u32>;
		/// Licences of one work in force at the same time, which every new licence is checked
		/// against for overlap.
		#[pallet::constant]
		type MaxLiveLicences: Get<u32>;
		/// Actions of one unit waiting for its co-holders' approvals. At least 1.
		#[pallet::constant]
		type MaxPendingActions: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The number the next work gets.
	#[pallet::storage]
	pub type NextWorkId<T: Config> = StorageValue<_, WorkId, ValueQuery>;

	/// The number the next unit gets.
	#[pallet::storage]
	pub type NextUnitId<T: Config> = StorageValue<_, UnitId, ValueQuery>;

	/// The number the next licence gets.
	#[pallet::storage]
	pub type NextLicenceId<T: Config> = StorageValue<_, LicenceId, ValueQuery>;

	/// The number the next dispute gets.
	#[pallet::storage]
	pub type NextDisputeId<T: Config> = StorageValue<_, DisputeId, ValueQuery>;

	/// Works by number.
	///
	/// `Twox64Concat`: numbers are handed out in sequence by the chain, never chosen by a
	/// caller, so a fast hasher cannot be steered into an unbalanced trie.
	#[pallet::storage]
	pub type Works<T: Config> = StorageMap<_, Twox64Concat, WorkId, WorkOf<T>, OptionQuery>;

	/// The work that holds each content hash: the first to file it.
	///
	/// `Blake2_128Concat`: the registrant submits the 32 bytes, and the chain cannot check
	/// that they are the digest of anything, so the key is hashed.
	#[pallet::storage]
	pub type WorkByContent<T: Config> = StorageMap<_, Blake2_128Concat, H256, WorkId, OptionQuery>;

	/// The works derived from each work, by parent and child, so derivatives can be listed.
	///
	/// `Twox64Concat` for both: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type Derivatives<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, WorkId, (), OptionQuery>;

	/// The moral rights of each work, with its current authors.
	///
	/// `Twox64Concat`: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type MoralRights<T: Config> =
		StorageMap<_, Twox64Concat, WorkId, MoralRightsOf<T>, OptionQuery>;

	/// Every version of each work's author list, by work and version (0 as registered).
	///
	/// `Twox64Concat` for both: numbers handed out by the chain.
	#[pallet::storage]
	pub type AuthorHistory<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		WorkId,
		Twox64Concat,
		u32,
		AuthorVersionOf<T>,
		OptionQuery,
	>;

	/// Attestations of each work's authorship, by work and attester; revoked ones stay.
	///
	/// `Twox64Concat` for the work number; `Blake2_128Concat` for the account, which users
	/// choose.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		WorkId,
		Blake2_128Concat,
		T::AccountId,
		AttestationOf<T>,
		OptionQuery,
	>;

	/// Disputes by number; resolved ones stay.
	///
	/// `Twox64Concat`: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type Disputes<T: Config> =
		StorageMap<_, Twox64Concat, DisputeId, DisputeOf<T>, OptionQuery>;

	/// The disputes of each work, so they can be listed.
	///
	/// `Twox64Concat` for both: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type DisputesOfWork<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, DisputeId, (), OptionQuery>;

	/// The open dispute of each member about each work: one at a time.
	///
	/// `Twox64Concat` for the work number; `Blake2_128Concat` for the account, which users
	/// choose.
	#[pallet::storage]
	pub type OpenDisputeOf<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		WorkId,
		Blake2_128Concat,
		T::AccountId,
		DisputeId,
		OptionQuery,
	>;

	/// Units of economic rights by number, ended ones included.
	///
	/// `Twox64Concat`: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type Units<T: Config> = StorageMap<_, Twox64Concat, UnitId, UnitOf<T>, OptionQuery>;

	/// Every unit of each work, ended ones included, so a work's rights can be listed.
	///
	/// `Twox64Concat` for both: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type UnitsOfWork<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, UnitId, (), OptionQuery>;

	/// The live units of each work: its current rights map, listed without reading the units
	/// it has ended.
	///
	/// `Twox64Concat` for both: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type LiveUnits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, UnitId, (), OptionQuery>;

	/// The live units of each holder, so an account's rights can be listed.
	///
	/// `Blake2_128Concat` for the account, which users choose; `Twox64Concat` for the unit.
	#[pallet::storage]
	pub type UnitsOfHolder<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, UnitId, (), OptionQuery>;

	/// Licences by number, revoked and expired ones included.
	///
	/// `Twox64Concat`: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type Licences<T: Config> =
		StorageMap<_, Twox64Concat, LicenceId, LicenceOf<T>, OptionQuery>;

	/// Every licence of each work, so a work's licences can be listed.
	///
	/// `Twox64Concat` for both: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type LicencesOfWork<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, LicenceId, (), OptionQuery>;

	/// The licences of each work that may still bind: not revoked, and not yet found expired.
	/// A new licence is checked for overlap against these only, at most `MaxLiveLicences`;
	/// expired ones are dropped from here when the next licence of the work is granted.
	///
	/// `Twox64Concat` for both: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type LiveLicences<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, LicenceId, (), OptionQuery>;

	/// Approvals collected for an action on a co-held unit, by unit and the action's hash.
	/// Removed when the action takes effect, when the last approval is withdrawn, or when the
	/// unit ends.
	///
	/// `Twox64Concat` for the unit number; `Blake2_128Concat` for the action hash, whose
	/// preimage callers choose.
	#[pallet::storage]
	pub type Pending<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		UnitId,
		Blake2_128Concat,
		H256,
		HoldersOf<T>,
		OptionQuery,
	>;

	/// How many actions of each unit wait for approvals, at most `MaxPendingActions`.
	///
	/// `Twox64Concat`: sequential numbers handed out by the chain.
	#[pallet::storage]
	pub type PendingActions<T: Config> = StorageMap<_, Twox64Concat, UnitId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A work was registered, with its first unit of economic rights held by its authors.
		WorkRegistered {
			work: WorkId,
			content: H256,
			authors: alloc::vec::Vec<T::AccountId>,
			parents: alloc::vec::Vec<WorkId>,
			root_unit: UnitId,
			authorized_by: T::AccountId,
		},
		/// An institution or arbiter attested a work's authorship claim.
		Attested {
			work: WorkId,
			claim_hash: H256,
			evidence: Option<H256>,
			authorized_by: T::AccountId,
		},
		/// An attester revoked their attestation; the record stays.
		AttestationRevoked {
			work: WorkId,
			reason: u16,
			authorized_by: T::AccountId,
		},
		/// A member disputed a work's authorship.
		DisputeOpened {
			work: WorkId,
			dispute: DisputeId,
			evidence: H256,
			authorized_by: T::AccountId,
		},
		/// An arbiter resolved a dispute.
		DisputeResolved {
			work: WorkId,
			dispute: DisputeId,
			upheld: bool,
			ruling_hash: H256,
			authorized_by: T::AccountId,
		},
		/// An upheld dispute corrected a work's authors; `version` is the new author-list
		/// version. Units of economic rights are unchanged: they may have been lawfully
		/// assigned.
		AuthorsCorrected {
			work: WorkId,
			version: u32,
			authors: alloc::vec::Vec<T::AccountId>,
			dispute: DisputeId,
			authorized_by: T::AccountId,
		},
		/// A co-holder approved an action on a unit that needs more approvals.
		ProposalApproved {
			unit: UnitId,
			action_hash: H256,
			approvals: u32,
			threshold: u32,
			authorized_by: T::AccountId,
		},
		/// A co-holder withdrew their approval of an action on a unit.
		ApprovalCancelled {
			unit: UnitId,
			action_hash: H256,
			approvals: u32,
			authorized_by: T::AccountId,
		},
		/// A unit was split into `part` and `remainder` and ended. `approved_by` are the
		/// holders whose approvals made it; `authorized_by` gave the last of them.
		UnitSplit {
			work: WorkId,
			unit: UnitId,
			part: UnitId,
			remainder: UnitId,
			approved_by: alloc::vec::Vec<T::AccountId>,
			authorized_by: T::AccountId,
		},
		/// A unit was assigned: it ended and `successor`, held by `to`, took its place.
		/// `approved_by` are the holders whose approvals made it; `authorized_by` gave the last
		/// of them.
		UnitAssigned {
			work: WorkId,
			unit: UnitId,
			successor: UnitId,
			from: alloc::vec::Vec<T::AccountId>,
			to: alloc::vec::Vec<T::AccountId>,
			threshold: u32,
			approved_by: alloc::vec::Vec<T::AccountId>,
			authorized_by: T::AccountId,
		},
		/// A licence was granted from a unit; it expires on `expires_on`, if that is set.
		/// `approved_by` are the holders whose approvals made it; `authorized_by` gave the last
		/// of them.
		LicenceGranted {
			work: WorkId,
			licence: LicenceId,
			unit: UnitId,
			licensee: T::AccountId,
			exclusive: bool,
			expires_on: Option<Day>,
			approved_by: alloc::vec::Vec<T::AccountId>,
			authorized_by: T::AccountId,
		},
		/// A grantor revoked a licence; the record stays.
		LicenceRevoked {
			work: WorkId,
			licence: LicenceId,
			reason: u16,
			authorized_by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller, or the creator named to register for, is not an active creator.
		NotCreator,
		/// Only an active institution registers a work on a creator's behalf.
		NotInstitution,
		/// A co-author named is not an active member; every author must be one.
		AuthorNotMember,
		/// An author is named twice (the creator is always the first author).
		DuplicateAuthor,
		/// The work names more authors than the chain allows.
		TooManyAuthors,
		/// The corrected author list is empty; name the authors.
		NoAuthors,
		/// A parent work does not exist; parents are registered works, by number.
		UnknownParent,
		/// A parent work is named twice.
		DuplicateParent,
		/// A work already holds this content: the first filing of a content hash holds it.
		AlreadyRegistered,
		/// The creation day is after today on the chain's clock.
		InvalidCreationDate,
		/// No work has this number.
		UnknownWork,
		/// The caller is not an active institution or arbiter.
		NotAttester,
		/// The caller already attested this work.
		AlreadyAttested,
		/// Nobody attests a work they registered or author: an attestation is a third party's.
		SelfAttestation,
		/// An arbiter does not rule on a dispute it opened or about a work it is a party to
		/// (registrant or author).
		ArbiterIsParty,
		/// The unit already has exactly these holders and threshold: nothing would change.
		AssignmentToSelf,
		/// The caller revoked their attestation of this work and cannot attest it again.
		AttesterRevoked,
		/// The caller has no attestation of this work.
		NoAttestation,
		/// The attestation or licence is already revoked.
		AlreadyRevoked,
		/// The caller is not an active member.
		NotMember,
		/// The caller already has an open dispute about this work.
		DisputeAlreadyOpen,
		/// The work has `MaxOpenDisputes` open disputes.
		TooManyOpenDisputes,
		/// No dispute has this number.
		UnknownDispute,
		/// The caller is not an active arbiter.
		NotArbiter,
		/// The dispute is already resolved.
		DisputeClosed,
		/// Upholding a dispute needs the corrected author list.
		CorrectionRequired,
		/// Rejecting a dispute leaves the authors as they are: give no corrected authors.
		UnexpectedCorrection,
		/// No unit has this number.
		UnknownUnit,
		/// The unit was split or assigned and holds nothing now.
		UnitEnded,
		/// The caller does not hold this unit.
		NotHolder,
		/// No right is named; name at least one economic right.
		EmptyRightSet,
		/// Moral rights stay with the authors: publication, authorship, alteration and integrity
		/// cannot be split, assigned or licensed; name economic rights only.
		MoralRightsInalienable,
		/// A country code is not two uppercase letters, or the list is not sorted with each code
		/// once.
		InvalidTerritory,
		/// The territory covers no country.
		EmptyTerritory,
		/// The territory would list more country codes than the chain allows.
		TooManyTerritories,
		/// The term ends before or on the day it starts.
		InvalidTerm,
		/// The part to split off is not within the unit.
		SplitNotWithinUnit,
		/// The part to split off is the whole unit, or nothing of it.
		NothingToSplit,
		/// An assignment needs at least one new holder.
		NoHolders,
		/// A holder is named twice.
		DuplicateHolder,
		/// A new holder is not an active member; rights go to members only.
		HolderNotMember,
		/// The threshold must be at least 1 and at most the number of holders.
		InvalidThreshold,
		/// The licence's scope is not within the unit's.
		OutsideUnit,
		/// The licensee is not an active member.
		LicenseeNotMember,
		/// The licence's term has already ended.
		AlreadyExpired,
		/// The licence would overlap an exclusive licence in force in right, territory and term
		/// (or, being exclusive, would overlap a licence in force); the work's rights map lists its
		/// licences.
		OverlapsExclusiveLicence,
		/// The work has as many licences in force as the chain allows; revoke one or wait for one
		/// to expire.
		TooManyLicences,
		/// No licence has this number.
		UnknownLicence,
		/// The caller was not among the holders who granted this licence.
		NotGrantor,
		/// The licence has expired.
		LicenceExpired,
		/// The caller already approved this action.
		AlreadyApproved,
		/// The caller has no approval of this action to withdraw.
		NotApproved,
		/// The unit has `MaxPendingActions` actions waiting for approvals.
		TooManyPendingActions,
		/// A counter of the chain reached its maximum.
		Overflow,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a work: the first filing of a content hash holds it.
		///
		/// The origin is an active creator, who becomes the first author; or an active
		/// institution registering on behalf of the creator in `on_behalf_of`.
		///
		/// - `content`: SHA-256 of the work's bytes; refused if already registered.
		/// - `title`: shown to people.
		/// - `metadata`: the metadata document and its SHA-256.
		/// - `created_on`: the day the work was created, not after today.
		/// - `co_authors`: the other authors, active members.
		/// - `parents`: the registered works it derives from.
		/// - `on_behalf_of`: the creator an institution registers for.
		/// - `fingerprints`: the work's SM3 digest and ISCC content code, where the registrant
		///   computed them; an SM3 digest is unique like the SHA-256.
		///
		/// The authors get the moral rights, and a first unit of all economic rights,
		/// worldwide, from `created_on` on, which they exercise together (threshold: all of
		/// them).
		///
		/// Emits [`Event::WorkRegistered`]. Weight: [`WeightInfo::register_work`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_work(
			co_authors.len() as u32,
			parents.len() as u32,
		).saturating_add({
			// Deref coercion: the macro hands the argument by reference.
			let fingerprints: &Fingerprints = &fingerprints;
			T::Fingerprints::calls_weight(core::iter::once(fingerprints))
		}))]
		pub fn register_work(
			origin: OriginFor<T>,
			content: H256,
			title: BoundedVec<u8, T::MaxTitleLength>,
			metadata: MetadataOf<T>,
			created_on: Day,
			co_authors: HoldersOf<T>,
			parents: BoundedVec<WorkId, T::MaxParents>,
			on_behalf_of: Option<T::AccountId>,
			fingerprints: Fingerprints,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_work(
				who,
				content,
				title,
				metadata,
				created_on,
				co_authors,
				parents,
				on_behalf_of,
				fingerprints,
			)
		}

		/// Attest a work's authorship claim.
		///
		/// The origin is an active institution or arbiter, once per work.
		///
		/// - `work`: the work.
		/// - `claim_hash`: SHA-256 of the claim attested.
		/// - `evidence`: SHA-256 of the evidence, kept off chain, if any.
		///
		/// Emits [`Event::Attested`]. Weight: [`WeightInfo::attest`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			work: WorkId,
			claim_hash: H256,
			evidence: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_attest(who, work, claim_hash, evidence)
		}

		/// Revoke one's attestation of a work. The record stays, with the reason, and the
		/// attester cannot attest the work again.
		///
		/// The origin is the attester.
		///
		/// - `work`: the work.
		/// - `reason`: a reason code agreed by the consortium.
		///
		/// Emits [`Event::AttestationRevoked`]. Weight: [`WeightInfo::revoke_attestation`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			work: WorkId,
			reason: u16,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_attestation(who, work, reason)
		}

		/// Dispute a work's authorship.
		///
		/// The origin is an active member, with at most one open dispute per work.
		///
		/// - `work`: the work.
		/// - `evidence`: SHA-256 of the evidence, kept off chain.
		///
		/// Emits [`Event::DisputeOpened`]. Weight: [`WeightInfo::open_dispute`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::open_dispute())]
		pub fn open_dispute(origin: OriginFor<T>, work: WorkId, evidence: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_dispute(who, work, evidence)
		}

		/// Resolve a dispute: uphold it with the corrected authors, or reject it.
		///
		/// The origin is an active arbiter.
		///
		/// - `dispute`: the open dispute.
		/// - `upheld`: the ruling.
		/// - `corrected_authors`: required when upheld, refused when rejected; active members.
		///   They become the work's authors in the moral-rights record, as a new version of
		///   the author list. Units of economic rights do not change.
		/// - `ruling_hash`: SHA-256 of the ruling, kept off chain.
		///
		/// Emits [`Event::DisputeResolved`], and [`Event::AuthorsCorrected`] when upheld.
		/// Weight: [`WeightInfo::resolve_dispute`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resolve_dispute(
			corrected_authors.as_ref().map_or(0, |authors| authors.len() as u32),
		))]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			dispute: DisputeId,
			upheld: bool,
			corrected_authors: Option<HoldersOf<T>>,
			ruling_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_resolve_dispute(who, dispute, upheld, corrected_authors, ruling_hash)
		}

		/// Split a unit in one dimension into two units, the part and the remainder, which
		/// together cover what it covered. The unit ends; both successors keep its holders and
		/// threshold, and its licences stay in force.
		///
		/// The origin is a holder of the unit. With a threshold above one, the call records
		/// the caller's approval, and takes effect when `threshold` holders have made it.
		///
		/// - `unit`: a live unit.
		/// - `spec`: the part: economic rights, countries, or the day the later part starts.
		///
		/// Emits [`Event::UnitSplit`], or [`Event::ProposalApproved`] while approvals are
		/// missing. Weight: [`WeightInfo::split`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::split(
			T::MaxCoHolders::get(),
			T::MaxPendingActions::get(),
		))]
		pub fn split(origin: OriginFor<T>, unit: UnitId, spec: SplitSpecOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_split(who, unit, spec)
		}

		/// Assign a unit to other members. The unit ends and a successor with the same scope,
		/// held by `to`, takes its place; its licences stay in force.
		///
		/// The origin is a holder of the unit. With a threshold above one, the call records
		/// the caller's approval, and takes effect when `threshold` holders have made it.
		///
		/// - `unit`: a live unit.
		/// - `to`: the new holders, active members, each named once.
		/// - `threshold`: how many of them must approve what they do with it, 1 to `to.len()`.
		///
		/// Emits [`Event::UnitAssigned`], or [`Event::ProposalApproved`] while approvals are
		/// missing. Weight: [`WeightInfo::assign`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::assign(
			T::MaxCoHolders::get(),
			T::MaxPendingActions::get(),
		))]
		pub fn assign(
			origin: OriginFor<T>,
			unit: UnitId,
			to: HoldersOf<T>,
			threshold: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_assign(who, unit, to, threshold)
		}

		/// Grant a licence from a unit.
		///
		/// The origin is a holder of the unit. With a threshold above one, the call records
		/// the caller's approval, and takes effect when `threshold` holders have made it.
		///
		/// - `unit`: a live unit.
		/// - `licensee`: an active member.
		/// - `scope`: economic rights, territory and term, within the unit's scope; the
		///   licence expires at the end of the term.
		/// - `exclusive`: whether it is exclusive. No two licences in force overlap where
		///   either is exclusive.
		///
		/// Emits [`Event::LicenceGranted`], or [`Event::ProposalApproved`] while approvals are
		/// missing. Weight: [`WeightInfo::grant_licence`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::grant_licence(T::MaxLiveLicences::get()))]
		pub fn grant_licence(
			origin: OriginFor<T>,
			unit: UnitId,
			licensee: T::AccountId,
			scope: ScopeOf<T>,
			exclusive: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_grant_licence(who, unit, licensee, scope, exclusive)
		}

		/// Revoke a licence before it expires. The record stays, with the reason.
		///
		/// The origin is one of the holders who granted it, whoever holds the unit now.
		///
		/// - `licence`: a licence in force.
		/// - `reason`: a reason code agreed by the consortium.
		///
		/// Emits [`Event::LicenceRevoked`]. Weight: [`WeightInfo::revoke_licence`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke_licence())]
		pub fn revoke_licence(
			origin: OriginFor<T>,
			licence: LicenceId,
			reason: u16,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_licence(who, licence, reason)
		}

		/// Withdraw one's approval of an action on a co-held unit.
		///
		/// The origin is a holder of the unit who approved the action.
		///
		/// - `unit`: a live unit.
		/// - `action_hash`: the action's hash, as in [`Event::ProposalApproved`].
		///
		/// Emits [`Event::ApprovalCancelled`]. Weight: [`WeightInfo::cancel_approval`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_approval())]
		pub fn cancel_approval(
			origin: OriginFor<T>,
			unit: UnitId,
			action_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_approval(who, unit, action_hash)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MaxCoHolders::get() >= 1,
				"a unit needs room for one holder"
			);
			assert!(
				T::MaxCoHolders::get() <= registry_primitives::MAX_NAMED,
				"authors and holders must fit in an audit record"
			);
			assert!(
				T::MaxTerritories::get() <= registry_primitives::MAX_TERRITORIES,
				"a territory must fit in an audit record"
			);
			assert!(
				T::MaxPendingActions::get() >= 1,
				"co-holders need room for one proposal"
			);
			assert!(
				T::MaxTerritories::get() < 338,
				"two Excluding territories must always share a country"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
