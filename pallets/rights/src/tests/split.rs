//! Splitting units by rights, territory and term, with the boundaries of each.

use super::*;

fn rights(set: RightSet) -> SplitSpecOf<Test> {
	SplitSpec::Rights(set)
}

fn countries(list: &[CountryCode]) -> SplitSpecOf<Test> {
	SplitSpec::Territory(codes(list))
}

fn at_day(day: Day) -> SplitSpecOf<Test> {
	SplitSpec::Term(day)
}

fn try_split(who: u64, id: UnitId, spec: SplitSpecOf<Test>) -> DispatchResult {
	Rights::split(signed(who), id, spec)
}

#[test]
fn splitting_by_rights_carves_two_units() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		run_to(3);
		let print = RightSet::REPRODUCTION.union(RightSet::DISTRIBUTION);
		let (part, rest) = split_ok(ARTIST, first, rights(print));

		let part_record = unit_record(part);
		assert_eq!(
			part_record.scope,
			scope(print, worldwide(), Term::open_ended(CREATED))
		);
		assert_eq!(part_record.holders, vec![ARTIST]);
		assert_eq!(part_record.threshold, 1);
		assert_eq!(part_record.parent, Some(first));
		assert_eq!(part_record.created_at, 3);
		assert_eq!(part_record.created_by_action, UnitSource::Split);
		let rest_record = unit_record(rest);
		assert_eq!(
			rest_record.scope.rights,
			RightSet::ECONOMIC.difference(print)
		);
		assert_eq!(rest_record.parent, Some(first));
		assert_eq!(unit_record(first).ended_at, Some(3));
		assert_eq!(live_units(work), vec![part, rest]);
		assert_eq!(units_of(ARTIST), vec![part, rest]);

		assert_eq!(
			last_event(),
			Event::UnitSplit {
				work,
				unit: first,
				part,
				remainder: rest,
				approved_by: vec![ARTIST],
				authorized_by: ARTIST,
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::Split, Subject::RightsUnit(first), ARTIST).detail(
				Detail::Split {
					spec: SplitSpec::Rights(print),
					part,
					remainder: rest,
				}
			)
		);
	});
}

#[test]
fn splitting_by_territory_carves_countries_out() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let (china, elsewhere) = split_ok(ARTIST, root(work), countries(&[CN]));
		assert_eq!(unit_record(china).scope.territory, including(&[CN]));
		assert_eq!(unit_record(elsewhere).scope.territory, excluding(&[CN]));

		let (two, rest) = split_ok(ARTIST, elsewhere, countries(&[DE, JP]));
		assert_eq!(unit_record(two).scope.territory, including(&[DE, JP]));
		assert_eq!(unit_record(rest).scope.territory, excluding(&[CN, DE, JP]));

		let (japan, germany) = split_ok(ARTIST, two, countries(&[JP]));
		assert_eq!(unit_record(japan).scope.territory, including(&[JP]));
		assert_eq!(unit_record(germany).scope.territory, including(&[DE]));
		assert_eq!(live_units(work), vec![china, rest, japan, germany]);
	});
}

#[test]
fn splitting_by_term_carves_the_earlier_days_out() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let (early, late) = split_ok(ARTIST, root(work), at_day(TODAY + 100));
		assert_eq!(
			unit_record(early).scope.term,
			Term::between(CREATED, TODAY + 100)
		);
		assert_eq!(unit_record(late).scope.term, Term::open_ended(TODAY + 100));
		let (a, b) = split_ok(ARTIST, early, at_day(TODAY));
		assert_eq!(unit_record(a).scope.term, Term::between(CREATED, TODAY));
		assert_eq!(unit_record(b).scope.term, Term::between(TODAY, TODAY + 100));
	});
}

