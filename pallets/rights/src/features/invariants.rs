//! Invariants checked after every test and by try-runtime.

use crate::{
	pallet::{
		Config, Derivatives, LicenceOf, Licences, LicencesOfWork, LiveLicences, LiveUnits,
		MoralRights, OpenDisputeOf, Pallet, Pending, PendingActions, UnitOf, Units, UnitsOfHolder,
		UnitsOfWork, WorkByContent, Works,
	},
	RightSet,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// The live units of a work never overlap; no licence in force overlaps another where
	/// either is exclusive; every unit traces back through its parents to its work's first
	/// unit; and every index matches the records it indexes.
	#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let today = Self::today();
		for (work, record) in Works::<T>::iter() {
			ensure!(
				WorkByContent::<T>::get(record.content) == Some(work),
				"a work is missing from the content index"
			);
			ensure!(
				MoralRights::<T>::contains_key(work),
				"a work has no moral-rights record"
			);
			for parent in record.parents.iter() {
				ensure!(
					Works::<T>::contains_key(parent),
					"a work derives from no work"
				);
				ensure!(
					Derivatives::<T>::contains_key(parent, work),
					"a derivative is missing from its parent's index"
				);
			}
			ensure!(
				OpenDisputeOf::<T>::iter_prefix(work).count() as u32 == record.open_disputes,
				"a work's open-dispute count is wrong"
			);
			ensure!(
				LiveLicences::<T>::iter_key_prefix(work).count() as u32 == record.live_licences,
				"a work's live-licence count is wrong"
			);
			ensure!(
				Units::<T>::get(record.root_unit)
					.is_some_and(|root| root.work == work && root.parent.is_none()),
				"a work's first unit is not a root unit of the work"
			);

			let live_units: Vec<UnitOf<T>> = UnitsOfWork::<T>::iter_key_prefix(work)
				.filter_map(|unit| Units::<T>::get(unit))
				.filter(|unit| unit.ended_at.is_none())
				.collect();
			ensure!(
				LiveUnits::<T>::iter_key_prefix(work).count() == live_units.len(),
				"a work's live-unit index is wrong"
			);
			for (index, a) in live_units.iter().enumerate() {
				for b in live_units.iter().skip(index.saturating_add(1)) {
					ensure!(
						!a.scope.overlaps(&b.scope),
						"two live units of a work overlap"
					);
				}
			}

			let in_force: Vec<LicenceOf<T>> = LiveLicences::<T>::iter_key_prefix(work)
				.filter_map(|licence| Licences::<T>::get(licence))
				.filter(|licence| licence.is_live(today))
				.collect();
			for (index, a) in in_force.iter().enumerate() {
				for b in in_force.iter().skip(index.saturating_add(1)) {
					ensure!(
						!((a.exclusive || b.exclusive) && a.scope.overlaps(&b.scope)),
						"an exclusive licence overlaps another licence in force"
					);
				}
			}
		}

		for (id, unit) in Units::<T>::iter() {
			ensure!(Works::<T>::contains_key(unit.work), "a unit has no work");
			ensure!(
				UnitsOfWork::<T>::contains_key(unit.work, id),
				"a unit is missing from its work"
			);
			ensure!(
				LiveUnits::<T>::contains_key(unit.work, id) == unit.ended_at.is_none(),
				"a unit's place in the live-unit index is wrong"
			);
			ensure!(
				!unit.scope.rights.is_empty() && RightSet::ECONOMIC.contains(unit.scope.rights),
				"a unit holds no right, or a moral right"
			);
			ensure!(
				unit.scope.territory.is_well_formed() && !unit.scope.territory.is_empty(),
				"a unit's territory is malformed or empty"
			);
			ensure!(unit.scope.term.is_valid(), "a unit's term holds no day");
			ensure!(
				unit.threshold >= 1 && (unit.threshold as usize) <= unit.holders.len(),
				"a unit's threshold does not fit its holders"
			);
			if unit.ended_at.is_none() {
				for holder in unit.holders.iter() {
					ensure!(
						UnitsOfHolder::<T>::contains_key(holder, id),
						"a live unit is missing from its holder's index"
					);
				}
			} else {
				ensure!(
					PendingActions::<T>::get(id) == 0
						&& Pending::<T>::iter_key_prefix(id).next().is_none(),
					"approvals wait on an ended unit"
				);
			}
			// Parents are always older, so the walk ends.
			let mut current = id;
			let mut cursor = unit.parent;
			while let Some(parent) = cursor {
				ensure!(
					parent < current,
					"a unit's parent is not older than the unit"
				);
				let record = Units::<T>::get(parent).ok_or("a unit's parent is missing")?;
				ensure!(
					record.work == unit.work,
					"a unit's parent belongs to another work"
				);
				ensure!(record.ended_at.is_some(), "a unit's parent is still live");
				current = parent;
				cursor = record.parent;
			}
			ensure!(
				Works::<T>::get(unit.work).is_some_and(|work| work.root_unit == current),
				"a unit does not trace back to its work's first unit"
			);
		}

		for (holder, id, ()) in UnitsOfHolder::<T>::iter() {
			ensure!(
				Units::<T>::get(id)
					.is_some_and(|unit| unit.ended_at.is_none() && unit.holders.contains(&holder)),
				"stale holder index entry"
			);
		}
		for (work, id, ()) in LicencesOfWork::<T>::iter() {
			let licence = Licences::<T>::get(id).ok_or("a licence index entry has no licence")?;
			ensure!(
				licence.work == work,
				"a licence is indexed under another work"
			);
			let unit = Units::<T>::get(licence.unit).ok_or("a licence has no unit")?;
			ensure!(
				unit.work == work,
				"a licence's unit belongs to another work"
			);
			ensure!(
				licence.scope.is_within(&unit.scope),
				"a licence reaches beyond its unit"
			);
		}
		for (work, id, ()) in LiveLicences::<T>::iter() {
			ensure!(
				LicencesOfWork::<T>::contains_key(work, id),
				"a live licence is missing from its work's index"
			);
			ensure!(
				Licences::<T>::get(id).is_some_and(|licence| licence.revoked.is_none()),
				"a revoked licence is still in the live index"
			);
		}
		for (unit, count) in PendingActions::<T>::iter() {
			ensure!(
				Pending::<T>::iter_key_prefix(unit).count() as u32 == count,
				"a unit's pending-action count is wrong"
			);
			ensure!(
				count <= T::MaxPendingActions::get(),
				"too many pending actions"
			);
		}
		for (unit, _, approvals) in Pending::<T>::iter() {
			let record = Units::<T>::get(unit).ok_or("approvals wait on no unit")?;
			ensure!(
				approvals
					.iter()
					.all(|approver| record.holders.contains(approver)),
				"an approval comes from a non-holder"
			);
			ensure!(
				(approvals.len() as u32) < record.threshold,
				"an approved action did not take effect"
			);
		}
		Ok(())
	}
}
