//! Read-only views behind the runtime API: a work with everything recorded about it, the chain
//! of title of a unit, and a work's rights as of a past block.

use crate::{
	pallet::{
		Attestations, AuthorHistory, Config, Derivatives, Disputes, DisputesOfWork, LicenceOf,
		Licences, LicencesOfWork, LiveLicences, LiveUnits, MoralRights, Pallet, UnitOf, Units,
		UnitsOfWork, WorkByContent, Works,
	},
	Day, DisputeId, DisputeStatus, LicenceId, Revocation, RightSet, Scope, Term, Territory, UnitId,
	UnitSource, WorkId,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{storage::IterableStorageDoubleMap, traits::Get},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

/// The most index keys one page of a work's rights reads.
pub const MAX_PAGE: u32 = 100;

/// The most entries each list of a work's view holds.
pub const WORK_LIST: u32 = 100;

/// A territory as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum TerritoryView {
	/// Only these countries.
	Including(Vec<[u8; 2]>),
	/// Every country except these; worldwide when empty.
	Excluding(Vec<[u8; 2]>),
}

impl<MaxTerritories: Get<u32>> From<&Territory<MaxTerritories>> for TerritoryView {
	fn from(territory: &Territory<MaxTerritories>) -> Self {
		match territory {
			Territory::Including(codes) => Self::Including(codes.to_vec()),
			Territory::Excluding(codes) => Self::Excluding(codes.to_vec()),
		}
	}
}

/// A scope as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ScopeView {
	pub rights: RightSet,
	pub territory: TerritoryView,
	pub term: Term,
}

impl<MaxTerritories: Get<u32>> From<&Scope<MaxTerritories>> for ScopeView {
	fn from(scope: &Scope<MaxTerritories>) -> Self {
		Self {
			rights: scope.rights,
			territory: (&scope.territory).into(),
			term: scope.term,
		}
	}
}

/// A unit as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct UnitView<AccountId, BlockNumber> {
	pub unit: UnitId,
	pub work: WorkId,
	pub scope: ScopeView,
	pub holders: Vec<AccountId>,
	pub threshold: u32,
	pub parent: Option<UnitId>,
	pub created_at: BlockNumber,
	pub created_by_action: UnitSource,
	pub ended_at: Option<BlockNumber>,
}

/// A licence as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct LicenceView<AccountId, BlockNumber> {
	pub licence: LicenceId,
	pub work: WorkId,
	pub unit: UnitId,
	pub grantors: Vec<AccountId>,
	pub licensee: AccountId,
	pub scope: ScopeView,
	pub exclusive: bool,
	/// The day it expires, if it does: the end of its term.
	pub expires_on: Option<Day>,
	pub granted_at: BlockNumber,
	pub revoked: Option<Revocation<BlockNumber>>,
}

/// An attestation as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AttestationView<AccountId, BlockNumber> {
	pub attester: AccountId,
	pub claim_hash: H256,
	pub evidence: Option<H256>,
	pub at: BlockNumber,
	pub revoked: Option<Revocation<BlockNumber>>,
}

/// A dispute as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct DisputeView<AccountId, BlockNumber> {
	pub dispute: DisputeId,
	pub opened_by: AccountId,
	pub evidence: H256,
	pub opened_at: BlockNumber,
	pub status: DisputeStatus<AccountId, BlockNumber>,
}

/// One version of a work's author list as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AuthorVersionView<AccountId, BlockNumber> {
	pub version: u32,
	pub authors: Vec<AccountId>,
	pub at: BlockNumber,
	pub dispute: Option<DisputeId>,
}

