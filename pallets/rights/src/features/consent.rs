//! Co-ownership by agreement: an action on a unit takes effect once `threshold` of its holders
//! have made the same call. Approvals are collected on chain, per unit and action hash.

use crate::{
	pallet::{Config, Error, Event, Pallet, Pending, PendingActions, ProposalOf, UnitOf},
	UnitId,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	sp_core::H256,
	sp_runtime::traits::{BlakeTwo256, Hash},
};

/// Separates the hashes of this pallet's proposals from any other hash of the same bytes.
const PROPOSAL_DOMAIN: &[u8; 15] = b"rights/proposal";

impl<T: Config> Pallet<T> {
	/// The hash that keys the approvals of `proposal` on `unit`: the same arguments always give
	/// the same hash, so co-holders approve an action by repeating the call.
	pub fn proposal_hash(unit: UnitId, proposal: &ProposalOf<T>) -> H256 {
		BlakeTwo256::hash_of(&(PROPOSAL_DOMAIN, unit, proposal))
	}

	/// Records `who`'s approval of `proposal` on `unit`, which `who` holds. Returns the
	/// approvers when the action may take effect now (all of them, `who` last), or `None`
	/// when more approvals are needed. The caller has checked the action in full first, so an
	/// approval is only ever recorded for an action that would succeed.
	pub(crate) fn consent(
		who: &T::AccountId,
		id: UnitId,
		unit: &UnitOf<T>,
		proposal: &ProposalOf<T>,
	) -> Result<Option<Vec<T::AccountId>>, DispatchError> {
		if unit.threshold <= 1 {
			return Ok(Some(vec![who.clone()]));
		}
		let action_hash = Self::proposal_hash(id, proposal);
		let existing = Pending::<T>::get(id, action_hash);
		let is_new = existing.is_none();
		if is_new {
			ensure!(
				PendingActions::<T>::get(id) < T::MaxPendingActions::get(),
				Error::<T>::TooManyPendingActions
			);
		}
		let mut approvals = existing.unwrap_or_default();
		ensure!(!approvals.contains(who), Error::<T>::AlreadyApproved);
		// Approvers are distinct holders, so they always fit the holders' bound.
		approvals
			.try_push(who.clone())
			.map_err(|_| Error::<T>::NotHolder)?;
		let count = approvals.len() as u32;

		if count >= unit.threshold {
			if !is_new {
				Pending::<T>::remove(id, action_hash);
				PendingActions::<T>::mutate(id, |pending| *pending = pending.saturating_sub(1));
			}
			return Ok(Some(approvals.into_inner()));
		}

		if is_new {
			PendingActions::<T>::mutate(id, |pending| *pending = pending.saturating_add(1));
		}
		Pending::<T>::insert(id, action_hash, approvals);
		Self::deposit_event(Event::ProposalApproved {
			unit: id,
			action_hash,
			approvals: count,
			threshold: unit.threshold,
			authorized_by: who.clone(),
		});
		Ok(None)
	}

	pub(crate) fn do_cancel_approval(
		who: T::AccountId,
		id: UnitId,
		action_hash: H256,
	) -> DispatchResult {
		Self::live_unit_held_by(&who, id)?;
		let mut approvals = Pending::<T>::get(id, action_hash).ok_or(Error::<T>::NotApproved)?;
		ensure!(approvals.contains(&who), Error::<T>::NotApproved);
		approvals.retain(|approver| approver != &who);
		let count = approvals.len() as u32;
		if approvals.is_empty() {
			Pending::<T>::remove(id, action_hash);
			PendingActions::<T>::mutate(id, |pending| *pending = pending.saturating_sub(1));
		} else {
			Pending::<T>::insert(id, action_hash, approvals);
		}
		Self::deposit_event(Event::ApprovalCancelled {
			unit: id,
			action_hash,
			approvals: count,
			authorized_by: who,
		});
		Ok(())
	}
}
