//! The `registry` command line end to end: the built binary against real dev nodes.

use std::{
	collections::BTreeSet,
	process::{Command, Stdio},
	time::{Duration, Instant},
};

use registry_client::{Ed25519Signer, RegistryClient};
use registry_tests::{
	cli::{self, account_of, catalogue, minted, sha256_hex, words, Run},
	free_port, NodeConfig,
};

/// The binary with a command line split at spaces (no argument of these tests has one).
fn command(line: &str) -> Command {
	cli::command(&words(line))
}

fn registry(line: &str) -> Run {
	cli::run(&words(line))
}

/// A command against `node`, signed with the secret URI `key`, printing JSON.
fn signed(node: &str, key: &str, line: &str) -> Run {
	registry(&format!(
		"{line} --node {node} --key-uri {key} --output json"
	))
}

#[test]
fn keys_and_fingerprints_work_without_a_node() {
	let dir = tempfile::tempdir().unwrap();
	let key = dir.path().join("museum.key");
	let key = key.to_str().unwrap();

	let made = registry(&format!("key generate {key} --output json"))
		.ok()
		.json();
	let account = made["account"].as_str().unwrap().to_string();
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		let mode = std::fs::metadata(key).unwrap().permissions().mode();
		assert_eq!(mode & 0o777, 0o600, "the key file is private");
	}
	let phrase = std::fs::read_to_string(key).unwrap();
	assert_eq!(phrase.split_whitespace().count(), 12);
	assert!(
		!made.to_string().contains(phrase.trim()),
		"the secret is never printed"
	);
	let again = registry(&format!("key generate {key}")).failed();
	assert!(again.error().contains("exists"), "{}", again.error());

	let inspected = registry(&format!("key inspect --key {key} --output json"))
		.ok()
		.json();
	assert_eq!(inspected["account"], account.as_str());
	let alice = registry("key inspect --key-uri //Alice --output json")
		.ok()
		.json();
	assert_eq!(alice["account"], account_of("//Alice").as_str());

	// Wrong keys name the flag.
	let missing = registry("key inspect --key /nonexistent/registry.key").failed();
	assert!(missing.error().contains("--key /nonexistent/registry.key"));
	let garbage = dir.path().join("garbage.key");
	std::fs::write(&garbage, "not a secret phrase at all").unwrap();
	let garbage = registry(&format!("key inspect --key {}", garbage.display())).failed();
	assert!(garbage.error().contains("--key"), "{}", garbage.error());
	assert!(
		garbage.error().contains("secret phrase"),
		"{}",
		garbage.error()
	);
	let neither = registry("key inspect").usage();
	assert!(neither.error().contains("--key-uri"), "{}", neither.error());

	// Fingerprints, streamed: a file larger than the read buffer, and an empty one.
	let large: Vec<u8> = (0..3_500_000u32).map(|i| (i % 251) as u8).collect();
	let large_path = dir.path().join("scan.tif");
	std::fs::write(&large_path, &large).unwrap();
	let empty_path = dir.path().join("empty");
	std::fs::write(&empty_path, b"").unwrap();
	let hashed = registry(&format!(
		"hash --only sha256 {} {}",
		large_path.display(),
		empty_path.display()
	))
	.ok();
	assert_eq!(
		hashed.stdout,
		format!(
			"{}  {}\n{}  {}\n",
			sha256_hex(&large),
			large_path.display(),
			sha256_hex(b""),
			empty_path.display()
		)
	);
	// Both digests, and the content code or why there is none.
	let both = registry(&format!(
		"hash {} {}",
		large_path.display(),
		empty_path.display()
	))
	.ok();
	let sm3_of_nothing = "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";
	assert!(
		both.stdout
			.contains(&format!("  sha256        0x{}\n", sha256_hex(&large))),
		"{}",
		both.stdout
	);
	assert!(
		both.stdout
			.contains(&format!("  sm3           0x{sm3_of_nothing}\n")),
		"{}",
		both.stdout
	);
	// No content code for either, and a sentence saying why: the scan is named a TIFF but is
	// none, the empty file has no words.
	assert!(
		both.stdout
			.contains("no content code: the image cannot be decoded"),
		"{}",
		both.stdout
	);
	assert!(
		both.stdout
			.contains("no content code: the text has no words"),
		"{}",
		both.stdout
	);
	let text_path = dir.path().join("poem.txt");
	std::fs::write(
		&text_path,
		"Moonlight before my bed; I took it for frost on the ground.",
	)
	.unwrap();
	let coded = registry(&format!("hash {} --output json", text_path.display())).ok();
	let code = coded.json()[0]["content_code"]["iscc"]
		.as_str()
		.map(str::to_owned);
	assert!(
		code.is_some_and(|code| code.starts_with("ISCC:E")),
		"{}",
		coded.stdout
	);
	let unreadable = registry("hash /nonexistent/scan.tif").failed();
	assert!(unreadable
		.stderr
		.contains("cannot read /nonexistent/scan.tif"));

	// An unreachable node is named, with the flag to fix it.
	let nowhere = format!("ws://127.0.0.1:{}", free_port());
	let unreachable = registry(&format!("collection show 0 --node {nowhere}")).failed();
	assert!(
		unreachable.error().contains(&nowhere) && unreachable.error().contains("--node"),
		"{}",
		unreachable.error()
	);
	let as_json = registry(&format!("collection show 0 --node {nowhere} --output json"))
		.failed()
		.json();
	assert_eq!(as_json["error"]["kind"], "connection");
}

