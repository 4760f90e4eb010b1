//! The set algebra of scopes, on its own: rights, territories, terms and their products, with
//! the boundaries of each.

use super::*;

#[test]
fn the_right_set_names_twelve_economic_and_four_moral_rights() {
	assert_eq!(RightSet::ECONOMIC.0.count_ones(), 12);
	assert_eq!(RightSet::MORAL.0.count_ones(), 4);
	assert!(!RightSet::ECONOMIC.intersects(RightSet::MORAL));
	assert_eq!(
		RightSet::ECONOMIC.union(RightSet::MORAL),
		RightSet(u16::MAX)
	);
	let economic = [
		RightSet::REPRODUCTION,
		RightSet::DISTRIBUTION,
		RightSet::RENTAL,
		RightSet::EXHIBITION,
		RightSet::PERFORMANCE,
		RightSet::PROJECTION,
		RightSet::BROADCASTING,
		RightSet::NETWORK_DISSEMINATION,
		RightSet::CINEMATOGRAPHY,
		RightSet::ADAPTATION,
		RightSet::TRANSLATION,
		RightSet::COMPILATION,
	];
	let all = economic
		.iter()
		.fold(RightSet::NONE, |all, right| all.union(*right));
	assert_eq!(all, RightSet::ECONOMIC);
	for right in economic {
		assert!(!right.has_moral());
	}
	let moral = [
		RightSet::PUBLICATION,
		RightSet::AUTHORSHIP,
		RightSet::ALTERATION,
		RightSet::INTEGRITY,
	];
	let all = moral
		.iter()
		.fold(RightSet::NONE, |all, right| all.union(*right));
	assert_eq!(all, RightSet::MORAL);
	for right in moral {
		assert!(right.has_moral());
	}
}

#[test]
fn right_set_operations() {
	let two = RightSet::REPRODUCTION.union(RightSet::DISTRIBUTION);
	assert!(two.contains(RightSet::REPRODUCTION));
	assert!(!RightSet::REPRODUCTION.contains(two));
	assert!(two.contains(RightSet::NONE));
	assert_eq!(
		two.difference(RightSet::REPRODUCTION),
		RightSet::DISTRIBUTION
	);
	assert_eq!(
		two.intersection(RightSet::DISTRIBUTION),
		RightSet::DISTRIBUTION
	);
	assert!(two.intersects(RightSet::DISTRIBUTION.union(RightSet::RENTAL)));
	assert!(!two.intersects(RightSet::RENTAL));
	assert!(RightSet::NONE.is_empty());
	assert!(!two.is_empty());
	assert!(RightSet::REPRODUCTION
		.union(RightSet::INTEGRITY)
		.has_moral());
}

#[test]
fn territory_codes_must_be_sorted_unique_uppercase_pairs() {
	assert!(including(&[CN, DE]).is_well_formed());
	assert!(excluding(&[CN, DE]).is_well_formed());
	assert!(worldwide().is_well_formed());
	assert!(!including(&[DE, CN]).is_well_formed(), "unsorted");
	assert!(!including(&[CN, CN]).is_well_formed(), "repeated");
	assert!(!excluding(&[DE, CN]).is_well_formed(), "unsorted");
	assert!(!including(&[*b"cn"]).is_well_formed(), "lowercase");
	assert!(!including(&[*b"C1"]).is_well_formed(), "a digit");
	assert!(!including(&[[0, 0]]).is_well_formed(), "not letters");
	assert!(including(&[]).is_empty());
	assert!(!worldwide().is_empty());
	assert!(worldwide().is_worldwide());
	assert!(!excluding(&[CN]).is_worldwide());
	assert!(worldwide().covers(&CN));
	assert!(!excluding(&[CN]).covers(&CN));
	assert!(excluding(&[CN]).covers(&DE));
	assert!(including(&[CN]).covers(&CN));
	assert!(!including(&[CN]).covers(&DE));
}

