//! Tests of admission, suspension, removal and the `CheckMember` extension.

use crate::{
	extension::codes, mock::*, ActiveRegistrars, AuthorizedBy, CheckMember, Error, Event,
	MemberCount, MemberRoles, MemberStatus, Members as MemberMap, RateLimit, RateLimits, Role,
	TransactionWindow, TransactionWindows,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, dispatch::DispatchInfo, BoundedVec},
	frame_system,
	sp_core::H256,
	sp_runtime::{
		traits::{TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
		DispatchError,
	},
};

fn roles(list: &[Role]) -> BoundedVec<Role, crate::MaxRoles> {
	BoundedVec::truncate_from(list.to_vec())
}

fn identity(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	match System::events().pop().expect("an event was emitted").event {
		RuntimeEvent::Members(e) => e,
		other => panic!("unexpected event {other:?}"),
	}
}

fn validate(who: Option<u64>) -> Result<(), TransactionValidityError> {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	let origin = match who {
		Some(who) => RuntimeOrigin::signed(who),
		None => RuntimeOrigin::none(),
	};
	CheckMember::<Test>::new()
		.validate(
			origin,
			&call,
			&DispatchInfo::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		)
		.map(|_| ())
}

#[test]
fn genesis_members_have_roles_and_live_accounts() {
	new_test_ext(|| {
		assert_eq!(MemberCount::<Test>::get(), 6);
		assert_eq!(ActiveRegistrars::<Test>::get(), 2);
		let record = MemberMap::<Test>::get(MUSEUM).expect("genesis member");
		assert_eq!(record.admitted_by, AuthorizedBy::Genesis);
		assert_eq!(record.identity_hash, None);
		assert!(System::providers(&MUSEUM) > 0);
		assert!(Members::has_role(&MUSEUM, Role::Institution));
		assert!(!Members::has_role(&MUSEUM, Role::Creator));
		assert!(!Members::is_active_member(&STRANGER));
	});
}

#[test]
fn registrar_admits_an_institution_with_a_live_account() {
	new_test_ext(|| {
		assert_eq!(System::providers(&STRANGER), 0);
		assert_ok!(Members::admit(
			signed(REGISTRAR),
			STRANGER,
			roles(&[Role::Creator, Role::Institution, Role::Creator]),
			identity(7)
		));
		let record = MemberMap::<Test>::get(STRANGER).expect("admitted");
		assert_eq!(record.roles.len(), 2, "duplicate roles count once");
		assert_eq!(record.status, MemberStatus::Active);
		assert_eq!(record.identity_hash, Some(identity(7)));
		assert_eq!(record.admitted_by, AuthorizedBy::Account(REGISTRAR));
		assert_eq!(record.admitted_at, 1);
		assert_eq!(System::providers(&STRANGER), 1);
		assert_eq!(MemberCount::<Test>::get(), 7);
		assert_eq!(
			last_event(),
			Event::MemberAdmitted {
				who: STRANGER,
				roles: vec![Role::Institution, Role::Creator],
				identity_hash: identity(7),
				authorized_by: AuthorizedBy::Account(REGISTRAR),
			}
		);
	});
}

#[test]
fn consortium_appoints_a_registrar() {
	new_test_ext(|| {
		assert_ok!(Members::admit(
			RuntimeOrigin::root(),
			STRANGER,
			roles(&[Role::Registrar]),
			identity(1)
		));
		assert_eq!(ActiveRegistrars::<Test>::get(), 3);
		assert_eq!(
			MemberMap::<Test>::get(STRANGER).unwrap().admitted_by,
			AuthorizedBy::Consortium
		);
	});
}

#[test]
fn registrar_cannot_appoint_registrars_or_regulators() {
	new_test_ext(|| {
		for role in [Role::Registrar, Role::Regulator] {
			assert_noop!(
				Members::admit(
					signed(REGISTRAR),
					STRANGER,
					roles(&[Role::Creator, role]),
					identity(1)
				),
				Error::<Test>::ConsortiumOnly
			);
		}
	});
}