#[test]
fn the_council_admits_a_regulator_and_its_motions_are_listed_voted_and_closed() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let by_alice = |line: &str| signed(&url, "//Alice", line);
	let regulator = Ed25519Signer::generate().unwrap().account_id().to_string();
	let identity = format!("0x{}", sha256_hex(b"the regulator's real-name record"));

	// A registrar cannot grant the regulator role; the council, Alice alone here, can.
	let decided = by_alice(&format!(
		"council propose admit {regulator} --role regulator --identity-hash {identity}"
	))
	.ok()
	.json();
	assert_eq!(decided["executed"], true, "{decided}");
	let shown = by_alice(&format!("member show {regulator}")).ok().json();
	assert_eq!(shown["roles"], serde_json::json!(["Regulator"]));
	assert_eq!(shown["admitted_by"], "the consortium");

	// Roles change with the membership kept: a registrar gives an institution another role
	// and takes it back; a regulator's roles are the council's to change.
	let bob = account_of("//Bob");
	let added = by_alice(&format!("member add-role {bob} --role arbiter"))
		.ok()
		.json();
	assert_eq!(
		added["roles"],
		serde_json::json!(["Institution", "Creator", "Arbiter"])
	);
	assert_eq!(
		by_alice(&format!("member show {bob}")).ok().json()["roles"],
		added["roles"]
	);
	let again = by_alice(&format!("member add-role {bob} --role arbiter")).failed();
	assert!(
		again.error().contains("already holds Arbiter"),
		"{}",
		again.error()
	);
	let absent = by_alice(&format!("member remove-role {bob} --role regulator")).failed();
	assert!(
		absent.error().contains("does not hold Regulator"),
		"{}",
		absent.error()
	);
	by_alice(&format!("member remove-role {bob} --role arbiter")).ok();
	let appointed = by_alice(&format!("member add-role {bob} --role regulator")).failed();
	assert!(
		appointed.error().contains("only the consortium"),
		"{}",
		appointed.error()
	);
	let decided = by_alice(&format!(
		"council propose set-roles {bob} --role institution,creator,regulator"
	))
	.ok()
	.json();
	assert_eq!(decided["executed"], true, "{decided}");
	assert_eq!(
		by_alice(&format!("member show {bob}")).ok().json()["roles"],
		serde_json::json!(["Institution", "Creator", "Regulator"])
	);
	let history = by_alice("audit history members").ok().json();
	assert!(
		history["records"]
			.as_array()
			.unwrap()
			.iter()
			.any(|record| record["kind"] == "memberRolesSet"
				&& record["authorizedBy"] == "consortium"),
		"{history}"
	);

	// A motion asking for more votes than the council has waits, is listed and voted on,
	// and closing it drops it: it can never pass.
	let waiting = by_alice(&format!("council propose --threshold 2 remove {regulator}"))
		.ok()
		.json();
	assert_eq!(waiting["executed"], false);
	let motion = waiting["motion"].as_str().unwrap().to_string();
	let listed = by_alice("council motions").ok().json();
	assert_eq!(listed["motions"][0]["motion"], motion.as_str());
	assert_eq!(
		listed["motions"][0]["call"],
		format!("remove member {regulator}").as_str()
	);
	by_alice(&format!("council vote {motion} --aye")).ok();
	let voted = by_alice("council motions").ok().json();
	assert_eq!(voted["motions"][0]["ayes"].as_array().unwrap().len(), 1);
	let closed = by_alice(&format!("council close {motion}")).ok().json();
	assert_eq!(closed["executed"], false, "{closed}");
	assert_eq!(
		by_alice("council motions").ok().json()["motions"],
		serde_json::json!([])
	);
	assert_eq!(
		by_alice(&format!("member show {regulator}")).ok().json()["status"],
		"active"
	);

	// Only council members propose; an unknown motion is named.
	let bob = signed(
		&url,
		"//Bob",
		&format!("council propose remove {regulator}"),
	)
	.failed();
	assert!(
		bob.error().contains("is not a council member"),
		"{}",
		bob.error()
	);
	let unknown = by_alice(&format!("council close 0x{}", "11".repeat(32))).failed();
	assert_eq!(unknown.kind(), "not_found");
}

