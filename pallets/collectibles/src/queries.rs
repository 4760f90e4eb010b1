//! Read-only views behind the runtime API: readable records and paginated listings.

use crate::{
	pallet::{Collections, Config, Items, ItemsByContent, ItemsByOwner, Pallet},
	CollectionId, Freeze, ItemId, ItemState, TransferPolicy,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{frame_system::pallet_prelude::BlockNumberFor, sp_core::H256};
use scale_info::TypeInfo;

/// The most entries one page of a listing returns.
pub const MAX_PAGE: u32 = 1000;

/// An item as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ItemInfo<AccountId, BlockNumber> {
	pub collection: CollectionId,
	pub item: ItemId,
	pub content: H256,
	pub metadata_uri: Vec<u8>,
	pub metadata_sha256: H256,
	pub metadata_version: u32,
	pub serial: u32,
	/// Which edition of its content, k of the collection's `editions`.
	pub edition: u32,
	pub creator: AccountId,
	pub catalogue_number: Option<Vec<u8>>,
	pub owner: AccountId,
	pub minted_at: BlockNumber,
	pub held_since: BlockNumber,
	/// The first block the holder may give it away in, under the collection's policy.
	pub transferable_from: BlockNumber,
	pub state: ItemState,
	pub frozen: Option<Freeze<AccountId, BlockNumber>>,
}

/// A collection as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CollectionInfo<AccountId, BlockNumber> {
	pub collection: CollectionId,
	pub issuers: Vec<AccountId>,
	pub name: Vec<u8>,
	pub description: Vec<u8>,
	pub metadata_uri: Vec<u8>,
	pub metadata_sha256: H256,
	pub max_supply: u32,
	pub minted: u32,
	/// Editions one content may be issued as; 1 for unique items.
	pub editions: u32,
	pub policy: TransferPolicy<BlockNumber>,
	pub custodian: Option<AccountId>,
	pub created_at: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// One item, readable.
	pub fn item_info(
		collection: CollectionId,
		item: ItemId,
	) -> Option<ItemInfo<T::AccountId, BlockNumberFor<T>>> {
		let record = Items::<T>::get(collection, item)?;
		let transferable_from = Self::holding_period_ends(collection, item)?;
		Some(ItemInfo {
			collection,
			item,
			content: record.content,
			metadata_uri: record.metadata.uri.into_inner(),
			metadata_sha256: record.metadata.sha256,
			metadata_version: record.metadata_version,
			serial: record.serial,
			edition: record.edition,
			creator: record.creator,
			catalogue_number: record.catalogue_number.map(|c| c.into_inner()),
			owner: record.owner,
			minted_at: record.minted_at,
			held_since: record.held_since,
			transferable_from,
			state: record.state,
			frozen: record.frozen,
		})
	}

	/// One collection, readable.
	pub fn collection_info(
		collection: CollectionId,
	) -> Option<CollectionInfo<T::AccountId, BlockNumberFor<T>>> {
		let record = Collections::<T>::get(collection)?;
		Some(CollectionInfo {
			collection,
			issuers: record.issuers.into_inner(),
			name: record.name.into_inner(),
			description: record.description.into_inner(),
			metadata_uri: record.metadata.uri.into_inner(),
			metadata_sha256: record.metadata.sha256,
			max_supply: record.max_supply,
			minted: record.minted,
			editions: record.editions,
			policy: record.policy,
			custodian: record.custodian,
			created_at: record.created_at,
		})
	}

	/// A page of `owner`'s items, after `start_after` (exclusive), at most `limit` (capped
	/// at [`MAX_PAGE`]). A page costs the same however many items the owner holds.
	pub fn items_of_owner(
		owner: T::AccountId,
		start_after: Option<(CollectionId, ItemId)>,
		limit: u32,
	) -> Vec<(CollectionId, ItemId)> {
		let limit = limit.min(MAX_PAGE) as usize;
		match start_after {
			Some((collection, item)) => {
				let from = ItemsByOwner::<T>::hashed_key_for((owner.clone(), collection, item));
				ItemsByOwner::<T>::iter_key_prefix_from((owner,), from)
					.take(limit)
					.collect()
			}
			None => ItemsByOwner::<T>::iter_key_prefix((owner,))
				.take(limit)
				.collect(),
		}
	}

	/// A page of the items, in any collection, whose content has this SHA-256 (one per
	/// edition), after `start_after` (exclusive), at most `limit` (capped at [`MAX_PAGE`]).
	pub fn items_by_content(
		content: H256,
		start_after: Option<(CollectionId, ItemId)>,
		limit: u32,
	) -> Vec<(CollectionId, ItemId)> {
		let limit = limit.min(MAX_PAGE) as usize;
		match start_after {
			Some((collection, item)) => {
				let from = ItemsByContent::<T>::hashed_key_for((content, collection, item));
				ItemsByContent::<T>::iter_key_prefix_from((content,), from)
					.take(limit)
					.collect()
			}
			None => ItemsByContent::<T>::iter_key_prefix((content,))
				.take(limit)
				.collect(),
		}
	}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads collectibles: an item, a collection, an owner's items and a content hash's items.
	pub trait CollectiblesApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// One item.
		fn item(collection: CollectionId, item: ItemId) -> Option<ItemInfo<AccountId, BlockNumber>>;
		/// One collection.
		fn collection(collection: CollectionId) -> Option<CollectionInfo<AccountId, BlockNumber>>;
		/// A page of an owner's items, after `start_after`, at most `limit` (up to 1,000).
		fn items_of_owner(
			owner: AccountId,
			start_after: Option<(CollectionId, ItemId)>,
			limit: u32,
		) -> Vec<(CollectionId, ItemId)>;
		/// A page of the items whose content has this SHA-256, after `start_after`, at most
		/// `limit` (up to 1,000).
		fn items_by_content(
			content: H256,
			start_after: Option<(CollectionId, ItemId)>,
			limit: u32,
		) -> Vec<(CollectionId, ItemId)>;
	}
}