#[test]
fn non_registrar_cannot_admit() {
	new_test_ext(|| {
		assert_noop!(
			Members::admit(
				signed(MUSEUM),
				STRANGER,
				roles(&[Role::Creator]),
				identity(1)
			),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Members::admit(
				signed(STRANGER),
				STRANGER,
				roles(&[Role::Creator]),
				identity(1)
			),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Members::admit(
				RuntimeOrigin::none(),
				STRANGER,
				roles(&[Role::Creator]),
				identity(1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn suspended_registrar_cannot_admit() {
	new_test_ext(|| {
		assert_ok!(Members::suspend(RuntimeOrigin::root(), REGISTRAR));
		assert_noop!(
			Members::admit(
				signed(REGISTRAR),
				STRANGER,
				roles(&[Role::Creator]),
				identity(1)
			),
			Error::<Test>::NotRegistrar
		);
	});
}

#[test]
fn double_admission_is_rejected() {
	new_test_ext(|| {
		assert_noop!(
			Members::admit(
				signed(REGISTRAR),
				MUSEUM,
				roles(&[Role::Creator]),
				identity(1)
			),
			Error::<Test>::AlreadyMember
		);
	});
}

#[test]
fn admission_needs_a_role() {
	new_test_ext(|| {
		assert_noop!(
			Members::admit(signed(REGISTRAR), STRANGER, roles(&[]), identity(1)),
			Error::<Test>::NoRoles
		);
	});
}

#[test]
fn suspend_and_reinstate_a_member() {
	new_test_ext(|| {
		assert_ok!(Members::suspend(signed(REGISTRAR), MUSEUM));
		assert_eq!(
			MemberMap::<Test>::get(MUSEUM).unwrap().status,
			MemberStatus::Suspended
		);
		assert!(!Members::is_active_member(&MUSEUM));
		assert!(!Members::has_role(&MUSEUM, Role::Institution));
		assert_eq!(
			last_event(),
			Event::MemberSuspended {
				who: MUSEUM,
				authorized_by: AuthorizedBy::Account(REGISTRAR)
			}
		);
		assert_noop!(
			Members::suspend(signed(REGISTRAR), MUSEUM),
			Error::<Test>::AlreadySuspended
		);

		assert_ok!(Members::reinstate(signed(REGISTRAR), MUSEUM));
		assert_eq!(
			MemberMap::<Test>::get(MUSEUM).unwrap().status,
			MemberStatus::Active
		);
		assert_eq!(
			last_event(),
			Event::MemberReinstated {
				who: MUSEUM,
				authorized_by: AuthorizedBy::Account(REGISTRAR)
			}
		);
		assert_noop!(
			Members::reinstate(signed(REGISTRAR), MUSEUM),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn calls_on_unknown_accounts_fail() {
	new_test_ext(|| {
		assert_noop!(
			Members::suspend(signed(REGISTRAR), STRANGER),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Members::reinstate(signed(REGISTRAR), STRANGER),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Members::remove(signed(REGISTRAR), STRANGER),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn only_the_consortium_touches_regulators_and_registrars() {
	new_test_ext(|| {
		assert_noop!(
			Members::suspend(signed(REGISTRAR), REGULATOR),
			Error::<Test>::ConsortiumOnly
		);
		assert_noop!(
			Members::remove(signed(REGISTRAR), REGISTRAR_2),
			Error::<Test>::ConsortiumOnly
		);
		assert_ok!(Members::suspend(RuntimeOrigin::root(), REGULATOR));
		assert_noop!(
			Members::reinstate(signed(REGISTRAR), REGULATOR),
			Error::<Test>::ConsortiumOnly
		);
		assert_ok!(Members::reinstate(RuntimeOrigin::root(), REGULATOR));
	});
}

#[test]
fn the_last_registrar_stays() {
	new_test_ext(|| {
		assert_ok!(Members::remove(RuntimeOrigin::root(), REGISTRAR_2));
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
		assert_noop!(
			Members::suspend(RuntimeOrigin::root(), REGISTRAR),
			Error::<Test>::LastRegistrar
		);
		assert_noop!(
			Members::remove(RuntimeOrigin::root(), REGISTRAR),
			Error::<Test>::LastRegistrar
		);
	});
}

#[test]
fn a_suspended_registrar_can_be_removed_without_touching_the_count() {
	new_test_ext(|| {
		assert_ok!(Members::suspend(RuntimeOrigin::root(), REGISTRAR_2));
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
		assert_ok!(Members::remove(RuntimeOrigin::root(), REGISTRAR_2));
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
		assert_noop!(
			Members::reinstate(RuntimeOrigin::root(), REGISTRAR),
			Error::<Test>::NotSuspended
		);
		assert_eq!(ActiveRegistrars::<Test>::get(), 1);
	});
}

#[test]
fn removal_keeps_the_account_and_its_nonce_for_readmission() {
	new_test_ext(|| {
		System::inc_account_nonce(MUSEUM);
		System::inc_account_nonce(MUSEUM);
		assert_ok!(Members::remove(signed(REGISTRAR), MUSEUM));
		assert!(MemberMap::<Test>::get(MUSEUM).is_none());
		// Never reaped: the nonce stays, so old transactions stay spent.
		assert_eq!(System::providers(&MUSEUM), 1);
		assert_eq!(System::account_nonce(MUSEUM), 2);
		assert_eq!(Departures::get(), vec![(MUSEUM, true)]);
		assert_eq!(MemberCount::<Test>::get(), 5);
		assert_eq!(
			last_event(),
			Event::MemberRemoved {
				who: MUSEUM,
				authorized_by: AuthorizedBy::Account(REGISTRAR)
			}
		);
		assert_ok!(Members::admit(
			signed(REGISTRAR),
			MUSEUM,
			roles(&[Role::Creator]),
			identity(3)
		));
		assert_eq!(System::providers(&MUSEUM), 1);
		assert_eq!(System::account_nonce(MUSEUM), 2);
	});
}

#[test]
fn a_registrar_cannot_suspend_or_remove_a_council_member_or_validator() {
	new_test_ext(|| {
		assert_noop!(
			Members::suspend(signed(REGISTRAR), COUNCILLOR),
			Error::<Test>::Protected
		);
		assert_noop!(
			Members::remove(signed(REGISTRAR), COUNCILLOR),
			Error::<Test>::Protected
		);
		// The consortium can, and the runtime is told so that the seat is vacated.
		assert_ok!(Members::suspend(RuntimeOrigin::root(), COUNCILLOR));
		assert_eq!(Departures::get(), vec![(COUNCILLOR, false)]);
		assert_ok!(Members::remove(RuntimeOrigin::root(), COUNCILLOR));
		assert_eq!(
			Departures::get(),
			vec![(COUNCILLOR, false), (COUNCILLOR, true)]
		);
	});
}

#[test]
fn a_departure_the_runtime_refuses_leaves_the_member_as_it_was() {
	new_test_ext(|| {
		assert_noop!(
			Members::suspend(RuntimeOrigin::root(), LAST_VALIDATOR),
			DispatchError::Other("the last validator")
		);
		assert_noop!(
			Members::remove(RuntimeOrigin::root(), LAST_VALIDATOR),
			DispatchError::Other("the last validator")
		);
		assert!(Members::is_active_member(&LAST_VALIDATOR));
	});
}

#[test]
fn removal_clears_the_members_window() {
	new_test_ext(|| {
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(limit(2, 10))
		));
		assert_ok!(apply(MUSEUM));
		assert!(TransactionWindows::<Test>::contains_key(MUSEUM));
		assert_ok!(Members::remove(signed(REGISTRAR), MUSEUM));
		assert!(!TransactionWindows::<Test>::contains_key(MUSEUM));
	});
}

#[test]
fn check_member_admits_active_members() {
	new_test_ext(|| {
		assert_eq!(validate(Some(MUSEUM)), Ok(()));
	});
}

#[test]
fn check_member_rejects_non_members_with_code_1() {
	new_test_ext(|| {
		assert_eq!(codes::NOT_A_MEMBER, 1);
		assert_eq!(
			validate(Some(STRANGER)),
			Err(InvalidTransaction::Custom(1).into())
		);
	});
}

#[test]
fn check_member_rejects_suspended_members_with_code_2() {
	new_test_ext(|| {
		assert_ok!(Members::suspend(signed(REGISTRAR), MUSEUM));
		assert_eq!(codes::SUSPENDED, 2);
		assert_eq!(
			validate(Some(MUSEUM)),
			Err(InvalidTransaction::Custom(2).into())
		);
		assert_ok!(Members::reinstate(signed(REGISTRAR), MUSEUM));
		assert_eq!(validate(Some(MUSEUM)), Ok(()));
	});
}

#[test]
fn check_member_leaves_unsigned_transactions_alone() {
	new_test_ext(|| {
		assert_eq!(validate(None), Ok(()));
	});
}

// --- rate limits ---

/// Validates and applies a transaction of `who`, as block building does.
fn apply(who: u64) -> Result<(), TransactionValidityError> {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	let info = DispatchInfo::default();
	let ext = CheckMember::<Test>::new();
	let (_, val, origin) = ext.validate(
		RuntimeOrigin::signed(who),
		&call,
		&info,
		0,
		(),
		&TxBaseImplication(()),
		TransactionSource::InBlock,
	)?;
	ext.prepare(val, &origin, &call, &info, 0)
}

fn limit(max_transactions: u32, window_blocks: u64) -> RateLimit<u64> {
	RateLimit {
		max_transactions,
		max_weight: u64::MAX,
		max_bytes: u32::MAX,
		window_blocks,
	}
}

#[test]
fn only_the_consortium_sets_valid_rate_limits() {
	new_test_ext(|| {
		assert_noop!(
			Members::set_rate_limit(signed(REGISTRAR), Role::Institution, Some(limit(2, 10))),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Members::set_rate_limit(RuntimeOrigin::root(), Role::Institution, Some(limit(0, 10))),
			Error::<Test>::InvalidRateLimit
		);
		assert_noop!(
			Members::set_rate_limit(RuntimeOrigin::root(), Role::Institution, Some(limit(2, 0))),
			Error::<Test>::InvalidRateLimit
		);
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(limit(2, 10))
		));
		assert_eq!(
			RateLimits::<Test>::get(Role::Institution),
			Some(limit(2, 10))
		);
		assert_eq!(
			last_event(),
			Event::RateLimitSet {
				role: Role::Institution,
				limit: Some(limit(2, 10)),
				authorized_by: AuthorizedBy::Consortium
			}
		);
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			None
		));
		assert_eq!(RateLimits::<Test>::get(Role::Institution), None);
	});
}

#[test]
fn a_member_over_its_limit_is_rejected_with_code_3_until_the_window_ends() {
	new_test_ext(|| {
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(limit(2, 10))
		));
		// Validation alone (the pool) counts nothing.
		for _ in 0..5 {
			assert_ok!(validate(Some(MUSEUM)));
		}
		assert_ok!(apply(MUSEUM));
		assert_ok!(apply(MUSEUM));
		let limited = Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into());
		assert_eq!(validate(Some(MUSEUM)), limited);
		assert_eq!(apply(MUSEUM), limited);
		assert_eq!(Members::rate_limited_until(&MUSEUM), Some(11));
		// Others are not slowed: the regulator has no limit at all.
		for _ in 0..10 {
			assert_ok!(apply(REGULATOR));
		}
		assert_eq!(Members::rate_limited_until(&REGULATOR), None);

		// The window opened at block 1 and lasts 10 blocks.
		System::set_block_number(10);
		assert_eq!(validate(Some(MUSEUM)), limited);
		System::set_block_number(11);
		assert_eq!(Members::rate_limited_until(&MUSEUM), None);
		assert_ok!(apply(MUSEUM));
		assert_eq!(
			TransactionWindows::<Test>::get(MUSEUM),
			TransactionWindow {
				start: 11,
				count: 1,
				weight: 0,
				bytes: 0
			}
		);
	});
}

#[test]
fn a_member_gets_the_most_generous_limit_of_its_roles() {
	new_test_ext(|| {
		// REGISTRAR_2 is a registrar and an institution.
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(limit(1, 10))
		));
		// The registrar role is unlimited, so REGISTRAR_2 is too.
		for _ in 0..3 {
			assert_ok!(apply(REGISTRAR_2));
		}
		// 3 per 20 blocks is more generous than 1 per 10.
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Registrar,
			Some(limit(3, 20))
		));
		System::set_block_number(2);
		let record = MemberMap::<Test>::get(REGISTRAR_2).unwrap();
		assert_eq!(Members::rate_limit_of(&record), Some(limit(3, 20)));
		for _ in 0..3 {
			assert_ok!(apply(REGISTRAR_2));
		}
		assert_eq!(
			apply(REGISTRAR_2),
			Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into())
		);
		// The institution-only member has the institution's limit.
		assert_ok!(apply(MUSEUM));
		assert_eq!(
			apply(MUSEUM),
			Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into())
		);
	});
}