#[test]
fn a_wrong_command_line_exits_2_and_speaks_json_when_asked() {
	// Refused by the parser: an unknown option, a missing argument, a value out of range.
	for line in [
		"item list --colour red --output json",
		"find --output json",
		"item list --limit 5000 --owner 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --output json",
	] {
		let refused = registry(line).usage();
		let doc = refused.json();
		assert_eq!(doc["error"]["kind"], "usage", "{line}: {doc}");
		assert!(
			!doc["error"]["message"].as_str().unwrap().is_empty(),
			"{line}: {doc}"
		);
	}
	let plain = registry("item list --colour red").usage();
	assert!(plain.stderr.contains("--colour"), "{}", plain.stderr);
	// Refused by the command: a malformed subject, an inverted block range (no node needed
	// to know either is wrong).
	let subject = registry("audit history item:zero --node ws://127.0.0.1:9 --output json").usage();
	assert!(
		subject.error().contains("is not a subject"),
		"{}",
		subject.error()
	);
	let range =
		registry("audit history item:0:0 --from-block 9 --to-block 3 --node ws://127.0.0.1:9")
			.usage();
	assert!(
		range.error().contains("is after --to-block"),
		"{}",
		range.error()
	);
	// Help is not an error.
	registry("item list --help").ok();
}