/// A work with what is recorded about it, as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct WorkView<AccountId, BlockNumber> {
	pub work: WorkId,
	pub content: H256,
	pub title: Vec<u8>,
	pub metadata_uri: Vec<u8>,
	pub metadata_sha256: H256,
	pub created_on: Day,
	/// Who filed it: the first author, or an institution on their behalf.
	pub registrant: AccountId,
	/// The block it was filed in: the first filing of its content hash.
	pub registered_at: BlockNumber,
	pub parents: Vec<WorkId>,
	/// Registered works that derive from it.
	pub derivatives: Vec<WorkId>,
	/// The authors, as last corrected; they hold the moral rights.
	pub authors: Vec<AccountId>,
	/// The moral rights, which stay with the authors.
	pub moral_rights: RightSet,
	/// Every version of the author list, the registered one (version 0) first.
	pub author_history: Vec<AuthorVersionView<AccountId, BlockNumber>>,
	pub attestations: Vec<AttestationView<AccountId, BlockNumber>>,
	pub disputes: Vec<DisputeView<AccountId, BlockNumber>>,
	/// The live units: together, the current rights map of the economic rights.
	pub units: Vec<UnitView<AccountId, BlockNumber>>,
	/// Licences neither revoked nor expired.
	pub licences: Vec<LicenceView<AccountId, BlockNumber>>,
	/// The lists that hold more than [`WORK_LIST`] entries, of which the view shows the first.
	pub truncated: Vec<WorkList>,
}

/// A list of a work's view.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum WorkList {
	#[codec(index = 0)]
	AuthorHistory,
	#[codec(index = 1)]
	Derivatives,
	#[codec(index = 2)]
	Attestations,
	#[codec(index = 3)]
	Disputes,
	#[codec(index = 4)]
	Units,
	#[codec(index = 5)]
	Licences,
}

/// Where a page of a work's rights goes on: the units after `Units(after)`, then the licences
/// after `Licences(after)`; `None` starts the list. Order is storage order.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum RightsCursor {
	#[codec(index = 0)]
	Units(Option<UnitId>),
	#[codec(index = 1)]
	Licences(Option<LicenceId>),
}

/// One page of a work's rights: now, or as they stood at the end of a block.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RightsPage<AccountId, BlockNumber> {
	pub work: WorkId,
	/// The block the rights are read as of; `None` for now.
	pub at: Option<BlockNumber>,
	/// Units live then (now: live units).
	pub units: Vec<UnitView<AccountId, BlockNumber>>,
	/// Licences granted by then and not revoked by then (now: licences in force today).
	/// Expiry goes by day, and the chain keeps no day for past blocks: for a past block,
	/// compare each licence's term with the date of interest.
	pub licences: Vec<LicenceView<AccountId, BlockNumber>>,
	/// Where the next page starts; `None` on the last page.
	pub next: Option<RightsCursor>,
}

/// The keys under `work` in an index, after `after` if given, in storage order.
fn keys_of_work<M: IterableStorageDoubleMap<WorkId, u64, ()>>(
	work: WorkId,
	after: Option<u64>,
) -> M::PartialKeyIterator {
	match after {
		Some(after) => M::iter_key_prefix_from(work, M::hashed_key_for(work, after)),
		None => M::iter_key_prefix(work),
	}
}

/// The first `limit` keys of `keys`, and whether more follow.
fn first<K>(keys: impl Iterator<Item = K>, limit: u32) -> (Vec<K>, bool) {
	let mut taken: Vec<K> = keys.take((limit as usize).saturating_add(1)).collect();
	let more = taken.len() > limit as usize;
	taken.truncate(limit as usize);
	(taken, more)
}

impl<T: Config> Pallet<T> {
	/// A unit, readable.
	pub fn unit_view(id: UnitId, unit: UnitOf<T>) -> UnitView<T::AccountId, BlockNumberFor<T>> {
		UnitView {
			unit: id,
			work: unit.work,
			scope: (&unit.scope).into(),
			holders: unit.holders.into_inner(),
			threshold: unit.threshold,
			parent: unit.parent,
			created_at: unit.created_at,
			created_by_action: unit.created_by_action,
			ended_at: unit.ended_at,
		}
	}

	/// A licence, readable.
	pub fn licence_view(
		id: LicenceId,
		licence: LicenceOf<T>,
	) -> LicenceView<T::AccountId, BlockNumberFor<T>> {
		LicenceView {
			licence: id,
			work: licence.work,
			unit: licence.unit,
			grantors: licence.grantors.into_inner(),
			licensee: licence.licensee,
			scope: (&licence.scope).into(),
			exclusive: licence.exclusive,
			expires_on: licence.scope.term.end,
			granted_at: licence.granted_at,
			revoked: licence.revoked,
		}
	}

