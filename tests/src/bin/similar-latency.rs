//! Measures `registry_findSimilar` end to end on loopback: a development node registers
//! `ITEMS` items (100,000 unless told), each with an SM3 digest and a content code, through the
//! client's import; then the node's index is asked `REQUESTS` (1,000) queries over HTTP, and
//! the node is restarted to time the index's rebuild from the chain.
//!
//! It also tells what the fingerprints cost the import: items per second finalized, to compare
//! with `scripts/bench-import.sh` (the same import without fingerprints).
//!
//! `FINGERPRINTS` chooses what the items carry: `both` (the default), `sm3`, `code` or `none`,
//! to tell the cost of each; without codes only the import is measured.
//!
//! `scripts/bench-similar.sh` builds and runs it after the index's own benchmark.

use std::time::{Duration, Instant};

use registry_client::{
	collectibles::{MetadataRef, TransferPolicy},
	fingerprint::ContentCode,
	import::{self, Options},
	manifest::Row,
	types::iscc,
	Ed25519Signer, RegistryApiClient, RegistryClient, H256,
};
use registry_tests::{setting, tx, Http, NodeConfig, Rng};

/// `code` with `bits` distinct bits flipped.
fn flip(rng: &mut Rng, code: u64, bits: u32) -> u64 {
	let mut flipped = code;
	while (flipped ^ code).count_ones() < bits {
		flipped ^= 1 << rng.below(64);
	}
	flipped
}

fn rss_mib(pid: u32) -> f64 {
	std::fs::read_to_string(format!("/proc/{pid}/status"))
		.unwrap_or_default()
		.lines()
		.find_map(|line| line.strip_prefix("VmRSS:"))
		.and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
		.map_or(0.0, |kb| kb / 1024.0)
}