#[test]
fn commands_that_work_offline_do_not_offer_the_node_or_a_key() {
	for offline in [
		"hash --help",
		"verify --help",
		"key generate --help",
		"audit verify --help",
	] {
		let help = registry(offline).ok().stdout;
		for option in ["--node", "--key ", "--key-uri"] {
			assert!(
				!help.contains(option),
				"`registry {offline}` offers {option}:\n{help}"
			);
		}
		assert!(help.contains("--output"), "{offline}: {help}");
	}
	for online in ["item show --help", "audit history --help", "web --help"] {
		let help = registry(online).ok().stdout;
		assert!(
			help.contains("--node"),
			"`registry {online}` lacks --node:\n{help}"
		);
	}
	// Still accepted anywhere on the line, where a script may have put them.
	let dir = tempfile::tempdir().unwrap();
	let file = dir.path().join("a.txt");
	std::fs::write(&file, "a").unwrap();
	registry(&format!("hash {} --node ws://127.0.0.1:9", file.display())).ok();
	registry(&format!(
		"--node ws://127.0.0.1:9 hash {} --output json",
		file.display()
	))
	.ok()
	.json();
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
	let dir = tempfile::tempdir().unwrap();
	let mut files = Vec::new();
	for n in 0..200 {
		let path = dir.path().join(format!("scan-{n}.txt"));
		std::fs::write(&path, format!("scan number {n} of a long series of scans")).unwrap();
		files.push(path.display().to_string());
	}
	let mut child = cli::command(&[&["hash".to_string()], &files[..]].concat())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("the command starts");
	// Like `| head -0`: the reader closes before anything is read.
	drop(child.stdout.take());
	let output = child.wait_with_output().unwrap();
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!stderr.contains("panicked"), "{stderr}");
	assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn an_item_goes_through_its_life_one_command_at_a_time() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let scan = dir.path().join("scan.bin");
	std::fs::write(&scan, b"a scan of a celadon vase").unwrap();
	let scan = scan.to_str().unwrap();
	let meta = "0x".to_string() + &sha256_hex(b"metadata");
	let alice = account_of("//Alice");
	let bob = account_of("//Bob");
	let by_alice = |line: &str| signed(&url, "//Alice", line);
	let by_bob = |line: &str| signed(&url, "//Bob", line);

	let created = by_alice(&format!(
		"collection create --name Celadon --metadata-uri https://museum.example/celadon.json \
		 --metadata-sha256 {meta} --max-supply 10"
	))
	.ok()
	.json();
	assert_eq!(created["collection"], 0);
	let held = by_alice(&format!(
		"collection create --name Held --metadata-uri u --metadata-sha256 {meta} \
		 --max-supply 10 --min-holding-blocks 100000"
	))
	.ok()
	.json();
	assert_eq!(held["collection"], 1);
	let shown = by_alice("collection show 1").ok().json();
	assert_eq!(shown["policy"]["min_holding_blocks"], 100000);

	let minted = by_alice(&format!(
		"item mint --collection 0 --serial 1 --file {scan} \
		 --metadata-uri https://museum.example/1.json --metadata-sha256 {meta} \
		 --catalogue-number C-1"
	))
	.ok()
	.json();
	assert_eq!(minted["item"], 0);
	let item = by_alice("item show 0 0").ok().json();
	assert_eq!(item["owner"], alice.as_str());
	assert_eq!(item["serial"], 1);
	assert_eq!(item["catalogue_number"], "C-1");
	assert_eq!(
		item["content"],
		format!("0x{}", sha256_hex(b"a scan of a celadon vase")).as_str()
	);
	let found = by_alice(&format!("find --file {scan}")).ok().json();
	assert_eq!(found["items"][0]["item"], 0);
	let twice = by_alice(&format!(
		"item mint --collection 0 --serial 2 --file {scan} --metadata-uri u \
		 --metadata-sha256 {meta}"
	))
	.failed();
	assert!(
		twice.error().contains("already item 0 of collection 0"),
		"{}",
		twice.error()
	);
	let listed = by_alice("item list").ok().json();
	assert_eq!(listed["items"][0]["item"], 0);
	let collections = by_alice("collection list").ok().json();
	assert_eq!(collections["count"], 2);
	assert_eq!(collections["collections"][1]["name"], "Held");
	let first = by_alice("collection list --limit 1").ok().json();
	assert_eq!(first["next"], 0);
	let rest = by_alice("collection list --after 0").ok().json();
	assert_eq!(rest["collections"][0]["collection"], 1);

	// A gift, then a refusal because the signer no longer holds it.
	by_alice(&format!("item transfer 0 0 --to {bob}")).ok();
	assert_eq!(by_alice("item show 0 0").ok().json()["owner"], bob.as_str());
	let not_held = by_alice(&format!("item transfer 0 0 --to {bob}")).failed();
	assert!(
		not_held
			.error()
			.contains("does not hold item 0 of collection 0"),
		"{}",
		not_held.error()
	);

	// A regulator's freeze stops everything until it is lifted.
	by_alice(&format!("item freeze 0 0 --reason 3 --evidence {meta}")).ok();
	let frozen = by_bob(&format!("item transfer 0 0 --to {alice}")).failed();
	assert!(frozen.error().contains("is frozen"), "{}", frozen.error());
	assert_eq!(frozen.json()["error"]["kind"], "Collectibles::ItemFrozen");
	by_alice(&format!(
		"item unfreeze 0 0 --reason 4 --evidence-file {scan}"
	))
	.ok();
	by_bob("item retire 0 0 --reason 9").ok();
	assert_eq!(
		by_alice("item show 0 0").ok().json()["state"],
		"retired (reason 9)"
	);

	// Drafts are corrected in place, then issued once.
	let draft = by_alice(&format!(
		"item mint --collection 0 --serial 3 --content {meta} --metadata-uri u \
		 --metadata-sha256 {meta} --draft"
	))
	.ok()
	.json();
	assert_eq!(draft["item"], 1);
	let corrected = by_alice(&format!(
		"item set-metadata 0 1 --metadata-uri v --metadata-file {scan}"
	))
	.ok()
	.json();
	// Every change is a new version, a draft's too.
	assert_eq!(corrected["version"], 1);
	by_alice("item issue 0 1").ok();
	let issued = by_alice("item issue 0 1").failed();
	assert!(
		issued.error().contains("already issued"),
		"{}",
		issued.error()
	);

	// A content hash is registered once on the whole chain, retired items included.
	let elsewhere = by_alice(&format!(
		"item mint --collection 1 --serial 1 --file {scan} --metadata-uri u \
		 --metadata-sha256 {meta}"
	))
	.failed();
	assert!(
		elsewhere.error().contains("already item 0 of collection 0"),
		"{}",
		elsewhere.error()
	);

	// The holding period names its last block and date.
	let other_scan = format!("0x{}", sha256_hex(b"a scan of a jade disc"));
	by_alice(&format!(
		"item mint --collection 1 --serial 1 --content {other_scan} --metadata-uri u \
		 --metadata-sha256 {meta}"
	))
	.ok();
	let holding = by_alice(&format!("item transfer 1 0 --to {bob}")).failed();
	assert!(
		holding.error().contains("the holding period ends at block")
			&& holding.error().contains("UTC"),
		"{}",
		holding.error()
	);

	let unknown_item = by_alice("item show 0 99").failed();
	assert_eq!(unknown_item.error(), "collection 0 has no item 99");
	let unknown_collection = by_alice("item show 7 0").failed();
	assert_eq!(unknown_collection.error(), "collection 7 does not exist");
}

