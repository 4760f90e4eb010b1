//! Typed calls and reads of the `Collectibles` pallet.
//!
//! The types mirror the runtime's; subxt checks them against the chain's metadata when a
//! call is signed or a result decoded, so a mismatch is an error, never a wrong record.

use subxt::{
	ext::{
		scale_decode::{self, DecodeAsType},
		scale_encode::{self, EncodeAsType},
	},
	transactions::DynamicPayload,
	utils::{AccountId32, H256},
};

use crate::{Error, RegistryClient};

/// A collection's number.
pub type CollectionId = u32;
/// An item's number inside its collection.
pub type ItemId = u32;

/// A metadata document: where it lives and the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct MetadataRef {
	/// The document's URI.
	pub uri: Vec<u8>,
	/// SHA-256 of the document's bytes.
	pub sha256: H256,
}

/// The rules every transfer of a collection's items passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct TransferPolicy {
	/// Whether items may be given away at all.
	pub transferable: bool,
	/// Blocks a holder keeps an item before gifting it on.
	pub min_holding_blocks: u32,
	/// Transfers of one item per window; zero for no cap.
	pub max_transfers_per_window: u32,
	/// The window's length in blocks.
	pub window_blocks: u32,
}

/// One item to mint.
#[derive(Debug, Clone, PartialEq, Eq, EncodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
pub struct MintRequest {
	/// SHA-256 of the content's bytes.
	pub content: H256,
	/// The item's metadata document.
	pub metadata: MetadataRef,
	/// Edition or serial number, unique in the collection.
	pub serial: u32,
	/// The content's creator.
	pub creator: AccountId32,
	/// Catalogue number of the physical object, if any.
	pub catalogue_number: Option<Vec<u8>>,
	/// The first holder, an active member.
	pub owner: AccountId32,
}

/// An item's place in its life.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub enum ItemState {
	/// Metadata may be corrected in place.
	Draft,
	/// Metadata is fixed; corrections are new versions.
	Issued,
	/// Burned; the record stays.
	Retired {
		/// The reason code.
		reason: u16,
	},
}

/// A regulator's freeze.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct Freeze {
	/// The regulator.
	pub by: AccountId32,
	/// The reason code.
	pub reason: u16,
	/// SHA-256 of the evidence.
	pub evidence: H256,
	/// The block.
	pub at: u32,
}

/// An item as the chain reports it.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct ItemInfo {
	pub collection: CollectionId,
	pub item: ItemId,
	pub content: H256,
	pub metadata_uri: Vec<u8>,
	pub metadata_sha256: H256,
	pub metadata_version: u32,
	pub serial: u32,
	/// Which edition of its content, k of its collection's editions.
	pub edition: u32,
	pub creator: AccountId32,
	pub catalogue_number: Option<Vec<u8>>,
	pub owner: AccountId32,
	pub minted_at: u32,
	pub held_since: u32,
	/// The first block the holder may give it away in.
	pub transferable_from: u32,
	pub state: ItemState,
	pub frozen: Option<Freeze>,
}

/// `Collectibles::create_collection`. `editions` is 1 for unique items, N for limited
/// editions where one content may be minted as up to N numbered items.
#[allow(clippy::too_many_arguments)]
pub fn create_collection(
	name: &str,
	description: &str,
	metadata: MetadataRef,
	max_supply: u32,
	editions: u32,
	policy: TransferPolicy,
	co_issuers: Vec<AccountId32>,
	custodian: Option<AccountId32>,
) -> DynamicPayload<(
	Vec<u8>,
	Vec<u8>,
	MetadataRef,
	u32,
	u32,
	TransferPolicy,
	Vec<AccountId32>,
	Option<AccountId32>,
)> {
	subxt::dynamic::transaction(
		"Collectibles",
		"create_collection",
		(
			name.as_bytes().to_vec(),
			description.as_bytes().to_vec(),
			metadata,
			max_supply,
			editions,
			policy,
			co_issuers,
			custodian,
		),
	)
}

/// `Collectibles::mint_batch`: all the requests, or none.
pub fn mint_batch(
	collection: CollectionId,
	requests: Vec<MintRequest>,
	draft: bool,
) -> DynamicPayload<(CollectionId, Vec<MintRequest>, bool)> {
	subxt::dynamic::transaction("Collectibles", "mint_batch", (collection, requests, draft))
}

/// `Collectibles::transfer`: a gift to another member.
pub fn transfer(
	collection: CollectionId,
	item: ItemId,
	to: AccountId32,
) -> DynamicPayload<(CollectionId, ItemId, AccountId32)> {
	subxt::dynamic::transaction("Collectibles", "transfer", (collection, item, to))
}

impl RegistryClient {
	/// An item, read through the `CollectiblesApi` runtime API at the finalized head.
	pub async fn item(
		&self,
		collection: CollectionId,
		item: ItemId,
	) -> Result<Option<ItemInfo>, Error> {
		self.runtime_api("CollectiblesApi", "item", (collection, item))
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
		self.runtime_api(
			"CollectiblesApi",
			"items_of_owner",
			(owner.clone(), start_after, limit),
		)
		.await
	}

	/// The items whose content has this SHA-256, in every collection: one per edition, read
	/// a page at a time.
	pub async fn items_by_content(
		&self,
		content: H256,
	) -> Result<Vec<(CollectionId, ItemId)>, Error> {
		const PAGE: u32 = 1000;
		let mut found: Vec<(CollectionId, ItemId)> = Vec::new();
		// The chain issues a content at most `MaxEditions` times; the bound only guards
		// against a node that keeps answering full pages.
		for _ in 0..1000 {
			let start_after = found.last().copied();
			let page: Vec<(CollectionId, ItemId)> = self
				.runtime_api(
					"CollectiblesApi",
					"items_by_content",
					(content, start_after, PAGE),
				)
				.await?;
			let full = page.len() == PAGE as usize;
			found.extend(page);
			if !full {
				break;
			}
		}
		Ok(found)
	}
}
