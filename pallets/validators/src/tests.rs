//! Tests of the validator set, its limits and the session clock.

use crate::{mock::*, Error, Event, NextSessionAt, SessionLength, SetChanged, Validators as Set};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::EstimateNextSessionRotation},
	pallet_session::{SessionManager, ShouldEndSession},
	sp_runtime::{DispatchError, Permill},
};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn set() -> Vec<u64> {
	Set::<Test>::get().into_inner()
}

fn last_event() -> Event<Test> {
	match System::events().pop().expect("an event was emitted").event {
		RuntimeEvent::Validators(e) => e,
		other => panic!("unexpected event {other:?}"),
	}
}

#[test]
fn genesis_hands_its_validators_to_the_first_session() {
	new_test_ext(|| {
		assert_eq!(set(), vec![ALICE, BOB]);
		assert_eq!(Validators::new_session_genesis(0), Some(vec![ALICE, BOB]));
		assert_eq!(
			(SessionLength::<Test>::get(), NextSessionAt::<Test>::get()),
			(10, 10)
		);
	});
}

#[test]
fn the_consortium_adds_a_validator_from_the_next_session() {
	new_test_ext(|| {
		assert_ok!(Validators::add_validator(root(), CHARLIE));
		assert_eq!(last_event(), Event::ValidatorAdded { who: CHARLIE });
		assert_eq!(set(), vec![ALICE, BOB, CHARLIE]);
		assert!(SetChanged::<Test>::get());
		// The session pallet takes the new set once.
		assert_eq!(Validators::new_session(1), Some(vec![ALICE, BOB, CHARLIE]));
		assert_eq!(Validators::new_session(2), None);
	});
}

#[test]
fn only_the_consortium_changes_the_set() {
	new_test_ext(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::signed(ALICE), CHARLIE),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::signed(ALICE), BOB),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::set_session_length(RuntimeOrigin::signed(ALICE), 20),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_added_validator_is_a_member_with_keys_and_not_yet_listed() {
	new_test_ext(|| {
		assert_noop!(
			Validators::add_validator(root(), STRANGER),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Validators::add_validator(root(), NO_KEYS),
			Error::<Test>::NoSessionKeys
		);
		assert_noop!(
			Validators::add_validator(root(), ALICE),
			Error::<Test>::AlreadyValidator
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(root(), CHARLIE));
		assert_noop!(
			Validators::add_validator(root(), CHARLIE),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn the_set_is_bounded() {
	new_test_ext(|| {
		assert_ok!(Validators::add_validator(root(), CHARLIE));
		assert_ok!(Validators::add_validator(root(), DAVE));
		assert_noop!(
			Validators::add_validator(root(), EVE),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn a_removed_validator_leaves_at_the_next_session_and_the_last_one_stays() {
	new_test_ext(|| {
		assert_noop!(
			Validators::remove_validator(root(), CHARLIE),
			Error::<Test>::NotValidator
		);
		assert_ok!(Validators::remove_validator(root(), ALICE));
		assert_eq!(last_event(), Event::ValidatorRemoved { who: ALICE });
		// Its keys go with it: they would otherwise keep a reference on the account.
		assert_eq!(Purged::get(), vec![ALICE]);
		assert_eq!(Validators::new_session(1), Some(vec![BOB]));
		assert_noop!(
			Validators::remove_validator(root(), BOB),
			Error::<Test>::LastValidator
		);
		assert_eq!(set(), vec![BOB]);
	});
}

#[test]
fn sessions_end_on_the_clock_and_take_the_new_length() {
	new_test_ext(|| {
		assert!(!Validators::should_end_session(9));
		assert!(Validators::should_end_session(10));
		assert_noop!(
			Validators::set_session_length(root(), 1),
			Error::<Test>::SessionTooShort
		);
		assert_ok!(Validators::set_session_length(root(), 4));
		assert_eq!(last_event(), Event::SessionLengthSet { blocks: 4 });
		// The running session keeps its end; the next one is 4 blocks long.
		assert!(Validators::should_end_session(10));
		System::set_block_number(10);
		assert_eq!(Validators::new_session(1), None);
		assert_eq!(NextSessionAt::<Test>::get(), 14);
		assert!(!Validators::should_end_session(13));
		assert!(Validators::should_end_session(14));
		assert_eq!(Validators::average_session_length(), 4);
		assert_eq!(Validators::estimate_next_session_rotation(11).0, Some(14));
		assert_eq!(
			Validators::estimate_current_session_progress(12).0,
			Some(Permill::from_percent(50))
		);
	});
}

#[test]
fn only_candidates_and_validators_may_set_keys_and_adding_ends_candidacy() {
	new_test_ext(|| {
		assert!(Validators::may_set_keys(&ALICE));
		assert!(!Validators::may_set_keys(&CHARLIE));
		assert_noop!(
			Validators::add_candidate(RuntimeOrigin::signed(ALICE), CHARLIE),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::add_candidate(root(), STRANGER),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Validators::add_candidate(root(), ALICE),
			Error::<Test>::AlreadyValidator
		);
		assert_ok!(Validators::add_candidate(root(), CHARLIE));
		assert_eq!(last_event(), Event::CandidateAdded { who: CHARLIE });
		assert_noop!(
			Validators::add_candidate(root(), CHARLIE),
			Error::<Test>::AlreadyCandidate
		);
		assert!(Validators::may_set_keys(&CHARLIE));
		assert_ok!(Validators::add_validator(root(), CHARLIE));
		assert!(!crate::Candidates::<Test>::contains_key(CHARLIE));
		assert!(Validators::may_set_keys(&CHARLIE));
	});
}

#[test]
fn a_departing_member_leaves_the_set_and_a_removed_one_loses_its_keys() {
	new_test_ext(|| {
		assert_ok!(Validators::add_candidate(root(), DAVE));
		// Suspension: out of the set and the candidates, keys kept.
		assert_ok!(Validators::on_member_departure(&ALICE, false));
		assert_eq!(last_event(), Event::ValidatorDeparted { who: ALICE });
		assert_eq!(Validators::new_session(1), Some(vec![BOB]));
		assert!(Purged::get().is_empty());
		assert_ok!(Validators::on_member_departure(&DAVE, true));
		assert!(!Validators::may_set_keys(&DAVE));
		assert_eq!(Purged::get(), vec![DAVE]);
		// The last validator cannot depart: the chain would stop.
		assert_noop!(
			Validators::on_member_departure(&BOB, true),
			Error::<Test>::LastValidator
		);
	});
}