#[test]
fn a_term_splits_strictly_inside_its_days() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		// An open-ended unit: not on or before its first day.
		assert_noop!(
			try_split(ARTIST, first, at_day(CREATED)),
			Error::<Test>::NothingToSplit
		);
		assert_noop!(
			try_split(ARTIST, first, at_day(CREATED - 1)),
			Error::<Test>::SplitNotWithinUnit
		);
		let end = TODAY + 100;
		let (early, _) = split_ok(ARTIST, first, at_day(end));
		// A bounded unit [CREATED, end): not on its first day nor on its end day.
		assert_noop!(
			try_split(ARTIST, early, at_day(CREATED)),
			Error::<Test>::NothingToSplit
		);
		assert_noop!(
			try_split(ARTIST, early, at_day(end)),
			Error::<Test>::NothingToSplit
		);
		assert_noop!(
			try_split(ARTIST, early, at_day(CREATED - 1)),
			Error::<Test>::SplitNotWithinUnit
		);
		assert_noop!(
			try_split(ARTIST, early, at_day(end + 1)),
			Error::<Test>::SplitNotWithinUnit
		);
		let (a, b) = split_ok(ARTIST, early, at_day(CREATED + 1));
		assert_eq!(
			unit_record(a).scope.term,
			Term::between(CREATED, CREATED + 1),
			"one day"
		);
		assert_eq!(unit_record(b).scope.term, Term::between(CREATED + 1, end));
		let (c, d) = split_ok(ARTIST, b, at_day(end - 1));
		assert_eq!(
			unit_record(c).scope.term,
			Term::between(CREATED + 1, end - 1)
		);
		assert_eq!(
			unit_record(d).scope.term,
			Term::between(end - 1, end),
			"one day"
		);
	});
}

#[test]
fn a_territory_splits_strictly_inside_its_countries() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let (two, rest) = split_ok(ARTIST, root(work), countries(&[CN, DE]));
		assert_noop!(
			try_split(ARTIST, two, countries(&[CN, DE])),
			Error::<Test>::NothingToSplit
		);
		assert_noop!(
			try_split(ARTIST, two, countries(&[CN, FR])),
			Error::<Test>::SplitNotWithinUnit
		);
		assert_noop!(
			try_split(ARTIST, two, countries(&[FR])),
			Error::<Test>::SplitNotWithinUnit
		);
		// Of everywhere but China and Germany, China is not a part.
		assert_noop!(
			try_split(ARTIST, rest, countries(&[CN])),
			Error::<Test>::SplitNotWithinUnit
		);
		assert_noop!(
			try_split(ARTIST, rest, countries(&[DE, FR])),
			Error::<Test>::SplitNotWithinUnit
		);
		let (france, others) = split_ok(ARTIST, rest, countries(&[FR]));
		assert_eq!(unit_record(france).scope.territory, including(&[FR]));
		assert_eq!(
			unit_record(others).scope.territory,
			excluding(&[CN, DE, FR])
		);
		let (germany, china) = split_ok(ARTIST, two, countries(&[DE]));
		assert_eq!(unit_record(germany).scope.territory, including(&[DE]));
		assert_eq!(unit_record(china).scope.territory, including(&[CN]));
	});
}

#[test]
fn split_territories_are_checked() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		assert_noop!(
			try_split(ARTIST, first, countries(&[])),
			Error::<Test>::EmptyTerritory
		);
		assert_noop!(
			try_split(ARTIST, first, countries(&[DE, CN])),
			Error::<Test>::InvalidTerritory
		);
		assert_noop!(
			try_split(ARTIST, first, countries(&[CN, CN])),
			Error::<Test>::InvalidTerritory
		);
		assert_noop!(
			try_split(ARTIST, first, countries(&[*b"cn"])),
			Error::<Test>::InvalidTerritory
		);
		assert_noop!(
			try_split(ARTIST, first, countries(&[*b"C1"])),
			Error::<Test>::InvalidTerritory
		);
	});
}

