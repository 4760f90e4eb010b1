//! The runtime API's reads: a work with its record, the chain of title, rights as of a block.

use super::*;

fn unit_ids(views: &[UnitView<u64, u64>]) -> Vec<UnitId> {
	views.iter().map(|view| view.unit).collect()
}

fn licence_ids(views: &[LicenceView<u64, u64>]) -> Vec<LicenceId> {
	views.iter().map(|view| view.licence).collect()
}

/// Every page of a work's rights at `at`, read `limit` keys at a time, joined and sorted; and
/// how many pages it took.
fn all_rights(work: WorkId, at: Option<u64>, limit: u32) -> Option<(RightsPage<u64, u64>, u32)> {
	let mut joined = Rights::rights_page(work, at, None, limit)?;
	let mut pages = 1;
	while let Some(cursor) = joined.next.take() {
		let page = Rights::rights_page(work, at, Some(cursor), limit).unwrap();
		assert!(
			(page.units.len() + page.licences.len()) as u32 <= limit,
			"a page holds no more than it reads"
		);
		joined.units.extend(page.units);
		joined.licences.extend(page.licences);
		joined.next = page.next;
		pages += 1;
		assert!(pages <= 1000, "the pages end");
	}
	joined.units.sort_by_key(|unit| unit.unit);
	joined.licences.sort_by_key(|licence| licence.licence);
	Some((joined, pages))
}

fn rights_as_of(work: WorkId, at: u64) -> Option<RightsPage<u64, u64>> {
	all_rights(work, Some(at), MAX_PAGE).map(|(page, _)| page)
}

#[test]
fn a_work_is_read_with_everything_recorded_about_it() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::attest(
			signed(MUSEUM),
			work,
			H256::repeat_byte(0xAA),
			None
		));
		assert_ok!(Rights::open_dispute(
			signed(POET),
			work,
			H256::repeat_byte(0xD1)
		));
		let (china, elsewhere) = split_ok(ARTIST, root(work), SplitSpec::Territory(codes(&[CN])));
		let licence = grant_ok(
			ARTIST,
			china,
			BROADCASTER,
			scope(
				RightSet::BROADCASTING,
				including(&[CN]),
				Term::between(TODAY, TODAY + 30),
			),
			true,
		);

		let view = Rights::work_by_content(content(1)).unwrap();
		assert_eq!(Rights::work_info(work), Some(view.clone()));
		assert_eq!(view.work, work);
		assert_eq!(view.content, content(1));
		assert_eq!(view.title, b"Work 1".to_vec());
		assert_eq!(view.metadata_uri, meta(1).uri.to_vec());
		assert_eq!(view.metadata_sha256, meta(1).sha256);
		assert_eq!(view.created_on, CREATED);
		assert_eq!(view.registrant, ARTIST);
		assert_eq!(view.registered_at, 1);
		assert_eq!(view.authors, vec![ARTIST]);
		assert_eq!(view.moral_rights, RightSet::MORAL);
		assert_eq!(view.author_history.len(), 1);
		assert_eq!(view.attestations.len(), 1);
		assert_eq!(view.attestations[0].attester, MUSEUM);
		assert_eq!(view.disputes.len(), 1);
		assert_eq!(view.disputes[0].opened_by, POET);
		assert_eq!(view.disputes[0].status, DisputeStatus::Open);
		assert_eq!(
			unit_ids(&view.units),
			vec![china, elsewhere],
			"the live units only"
		);
		assert_eq!(
			view.units[0].scope,
			ScopeView {
				rights: RightSet::ECONOMIC,
				territory: TerritoryView::Including(vec![CN]),
				term: Term::open_ended(CREATED),
			}
		);
		assert_eq!(
			view.units[1].scope.territory,
			TerritoryView::Excluding(vec![CN])
		);
		assert_eq!(licence_ids(&view.licences), vec![licence]);
		assert_eq!(view.licences[0].expires_on, Some(TODAY + 30));
		assert_eq!(view.licences[0].grantors, vec![ARTIST]);

		assert_eq!(Rights::work_by_content(content(2)), None);
		assert_eq!(Rights::work_info(7), None);
	});
}

#[test]
fn the_chain_of_title_runs_back_to_the_work() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		run_to(2);
		let (screen, _) = split_ok(ARTIST, first, SplitSpec::Rights(RightSet::CINEMATOGRAPHY));
		run_to(3);
		let studio = assign_ok(ARTIST, screen, &[STUDIO], 1);
		run_to(4);
		let (_, later) = split_ok(STUDIO, studio, SplitSpec::Term(TODAY + 365));

		let chain = Rights::chain_of_title(later);
		assert_eq!(unit_ids(&chain), vec![later, studio, screen, first]);
		assert_eq!(chain[0].holders, vec![STUDIO]);
		assert_eq!(chain[0].created_by_action, UnitSource::Split);
		assert_eq!(chain[0].ended_at, None);
		assert_eq!(chain[1].created_by_action, UnitSource::Assignment);
		assert_eq!(chain[1].ended_at, Some(4));
		assert_eq!(chain[2].holders, vec![ARTIST]);
		assert_eq!(chain[2].ended_at, Some(3));
		assert_eq!(chain[3].created_by_action, UnitSource::Registration);
		assert_eq!(chain[3].parent, None);
		assert_eq!(chain[3].ended_at, Some(2));

		assert_eq!(unit_ids(&Rights::chain_of_title(first)), vec![first]);
		assert!(Rights::chain_of_title(99).is_empty());
	});
}

