//! Authorship disputes: opened by members, ruled on by arbiters, with the author history kept.

use super::*;

const EVIDENCE: H256 = H256::repeat_byte(0xD1);
const RULING: H256 = H256::repeat_byte(0xB2);

fn resolve(
	who: u64,
	dispute: DisputeId,
	upheld: bool,
	corrected: Option<&[u64]>,
) -> DispatchResult {
	Rights::resolve_dispute(signed(who), dispute, upheld, corrected.map(holders), RULING)
}

#[test]
fn any_member_disputes_authorship() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		run_to(2);
		assert_ok!(Rights::open_dispute(signed(POET), work, EVIDENCE));
		assert_eq!(
			Disputes::<Test>::get(0),
			Some(Dispute {
				work,
				opened_by: POET,
				evidence: EVIDENCE,
				opened_at: 2,
				status: DisputeStatus::Open,
			})
		);
		assert_eq!(OpenDisputeOf::<Test>::get(work, POET), Some(0));
		assert_eq!(Works::<Test>::get(work).unwrap().open_disputes, 1);
		assert_eq!(
			last_event(),
			Event::DisputeOpened {
				work,
				dispute: 0,
				evidence: EVIDENCE,
				authorized_by: POET
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::DisputeOpened, Subject::Work(work), POET).evidence(EVIDENCE)
		);
		// Any role will do.
		assert_ok!(Rights::open_dispute(signed(REGULATOR), work, EVIDENCE));
		assert_eq!(Rights::work_info(work).unwrap().disputes.len(), 2);
	});
}

#[test]
fn disputing_needs_a_member_and_a_work() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_noop!(
			Rights::open_dispute(signed(STRANGER), work, EVIDENCE),
			Error::<Test>::NotMember
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			POET
		));
		assert_noop!(
			Rights::open_dispute(signed(POET), work, EVIDENCE),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Rights::open_dispute(signed(STUDIO), 9, EVIDENCE),
			Error::<Test>::UnknownWork
		);
	});
}

#[test]
fn a_member_has_one_open_dispute_per_work() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::open_dispute(signed(POET), work, EVIDENCE));
		assert_noop!(
			Rights::open_dispute(signed(POET), work, H256::repeat_byte(2)),
			Error::<Test>::DisputeAlreadyOpen
		);
		assert_ok!(resolve(ARBITER, 0, false, None));
		assert_ok!(Rights::open_dispute(
			signed(POET),
			work,
			H256::repeat_byte(2)
		));
	});
}

#[test]
fn open_disputes_of_a_work_are_bounded() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::open_dispute(signed(POET), work, EVIDENCE));
		assert_ok!(Rights::open_dispute(signed(STUDIO), work, EVIDENCE));
		assert_noop!(
			Rights::open_dispute(signed(BROADCASTER), work, EVIDENCE),
			Error::<Test>::TooManyOpenDisputes
		);
		let other = register(ARTIST, 2);
		assert_ok!(Rights::open_dispute(signed(BROADCASTER), other, EVIDENCE));
		assert_ok!(resolve(ARBITER, 1, false, None));
		assert_ok!(Rights::open_dispute(signed(BROADCASTER), work, EVIDENCE));
	});
}

#[test]
fn an_arbiter_rejects_a_dispute() {
	new_test_ext(|| {
		let work = register_with(ARTIST, 1, &[POET]);
		assert_ok!(Rights::open_dispute(signed(STUDIO), work, EVIDENCE));
		run_to(4);
		assert_ok!(resolve(ARBITER, 0, false, None));
		assert_eq!(
			Disputes::<Test>::get(0).unwrap().status,
			DisputeStatus::Rejected {
				by: ARBITER,
				ruling: RULING,
				at: 4
			}
		);
		assert!(!OpenDisputeOf::<Test>::contains_key(work, STUDIO));
		assert_eq!(Works::<Test>::get(work).unwrap().open_disputes, 0);
		let moral = MoralRights::<Test>::get(work).unwrap();
		assert_eq!(moral.authors, vec![ARTIST, POET], "the authors stand");
		assert_eq!(moral.version, 0);
		assert_eq!(
			last_event(),
			Event::DisputeResolved {
				work,
				dispute: 0,
				upheld: false,
				ruling_hash: RULING,
				authorized_by: ARBITER
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::DisputeResolved, Subject::Work(work), ARBITER)
				.reason(RULING_REJECTED)
				.evidence(RULING)
				.detail(Detail::Authors {
					before: named(&[ARTIST, POET]),
					after: named(&[ARTIST, POET]),
				})
		);
	});
}

