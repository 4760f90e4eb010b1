//! Licences: scope checks, exclusivity and its boundaries, expiry by time, revocation.

use super::*;

/// The term of the exclusive licence the overlap tests start from.
const BASE: Term = Term::between(TODAY + 10, TODAY + 100);

/// Reproduction in China and Germany over [`BASE`].
fn base_scope() -> ScopeOf<Test> {
	scope(RightSet::REPRODUCTION, including(&[CN, DE]), BASE)
}

/// Runs `test` on a work by the artist whose first unit has granted an exclusive licence of
/// [`base_scope`] to the broadcaster.
fn with_exclusive_base(test: impl FnOnce(UnitId)) {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		grant_ok(ARTIST, first, BROADCASTER, base_scope(), true);
		test(first);
	});
}

#[test]
fn a_holder_grants_a_licence() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		run_to(2);
		let terms = scope(
			RightSet::BROADCASTING,
			including(&[CN]),
			Term::between(TODAY, TODAY + 365),
		);
		let id = grant_ok(ARTIST, first, BROADCASTER, terms.clone(), false);
		assert_eq!(id, 0);
		let record = licence_record(id);
		assert_eq!(record.work, work);
		assert_eq!(record.unit, first);
		assert_eq!(record.grantors, vec![ARTIST]);
		assert_eq!(record.licensee, BROADCASTER);
		assert_eq!(record.scope, terms);
		assert!(!record.exclusive);
		assert_eq!(record.granted_at, 2);
		assert_eq!(record.revoked, None);
		assert!(LicencesOfWork::<Test>::contains_key(work, id));
		assert!(LiveLicences::<Test>::contains_key(work, id));
		assert_eq!(Works::<Test>::get(work).unwrap().live_licences, 1);
		assert_eq!(
			unit_record(first).ended_at,
			None,
			"licensing leaves the unit as it is"
		);
		assert_eq!(
			last_event(),
			Event::LicenceGranted {
				work,
				licence: id,
				unit: first,
				licensee: BROADCASTER,
				exclusive: false,
				expires_on: Some(TODAY + 365),
				approved_by: vec![ARTIST],
				authorized_by: ARTIST,
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::Licensed, Subject::Licence(id), ARTIST)
				.from(ARTIST)
				.to(BROADCASTER)
				.detail(Detail::Licence {
					unit: first,
					scope: terms.rebound().unwrap(),
					exclusive: false,
				})
		);

		let open = grant_ok(
			ARTIST,
			first,
			STUDIO,
			scope(RightSet::EXHIBITION, worldwide(), Term::open_ended(TODAY)),
			true,
		);
		assert_eq!(open, 1);
		assert!(matches!(
			last_event(),
			Event::LicenceGranted {
				licence: 1,
				exclusive: true,
				expires_on: None,
				..
			}
		));
	});
}

#[test]
fn licence_scopes_are_checked() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		let term = Term::between(TODAY, TODAY + 10);
		let try_scope = |terms: ScopeOf<Test>| try_grant(ARTIST, first, BROADCASTER, terms, false);
		assert_noop!(
			try_scope(scope(RightSet::NONE, worldwide(), term)),
			Error::<Test>::EmptyRightSet
		);
		assert_noop!(
			try_scope(scope(RightSet::PUBLICATION, worldwide(), term)),
			Error::<Test>::MoralRightsInalienable
		);
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, including(&[DE, CN]), term)),
			Error::<Test>::InvalidTerritory
		);
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, excluding(&[CN, CN]), term)),
			Error::<Test>::InvalidTerritory
		);
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, including(&[*b"us"]), term)),
			Error::<Test>::InvalidTerritory
		);
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, including(&[]), term)),
			Error::<Test>::EmptyTerritory
		);
		assert_noop!(
			try_scope(scope(
				RightSet::REPRODUCTION,
				worldwide(),
				Term::between(TODAY, TODAY)
			)),
			Error::<Test>::InvalidTerm
		);
		assert_noop!(
			try_scope(scope(
				RightSet::REPRODUCTION,
				worldwide(),
				Term::between(TODAY, TODAY - 1)
			)),
			Error::<Test>::InvalidTerm
		);
	});
}

