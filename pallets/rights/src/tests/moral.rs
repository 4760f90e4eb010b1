//! Moral rights stay with the authors: every call that would move one fails.

use super::*;

const EACH_MORAL_RIGHT: [RightSet; 4] = [
	RightSet::PUBLICATION,
	RightSet::AUTHORSHIP,
	RightSet::ALTERATION,
	RightSet::INTEGRITY,
];

#[test]
fn moral_rights_are_recorded_for_the_authors_and_units_hold_none() {
	new_test_ext(|| {
		let work = register_with(ARTIST, 1, &[POET]);
		let moral = MoralRights::<Test>::get(work).unwrap();
		assert_eq!(moral.authors, vec![ARTIST, POET]);
		assert_eq!(moral.rights, RightSet::MORAL);
		let first = unit_record(root(work));
		assert_eq!(first.scope.rights, RightSet::ECONOMIC);
		assert!(!first.scope.rights.has_moral());
		assert_eq!(
			Rights::work_info(work).unwrap().moral_rights,
			RightSet::MORAL
		);
	});
}

#[test]
fn moral_rights_cannot_be_split() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		for right in EACH_MORAL_RIGHT {
			assert_noop!(
				Rights::split(signed(ARTIST), first, SplitSpec::Rights(right)),
				Error::<Test>::MoralRightsInalienable
			);
			assert_noop!(
				Rights::split(
					signed(ARTIST),
					first,
					SplitSpec::Rights(right.union(RightSet::REPRODUCTION))
				),
				Error::<Test>::MoralRightsInalienable
			);
		}
		assert_noop!(
			Rights::split(signed(ARTIST), first, SplitSpec::Rights(RightSet::MORAL)),
			Error::<Test>::MoralRightsInalienable
		);
	});
}

#[test]
fn moral_rights_cannot_be_licensed() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		for right in EACH_MORAL_RIGHT {
			for exclusive in [false, true] {
				assert_noop!(
					try_grant(
						ARTIST,
						first,
						BROADCASTER,
						scope(right, worldwide(), Term::open_ended(TODAY)),
						exclusive
					),
					Error::<Test>::MoralRightsInalienable
				);
				assert_noop!(
					try_grant(
						ARTIST,
						first,
						BROADCASTER,
						scope(
							RightSet::ECONOMIC.union(right),
							worldwide(),
							Term::open_ended(TODAY)
						),
						exclusive
					),
					Error::<Test>::MoralRightsInalienable
				);
			}
		}
	});
}

#[test]
fn assigning_every_economic_right_leaves_the_moral_rights_behind() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let successor = assign_ok(ARTIST, root(work), &[STUDIO], 1);
		assert_eq!(unit_record(successor).scope.rights, RightSet::ECONOMIC);
		assert_eq!(
			MoralRights::<Test>::get(work).unwrap().authors,
			vec![ARTIST]
		);
		// The studio holds the economic rights but cannot touch the moral ones.
		assert_noop!(
			Rights::split(
				signed(STUDIO),
				successor,
				SplitSpec::Rights(RightSet::AUTHORSHIP)
			),
			Error::<Test>::MoralRightsInalienable
		);
	});
}
