//! The hash-chained log: what a record holds, how it is hashed and linked, how it is indexed,
//! and how `verify_chain` checks an export.

use super::*;
use codec::Encode;
use polkadot_sdk::sp_core::H256;

#[test]
fn the_first_record_has_sequence_zero_and_a_zero_prev() {
	new_test_ext(|| {
		System::set_extrinsic_index(2);
		set_time(1_767_225_600_000);
		let seq = report(
			AuditEntry::new(AuditKind::Frozen, item(7), REGULATOR)
				.reason(12)
				.evidence(H256::repeat_byte(9)),
		);
		assert_eq!(seq, 0);
		let stored = record(0);
		assert_eq!(
			stored,
			AuditRecord {
				seq: 0,
				block: 1,
				timestamp: 1_767_225_600_000,
				extrinsic: Some(2),
				entry: AuditEntry {
					kind: AuditKind::Frozen,
					subject: item(7),
					from: None,
					to: None,
					authorized_by: AuthorizedBy::Account(REGULATOR),
					reason: 12,
					evidence: Some(H256::repeat_byte(9)),
					detail: Detail::None,
				},
				prev: H256::zero(),
			}
		);
		assert_eq!(
			Audit::head(),
			ChainHead {
				next_seq: 1,
				last_hash: record_hash(&stored),
				last_block: 1,
				blocks: 1,
			}
		);
	});
}

#[test]
fn a_record_after_the_extrinsics_has_no_extrinsic_index() {
	new_test_ext(|| {
		// As in `on_finalize`: frame-system takes the index once the extrinsics are applied.
		polkadot_sdk::frame_support::storage::unhashed::kill(
			polkadot_sdk::sp_core::storage::well_known_keys::EXTRINSIC_INDEX,
		);
		mint(0, ALICE);
		assert_eq!(record(0).extrinsic, None);
	});
}

#[test]
fn the_record_hash_is_sha256_over_the_fields_in_order() {
	new_test_ext(|| {
		System::set_extrinsic_index(1);
		transfer(3, ALICE, BOB);
		run_to(5);
		set_time(1_767_225_630_000);
		System::set_extrinsic_index(4);
		let seq = report(
			AuditEntry::new(AuditKind::Retired, Subject::Work(8), BOB)
				.from(BOB)
				.reason(3)
				.evidence(H256::repeat_byte(1))
				.detail(Detail::Content {
					sha256: H256::repeat_byte(2),
				}),
		);
		let stored = record(seq);

		// The layout documented in the module docs, written out field by field.
		let mut bytes = Vec::new();
		bytes.extend(1u64.to_le_bytes()); // seq
		bytes.extend(5u64.to_le_bytes()); // block (u64 in this mock)
		bytes.extend(1_767_225_630_000u64.to_le_bytes()); // timestamp
		bytes.extend([1u8]); // extrinsic: Some
		bytes.extend(4u32.to_le_bytes());
		bytes.extend([7u8]); // AuditKind::Retired
		bytes.extend([2u8]); // Subject::Work
		bytes.extend(8u64.to_le_bytes());
		bytes.extend([1u8]); // from: Some
		bytes.extend(BOB.to_le_bytes());
		bytes.extend([0u8]); // to: None
		bytes.extend([0u8]); // authorized_by: AuthorizedBy::Account
		bytes.extend(BOB.to_le_bytes());
		bytes.extend(3u16.to_le_bytes()); // reason
		bytes.extend([1u8]); // evidence: Some
		bytes.extend([1u8; 32]);
		bytes.extend([1u8]); // detail: Detail::Content
		bytes.extend([2u8; 32]);
		bytes.extend(record_hash(&record(0)).0); // prev

		assert_eq!(stored.encode(), bytes);
		let expected = H256(polkadot_sdk::sp_crypto_hashing::sha2_256(&bytes));
		assert_eq!(record_hash(&stored), expected);
		assert_eq!(Audit::hash_of(&stored), expected);
		assert_eq!(Audit::head().last_hash, expected);
	});
}

#[test]
fn each_record_names_the_previous_records_hash() {
	new_test_ext(|| {
		mint(0, ALICE);
		transfer(0, ALICE, BOB);
		run_to(2);
		transfer(0, BOB, CAROL);
		mint(1, BOB);
		run_to(9);
		report(AuditEntry::new(
			AuditKind::CollectionCreated,
			Subject::Collection(1),
			MUSEUM,
		));

		assert_eq!(record(0).prev, H256::zero());
		for seq in 1..5 {
			assert_eq!(record(seq).prev, record_hash(&record(seq - 1)));
		}
		assert_eq!(Audit::head().last_hash, record_hash(&record(4)));
		assert_eq!(Audit::head().next_seq, 5);
	});
}

