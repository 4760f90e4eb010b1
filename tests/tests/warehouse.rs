//! `registry audit sync` into a real PostgreSQL server: the SQL answers are the node's, a
//! sync killed mid-way resumes with every record once, a lying node is refused with nothing
//! written after the last verified record, and bad databases are refused with a sentence.

use std::{
	path::Path,
	process::{Child, Stdio},
	time::{Duration, Instant},
};

use registry_client::{
	evidence::encode_record,
	types::{AuditRecord, HistoryPage},
	AuditRpcClient, RegistryApiClient, RegistryClient,
};
use registry_tests::{
	cli::{account_of, catalogue, command, run as registry, words, Run},
	lying::LyingNode,
	postgres::Postgres,
	settle, NodeConfig,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn signed(node: &str, key: &str, line: &str) -> Run {
	let mut args = words(line);
	args.extend(["--node", node, "--key-uri", key, "--output", "json"].map(String::from));
	registry(&args)
}

/// `registry audit sync` run to its end, in a blocking thread so that a proxy in this
/// process keeps answering.
async fn sync(node: &str, database: &str, extra: &str) -> Run {
	let mut args = words(&format!("audit sync --node {node} --output json {extra}"));
	args.extend(["--postgres".to_string(), database.to_string()]);
	tokio::task::spawn_blocking(move || registry(&args))
		.await
		.expect("the sync runs")
}

const META: &str = "0x6d6574616461746100000000000000000000000000000000000000000000aa01";

/// A collection of `items` imported objects, on a chain with nothing else.
fn collection_of(url: &str, dir: &Path, items: u32) {
	signed(
		url,
		"//Alice",
		&format!(
			"collection create --name Prints --metadata-uri u --metadata-sha256 {META} \
			 --max-supply 1000 --min-holding-blocks 0"
		),
	)
	.ok();
	let manifest = dir.join("objects.csv");
	catalogue(&manifest, items);
	signed(
		url,
		"//Alice",
		&format!("import --collection 0 {}", manifest.display()),
	)
	.ok();
}

async fn count(db: &tokio_postgres::Client, sql: &str) -> i64 {
	db.query_one(sql, &[]).await.unwrap().get(0)
}

/// Every record of the log, oldest first, as the node's history answers.
async fn history(client: &RegistryClient, of: &str) -> Vec<AuditRecord> {
	let mut records = Vec::new();
	let mut cursor = None;
	loop {
		let page: HistoryPage = client
			.node()
			.audit_history(of.into(), Some(100), cursor, None, None, None, None)
			.await
			.unwrap();
		records.extend(page.records);
		match page.next_cursor {
			Some(next) => cursor = Some(next),
			None => break,
		}
	}
	records.reverse();
	records
}

/// Syncs until the warehouse holds the node's whole log (the newest records wait for a
/// block with a GRANDPA justification); returns the last run.
async fn sync_to_head(client: &RegistryClient, url: &str, database: &str) -> Value {
	let head = client.node().audit_head().await.unwrap().next_seq;
	let started = Instant::now();
	loop {
		let done = sync(url, database, "").await.ok().json();
		if done["nextSeq"].as_u64() == Some(head) {
			return done;
		}
		assert!(
			started.elapsed() < Duration::from_secs(60),
			"the warehouse did not reach record {head}: {done}"
		);
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_synced_warehouse_answers_as_the_node_does() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let postgres = Postgres::start();
	let database = postgres.create_database("audit").await;
	let (alice, bob, charlie) = (
		account_of("//Alice"),
		account_of("//Bob"),
		account_of("//Charlie"),
	);

	// Forty imported prints; gifts back and forth (which raises an alert), a freeze; a
	// poem registered, its reproduction right split off and licensed.
	collection_of(&url, dir.path(), 40);
	signed(&url, "//Alice", &format!("item transfer 0 0 --to {bob}")).ok();
	signed(&url, "//Bob", &format!("item transfer 0 0 --to {alice}")).ok();
	signed(&url, "//Alice", &format!("item transfer 0 1 --to {bob}")).ok();
	signed(
		&url,
		"//Alice",
		&format!("item freeze 0 2 --reason 3 --evidence {META}"),
	)
	.ok();
	let poem = dir.path().join("poem.txt");
	std::fs::write(&poem, "River at dusk, as first written").unwrap();
	signed(
		&url,
		"//Bob",
		&format!(
			"work register --file {} --title Dusk --metadata-uri u --metadata-sha256 {META}",
			poem.display()
		),
	)
	.ok();
	signed(&url, "//Bob", "rights split 0 --rights reproduction").ok();
	let map = signed(&url, "//Bob", "rights show 0").ok().json();
	let part = map["units"]
		.as_array()
		.unwrap()
		.iter()
		.find(|unit| unit["scope"]["rights"].to_string().contains("reproduction"))
		.unwrap_or_else(|| panic!("a reproduction unit in {map}"))["unit"]
		.as_u64()
		.unwrap();
	signed(
		&url,
		"//Bob",
		&format!("rights license {part} --to {charlie} --rights reproduction"),
	)
	.ok();

	let client = RegistryClient::connect(&url).await.unwrap();
	settle(&client).await;
	let done = sync_to_head(&client, &url, &database).await;
	let head = client.node().audit_head().await.unwrap();
	let db = postgres.connect("audit").await;

	// The log: every record once, in order, ending at the node's head.
	assert_eq!(
		count(&db, "SELECT count(*) FROM audit_records").await as u64,
		head.next_seq
	);
	assert_eq!(done["lastHash"].as_str(), Some(head.last_hash.as_str()));
	let last: String = db
		.query_one(
			"SELECT hash FROM audit_records ORDER BY seq DESC LIMIT 1",
			&[],
		)
		.await
		.unwrap()
		.get(0);
	assert_eq!(last, head.last_hash);

	// An item's history in SQL is its history over RPC.
	let rpc = history(&client, "item:0:0").await;
	let sql: Vec<(i64, String, String)> = db
		.query(
			"SELECT r.seq, r.kind, r.hash FROM item_history h JOIN audit_records r USING (seq) \
			 WHERE h.collection_id = 0 AND h.item_id = 0 ORDER BY seq",
			&[],
		)
		.await
		.unwrap()
		.iter()
		.map(|row| (row.get(0), row.get(1), row.get(2)))
		.collect();
	let expected: Vec<(i64, String, String)> = rpc
		.iter()
		.map(|r| (r.seq as i64, r.kind.clone(), r.hash.clone()))
		.collect();
	assert_eq!(sql, expected);
	assert_eq!(
		sql.iter()
			.filter(|(_, kind, _)| kind == "transferred")
			.count(),
		2
	);

	// Items as the node holds them: holders, the freeze, the count.
	for item in 0..3u32 {
		let on_chain = client.node().get_item(0, item).await.unwrap();
		let row = db
			.query_one(
				"SELECT holder, frozen, content_sha256 FROM items \
				 WHERE collection_id = 0 AND item_id = $1",
				&[&i64::from(item)],
			)
			.await
			.unwrap();
		assert_eq!(row.get::<_, String>(0), on_chain.owner);
		assert_eq!(row.get::<_, bool>(1), on_chain.frozen.is_some());
		assert_eq!(row.get::<_, String>(2), on_chain.content_sha256);
	}
	let frozen = count(&db, "SELECT count(*) FROM items WHERE frozen").await;
	assert_eq!(frozen, 1);
	assert_eq!(
		count(&db, "SELECT count(*) FROM freezes WHERE kind = 'frozen'").await,
		1
	);
	let minted = client.node().get_collection(0).await.unwrap().minted;
	assert_eq!(
		count(&db, "SELECT count(*) FROM items").await,
		i64::from(minted)
	);

	// Gifts per account and month: Bob's are his history's transfers to him.
	let to_bob = history(&client, &bob)
		.await
		.iter()
		.filter(|r| r.kind == "transferred" && r.to.as_deref() == Some(bob.as_str()))
		.count();
	let gifts: i64 = db
		.query_one(
			"SELECT coalesce(sum(gifts), 0)::bigint FROM gifts_per_account_month \
			 WHERE account = $1",
			&[&bob],
		)
		.await
		.unwrap()
		.get(0);
	assert_eq!((gifts, to_bob), (2, 2));

	// The alert the gift back raised, open as on the node.
	let alerts = client
		.node()
		.audit_alerts(Some("open".into()), None, None)
		.await
		.unwrap();
	assert!(alerts.open >= 1, "the gift back raised an alert");
	assert_eq!(
		count(&db, "SELECT count(*) FROM open_alerts").await as u64,
		alerts.open
	);

	// The rights map: live units and the licence, the split unit ended.
	let rights = client.rights_of(0, None).await.unwrap();
	let mut live: Vec<(i64, Vec<String>)> = db
		.query(
			"SELECT unit_id, holders FROM units WHERE work_id = 0 AND live ORDER BY unit_id",
			&[],
		)
		.await
		.unwrap()
		.iter()
		.map(|row| (row.get(0), row.get(1)))
		.collect();
	live.sort();
	let expected: Vec<(i64, Vec<String>)> = rights
		.units
		.iter()
		.map(|u| (u.unit as i64, u.holders.clone()))
		.collect();
	assert_eq!(live, expected);
	assert_eq!(
		count(
			&db,
			"SELECT count(*) FROM units WHERE unit_id = 0 AND NOT live"
		)
		.await,
		1
	);
	let licensee: String = db
		.query_one("SELECT licensee FROM licences WHERE work_id = 0", &[])
		.await
		.unwrap()
		.get(0);
	assert_eq!(licensee, charlie);

	// A second run has nothing to add and writes nothing twice.
	let again = sync(&url, &database, "").await.ok().json();
	assert_eq!(again["records"], 0);
	assert_eq!(
		count(&db, "SELECT count(*) FROM audit_records").await as u64,
		head.next_seq
	);
}

/// Waits until the warehouse's cursor is past `seq`, or the sync ends.
async fn wait_cursor_past(db: &tokio_postgres::Client, seq: i64, sync: &mut Child) -> bool {
	let started = Instant::now();
	while started.elapsed() < Duration::from_secs(120) {
		// Before the first run made the schema, there is no cursor to read.
		let cursor = db.query_opt("SELECT next_seq FROM sync_state", &[]).await;
		if let Ok(Some(row)) = cursor {
			if row.get::<_, i64>(0) > seq {
				return true;
			}
		}
		if let Ok(Some(_)) = sync.try_wait() {
			return false;
		}
		tokio::time::sleep(Duration::from_millis(20)).await;
	}
	panic!("the sync did not pass record {seq} within two minutes");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_killed_mid_way_resumes_with_every_record_once() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	collection_of(&url, dir.path(), 300);
	let client = RegistryClient::connect(&url).await.unwrap();
	settle(&client).await;
	let head = client.node().audit_head().await.unwrap().next_seq as i64;
	let postgres = Postgres::start();
	let database = postgres.create_database("audit").await;
	let db = postgres.connect("audit").await;

	// Killed three times, a quarter, half and three quarters of the way.
	let mut kills = 0;
	for quarter in 1..=3 {
		let mut args = words(&format!("audit sync --node {url} --batch 1 --output json"));
		args.extend(["--postgres".to_string(), database.clone()]);
		let mut child = command(&args)
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.unwrap();
		if wait_cursor_past(&db, head * quarter / 4, &mut child).await {
			child.kill().unwrap();
			kills += 1;
		}
		child.wait().unwrap();
	}
	assert!(kills >= 2, "the sync was killed mid-way {kills} times");
	let before = count(&db, "SELECT next_seq FROM sync_state").await;
	assert!(before < head, "the kills left records to take");

	let done = sync(&url, &database, "").await.ok().json();
	assert_eq!(done["nextSeq"].as_i64(), Some(head));
	assert_eq!(count(&db, "SELECT count(*) FROM audit_records").await, head);
	assert_eq!(
		count(&db, "SELECT count(DISTINCT seq) FROM audit_records").await,
		head
	);
	assert_eq!(
		count(&db, "SELECT max(seq) + 1 FROM audit_records").await,
		head
	);
	// Each record links to the one before it, across the kills.
	let broken = count(
		&db,
		"SELECT count(*) FROM (SELECT seq, prev_hash, lag(hash) OVER (ORDER BY seq) AS before \
		 FROM audit_records) links WHERE seq > 0 AND prev_hash <> before",
	)
	.await;
	assert_eq!(broken, 0);
	assert_eq!(count(&db, "SELECT count(*) FROM items").await, 300);
}

/// The record the lying node alters.
const ALTERED: u64 = 12;

/// Gives record [`ALTERED`] of an export another reason code, and re-hashes it and every
/// record after it, each linked to the one before: records that agree with each other.
fn alter_record(answer: &mut Value) {
	let Some(records) = answer
		.pointer_mut("/result/records")
		.and_then(Value::as_array_mut)
	else {
		return;
	};
	let mut parsed: Vec<AuditRecord> = records
		.iter()
		.map(|r| serde_json::from_value(r.clone()).unwrap())
		.collect();
	let Some(from) = parsed.iter().position(|r| r.seq == ALTERED) else {
		return;
	};
	parsed[from].reason = 77;
	for i in from..parsed.len() {
		if i > from {
			parsed[i].prev_hash = parsed[i - 1].hash.clone();
		}
		let encoded = encode_record(&parsed[i]).unwrap();
		parsed[i].encoded = format!("0x{}", hex::encode(&encoded));
		parsed[i].hash = format!("0x{}", hex::encode(Sha256::digest(&encoded)));
	}
	let last = parsed.last().unwrap().hash.clone();
	*records = parsed
		.iter()
		.map(|r| serde_json::to_value(r).unwrap())
		.collect();
	answer["result"]["lastHash"] = Value::String(last);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lying_node_and_bad_databases_are_refused_with_nothing_written() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	collection_of(&url, dir.path(), 30);
	let client = RegistryClient::connect(&url).await.unwrap();
	settle(&client).await;
	let postgres = Postgres::start();
	let database = postgres.create_database("audit").await;

	// A node that alters record 12 and re-hashes the rest: the batch holding it is refused,
	// the batches before it stay, nothing after it is written.
	let liar = LyingNode::start(&url, alter_record).await;
	let lied = sync(&liar.url, &database, "--batch 5").await.failed();
	assert_eq!(lied.kind(), "verify", "{}", lied.stdout);
	let error = lied.error();
	assert!(
		error.contains("record 14 is not the chain's") && error.contains("none of them"),
		"{error}"
	);
	let db = postgres.connect("audit").await;
	assert_eq!(count(&db, "SELECT count(*) FROM audit_records").await, 10);
	assert_eq!(count(&db, "SELECT max(seq) FROM audit_records").await, 9);
	assert_eq!(count(&db, "SELECT next_seq FROM sync_state").await, 10);
	drop(liar);

	// The honest node's records continue from there.
	let head = client.node().audit_head().await.unwrap().next_seq as i64;
	let honest = sync_to_head(&client, &url, &database).await;
	assert_eq!(honest["records"].as_i64(), Some(head - 10));
	let reason: i32 = db
		.query_one(
			"SELECT reason FROM audit_records WHERE seq = $1",
			&[&(ALTERED as i64)],
		)
		.await
		.unwrap()
		.get(0);
	assert_ne!(reason, 77);

	// A schema from a newer registry: refused, nothing written.
	signed(&url, "//Alice", "item retire 0 0 --reason 1").ok();
	settle(&client).await;
	db.batch_execute("INSERT INTO registry_schema (version, name) VALUES (99, 'from the future')")
		.await
		.unwrap();
	let newer = sync(&url, &database, "").await.failed();
	assert_eq!(newer.kind(), "refused");
	assert!(newer.error().contains("version 99"), "{}", newer.error());
	assert_eq!(count(&db, "SELECT count(*) FROM audit_records").await, head);
	db.batch_execute("DELETE FROM registry_schema WHERE version = 99")
		.await
		.unwrap();

	// A node of another chain: refused, nothing written.
	let other = NodeConfig::local_validator("alice", &registry_tests::dev_node_key(1)).start();
	let elsewhere = sync(&other.ws_url(), &database, "").await.failed();
	assert_eq!(elsewhere.kind(), "refused");
	let error = elsewhere.error();
	assert!(
		error.contains("holds the audit log of chain \"Registry Development\"")
			&& error.contains("another database"),
		"{error}"
	);
	assert_eq!(count(&db, "SELECT count(*) FROM audit_records").await, head);

	// Wrong password, a closed port, not a URL: a sentence, no password shown.
	let wrong = database.replace(registry_tests::postgres::PASSWORD, "not-the-password");
	let denied = sync(&url, &wrong, "").await.failed();
	assert_eq!(denied.kind(), "database");
	assert!(
		denied.error().contains("password authentication failed")
			&& !denied.error().contains("not-the-password"),
		"{}",
		denied.error()
	);
	let closed = format!(
		"postgres://registry:x@127.0.0.1:{}/audit",
		registry_tests::free_port()
	);
	let unreachable = sync(&url, &closed, "").await.failed();
	assert_eq!(unreachable.kind(), "database");
	assert!(
		unreachable
			.error()
			.contains("cannot connect to PostgreSQL at registry@127.0.0.1"),
		"{}",
		unreachable.error()
	);
	let not_url = sync(&url, "postgres://[nonsense", "").await.failed();
	assert_eq!(not_url.kind(), "input", "{}", not_url.stdout);

	// Nothing of that was written; the honest sync takes the retirement.
	assert_eq!(count(&db, "SELECT count(*) FROM audit_records").await, head);
	sync_to_head(&client, &url, &database).await;
	assert_eq!(
		count(&db, "SELECT count(*) FROM items WHERE state = 'retired'").await,
		1
	);
}

/// A catch-up that outlasts the state the node keeps moves to newer finalized blocks as it
/// goes; one that stays at the block it started from finds that block's state discarded.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_sync_moves_to_newer_blocks_before_the_node_discards_their_state() {
	use registry_client::warehouse::{SyncOptions, Warehouse};
	// Four blocks of state: eight seconds of a development chain.
	let node = NodeConfig::dev().arg("--state-pruning").arg("4").start();
	let dir = tempfile::tempdir().unwrap();
	collection_of(&node.ws_url(), dir.path(), 6);
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	settle(&client).await;
	let postgres = Postgres::start();
	let database = postgres.create_database("pruned").await;
	// The first batch is held up for longer than the node keeps a block's state.
	let slow = |batch: &registry_client::warehouse::Batch| {
		if batch.cursor.next_seq == 1 {
			std::thread::sleep(Duration::from_secs(14));
		}
	};

	let mut warehouse = Warehouse::open(&database, &client).await.unwrap();
	let stays = SyncOptions {
		batch: 1,
		anchor_for: Duration::from_secs(3600),
		..SyncOptions::default()
	};
	let error = warehouse
		.sync(&client, &stays, slow)
		.await
		.expect_err("the block's state is gone after 14 s")
		.to_string();
	assert!(error.contains("discarded"), "{error}");
	// What was written before stays, and the next sync goes on from it.
	assert_eq!(warehouse.cursor().next_seq, 1);

	let moves = SyncOptions {
		batch: 1,
		anchor_for: Duration::from_secs(2),
		..SyncOptions::default()
	};
	let mut proven = Vec::new();
	let round = warehouse
		.sync(&client, &moves, |batch| {
			proven.push(batch.proven_block);
			if batch.cursor.next_seq == 2 {
				std::thread::sleep(Duration::from_secs(14));
			}
		})
		.await
		.expect("a sync that moves on outlasts the pruning");
	let head = client.node().audit_head().await.unwrap();
	assert!(warehouse.cursor().next_seq >= head.next_seq, "{round:?}");
	assert!(
		proven.first() < proven.last(),
		"the batches were proven at newer blocks as the sync went: {proven:?}"
	);
}
