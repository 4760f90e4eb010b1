//! Tests of the audit pallet, one file per capability. Every test ends with the invariant
//! checks (`new_test_ext`).

mod alerts;
mod chain;
mod export;
mod history;
mod rules;

use crate::{mock::*, *};
use polkadot_sdk::frame_support::BoundedVec;
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, Detail, Subject};

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Item `n` of collection 0.
pub fn item(n: u32) -> Subject {
	Subject::Item(0, n)
}

/// Reports `entry` as another pallet would, and returns its sequence number.
pub fn report(entry: AuditEntry<u64>) -> Seq {
	let seq = Audit::head().next_seq;
	<Audit as AuditReporter<u64>>::report(entry);
	seq
}

/// Reports that `to` received item `n` from the museum.
pub fn mint(n: u32, to: u64) -> Seq {
	report(AuditEntry::new(AuditKind::Minted, item(n), MUSEUM).to(to))
}

/// Reports that `from` gave item `n` to `to`.
pub fn transfer(n: u32, from: u64, to: u64) -> Seq {
	report(
		AuditEntry::new(AuditKind::Transferred, item(n), from)
			.from(from)
			.to(to),
	)
}

/// The stored record `seq`.
pub fn record(seq: Seq) -> crate::pallet::AuditRecordOf<Test> {
	Records::<Test>::get(seq).expect("the record exists")
}

/// The audit events so far, oldest first.
pub fn audit_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Audit(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The latest audit event.
pub fn last_event() -> Event<Test> {
	audit_events().pop().expect("an audit event")
}

pub fn burst(max_transfers: u32, window_blocks: u64) -> Rule<u64> {
	Rule::TransferBurst {
		max_transfers,
		window_blocks,
	}
}

pub fn back_and_forth(window_blocks: u64) -> Rule<u64> {
	Rule::BackAndForth { window_blocks }
}

/// Sets `rules` as the consortium.
pub fn set_rules(rules: &[Rule<u64>]) {
	assert!(Audit::set_rules(
		RuntimeOrigin::root(),
		BoundedVec::truncate_from(rules.to_vec())
	)
	.is_ok());
}

pub fn note(text: &str) -> crate::pallet::NoteOf<Test> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

/// The sequence numbers of a page's records.
pub fn seqs(records: &[HashedRecord<u64, u64>]) -> Vec<Seq> {
	records.iter().map(|r| r.record.seq).collect()
}

/// The blocks of a page's records.
pub fn blocks(records: &[HashedRecord<u64, u64>]) -> Vec<u64> {
	records.iter().map(|r| r.record.block).collect()
}

/// The numbers of the alerts raised so far, oldest first.
pub fn raised() -> Vec<AlertId> {
	audit_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::AlertRaised { alert, .. } => Some(alert),
			_ => None,
		})
		.collect()
}
