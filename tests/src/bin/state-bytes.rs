//! Measures what the registry's state holds per minted item: the keys and values of every
//! storage map a mint writes, read from a running node over JSON-RPC at its finalized head.
//!
//!     state-bytes ws://127.0.0.1:9944
//!
//! Two sums, reported apart: the item with its indices (what makes it findable by number,
//! serial, content and holder), and its audit record with the record's indices. Bytes are
//! those of the trie's leaves (key and value); the database adds the trie's inner nodes and
//! RocksDB's own overhead, which `scripts/bench-import.sh` reports as the database's size.

use std::collections::BTreeMap;

use registry_client::{subxt::rpcs::rpc_params, RegistryClient, H256};

/// Keys asked for per page.
const PAGE: u32 = 1_000;

/// Maps a mint writes, by pallet, with the part of the total they count in.
const MAPS: [(&str, &str, Part); 11] = [
	("Collectibles", "Items", Part::Item),
	("Collectibles", "Serials", Part::Item),
	("Collectibles", "ItemsByContent", Part::Item),
	("Collectibles", "ItemsByOwner", Part::Item),
	("Collectibles", "EditionsMinted", Part::Item),
	("Audit", "Records", Part::Audit),
	("Audit", "SubjectHeads", Part::Audit),
	("Audit", "SubjectIndex", Part::Audit),
	("Audit", "AccountHeads", Part::Audit),
	("Audit", "AccountRuns", Part::Audit),
	("Audit", "BlockFirstSeq", Part::Audit),
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Part {
	Item,
	Audit,
}

#[derive(Default, Clone, Copy)]
struct Sizes {
	entries: u64,
	key_bytes: u64,
	value_bytes: u64,
}

impl Sizes {
	fn bytes(&self) -> u64 {
		self.key_bytes + self.value_bytes
	}
}

fn prefix(pallet: &str, storage: &str) -> String {
	let mut key = sp_crypto_hashing::twox_128(pallet.as_bytes()).to_vec();
	key.extend(sp_crypto_hashing::twox_128(storage.as_bytes()));
	format!("0x{}", hex::encode(key))
}

fn hex_len(text: &str) -> u64 {
	(text.trim_start_matches("0x").len() / 2) as u64
}

async fn measure(client: &RegistryClient, at: H256, prefix: &str) -> Result<Sizes, String> {
	let mut sizes = Sizes::default();
	let mut start: Option<String> = None;
	loop {
		let keys: Vec<String> = client
			.raw_request(
				"state_getKeysPaged",
				rpc_params![prefix, PAGE, start.clone(), at],
			)
			.await
			.map_err(|e| format!("state_getKeysPaged: {e}"))?;
		if keys.is_empty() {
			return Ok(sizes);
		}
		// `[{ block, changes: [[key, value or null], ...] }]`
		let sets: Vec<serde_json::Value> = client
			.raw_request("state_queryStorageAt", rpc_params![keys.clone(), at])
			.await
			.map_err(|e| format!("state_queryStorageAt: {e}"))?;
		let changes = sets
			.iter()
			.filter_map(|set| set["changes"].as_array())
			.flatten();
		for change in changes {
			sizes.entries += 1;
			sizes.key_bytes += change[0].as_str().map_or(0, hex_len);
			sizes.value_bytes += change[1].as_str().map_or(0, hex_len);
		}
		if keys.len() < PAGE as usize {
			return Ok(sizes);
		}
		start = keys.last().cloned();
	}
}

#[tokio::main]
async fn main() {
	let url = std::env::args()
		.nth(1)
		.unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let client = match RegistryClient::connect(&url).await {
		Ok(client) => client,
		Err(e) => {
			eprintln!("state-bytes: cannot reach the node at {url}: {e}");
			std::process::exit(1);
		}
	};
	let at: H256 = match client
		.raw_request("chain_getFinalizedHead", rpc_params![])
		.await
	{
		Ok(at) => at,
		Err(e) => {
			eprintln!("state-bytes: {e}");
			std::process::exit(1);
		}
	};
	let mut by_map = Vec::new();
	for (pallet, storage, part) in MAPS {
		match measure(&client, at, &prefix(pallet, storage)).await {
			Ok(sizes) => by_map.push((pallet, storage, part, sizes)),
			Err(e) => {
				eprintln!("state-bytes: reading {pallet}::{storage}: {e}");
				std::process::exit(1);
			}
		}
	}
	let items = by_map
		.iter()
		.find(|(_, storage, ..)| *storage == "Items")
		.map_or(0, |(.., sizes)| sizes.entries);
	if items == 0 {
		eprintln!("state-bytes: the chain holds no items yet");
		std::process::exit(1);
	}
	let per_item = |bytes: u64| bytes as f64 / items as f64;
	println!("state at finalized block {at:?}: {items} items");
	println!(
		"{:<30} {:>10} {:>12} {:>12} {:>10}",
		"map", "entries", "key bytes", "value bytes", "B/item"
	);
	let mut parts: BTreeMap<Part, u64> = BTreeMap::new();
	for (pallet, storage, part, sizes) in &by_map {
		println!(
			"{:<30} {:>10} {:>12} {:>12} {:>10.1}",
			format!("{pallet}::{storage}"),
			sizes.entries,
			sizes.key_bytes,
			sizes.value_bytes,
			per_item(sizes.bytes())
		);
		*parts.entry(*part).or_default() += sizes.bytes();
	}
	let item = parts.get(&Part::Item).copied().unwrap_or(0);
	let audit = parts.get(&Part::Audit).copied().unwrap_or(0);
	println!("item and its indices: {:.0} B/item", per_item(item));
	println!(
		"audit record and its indices: {:.0} B/item",
		per_item(audit)
	);
}
