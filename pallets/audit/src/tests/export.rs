//! Exports of the log for offline verification, and the head.

use super::*;
use polkadot_sdk::sp_core::H256;

/// Records 0-1 in block 2, 2-4 in block 4, 5 in block 6, 6-7 in block 9.
fn records_over_blocks() {
	for (block, count) in [(2, 2), (4, 3), (6, 1), (9, 2)] {
		run_to(block);
		for _ in 0..count {
			mint(0, ALICE);
		}
	}
}

#[test]
fn an_export_covers_a_block_range_oldest_first() {
	new_test_ext(|| {
		records_over_blocks();
		let export = Audit::export(4, 6, 100, None).unwrap();
		assert_eq!(seqs(&export.records), vec![2, 3, 4, 5]);
		assert_eq!(export.prev_hash, record_hash(&record(1)));
		assert_eq!(export.last_hash, record_hash(&record(5)));
		assert_eq!(export.head, Audit::head());
		assert_eq!(export.head.next_seq, 8);
		assert_eq!(export.next_cursor, None);
		assert_eq!(export.verify(), Ok(()));

		// Edges between blocks holding records, and past the last one.
		assert_eq!(
			seqs(&Audit::export(3, 5, 100, None).unwrap().records),
			vec![2, 3, 4]
		);
		assert_eq!(
			seqs(&Audit::export(0, 2, 100, None).unwrap().records),
			vec![0, 1]
		);
		assert_eq!(
			seqs(&Audit::export(9, 9, 100, None).unwrap().records),
			vec![6, 7]
		);
		assert_eq!(
			seqs(&Audit::export(0, u64::MAX, 100, None).unwrap().records),
			(0..8).collect::<Vec<_>>()
		);
	});
}

#[test]
fn an_export_of_an_empty_range_chains_to_the_record_before() {
	new_test_ext(|| {
		records_over_blocks();
		let export = Audit::export(7, 8, 100, None).unwrap();
		assert!(export.records.is_empty());
		assert_eq!(export.prev_hash, record_hash(&record(5)));
		assert_eq!(export.last_hash, export.prev_hash);
		assert_eq!(export.verify(), Ok(()));

		let after = Audit::export(10, 20, 100, None).unwrap();
		assert!(after.records.is_empty());
		assert_eq!(after.prev_hash, Audit::head().last_hash);
	});
}

#[test]
fn an_export_of_an_empty_log_is_empty() {
	new_test_ext(|| {
		let export = Audit::export(0, 100, 10, None).unwrap();
		assert!(export.records.is_empty());
		assert_eq!(export.prev_hash, H256::zero());
		assert_eq!(export.last_hash, H256::zero());
		assert_eq!(export.head, ChainHead::default());
		assert_eq!(export.next_cursor, None);
	});
}

#[test]
fn an_export_is_cut_at_max_records_and_continues_from_its_cursor() {
	new_test_ext(|| {
		records_over_blocks();
		// A cut inside block 4, whose records continue on the next export.
		let first = Audit::export(2, 6, 3, None).unwrap();
		assert_eq!(seqs(&first.records), vec![0, 1, 2]);
		assert_eq!(first.next_cursor, Some(3));
		let second = Audit::export(2, 6, 3, first.next_cursor).unwrap();
		assert_eq!(seqs(&second.records), vec![3, 4, 5]);
		assert_eq!(second.prev_hash, first.last_hash);
		assert_eq!(second.next_cursor, None);

		let mut joined = first.records.clone();
		joined.extend(second.records.clone());
		assert_eq!(verify_chain(first.prev_hash, &joined), Ok(second.last_hash));

		// A cursor before the range starts at the range.
		assert_eq!(
			seqs(&Audit::export(6, 9, 10, Some(0)).unwrap().records),
			vec![5, 6, 7]
		);
		// A cursor past the range gives nothing.
		assert!(Audit::export(2, 4, 10, Some(6)).unwrap().records.is_empty());
	});
}

#[test]
fn export_arguments_are_checked() {
	new_test_ext(|| {
		records_over_blocks();
		assert_eq!(Audit::export(0, 9, 0, None), Err(QueryError::ZeroPageSize));
		assert_eq!(
			Audit::export(0, 9, MAX_EXPORT + 1, None),
			Err(QueryError::PageTooLarge)
		);
		assert_eq!(
			Audit::export(5, 4, 10, None),
			Err(QueryError::InvertedRange)
		);
		assert!(Audit::export(4, 4, MAX_EXPORT, None).is_ok());
	});
}

#[test]
fn the_head_reports_the_next_sequence_and_last_hash() {
	new_test_ext(|| {
		assert_eq!(Audit::head(), ChainHead::default());
		records_over_blocks();
		let head = Audit::head();
		assert_eq!(head.next_seq, 8);
		assert_eq!(head.last_hash, record_hash(&record(7)));
		assert_eq!(head.last_block, 9);
		assert_eq!(head.blocks, 4);
	});
}
