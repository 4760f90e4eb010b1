//! Co-ownership by agreement: approvals collected on chain until the unit's threshold.

use super::*;

/// A work by the artist and the poet, whose first unit needs both of them.
fn co_authored() -> (WorkId, UnitId) {
	let work = register_with(ARTIST, 1, &[POET]);
	(work, root(work))
}

fn translation() -> SplitSpecOf<Test> {
	SplitSpec::Rights(RightSet::TRANSLATION)
}

fn split_hash(id: UnitId, spec: SplitSpecOf<Test>) -> H256 {
	Rights::proposal_hash(id, &Proposal::Split(spec))
}

#[test]
fn co_holders_split_by_agreement() {
	new_test_ext(|| {
		let (work, first) = co_authored();
		assert_eq!(unit_record(first).threshold, 2);
		let hash = split_hash(first, translation());
		let audited = audit_log().len();

		assert_ok!(Rights::split(signed(ARTIST), first, translation()));
		assert_eq!(
			unit_record(first).ended_at,
			None,
			"one approval is not enough"
		);
		assert_eq!(Pending::<Test>::get(first, hash).unwrap(), vec![ARTIST]);
		assert_eq!(PendingActions::<Test>::get(first), 1);
		assert_eq!(
			last_event(),
			Event::ProposalApproved {
				unit: first,
				action_hash: hash,
				approvals: 1,
				threshold: 2,
				authorized_by: ARTIST,
			}
		);
		assert_eq!(audit_log().len(), audited, "nothing has changed hands yet");

		run_to(2);
		assert_ok!(Rights::split(signed(POET), first, translation()));
		assert_eq!(unit_record(first).ended_at, Some(2));
		assert!(!Pending::<Test>::contains_key(first, hash));
		assert!(!PendingActions::<Test>::contains_key(first));
		match last_event() {
			Event::UnitSplit {
				approved_by,
				authorized_by,
				part,
				remainder,
				..
			} => {
				assert_eq!(approved_by, vec![ARTIST, POET]);
				assert_eq!(authorized_by, POET);
				for id in [part, remainder] {
					assert_eq!(unit_record(id).holders, vec![ARTIST, POET]);
					assert_eq!(unit_record(id).threshold, 2);
				}
			}
			other => panic!("expected a split, got {other:?}"),
		}
		assert_eq!(live_units(work).len(), 2);
	});
}

#[test]
fn a_holder_approves_an_action_once() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		assert_ok!(Rights::split(signed(ARTIST), first, translation()));
		assert_noop!(
			Rights::split(signed(ARTIST), first, translation()),
			Error::<Test>::AlreadyApproved
		);
	});
}

#[test]
fn only_holders_approve() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		assert_noop!(
			Rights::split(signed(STUDIO), first, translation()),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Rights::assign(signed(MUSEUM), first, holders(&[MUSEUM]), 1),
			Error::<Test>::NotHolder
		);
	});
}

#[test]
fn different_arguments_are_different_actions() {
	new_test_ext(|| {
		let (work, first) = co_authored();
		assert_ok!(Rights::split(signed(ARTIST), first, translation()));
		assert_ok!(Rights::split(
			signed(POET),
			first,
			SplitSpec::Rights(RightSet::ADAPTATION)
		));
		assert_eq!(live_units(work), vec![first], "neither has both approvals");
		assert_eq!(PendingActions::<Test>::get(first), 2);
		assert_ne!(
			split_hash(first, translation()),
			split_hash(first, SplitSpec::Rights(RightSet::ADAPTATION))
		);
		assert_ne!(
			split_hash(first, translation()),
			split_hash(first + 1, translation()),
			"the unit is part of the action"
		);
	});
}

#[test]
fn an_invalid_action_records_no_approval() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		assert_noop!(
			Rights::split(
				signed(ARTIST),
				first,
				SplitSpec::Rights(RightSet::INTEGRITY)
			),
			Error::<Test>::MoralRightsInalienable
		);
		assert_noop!(
			Rights::assign(signed(ARTIST), first, holders(&[STRANGER]), 1),
			Error::<Test>::HolderNotMember
		);
		assert_eq!(PendingActions::<Test>::get(first), 0);
	});
}

#[test]
fn actions_waiting_on_a_unit_are_bounded() {
	new_test_ext(|| {
		let (work, first) = co_authored();
		for right in [
			RightSet::TRANSLATION,
			RightSet::ADAPTATION,
			RightSet::COMPILATION,
		] {
			assert_ok!(Rights::split(
				signed(ARTIST),
				first,
				SplitSpec::Rights(right)
			));
		}
		assert_noop!(
			Rights::split(signed(ARTIST), first, SplitSpec::Rights(RightSet::RENTAL)),
			Error::<Test>::TooManyPendingActions
		);
		// Approving an action already waiting needs no new place.
		assert_ok!(Rights::split(signed(POET), first, translation()));
		assert_eq!(live_units(work).len(), 2);
		assert!(!PendingActions::<Test>::contains_key(first));
		assert_eq!(
			Pending::<Test>::iter_prefix(first).count(),
			0,
			"the others lapsed"
		);
	});
}