#[test]
fn rights_are_read_as_of_a_past_block() {
	new_test_ext(|| {
		run_to(2);
		let work = register(ARTIST, 1);
		let first = root(work);
		run_to(4);
		let (print, rest) = split_ok(
			ARTIST,
			first,
			SplitSpec::Rights(RightSet::REPRODUCTION.union(RightSet::DISTRIBUTION)),
		);
		run_to(6);
		let publisher = assign_ok(ARTIST, print, &[STUDIO], 1);
		let licence = grant_ok(
			ARTIST,
			rest,
			BROADCASTER,
			scope(RightSet::BROADCASTING, worldwide(), Term::open_ended(TODAY)),
			false,
		);
		run_to(8);
		assert_ok!(Rights::revoke_licence(signed(ARTIST), licence, 1));

		let at = |block: u64| rights_as_of(work, block).unwrap();
		assert!(at(1).units.is_empty(), "before registration");
		assert_eq!(unit_ids(&at(2).units), vec![first]);
		assert_eq!(unit_ids(&at(3).units), vec![first]);
		assert_eq!(unit_ids(&at(4).units), vec![print, rest]);
		assert_eq!(unit_ids(&at(5).units), vec![print, rest]);
		assert_eq!(unit_ids(&at(6).units), vec![rest, publisher]);
		assert_eq!(unit_ids(&at(100).units), vec![rest, publisher]);
		assert_eq!(at(6).units[1].holders, vec![STUDIO]);

		assert!(at(5).licences.is_empty());
		assert_eq!(licence_ids(&at(6).licences), vec![licence]);
		assert_eq!(licence_ids(&at(7).licences), vec![licence]);
		assert!(at(8).licences.is_empty(), "revoked in block 8");
		assert_eq!(at(6).at, Some(6));
		assert_eq!(at(6).work, work);

		assert_eq!(Rights::rights_page(9, Some(6), None, 10), None);
	});
}

#[test]
fn a_unit_created_and_ended_in_one_block_is_not_among_its_rights() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		run_to(3);
		let (part, rest) = split_ok(ARTIST, root(work), SplitSpec::Territory(codes(&[CN])));
		let successor = assign_ok(ARTIST, part, &[STUDIO], 1);
		assert_eq!(
			unit_ids(&rights_as_of(work, 3).unwrap().units),
			vec![rest, successor]
		);
		assert_eq!(
			unit_ids(&Rights::chain_of_title(successor)),
			vec![successor, part, root(work)]
		);
	});
}

#[test]
fn a_page_of_rights_reads_the_same_number_of_keys_however_long_the_history() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		// Twelve assignments back and forth: twelve ended units, one live.
		let mut unit = root(work);
		let mut holder = ARTIST;
		for step in 0..12u64 {
			run_to(2 + step);
			let next = if holder == ARTIST { STUDIO } else { ARTIST };
			unit = assign_ok(holder, unit, &[next], 1);
			holder = next;
		}
		let licence = grant_ok(
			holder,
			unit,
			BROADCASTER,
			scope(RightSet::BROADCASTING, worldwide(), Term::open_ended(TODAY)),
			false,
		);

		// Now: the live index alone, one page whatever the history.
		let (now, pages) = all_rights(work, None, 2).unwrap();
		assert_eq!(
			pages, 1,
			"one live unit and one licence fit in a page of two"
		);
		assert_eq!(unit_ids(&now.units), vec![unit]);
		assert_eq!(licence_ids(&now.licences), vec![licence]);
		assert_eq!(
			unit_ids(&Rights::work_info(work).unwrap().units),
			vec![unit]
		);

		// As of a block: the history is read two keys a page, and nothing is lost.
		let first = Rights::rights_page(work, Some(100), None, 2).unwrap();
		assert!(first.units.len() <= 2);
		assert!(matches!(first.next, Some(RightsCursor::Units(Some(_)))));
		let (then, pages) = all_rights(work, Some(100), 2).unwrap();
		assert_eq!(pages, 7, "13 units and 1 licence, two keys a page");
		assert_eq!(unit_ids(&then.units), vec![unit]);
		assert_eq!(licence_ids(&then.licences), vec![licence]);
		assert_eq!(all_rights(work, Some(100), MAX_PAGE).unwrap().1, 1);

		// A limit above the cap reads no more than the cap.
		assert_eq!(
			Rights::rights_page(work, Some(100), None, u32::MAX),
			Rights::rights_page(work, Some(100), None, MAX_PAGE)
		);
	});
}

#[test]
fn a_work_view_shows_the_first_entries_of_a_long_list_and_says_so() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let view = Rights::work_info(work).unwrap();
		assert!(view.truncated.is_empty());
		for n in 2..=(WORK_LIST as u8 + 2) {
			assert_ok!(try_register(ARTIST, n, &[], &[work], None));
		}
		let view = Rights::work_info(work).unwrap();
		assert_eq!(view.derivatives.len(), WORK_LIST as usize);
		assert_eq!(view.truncated, vec![WorkList::Derivatives]);
	});
}
