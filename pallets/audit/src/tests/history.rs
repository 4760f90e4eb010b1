//! Paging through a subject's or an account's history.

use super::*;

/// Seven records of item 0, one per block from block 1.
fn seven_records() {
	mint(0, ALICE);
	for n in 0..6u64 {
		run_to(n + 2);
		let (from, to) = if n % 2 == 0 {
			(ALICE, BOB)
		} else {
			(BOB, ALICE)
		};
		transfer(0, from, to);
	}
}

fn page(
	query: HistoryQuery<u64>,
	size: u32,
	cursor: Option<u64>,
	range: Option<(u64, u64)>,
) -> HistoryPage<u64, u64> {
	Audit::history(query, size, cursor, range).expect("a valid query")
}

#[test]
fn history_is_newest_first_and_continues_from_the_cursor() {
	new_test_ext(|| {
		seven_records();
		mint(1, CAROL);
		let query = HistoryQuery::BySubject(item(0));

		let first = page(query.clone(), 3, None, None);
		assert_eq!(seqs(&first.records), vec![6, 5, 4]);
		assert_eq!(first.total, 7);
		assert_eq!(first.next_cursor, Some(4));

		let second = page(query.clone(), 3, first.next_cursor, None);
		assert_eq!(seqs(&second.records), vec![3, 2, 1]);
		assert_eq!(second.next_cursor, Some(1));

		let last = page(query.clone(), 3, second.next_cursor, None);
		assert_eq!(seqs(&last.records), vec![0]);
		assert_eq!(last.next_cursor, None);

		// Records come with their own hashes.
		assert!(first
			.records
			.iter()
			.all(|r| r.hash == record_hash(&r.record)));

		// A page that ends exactly at the oldest record has no next page.
		let whole = page(query, 7, None, None);
		assert_eq!(seqs(&whole.records), vec![6, 5, 4, 3, 2, 1, 0]);
		assert_eq!(whole.next_cursor, None);
	});
}

#[test]
fn the_cursor_survives_records_appended_between_pages() {
	new_test_ext(|| {
		seven_records();
		let query = HistoryQuery::BySubject(item(0));
		let first = page(query.clone(), 4, None, None);
		assert_eq!(seqs(&first.records), vec![6, 5, 4, 3]);
		transfer(0, BOB, CAROL);
		let second = page(query, 4, first.next_cursor, None);
		assert_eq!(seqs(&second.records), vec![2, 1, 0]);
	});
}

#[test]
fn history_by_account_lists_every_record_naming_it() {
	new_test_ext(|| {
		mint(0, ALICE); // 0: ALICE receives
		mint(1, BOB); // 1
		transfer(1, BOB, ALICE); // 2: ALICE receives
		transfer(0, ALICE, CAROL); // 3: ALICE gives and signs: listed once
		report(
			AuditEntry::new(AuditKind::Transferred, item(2), ALICE)
				.from(BOB)
				.to(CAROL),
		); // 4: ALICE signs

		let alice = page(HistoryQuery::ByAccount(ALICE), 10, None, None);
		assert_eq!(seqs(&alice.records), vec![4, 3, 2, 0]);
		assert_eq!(alice.total, 4);
		let museum = page(HistoryQuery::ByAccount(MUSEUM), 10, None, None);
		assert_eq!(seqs(&museum.records), vec![1, 0]);
	});
}

#[test]
fn the_page_size_is_bounded() {
	new_test_ext(|| {
		seven_records();
		let query = HistoryQuery::BySubject(item(0));
		assert_eq!(
			Audit::history(query.clone(), 0, None, None),
			Err(QueryError::ZeroPageSize)
		);
		assert_eq!(
			Audit::history(query.clone(), MAX_PAGE + 1, None, None),
			Err(QueryError::PageTooLarge)
		);
		assert_eq!(page(query, MAX_PAGE, None, None).records.len(), 7);
	});
}

#[test]
fn an_inverted_block_range_is_refused() {
	new_test_ext(|| {
		seven_records();
		assert_eq!(
			Audit::history(HistoryQuery::BySubject(item(0)), 10, None, Some((5, 4))),
			Err(QueryError::InvertedRange)
		);
	});
}

