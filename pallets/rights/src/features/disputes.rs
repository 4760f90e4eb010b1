//! Authorship disputes: any member opens one, an arbiter rules. An upheld dispute corrects the
//! authors in the moral-rights record as a new version; earlier versions stay.

use crate::{
	pallet::{
		AuthorHistory, AuthorVersionOf, Config, DisputeOf, Disputes, DisputesOfWork, Error, Event,
		HoldersOf, MoralRights, NextDisputeId, OpenDisputeOf, Pallet, Works,
	},
	DisputeId, DisputeStatus, WorkId, RULING_REJECTED, RULING_UPHELD,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
};
use registry_primitives::{
	AuditEntry, AuditKind, AuditReporter, Detail, MemberRoles, Named, Role, Subject,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_dispute(
		who: T::AccountId,
		work: WorkId,
		evidence: H256,
	) -> DispatchResult {
		let mut record = Works::<T>::get(work).ok_or(Error::<T>::UnknownWork)?;
		ensure!(T::Members::is_active_member(&who), Error::<T>::NotMember);
		ensure!(
			!OpenDisputeOf::<T>::contains_key(work, &who),
			Error::<T>::DisputeAlreadyOpen
		);
		ensure!(
			record.open_disputes < T::MaxOpenDisputes::get(),
			Error::<T>::TooManyOpenDisputes
		);

		let dispute = NextDisputeId::<T>::try_mutate(Self::bump)?;
		let now = frame_system::Pallet::<T>::block_number();
		Disputes::<T>::insert(
			dispute,
			DisputeOf::<T> {
				work,
				opened_by: who.clone(),
				evidence,
				opened_at: now,
				status: DisputeStatus::Open,
			},
		);
		DisputesOfWork::<T>::insert(work, dispute, ());
		OpenDisputeOf::<T>::insert(work, &who, dispute);
		record.open_disputes = record.open_disputes.saturating_add(1);
		Works::<T>::insert(work, record);

		T::Audit::report(
			AuditEntry::new(AuditKind::DisputeOpened, Subject::Work(work), who.clone())
				.evidence(evidence),
		);
		Self::deposit_event(Event::DisputeOpened {
			work,
			dispute,
			evidence,
			authorized_by: who,
		});
		Ok(())
	}

	/// Whether `who` registered `work` or is among its authors, as filed or as corrected.
	pub(crate) fn is_party(work: WorkId, who: &T::AccountId) -> bool {
		let filed =
			Works::<T>::get(work).is_some_and(|w| w.registrant == *who || w.authors.contains(who));
		filed || MoralRights::<T>::get(work).is_some_and(|m| m.authors.contains(who))
	}

	pub(crate) fn do_resolve_dispute(
		who: T::AccountId,
		id: DisputeId,
		upheld: bool,
		corrected_authors: Option<HoldersOf<T>>,
		ruling_hash: H256,
	) -> DispatchResult {
		let mut dispute = Disputes::<T>::get(id).ok_or(Error::<T>::UnknownDispute)?;
		ensure!(
			T::Members::has_role(&who, Role::Arbiter),
			Error::<T>::NotArbiter
		);
		ensure!(
			dispute.status == DisputeStatus::Open,
			Error::<T>::DisputeClosed
		);
		let work = dispute.work;
		let mut record = Works::<T>::get(work).ok_or(Error::<T>::UnknownWork)?;
		ensure!(
			dispute.opened_by != who && !Self::is_party(work, &who),
			Error::<T>::ArbiterIsParty
		);

		let authors_now = || {
			MoralRights::<T>::get(work)
				.map(|moral| Named::truncate_from(moral.authors.into_inner()))
				.unwrap_or_default()
		};
		let before = authors_now();
		let now = frame_system::Pallet::<T>::block_number();
		dispute.status = match (upheld, corrected_authors) {
			(true, Some(authors)) => {
				let version = Self::correct_authors(&who, work, id, authors, now)?;
				DisputeStatus::Upheld {
					by: who.clone(),
					ruling: ruling_hash,
					at: now,
					version,
				}
			}
			(false, None) => DisputeStatus::Rejected {
				by: who.clone(),
				ruling: ruling_hash,
				at: now,
			},
			(true, None) => return Err(Error::<T>::CorrectionRequired.into()),
			(false, Some(_)) => return Err(Error::<T>::UnexpectedCorrection.into()),
		};
		Disputes::<T>::insert(id, dispute.clone());
		OpenDisputeOf::<T>::remove(work, &dispute.opened_by);
		record.open_disputes = record.open_disputes.saturating_sub(1);
		Works::<T>::insert(work, record);

		let reason = if upheld {
			RULING_UPHELD
		} else {
			RULING_REJECTED
		};
		T::Audit::report(
			AuditEntry::new(AuditKind::DisputeResolved, Subject::Work(work), who.clone())
				.reason(reason)
				.evidence(ruling_hash)
				.detail(Detail::Authors {
					before,
					after: authors_now(),
				}),
		);
		Self::deposit_event(Event::DisputeResolved {
			work,
			dispute: id,
			upheld,
			ruling_hash,
			authorized_by: who,
		});
		Ok(())
	}

	/// Makes `authors` the work's authors as a new version of the author list, and returns the
	/// version. Economic units stay as they are: they may have been lawfully assigned, and a
	/// ruling on authorship does not undo that.
	fn correct_authors(
		who: &T::AccountId,
		work: WorkId,
		dispute: DisputeId,
		authors: HoldersOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		ensure!(!authors.is_empty(), Error::<T>::NoAuthors);
		let mut seen: Vec<&T::AccountId> = Vec::with_capacity(authors.len());
		for author in authors.iter() {
			ensure!(!seen.contains(&author), Error::<T>::DuplicateAuthor);
			ensure!(
				T::Members::is_active_member(author),
				Error::<T>::AuthorNotMember
			);
			seen.push(author);
		}
		let mut moral = MoralRights::<T>::get(work).ok_or(Error::<T>::UnknownWork)?;
		let version = moral.version.checked_add(1).ok_or(Error::<T>::Overflow)?;
		moral.authors = authors.clone();
		moral.version = version;
		moral.since = now;
		MoralRights::<T>::insert(work, moral);
		AuthorHistory::<T>::insert(
			work,
			version,
			AuthorVersionOf::<T> {
				authors: authors.clone(),
				at: now,
				dispute: Some(dispute),
			},
		);
		Self::deposit_event(Event::AuthorsCorrected {
			work,
			version,
			authors: authors.into_inner(),
			dispute,
			authorized_by: who.clone(),
		});
		Ok(version)
	}
}