#[test]
fn a_holder_withdraws_an_approval() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		let hash = split_hash(first, translation());
		assert_ok!(Rights::split(signed(ARTIST), first, translation()));
		assert_noop!(
			Rights::cancel_approval(signed(POET), first, hash),
			Error::<Test>::NotApproved
		);
		assert_noop!(
			Rights::cancel_approval(signed(ARTIST), first, H256::zero()),
			Error::<Test>::NotApproved
		);
		assert_noop!(
			Rights::cancel_approval(signed(STUDIO), first, hash),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Rights::cancel_approval(signed(ARTIST), 42, hash),
			Error::<Test>::UnknownUnit
		);

		assert_ok!(Rights::cancel_approval(signed(ARTIST), first, hash));
		assert!(!Pending::<Test>::contains_key(first, hash));
		assert_eq!(PendingActions::<Test>::get(first), 0);
		assert_eq!(
			last_event(),
			Event::ApprovalCancelled {
				unit: first,
				action_hash: hash,
				approvals: 0,
				authorized_by: ARTIST,
			}
		);
		// The poet's approval now starts a new count.
		assert_ok!(Rights::split(signed(POET), first, translation()));
		assert_eq!(unit_record(first).ended_at, None);
		assert_eq!(Pending::<Test>::get(first, hash).unwrap(), vec![POET]);
	});
}

#[test]
fn withdrawing_one_approval_keeps_the_others() {
	new_test_ext(|| {
		let work = register_with(ARTIST, 1, &[POET, STUDIO]);
		let first = root(work);
		assert_eq!(unit_record(first).threshold, 3);
		let to = holders(&[TRANSLATOR]);
		let hash = Rights::proposal_hash(
			first,
			&Proposal::Assign {
				to: to.clone(),
				threshold: 1,
			},
		);
		assert_ok!(Rights::assign(signed(ARTIST), first, to.clone(), 1));
		assert_ok!(Rights::assign(signed(POET), first, to.clone(), 1));
		assert_ok!(Rights::cancel_approval(signed(ARTIST), first, hash));
		assert_eq!(Pending::<Test>::get(first, hash).unwrap(), vec![POET]);
		assert!(matches!(
			last_event(),
			Event::ApprovalCancelled { approvals: 1, .. }
		));
		assert_ok!(Rights::assign(signed(STUDIO), first, to.clone(), 1));
		assert_eq!(unit_record(first).ended_at, None, "two of three");
		assert_ok!(Rights::assign(signed(ARTIST), first, to, 1));
		assert!(unit_record(first).ended_at.is_some());
		assert!(matches!(
			last_event(),
			Event::UnitAssigned { ref approved_by, .. } if *approved_by == vec![POET, STUDIO, ARTIST]
		));
	});
}

#[test]
fn approvals_lapse_when_the_unit_ends() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		let to = holders(&[STUDIO]);
		let assign_hash = Rights::proposal_hash(
			first,
			&Proposal::Assign {
				to: to.clone(),
				threshold: 1,
			},
		);
		assert_ok!(Rights::assign(signed(ARTIST), first, to.clone(), 1));
		assert!(Pending::<Test>::contains_key(first, assign_hash));

		assert_ok!(Rights::split(signed(ARTIST), first, translation()));
		assert_ok!(Rights::split(signed(POET), first, translation()));
		assert!(!Pending::<Test>::contains_key(first, assign_hash));
		assert!(!PendingActions::<Test>::contains_key(first));
		assert_noop!(
			Rights::assign(signed(POET), first, to, 1),
			Error::<Test>::UnitEnded
		);
		assert_noop!(
			Rights::cancel_approval(signed(ARTIST), first, assign_hash),
			Error::<Test>::UnitEnded
		);
	});
}

#[test]
fn co_holders_license_and_assign_by_agreement() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		let terms = scope(
			RightSet::BROADCASTING,
			including(&[CN]),
			Term::open_ended(TODAY),
		);
		assert_ok!(Rights::grant_licence(
			signed(POET),
			first,
			BROADCASTER,
			terms.clone(),
			true
		));
		assert!(!Licences::<Test>::contains_key(0));
		assert_ok!(Rights::grant_licence(
			signed(ARTIST),
			first,
			BROADCASTER,
			terms,
			true
		));
		assert_eq!(licence_record(0).grantors, vec![ARTIST, POET]);
		assert!(matches!(
			last_event(),
			Event::LicenceGranted { ref approved_by, authorized_by: ARTIST, .. }
				if *approved_by == vec![POET, ARTIST]
		));

		assert_ok!(Rights::assign(
			signed(ARTIST),
			first,
			holders(&[STUDIO, TRANSLATOR]),
			1
		));
		let successor = assign_ok(POET, first, &[STUDIO, TRANSLATOR], 1);
		assert_eq!(unit_record(successor).holders, vec![STUDIO, TRANSLATOR]);
		assert_eq!(unit_record(successor).threshold, 1);
		assert!(matches!(
			last_event(),
			Event::UnitAssigned { ref approved_by, authorized_by: POET, .. }
				if *approved_by == vec![ARTIST, POET]
		));

		// With a threshold of one, either new holder acts alone.
		split_ok(TRANSLATOR, successor, SplitSpec::Rights(RightSet::RENTAL));
		// Either grantor revokes alone.
		assert_ok!(Rights::revoke_licence(signed(POET), 0, 1));
	});
}

#[test]
fn an_action_is_checked_again_when_it_takes_effect() {
	new_test_ext(|| {
		let (_, first) = co_authored();
		let terms = scope(RightSet::REPRODUCTION, worldwide(), Term::open_ended(TODAY));
		assert_ok!(Rights::grant_licence(
			signed(ARTIST),
			first,
			BROADCASTER,
			terms.clone(),
			true
		));
		// Meanwhile the holders agree on another exclusive licence of the same scope.
		assert_ok!(Rights::grant_licence(
			signed(ARTIST),
			first,
			STUDIO,
			terms.clone(),
			true
		));
		assert_ok!(Rights::grant_licence(
			signed(POET),
			first,
			STUDIO,
			terms.clone(),
			true
		));
		assert_eq!(licence_record(0).licensee, STUDIO);
		assert_noop!(
			Rights::grant_licence(signed(POET), first, BROADCASTER, terms, true),
			Error::<Test>::OverlapsExclusiveLicence
		);
	});
}
