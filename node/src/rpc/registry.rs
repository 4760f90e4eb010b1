//! `registry_*`: collectibles and works, read at the finalized head and answered as readable
//! JSON ([`super::json`]).
//!
//! Each method wraps the runtime APIs `CollectiblesApi` and `RightsApi`, which `state_call`
//! reaches too; this layer checks the parameters, pages the answers and names what is missing.

use std::sync::Arc;

use jsonrpsee::core::RpcResult;
use polkadot_sdk::sp_core::H256;
use polkadot_sdk::{
	sp_api::{ApiExt, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_runtime::traits::Block as BlockT,
};
use registry_runtime::{
	opaque::Block,
	pallet_collectibles::{CollectiblesApi, CollectionId, ItemId, ItemInfo},
	pallet_fingerprints::FingerprintsApi,
	pallet_rights::{RightsApi, UnitId, WorkId},
	AccountId, BlockNumber,
};

use registry_rpc_types::{
	api::RegistryApiServer, iscc, Collection, ContentMatches, Item, ItemsPage, Rights,
	RightsCursor, SimilarContent, SimilarItem, SimilarMatches, SimilarWork, Unit, Work,
	SIMILAR_ITEMS,
};

use crate::similar::SharedSimilar;

use super::{
	json::{self, address, hex_hash},
	params::{self, chain_error, not_found},
};

/// Items one page of `registry_itemsByOwner` returns unless asked for fewer.
pub const DEFAULT_PAGE: u32 = 50;
/// The most items one page returns.
pub const MAX_PAGE: u32 = 100;

/// `registry_findSimilar`'s distance unless asked for another.
pub const DEFAULT_DISTANCE: u32 = 8;
/// Contents one page of `registry_findSimilar` returns unless asked for fewer.
pub const DEFAULT_SIMILAR_PAGE: u32 = 20;

/// [`RegistryApiServer`] over a client of the chain.
pub struct Registry<C> {
	client: Arc<C>,
	similar: SharedSimilar,
}

impl<C> Registry<C> {
	/// Reads through `client`, and searches codes in `similar`.
	pub fn new(client: Arc<C>, similar: SharedSimilar) -> Self {
		Self { client, similar }
	}
}

impl<C> Registry<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CollectiblesApi<Block, AccountId, BlockNumber>
		+ RightsApi<Block, AccountId, BlockNumber>
		+ FingerprintsApi<Block>,
{
	fn item(&self, collection: CollectionId, item: ItemId) -> RpcResult<Option<Item>> {
		let at = self.client.info().finalized_hash;
		let found = self
			.client
			.runtime_api()
			.item(at, collection, item)
			.map_err(chain_error)?;
		found
			.as_ref()
			.map(|info| self.fingerprinted(at, info))
			.transpose()
	}

	/// `info` as JSON, with its content's SM3 digest and content code.
	fn fingerprinted(
		&self,
		at: <Block as BlockT>::Hash,
		info: &ItemInfo<AccountId, BlockNumber>,
	) -> RpcResult<Item> {
		let mut item = json::item(info);
		(item.content_sm3, item.content_code) = self.fingerprints(at, info.content)?;
		Ok(item)
	}

	/// The SM3 digest and content code of `content`, as text.
	fn fingerprints(
		&self,
		at: <Block as BlockT>::Hash,
		content: H256,
	) -> RpcResult<(Option<String>, Option<String>)> {
		let api = self.client.runtime_api();
		// A runtime from before fingerprints has none to give.
		if !api
			.has_api::<dyn FingerprintsApi<Block>>(at)
			.map_err(chain_error)?
		{
			return Ok((None, None));
		}
		let fingerprints = api.fingerprints(at, content).map_err(chain_error)?;
		Ok(json::fingerprints(&fingerprints))
	}

	/// The SHA-256 of the content `text` names: a SHA-256, or an SM3 digest as `sm3:0x…`.
	fn content_named(&self, at: <Block as BlockT>::Hash, text: &str) -> RpcResult<H256> {
		let Some(sm3) = text.trim().strip_prefix("sm3:") else {
			return params::hash("content", text);
		};
		let sm3 = params::hash("content", sm3)?;
		let api = self.client.runtime_api();
		let known = if api
			.has_api::<dyn FingerprintsApi<Block>>(at)
			.map_err(chain_error)?
		{
			api.content_of_sm3(at, sm3).map_err(chain_error)?
		} else {
			None
		};
		known.ok_or_else(|| {
			not_found(format!(
				"no collectible and no work has SM3 digest {}",
				hex_hash(&sm3)
			))
		})
	}

	fn work(&self, work: WorkId) -> RpcResult<Work> {
		let at = self.client.info().finalized_hash;
		let found = self
			.client
			.runtime_api()
			.work(at, work)
			.map_err(chain_error)?;
		let view = found.ok_or_else(|| not_found(format!("no work has number {work}")))?;
		let mut work = json::work(&view);
		(work.content_sm3, work.content_code) = self.fingerprints(at, view.content)?;
		Ok(work)
	}
}

impl<C> RegistryApiServer for Registry<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CollectiblesApi<Block, AccountId, BlockNumber>
		+ RightsApi<Block, AccountId, BlockNumber>
		+ FingerprintsApi<Block>,
{
	fn get_item(&self, collection: CollectionId, item: ItemId) -> RpcResult<Item> {
		self.item(collection, item)?
			.ok_or_else(|| not_found(format!("collection {collection} has no item {item}")))
	}

	fn get_collection(&self, collection: CollectionId) -> RpcResult<Collection> {
		let at = self.client.info().finalized_hash;
		let found = self
			.client
			.runtime_api()
			.collection(at, collection)
			.map_err(chain_error)?;
		found
			.as_ref()
			.map(json::collection)
			.ok_or_else(|| not_found(format!("no collection has number {collection}")))
	}

	fn items_by_owner(
		&self,
		owner: String,
		page_size: Option<u32>,
		cursor: Option<(CollectionId, ItemId)>,
	) -> RpcResult<ItemsPage> {
		let owner = params::account("owner", &owner)?;
		let limit = params::page_size(page_size, DEFAULT_PAGE, MAX_PAGE)?;
		let at = self.client.info().finalized_hash;
		let api = self.client.runtime_api();
		// One more than the page, to know whether another page follows.
		let keys = api
			.items_of_owner(at, owner.clone(), cursor, limit.saturating_add(1))
			.map_err(chain_error)?;
		let more = keys.len() > limit as usize;
		let mut items = Vec::with_capacity(limit as usize);
		for (collection, item) in keys.into_iter().take(limit as usize) {
			if let Some(info) = api.item(at, collection, item).map_err(chain_error)? {
				items.push(self.fingerprinted(at, &info)?);
			}
		}
		let next_cursor = more
			.then(|| items.last().map(|last| (last.collection, last.item)))
			.flatten();
		Ok(ItemsPage {
			owner: address(&owner),
			items,
			next_cursor,
		})
	}

	fn find_by_content_hash_page(
		&self,
		content: String,
		page_size: Option<u32>,
		cursor: Option<(CollectionId, ItemId)>,
	) -> RpcResult<ContentMatches> {
		let at = self.client.info().finalized_hash;
		let content = self.content_named(at, &content)?;
		let limit = params::page_size(page_size, DEFAULT_PAGE, MAX_PAGE)?;
		let (content_sm3, content_code) = self.fingerprints(at, content)?;
		let api = self.client.runtime_api();
		// One more than the page, to know whether another page follows.
		let keys = api
			.items_by_content(at, content, cursor, limit.saturating_add(1))
			.map_err(chain_error)?;
		let more = keys.len() > limit as usize;
		let mut collectibles = Vec::with_capacity(limit as usize);
		for (collection, item) in keys.into_iter().take(limit as usize) {
			if let Some(info) = api.item(at, collection, item).map_err(chain_error)? {
				let mut item = json::item(&info);
				(item.content_sm3, item.content_code) = (content_sm3.clone(), content_code.clone());
				collectibles.push(item);
			}
		}
		let work = api
			.work_by_content(at, content)
			.map_err(chain_error)?
			.as_ref()
			.map(|view| Work {
				content_sm3: content_sm3.clone(),
				content_code: content_code.clone(),
				..json::work(view)
			});
		if collectibles.is_empty() && work.is_none() && cursor.is_none() {
			return Err(not_found(format!(
				"no collectible and no work has content {}",
				hex_hash(&content)
			)));
		}
		let next_cursor = more
			.then(|| collectibles.last().map(|last| (last.collection, last.item)))
			.flatten();
		Ok(ContentMatches {
			content_sha256: hex_hash(&content),
			content_sm3,
			collectibles,
			work,
			next_cursor,
		})
	}

	fn find_similar(
		&self,
		code: String,
		max_distance: Option<u32>,
		page_size: Option<u32>,
	) -> RpcResult<SimilarMatches> {
		let (kind, bits) = iscc::decode(&code).map_err(params::invalid)?;
		let max_distance = max_distance.unwrap_or(DEFAULT_DISTANCE);
		if max_distance > registry_similar::MAX_DISTANCE {
			return Err(params::invalid(format!(
				"`maxDistance` {max_distance} is over the bound of {}: 64-bit codes further \
				 apart come from unrelated content",
				registry_similar::MAX_DISTANCE
			)));
		}
		let limit = params::page_size(page_size, DEFAULT_SIMILAR_PAGE, MAX_PAGE)? as usize;
		let (found, indexed_codes, indexed_at_block) = {
			let similar = self
				.similar
				.read()
				.map_err(|_| chain_error("the near-duplicate index is unusable"))?;
			(
				similar
					.index
					.find(kind, bits, max_distance, limit.saturating_add(1)),
				similar.read,
				similar.at_block,
			)
		};
		let more = found.len() > limit;
		let at = self.client.info().finalized_hash;
		let api = self.client.runtime_api();
		let mut matches = Vec::with_capacity(found.len().min(limit));
		for found in found.into_iter().take(limit) {
			let content = H256(found.content);
			let keys = api
				.items_by_content(at, content, None, SIMILAR_ITEMS as u32)
				.map_err(chain_error)?;
			let mut collectibles = Vec::with_capacity(keys.len());
			for (collection, item) in keys {
				if let Some(info) = api.item(at, collection, item).map_err(chain_error)? {
					let item = json::item(&info);
					collectibles.push(SimilarItem {
						collection,
						item: info.item,
						owner: item.owner,
						creator: item.creator,
						minted_at_block: item.minted_at_block,
						state: item.state,
					});
				}
			}
			let work = api
				.work_by_content(at, content)
				.map_err(chain_error)?
				.map(|view| SimilarWork {
					work: view.work,
					title: json::text(&view.title),
					registrant: address(&view.registrant),
					authors: view.authors.iter().map(address).collect(),
					registered_at_block: view.registered_at,
				});
			matches.push(SimilarContent {
				distance: found.distance,
				content_sha256: hex_hash(&content),
				content_code: iscc::encode(kind, found.code),
				collectibles,
				work,
			});
		}
		Ok(SimilarMatches {
			code: iscc::encode(kind, bits),
			max_distance,
			matches,
			more,
			indexed_codes,
			indexed_at_block,
		})
	}

	fn get_work(&self, work: WorkId) -> RpcResult<Work> {
		self.work(work)
	}

	fn rights_page(
		&self,
		work: WorkId,
		at_block: Option<BlockNumber>,
		page_size: Option<u32>,
		cursor: Option<RightsCursor>,
	) -> RpcResult<Rights> {
		let limit = params::page_size(page_size, DEFAULT_PAGE, MAX_PAGE)?;
		let info = self.client.info();
		let finalized = info.finalized_number;
		if let Some(at_block) = at_block.filter(|at_block| *at_block > finalized) {
			return Err(params::invalid(format!(
				"block {at_block} is not finalized yet; the finalized head is block {finalized}"
			)));
		}
		let api = self.client.runtime_api();
		let missing = || not_found(format!("no work has number {work}"));
		let view = api
			.work(info.finalized_hash, work)
			.map_err(chain_error)?
			.ok_or_else(missing)?;
		if let Some(at_block) = at_block.filter(|at_block| *at_block < view.registered_at) {
			return Err(params::invalid(format!(
				"work {work} was registered at block {}; at block {at_block} it did not exist yet",
				view.registered_at
			)));
		}
		let page = api
			.rights_page(
				info.finalized_hash,
				work,
				at_block,
				cursor.map(json::chain_rights_cursor),
				limit,
			)
			.map_err(chain_error)?
			.ok_or_else(missing)?;
		Ok(json::rights_map(
			&view,
			&page,
			at_block.unwrap_or(finalized),
		))
	}

	fn chain_of_title(&self, unit: UnitId) -> RpcResult<Vec<Unit>> {
		let at = self.client.info().finalized_hash;
		let chain = self
			.client
			.runtime_api()
			.chain_of_title(at, unit)
			.map_err(chain_error)?;
		if chain.is_empty() {
			return Err(not_found(format!("no unit has number {unit}")));
		}
		Ok(chain.iter().map(json::unit).collect())
	}
}
