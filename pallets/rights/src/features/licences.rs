//! Licences granted from units: exclusivity, expiry by time, and revocation by a grantor.

use crate::{
	pallet::{
		Config, Error, Event, LicenceOf, Licences, LicencesOfWork, LiveLicences, NextLicenceId,
		Pallet, ProposalOf, ScopeOf, Works,
	},
	Day, LicenceId, Proposal, Revocation, UnitId, WorkId,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, Detail, MemberRoles, Subject};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant_licence(
		who: T::AccountId,
		id: UnitId,
		licensee: T::AccountId,
		scope: ScopeOf<T>,
		exclusive: bool,
	) -> DispatchResult {
		let unit = Self::live_unit_held_by(&who, id)?;
		Self::ensure_valid_scope(&scope)?;
		// Live units of a work never overlap, so a licence within its unit never reaches
		// rights that someone else holds.
		ensure!(scope.is_within(&unit.scope), Error::<T>::OutsideUnit);
		ensure!(
			T::Members::is_active_member(&licensee),
			Error::<T>::LicenseeNotMember
		);
		let today = Self::today();
		ensure!(!scope.term.has_ended(today), Error::<T>::AlreadyExpired);
		let mut work = Works::<T>::get(unit.work).ok_or(Error::<T>::UnknownWork)?;
		let expired = Self::ensure_no_exclusive_overlap(unit.work, &scope, exclusive, today)?;
		let live = work.live_licences.saturating_sub(expired.len() as u32);
		ensure!(
			live < T::MaxLiveLicences::get(),
			Error::<T>::TooManyLicences
		);
		let proposal: ProposalOf<T> = Proposal::Licence {
			licensee: licensee.clone(),
			scope: scope.clone(),
			exclusive,
		};
		let Some(approved_by) = Self::consent(&who, id, &unit, &proposal)? else {
			return Ok(());
		};

		for stale in expired {
			LiveLicences::<T>::remove(unit.work, stale);
		}
		let licence = NextLicenceId::<T>::try_mutate(Self::bump)?;
		let now = frame_system::Pallet::<T>::block_number();
		let expires_on = scope.term.end;
		let scope_logged = scope.rebound();
		Licences::<T>::insert(
			licence,
			LicenceOf::<T> {
				work: unit.work,
				unit: id,
				grantors: unit.holders.clone(),
				licensee: licensee.clone(),
				scope,
				exclusive,
				granted_at: now,
				revoked: None,
			},
		);
		LicencesOfWork::<T>::insert(unit.work, licence, ());
		LiveLicences::<T>::insert(unit.work, licence, ());
		work.live_licences = live.saturating_add(1);
		Works::<T>::insert(unit.work, work);

		T::Audit::report(
			AuditEntry::new(AuditKind::Licensed, Subject::Licence(licence), who.clone())
				.from(who.clone())
				.to(licensee.clone())
				.detail(scope_logged.map_or(Detail::None, |scope| Detail::Licence {
					unit: id,
					scope,
					exclusive,
				})),
		);
		Self::deposit_event(Event::LicenceGranted {
			work: unit.work,
			licence,
			unit: id,
			licensee,
			exclusive,
			expires_on,
			approved_by,
			authorized_by: who,
		});
		Ok(())
	}

	/// Checks `scope` against the work's licences in force: no two of them may overlap where
	/// either is exclusive. Returns the licences found expired, for the caller to drop from the
	/// live index if it goes ahead.
	fn ensure_no_exclusive_overlap(
		work: WorkId,
		scope: &ScopeOf<T>,
		exclusive: bool,
		today: Day,
	) -> Result<Vec<LicenceId>, DispatchError> {
		let mut expired = Vec::new();
		// At most `MaxLiveLicences` entries: the count in the work record bounds them.
		for id in LiveLicences::<T>::iter_key_prefix(work) {
			let Some(other) = Licences::<T>::get(id) else {
				expired.push(id);
				continue;
			};
			if !other.is_live(today) {
				expired.push(id);
				continue;
			}
			ensure!(
				!((exclusive || other.exclusive) && other.scope.overlaps(scope)),
				Error::<T>::OverlapsExclusiveLicence
			);
		}
		Ok(expired)
	}

	pub(crate) fn do_revoke_licence(
		who: T::AccountId,
		id: LicenceId,
		reason: u16,
	) -> DispatchResult {
		let mut licence = Licences::<T>::get(id).ok_or(Error::<T>::UnknownLicence)?;
		// The grantors keep the power to revoke even after the unit was split or assigned:
		// the licence was their act.
		ensure!(licence.grantors.contains(&who), Error::<T>::NotGrantor);
		ensure!(licence.revoked.is_none(), Error::<T>::AlreadyRevoked);
		ensure!(
			!licence.scope.term.has_ended(Self::today()),
			Error::<T>::LicenceExpired
		);

		let now = frame_system::Pallet::<T>::block_number();
		let work = licence.work;
		licence.revoked = Some(Revocation { reason, at: now });
		Licences::<T>::insert(id, licence);
		if LiveLicences::<T>::take(work, id).is_some() {
			Works::<T>::mutate(work, |record| {
				if let Some(record) = record {
					record.live_licences = record.live_licences.saturating_sub(1);
				}
			});
		}

		T::Audit::report(
			AuditEntry::new(AuditKind::LicenceRevoked, Subject::Licence(id), who.clone())
				.reason(reason),
		);
		Self::deposit_event(Event::LicenceRevoked {
			work,
			licence: id,
			reason,
			authorized_by: who,
		});
		Ok(())
	}
}