	/// The work holding `content`, with everything recorded about it: the first filing, so
	/// its registrant and block answer a later filing of the same content.
	pub fn work_by_content(content: H256) -> Option<WorkView<T::AccountId, BlockNumberFor<T>>> {
		Self::work_info(WorkByContent::<T>::get(content)?)
	}

	/// A work with its author history, attestations, disputes, live units and licences in
	/// force: at most [`WORK_LIST`] of each, read with at most one more index key each, so the
	/// answer costs the same however long the work's history. `truncated` names the lists cut
	/// short; [`Self::rights_page`] pages through all units and licences.
	pub fn work_info(work: WorkId) -> Option<WorkView<T::AccountId, BlockNumberFor<T>>> {
		let record = Works::<T>::get(work)?;
		let moral = MoralRights::<T>::get(work)?;
		let today = Self::today();
		let mut truncated = Vec::new();
		let mut note = |list: WorkList, more: bool| {
			if more {
				truncated.push(list);
			}
		};

		let (versions, more) = first(AuthorHistory::<T>::iter_prefix(work), WORK_LIST);
		note(WorkList::AuthorHistory, more);
		let mut author_history: Vec<_> = versions
			.into_iter()
			.map(|(version, entry)| AuthorVersionView {
				version,
				authors: entry.authors.into_inner(),
				at: entry.at,
				dispute: entry.dispute,
			})
			.collect();
		author_history.sort_by_key(|entry| entry.version);

		let (mut derivatives, more) = first(Derivatives::<T>::iter_key_prefix(work), WORK_LIST);
		note(WorkList::Derivatives, more);
		derivatives.sort_unstable();

		let (attested, more) = first(Attestations::<T>::iter_prefix(work), WORK_LIST);
		note(WorkList::Attestations, more);
		let attestations = attested
			.into_iter()
			.map(|(attester, attestation)| AttestationView {
				attester,
				claim_hash: attestation.claim,
				evidence: attestation.evidence,
				at: attestation.at,
				revoked: attestation.revoked,
			})
			.collect();

		let (ids, more) = first(DisputesOfWork::<T>::iter_key_prefix(work), WORK_LIST);
		note(WorkList::Disputes, more);
		let mut disputes: Vec<_> = ids
			.into_iter()
			.filter_map(|id| {
				let dispute = Disputes::<T>::get(id)?;
				Some(DisputeView {
					dispute: id,
					opened_by: dispute.opened_by,
					evidence: dispute.evidence,
					opened_at: dispute.opened_at,
					status: dispute.status,
				})
			})
			.collect();
		disputes.sort_by_key(|dispute| dispute.dispute);

		let (ids, more) = first(LiveUnits::<T>::iter_key_prefix(work), WORK_LIST);
		note(WorkList::Units, more);
		let mut units: Vec<_> = ids
			.into_iter()
			.filter_map(|id| Units::<T>::get(id).map(|unit| Self::unit_view(id, unit)))
			.collect();
		units.sort_by_key(|unit| unit.unit);

		let (ids, more) = first(LiveLicences::<T>::iter_key_prefix(work), WORK_LIST);
		note(WorkList::Licences, more);
		let mut licences: Vec<_> = ids
			.into_iter()
			.filter_map(|id| Licences::<T>::get(id).map(|licence| (id, licence)))
			.filter(|(_, licence)| licence.is_live(today))
			.map(|(id, licence)| Self::licence_view(id, licence))
			.collect();
		licences.sort_by_key(|licence| licence.licence);

		Some(WorkView {
			work,
			content: record.content,
			title: record.title.into_inner(),
			metadata_uri: record.metadata.uri.into_inner(),
			metadata_sha256: record.metadata.sha256,
			created_on: record.created_on,
			registrant: record.registrant,
			registered_at: record.registered_at,
			parents: record.parents.into_inner(),
			derivatives,
			authors: moral.authors.into_inner(),
			moral_rights: moral.rights,
			author_history,
			attestations,
			disputes,
			units,
			licences,
			truncated,
		})
	}