#[test]
fn an_excluding_list_cannot_outgrow_its_bound() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let (listed, rest) = split_ok(ARTIST, root(work), countries(&[CN, DE, FR, GB]));
		assert_eq!(
			unit_record(rest).scope.territory,
			excluding(&[CN, DE, FR, GB])
		);
		assert_noop!(
			try_split(ARTIST, rest, countries(&[JP])),
			Error::<Test>::TooManyTerritories
		);
		// Carving from the listed side still works.
		let (_, three) = split_ok(ARTIST, listed, countries(&[CN]));
		assert_eq!(unit_record(three).scope.territory, including(&[DE, FR, GB]));
	});
}

#[test]
fn split_rights_are_checked() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		assert_noop!(
			try_split(ARTIST, first, rights(RightSet::NONE)),
			Error::<Test>::EmptyRightSet
		);
		assert_noop!(
			try_split(ARTIST, first, rights(RightSet::ECONOMIC)),
			Error::<Test>::NothingToSplit
		);
		let print = RightSet::REPRODUCTION.union(RightSet::DISTRIBUTION);
		let (part, _) = split_ok(ARTIST, first, rights(print));
		assert_noop!(
			try_split(ARTIST, part, rights(RightSet::RENTAL)),
			Error::<Test>::SplitNotWithinUnit
		);
		assert_noop!(
			try_split(
				ARTIST,
				part,
				rights(RightSet::REPRODUCTION.union(RightSet::RENTAL))
			),
			Error::<Test>::SplitNotWithinUnit
		);
		assert_noop!(
			try_split(ARTIST, part, rights(print)),
			Error::<Test>::NothingToSplit
		);
		let (reproduction, distribution) = split_ok(ARTIST, part, rights(RightSet::REPRODUCTION));
		assert_eq!(
			unit_record(reproduction).scope.rights,
			RightSet::REPRODUCTION
		);
		assert_eq!(
			unit_record(distribution).scope.rights,
			RightSet::DISTRIBUTION
		);
	});
}

#[test]
fn only_holders_split_live_units() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		assert_noop!(
			try_split(POET, first, rights(RightSet::TRANSLATION)),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			try_split(STRANGER, first, rights(RightSet::TRANSLATION)),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			try_split(ARTIST, 99, rights(RightSet::TRANSLATION)),
			Error::<Test>::UnknownUnit
		);
		split_ok(ARTIST, first, rights(RightSet::TRANSLATION));
		assert_noop!(
			try_split(ARTIST, first, rights(RightSet::ADAPTATION)),
			Error::<Test>::UnitEnded
		);
	});
}

#[test]
fn the_parts_of_a_split_never_overlap_and_cover_the_unit() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		let whole = unit_record(first).scope;
		let (a, b) = split_ok(ARTIST, first, countries(&[CN]));
		let (c, d) = split_ok(ARTIST, b, rights(RightSet::BROADCASTING));
		let (e, f) = split_ok(ARTIST, d, at_day(TODAY + 30));
		let parts: Vec<ScopeOf<Test>> = [a, c, e, f]
			.iter()
			.map(|id| unit_record(*id).scope)
			.collect();
		for (i, x) in parts.iter().enumerate() {
			assert!(x.is_within(&whole));
			for y in parts.iter().skip(i + 1) {
				assert!(!x.overlaps(y));
			}
		}
		// Every right, in a sample of countries and days, lies in exactly one part.
		for right in 0..12u16 {
			for country in [CN, DE, JP] {
				for day in [CREATED, TODAY + 29, TODAY + 30, TODAY + 1_000] {
					let point = scope(
						RightSet(1 << right),
						including(&[country]),
						Term::between(day, day + 1),
					);
					let holders_of_point =
						parts.iter().filter(|part| point.is_within(part)).count();
					assert_eq!(
						holders_of_point, 1,
						"right {right} in {country:?} on day {day}"
					);
				}
			}
		}
	});
}