#[test]
fn genesis_rate_limits_are_in_force() {
	let mut ext = genesis_with_rate_limits(vec![(Role::Institution, limit(1, 5))]);
	ext.execute_with(|| {
		System::set_block_number(1);
		assert_eq!(
			RateLimits::<Test>::get(Role::Institution),
			Some(limit(1, 5))
		);
		assert_ok!(apply(MUSEUM));
		assert_eq!(
			apply(MUSEUM),
			Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into())
		);
	});
}

// --- weight, bytes, priority and the pool ---

/// Validates a transaction of `who` declaring `weight` and `len`, as the pool does (`prepare`
/// false) or as block building does (`prepare` true); returns its priority.
fn check_sized(
	who: u64,
	weight: u64,
	len: usize,
	prepare: bool,
) -> Result<u64, TransactionValidityError> {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	let info = DispatchInfo {
		call_weight: polkadot_sdk::sp_runtime::Weight::from_parts(weight, 0),
		..Default::default()
	};
	let ext = CheckMember::<Test>::new();
	let (validity, val, origin) = ext.validate(
		RuntimeOrigin::signed(who),
		&call,
		&info,
		len,
		(),
		&TxBaseImplication(()),
		TransactionSource::External,
	)?;
	if prepare {
		ext.prepare(val, &origin, &call, &info, len)?;
	}
	Ok(validity.priority)
}

