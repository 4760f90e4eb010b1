//! The rest of the `Collectibles` pallet beside [`crate::collectibles`]: a single mint, an
//! item's life after minting (metadata, issue, freeze, unfreeze, retire), collection reads and
//! the pallet's limits from the chain's metadata.

use subxt::{
	ext::scale_decode::{self, DecodeAsType},
	transactions::DynamicPayload,
	utils::{AccountId32, H256},
};

use crate::{
	collectibles::{CollectionId, ItemId, MetadataRef, MintRequest},
	Error, RegistryClient,
};

/// A collection as the chain reports it.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct CollectionInfo {
	pub collection: CollectionId,
	/// The creator first, then the co-issuers.
	pub issuers: Vec<AccountId32>,
	pub name: Vec<u8>,
	pub description: Vec<u8>,
	pub metadata_uri: Vec<u8>,
	pub metadata_sha256: H256,
	pub max_supply: u32,
	/// Items minted so far, retired ones included.
	pub minted: u32,
	/// Editions one content may be minted as; 1 for unique items.
	pub editions: u32,
	pub policy: crate::collectibles::TransferPolicy,
	pub custodian: Option<AccountId32>,
	pub created_at: u32,
}

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

/// `Collectibles::mint`: one item.
pub fn mint(
	collection: CollectionId,
	request: MintRequest,
	draft: bool,
) -> DynamicPayload<(CollectionId, MintRequest, bool)> {
	subxt::dynamic::transaction("Collectibles", "mint", (collection, request, draft))
}

/// `Collectibles::set_metadata`: in place for a draft, a new version once issued.
pub fn set_metadata(
	collection: CollectionId,
	item: ItemId,
	metadata: MetadataRef,
) -> DynamicPayload<(CollectionId, ItemId, MetadataRef)> {
	subxt::dynamic::transaction("Collectibles", "set_metadata", (collection, item, metadata))
}

/// `Collectibles::issue`: fixes a draft's metadata.
pub fn issue(collection: CollectionId, item: ItemId) -> DynamicPayload<(CollectionId, ItemId)> {
	subxt::dynamic::transaction("Collectibles", "issue", (collection, item))
}

/// `Collectibles::freeze`, by a regulator, with a reason code and the evidence's SHA-256.
pub fn freeze(
	collection: CollectionId,
	item: ItemId,
	reason: u16,
	evidence: H256,
) -> DynamicPayload<(CollectionId, ItemId, u16, H256)> {
	subxt::dynamic::transaction(
		"Collectibles",
		"freeze",
		(collection, item, reason, evidence),
	)
}

/// `Collectibles::unfreeze`, by a regulator, with a reason code and the evidence's SHA-256.
pub fn unfreeze(
	collection: CollectionId,
	item: ItemId,
	reason: u16,
	evidence: H256,
) -> DynamicPayload<(CollectionId, ItemId, u16, H256)> {
	subxt::dynamic::transaction(
		"Collectibles",
		"unfreeze",
		(collection, item, reason, evidence),
	)
}

/// `Collectibles::retire`, by the holder or an issuer, with a reason code.
pub fn retire(
	collection: CollectionId,
	item: ItemId,
	reason: u16,
) -> DynamicPayload<(CollectionId, ItemId, u16)> {
	subxt::dynamic::transaction("Collectibles", "retire", (collection, item, reason))
}

/// The parts of a stored item that identify it: what an import compares its rows with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
struct StoredItem {
	content: H256,
	serial: u32,
}

/// An item of a collection, as [`RegistryClient::collection_items`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemKey {
	pub item: ItemId,
	pub serial: u32,
	pub content: H256,
}

impl RegistryClient {
	/// A collection, read through the `CollectiblesApi` runtime API at the finalized head.
	pub async fn collection(
		&self,
		collection: CollectionId,
	) -> Result<Option<CollectionInfo>, Error> {
		self.runtime_api("CollectiblesApi", "collection", (collection,))
			.await
	}

	/// Every item of a collection with its serial and content hash, at the finalized head.
	///
	/// One sweep over the collection's storage, in pages: far quicker than one read per item
	/// when checking thousands of rows.
	pub async fn collection_items(&self, collection: CollectionId) -> Result<Vec<ItemKey>, Error> {
		let at = self
			.api()
			.at_current_block()
			.await
			.map_err(subxt::Error::from)?;
		let address =
			subxt::dynamic::storage::<(CollectionId, ItemId), StoredItem>("Collectibles", "Items");
		let mut entries = at
			.storage()
			.iter(address, (collection,))
			.await
			.map_err(|e| Error::Metadata(format!("Collectibles::Items: {e}")))?;
		let mut items = Vec::new();
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(|e| Error::Metadata(format!("Collectibles::Items: {e}")))?;
			let (_, item) = entry
				.key()
				.and_then(|key| key.decode())
				.map_err(|e| Error::Metadata(format!("Collectibles::Items key: {e}")))?;
			let stored = entry
				.value()
				.decode_as::<StoredItem>()
				.map_err(|e| Error::Metadata(format!("Collectibles::Items value: {e}")))?;
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
		Ok(Limits {
			max_batch_size: self.constant("Collectibles", "MaxBatchSize").await?,
			max_uri_length: self.constant("Collectibles", "MaxUriLength").await?,
			max_catalogue_length: self.constant("Collectibles", "MaxCatalogueLength").await?,
			max_name_length: self.constant("Collectibles", "MaxNameLength").await?,
			max_description_length: self
				.constant("Collectibles", "MaxDescriptionLength")
				.await?,
			max_issuers: self.constant("Collectibles", "MaxIssuers").await?,
		})
	}

	/// A constant of the runtime, e.g. `("Collectibles", "MaxBatchSize")`.
	pub async fn constant<V: DecodeAsType>(&self, pallet: &str, name: &str) -> Result<V, Error> {
		let at = self
			.api()
			.at_current_block()
			.await
			.map_err(subxt::Error::from)?;
		at.constants()
			.entry(subxt::dynamic::constant::<V>(pallet, name))
			.map_err(|e| Error::Metadata(format!("{pallet}::{name}: {e}")))
	}
}
