//! Faults on real nodes: crashes in the middle of work, crashes in turn across a network,
//! and a flood of bad transactions. Each test is the short form of a scenario that
//! `scripts/faults.sh` runs at length (the `FAULT_*` variables scale it).
//!
//! After each, the chain keeps every finalized record: what a client saw finalized is in the
//! chain of every node, the nodes agree, and the audit log verifies from genesis.

use std::{
	collections::BTreeSet,
	process::{Child, Stdio},
	time::{Duration, Instant},
};

use registry_client::{
	collectibles::{MetadataRef, MintRequest},
	AuditRpcClient, Ed25519Signer, RegistryClient, H256,
};
use registry_tests::{
	cli::{self, catalogue, minted},
	create_collection, local_validators, setting, tx, wait_for_finalized, Node, NodeConfig, Rng,
};

/// Connects to `node`, within a minute.
/// One scenario at a time: each loads the machine's cores on its own.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn connect(node: &Node) -> RegistryClient {
	tokio::time::timeout(
		Duration::from_secs(60),
		RegistryClient::connect(&node.ws_url()),
	)
	.await
	.expect("the node answers within a minute")
	.expect("the client connects")
}

/// The finalized head's number, or `None` while the node cannot answer.
async fn finalized(node: &Node) -> Option<u64> {
	let read = async {
		let client = RegistryClient::connect(&node.ws_url()).await.ok()?;
		client.finalized_head().await.ok().map(|(number, _)| number)
	};
	tokio::time::timeout(Duration::from_secs(10), read)
		.await
		.ok()
		.flatten()
}