#[test]
fn including_lists_intersect_when_they_share_a_code() {
	assert!(
		!including(&[CN, DE]).intersects(&including(&[FR, JP])),
		"disjoint"
	);
	assert!(
		including(&[CN, DE]).intersects(&including(&[DE, FR])),
		"one code shared"
	);
	assert!(including(&[CN]).intersects(&including(&[CN])));
	assert!(
		!including(&[]).intersects(&including(&[CN])),
		"the empty territory"
	);
}

#[test]
fn including_and_excluding_intersect_unless_every_code_is_excluded() {
	assert!(
		!including(&[CN, DE]).intersects(&excluding(&[CN, DE])),
		"exactly the excluded"
	);
	assert!(
		!excluding(&[CN, DE]).intersects(&including(&[CN, DE])),
		"either way round"
	);
	assert!(
		!including(&[CN]).intersects(&excluding(&[CN, DE])),
		"within the excluded"
	);
	assert!(
		including(&[CN, DE]).intersects(&excluding(&[CN])),
		"one code left"
	);
	assert!(
		excluding(&[CN]).intersects(&including(&[CN, DE])),
		"either way round"
	);
	assert!(worldwide().intersects(&including(&[JP])));
	assert!(
		!including(&[]).intersects(&worldwide()),
		"the empty territory"
	);
}

#[test]
fn excluding_lists_always_intersect() {
	assert!(excluding(&[CN, DE]).intersects(&excluding(&[FR])));
	assert!(excluding(&[CN, DE, FR, GB]).intersects(&excluding(&[JP, US])));
	assert!(worldwide().intersects(&worldwide()));
}

#[test]
fn a_territory_lies_within_another() {
	assert!(including(&[CN]).is_within(&including(&[CN, DE])));
	assert!(including(&[CN, DE]).is_within(&including(&[CN, DE])));
	assert!(!including(&[CN, FR]).is_within(&including(&[CN, DE])));
	assert!(including(&[FR]).is_within(&excluding(&[CN])));
	assert!(!including(&[CN]).is_within(&excluding(&[CN])));
	assert!(!including(&[CN, FR]).is_within(&excluding(&[CN])));
	assert!(excluding(&[CN, DE]).is_within(&excluding(&[CN])));
	assert!(!excluding(&[CN]).is_within(&excluding(&[CN, DE])));
	assert!(!excluding(&[CN, DE]).is_within(&including(&[FR, JP])));
	assert!(!worldwide().is_within(&including(&[CN, DE, FR, GB])));
	assert!(including(&[CN, DE]).is_within(&worldwide()));
	assert!(excluding(&[CN]).is_within(&worldwide()));
	assert!(worldwide().is_within(&worldwide()));
}

#[test]
fn territory_differences() {
	assert_eq!(
		including(&[CN, DE, FR]).difference(&including(&[DE])),
		Some(including(&[CN, FR]))
	);
	assert_eq!(
		including(&[CN, DE]).difference(&including(&[CN, DE])),
		Some(including(&[]))
	);
	assert_eq!(
		including(&[CN, DE]).difference(&excluding(&[CN])),
		Some(including(&[CN]))
	);
	assert_eq!(
		worldwide().difference(&including(&[CN])),
		Some(excluding(&[CN]))
	);
	assert_eq!(
		excluding(&[CN]).difference(&including(&[CN, DE])),
		Some(excluding(&[CN, DE])),
		"the excluded lists merge, each code once"
	);
	assert_eq!(
		excluding(&[FR]).difference(&including(&[CN, GB])),
		Some(excluding(&[CN, FR, GB])),
		"and stay sorted"
	);
	assert_eq!(
		excluding(&[CN]).difference(&excluding(&[CN, DE])),
		Some(including(&[DE]))
	);
	assert_eq!(worldwide().difference(&worldwide()), Some(including(&[])));
	assert_eq!(
		excluding(&[CN, DE, FR]).difference(&including(&[GB, JP])),
		None,
		"five codes do not fit a list of four"
	);
}

