//! Splitting a unit by rights, territory or term into two separate non-fungible units.

use crate::{
	pallet::{Config, Event, Pallet, ProposalOf, SplitSpecOf},
	Proposal, UnitId, UnitSource,
};
use polkadot_sdk::{frame_support::pallet_prelude::*, frame_system};
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, Detail, Subject};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_split(who: T::AccountId, id: UnitId, spec: SplitSpecOf<T>) -> DispatchResult {
		let unit = Self::live_unit_held_by(&who, id)?;
		let (part, rest) = Self::carve(&unit.scope, &spec)?;
		let proposal: ProposalOf<T> = Proposal::Split(spec.clone());
		let Some(approved_by) = Self::consent(&who, id, &unit, &proposal)? else {
			return Ok(());
		};

		let now = frame_system::Pallet::<T>::block_number();
		let work = unit.work;
		// Both successors keep the holders and their threshold: a split divides what is held,
		// never who holds it.
		let part = Self::create_unit(
			work,
			part,
			unit.holders.clone(),
			unit.threshold,
			Some(id),
			UnitSource::Split,
			now,
		)?;
		let remainder = Self::create_unit(
			work,
			rest,
			unit.holders.clone(),
			unit.threshold,
			Some(id),
			UnitSource::Split,
			now,
		)?;
		Self::end_unit(id, unit, now);

		// `integrity_test` keeps the territory bound within the record's, so the detail is
		// always there.
		let detail = spec.rebound().map_or(Detail::None, |spec| Detail::Split {
			spec,
			part,
			remainder,
		});
		T::Audit::report(
			AuditEntry::new(AuditKind::Split, Subject::RightsUnit(id), who.clone()).detail(detail),
		);
		Self::deposit_event(Event::UnitSplit {
			work,
			unit: id,
			part,
			remainder,
			approved_by,
			authorized_by: who,
		});
		Ok(())
	}
}