	/// The chain of title of `unit`: the unit, its parent, and so on back to the work's first
	/// unit (at most [`MAX_PAGE`] units). Empty if there is no such unit.
	pub fn chain_of_title(unit: UnitId) -> Vec<UnitView<T::AccountId, BlockNumberFor<T>>> {
		let mut chain = Vec::new();
		let mut cursor = Some(unit);
		while let Some(id) = cursor {
			if chain.len() >= MAX_PAGE as usize {
				break;
			}
			let Some(record) = Units::<T>::get(id) else {
				break;
			};
			cursor = record.parent;
			chain.push(Self::unit_view(id, record));
		}
		chain
	}

	/// A page of a work's rights: now (its live units and the licences in force today), or
	/// as they stood at the end of block `at` (the units created by then and not ended by
	/// then, the licences granted by then and not revoked by then). The page reads at most
	/// `limit` index keys (capped at [`MAX_PAGE`]), however long the work's history, and
	/// holds the entries among them that match; `next` goes on. `None` if there is no such
	/// work.
	pub fn rights_page(
		work: WorkId,
		at: Option<BlockNumberFor<T>>,
		cursor: Option<RightsCursor>,
		limit: u32,
	) -> Option<RightsPage<T::AccountId, BlockNumberFor<T>>> {
		if !Works::<T>::contains_key(work) {
			return None;
		}
		let mut budget = limit.clamp(1, MAX_PAGE);
		let mut page = RightsPage {
			work,
			at,
			units: Vec::new(),
			licences: Vec::new(),
			next: None,
		};

		let mut cursor = cursor.unwrap_or(RightsCursor::Units(None));
		if let RightsCursor::Units(after) = cursor {
			let keys = match at {
				None => keys_of_work::<LiveUnits<T>>(work, after),
				Some(_) => keys_of_work::<UnitsOfWork<T>>(work, after),
			};
			let (ids, more) = first(keys, budget);
			budget = budget.saturating_sub(ids.len() as u32);
			let last = ids.last().copied();
			page.units = ids
				.into_iter()
				.filter_map(|id| Units::<T>::get(id).map(|unit| (id, unit)))
				.filter(|(_, unit)| {
					at.map_or(true, |at| {
						unit.created_at <= at && unit.ended_at.map_or(true, |ended| ended > at)
					})
				})
				.map(|(id, unit)| Self::unit_view(id, unit))
				.collect();
			if more {
				page.next = Some(RightsCursor::Units(last));
				return Some(page);
			}
			cursor = RightsCursor::Licences(None);
		}

		if let RightsCursor::Licences(after) = cursor {
			if budget == 0 {
				page.next = Some(cursor);
				return Some(page);
			}
			let keys = match at {
				None => keys_of_work::<LiveLicences<T>>(work, after),
				Some(_) => keys_of_work::<LicencesOfWork<T>>(work, after),
			};
			let (ids, more) = first(keys, budget);
			let last = ids.last().copied();
			let today = Self::today();
			page.licences = ids
				.into_iter()
				.filter_map(|id| Licences::<T>::get(id).map(|licence| (id, licence)))
				.filter(|(_, licence)| match at {
					None => licence.is_live(today),
					Some(at) => {
						licence.granted_at <= at
							&& licence
								.revoked
								.as_ref()
								.map_or(true, |revoked| revoked.at > at)
					}
				})
				.map(|(id, licence)| Self::licence_view(id, licence))
				.collect();
			if more {
				page.next = Some(RightsCursor::Licences(last));
			}
		}
		Some(page)
	}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads registered works and their rights.
	pub trait RightsApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The work holding a content hash (its registrant and block name the first filing),
		/// with its attestations, disputes, live units and licences in force.
		fn work_by_content(content: H256) -> Option<WorkView<AccountId, BlockNumber>>;
		/// A work by number, as `work_by_content`.
		fn work(work: WorkId) -> Option<WorkView<AccountId, BlockNumber>>;
		/// A unit and its parents back to the work's first unit.
		fn chain_of_title(unit: UnitId) -> Vec<UnitView<AccountId, BlockNumber>>;
		/// A page of a work's units and licences, now or as they stood at the end of block
		/// `at`: at most `limit` index keys read (up to 100), `next` goes on.
		fn rights_page(
			work: WorkId,
			at: Option<BlockNumber>,
			cursor: Option<RightsCursor>,
			limit: u32,
		) -> Option<RightsPage<AccountId, BlockNumber>>;
	}
}