/// `registry import` of `manifest` into collection 0 as Alice, running in the background.
fn import(node: &Node, manifest: &std::path::Path) -> Child {
	cli::command(&[
		"import",
		&manifest.display().to_string(),
		"--collection",
		"0",
		"--node",
		&node.ws_url(),
		"--key-uri",
		"//Alice",
		"--output",
		"json",
	])
	.stdout(Stdio::null())
	.stderr(Stdio::null())
	.spawn()
	.expect("the import starts")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_node_killed_at_random_during_an_import_comes_back_and_registers_every_row_once() {
	let _turn = ONE_AT_A_TIME.lock().await;
	let rows = setting("FAULT_IMPORT_ROWS", 4_000) as u32;
	let kills = setting("FAULT_KILLS", 4);
	let mut rng = Rng::from_env();
	let dir = tempfile::tempdir().unwrap();
	let manifest = dir.path().join("catalogue.csv");
	let contents = catalogue(&manifest, rows);
	let mut node = NodeConfig::dev().base_path(dir.path().join("node")).start();
	{
		let client = connect(&node).await;
		let alice = Ed25519Signer::from_uri("//Alice").unwrap();
		create_collection(&client, &alice, "Prints", rows).await;
	}

	let mut importer = import(&node, &manifest);
	let mut highest = 0;
	for kill in 1..=kills {
		// A random moment: between half a block and three blocks into the work.
		tokio::time::sleep(Duration::from_millis(1_000 + rng.below(5_000))).await;
		if let Some(number) = finalized(&node).await {
			highest = highest.max(number);
		}
		node.kill();
		node.restart();
		let after = finalized(&node).await.expect("the restarted node answers");
		assert!(
			after >= highest,
			"kill {kill}: finality went back from block {highest} to {after}"
		);
		highest = after;
		// The import lost its node; a new run resumes where the chain stands.
		if importer.try_wait().unwrap().is_some() {
			importer = import(&node, &manifest);
		}
	}
	importer.kill().ok();
	importer.wait().ok();

	// Runs until the chain holds the whole manifest: each run registers what is missing.
	let deadline = Instant::now() + Duration::from_secs(600);
	while minted(&node.ws_url(), 0).await < rows {
		assert!(Instant::now() < deadline, "the import never finished");
		let status = import(&node, &manifest).wait().unwrap();
		assert!(
			status.success() || minted(&node.ws_url(), 0).await == rows,
			"an import failed on a running node"
		);
	}

	// Every row once, with its content; nothing else.
	let client = connect(&node).await;
	let items = client.collection_items(0).await.unwrap();
	assert_eq!(items.len() as u32, rows);
	let serials: BTreeSet<u32> = items.iter().map(|item| item.serial).collect();
	assert_eq!(serials.len() as u32, rows, "a serial registered twice");
	for item in &items {
		assert_eq!(
			format!("{:x}", item.content),
			contents[&item.serial],
			"row {} registered with another content",
			item.serial
		);
	}
	verify_whole_log(&client).await;
	println!("{kills} kills during an import of {rows} rows: every row registered once");
}

/// The audit log from genesis to the finalized head, every record linked and proven.
async fn verify_whole_log(client: &RegistryClient) {
	let head = client.node().audit_head().await.unwrap();
	let export = client
		.audit_export_all(0, head.last_block)
		.await
		.expect("the log verifies from genesis");
	assert_eq!(export.records.len() as u64, head.next_seq);
}

/// Two institutions, Bob and Charlie, registering batches through one client until finished.
struct Load {
	stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
	tasks: Vec<tokio::task::JoinHandle<Vec<(H256, u32)>>>,
}

impl Load {
	fn start(client: &RegistryClient) -> Self {
		let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
		let tasks = ["//Bob", "//Charlie"]
			.into_iter()
			.map(|who| {
				let (client, stop) = (client.clone(), stop.clone());
				tokio::spawn(async move { register_batches(client, who, stop, 2_000).await })
			})
			.collect();
		Self { stop, tasks }
	}

	/// Stops the load; the batches the client saw finalized, of which there must be some.
	async fn finish(self) -> Vec<(H256, u32)> {
		self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
		let mut finalized = Vec::new();
		for task in self.tasks {
			finalized.extend(task.await.unwrap());
		}
		assert!(!finalized.is_empty(), "no batch was finalized");
		finalized
	}
}

/// Registers batches as `who` through `client` until `stop`, or `max` batches; returns the
/// finalized blocks and how many items each batch holds.
async fn register_batches(
	client: RegistryClient,
	who: &str,
	stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
	max: u64,
) -> Vec<(H256, u32)> {
	use std::sync::atomic::Ordering;
	let signer = Ed25519Signer::from_uri(who).unwrap();
	let collection = create_collection(&client, &signer, who, 1_000_000).await;
	let mut done = Vec::new();
	let mut serial = 0;
	for _ in 0..max {
		if stop.load(Ordering::Relaxed) {
			break;
		}
		let requests: Vec<MintRequest> = (serial..serial + 20)
			.map(|serial| MintRequest {
				content: H256(sp_crypto_hashing::blake2_256(
					format!("{who} {serial}").as_bytes(),
				)),
				metadata: MetadataRef {
					uri: b"https://museum.example/m.json".to_vec(),
					sha256: H256::zero(),
				},
				serial,
				creator: signer.account_id(),
				catalogue_number: None,
				owner: signer.account_id(),
				fingerprints: registry_client::collectibles::Fingerprints::NONE,
			})
			.collect();
		let call = tx().collectibles().mint_batch(collection, requests, false);
		// A batch caught by a crash is sent again with new serials: what counts is what the
		// client saw finalized.
		if let Ok(Ok(finalized)) =
			tokio::time::timeout(Duration::from_secs(120), client.submit(&call, &signer)).await
		{
			done.push((finalized.block_hash, 20));
		}
		serial += 20;
	}
	done
}

#[tokio::test(flavor = "multi_thread")]
async fn validators_killed_in_turn_catch_up_and_every_node_keeps_every_finalized_batch() {
	let _turn = ONE_AT_A_TIME.lock().await;
	let rounds = setting("FAULT_ROUNDS", 3);
	let pause = Duration::from_secs(setting("FAULT_PAUSE_SECS", 8));
	let mut nodes = local_validators();
	let alice = connect(&nodes[0]).await;
	wait_for_finalized(&alice, 2, Duration::from_secs(120)).await;

	// Two institutions register through Alice's node all along; Alice's node is never the
	// one killed, so that the load's own connection stays up.
	let load = Load::start(&alice);

	// Alice's finalized head, watched all along: the longest wait for a new finalized block.
	let watching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
	let watch = {
		let (client, stop) = (alice.clone(), watching.clone());
		tokio::spawn(async move { longest_finality_stall(client, stop).await })
	};

	// One validator at a time: three of four still finalize. The killed one stays down for a
	// while, so the others move on; then it restarts on its database and catches up.
	let down = pause.min(Duration::from_secs(10));
	let mut catch_up = Vec::new();
	for round in 0..rounds {
		let victim = 1 + (round as usize % 3);
		tokio::time::sleep(pause.saturating_sub(down)).await;
		nodes[victim].kill();
		tokio::time::sleep(down).await;
		let (target, _) = alice.finalized_head().await.unwrap();
		let started = Instant::now();
		nodes[victim].restart();
		let restarted = connect(&nodes[victim]).await;
		wait_for_finalized(&restarted, target, Duration::from_secs(120)).await;
		catch_up.push(started.elapsed());
	}

	watching.store(true, std::sync::atomic::Ordering::Relaxed);
	let stall = watch.await.unwrap();

	// Two at once: two of four cannot finalize; back up, finality resumes.
	nodes[2].kill();
	nodes[3].kill();
	tokio::time::sleep(Duration::from_secs(6)).await;
	let (stalled, _) = alice.finalized_head().await.unwrap();
	tokio::time::sleep(pause).await;
	let (still, _) = alice.finalized_head().await.unwrap();
	assert!(
		still <= stalled + 1,
		"two of four validators finalized blocks {stalled} to {still}"
	);
	let resumed_from = Instant::now();
	nodes[2].restart();
	nodes[3].restart();
	wait_for_finalized(&alice, still + 1, Duration::from_secs(180)).await;
	let resumed = resumed_from.elapsed();

	let finalized_batches = load.finish().await;

	// Every node holds every batch the client saw finalized, on its finalized chain.
	let (top, _) = alice.finalized_head().await.unwrap();
	let mut clients = Vec::new();
	for node in &nodes {
		let client = connect(node).await;
		wait_for_finalized(&client, top, Duration::from_secs(180)).await;
		clients.push(client);
	}
	for client in &clients {
		holds_every_batch(client, &finalized_batches).await;
		// All agree on the finalized block at the common height, and so on its state root.
		assert_eq!(
			client.block_hash(top).await.unwrap(),
			alice.block_hash(top).await.unwrap(),
			"{} finalized another block #{top}",
			client.url()
		);
	}
	verify_whole_log(&alice).await;
	let items: u32 = finalized_batches.iter().map(|(_, n)| n).sum();
	let secs = |d: &Duration| format!("{:.1} s", d.as_secs_f64());
	println!(
		"rolling crashes: {rounds} kills; restarted validator caught up with the finalized head \
		 in {} (from the restart command); longest finality stall while one was down {}; two \
		 down: finality resumed {} after the restart command; {} batches ({items} items) \
		 finalized and on every node",
		catch_up.iter().map(secs).collect::<Vec<_>>().join(", "),
		secs(&stall),
		secs(&resumed),
		finalized_batches.len()
	);
}

/// Every block in which the client saw a batch finalized is on `client`'s node, at its
/// height of the node's chain.
async fn holds_every_batch(client: &RegistryClient, batches: &[(H256, u32)]) {
	for (block, _) in batches {
		let number = client
			.block_number(*block)
			.await
			.unwrap()
			.unwrap_or_else(|| panic!("{} lacks finalized block {block:?}", client.url()));
		assert_eq!(
			client.block_hash(number).await.unwrap(),
			Some(*block),
			"{} has another block at #{number}",
			client.url()
		);
	}
}

/// Polls `client`'s finalized head until `stop`; the longest time it stayed at one block.
async fn longest_finality_stall(
	client: RegistryClient,
	stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Duration {
	let (mut at, mut since) = (0, Instant::now());
	let mut longest = Duration::ZERO;
	while !stop.load(std::sync::atomic::Ordering::Relaxed) {
		if let Ok((number, _)) = client.finalized_head().await {
			if number != at {
				(at, since) = (number, Instant::now());
			}
			longest = longest.max(since.elapsed());
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	longest
}

/// Seconds of CPU a process has used, all its threads, from `/proc` (in the kernel's 100 Hz
/// user ticks); `children` adds those of its children it has waited for.
fn cpu_seconds(pid: &str, children: bool) -> f64 {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
	// The fields after the command's name, which is in parentheses and may hold spaces.
	let fields: Vec<u64> = stat
		.rsplit_once(')')
		.map(|(_, rest)| {
			rest.split_whitespace()
				.map(|f| f.parse().unwrap_or(0))
				.collect()
		})
		.unwrap_or_default();
	// utime, stime, cutime and cstime are the 14th to 17th fields, 12th to 15th after the name.
	let used = if children { 11..15 } else { 11..13 };
	fields.get(used).map_or(0, |f| f.iter().sum::<u64>()) as f64 / 100.0
}

/// `registry import` of `manifest` into `collection` as Alice, to its end; its items per
/// second from submission to finality.
fn import_rate(node: &Node, manifest: &std::path::Path, collection: u32) -> f64 {
	let run = cli::run(&[
		"import",
		&manifest.display().to_string(),
		"--collection",
		&collection.to_string(),
		"--node",
		&node.ws_url(),
		"--key-uri",
		"//Alice",
		"--output",
		"json",
	])
	.ok();
	let report = run.json();
	assert_eq!(report["failed"], 0, "{report}");
	report["items_per_second"].as_f64().expect("a rate")
}

/// Transactions no member should ever see included: garbage, a replay of an included
/// transaction, a forged signature, a spent nonce, and remarks signed by accounts no one
/// admitted (a new account for each, up to 2,000: the pool bans what it has refused once, so
/// a flood from outsiders is one of new keys). Made against `client`'s chain before the attack.
async fn bad_transactions(client: &RegistryClient, count: u64, rng: &mut Rng) -> Vec<Vec<u8>> {
	let alice = Ed25519Signer::from_uri("//Alice").unwrap();
	let remark = |n: u64| tx().system().remark(format!("attack {n}").into_bytes());
	let included = client.sign(&remark(0), &alice).await.unwrap();
	client
		.submit_encoded(included.clone())
		.await
		.expect("the original is included");
	let spent = client.sign_with_nonce(&remark(1), &alice, 0).await.unwrap();
	let mut strangers = Vec::new();
	for n in 0..(count / 5).clamp(1, 2_000) {
		let stranger = Ed25519Signer::generate().unwrap();
		strangers.push(client.sign(&remark(n), &stranger).await.unwrap());
	}
	(0..count)
		.map(|n| match n % 5 {
			0 => (0..20 + rng.below(300))
				.map(|_| rng.below(256) as u8)
				.collect(),
			1 => included.clone(),
			2 => {
				// The remark changed after signing: the signature no longer matches.
				let mut forged = included.clone();
				if let Some(last) = forged.last_mut() {
					*last ^= 0x01;
				}
				forged
			}
			3 => spent.clone(),
			_ => strangers[(n as usize / 5) % strangers.len()].clone(),
		})
		.collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_bad_transactions_is_refused_while_a_member_keeps_registering() {
	let _turn = ONE_AT_A_TIME.lock().await;
	let count = setting("FAULT_BAD_TRANSACTIONS", 2_000);
	let rows = setting("FAULT_ABUSE_ROWS", 4_000) as u32;
	let strict = setting("FAULT_STRICT", 0) == 1;
	let mut rng = Rng::from_env();
	let dir = tempfile::tempdir().unwrap();
	let node = NodeConfig::dev().start();
	let client = connect(&node).await;
	let alice = Ed25519Signer::from_uri("//Alice").unwrap();
	// Each import goes into an empty collection of its own, so that both check and mint
	// against the same amount of state.
	let quiet_collection = create_collection(&client, &alice, "Prints", rows).await;
	let noisy_collection = create_collection(&client, &alice, "Drawings", rows).await;

	let quiet = dir.path().join("quiet.csv");
	cli::catalogue_of(&quiet, 0..rows);
	let node_pid = node.pid().to_string();
	let (node_before, clients_before) = (cpu_seconds(&node_pid, false), cpu_seconds("self", true));
	let started = Instant::now();
	let baseline = import_rate(&node, &quiet, quiet_collection);
	let quiet_took = started.elapsed();
	let node_alone = cpu_seconds(&node_pid, false) - node_before;
	let clients_alone = cpu_seconds("self", true) - clients_before;

	let bad = bad_transactions(&client, count, &mut rng).await;
	let nonce_before = client.next_nonce(&alice.account_id()).await.unwrap();
	let (host, port) = (node.host.clone(), node.rpc_port);
	// The flood is spread over the time the quiet import took, so that it lasts the whole
	// import under attack rather than its first seconds.
	let spacing = spacing_over(quiet_took, count);
	let attacker = std::thread::spawn(move || {
		let mut http = registry_tests::Http::connect(&host, port);
		let started = Instant::now();
		let deadline = started + Duration::from_secs(300);
		let mut accepted = 0;
		for (n, bytes) in bad.iter().enumerate() {
			if Instant::now() > deadline {
				panic!("the flood took over five minutes at transaction {n}");
			}
			if let Some(wait) =
				(started + spacing * n as u32).checked_duration_since(Instant::now())
			{
				std::thread::sleep(wait);
			}
			let answer = http.post(&format!(
				r#"{{"jsonrpc":"2.0","id":{n},"method":"author_submitExtrinsic","params":["0x{}"]}}"#,
				hex::encode(bytes)
			));
			if answer.contains("\"result\"") {
				accepted += 1;
			}
		}
		(bad.len(), accepted, started.elapsed())
	});
	let noisy = dir.path().join("noisy.csv");
	cli::catalogue_of(&noisy, rows..2 * rows);
	let (node_before, clients_before) = (cpu_seconds(&node_pid, false), cpu_seconds("self", true));
	let under_attack = import_rate(&node, &noisy, noisy_collection);
	let (sent, accepted, flood_took) = attacker.join().expect("the attacker ran");
	let node_attacked = cpu_seconds(&node_pid, false) - node_before;
	let clients_attacked = cpu_seconds("self", true) - clients_before;

	assert_eq!(
		accepted, 0,
		"the pool took {accepted} of {sent} bad transactions"
	);
	// The node still serves and finalizes, and Alice's nonce moved only by her own imports.
	let (head, _) = client.finalized_head().await.unwrap();
	wait_for_finalized(&client, head + 1, Duration::from_secs(60)).await;
	assert!(client.next_nonce(&alice.account_id()).await.unwrap() >= nonce_before);
	assert_eq!(minted(&node.ws_url(), quiet_collection).await, rows);
	assert_eq!(minted(&node.ws_url(), noisy_collection).await, rows);
	verify_whole_log(&client).await;
	let ratio = under_attack / baseline;
	println!(
		"abuse: {sent} bad transactions over {:.1} s, none taken; a member's import at \
		 {baseline:.0} items/s alone and {under_attack:.0} items/s under the flood ({:.0} %)",
		flood_took.as_secs_f64(),
		ratio * 100.0
	);
	// Where the two cores went: the node's CPU beyond the import's own is what refusing the
	// flood cost it; the attacker's runs in this process, beside the importing `registry`.
	println!(
		"abuse: CPU seconds, import alone: node {node_alone:.1}, clients {clients_alone:.1}; \
		 under the flood: node {node_attacked:.1}, clients and attacker {clients_attacked:.1} \
		 ({:.0} µs of the node's CPU per bad transaction)",
		(node_attacked - node_alone).max(0.0) / sent as f64 * 1e6
	);
	if strict {
		assert!(
			ratio >= 0.9,
			"the flood cut a member's throughput to {:.0} %",
			ratio * 100.0
		);
	}
}

/// The time between two bad transactions that spreads `count` of them over `took`.
fn spacing_over(took: Duration, count: u64) -> Duration {
	took / u32::try_from(count.max(1)).unwrap_or(u32::MAX)
}

/// Connects to `node` again and again until it answers, for a minute: a node cut off the
/// network drops the connections through it.
async fn reconnect(node: &Node) -> RegistryClient {
	let deadline = Instant::now() + Duration::from_secs(60);
	let url = node.ws_url();
	loop {
		let attempt = tokio::time::timeout(Duration::from_secs(5), RegistryClient::connect(&url));
		if let Ok(Ok(client)) = attempt.await {
			return client;
		}
		assert!(
			Instant::now() < deadline,
			"{} never answered again",
			node.name
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn an_isolated_validator_and_a_split_network_keep_one_finalized_history() {
	let _turn = ONE_AT_A_TIME.lock().await;
	if !registry_tests::is_root() {
		eprintln!("skipped: network namespaces need root, which CI has");
		return;
	}
	let pause = Duration::from_secs(setting("FAULT_PAUSE_SECS", 8));
	let net = registry_tests::TestNet::new(4);
	let names = ["alice", "bob", "charlie", "dave"];
	let start = |i: usize, bootnode: Option<&str>| {
		let mut config =
			NodeConfig::local_validator(names[i], &registry_tests::dev_node_key(i as u8 + 1))
				.in_netns(&net.netns(i), &net.host(i));
		if let Some(bootnode) = bootnode {
			config = config.arg("--bootnodes").arg(bootnode);
		}
		config.start()
	};
	let mut nodes = vec![start(0, None)];
	let bootnode = nodes[0].multiaddr();
	for i in 1..4 {
		nodes.push(start(i, Some(&bootnode)));
	}
	let alice = connect(&nodes[0]).await;
	wait_for_finalized(&alice, 3, Duration::from_secs(180)).await;
	let load = Load::start(&alice);

	// One validator cut off: three of four still finalize; back, it catches up.
	net.connect(3, false);
	let (before, _) = alice.finalized_head().await.unwrap();
	wait_for_finalized(&alice, before + 3, Duration::from_secs(90)).await;
	net.connect(3, true);
	let rejoined = Instant::now();
	let (top, _) = alice.finalized_head().await.unwrap();
	wait_for_finalized(&reconnect(&nodes[3]).await, top, Duration::from_secs(120)).await;
	let catch_up = rejoined.elapsed();

	// Two and two: neither half finalizes; healed, finality resumes.
	net.split(&[2, 3]);
	tokio::time::sleep(Duration::from_secs(6)).await;
	let (stalled, _) = alice.finalized_head().await.unwrap();
	tokio::time::sleep(pause).await;
	let (still, _) = alice.finalized_head().await.unwrap();
	assert!(
		still <= stalled + 1,
		"half the validators finalized blocks {stalled} to {still}"
	);
	net.heal();
	let healed = Instant::now();
	wait_for_finalized(&alice, still + 2, Duration::from_secs(180)).await;
	let resumed = healed.elapsed();
	let finalized_batches = load.finish().await;

	// One finalized history: at every height, every node finalized the same block.
	let mut clients = Vec::new();
	let mut common = u64::MAX;
	for node in &nodes {
		let client = reconnect(node).await;
		wait_for_finalized(&client, still + 2, Duration::from_secs(180)).await;
		common = common.min(client.finalized_head().await.unwrap().0);
		clients.push(client);
	}
	for client in &clients {
		holds_every_batch(client, &finalized_batches).await;
	}
	for height in 1..=common {
		let first = clients[0].block_hash(height).await.unwrap();
		for (client, name) in clients.iter().zip(names).skip(1) {
			assert_eq!(
				client.block_hash(height).await.unwrap(),
				first,
				"{name} finalized another block #{height}"
			);
		}
	}
	verify_whole_log(&alice).await;
	println!(
		"partitions: an isolated validator caught up {:.1} s after rejoining; a two-two split \
		 held finality at #{still}, which resumed {:.1} s after healing; {common} finalized \
		 blocks agree on all four nodes, which hold all {} batches the client saw finalized",
		catch_up.as_secs_f64(),
		resumed.as_secs_f64(),
		finalized_batches.len()
	);
}

/// A tmpfs of a given size mounted on a temporary directory, unmounted when dropped.
struct SmallDisk {
	dir: tempfile::TempDir,
}

impl SmallDisk {
	fn new(mebibytes: u64) -> Self {
		let dir = tempfile::tempdir().unwrap();
		registry_tests::sh(&format!(
			"mount -t tmpfs -o size={mebibytes}m registry-test {}",
			dir.path().display()
		));
		Self { dir }
	}

	fn grow(&self, mebibytes: u64) {
		registry_tests::sh(&format!(
			"mount -o remount,size={mebibytes}m {}",
			self.dir.path().display()
		));
	}
}

impl Drop for SmallDisk {
	fn drop(&mut self) {
		let _ = std::process::Command::new("umount")
			.args(["-l", &self.dir.path().display().to_string()])
			.status();
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_node_whose_disk_fills_stops_loses_nothing_and_resumes_when_space_returns() {
	let _turn = ONE_AT_A_TIME.lock().await;
	if !registry_tests::is_root() {
		eprintln!("skipped: mounting a small disk needs root, which CI has");
		return;
	}
	let rows = setting("FAULT_DISK_ROWS", 30_000) as u32;
	let size = setting("FAULT_DISK_MIB", 160);
	let disk = SmallDisk::new(size);
	let work = tempfile::tempdir().unwrap();
	let manifest = work.path().join("catalogue.csv");
	cli::catalogue_of(&manifest, 0..rows);
	let mut node = NodeConfig::dev().base_path(disk.dir.path()).start();
	{
		let client = connect(&node).await;
		let alice = Ed25519Signer::from_uri("//Alice").unwrap();
		create_collection(&client, &alice, "Prints", rows).await;
	}

	// Import until the disk is full: the node stops by itself and says why.
	let mut importer = import(&node, &manifest);
	let mut last_finalized = 0;
	let deadline = Instant::now() + Duration::from_secs(300);
	let mut full_since: Option<Instant> = None;
	let mut killed = false;
	while node.is_running() {
		assert!(
			Instant::now() < deadline,
			"the disk of {size} MiB never filled; raise FAULT_DISK_ROWS"
		);
		// A node whose disk is full has said so; one that has not exited a minute later is
		// stopped here, and the figures say so.
		if full_since.is_none() && node.log().contains("No space left on device") {
			full_since = Some(Instant::now());
		}
		if full_since.is_some_and(|since| since.elapsed() > Duration::from_secs(60)) {
			node.kill();
			killed = true;
			break;
		}
		if let Some(number) = finalized(&node).await {
			last_finalized = number;
		}
		if importer.try_wait().unwrap().is_some() {
			assert!(
				node.is_running(),
				"the import ended with the disk not yet full"
			);
			importer = import(&node, &manifest);
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	importer.kill().ok();
	importer.wait().ok();
	let log = node.log();
	let said = log
		.lines()
		.find(|line| line.contains("No space left on device"))
		.unwrap_or_else(|| {
			panic!(
				"the node stopped without saying the disk is full; its log ends:\n{}",
				log.lines().rev().take(20).collect::<Vec<_>>().join("\n")
			)
		});
	println!("disk full: the node said: {said}");

	// Space returns: the node comes back with everything it had finalized.
	disk.grow(size * 8);
	node.restart();
	let client = connect(&node).await;
	let (back, _) = client.finalized_head().await.unwrap();
	assert!(
		back >= last_finalized,
		"finality went back from block {last_finalized} to {back}"
	);
	wait_for_finalized(&client, back + 2, Duration::from_secs(60)).await;
	let deadline = Instant::now() + Duration::from_secs(900);
	while minted(&node.ws_url(), 0).await < rows {
		assert!(Instant::now() < deadline, "the import never finished");
		import(&node, &manifest).wait().unwrap();
	}
	let items = client.collection_items(0).await.unwrap();
	let serials: BTreeSet<u32> = items.iter().map(|item| item.serial).collect();
	assert_eq!(
		serials.len() as u32,
		rows,
		"a row is missing or registered twice"
	);
	verify_whole_log(&client).await;
	println!(
		"disk full: the node {} at a {size} MiB disk with finality at #{last_finalized}, \
		 came back at #{back} with {size_more} MiB, and the import ended with {rows} rows",
		if killed {
			"said so but kept running for a minute, and was killed,"
		} else {
			"stopped by itself"
		},
		size_more = size * 8
	);
}