#[test]
fn an_unknown_subject_or_account_differs_from_an_empty_page() {
	new_test_ext(|| {
		seven_records();
		assert_eq!(
			Audit::history(HistoryQuery::BySubject(item(9)), 10, None, None),
			Err(QueryError::UnknownSubject)
		);
		assert_eq!(
			Audit::history(HistoryQuery::ByAccount(STRANGER), 10, None, None),
			Err(QueryError::UnknownAccount)
		);
		// A known subject with nothing in the range: an empty page.
		let empty = page(HistoryQuery::BySubject(item(0)), 10, None, Some((50, 60)));
		assert!(empty.records.is_empty());
		assert_eq!(empty.total, 0);
		assert_eq!(empty.next_cursor, None);
	});
}

#[test]
fn block_range_edges_are_inclusive() {
	new_test_ext(|| {
		// Records of item 0 in blocks 2, 4, 4, 6, 8.
		for block in [2, 4, 4, 6, 8] {
			run_to(block);
			mint(0, ALICE);
		}
		let query = HistoryQuery::BySubject(item(0));
		let range = |from, to| blocks(&page(query.clone(), 10, None, Some((from, to))).records);

		assert_eq!(range(4, 6), vec![6, 4, 4]);
		assert_eq!(range(3, 5), vec![4, 4]);
		assert_eq!(range(2, 2), vec![2]);
		assert_eq!(range(8, 8), vec![8]);
		assert_eq!(range(0, 100), vec![8, 6, 4, 4, 2]);
		assert_eq!(range(0, 1), Vec::<u64>::new());
		assert_eq!(range(9, 20), Vec::<u64>::new());
		assert_eq!(range(5, 5), Vec::<u64>::new());

		// Paging inside a range stops at its lower edge.
		let first = page(query.clone(), 2, None, Some((4, 8)));
		assert_eq!(blocks(&first.records), vec![8, 6]);
		assert_eq!(first.total, 4);
		let second = page(query.clone(), 2, first.next_cursor, Some((4, 8)));
		assert_eq!(blocks(&second.records), vec![4, 4]);
		assert_eq!(second.next_cursor, None);
	});
}

#[test]
fn block_ranges_agree_with_a_scan_of_a_long_history() {
	new_test_ext(|| {
		// 120 records of one subject over irregular blocks, with gaps.
		let mut block = 1;
		for n in 0..120u64 {
			block += n % 4;
			run_to(block);
			mint(0, ALICE);
		}
		let all: Vec<HashedRecord<u64, u64>> = (0..120)
			.map(|seq| {
				let record = record(seq);
				HashedRecord {
					hash: record_hash(&record),
					record,
				}
			})
			.collect();
		for (from, to) in [
			(0, 0),
			(1, 1),
			(3, 40),
			(17, 17),
			(50, 170),
			(180, 181),
			(100, 101),
		] {
			let expected: Vec<Seq> = all
				.iter()
				.rev()
				.filter(|r| (from..=to).contains(&r.record.block))
				.map(|r| r.record.seq)
				.collect();
			let mut found = Vec::new();
			let mut cursor = None;
			loop {
				let page = page(HistoryQuery::ByAccount(ALICE), 7, cursor, Some((from, to)));
				assert_eq!(page.total, expected.len() as u64);
				found.extend(seqs(&page.records));
				match page.next_cursor {
					Some(next) => cursor = Some(next),
					None => break,
				}
			}
			assert_eq!(found, expected, "range {from}..={to}");
		}
	});
}

#[test]
fn a_time_range_maps_to_the_blocks_whose_records_fall_in_it() {
	new_test_ext(|| {
		// Blocks 2, 4 and 6 hold records stamped 10 s, 30 s and 50 s; block 4 holds two.
		for (block, secs) in [(2u64, 10u64), (4, 30), (6, 50)] {
			run_to(block);
			set_time(secs * 1000);
			mint(block as u32, ALICE);
		}
		mint(40, ALICE);
		assert_eq!(Audit::blocks_between(None, None), Some((2, 6)));
		assert_eq!(Audit::blocks_between(Some(20_000), None), Some((4, 6)));
		assert_eq!(
			Audit::blocks_between(Some(30_000), Some(30_000)),
			Some((4, 4))
		);
		assert_eq!(
			Audit::blocks_between(Some(10_001), Some(49_999)),
			Some((4, 4))
		);
		assert_eq!(Audit::blocks_between(None, Some(10_000)), Some((2, 2)));
		assert_eq!(Audit::blocks_between(None, Some(9_999)), None);
		assert_eq!(Audit::blocks_between(Some(50_001), None), None);
		assert_eq!(Audit::blocks_between(Some(31_000), Some(49_000)), None);
	});
}