#[test]
fn members_are_admitted_suspended_reinstated_and_removed() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let key = dir.path().join("library.key");
	let key = key.to_str().unwrap();
	let library = registry(&format!("key generate {key} --output json"))
		.ok()
		.json()["account"]
		.as_str()
		.unwrap()
		.to_string();
	let identity = "0x".to_string() + &sha256_hex(b"salt and a real-name record");
	let by_alice = |line: &str| signed(&url, "//Alice", line);
	let create = format!(
		"collection create --name Library --metadata-uri u --metadata-sha256 {identity} \
		 --max-supply 1 --node {url} --key {key} --output json"
	);

	let outsider = registry(&create).failed();
	assert!(
		outsider.error().contains(&library) && outsider.error().contains("not a member"),
		"{}",
		outsider.error()
	);
	let appointed = by_alice(&format!(
		"member admit {library} --role regulator --identity-hash {identity}"
	))
	.failed();
	assert!(
		appointed.error().contains("only the consortium"),
		"{}",
		appointed.error()
	);
	by_alice(&format!(
		"member admit {library} --role institution,creator --identity-hash {identity}"
	))
	.ok();
	let shown = by_alice(&format!("member show {library}")).ok().json();
	assert_eq!(
		shown["roles"],
		serde_json::json!(["Institution", "Creator"])
	);
	assert_eq!(shown["status"], "active");
	assert_eq!(
		shown["admitted_by"],
		format!("registrar {}", account_of("//Alice")).as_str()
	);
	let again = by_alice(&format!(
		"member admit {library} --role creator --identity-hash {identity}"
	))
	.failed();
	assert!(
		again.error().contains("already a member"),
		"{}",
		again.error()
	);

	by_alice(&format!("member suspend {library}")).ok();
	let suspended = registry(&create).failed();
	assert!(
		suspended.error().contains("suspended"),
		"{}",
		suspended.error()
	);
	let not_registrar = signed(&url, "//Bob", &format!("member reinstate {library}")).failed();
	assert!(
		not_registrar.error().contains("not an active registrar"),
		"{}",
		not_registrar.error()
	);
	by_alice(&format!("member reinstate {library}")).ok();
	assert_eq!(registry(&create).ok().json()["collection"], 0);
	by_alice(&format!("member remove {library}")).ok();
	let gone = by_alice(&format!("member show {library}")).failed();
	assert_eq!(gone.error(), format!("{library} is not a member"));
}

