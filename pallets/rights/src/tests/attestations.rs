//! Attestations of authorship by institutions and arbiters, and their revocation.

use super::*;

const CLAIM: H256 = H256::repeat_byte(0xAA);
const EVIDENCE: H256 = H256::repeat_byte(0xEE);

#[test]
fn institutions_and_arbiters_attest_authorship() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::attest(signed(MUSEUM), work, CLAIM, Some(EVIDENCE)));
		assert_eq!(
			Attestations::<Test>::get(work, MUSEUM),
			Some(Attestation {
				claim: CLAIM,
				evidence: Some(EVIDENCE),
				at: 1,
				revoked: None
			})
		);
		assert_eq!(
			last_event(),
			Event::Attested {
				work,
				claim_hash: CLAIM,
				evidence: Some(EVIDENCE),
				authorized_by: MUSEUM
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::Attested, Subject::Work(work), MUSEUM).evidence(EVIDENCE)
		);

		run_to(2);
		assert_ok!(Rights::attest(signed(ARBITER), work, CLAIM, None));
		assert_eq!(Attestations::<Test>::get(work, ARBITER).unwrap().at, 2);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::Attested, Subject::Work(work), ARBITER).evidence(CLAIM),
			"without evidence, the audit entry carries the claim"
		);
		assert_eq!(Rights::work_info(work).unwrap().attestations.len(), 2);
	});
}

#[test]
fn only_active_institutions_and_arbiters_attest() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		for who in [ARTIST, POET, REGULATOR, REGISTRAR, STRANGER] {
			assert_noop!(
				Rights::attest(signed(who), work, CLAIM, None),
				Error::<Test>::NotAttester
			);
		}
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			MUSEUM
		));
		assert_noop!(
			Rights::attest(signed(MUSEUM), work, CLAIM, None),
			Error::<Test>::NotAttester
		);
	});
}

#[test]
fn attesting_an_unknown_work_fails() {
	new_test_ext(|| {
		assert_noop!(
			Rights::attest(signed(MUSEUM), 0, CLAIM, None),
			Error::<Test>::UnknownWork
		);
	});
}

#[test]
fn an_attester_attests_a_work_once() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::attest(signed(MUSEUM), work, CLAIM, None));
		assert_noop!(
			Rights::attest(signed(MUSEUM), work, H256::repeat_byte(1), None),
			Error::<Test>::AlreadyAttested
		);
		let other = register(ARTIST, 2);
		assert_ok!(Rights::attest(signed(MUSEUM), other, CLAIM, None));
	});
}

#[test]
fn a_revoked_attestation_stays_on_record() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::attest(signed(MUSEUM), work, CLAIM, Some(EVIDENCE)));
		run_to(3);
		assert_ok!(Rights::revoke_attestation(signed(MUSEUM), work, 7));
		assert_eq!(
			Attestations::<Test>::get(work, MUSEUM),
			Some(Attestation {
				claim: CLAIM,
				evidence: Some(EVIDENCE),
				at: 1,
				revoked: Some(Revocation { reason: 7, at: 3 }),
			})
		);
		assert_eq!(
			last_event(),
			Event::AttestationRevoked {
				work,
				reason: 7,
				authorized_by: MUSEUM
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::AttestationRevoked, Subject::Work(work), MUSEUM).reason(7)
		);
		let view = Rights::work_info(work).unwrap();
		assert_eq!(view.attestations.len(), 1);
		assert_eq!(view.attestations[0].attester, MUSEUM);
		assert_eq!(
			view.attestations[0].revoked,
			Some(Revocation { reason: 7, at: 3 })
		);
	});
}

#[test]
fn a_revoked_attester_cannot_attest_again() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::attest(signed(MUSEUM), work, CLAIM, None));
		assert_ok!(Rights::revoke_attestation(signed(MUSEUM), work, 7));
		assert_noop!(
			Rights::attest(signed(MUSEUM), work, CLAIM, None),
			Error::<Test>::AttesterRevoked
		);
		assert_noop!(
			Rights::revoke_attestation(signed(MUSEUM), work, 8),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn revoking_needs_an_attestation() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		assert_ok!(Rights::attest(signed(MUSEUM), work, CLAIM, None));
		assert_noop!(
			Rights::revoke_attestation(signed(PUBLISHER), work, 7),
			Error::<Test>::NoAttestation
		);
		assert_noop!(
			Rights::revoke_attestation(signed(ARTIST), work, 7),
			Error::<Test>::NoAttestation
		);
		assert_noop!(
			Rights::revoke_attestation(signed(MUSEUM), 9, 7),
			Error::<Test>::UnknownWork
		);
	});
}

#[test]
fn nobody_attests_a_work_they_registered_or_author() {
	new_test_ext(|| {
		// The museum registered the artist's work on her behalf: its word is not a third
		// party's.
		assert_ok!(try_register_full(
			MUSEUM,
			1,
			CREATED,
			&[],
			&[],
			Some(ARTIST)
		));
		let work = 0;
		assert_noop!(
			Rights::attest(signed(MUSEUM), work, CLAIM, None),
			Error::<Test>::SelfAttestation
		);
		// An arbiter named as co-author cannot vouch for the work either.
		let shared = register_with(ARTIST, 2, &[ARBITER]);
		assert_noop!(
			Rights::attest(signed(ARBITER), shared, CLAIM, None),
			Error::<Test>::SelfAttestation
		);
		assert_ok!(Rights::attest(signed(PUBLISHER), work, CLAIM, None));
	});
}
