//! Keeps the near-duplicate index ([`registry_similar::SimilarIndex`]) behind
//! `registry_findSimilar`: it reads the chain's log of content codes from where it stopped each
//! time a block is finalized. It lives in memory and is rebuilt from the chain when the node
//! starts: the log is the record, the index only a way to search it.

use std::sync::{Arc, RwLock};

use futures::StreamExt;
use polkadot_sdk::{
	sc_client_api::BlockchainEvents,
	sp_api::{ApiExt, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
};
use registry_runtime::{
	opaque::Block,
	pallet_fingerprints::{ContentKind, FingerprintsApi},
	BlockNumber,
};
use registry_similar::SimilarIndex;

/// Log entries read per runtime call.
const PAGE: u32 = 10_000;

/// The index and how far into the chain it has read.
#[derive(Default)]
pub struct Similar {
	pub index: SimilarIndex,
	/// Log entries read.
	pub read: u64,
	/// The finalized block read up to.
	pub at_block: BlockNumber,
}

/// The index as the follower keeps it and the RPC reads it.
pub type SharedSimilar = Arc<RwLock<Similar>>;

/// The subtype number of `kind` in ISCC, as the index and the codes' text use it.
pub fn kind_number(kind: ContentKind) -> u8 {
	match kind {
		ContentKind::Text => 0,
		ContentKind::Image => 1,
		ContentKind::Audio => 2,
		ContentKind::Video => 3,
		ContentKind::Mixed => 4,
	}
}

/// Reads what the log holds beyond what `similar` has read, at the finalized head.
fn catch_up<C>(client: &C, similar: &SharedSimilar) -> Result<(), String>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: FingerprintsApi<Block>,
{
	let info = client.info();
	let at = info.finalized_hash;
	let api = client.runtime_api();
	// A chain whose runtime predates fingerprints has no log to read yet.
	if !api
		.has_api::<dyn FingerprintsApi<Block>>(at)
		.map_err(|e| e.to_string())?
	{
		return Ok(());
	}
	loop {
		let start = similar
			.read()
			.map_err(|_| "the index's lock is poisoned")?
			.read;
		let (entries, count) = api.code_log(at, start, PAGE).map_err(|e| e.to_string())?;
		let mut guard = similar
			.write()
			.map_err(|_| "the index's lock is poisoned")?;
		// Another catch-up may have read this page meanwhile.
		if guard.read != start {
			continue;
		}
		for (content, code) in &entries {
			match code.as_u64() {
				Some(bits) => guard.index.insert(kind_number(code.kind), bits, content.0),
				// The chain admits only 64-bit codes; anything else is skipped, not indexed.
				None => {
					log::warn!(target: "registry", "content {content:?} has a code of another length")
				}
			}
		}
		guard.read = start + entries.len() as u64;
		if entries.is_empty() || guard.read >= count {
			guard.at_block = info.finalized_number;
			return Ok(());
		}
	}
}

/// Reads the whole log now, then what each finalized block adds, until the node stops.
pub async fn follow<C>(client: Arc<C>, similar: SharedSimilar)
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + BlockchainEvents<Block> + Send + Sync,
	C::Api: FingerprintsApi<Block>,
{
	let mut finalized = client.finality_notification_stream();
	let started = std::time::Instant::now();
	match catch_up(&*client, &similar) {
		Ok(()) => {
			let read = similar.read().map(|s| s.read).unwrap_or_default();
			log::info!(
				target: "registry",
				"Near-duplicate index: {read} content codes read from the chain in {:.1} s",
				started.elapsed().as_secs_f64()
			);
		}
		Err(e) => {
			log::warn!(target: "registry", "Near-duplicate index: cannot read the chain's content codes: {e}")
		}
	}
	// Each catch-up reads at the latest finalized head, which covers every block before it.
	while finalized.next().await.is_some() {
		if let Err(e) = catch_up(&*client, &similar) {
			log::warn!(target: "registry", "Near-duplicate index: cannot read the chain's content codes: {e}");
		}
	}
}
