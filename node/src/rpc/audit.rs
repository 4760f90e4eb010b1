//! `audit_*`: the audit log's history, alerts and verifiable exports, read at the finalized
//! head through the `AuditApi` runtime API.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, types::ErrorObjectOwned};
use polkadot_sdk::{sp_api::ProvideRuntimeApi, sp_blockchain::HeaderBackend};
use registry_rpc_types::{
	api::AuditRpcServer, AlertsPage, AuditExport, AuditHead, HistoryPage, Subject,
};
use registry_runtime::{
	opaque::Block,
	pallet_audit::{AlertFilter, AuditApi, HistoryQuery, QueryError, MAX_EXPORT, MAX_PAGE},
	AccountId, BlockNumber,
};

use super::{
	json::{self, hex_hash},
	params::{self, chain_error, not_found},
};

/// Records or alerts one page returns unless asked for fewer.
pub const DEFAULT_PAGE: u32 = 20;

/// [`AuditRpcServer`] over a client of the chain.
pub struct Audit<C> {
	client: Arc<C>,
}

impl<C> Audit<C> {
	/// Reads through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// What `of` names: a subject in its written form, or else an account.
fn history_query(of: &str) -> Result<HistoryQuery<AccountId>, ErrorObjectOwned> {
	if let Some(subject) = Subject::parse(of) {
		return Ok(HistoryQuery::BySubject(subject.into()));
	}
	if of.contains(':') {
		return Err(params::invalid(format!(
			"`of` is not a subject: {of:?}; write item:<collection>:<item>, collection:<id>, \
			 work:<id>, unit:<id> or licence:<id>, or give an SS58 account address"
		)));
	}
	params::account("of", of).map(HistoryQuery::ByAccount)
}

/// The runtime's refusal as a sentence; parameters are checked before, so this is rare.
fn query_error(error: QueryError, of: &str) -> ErrorObjectOwned {
	match error {
		QueryError::UnknownSubject => not_found(format!("no audit record is about {of}")),
		QueryError::UnknownAccount => not_found(format!("no audit record names account {of}")),
		QueryError::ZeroPageSize => params::invalid("the page size must be at least 1"),
		QueryError::PageTooLarge => params::invalid("the page size is over the bound"),
		QueryError::InvertedRange => params::invalid("the block range is inverted"),
	}
}

impl<C> AuditRpcServer for Audit<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AuditApi<Block, AccountId, BlockNumber>,
{
	fn audit_history(
		&self,
		of: String,
		page_size: Option<u32>,
		cursor: Option<u64>,
		from_block: Option<BlockNumber>,
		to_block: Option<BlockNumber>,
		from_date: Option<String>,
		to_date: Option<String>,
	) -> RpcResult<HistoryPage> {
		let query = history_query(&of)?;
		let size = params::page_size(page_size, DEFAULT_PAGE, MAX_PAGE)?;
		let mut range = params::block_range(from_block, to_block)?;
		let at = self.client.info().finalized_hash;
		if let Some((from_ms, to_ms)) = params::date_range(from_date, to_date)? {
			let dated = self
				.client
				.runtime_api()
				.blocks_between(at, from_ms, to_ms)
				.map_err(chain_error)?;
			// Both ranges apply; no record in the dates leaves nothing to page through.
			let overlap = dated.and_then(|(first, last)| match range {
				None => Some((first, last)),
				Some((from, to)) => {
					let (from, to) = (from.max(first), to.min(last));
					(from <= to).then_some((from, to))
				}
			});
			match overlap {
				Some(blocks) => range = Some(blocks),
				None => {
					return Ok(HistoryPage {
						of: of.trim().to_string(),
						total: 0,
						records: Vec::new(),
						next_cursor: None,
					})
				}
			}
		}
		let page = self
			.client
			.runtime_api()
			.history(at, query, size, cursor, range)
			.map_err(chain_error)?
			.map_err(|e| query_error(e, of.trim()))?;
		Ok(HistoryPage {
			of: of.trim().to_string(),
			total: page.total,
			records: page.records.iter().map(json::audit_record).collect(),
			next_cursor: page.next_cursor,
		})
	}

	fn audit_alerts(
		&self,
		status: Option<String>,
		cursor: Option<u64>,
		page_size: Option<u32>,
	) -> RpcResult<AlertsPage> {
		let filter = match status.as_deref().map(str::trim) {
			None | Some("open") => AlertFilter::Open,
			Some("closed") => AlertFilter::Closed,
			Some("all") => AlertFilter::All,
			Some(other) => {
				return Err(params::invalid(format!(
					"`status` is {other:?}; expected \"open\", \"closed\" or \"all\""
				)))
			}
		};
		let size = params::page_size(page_size, DEFAULT_PAGE, MAX_PAGE)?;
		let at = self.client.info().finalized_hash;
		let page = self
			.client
			.runtime_api()
			.alerts(at, filter, cursor, size)
			.map_err(chain_error)?
			.map_err(|e| query_error(e, "alerts"))?;
		Ok(AlertsPage {
			alerts: page.alerts.iter().map(json::alert).collect(),
			open: page.open,
			next_cursor: page.next_cursor,
		})
	}

	fn audit_export(
		&self,
		from_block: BlockNumber,
		to_block: BlockNumber,
		cursor: Option<u64>,
		max_records: Option<u32>,
	) -> RpcResult<AuditExport> {
		params::block_range(Some(from_block), Some(to_block))?;
		let max = params::page_size(max_records, MAX_EXPORT, MAX_EXPORT)
			.map_err(|_| params::invalid(format!("`maxRecords` must be 1 to {MAX_EXPORT}")))?;
		let info = self.client.info();
		if to_block > info.finalized_number {
			return Err(params::invalid(format!(
				"block {to_block} is not finalized yet; the finalized head is block {}",
				info.finalized_number
			)));
		}
		let export = self
			.client
			.runtime_api()
			.export(info.finalized_hash, from_block, to_block, max, cursor)
			.map_err(chain_error)?
			.map_err(|e| query_error(e, "the export"))?;
		Ok(AuditExport {
			from_block,
			to_block,
			start_seq: export.start_seq,
			records: export.records.iter().map(json::audit_record).collect(),
			prev_hash: hex_hash(&export.prev_hash),
			last_hash: hex_hash(&export.last_hash),
			at_block: info.finalized_number,
			at_block_hash: hex_hash(&info.finalized_hash),
			head: json::audit_head(&export.head),
			next_cursor: export.next_cursor,
		})
	}

	fn audit_head(&self) -> RpcResult<AuditHead> {
		let at = self.client.info().finalized_hash;
		let head = self.client.runtime_api().head(at).map_err(chain_error)?;
		Ok(json::audit_head(&head))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use registry_primitives::Subject as ChainSubject;

	#[test]
	fn history_names_a_subject_or_an_account() {
		assert_eq!(
			history_query("item:3:4").unwrap(),
			HistoryQuery::BySubject(ChainSubject::Item(3, 4))
		);
		let alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
		assert!(matches!(
			history_query(alice).unwrap(),
			HistoryQuery::ByAccount(_)
		));
		let error = history_query("item:3").unwrap_err();
		assert_eq!(error.code(), params::INVALID_PARAMS);
		assert!(error.message().contains("item:<collection>:<item>"));
		assert!(history_query("not an address").is_err());
	}
}