/// A catalogue of `rows` items with precomputed hashes; returns each serial's content hash.
#[tokio::test(flavor = "multi_thread")]
async fn an_import_of_ten_thousand_rows_killed_midway_resumes_without_duplicates() {
	const ROWS: u32 = 10_000;
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let manifest = dir.path().join("catalogue.csv");
	let contents = catalogue(&manifest, ROWS);
	let meta = sha256_hex(b"collection");
	signed(
		&url,
		"//Alice",
		&format!(
			"collection create --name Prints --metadata-uri u --metadata-sha256 {meta} \
			 --max-supply {ROWS}"
		),
	)
	.ok();

	// Kill the import for real once a few batches are final.
	let import = format!("import {} --collection 0", manifest.display());
	let mut child = command(&format!(
		"{import} --node {url} --key-uri //Alice --output json"
	))
	.stdout(Stdio::null())
	.stderr(Stdio::null())
	.spawn()
	.expect("the import starts");
	let deadline = Instant::now() + Duration::from_secs(120);
	let minted_before_kill = loop {
		let minted = minted(&url, 0).await;
		if minted >= 1500 {
			break minted;
		}
		assert!(
			child.try_wait().unwrap().is_none(),
			"the import ended before it could be killed"
		);
		assert!(Instant::now() < deadline, "the import made no progress");
		tokio::time::sleep(Duration::from_millis(250)).await;
	};
	child.kill().expect("the import is killed");
	child.wait().unwrap();
	assert!(minted_before_kill < ROWS, "the kill came after the import");

	let resumed = signed(&url, "//Alice", &import).ok().json();
	assert_eq!(resumed["failed"], 0);
	let skipped = resumed["already_registered"].as_u64().unwrap();
	assert!(skipped >= u64::from(minted_before_kill), "{resumed}");
	assert_eq!(
		resumed["minted"].as_u64().unwrap() + skipped,
		u64::from(ROWS)
	);

	// The chain holds every row once, with its content.
	assert_eq!(minted(&url, 0).await, ROWS);
	let items = tokio::time::timeout(Duration::from_secs(60), async {
		let client = RegistryClient::connect(&url).await.unwrap();
		client.collection_items(0).await.unwrap()
	})
	.await
	.expect("the node answers within a minute");
	assert_eq!(items.len(), ROWS as usize);
	let mut serials = BTreeSet::new();
	for item in &items {
		assert!(serials.insert(item.serial), "serial {} twice", item.serial);
		assert_eq!(hex::encode(item.content.0), contents[&item.serial]);
	}

	// The report has a line per row, each with its own item.
	let report = std::fs::read_to_string(dir.path().join("catalogue.report.csv")).unwrap();
	let mut lines = report.lines();
	assert_eq!(
		lines.next(),
		Some("row,serial,content_sha256,result,similar_to")
	);
	let mut reported = BTreeSet::new();
	let mut skipped_lines = 0;
	for (index, line) in lines.enumerate() {
		let fields: Vec<&str> = line.splitn(5, ',').collect();
		// The generated contents have no content code, so nothing is similar.
		assert_eq!(fields[4], "", "{line}");
		assert_eq!(fields[0], (index + 1).to_string());
		assert_eq!(fields[2], contents[&fields[1].parse::<u32>().unwrap()]);
		let item = match fields[3].strip_prefix("skipped: already registered as item ") {
			Some(item) => {
				skipped_lines += 1;
				item
			}
			None => fields[3].strip_prefix("item ").expect(line),
		};
		assert!(reported.insert(item.parse::<u32>().unwrap()), "{line}");
	}
	assert_eq!(reported, (0..ROWS).collect());
	assert_eq!(skipped_lines, skipped);

	// A third run has nothing left to do.
	let again = signed(&url, "//Alice", &import).ok().json();
	assert_eq!(
		(
			again["minted"].as_u64(),
			again["already_registered"].as_u64()
		),
		(Some(0), Some(u64::from(ROWS)))
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_manifests_are_refused_whole_and_name_their_rows() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let meta = sha256_hex(b"metadata");
	let by_alice = |line: &str| signed(&url, "//Alice", line);
	by_alice(&format!(
		"collection create --name Small --metadata-uri u --metadata-sha256 {meta} --max-supply 3"
	))
	.ok();
	let write = |name: &str, text: String| {
		let path = dir.path().join(name);
		std::fs::write(&path, text).unwrap();
		path.display().to_string()
	};
	let import = |manifest: &str, collection: u32| {
		by_alice(&format!("import {manifest} --collection {collection}"))
	};
	let row = |serial: u32| {
		format!(
			"{serial},{},u,{meta}\n",
			sha256_hex(format!("object {serial}").as_bytes())
		)
	};
	let header = "serial,content_sha256,metadata_uri,metadata_sha256\n";

	let missing = write("missing.csv", "serial,metadata_uri\n1,u\n".into());
	let error = import(&missing, 0).failed().error();
	assert!(
		error.contains("neither a `content_sha256` nor a `file` column"),
		"{error}"
	);

	let broken = write(
		"broken.csv",
		format!("{header}{}1,abcd,u,{meta}\n{}", row(1), row(1)),
	);
	let refused = import(&broken, 0).failed();
	assert_eq!(refused.json()["error"]["kind"], "input");
	let error = refused.error();
	assert!(
		error.contains("row 2 (line 3): content_sha256 `abcd` is not a SHA-256"),
		"{error}"
	);
	assert!(
		error.contains("row 3 (line 4): serial 1 repeats row 1 (line 2)"),
		"{error}"
	);

	let unknown_key = write("items.json", r#"[{"serial": 1, "colour": "red"}]"#.into());
	let error = import(&unknown_key, 0).failed().error();
	assert!(error.contains("row 1: unknown key `colour`"), "{error}");

	let too_many = write(
		"four.csv",
		format!("{header}{}{}{}{}", row(1), row(2), row(3), row(4)),
	);
	let error = import(&too_many, 0).failed().error();
	assert!(error.contains("room for 3 more items"), "{error}");
	let error = import(&too_many, 9).failed().error();
	assert!(error.contains("--collection 9"), "{error}");

	let stranger = Ed25519Signer::generate().unwrap().account_id().to_string();
	let with_owner = write(
		"owner.csv",
		format!(
			"serial,content_sha256,metadata_uri,metadata_sha256,owner\n{},{stranger}\n",
			row(1).trim_end()
		),
	);
	let error = import(&with_owner, 0).failed().error();
	assert!(
		error.contains(&stranger) && error.contains("not an active member"),
		"{error}"
	);

	// Nothing of the above reached the chain.
	assert_eq!(minted(&url, 0).await, 0);

	let good = write("good.csv", format!("{header}{}{}", row(1), row(2)));
	let done = import(&good, 0).ok().json();
	assert_eq!(
		(done["minted"].as_u64(), done["failed"].as_u64()),
		(Some(2), Some(0))
	);
	// A row whose serial the chain holds with other content is a conflict, refused whole.
	let conflicting = write(
		"conflict.csv",
		format!(
			"{header}{}1,{},u,{meta}\n",
			row(3),
			sha256_hex(b"another object")
		),
	);
	let error = import(&conflicting, 0).failed().error();
	assert!(
		error.contains("row 2 (line 3): serial 1 is already item 0 of collection 0"),
		"{error}"
	);
	// A row wrong in itself and one that disagrees with the chain: both told in one run.
	let both = write(
		"both.csv",
		format!(
			"{header}x,{},u,{meta}\n1,{},u,{meta}\n",
			sha256_hex(b"yet another object"),
			sha256_hex(b"a fourth object")
		),
	);
	let error = import(&both, 0).failed().error();
	assert!(
		error.contains("row 1 (line 2): serial `x` is not a whole number")
			&& error.contains("row 2 (line 3): serial 1 is already item 0 of collection 0")
			&& error.contains("2 problems"),
		"{error}"
	);
	assert_eq!(minted(&url, 0).await, 2);
	// A finished import run again says so.
	let again = registry(&format!(
		"import {good} --collection 0 --node {url} --key-uri //Alice"
	))
	.ok();
	assert!(
		again
			.stderr
			.contains("All 2 rows are already registered; nothing to mint."),
		"{}",
		again.stderr
	);
}
