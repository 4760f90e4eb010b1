//! Minting items, one or a batch, all or nothing.

use crate::{
	pallet::{
		Collections, Config, EditionsMinted, Error, Event, ItemOf, Items, ItemsByContent,
		ItemsByOwner, MintRequestOf, Pallet, Serials,
	},
	CollectionId, ItemRef, ItemState,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
	sp_core::H256,
};
use registry_primitives::{
	AuditEntry, AuditKind, AuditReporter, Detail, FingerprintRegistry, MemberRoles, Subject,
};

/// How a mint announces its items.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MintEvents {
	/// [`Event::ItemMinted`] with the item's serial, content and holder.
	EachItem,
	/// One [`Event::BatchMinted`] naming the range: a batch's events stay small however many
	/// items it holds, and each item's details are in its audit record.
	OneForBatch,
}

impl<T: Config> Pallet<T> {
	/// Mints `requests` in order. The call is transactional, so an error in any request
	/// leaves nothing written.
	pub(crate) fn do_mint(
		who: T::AccountId,
		collection: CollectionId,
		requests: Vec<MintRequestOf<T>>,
		draft: bool,
		events: MintEvents,
	) -> DispatchResult {
		let mut record = Self::issuer_of(&who, collection)?;
		let first_item = record.minted;
		let count = u32::try_from(requests.len()).map_err(|_| Error::<T>::SupplyExceeded)?;
		let minted_after = record
			.minted
			.checked_add(count)
			.ok_or(Error::<T>::SupplyExceeded)?;
		ensure!(
			minted_after <= record.max_supply,
			Error::<T>::SupplyExceeded
		);

		let now = frame_system::Pallet::<T>::block_number();
		let state = if draft {
			ItemState::Draft
		} else {
			ItemState::Issued
		};
		for request in requests {
			// Holders are real-name members from the first day.
			ensure!(
				T::Members::is_active_member(&request.owner),
				Error::<T>::ReceiverNotMember
			);
			ensure!(
				!Serials::<T>::contains_key(collection, request.serial),
				Error::<T>::DuplicateSerial
			);
			let edition = Self::next_edition(collection, record.editions, request.content)?;
			T::Fingerprints::record(request.content, &request.fingerprints)?;
			// Item numbers follow the mint count, which never exceeds `MAX_SUPPLY_CAP`.
			let item = record.minted;
			record.minted = record.minted.saturating_add(1);
			Serials::<T>::insert(collection, request.serial, item);
			ItemsByContent::<T>::insert((request.content, collection, item), ());
			ItemsByOwner::<T>::insert((request.owner.clone(), collection, item), ());
			Items::<T>::insert(
				collection,
				item,
				ItemOf::<T> {
					content: request.content,
					metadata: request.metadata,
					metadata_version: 0,
					serial: request.serial,
					edition,
					creator: request.creator,
					catalogue_number: request.catalogue_number,
					owner: request.owner.clone(),
					minted_at: now,
					held_since: now,
					state,
					frozen: None,
				},
			);
			T::Audit::report(
				AuditEntry::new(
					AuditKind::Minted,
					Subject::Item(collection, item),
					who.clone(),
				)
				.to(request.owner.clone())
				.detail(Detail::Content {
					sha256: request.content,
				}),
			);
			if events == MintEvents::EachItem {
				Self::deposit_event(Event::ItemMinted {
					collection,
					item,
					serial: request.serial,
					content: request.content,
					owner: request.owner,
					authorized_by: who.clone(),
				});
			}
		}
		if events == MintEvents::OneForBatch {
			Self::deposit_event(Event::BatchMinted {
				collection,
				first_item,
				count,
				authorized_by: who,
			});
		}
		Collections::<T>::insert(collection, record);
		Ok(())
	}

	/// The edition number an item of `content` gets in `collection`. A content hash is
	/// registered once on the whole chain: a second item of it is refused, naming the first,
	/// unless both are editions in a collection declared for `editions` of them.
	fn next_edition(
		collection: CollectionId,
		editions: u32,
		content: H256,
	) -> Result<u32, DispatchError> {
		let Some((first_collection, first_item)) =
			ItemsByContent::<T>::iter_key_prefix((content,)).next()
		else {
			if editions > 1 {
				EditionsMinted::<T>::insert(content, 1);
			}
			return Ok(1);
		};
		ensure!(
			first_collection == collection && editions > 1,
			Error::<T>::ContentAlreadyMinted {
				item: ItemRef::from(first_item),
			}
		);
		let minted = EditionsMinted::<T>::get(content);
		ensure!(minted < editions, Error::<T>::EditionsExhausted);
		let edition = minted.saturating_add(1);
		EditionsMinted::<T>::insert(content, edition);
		Ok(edition)
	}
}