fn priority_of(who: u64, weight: u64, len: usize) -> Result<u64, TransactionValidityError> {
	check_sized(who, weight, len, false)
}

fn apply_sized(who: u64, weight: u64, len: usize) -> Result<(), TransactionValidityError> {
	check_sized(who, weight, len, true).map(|_| ())
}

fn sized_limit() -> RateLimit<u64> {
	RateLimit {
		max_transactions: 100,
		max_weight: 1_000,
		max_bytes: 500,
		window_blocks: 10,
	}
}

#[test]
fn the_limit_bounds_weight_and_bytes_as_well_as_transactions() {
	new_test_ext(|| {
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(sized_limit())
		));
		let limited = Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into());
		// One transaction heavier or larger than the whole window never passes.
		assert_eq!(apply_sized(MUSEUM, 1_001, 1), limited);
		assert_eq!(apply_sized(MUSEUM, 1, 501), limited);
		// Heavy ones use the weight up long before the transaction count.
		assert_ok!(apply_sized(MUSEUM, 600, 10));
		assert_eq!(apply_sized(MUSEUM, 401, 10), limited);
		assert_ok!(apply_sized(MUSEUM, 400, 10));
		assert_eq!(apply_sized(MUSEUM, 1, 10), limited);
		// Another member has a window of its own.
		assert_ok!(apply_sized(REGISTRAR_2, 0, 0));
		let window = TransactionWindows::<Test>::get(MUSEUM);
		assert_eq!((window.count, window.weight, window.bytes), (2, 1_000, 20));
		System::set_block_number(11);
		assert_ok!(apply_sized(MUSEUM, 1, 490));
		assert_eq!(apply_sized(MUSEUM, 1, 11), limited);
	});
}

