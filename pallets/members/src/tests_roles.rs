//! Tests of changing a member's roles.

use crate::{
	mock::*, ActiveRegistrars, AuthorizedBy, Error, Event, MemberCount, MemberRoles,
	Members as MemberMap, Role,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_runtime::DispatchError,
};

fn roles(list: &[Role]) -> BoundedVec<Role, crate::MaxRoles> {
	BoundedVec::truncate_from(list.to_vec())
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

#[test]
fn a_registrar_grants_a_member_another_role_and_the_record_stays() {
	new_test_ext(|| {
		let before = MemberMap::<Test>::get(MUSEUM).unwrap();
		assert_ok!(Members::set_roles(
			signed(REGISTRAR),
			MUSEUM,
			roles(&[Role::Institution, Role::Creator, Role::Creator])
		));
		assert!(Members::has_role(&MUSEUM, Role::Institution));
		assert!(Members::has_role(&MUSEUM, Role::Creator));
		let after = MemberMap::<Test>::get(MUSEUM).unwrap();
		assert_eq!(
			(after.admitted_at, after.admitted_by, after.identity_hash),
			(before.admitted_at, before.admitted_by, before.identity_hash),
			"the membership is the same one"
		);
		assert_eq!(MemberCount::<Test>::get(), 6);
		System::assert_last_event(RuntimeEvent::Members(Event::MemberRolesSet {
			who: MUSEUM,
			roles: vec![Role::Institution, Role::Creator],
			authorized_by: AuthorizedBy::Account(REGISTRAR),
		}));
		// And takes it away again.
		assert_ok!(Members::set_roles(
			signed(REGISTRAR),
			MUSEUM,
			roles(&[Role::Institution])
		));
		assert!(!Members::has_role(&MUSEUM, Role::Creator));
	});
}

#[test]
fn only_the_consortium_grants_or_takes_the_registrar_and_regulator_roles() {
	new_test_ext(|| {
		assert_noop!(
			Members::set_roles(
				signed(REGISTRAR),
				MUSEUM,
				roles(&[Role::Institution, Role::Regulator])
			),
			Error::<Test>::ConsortiumOnly
		);
		assert_noop!(
			Members::set_roles(signed(REGISTRAR), REGULATOR, roles(&[Role::Institution])),
			Error::<Test>::ConsortiumOnly
		);
		assert_ok!(Members::set_roles(
			RuntimeOrigin::root(),
			MUSEUM,
			roles(&[Role::Institution, Role::Registrar])
		));
		assert_eq!(ActiveRegistrars::<Test>::get(), 3);
		System::assert_last_event(RuntimeEvent::Members(Event::MemberRolesSet {
			who: MUSEUM,
			roles: vec![Role::Registrar, Role::Institution],
			authorized_by: AuthorizedBy::Consortium,
		}));
		// The new registrar acts as one, on ordinary members only.
		assert_ok!(Members::admit(
			signed(MUSEUM),
			STRANGER,
			roles(&[Role::Creator]),
			polkadot_sdk::sp_core::H256::repeat_byte(1)
		));
		assert_ok!(Members::set_roles(
			signed(MUSEUM),
			STRANGER,
			roles(&[Role::Creator, Role::Institution])
		));
		assert_noop!(
			Members::set_roles(signed(MUSEUM), REGISTRAR_2, roles(&[Role::Registrar])),
			Error::<Test>::ConsortiumOnly
		);
	});
}

#[test]
fn the_last_registrar_keeps_its_role() {
	new_test_ext(|| {
		assert_ok!(Members::set_roles(
			RuntimeOrigin::root(),
			REGISTRAR_2,
			roles(&[Role::Institution])
		));
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
		assert_noop!(
			Members::set_roles(
				RuntimeOrigin::root(),
				REGISTRAR,
				roles(&[Role::Institution])
			),
			Error::<Test>::LastRegistrar
		);
	});
}

#[test]
fn a_suspended_registrar_changes_roles_without_touching_the_count() {
	new_test_ext(|| {
		assert_ok!(Members::suspend(RuntimeOrigin::root(), REGISTRAR_2));
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
		assert_ok!(Members::set_roles(
			RuntimeOrigin::root(),
			REGISTRAR_2,
			roles(&[Role::Creator])
		));
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
		assert_ok!(Members::reinstate(RuntimeOrigin::root(), REGISTRAR_2));
		assert_eq!(
			ActiveRegistrars::<Test>::get(),
			1,
			"reinstated as a creator"
		);
	});
}

#[test]
fn bad_role_changes_are_refused_and_change_nothing() {
	new_test_ext(|| {
		assert_noop!(
			Members::set_roles(signed(REGISTRAR), MUSEUM, roles(&[])),
			Error::<Test>::NoRoles
		);
		assert_noop!(
			Members::set_roles(signed(REGISTRAR), MUSEUM, roles(&[Role::Institution])),
			Error::<Test>::RolesUnchanged
		);
		assert_noop!(
			Members::set_roles(signed(REGISTRAR), STRANGER, roles(&[Role::Creator])),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Members::set_roles(signed(MUSEUM), MUSEUM, roles(&[Role::Creator])),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Members::set_roles(RuntimeOrigin::none(), MUSEUM, roles(&[Role::Creator])),
			DispatchError::BadOrigin
		);
		// A council member's roles change by the consortium's decision only.
		assert_noop!(
			Members::set_roles(
				signed(REGISTRAR),
				COUNCILLOR,
				roles(&[Role::Institution, Role::Creator])
			),
			Error::<Test>::Protected
		);
		assert_ok!(Members::set_roles(
			RuntimeOrigin::root(),
			COUNCILLOR,
			roles(&[Role::Institution, Role::Creator])
		));
		assert_ok!(Members::do_try_state());
	});
}
