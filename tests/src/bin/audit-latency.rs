//! Measures `audit_history` latency on loopback: the first page of an item's history, for
//! items with 100, 1,000 and 10,000 audit records, on a development node started for the
//! purpose.
//!
//! Two transports: JSON-RPC over HTTP on one kept-alive connection, and the client's
//! WebSocket, which acknowledges at once what it reads, so that no answer waits on the node's
//! side for a delayed acknowledgement (see `registry_client`'s transport).
//!
//! `scripts/bench-audit.sh` builds and runs it; `REQUESTS` sets the requests per item (1,000).

use std::time::{Duration, Instant};

use registry_client::{
	collectibles::{MetadataRef, MintRequest, TransferPolicy},
	runtime::collectibles::events::CollectionCreated,
	AuditRpcClient, Ed25519Signer, RegistryClient, H256,
};
use registry_tests::{settle, tx, Http, NodeConfig};

/// Records per item: the mint, then freezes and unfreezes.
const SIZES: [u32; 3] = [100, 1_000, 10_000];
/// Transactions handed to the pool before waiting for it to drain: the pool refuses a sender's
/// transactions well before its overall limit.
const CHUNK: u32 = 500;

#[tokio::main]
async fn main() {
	let requests: usize = std::env::var("REQUESTS")
		.ok()
		.and_then(|n| n.parse().ok())
		.unwrap_or(1_000);
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url())
		.await
		.expect("the client connects");
	// Alice is an institution, which mints, and a regulator, which freezes: one signer, so
	// that the nonces keep her calls in order.
	let alice = Ed25519Signer::from_uri("//Alice").expect("a development key");
	let collection = populate(&client, &alice, node.rpc_port).await;

	let mut http = Http::connect("127.0.0.1", node.rpc_port);
	println!("audit_history, first page of 20 records, {requests} requests per item, loopback");
	println!(
		"{:>8} {:>10} {:>9} {:>9} {:>9} {:>9}",
		"records", "transport", "p50 ms", "p90 ms", "p99 ms", "max ms"
	);
	for (item, size) in SIZES.iter().enumerate() {
		let of = format!("item:{collection}:{item}");
		let page = client
			.node()
			.audit_history(of.to_string(), Some(20), None, None, None, None, None)
			.await
			.unwrap();
		assert_eq!(
			page.total,
			u64::from(*size),
			"{of} has {} records",
			page.total
		);
		let body =
			format!(r#"{{"jsonrpc":"2.0","id":1,"method":"audit_history","params":["{of}",20]}}"#);
		let mut samples = Vec::with_capacity(requests);
		for _ in 0..requests {
			let start = Instant::now();
			let answer = http.post(&body);
			samples.push(start.elapsed());
			assert!(answer.contains("\"records\""), "{answer}");
		}
		report(*size, "http", &mut samples);
		samples.clear();
		for _ in 0..requests.min(200) {
			let start = Instant::now();
			let page = client
				.node()
				.audit_history(of.to_string(), Some(20), None, None, None, None, None)
				.await
				.unwrap();
			samples.push(start.elapsed());
			assert_eq!(page.records.len(), 20);
		}
		report(*size, "websocket", &mut samples);
	}
}

fn report(size: u32, transport: &str, samples: &mut [Duration]) {
	samples.sort();
	let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
	println!(
		"{:>8} {:>10} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
		size,
		transport,
		at(0.50),
		at(0.90),
		at(0.99),
		ms(samples[samples.len() - 1])
	);
}

fn ms(duration: Duration) -> f64 {
	duration.as_secs_f64() * 1_000.0
}

/// A collection with one item per size, each with that many audit records; returns its
/// number.
async fn populate(client: &RegistryClient, alice: &Ed25519Signer, node_port: u16) -> u32 {
	let created = client
		.submit(
			&tx().collectibles().create_collection(
				"Latency".into(),
				"Items with long histories".into(),
				MetadataRef {
					uri: b"https://museum.example/latency.json".to_vec(),
					sha256: H256::zero(),
				},
				SIZES.len() as u32,
				1,
				TransferPolicy {
					transferable: false,
					min_holding_blocks: 0,
					max_transfers_per_window: 0,
					window_blocks: 0,
				},
				vec![],
				None,
			),
			alice,
		)
		.await
		.expect("the collection is created");
	let collection = created
		.event::<CollectionCreated>()
		.expect("the collection's number")
		.collection;
	let requests = SIZES
		.iter()
		.enumerate()
		.map(|(serial, _)| MintRequest {
			content: H256::repeat_byte(serial as u8 + 1),
			metadata: MetadataRef {
				uri: format!("https://museum.example/latency/{serial}.json").into_bytes(),
				sha256: H256::zero(),
			},
			serial: serial as u32,
			creator: alice.account_id(),
			catalogue_number: None,
			owner: alice.account_id(),
			fingerprints: registry_client::collectibles::Fingerprints::NONE,
		})
		.collect();
	client
		.submit(
			&tx().collectibles().mint_batch(collection, requests, false),
			alice,
		)
		.await
		.expect("the items are minted");

	// Signed a chunk at a time against one view of the chain, and handed to the pool over
	// HTTP: one WebSocket round trip per transaction would take hours.
	let started = Instant::now();
	let mut http = Http::connect("127.0.0.1", node_port);
	for (item, size) in SIZES.iter().enumerate() {
		// The mint is the first record; freezes and unfreezes alternate after it.
		let (item, evidence) = (item as u32, H256::repeat_byte(7));
		let records: Vec<u32> = (1..*size).collect();
		for chunk in records.chunks(CHUNK as usize) {
			let first = client
				.next_nonce(&alice.account_id())
				.await
				.expect("a nonce");
			let mut signed = Vec::with_capacity(chunk.len());
			for (nonce, n) in (first..).zip(chunk) {
				let calls = tx().collectibles();
				signed.push(
					if n % 2 == 1 {
						let call = calls.freeze(collection, item, 1, evidence);
						client.sign_with_nonce(&call, alice, nonce).await
					} else {
						let call = calls.unfreeze(collection, item, 1, evidence);
						client.sign_with_nonce(&call, alice, nonce).await
					}
					.expect("signed"),
				);
			}
			for signed in signed {
				let answer = http.post(&format!(
					r#"{{"jsonrpc":"2.0","id":1,"method":"author_submitExtrinsic","params":["0x{}"]}}"#,
					hex::encode(signed)
				));
				assert!(
					answer.contains("\"result\""),
					"the pool refused it: {answer}"
				);
			}
			settle(client).await;
		}
	}
	eprintln!(
		"populated {} records in {:.0} s",
		SIZES.iter().sum::<u32>(),
		started.elapsed().as_secs_f64()
	);
	collection
}