#[test]
fn a_member_who_used_more_of_its_window_gets_a_lower_priority() {
	new_test_ext(|| {
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(sized_limit())
		));
		let fresh = priority_of(MUSEUM, 100, 10).unwrap();
		assert_ok!(apply_sized(MUSEUM, 500, 10));
		let busy = priority_of(MUSEUM, 100, 10).unwrap();
		assert!(busy < fresh, "{busy} should be below {fresh}");
		// A member without a limit is never pushed back.
		assert!(priority_of(REGULATOR, 100, 10).unwrap() >= fresh);
		// Another institution that has sent nothing goes before the busy one.
		assert!(priority_of(COUNCILLOR, 100, 10).unwrap() > busy);
	});
}

#[test]
fn calls_the_runtime_refuses_are_rejected_with_code_6() {
	new_test_ext(|| {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 5] });
		let result = CheckMember::<Test>::new()
			.validate(
				RuntimeOrigin::signed(MUSEUM),
				&call,
				&DispatchInfo::default(),
				0,
				(),
				&TxBaseImplication(()),
				TransactionSource::External,
			)
			.map(|_| ());
		assert_eq!(
			result,
			Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED).into())
		);
	});
}

/// Validates a transaction of `who` with `nonce` through the registry's nonce check.
fn validate_nonce(who: u64, nonce: u32) -> Result<(), TransactionValidityError> {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	crate::CheckNonce::<Test>::from(nonce)
		.validate(
			RuntimeOrigin::signed(who),
			&call,
			&DispatchInfo::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		)
		.map(|_| ())
}