#[test]
fn terms_that_touch_do_not_intersect() {
	let term = Term::between(10, 20);
	assert!(
		!term.intersects(&Term::between(20, 30)),
		"ends the day the other starts"
	);
	assert!(!Term::between(20, 30).intersects(&term), "either way round");
	assert!(term.intersects(&Term::between(19, 30)), "one day shared");
	assert!(
		!term.intersects(&Term::between(0, 10)),
		"starts the day the other ends"
	);
	assert!(term.intersects(&Term::between(0, 11)), "one day shared");
	assert!(!Term::open_ended(10).intersects(&Term::between(5, 10)));
	assert!(Term::open_ended(10).intersects(&Term::between(5, 11)));
	assert!(Term::open_ended(10).intersects(&Term::open_ended(1_000)));
	assert!(term.intersects(&Term::open_ended(19)));
	assert!(!term.intersects(&Term::open_ended(20)));
}

#[test]
fn a_term_holds_at_least_one_day() {
	assert!(Term::between(10, 11).is_valid());
	assert!(!Term::between(10, 10).is_valid(), "ends the day it starts");
	assert!(!Term::between(10, 9).is_valid(), "ends before it starts");
	assert!(Term::open_ended(10).is_valid());
}

#[test]
fn a_term_lies_within_another() {
	let outer = Term::between(10, 20);
	assert!(outer.is_within(&outer));
	assert!(Term::between(11, 19).is_within(&outer));
	assert!(!Term::between(10, 21).is_within(&outer), "one day later");
	assert!(!Term::between(9, 20).is_within(&outer), "one day earlier");
	assert!(!Term::open_ended(10).is_within(&outer), "without end");
	assert!(Term::open_ended(15).is_within(&Term::open_ended(10)));
	assert!(!Term::open_ended(9).is_within(&Term::open_ended(10)));
	assert!(Term::between(10, 1_000).is_within(&Term::open_ended(10)));
}

#[test]
fn a_term_ends_on_its_end_day() {
	let term = Term::between(10, 20);
	assert!(!term.holds(9));
	assert!(term.holds(10));
	assert!(term.holds(19));
	assert!(!term.holds(20));
	assert!(!term.has_ended(19));
	assert!(term.has_ended(20));
	assert!(!Term::open_ended(10).has_ended(u32::MAX));
}

#[test]
fn scopes_overlap_only_in_all_three_dimensions() {
	let base = scope(
		RightSet::REPRODUCTION.union(RightSet::DISTRIBUTION),
		including(&[CN]),
		Term::between(10, 20),
	);
	assert!(base.overlaps(&base));
	let other_right = scope(RightSet::RENTAL, including(&[CN]), Term::between(10, 20));
	assert!(!base.overlaps(&other_right), "no shared right");
	let other_country = scope(
		RightSet::REPRODUCTION,
		including(&[DE]),
		Term::between(10, 20),
	);
	assert!(!base.overlaps(&other_country), "no shared country");
	let later = scope(
		RightSet::REPRODUCTION,
		including(&[CN]),
		Term::between(20, 30),
	);
	assert!(!base.overlaps(&later), "no shared day");
	let everywhere_else = scope(
		RightSet::REPRODUCTION,
		excluding(&[CN]),
		Term::open_ended(0),
	);
	assert!(
		!base.overlaps(&everywhere_else),
		"the only country is excluded"
	);
	let all_three = scope(
		RightSet::DISTRIBUTION,
		excluding(&[DE]),
		Term::open_ended(19),
	);
	assert!(base.overlaps(&all_three));
	assert!(all_three.overlaps(&base));
}

#[test]
fn a_scope_lies_within_another_in_all_three_dimensions() {
	let outer = scope(RightSet::ECONOMIC, worldwide(), Term::open_ended(10));
	let inner = scope(
		RightSet::REPRODUCTION,
		including(&[CN]),
		Term::between(10, 20),
	);
	assert!(inner.is_within(&outer));
	assert!(!outer.is_within(&inner));
	let too_early = scope(
		RightSet::REPRODUCTION,
		including(&[CN]),
		Term::between(9, 20),
	);
	assert!(!too_early.is_within(&outer));
	let moral = scope(
		RightSet::AUTHORSHIP,
		including(&[CN]),
		Term::between(10, 20),
	);
	assert!(!moral.is_within(&outer), "no unit holds a moral right");
}