#[test]
fn reporting_emits_no_event() {
	new_test_ext(|| {
		for n in 0..10 {
			mint(n, ALICE);
		}
		assert!(audit_events().is_empty());
		assert!(System::events().is_empty());
	});
}

#[test]
fn the_block_index_notes_the_first_record_of_each_block() {
	new_test_ext(|| {
		mint(0, ALICE);
		mint(1, ALICE);
		run_to(3);
		mint(2, ALICE);
		run_to(7);
		mint(3, ALICE);
		mint(4, ALICE);
		mint(5, ALICE);

		let starts: Vec<_> = (0..3)
			.map(|n| BlockFirstSeq::<Test>::get(n).map(|s| (s.block, s.first_seq)))
			.collect();
		assert_eq!(starts, vec![Some((1, 0)), Some((3, 2)), Some((7, 3))]);
		assert_eq!(Audit::head().blocks, 3);
		assert_eq!(Audit::head().last_block, 7);
	});
}

#[test]
fn each_record_is_indexed_under_its_subject() {
	new_test_ext(|| {
		mint(0, ALICE);
		mint(1, ALICE);
		transfer(0, ALICE, BOB);
		assert_eq!(Audit::subject_count(&item(0)), 2);
		assert_eq!(Audit::subject_count(&item(1)), 1);
		assert_eq!(Audit::subject_seq(&item(0), 0), Some(0));
		assert_eq!(Audit::subject_seq(&item(0), 1), Some(2));
		assert_eq!(Audit::subject_seq(&item(1), 0), Some(1));
	});
}

#[test]
fn a_subjects_first_record_is_kept_in_its_head() {
	new_test_ext(|| {
		mint(0, ALICE);
		// A minted item's only record costs the head alone, no index entry.
		assert_eq!(
			SubjectHeads::<Test>::get(item(0)),
			Some(SubjectHead { count: 1, first: 0 })
		);
		assert_eq!(SubjectIndex::<Test>::iter_prefix(item(0)).count(), 0);
		transfer(0, ALICE, BOB);
		assert_eq!(SubjectIndex::<Test>::get(item(0), 1), Some(1));
		assert_eq!(Audit::subject_seq(&item(0), 2), None);
	});
}

#[test]
fn consecutive_records_of_an_account_share_one_run() {
	new_test_ext(|| {
		// A batch: MUSEUM signs three mints in a row, to three holders.
		for (n, holder) in [ALICE, BOB, CAROL].into_iter().enumerate() {
			report(AuditEntry::new(AuditKind::Minted, item(n as u32), MUSEUM).to(holder));
		}
		// Another signer interrupts; then MUSEUM again.
		report(AuditEntry::new(AuditKind::Frozen, item(0), REGULATOR));
		report(AuditEntry::new(AuditKind::Minted, item(3), MUSEUM).to(ALICE));

		assert_eq!(
			AccountHeads::<Test>::get(MUSEUM),
			Some(AccountHead {
				records: 4,
				runs: 2
			})
		);
		assert_eq!(
			AccountRuns::<Test>::get(MUSEUM, 0),
			Some(SeqRun {
				position: 0,
				first: 0,
				len: 3
			})
		);
		assert_eq!(
			AccountRuns::<Test>::get(MUSEUM, 1),
			Some(SeqRun {
				position: 3,
				first: 4,
				len: 1
			})
		);
		let museum: Vec<_> = (0..5).map(|p| Audit::account_seq(&MUSEUM, p)).collect();
		assert_eq!(museum, vec![Some(0), Some(1), Some(2), Some(4), None]);
		// ALICE's records 0 and 4 are not consecutive: two runs.
		assert_eq!(AccountHeads::<Test>::get(ALICE).map(|h| h.runs), Some(2));
		assert_eq!(Audit::account_seq(&ALICE, 1), Some(4));

		// The history reads the same through the runs, newest first.
		let page = Audit::history(HistoryQuery::ByAccount(MUSEUM), 10, None, None).unwrap();
		let seqs: Vec<_> = page.records.iter().map(|r| r.record.seq).collect();
		assert_eq!(seqs, vec![4, 2, 1, 0]);
		assert_eq!(page.total, 4);
	});
}

