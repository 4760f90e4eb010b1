//! `registry_*`: collectibles and works, read at the finalized head and answered as readable
//! JSON ([`super::json`]).
//!
//! Each method wraps the runtime APIs `CollectiblesApi` and `RightsApi`, which `state_call`
//! reaches too; this layer checks the parameters, pages the answers and names what is missing.

use std::sync::Arc;

use jsonrpsee::core::RpcResult;
use polkadot_sdk::{sp_api::ProvideRuntimeApi, sp_blockchain::HeaderBackend};
use registry_runtime::{
	opaque::Block,
	pallet_collectibles::{CollectiblesApi, CollectionId, ItemId},
	pallet_rights::{RightsApi, UnitId, WorkId},
	AccountId, BlockNumber,
};

use registry_rpc_types::{
	api::RegistryApiServer, Collection, ContentMatches, Item, ItemsPage, Rights, RightsCursor,
	Unit, Work,
};

use super::{
	json::{self, address, hex_hash},
	params::{self, chain_error, not_found},
};

/// Items one page of `registry_itemsByOwner` returns unless asked for fewer.
pub const DEFAULT_PAGE: u32 = 50;
/// The most items one page returns.
pub const MAX_PAGE: u32 = 100;

/// [`RegistryApiServer`] over a client of the chain.
pub struct Registry<C> {
	client: Arc<C>,
}

impl<C> Registry<C> {
	/// Reads through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Registry<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api:
		CollectiblesApi<Block, AccountId, BlockNumber> + RightsApi<Block, AccountId, BlockNumber>,
{
	fn item(&self, collection: CollectionId, item: ItemId) -> RpcResult<Option<Item>> {
		let at = self.client.info().finalized_hash;
		let found = self
			.client
			.runtime_api()
			.item(at, collection, item)
			.map_err(chain_error)?;
		Ok(found.as_ref().map(json::item))
	}

	fn work(&self, work: WorkId) -> RpcResult<Work> {
		let at = self.client.info().finalized_hash;
		let found = self
			.client
			.runtime_api()
			.work(at, work)
			.map_err(chain_error)?;
		found
			.as_ref()
			.map(json::work)
			.ok_or_else(|| not_found(format!("no work has number {work}")))
	}
}

impl<C> RegistryApiServer for Registry<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api:
		CollectiblesApi<Block, AccountId, BlockNumber> + RightsApi<Block, AccountId, BlockNumber>,
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
				items.push(json::item(&info));
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
		let content = params::hash("content", &content)?;
		let limit = params::page_size(page_size, DEFAULT_PAGE, MAX_PAGE)?;
		let at = self.client.info().finalized_hash;
		let api = self.client.runtime_api();
		// One more than the page, to know whether another page follows.
		let keys = api
			.items_by_content(at, content, cursor, limit.saturating_add(1))
			.map_err(chain_error)?;
		let more = keys.len() > limit as usize;
		let mut collectibles = Vec::with_capacity(limit as usize);
		for (collection, item) in keys.into_iter().take(limit as usize) {
			if let Some(info) = api.item(at, collection, item).map_err(chain_error)? {
				collectibles.push(json::item(&info));
			}
		}
		let work = api
			.work_by_content(at, content)
			.map_err(chain_error)?
			.as_ref()
			.map(json::work);
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
			collectibles,
			work,
			next_cursor,
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