#[test]
fn an_upheld_dispute_corrects_the_authors_and_keeps_the_history() {
	new_test_ext(|| {
		let work = register_with(ARTIST, 1, &[POET]);
		let first = root(work);
		assert_ok!(Rights::open_dispute(signed(STUDIO), work, EVIDENCE));
		run_to(4);
		assert_ok!(resolve(ARBITER, 0, true, Some(&[STUDIO, POET])));

		let moral = MoralRights::<Test>::get(work).unwrap();
		assert_eq!(moral.authors, vec![STUDIO, POET]);
		assert_eq!(moral.rights, RightSet::MORAL);
		assert_eq!(moral.version, 1);
		assert_eq!(moral.since, 4);
		let registered = AuthorHistory::<Test>::get(work, 0).unwrap();
		assert_eq!(registered.authors, vec![ARTIST, POET]);
		assert_eq!(registered.at, 1);
		assert_eq!(registered.dispute, None);
		let corrected = AuthorHistory::<Test>::get(work, 1).unwrap();
		assert_eq!(corrected.authors, vec![STUDIO, POET]);
		assert_eq!(corrected.at, 4);
		assert_eq!(corrected.dispute, Some(0));
		assert_eq!(
			Disputes::<Test>::get(0).unwrap().status,
			DisputeStatus::Upheld {
				by: ARBITER,
				ruling: RULING,
				at: 4,
				version: 1
			}
		);

		// The filing stays as filed, and the economic rights stay where they are.
		assert_eq!(
			Works::<Test>::get(work).unwrap().authors,
			vec![ARTIST, POET]
		);
		assert_eq!(unit_record(first).holders, vec![ARTIST, POET]);
		assert_eq!(unit_record(first).ended_at, None);

		let events = rights_events();
		assert!(events.contains(&Event::AuthorsCorrected {
			work,
			version: 1,
			authors: vec![STUDIO, POET],
			dispute: 0,
			authorized_by: ARBITER,
		}));
		assert_eq!(
			last_event(),
			Event::DisputeResolved {
				work,
				dispute: 0,
				upheld: true,
				ruling_hash: RULING,
				authorized_by: ARBITER
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::DisputeResolved, Subject::Work(work), ARBITER)
				.reason(RULING_UPHELD)
				.evidence(RULING)
				.detail(Detail::Authors {
					before: named(&[ARTIST, POET]),
					after: named(&[STUDIO, POET]),
				})
		);

		let view = Rights::work_info(work).unwrap();
		assert_eq!(view.authors, vec![STUDIO, POET]);
		assert_eq!(view.author_history.len(), 2);
		assert_eq!(view.author_history[0].version, 0);
		assert_eq!(view.author_history[1].authors, vec![STUDIO, POET]);
	});
}

#[test]
fn only_active_arbiters_resolve() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::open_dispute(signed(POET), work, EVIDENCE));
		for who in [MUSEUM, ARTIST, POET, REGULATOR, STRANGER] {
			assert_noop!(resolve(who, 0, false, None), Error::<Test>::NotArbiter);
		}
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			ARBITER
		));
		assert_noop!(resolve(ARBITER, 0, false, None), Error::<Test>::NotArbiter);
	});
}

#[test]
fn rulings_are_checked() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::open_dispute(signed(POET), work, EVIDENCE));
		assert_noop!(
			resolve(ARBITER, 9, false, None),
			Error::<Test>::UnknownDispute
		);
		assert_noop!(
			resolve(ARBITER, 0, true, None),
			Error::<Test>::CorrectionRequired
		);
		assert_noop!(
			resolve(ARBITER, 0, false, Some(&[POET])),
			Error::<Test>::UnexpectedCorrection
		);
		assert_noop!(
			resolve(ARBITER, 0, true, Some(&[])),
			Error::<Test>::NoAuthors
		);
		assert_noop!(
			resolve(ARBITER, 0, true, Some(&[POET, POET])),
			Error::<Test>::DuplicateAuthor
		);
		assert_noop!(
			resolve(ARBITER, 0, true, Some(&[POET, STRANGER])),
			Error::<Test>::AuthorNotMember
		);
	});
}

#[test]
fn a_resolved_dispute_is_closed() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::open_dispute(signed(POET), work, EVIDENCE));
		assert_ok!(Rights::open_dispute(signed(STUDIO), work, EVIDENCE));
		assert_ok!(resolve(ARBITER, 0, false, None));
		assert_noop!(
			resolve(ARBITER, 0, false, None),
			Error::<Test>::DisputeClosed
		);
		assert_noop!(
			resolve(ARBITER, 0, true, Some(&[POET])),
			Error::<Test>::DisputeClosed
		);
		assert_ok!(resolve(ARBITER, 1, true, Some(&[STUDIO])));
		assert_noop!(
			resolve(ARBITER, 1, true, Some(&[STUDIO])),
			Error::<Test>::DisputeClosed
		);
		assert_eq!(MoralRights::<Test>::get(work).unwrap().version, 1);
	});
}

#[test]
fn an_arbiter_does_not_rule_on_a_dispute_it_opened_or_a_work_it_is_party_to() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::open_dispute(signed(ARBITER), work, EVIDENCE));
		assert_noop!(
			resolve(ARBITER, 0, true, Some(&[ARBITER])),
			Error::<Test>::ArbiterIsParty
		);
		let shared = register_with(ARTIST, 2, &[ARBITER]);
		assert_ok!(Rights::open_dispute(signed(POET), shared, EVIDENCE));
		assert_noop!(
			resolve(ARBITER, 1, false, None),
			Error::<Test>::ArbiterIsParty
		);
	});
}
