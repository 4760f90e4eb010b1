//! Assigning a unit to other members: the unit ends and a successor held by them follows it.

use crate::{
	pallet::{Config, Error, Event, HoldersOf, Pallet, ProposalOf},
	Proposal, UnitId, UnitSource,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};
use registry_primitives::{
	AuditEntry, AuditKind, AuditReporter, Detail, MemberRoles, Named, Subject,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_assign(
		who: T::AccountId,
		id: UnitId,
		to: HoldersOf<T>,
		threshold: u32,
	) -> DispatchResult {
		let unit = Self::live_unit_held_by(&who, id)?;
		ensure!(!to.is_empty(), Error::<T>::NoHolders);
		for (index, holder) in to.iter().enumerate() {
			ensure!(
				!to.iter().take(index).any(|earlier| earlier == holder),
				Error::<T>::DuplicateHolder
			);
			// Every holder is a real-name member of the consortium.
			ensure!(
				T::Members::is_active_member(holder),
				Error::<T>::HolderNotMember
			);
		}
		ensure!(
			threshold >= 1 && (threshold as usize) <= to.len(),
			Error::<T>::InvalidThreshold
		);
		// Assigning a unit to its own holders would only lengthen its history.
		let same_holders =
			to.len() == unit.holders.len() && to.iter().all(|holder| unit.holders.contains(holder));
		ensure!(
			!(same_holders && threshold == unit.threshold),
			Error::<T>::AssignmentToSelf
		);
		let proposal: ProposalOf<T> = Proposal::Assign {
			to: to.clone(),
			threshold,
		};
		let Some(approved_by) = Self::consent(&who, id, &unit, &proposal)? else {
			return Ok(());
		};

		let now = frame_system::Pallet::<T>::block_number();
		let work = unit.work;
		let from = unit.holders.clone().into_inner();
		let successor = Self::create_unit(
			work,
			unit.scope.clone(),
			to.clone(),
			threshold,
			Some(id),
			UnitSource::Assignment,
			now,
		)?;
		Self::end_unit(id, unit, now);

		let previous = Named::truncate_from(from.clone());
		for holder in to.iter() {
			T::Audit::report(
				AuditEntry::new(AuditKind::Assigned, Subject::RightsUnit(id), who.clone())
					.from(who.clone())
					.to(holder.clone())
					.detail(Detail::Assignment {
						previous: previous.clone(),
						successor,
						threshold,
					}),
			);
		}
		Self::deposit_event(Event::UnitAssigned {
			work,
			unit: id,
			successor,
			from,
			to: to.into_inner(),
			threshold,
			approved_by,
			authorized_by: who,
		});
		Ok(())
	}
}