#[test]
fn a_licence_stays_within_its_unit() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		let print = RightSet::REPRODUCTION.union(RightSet::DISTRIBUTION);
		let (print_unit, _) = split_ok(ARTIST, first, SplitSpec::Rights(print));
		let (china, _) = split_ok(ARTIST, print_unit, SplitSpec::Territory(codes(&[CN])));
		let term = Term::between(TODAY, TODAY + 10);
		let try_scope = |terms: ScopeOf<Test>| try_grant(ARTIST, china, BROADCASTER, terms, true);
		assert_noop!(
			try_scope(scope(RightSet::RENTAL, including(&[CN]), term)),
			Error::<Test>::OutsideUnit
		);
		assert_noop!(
			try_scope(scope(
				RightSet::REPRODUCTION.union(RightSet::RENTAL),
				including(&[CN]),
				term
			)),
			Error::<Test>::OutsideUnit
		);
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, including(&[DE]), term)),
			Error::<Test>::OutsideUnit
		);
		// Germany belongs to another unit: an exclusive licence cannot reach it from here.
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, including(&[CN, DE]), term)),
			Error::<Test>::OutsideUnit
		);
		assert_noop!(
			try_scope(scope(RightSet::REPRODUCTION, worldwide(), term)),
			Error::<Test>::OutsideUnit
		);
		assert_noop!(
			try_scope(scope(
				RightSet::REPRODUCTION,
				including(&[CN]),
				Term::between(CREATED - 1, TODAY + 1)
			)),
			Error::<Test>::OutsideUnit
		);
		let (early, _) = split_ok(ARTIST, china, SplitSpec::Term(TODAY + 100));
		assert_noop!(
			try_grant(
				ARTIST,
				early,
				BROADCASTER,
				scope(
					RightSet::REPRODUCTION,
					including(&[CN]),
					Term::open_ended(TODAY)
				),
				true
			),
			Error::<Test>::OutsideUnit
		);
		grant_ok(
			ARTIST,
			early,
			BROADCASTER,
			scope(print, including(&[CN]), Term::between(CREATED, TODAY + 100)),
			true,
		);
	});
}

#[test]
fn licensees_are_active_members() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		let terms = scope(RightSet::REPRODUCTION, worldwide(), Term::open_ended(TODAY));
		assert_noop!(
			try_grant(ARTIST, first, STRANGER, terms.clone(), false),
			Error::<Test>::LicenseeNotMember
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			BROADCASTER
		));
		assert_noop!(
			try_grant(ARTIST, first, BROADCASTER, terms.clone(), false),
			Error::<Test>::LicenseeNotMember
		);
		grant_ok(ARTIST, first, REGULATOR, terms, false);
	});
}

#[test]
fn a_licence_whose_term_has_ended_is_refused() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				BROADCASTER,
				scope(
					RightSet::REPRODUCTION,
					worldwide(),
					Term::between(CREATED, TODAY)
				),
				false
			),
			Error::<Test>::AlreadyExpired
		);
		// Today is its last day.
		grant_ok(
			ARTIST,
			first,
			BROADCASTER,
			scope(
				RightSet::REPRODUCTION,
				worldwide(),
				Term::between(CREATED, TODAY + 1),
			),
			false,
		);
	});
}

#[test]
fn only_holders_of_live_units_grant_licences() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		let terms = scope(RightSet::REPRODUCTION, worldwide(), Term::open_ended(TODAY));
		assert_noop!(
			try_grant(POET, first, BROADCASTER, terms.clone(), false),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			try_grant(ARTIST, 7, BROADCASTER, terms.clone(), false),
			Error::<Test>::UnknownUnit
		);
		assign_ok(ARTIST, first, &[STUDIO], 1);
		assert_noop!(
			try_grant(ARTIST, first, BROADCASTER, terms, false),
			Error::<Test>::UnitEnded
		);
	});
}

#[test]
fn an_identical_exclusive_licence_is_refused() {
	with_exclusive_base(|first| {
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, base_scope(), true),
			Error::<Test>::OverlapsExclusiveLicence
		);
		assert_noop!(
			try_grant(ARTIST, first, BROADCASTER, base_scope(), true),
			Error::<Test>::OverlapsExclusiveLicence
		);
	});
}

#[test]
fn exclusive_terms_that_touch_do_not_overlap() {
	with_exclusive_base(|first| {
		let with_term = |term: Term| scope(RightSet::REPRODUCTION, including(&[CN, DE]), term);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				with_term(Term::between(TODAY + 99, TODAY + 100)),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				with_term(Term::between(TODAY + 5, TODAY + 11)),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		// Starting the day the base ends, or ending the day it starts.
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_term(Term::between(TODAY + 100, TODAY + 200)),
			true,
		);
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_term(Term::between(TODAY + 1, TODAY + 10)),
			true,
		);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				with_term(Term::open_ended(TODAY + 199)),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_term(Term::open_ended(TODAY + 200)),
			true,
		);
	});
}

#[test]
fn exclusive_territories_overlap_on_one_shared_country() {
	with_exclusive_base(|first| {
		let with_territory =
			|territory: TerritoryOf<Test>| scope(RightSet::REPRODUCTION, territory, BASE);
		for shared in [including(&[DE, GB]), including(&[CN]), worldwide()] {
			assert_noop!(
				try_grant(ARTIST, first, STUDIO, with_territory(shared), true),
				Error::<Test>::OverlapsExclusiveLicence
			);
		}
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_territory(including(&[FR, JP])),
			true,
		);
		grant_ok(
			ARTIST,
			first,
			TRANSLATOR,
			with_territory(including(&[GB, US])),
			true,
		);
	});
}

