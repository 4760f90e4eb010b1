//! The node's `registry_*` and `audit_*` methods, said once: jsonrpsee makes the node's server
//! traits (`RegistryApiServer`, `AuditRpcServer`) and the client's calls (`RegistryApiClient`,
//! `AuditRpcClient`, on any jsonrpsee client) from these two traits.

use jsonrpsee::{core::RpcResult, proc_macros::rpc};

use crate::{
	AlertsPage, AuditExport, AuditHead, Collection, ContentMatches, HistoryPage, Item, ItemsPage,
	Rights, RightsCursor, SimilarMatches, Unit, Work,
};

/// The JSON-RPC error code of bad parameters.
pub const INVALID_PARAMS: i32 = -32602;
/// The JSON-RPC error code of parameters that name nothing on the chain.
pub const NOT_FOUND: i32 = 1000;
/// The JSON-RPC error code of a runtime API the node could not call.
pub const CHAIN_ERROR: i32 = 1001;

/// The registry's read methods, answered at the finalized head.
#[rpc(client, server)]
pub trait RegistryApi {
	/// One collectible.
	#[method(name = "registry_getItem")]
	fn get_item(&self, collection: u32, item: u32) -> RpcResult<Item>;

	/// One collection.
	#[method(name = "registry_getCollection")]
	fn get_collection(&self, collection: u32) -> RpcResult<Collection>;

	/// A page of the items `owner` (SS58) holds, after `cursor` (`[collection, item]`), at
	/// most `pageSize` (1 to 100, default 50).
	#[method(name = "registry_itemsByOwner")]
	fn items_by_owner(
		&self,
		owner: String,
		page_size: Option<u32>,
		cursor: Option<(u32, u32)>,
	) -> RpcResult<ItemsPage>;

	/// The collectibles and the work whose content has this SHA-256 (`0x` and 64 hex digits)
	/// or this SM3 digest (`sm3:0x` and 64 hex digits): a page of collectibles after `cursor` (`[collection, item]`), at most `pageSize` (1 to
	/// 100, default 50), and the work.
	#[method(name = "registry_findByContentHash")]
	fn find_by_content_hash_page(
		&self,
		content: String,
		page_size: Option<u32>,
		cursor: Option<(u32, u32)>,
	) -> RpcResult<ContentMatches>;

	/// The registered contents whose ISCC Content-Code (`ISCC:E…`, 64 bits) lies within
	/// `maxDistance` bits of `code` (0 to 16, default 8), nearest first, at most `pageSize`
	/// (1 to 100, default 20), each with its collectibles and its work. Codes of texts are
	/// compared with texts, of images with images.
	#[method(name = "registry_findSimilar")]
	fn find_similar(
		&self,
		code: String,
		max_distance: Option<u32>,
		page_size: Option<u32>,
	) -> RpcResult<SimilarMatches>;

	/// A work with its authors, attestations, disputes, units and licences: the first 100 of
	/// each list, with `truncated` naming the lists that hold more.
	#[method(name = "registry_getWork")]
	fn get_work(&self, work: u64) -> RpcResult<Work>;

	/// A page of a work's rights map: its moral rights and authors, its units of economic
	/// rights and their licences; now, or as they stood at the end of block `atBlock`. A page
	/// reads at most `pageSize` (1 to 100, default 50) of the work's units and licences,
	/// however long its history; `nextCursor` goes on.
	#[method(name = "registry_rightsOf")]
	fn rights_page(
		&self,
		work: u64,
		at_block: Option<u32>,
		page_size: Option<u32>,
		cursor: Option<RightsCursor>,
	) -> RpcResult<Rights>;

	/// The chain of title of a unit of economic rights: the unit, the unit it was split or
	/// assigned from, and so on back to its work's first unit (at most 100 units).
	#[method(name = "registry_chainOfTitle")]
	fn chain_of_title(&self, unit: u64) -> RpcResult<Vec<Unit>>;
}

/// The audit log's read methods, answered at the finalized head.
#[rpc(client, server)]
pub trait AuditRpc {
	/// A page of history, newest first: of a subject (`item:<collection>:<item>`,
	/// `collection:<id>`, `work:<id>`, `unit:<id>`, `licence:<id>`) or of an account (SS58),
	/// after `cursor`, at most `pageSize` records (1 to 100, default 20), optionally only
	/// those in blocks `fromBlock` to `toBlock` (inclusive) and of days `fromDate` to `toDate`
	/// (`YYYY-MM-DD`, UTC, inclusive), by the records' timestamps.
	#[method(name = "audit_history")]
	fn audit_history(
		&self,
		of: String,
		page_size: Option<u32>,
		cursor: Option<u64>,
		from_block: Option<u32>,
		to_block: Option<u32>,
		from_date: Option<String>,
		to_date: Option<String>,
	) -> RpcResult<HistoryPage>;

	/// A page of alerts with `status` `open` (the default), `closed` or `all`.
	#[method(name = "audit_alerts")]
	fn audit_alerts(
		&self,
		status: Option<String>,
		cursor: Option<u64>,
		page_size: Option<u32>,
	) -> RpcResult<AlertsPage>;

	/// The records of blocks `fromBlock` to `toBlock`, oldest first, at most `maxRecords`
	/// (1 to 1,000, default 1,000), from `cursor` on, with the hashes that verify them.
	#[method(name = "audit_export")]
	fn audit_export(
		&self,
		from_block: u32,
		to_block: u32,
		cursor: Option<u64>,
		max_records: Option<u32>,
	) -> RpcResult<AuditExport>;

	/// The end of the log at the finalized head.
	#[method(name = "audit_head")]
	fn audit_head(&self) -> RpcResult<AuditHead>;
}
