//! Gifts between members, under the collection's transfer policy.

use crate::{
	pallet::{Collections, Config, Error, Event, Items, ItemsByOwner, Pallet, TransferWindows},
	CollectionId, ItemId, ItemState, TransferWindow,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::traits::Saturating,
};
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, MemberRoles, Subject};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_transfer(
		who: T::AccountId,
		collection: CollectionId,
		item: ItemId,
		to: T::AccountId,
	) -> DispatchResult {
		let policy = Collections::<T>::get(collection)
			.ok_or(Error::<T>::UnknownCollection)?
			.policy;
		let mut record = Self::item(collection, item)?;
		ensure!(record.owner == who, Error::<T>::NotOwner);
		Self::ensure_live(&record)?;
		ensure!(
			record.state != ItemState::Draft,
			Error::<T>::DraftNotTransferable
		);
		ensure!(policy.transferable, Error::<T>::NotTransferable);
		ensure!(to != who, Error::<T>::SelfTransfer);
		ensure!(
			T::Members::is_active_member(&to),
			Error::<T>::ReceiverNotMember
		);

		let now = frame_system::Pallet::<T>::block_number();
		// Held for `min_holding_blocks` full blocks: received at block b, giftable from
		// block b + min_holding_blocks on.
		let free_from = record.held_since.saturating_add(policy.min_holding_blocks);
		ensure!(now >= free_from, Error::<T>::HoldingPeriod);

		if policy.max_transfers_per_window > 0 {
			let mut window = TransferWindows::<T>::get(collection, item);
			if now >= window.start.saturating_add(policy.window_blocks) || window.count == 0 {
				window = TransferWindow {
					start: now,
					count: 0,
				};
			}
			ensure!(
				window.count < policy.max_transfers_per_window,
				Error::<T>::TransferCapReached
			);
			window.count = window.count.saturating_add(1);
			TransferWindows::<T>::insert(collection, item, window);
		}

		ItemsByOwner::<T>::remove((who.clone(), collection, item));
		ItemsByOwner::<T>::insert((to.clone(), collection, item), ());
		record.owner = to.clone();
		record.held_since = now;
		Items::<T>::insert(collection, item, record);
		T::Audit::report(
			AuditEntry::new(
				AuditKind::Transferred,
				Subject::Item(collection, item),
				who.clone(),
			)
			.from(who.clone())
			.to(to.clone()),
		);
		Self::deposit_event(Event::Transferred {
			collection,
			item,
			from: who.clone(),
			to,
			authorized_by: who,
		});
		Ok(())
	}

	/// The first block from which the holder of `item` may give it away, for messages that
	/// tell a person when to come back.
	pub fn holding_period_ends(
		collection: CollectionId,
		item: ItemId,
	) -> Option<BlockNumberFor<T>> {
		let policy = Collections::<T>::get(collection)?.policy;
		let record = Items::<T>::get(collection, item)?;
		Some(record.held_since.saturating_add(policy.min_holding_blocks))
	}
}