#[test]
fn an_account_is_indexed_once_per_record_it_appears_in() {
	new_test_ext(|| {
		// Giver and signer are the same account: one index entry, not two.
		transfer(0, ALICE, BOB);
		assert_eq!(Audit::account_count(&ALICE), 1);
		assert_eq!(Audit::account_count(&BOB), 1);

		// Three different accounts: one entry each.
		report(
			AuditEntry::new(AuditKind::Transferred, item(0), REGULATOR)
				.from(BOB)
				.to(CAROL),
		);
		assert_eq!(Audit::account_count(&BOB), 2);
		assert_eq!(Audit::account_count(&CAROL), 1);
		assert_eq!(Audit::account_count(&REGULATOR), 1);

		// The same account in all three places.
		report(
			AuditEntry::new(AuditKind::Transferred, item(1), CAROL)
				.from(CAROL)
				.to(CAROL),
		);
		assert_eq!(Audit::account_count(&CAROL), 2);

		// Only a signer.
		report(AuditEntry::new(
			AuditKind::CollectionCreated,
			Subject::Collection(0),
			MUSEUM,
		));
		assert_eq!(Audit::account_count(&MUSEUM), 1);

		assert_eq!(Audit::account_seq(&BOB, 0), Some(0));
		assert_eq!(Audit::account_seq(&BOB, 1), Some(1));
		assert_eq!(Audit::account_seq(&CAROL, 1), Some(2));
		assert_eq!(Audit::account_seq(&ALICE, 1), None);
	});
}

/// Six records over three blocks, exported whole.
fn honest_records() -> Vec<HashedRecord<u64, u64>> {
	mint(0, ALICE);
	transfer(0, ALICE, BOB);
	run_to(2);
	transfer(0, BOB, CAROL);
	mint(1, BOB);
	run_to(4);
	transfer(1, BOB, ALICE);
	report(
		AuditEntry::new(AuditKind::Retired, item(0), CAROL)
			.from(CAROL)
			.reason(2),
	);
	Audit::export(0, 10, 100, None)
		.expect("a valid export")
		.records
}

#[test]
fn verify_chain_accepts_an_honest_export() {
	new_test_ext(|| {
		let records = honest_records();
		assert_eq!(records.len(), 6);
		assert_eq!(
			verify_chain(H256::zero(), &records),
			Ok(Audit::head().last_hash)
		);

		// A later stretch verifies from the hash of the record before it.
		let tail = Audit::export(2, 4, 100, None).unwrap();
		assert_eq!(tail.prev_hash, records[1].hash);
		assert_eq!(
			verify_chain(tail.prev_hash, &tail.records),
			Ok(tail.last_hash)
		);
		assert_eq!(tail.verify(), Ok(()));

		assert_eq!(
			verify_chain::<u64, u64>(H256::repeat_byte(3), &[]),
			Ok(H256::repeat_byte(3))
		);
	});
}

#[test]
fn verify_chain_rejects_a_changed_field() {
	new_test_ext(|| {
		let honest = honest_records();

		let mut records = honest.clone();
		records[2].record.entry.to = Some(STRANGER);
		assert_eq!(
			verify_chain(H256::zero(), &records),
			Err((2, ChainFault::HashMismatch))
		);

		// Rehashing the changed record breaks the link to the next one.
		records[2].hash = record_hash(&records[2].record);
		assert_eq!(
			verify_chain(H256::zero(), &records),
			Err((3, ChainFault::BrokenLink))
		);

		// Changing and rehashing the last record leaves only the head to disagree.
		let mut export = Audit::export(0, 10, 100, None).unwrap();
		assert_eq!(export.verify(), Ok(()));
		let last = export.records.len() - 1;
		export.records[last].record.entry.reason = 99;
		export.records[last].hash = record_hash(&export.records[last].record);
		assert_eq!(export.verify(), Err((6, ChainFault::LastHashMismatch)));

		// The hash before the first record is checked too.
		assert_eq!(
			verify_chain(H256::repeat_byte(1), &honest),
			Err((0, ChainFault::BrokenLink))
		);
	});
}

#[test]
fn verify_chain_rejects_a_dropped_record() {
	new_test_ext(|| {
		let mut records = honest_records();
		records.remove(3);
		assert_eq!(
			verify_chain(H256::zero(), &records),
			Err((3, ChainFault::BrokenLink))
		);
	});
}

#[test]
fn verify_chain_rejects_reordered_records() {
	new_test_ext(|| {
		let mut records = honest_records();
		records.swap(1, 2);
		assert_eq!(
			verify_chain(H256::zero(), &records),
			Err((1, ChainFault::BrokenLink))
		);
	});
}

#[test]
fn verify_chain_rejects_a_sequence_gap() {
	new_test_ext(|| {
		let mut records = honest_records();
		// Renumbered and relinked from record 2 on, as a forger would: the gap remains.
		let mut prev = records[1].hash;
		for hashed in records.iter_mut().skip(2) {
			hashed.record.seq += 1;
			hashed.record.prev = prev;
			hashed.hash = record_hash(&hashed.record);
			prev = hashed.hash;
		}
		assert_eq!(
			verify_chain(H256::zero(), &records),
			Err((2, ChainFault::SeqGap))
		);
	});
}
