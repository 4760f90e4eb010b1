//! Assigning units to other members.

use super::*;

fn try_assign(who: u64, id: UnitId, to: &[u64], threshold: u32) -> DispatchResult {
	Rights::assign(signed(who), id, holders(to), threshold)
}

#[test]
fn a_holder_assigns_a_unit_to_another_member() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let (translation, rest) =
			split_ok(ARTIST, root(work), SplitSpec::Rights(RightSet::TRANSLATION));
		run_to(5);
		let successor = assign_ok(ARTIST, translation, &[TRANSLATOR], 1);

		let record = unit_record(successor);
		assert_eq!(
			record.scope,
			unit_record(translation).scope,
			"the same rights move"
		);
		assert_eq!(record.holders, vec![TRANSLATOR]);
		assert_eq!(record.threshold, 1);
		assert_eq!(record.parent, Some(translation));
		assert_eq!(record.created_at, 5);
		assert_eq!(record.created_by_action, UnitSource::Assignment);
		assert_eq!(unit_record(translation).ended_at, Some(5));
		assert_eq!(units_of(ARTIST), vec![rest]);
		assert_eq!(units_of(TRANSLATOR), vec![successor]);
		assert_eq!(live_units(work), vec![rest, successor]);

		assert_eq!(
			last_event(),
			Event::UnitAssigned {
				work,
				unit: translation,
				successor,
				from: vec![ARTIST],
				to: vec![TRANSLATOR],
				threshold: 1,
				approved_by: vec![ARTIST],
				authorized_by: ARTIST,
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(
				AuditKind::Assigned,
				Subject::RightsUnit(translation),
				ARTIST
			)
			.from(ARTIST)
			.to(TRANSLATOR)
			.detail(Detail::Assignment {
				previous: named(&[ARTIST]),
				successor,
				threshold: 1,
			})
		);
	});
}

#[test]
fn a_unit_is_assigned_to_co_holders_with_a_threshold() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let before = audit_log().len();
		let successor = assign_ok(ARTIST, root(work), &[STUDIO, BROADCASTER, TRANSLATOR], 2);
		let record = unit_record(successor);
		assert_eq!(record.holders, vec![STUDIO, BROADCASTER, TRANSLATOR]);
		assert_eq!(record.threshold, 2);
		for holder in [STUDIO, BROADCASTER, TRANSLATOR] {
			assert_eq!(units_of(holder), vec![successor]);
		}
		assert!(units_of(ARTIST).is_empty());
		// One audit entry per new holder.
		let entries = audit_log();
		assert_eq!(entries.len(), before + 3);
		assert_eq!(entries[before].to, Some(STUDIO));
		assert_eq!(entries[before + 2].to, Some(TRANSLATOR));
	});
}

#[test]
fn the_new_holder_exercises_the_unit() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let successor = assign_ok(ARTIST, root(work), &[STUDIO], 1);
		assert_noop!(
			Rights::split(
				signed(ARTIST),
				successor,
				SplitSpec::Rights(RightSet::RENTAL)
			),
			Error::<Test>::NotHolder
		);
		let (rental, _) = split_ok(STUDIO, successor, SplitSpec::Rights(RightSet::RENTAL));
		let again = assign_ok(STUDIO, rental, &[ARTIST], 1);
		assert_eq!(unit_record(again).holders, vec![ARTIST]);
	});
}

#[test]
fn assignees_are_active_members_named_once_with_a_fitting_threshold() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		assert_noop!(try_assign(ARTIST, first, &[], 1), Error::<Test>::NoHolders);
		assert_noop!(
			try_assign(ARTIST, first, &[STUDIO, STUDIO], 1),
			Error::<Test>::DuplicateHolder
		);
		assert_noop!(
			try_assign(ARTIST, first, &[STRANGER], 1),
			Error::<Test>::HolderNotMember
		);
		assert_noop!(
			try_assign(ARTIST, first, &[STUDIO, STRANGER], 1),
			Error::<Test>::HolderNotMember
		);
		assert_noop!(
			try_assign(ARTIST, first, &[STUDIO], 0),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(
			try_assign(ARTIST, first, &[STUDIO], 2),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(
			try_assign(ARTIST, first, &[STUDIO, POET], 3),
			Error::<Test>::InvalidThreshold
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			STUDIO
		));
		assert_noop!(
			try_assign(ARTIST, first, &[STUDIO], 1),
			Error::<Test>::HolderNotMember
		);
		assert_ok!(try_assign(ARTIST, first, &[POET, BROADCASTER], 2));
	});
}

#[test]
fn only_holders_assign_live_units() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		assert_noop!(
			try_assign(POET, first, &[STUDIO], 1),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			try_assign(ARTIST, 42, &[STUDIO], 1),
			Error::<Test>::UnknownUnit
		);
		assign_ok(ARTIST, first, &[STUDIO], 1);
		assert_noop!(
			try_assign(ARTIST, first, &[POET], 1),
			Error::<Test>::UnitEnded
		);
		assert_noop!(
			try_assign(STUDIO, first, &[POET], 1),
			Error::<Test>::UnitEnded
		);
	});
}

#[test]
fn an_assignment_moves_no_moral_right() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let successor = assign_ok(ARTIST, root(work), &[STUDIO], 1);
		assert!(!unit_record(successor).scope.rights.has_moral());
		let moral = MoralRights::<Test>::get(work).unwrap();
		assert_eq!(
			moral.authors,
			vec![ARTIST],
			"the author keeps the moral rights"
		);
		assert_eq!(moral.rights, RightSet::MORAL);
	});
}

#[test]
fn assigning_a_unit_to_its_own_holders_is_refused() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let (translation, _) =
			split_ok(ARTIST, root(work), SplitSpec::Rights(RightSet::TRANSLATION));
		assert_noop!(
			try_assign(ARTIST, translation, &[ARTIST], 1),
			Error::<Test>::AssignmentToSelf
		);
		// Adding a co-holder is a real change.
		assert_ok!(try_assign(ARTIST, translation, &[ARTIST, POET], 1));
	});
}