#[test]
fn excluding_the_licensed_countries_does_not_overlap() {
	with_exclusive_base(|first| {
		let with_territory =
			|territory: TerritoryOf<Test>| scope(RightSet::REPRODUCTION, territory, BASE);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				with_territory(excluding(&[CN])),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				with_territory(excluding(&[DE])),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		// Everywhere except exactly the base's countries.
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_territory(excluding(&[CN, DE])),
			true,
		);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				TRANSLATOR,
				with_territory(including(&[FR])),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
	});
}

#[test]
fn exclusive_rights_overlap_on_one_shared_right() {
	with_exclusive_base(|first| {
		let with_rights = |rights: RightSet| scope(rights, including(&[CN, DE]), BASE);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				with_rights(RightSet::REPRODUCTION.union(RightSet::RENTAL)),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, with_rights(RightSet::ECONOMIC), true),
			Error::<Test>::OverlapsExclusiveLicence
		);
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_rights(RightSet::DISTRIBUTION),
			true,
		);
		grant_ok(
			ARTIST,
			first,
			STUDIO,
			with_rights(RightSet::RENTAL.union(RightSet::EXHIBITION)),
			true,
		);
	});
}

#[test]
fn exclusive_and_non_exclusive_licences_do_not_mix() {
	with_exclusive_base(|first| {
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, base_scope(), false),
			Error::<Test>::OverlapsExclusiveLicence
		);
		assert_noop!(
			try_grant(
				ARTIST,
				first,
				STUDIO,
				scope(
					RightSet::REPRODUCTION,
					including(&[DE]),
					Term::open_ended(TODAY)
				),
				false
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		// Non-exclusive licences share a scope freely.
		let france = scope(RightSet::REPRODUCTION, including(&[FR]), BASE);
		grant_ok(ARTIST, first, STUDIO, france.clone(), false);
		grant_ok(ARTIST, first, TRANSLATOR, france.clone(), false);
		// But an exclusive licence cannot take a scope already licensed.
		assert_noop!(
			try_grant(ARTIST, first, POET, france, true),
			Error::<Test>::OverlapsExclusiveLicence
		);
	});
}

#[test]
fn exclusive_licences_of_different_units_never_clash() {
	new_test_ext(|| {
		let first = root(register(ARTIST, 1));
		let (china, elsewhere) = split_ok(ARTIST, first, SplitSpec::Territory(codes(&[CN])));
		let everything_in = |territory: TerritoryOf<Test>| {
			scope(RightSet::ECONOMIC, territory, Term::open_ended(TODAY))
		};
		grant_ok(
			ARTIST,
			china,
			BROADCASTER,
			everything_in(including(&[CN])),
			true,
		);
		grant_ok(
			ARTIST,
			elsewhere,
			STUDIO,
			everything_in(excluding(&[CN])),
			true,
		);
		assert_noop!(
			try_grant(
				ARTIST,
				elsewhere,
				TRANSLATOR,
				everything_in(including(&[DE])),
				true
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
	});
}

#[test]
fn licences_expire_by_themselves() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		let month = scope(
			RightSet::REPRODUCTION,
			worldwide(),
			Term::between(TODAY, TODAY + 30),
		);
		let id = grant_ok(ARTIST, first, BROADCASTER, month, true);
		let later = scope(
			RightSet::REPRODUCTION,
			worldwide(),
			Term::open_ended(TODAY + 20),
		);
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, later.clone(), true),
			Error::<Test>::OverlapsExclusiveLicence
		);

		// On its last day it still binds.
		set_day(TODAY + 29);
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, later.clone(), true),
			Error::<Test>::OverlapsExclusiveLicence
		);
		assert_eq!(Rights::work_info(work).unwrap().licences.len(), 1);

		// The next day it has expired, without any call.
		set_day(TODAY + 30);
		assert!(!licence_record(id).is_live(TODAY + 30));
		assert!(Rights::work_info(work).unwrap().licences.is_empty());
		let next = grant_ok(ARTIST, first, STUDIO, later, true);
		assert!(
			!LiveLicences::<Test>::contains_key(work, id),
			"dropped from the live index"
		);
		assert!(LiveLicences::<Test>::contains_key(work, next));
		assert_eq!(Works::<Test>::get(work).unwrap().live_licences, 1);
		assert_eq!(
			licence_record(id).revoked,
			None,
			"the record stays as it was"
		);
		assert!(LicencesOfWork::<Test>::contains_key(work, id));
		assert_noop!(
			Rights::revoke_licence(signed(ARTIST), id, 1),
			Error::<Test>::LicenceExpired
		);
	});
}

