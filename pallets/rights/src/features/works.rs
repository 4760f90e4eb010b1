//! Registering works: first to file a content hash wins; the authors get the moral rights and
//! the first unit of economic rights.

use crate::{
	pallet::{
		AuthorHistory, AuthorVersionOf, Config, Derivatives, Error, Event, HoldersOf, MetadataOf,
		MoralRights, MoralRightsOf, NextWorkId, Pallet, ScopeOf, WorkByContent, WorkOf, Works,
	},
	Day, RightSet, Term, Territory, UnitSource, WorkId, SECONDS_PER_DAY,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::UnixTime},
	frame_system,
	sp_core::H256,
};
use registry_primitives::{
	AuditEntry, AuditKind, AuditReporter, Detail, FingerprintRegistry, Fingerprints, MemberRoles,
	Role, Subject,
};

impl<T: Config> Pallet<T> {
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_register_work(
		who: T::AccountId,
		content: H256,
		title: BoundedVec<u8, T::MaxTitleLength>,
		metadata: MetadataOf<T>,
		created_on: Day,
		co_authors: HoldersOf<T>,
		parents: BoundedVec<WorkId, T::MaxParents>,
		on_behalf_of: Option<T::AccountId>,
		fingerprints: Fingerprints,
	) -> DispatchResult {
		// A creator files for themself; an institution files for a creator it names.
		let first_author = match on_behalf_of {
			None => {
				ensure!(
					T::Members::has_role(&who, Role::Creator),
					Error::<T>::NotCreator
				);
				who.clone()
			}
			Some(creator) => {
				ensure!(
					T::Members::has_role(&who, Role::Institution),
					Error::<T>::NotInstitution
				);
				ensure!(
					T::Members::has_role(&creator, Role::Creator),
					Error::<T>::NotCreator
				);
				creator
			}
		};
		// First to file wins: the earlier filing is evidence, and is never replaced.
		ensure!(
			!WorkByContent::<T>::contains_key(content),
			Error::<T>::AlreadyRegistered
		);
		ensure!(created_on <= Self::today(), Error::<T>::InvalidCreationDate);
		T::Fingerprints::record(content, &fingerprints)?;

		let mut authors: Vec<T::AccountId> = Vec::with_capacity(co_authors.len().saturating_add(1));
		authors.push(first_author.clone());
		for author in co_authors {
			ensure!(!authors.contains(&author), Error::<T>::DuplicateAuthor);
			ensure!(
				T::Members::is_active_member(&author),
				Error::<T>::AuthorNotMember
			);
			authors.push(author);
		}
		let authors: HoldersOf<T> =
			BoundedVec::try_from(authors).map_err(|_| Error::<T>::TooManyAuthors)?;

		let mut seen: Vec<WorkId> = Vec::with_capacity(parents.len());
		for parent in parents.iter() {
			ensure!(!seen.contains(parent), Error::<T>::DuplicateParent);
			ensure!(Works::<T>::contains_key(parent), Error::<T>::UnknownParent);
			seen.push(*parent);
		}

		let work = NextWorkId::<T>::try_mutate(Self::bump)?;
		let now = frame_system::Pallet::<T>::block_number();
		// The authors exercise the economic rights together until they split or assign them.
		let threshold = authors.len() as u32;
		let root_unit = Self::create_unit(
			work,
			ScopeOf::<T> {
				rights: RightSet::ECONOMIC,
				territory: Territory::worldwide(),
				term: Term::open_ended(created_on),
			},
			authors.clone(),
			threshold,
			None,
			UnitSource::Registration,
			now,
		)?;

		for parent in parents.iter() {
			Derivatives::<T>::insert(parent, work, ());
		}
		MoralRights::<T>::insert(
			work,
			MoralRightsOf::<T> {
				authors: authors.clone(),
				rights: RightSet::MORAL,
				version: 0,
				since: now,
			},
		);
		AuthorHistory::<T>::insert(
			work,
			0,
			AuthorVersionOf::<T> {
				authors: authors.clone(),
				at: now,
				dispute: None,
			},
		);
		WorkByContent::<T>::insert(content, work);
		Works::<T>::insert(
			work,
			WorkOf::<T> {
				content,
				title,
				metadata,
				created_on,
				authors: authors.clone(),
				parents: parents.clone(),
				registrant: who.clone(),
				registered_at: now,
				root_unit,
				open_disputes: 0,
				live_licences: 0,
			},
		);

		T::Audit::report(
			AuditEntry::new(AuditKind::WorkRegistered, Subject::Work(work), who.clone())
				.to(first_author)
				.detail(Detail::Content { sha256: content }),
		);
		Self::deposit_event(Event::WorkRegistered {
			work,
			content,
			authors: authors.into_inner(),
			parents: parents.into_inner(),
			root_unit,
			authorized_by: who,
		});
		Ok(())
	}

	/// Today, in days since the Unix epoch, from the runtime's wall clock.
	pub fn today() -> Day {
		let days = T::Time::now().as_secs().saturating_div(SECONDS_PER_DAY);
		Day::try_from(days).unwrap_or(Day::MAX)
	}

	/// Hands out the number in `next` and moves it on; for the `Next*` counters.
	pub(crate) fn bump(next: &mut u64) -> Result<u64, Error<T>> {
		let id = *next;
		*next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Ok(id)
	}
}
