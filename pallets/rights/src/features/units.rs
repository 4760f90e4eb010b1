//! Units of economic rights: creating and ending them, the only two things that ever happen to
//! a unit, with their indices.

use crate::{
	pallet::{
		Config, Error, HoldersOf, LiveUnits, NextUnitId, Pallet, Pending, PendingActions, ScopeOf,
		UnitOf, Units, UnitsOfHolder, UnitsOfWork,
	},
	UnitId, UnitSource, WorkId,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::BlockNumberFor,
};

impl<T: Config> Pallet<T> {
	/// Creates a live unit and indexes it under its work and holders.
	pub(crate) fn create_unit(
		work: WorkId,
		scope: ScopeOf<T>,
		holders: HoldersOf<T>,
		threshold: u32,
		parent: Option<UnitId>,
		source: UnitSource,
		now: BlockNumberFor<T>,
	) -> Result<UnitId, DispatchError> {
		let unit = NextUnitId::<T>::try_mutate(Self::bump)?;
		for holder in holders.iter() {
			UnitsOfHolder::<T>::insert(holder, unit, ());
		}
		UnitsOfWork::<T>::insert(work, unit, ());
		LiveUnits::<T>::insert(work, unit, ());
		Units::<T>::insert(
			unit,
			UnitOf::<T> {
				work,
				scope,
				holders,
				threshold,
				parent,
				created_at: now,
				created_by_action: source,
				ended_at: None,
			},
		);
		Ok(unit)
	}

	/// Ends a unit: it stays on record as the parent of its successors, leaves its holders'
	/// index, and approvals waiting on it lapse.
	pub(crate) fn end_unit(id: UnitId, mut unit: UnitOf<T>, now: BlockNumberFor<T>) {
		for holder in unit.holders.iter() {
			UnitsOfHolder::<T>::remove(holder, id);
		}
		LiveUnits::<T>::remove(unit.work, id);
		unit.ended_at = Some(now);
		Units::<T>::insert(id, unit);
		// At most `MaxPendingActions` entries exist, so one pass removes them all.
		let _ = Pending::<T>::clear_prefix(id, T::MaxPendingActions::get(), None);
		PendingActions::<T>::remove(id);
	}

	/// The live unit `id`, if `who` holds it.
	pub(crate) fn live_unit_held_by(
		who: &T::AccountId,
		id: UnitId,
	) -> Result<UnitOf<T>, DispatchError> {
		let unit = Units::<T>::get(id).ok_or(Error::<T>::UnknownUnit)?;
		ensure!(unit.ended_at.is_none(), Error::<T>::UnitEnded);
		ensure!(unit.holders.contains(who), Error::<T>::NotHolder);
		Ok(unit)
	}
}