#[test]
fn a_grantor_revokes_a_licence() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		let id = grant_ok(ARTIST, first, BROADCASTER, base_scope(), true);
		run_to(3);
		assert_ok!(Rights::revoke_licence(signed(ARTIST), id, 9));
		assert_eq!(
			licence_record(id).revoked,
			Some(Revocation { reason: 9, at: 3 })
		);
		assert!(!LiveLicences::<Test>::contains_key(work, id));
		assert!(
			LicencesOfWork::<Test>::contains_key(work, id),
			"the record stays listed"
		);
		assert_eq!(Works::<Test>::get(work).unwrap().live_licences, 0);
		assert_eq!(
			last_event(),
			Event::LicenceRevoked {
				work,
				licence: id,
				reason: 9,
				authorized_by: ARTIST
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::LicenceRevoked, Subject::Licence(id), ARTIST).reason(9)
		);
		// The scope is free again.
		let next = grant_ok(ARTIST, first, STUDIO, base_scope(), true);
		let listed: Vec<LicenceId> = Rights::work_info(work)
			.unwrap()
			.licences
			.iter()
			.map(|l| l.licence)
			.collect();
		assert_eq!(listed, vec![next]);
	});
}

#[test]
fn revocation_is_checked() {
	with_exclusive_base(|_| {
		for who in [BROADCASTER, POET, STRANGER] {
			assert_noop!(
				Rights::revoke_licence(signed(who), 0, 1),
				Error::<Test>::NotGrantor
			);
		}
		assert_noop!(
			Rights::revoke_licence(signed(ARTIST), 5, 1),
			Error::<Test>::UnknownLicence
		);
		assert_ok!(Rights::revoke_licence(signed(ARTIST), 0, 1));
		assert_noop!(
			Rights::revoke_licence(signed(ARTIST), 0, 2),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn licences_survive_splits_and_assignments() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		let china = |term: Term| scope(RightSet::BROADCASTING, including(&[CN]), term);
		let id = grant_ok(
			ARTIST,
			first,
			BROADCASTER,
			china(Term::open_ended(TODAY)),
			true,
		);
		let (broadcasting, _) = split_ok(ARTIST, first, SplitSpec::Rights(RightSet::BROADCASTING));
		let successor = assign_ok(ARTIST, broadcasting, &[STUDIO], 1);
		assert_eq!(licence_record(id).unit, first);
		assert!(LiveLicences::<Test>::contains_key(work, id));
		assert_eq!(Rights::work_info(work).unwrap().licences.len(), 1);

		// The exclusive licence binds the new holder too.
		assert_noop!(
			try_grant(
				STUDIO,
				successor,
				TRANSLATOR,
				china(Term::open_ended(TODAY + 1)),
				false
			),
			Error::<Test>::OverlapsExclusiveLicence
		);
		grant_ok(
			STUDIO,
			successor,
			TRANSLATOR,
			scope(
				RightSet::BROADCASTING,
				including(&[DE]),
				Term::open_ended(TODAY),
			),
			true,
		);

		// The grantor may still revoke it; the new holder may not.
		assert_noop!(
			Rights::revoke_licence(signed(STUDIO), id, 1),
			Error::<Test>::NotGrantor
		);
		assert_ok!(Rights::revoke_licence(signed(ARTIST), id, 1));
		grant_ok(
			STUDIO,
			successor,
			TRANSLATOR,
			china(Term::open_ended(TODAY + 1)),
			false,
		);
	});
}

#[test]
fn licences_in_force_per_work_are_bounded() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		let first = root(work);
		let days = |n: u32| {
			scope(
				RightSet::REPRODUCTION,
				worldwide(),
				Term::between(TODAY, TODAY + n),
			)
		};
		for n in 1..=4 {
			grant_ok(ARTIST, first, BROADCASTER, days(n), false);
		}
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, days(10), false),
			Error::<Test>::TooManyLicences
		);
		// A revoked licence frees its place.
		assert_ok!(Rights::revoke_licence(signed(ARTIST), 0, 1));
		grant_ok(ARTIST, first, STUDIO, days(10), false);
		assert_noop!(
			try_grant(ARTIST, first, STUDIO, days(10), false),
			Error::<Test>::TooManyLicences
		);
		// So does an expired one, dropped when the next licence is granted.
		set_day(TODAY + 2);
		grant_ok(ARTIST, first, STUDIO, days(10), false);
		assert_eq!(Works::<Test>::get(work).unwrap().live_licences, 4);
		assert!(!LiveLicences::<Test>::contains_key(work, 1));
	});
}
