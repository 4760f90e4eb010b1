//! The `Collectibles` pallet's types and reads. Its calls are
//! `runtime::tx().collectibles()`, its events `runtime::collectibles::events`; every type here
//! is generated from the chain's metadata, so the client cannot drift from the runtime.

use subxt::utils::{AccountId32, H256};

use crate::{
	runtime::{self, runtime_types::pallet_collectibles as pallet},
	Error, RegistryClient,
};

/// A collection's number.
pub type CollectionId = u32;
/// An item's number inside its collection.
pub type ItemId = u32;

pub use pallet::types::ItemState;
pub use runtime::runtime_types::registry_primitives::{
	fingerprint::{ContentCode as ChainContentCode, ContentKind as ChainContentKind, Fingerprints},
	metadata::MetadataRef,
};
impl Fingerprints {
	/// No fingerprint beside the SHA-256: what a registration by hash alone records.
	pub const NONE: Self = Self {
		sm3: None,
		content_code: None,
	};
}

/// The rules every transfer of a collection's items passes.
pub type TransferPolicy = pallet::types::TransferPolicy<u32>;
/// One item to mint.
pub type MintRequest = pallet::types::MintRequest<AccountId32>;
/// A regulator's freeze.
pub type Freeze = pallet::types::Freeze<AccountId32, u32>;
/// An item as the `CollectiblesApi` runtime API reports it.
pub type ItemInfo = pallet::queries::ItemInfo<AccountId32, u32>;
/// A collection as the `CollectiblesApi` runtime API reports it.
pub type CollectionInfo = pallet::queries::CollectionInfo<AccountId32, u32>;

/// The pallet's bounds, read from the chain's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
	/// Items in one `mint_batch`.
	pub max_batch_size: u32,
	/// Bytes of a metadata URI.
	pub max_uri_length: u32,
	/// Bytes of a catalogue number.
	pub max_catalogue_length: u32,
	/// Bytes of a collection name.
	pub max_name_length: u32,
	/// Bytes of a collection description.
	pub max_description_length: u32,
	/// Issuers of one collection, the creator included.
	pub max_issuers: u32,
}

/// An item of a collection, as [`RegistryClient::collection_items`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemKey {
	pub item: ItemId,
	pub serial: u32,
	pub content: H256,
}

impl RegistryClient {
	/// An item, read through the `CollectiblesApi` runtime API at the finalized head.
	pub async fn item(
		&self,
		collection: CollectionId,
		item: ItemId,
	) -> Result<Option<ItemInfo>, Error> {
		self.call_api(
			runtime::runtime_apis()
				.collectibles_api()
				.item(collection, item),
		)
		.await
	}

	/// A collection, read through the `CollectiblesApi` runtime API at the finalized head.
	pub async fn collection(
		&self,
		collection: CollectionId,
	) -> Result<Option<CollectionInfo>, Error> {
		self.call_api(
			runtime::runtime_apis()
				.collectibles_api()
				.collection(collection),
		)
		.await
	}

	/// A page of `owner`'s items after `start_after`, at most `limit` (the chain caps it at
	/// 1,000).
	pub async fn items_of_owner(
		&self,
		owner: &AccountId32,
		start_after: Option<(CollectionId, ItemId)>,
		limit: u32,
	) -> Result<Vec<(CollectionId, ItemId)>, Error> {
		let api = runtime::runtime_apis().collectibles_api();
		self.call_api(api.items_of_owner(owner.clone(), start_after, limit))
			.await
	}

	/// The items whose content has this SHA-256, in every collection: one per edition, read
	/// a page at a time.
	pub async fn items_by_content(
		&self,
		content: H256,
	) -> Result<Vec<(CollectionId, ItemId)>, Error> {
		const PAGE: u32 = 1000;
		let api = runtime::runtime_apis().collectibles_api();
		let mut found: Vec<(CollectionId, ItemId)> = Vec::new();
		// The chain issues a content at most `MaxEditions` times; the bound only guards
		// against a node that keeps answering full pages.
		for _ in 0..1000 {
			let start_after = found.last().copied();
			let page = self
				.call_api(api.items_by_content(content, start_after, PAGE))
				.await?;
			let full = page.len() == PAGE as usize;
			found.extend(page);
			if !full {
				break;
			}
		}
		Ok(found)
	}

	/// Every item of a collection with its serial and content hash, at the finalized head.
	///
	/// One sweep over the collection's storage, in pages: far quicker than one read per item
	/// when checking thousands of rows.
	pub async fn collection_items(&self, collection: CollectionId) -> Result<Vec<ItemKey>, Error> {
		fn failed(e: impl std::fmt::Display) -> Error {
			Error::Metadata(format!("Collectibles::Items: {e}"))
		}
		let at = self.at_head().await?;
		let mut entries = at
			.storage()
			.iter(runtime::storage().collectibles().items(), (collection,))
			.await
			.map_err(failed)?;
		let mut items = Vec::new();
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(failed)?;
			let (_, item) = entry.key().and_then(|key| key.decode()).map_err(failed)?;
			let stored = entry.value().decode().map_err(failed)?;
			items.push(ItemKey {
				item,
				serial: stored.serial,
				content: stored.content,
			});
		}
		Ok(items)
	}

	/// The `Collectibles` pallet's bounds, from the chain's metadata.
	pub async fn collectibles_limits(&self) -> Result<Limits, Error> {
		let constants = runtime::constants().collectibles();
		Ok(Limits {
			max_batch_size: self.constant(constants.max_batch_size()).await?,
			max_uri_length: self.constant(constants.max_uri_length()).await?,
			max_catalogue_length: self.constant(constants.max_catalogue_length()).await?,
			max_name_length: self.constant(constants.max_name_length()).await?,
			max_description_length: self.constant(constants.max_description_length()).await?,
			max_issuers: self.constant(constants.max_issuers()).await?,
		})
	}
}