#[test]
fn a_nonce_further_ahead_than_the_window_allows_is_refused_with_code_4() {
	new_test_ext(|| {
		assert_ok!(Members::set_rate_limit(
			RuntimeOrigin::root(),
			Role::Institution,
			Some(limit(3, 10))
		));
		// Three transactions fit in the window: nonces 0, 1 and 2 may wait in the pool.
		for nonce in 0..3 {
			assert_ok!(validate_nonce(MUSEUM, nonce));
		}
		let too_many = Err(InvalidTransaction::Custom(codes::TOO_MANY_PENDING).into());
		assert_eq!(validate_nonce(MUSEUM, 3), too_many);
		// Once one is in a block, the window has two left and the nonce moved on by one.
		assert_ok!(apply(MUSEUM));
		System::inc_account_nonce(MUSEUM);
		assert_ok!(validate_nonce(MUSEUM, 2));
		assert_eq!(validate_nonce(MUSEUM, 3), too_many);
		// Unlimited members may queue as much as they like; stale nonces stay stale.
		assert_ok!(validate_nonce(REGULATOR, 50));
		assert_eq!(
			validate_nonce(MUSEUM, 0),
			Err(InvalidTransaction::Stale.into())
		);
	});
}

#[test]
fn immortal_transactions_are_refused_with_code_5() {
	new_test_ext(|| {
		use polkadot_sdk::sp_runtime::generic::Era;
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let check = |era: Era| {
			crate::CheckMortality::<Test>::from(era)
				.validate(
					RuntimeOrigin::signed(MUSEUM),
					&call,
					&DispatchInfo::default(),
					0,
					Default::default(),
					&TxBaseImplication(()),
					TransactionSource::External,
				)
				.map(|_| ())
		};
		assert_eq!(
			check(Era::Immortal),
			Err(InvalidTransaction::Custom(codes::IMMORTAL).into())
		);
		assert_ok!(check(Era::mortal(64, 1)));
	});
}
