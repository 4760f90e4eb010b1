//! Invariants checked after every test and by try-runtime.

use crate::pallet::{Collections, Config, Items, ItemsByContent, ItemsByOwner, Pallet, Serials};
use polkadot_sdk::frame_support::ensure;

impl<T: Config> Pallet<T> {
	/// Each item has exactly one holder, the indices match the items, and no collection holds
	/// more items than its maximum supply.
	#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		for (collection, record) in Collections::<T>::iter() {
			ensure!(
				record.minted <= record.max_supply,
				"a collection exceeds its maximum supply"
			);
			let items = Items::<T>::iter_prefix(collection).count() as u32;
			ensure!(
				items == record.minted,
				"a collection's mint count differs from its items"
			);
		}
		let mut items = 0usize;
		for (collection, item, record) in Items::<T>::iter() {
			items += 1;
			ensure!(
				Collections::<T>::contains_key(collection),
				"an item has no collection"
			);
			ensure!(
				ItemsByOwner::<T>::contains_key((record.owner.clone(), collection, item)),
				"an item's holder is missing from the owner index"
			);
			ensure!(
				ItemsByContent::<T>::contains_key((record.content, collection, item)),
				"an item is missing from the content index"
			);
			ensure!(
				Serials::<T>::get(collection, record.serial) == Some(item),
				"an item's serial does not point back to it"
			);
			// A content is registered once, or as editions of one collection.
			let holders: alloc::vec::Vec<_> =
				ItemsByContent::<T>::iter_key_prefix((record.content,)).collect();
			let editions = Collections::<T>::get(collection).map_or(1, |c| c.editions);
			ensure!(
				holders.len() == 1
					|| (editions > 1
						&& holders.len() as u32 <= editions
						&& holders.iter().all(|(c, _)| *c == collection)),
				"a content hash is registered more than once"
			);
			ensure!(
				record.edition >= 1 && record.edition <= editions,
				"an item's edition is outside its collection's editions"
			);
		}
		// Equal counts plus the membership checks above make each index a bijection, and
		// with one owner-index entry per item each item has exactly one holder.
		ensure!(
			ItemsByOwner::<T>::iter_keys().count() == items,
			"stale owner index entries"
		);
		ensure!(
			ItemsByContent::<T>::iter_keys().count() == items,
			"stale content index entries"
		);
		ensure!(
			Serials::<T>::iter_keys().count() == items,
			"stale serial entries"
		);
		Ok(())
	}
}
