//! Alerts: raised when a transfer breaks a rule, closed by a regulator with a note.

use crate::{
	pallet::{
		Alerts, AuditRecordOf, Config, Error, Event, NextAlertId, NoteOf, OpenAlertCount,
		OpenAlerts, Pallet,
	},
	Alert, AlertId, AlertStatus, AuthorizedBy, Rule,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
};
use registry_primitives::{AuditEntry, AuditKind, Detail, MemberRoles, Role, Subject};

impl<T: Config> Pallet<T> {
	/// Records that the transfer in `record` broke `rule`. Never fails.
	pub(crate) fn raise_alert(rule: Rule<BlockNumberFor<T>>, record: &AuditRecordOf<T>) {
		let alert = NextAlertId::<T>::get();
		NextAlertId::<T>::put(alert.saturating_add(1));
		Alerts::<T>::insert(
			alert,
			Alert {
				rule,
				subject: record.entry.subject,
				seq: record.seq,
				block: record.block,
				status: AlertStatus::Open,
			},
		);
		OpenAlerts::<T>::insert(alert, ());
		OpenAlertCount::<T>::mutate(|open| *open = open.saturating_add(1));
		Self::deposit_event(Event::AlertRaised {
			alert,
			rule,
			subject: record.entry.subject,
			seq: record.seq,
		});
	}

	pub(crate) fn do_close_alert(
		who: T::AccountId,
		alert: AlertId,
		note: NoteOf<T>,
	) -> DispatchResult {
		ensure!(
			T::Members::has_role(&who, Role::Regulator),
			Error::<T>::NotRegulator
		);
		ensure!(!note.is_empty(), Error::<T>::EmptyNote);
		let mut record = Alerts::<T>::get(alert).ok_or(Error::<T>::UnknownAlert)?;
		ensure!(
			record.status == AlertStatus::Open,
			Error::<T>::AlreadyClosed
		);
		record.status = AlertStatus::Closed {
			by: who.clone(),
			note: note.clone(),
			at: frame_system::Pallet::<T>::block_number(),
		};
		Alerts::<T>::insert(alert, record);
		OpenAlerts::<T>::remove(alert);
		OpenAlertCount::<T>::mutate(|open| *open = open.saturating_sub(1));
		Self::append(
			AuditEntry::new(AuditKind::AlertClosed, Subject::Alert(alert), who.clone()).detail(
				Detail::Note {
					// The runtime keeps `MaxNoteLength` within the record's bound.
					note: BoundedVec::truncate_from(note.to_vec()),
				},
			),
		);
		Self::deposit_event(Event::AlertClosed {
			alert,
			note: note.into_inner(),
			authorized_by: AuthorizedBy::Account(who),
		});
		Ok(())
	}
}
