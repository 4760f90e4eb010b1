//! Attestations: institutions and arbiters co-sign a work's authorship claim, and may revoke
//! their signature with a reason. Revoked attestations stay on record.

use crate::{
	pallet::{AttestationOf, Attestations, Config, Error, Event, Pallet, Works},
	Revocation, WorkId,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
	sp_core::H256,
};
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, MemberRoles, Role, Subject};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_attest(
		who: T::AccountId,
		work: WorkId,
		claim_hash: H256,
		evidence: Option<H256>,
	) -> DispatchResult {
		ensure!(Works::<T>::contains_key(work), Error::<T>::UnknownWork);
		ensure!(
			T::Members::has_role(&who, Role::Institution)
				|| T::Members::has_role(&who, Role::Arbiter),
			Error::<T>::NotAttester
		);
		ensure!(!Self::is_party(work, &who), Error::<T>::SelfAttestation);
		if let Some(existing) = Attestations::<T>::get(work, &who) {
			// A withdrawn signature is part of the record; signing again would blur it.
			let error = if existing.revoked.is_some() {
				Error::<T>::AttesterRevoked
			} else {
				Error::<T>::AlreadyAttested
			};
			return Err(error.into());
		}

		let now = frame_system::Pallet::<T>::block_number();
		Attestations::<T>::insert(
			work,
			&who,
			AttestationOf::<T> {
				claim: claim_hash,
				evidence,
				at: now,
				revoked: None,
			},
		);

		// The audit entry carries the evidence when there is some, the claim otherwise.
		T::Audit::report(
			AuditEntry::new(AuditKind::Attested, Subject::Work(work), who.clone())
				.evidence(evidence.unwrap_or(claim_hash)),
		);
		Self::deposit_event(Event::Attested {
			work,
			claim_hash,
			evidence,
			authorized_by: who,
		});
		Ok(())
	}

	pub(crate) fn do_revoke_attestation(
		who: T::AccountId,
		work: WorkId,
		reason: u16,
	) -> DispatchResult {
		ensure!(Works::<T>::contains_key(work), Error::<T>::UnknownWork);
		let mut attestation =
			Attestations::<T>::get(work, &who).ok_or(Error::<T>::NoAttestation)?;
		ensure!(attestation.revoked.is_none(), Error::<T>::AlreadyRevoked);

		let now = frame_system::Pallet::<T>::block_number();
		attestation.revoked = Some(Revocation { reason, at: now });
		Attestations::<T>::insert(work, &who, attestation);

		T::Audit::report(
			AuditEntry::new(
				AuditKind::AttestationRevoked,
				Subject::Work(work),
				who.clone(),
			)
			.reason(reason),
		);
		Self::deposit_event(Event::AttestationRevoked {
			work,
			reason,
			authorized_by: who,
		});
		Ok(())
	}
}
