//! Closing alerts, and listing them.

use super::*;
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

/// Raises `n` alerts, one per return of item 0 between ALICE and BOB, and returns their
/// numbers.
fn raise(n: u64) -> Vec<AlertId> {
	set_rules(&[back_and_forth(10)]);
	transfer(0, ALICE, BOB);
	for i in 0..n {
		if i % 2 == 0 {
			transfer(0, BOB, ALICE);
		} else {
			transfer(0, ALICE, BOB);
		}
	}
	let ids = raised();
	assert_eq!(ids.len() as u64, n);
	ids
}

#[test]
fn a_regulator_closes_an_alert_with_a_note() {
	new_test_ext(|| {
		raise(1);
		run_to(6);
		assert_ok!(Audit::close_alert(
			signed(REGULATOR),
			0,
			note("gift between relatives")
		));
		assert_eq!(
			Alerts::<Test>::get(0).unwrap().status,
			AlertStatus::Closed {
				by: REGULATOR,
				note: note("gift between relatives"),
				at: 6
			}
		);
		assert!(!OpenAlerts::<Test>::contains_key(0));
		assert_eq!(OpenAlertCount::<Test>::get(), 0);
		assert_eq!(
			last_event(),
			Event::AlertClosed {
				alert: 0,
				note: b"gift between relatives".to_vec(),
				authorized_by: AuthorizedBy::Account(REGULATOR)
			}
		);
		let logged = record(Audit::head().next_seq - 1);
		assert_eq!(logged.entry.kind, AuditKind::AlertClosed);
		assert_eq!(logged.entry.subject, Subject::Alert(0));
		assert_eq!(logged.entry.authorized_by, AuthorizedBy::Account(REGULATOR));
		assert_eq!(
			logged.entry.detail,
			Detail::Note {
				note: BoundedVec::truncate_from(b"gift between relatives".to_vec())
			}
		);
	});
}

#[test]
fn only_active_regulators_close_alerts() {
	new_test_ext(|| {
		raise(1);
		for who in [ALICE, MUSEUM, REGISTRAR, STRANGER] {
			assert_noop!(
				Audit::close_alert(signed(who), 0, note("fine")),
				Error::<Test>::NotRegulator
			);
		}
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			RuntimeOrigin::root(),
			REGULATOR
		));
		assert_noop!(
			Audit::close_alert(signed(REGULATOR), 0, note("fine")),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Audit::close_alert(RuntimeOrigin::root(), 0, note("fine")),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_unknown_alert_cannot_be_closed() {
	new_test_ext(|| {
		raise(1);
		assert_noop!(
			Audit::close_alert(signed(REGULATOR), 1, note("fine")),
			Error::<Test>::UnknownAlert
		);
	});
}

#[test]
fn a_closed_alert_cannot_be_closed_again() {
	new_test_ext(|| {
		raise(1);
		assert_ok!(Audit::close_alert(signed(REGULATOR), 0, note("fine")));
		assert_noop!(
			Audit::close_alert(signed(REGULATOR), 0, note("again")),
			Error::<Test>::AlreadyClosed
		);
	});
}

#[test]
fn closing_an_alert_needs_a_note() {
	new_test_ext(|| {
		raise(1);
		assert_noop!(
			Audit::close_alert(signed(REGULATOR), 0, note("")),
			Error::<Test>::EmptyNote
		);
	});
}

fn ids(page: &AlertPage<u64, u64>) -> Vec<AlertId> {
	page.alerts.iter().map(|a| a.alert).collect()
}

/// Every page of a listing, joined.
fn list_all(filter: AlertFilter, size: u32) -> Vec<AlertId> {
	let mut found = Vec::new();
	let mut cursor = None;
	loop {
		let page = Audit::alerts(filter, cursor, size).expect("a valid listing");
		found.extend(ids(&page));
		match page.next_cursor {
			Some(next) => cursor = Some(next),
			None => return found,
		}
	}
}

#[test]
fn alerts_are_listed_by_status() {
	new_test_ext(|| {
		raise(5);
		assert_ok!(Audit::close_alert(signed(REGULATOR), 1, note("checked")));
		assert_ok!(Audit::close_alert(signed(REGULATOR), 3, note("checked")));

		let first = Audit::alerts(AlertFilter::All, None, 2).unwrap();
		assert_eq!(ids(&first), vec![4, 3]);
		assert_eq!(first.open, 3);
		assert_eq!(first.next_cursor, Some(3));
		assert_eq!(list_all(AlertFilter::All, 2), vec![4, 3, 2, 1, 0]);
		assert_eq!(list_all(AlertFilter::Closed, 1), vec![3, 1]);

		let mut open = list_all(AlertFilter::Open, 2);
		open.sort_unstable();
		assert_eq!(open, vec![0, 2, 4]);

		let closed = Audit::alerts(AlertFilter::Closed, None, 10).unwrap();
		assert_eq!(
			closed.alerts[0],
			AlertView {
				alert: 3,
				rule: back_and_forth(10),
				// Record 0 is the rules' own.
				subject: item(0),
				seq: 5,
				block: 1,
				status: AlertStatusView::Closed {
					by: REGULATOR,
					note: b"checked".to_vec(),
					at: 1
				},
			}
		);
		assert_eq!(closed.next_cursor, None);
	});
}

#[test]
fn the_open_listing_survives_alerts_closing_between_pages() {
	new_test_ext(|| {
		raise(6);
		let first = Audit::alerts(AlertFilter::Open, None, 3).unwrap();
		let seen = ids(&first);
		assert_eq!(seen.len(), 3);
		// Close one already listed and one not yet listed.
		let unseen: Vec<AlertId> = (0..6).filter(|id| !seen.contains(id)).collect();
		assert_ok!(Audit::close_alert(signed(REGULATOR), seen[2], note("done")));
		assert_ok!(Audit::close_alert(
			signed(REGULATOR),
			unseen[0],
			note("done")
		));

		let rest = Audit::alerts(AlertFilter::Open, first.next_cursor, 3).unwrap();
		let mut rest = ids(&rest);
		rest.sort_unstable();
		assert_eq!(rest, unseen[1..].to_vec());
	});
}

#[test]
fn alert_listings_are_bounded() {
	new_test_ext(|| {
		raise(1);
		for filter in [AlertFilter::Open, AlertFilter::Closed, AlertFilter::All] {
			assert_eq!(
				Audit::alerts(filter, None, 0),
				Err(QueryError::ZeroPageSize)
			);
			assert_eq!(
				Audit::alerts(filter, None, MAX_PAGE + 1),
				Err(QueryError::PageTooLarge)
			);
			assert!(Audit::alerts(filter, None, MAX_PAGE).is_ok());
		}
	});
}