/// Polls until the node's index holds `count` codes; how long that took.
async fn indexed(client: &RegistryClient, probe: &str, count: u64) -> Duration {
	let started = Instant::now();
	loop {
		if let Ok(answer) = client
			.node()
			.find_similar(probe.to_owned(), Some(0), Some(1))
			.await
		{
			if answer.indexed_codes >= count {
				return started.elapsed();
			}
		}
		assert!(
			started.elapsed() < Duration::from_secs(1_800),
			"the index never reached {count} codes"
		);
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
}

#[tokio::main]
async fn main() {
	let items = setting("ITEMS", 100_000) as usize;
	let carried = std::env::var("FINGERPRINTS").unwrap_or_else(|_| "both".into());
	let (with_sm3, with_code) = match carried.as_str() {
		"both" => (true, true),
		"sm3" => (true, false),
		"code" => (false, true),
		"none" => (false, false),
		other => panic!("FINGERPRINTS is both, sm3, code or none, not {other}"),
	};
	let requests = setting("REQUESTS", 1_000) as usize;
	let mut node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url())
		.await
		.expect("the client connects");
	let alice = Ed25519Signer::from_uri("//Alice").expect("a development key");
	client
		.submit(
			&tx().collectibles().create_collection(
				"Fingerprinted".into(),
				"Items with content codes".into(),
				MetadataRef {
					uri: b"https://museum.example/similar.json".to_vec(),
					sha256: H256::zero(),
				},
				items as u32,
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
			&alice,
		)
		.await
		.expect("the collection is created");

	// Nine codes in ten unrelated, one in ten a near copy of an earlier one; texts and images.
	let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
	let mut codes: Vec<(u8, u64)> = Vec::with_capacity(items);
	let rows: Vec<Row> = (0..items)
		.map(|n| {
			let kind = (n % 2) as u8;
			let bits = if n % 10 == 9 && !codes.is_empty() {
				let (_, base) = codes[rng.below(codes.len() as u64) as usize];
				let flips = 1 + rng.below(10) as u32;
				flip(&mut rng, base, flips)
			} else {
				rng.below(u64::MAX)
			};
			codes.push((kind, bits));
			let code = ContentCode::parse(&iscc::encode(kind, bits)).expect("a valid code");
			let mut content = [0u8; 32];
			content[..8].copy_from_slice(&(n as u64).to_le_bytes());
			let mut sm3 = content;
			sm3[31] = 0x53;
			Row {
				row: n + 1,
				line: None,
				serial: n as u32,
				content: H256(content),
				metadata_uri: format!("https://museum.example/similar/{n}.json"),
				metadata_sha256: H256::zero(),
				catalogue_number: None,
				creator: None,
				owner: None,
				sm3: with_sm3.then_some(H256(sm3)),
				content_code: with_code.then_some(code),
				no_content_code: None,
			}
		})
		.collect();

	let mut options = Options::new(0);
	options.allow_similar = true;
	let started = Instant::now();
	let plan = import::plan(&client, &alice, &rows, &options)
		.await
		.expect("the import plans");
	let planned = started.elapsed().as_secs_f64();
	let started = Instant::now();
	let finished = import::run(&client, &alice, &rows, &plan, &options, |_| {})
		.await
		.expect("the import runs");
	let seconds = started.elapsed().as_secs_f64();
	assert!(finished.fatal.is_none(), "{:?}", finished.fatal);
	println!(
		"imported {items} items carrying {carried}: {:.0} items/s finalized ({seconds:.0} s), \
		 batches of up to {}; similarity check before submitting: {planned:.1} s ({:.0} queries/s)",
		items as f64 / seconds,
		plan.batch_size,
		items as f64 / planned
	);

	if !with_code {
		println!("node RSS {:.0} MiB", rss_mib(node.pid()));
		return;
	}
	let probe = iscc::encode(codes[0].0, codes[0].1);
	let lag = indexed(&client, &probe, items as u64).await;
	println!(
		"index caught up {:.1} s after the import ended; node RSS {:.0} MiB",
		lag.as_secs_f64(),
		rss_mib(node.pid())
	);

	let mut http = Http::connect("127.0.0.1", node.rpc_port);
	println!("registry_findSimilar over HTTP, {requests} requests per distance, {items} codes");
	println!(
		"{:>6} {:>9} {:>9} {:>9} {:>8}",
		"dist", "p50 ms", "p99 ms", "max ms", "found"
	);
	for distance in [4u32, 8, 12, 16] {
		let mut samples = Vec::with_capacity(requests);
		let mut found = 0usize;
		for q in 0..requests {
			let (kind, base) = codes[rng.below(codes.len() as u64) as usize];
			let bits = if q % 2 == 0 {
				let flips = rng.below(7) as u32;
				flip(&mut rng, base, flips)
			} else {
				rng.below(u64::MAX)
			};
			let body = format!(
				r#"{{"jsonrpc":"2.0","id":1,"method":"registry_findSimilar","params":["{}",{distance},20]}}"#,
				iscc::encode(kind, bits)
			);
			let start = Instant::now();
			let answer = http.post(&body);
			samples.push(start.elapsed());
			assert!(answer.contains("\"matches\""), "{answer}");
			found += answer.matches("\"distance\"").count();
		}
		samples.sort();
		let at = |q: f64| {
			samples[((samples.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1_000.0
		};
		println!(
			"{distance:>6} {:>9.3} {:>9.3} {:>9.3} {:>8.2}",
			at(0.50),
			at(0.99),
			samples[samples.len() - 1].as_secs_f64() * 1_000.0,
			found as f64 / requests as f64
		);
	}

	node.restart();
	let client = RegistryClient::connect(&node.ws_url())
		.await
		.expect("the client connects again");
	let rebuilt = indexed(&client, &probe, items as u64).await;
	println!(
		"after a restart, the index held all {items} codes again {:.1} s after the RPC answered; \
		 node RSS {:.0} MiB",
		rebuilt.as_secs_f64(),
		rss_mib(node.pid())
	);
}
