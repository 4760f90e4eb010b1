//! The `registry` command line for works, rights, certificates and the audit log, end to end:
//! the built binary against a dev node, one node per test.

use std::path::Path;

use registry_client::{types::date, Ed25519Signer};
use registry_tests::{
	cli::{account_of, run as registry, sha256_hex, words, Run},
	today, NodeConfig,
};
use serde_json::Value;

/// A command against `node` signed with the secret URI `key`, printing JSON.
fn signed<S: AsRef<str>>(node: &str, key: &str, args: &[S]) -> Run {
	let mut line: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
	line.extend(["--node", node, "--key-uri", key, "--output", "json"]);
	registry(&line)
}

/// The same, printing text for people.
fn signed_text<S: AsRef<str>>(node: &str, key: &str, args: &[S]) -> Run {
	let mut line: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
	line.extend(["--node", node, "--key-uri", key]);
	registry(&line)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
	let path = dir.join(name);
	std::fs::write(&path, text).unwrap();
	path.display().to_string()
}

/// `work register` of `file` by `key`, with a title that has spaces.
fn register(url: &str, key: &str, file: &str, title: &str) -> Run {
	let meta = sha256_hex(b"metadata");
	signed(
		url,
		key,
		&[
			"work",
			"register",
			"--file",
			file,
			"--title",
			title,
			"--metadata-uri",
			"https://poets.example/river.json",
			"--metadata-sha256",
			&meta,
		],
	)
}

#[test]
fn a_creator_registers_splits_and_licenses_and_an_overlapping_exclusive_licence_is_refused() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let poem = write(
		dir.path(),
		"poem.txt",
		"River at dusk: the poem, as first written",
	);
	// Alice is an institution and an arbiter; Bob to Eve are creators and institutions.
	let (alice, bob, charlie, dave, eve) = (
		account_of("//Alice"),
		account_of("//Bob"),
		account_of("//Charlie"),
		account_of("//Dave"),
		account_of("//Eve"),
	);
	let by = |key: &str, line: &str| signed(&url, key, &words(line));

	// Bob, a creator, registers the poem from its file.
	let registered = register(&url, "//Bob", &poem, "River at dusk").ok().json();
	assert_eq!(registered["work"], 0);
	assert_eq!(registered["root_unit"], 0);
	assert_eq!(registered["authors"], serde_json::json!([bob]));
	assert_eq!(registered["created_on"], date(today()).as_str());
	let shown = by("//Bob", "work show 0").ok().json();
	assert_eq!(shown["title"], "River at dusk");
	let block = shown["registeredAtBlock"].as_u64().unwrap();

	// A second filing of the same content names the first: its work, registrant and block.
	let again = register(&url, "//Charlie", &poem, "Another river").failed();
	assert_eq!(again.kind(), "Rights::AlreadyRegistered");
	let error = again.error();
	assert!(
		error.contains("already registered as work 0 \"River at dusk\"")
			&& error.contains(&format!("filed by {bob} in block {block}")),
		"{error}"
	);

	// Alice, an institution, attests Bob's claim.
	by("//Alice", &format!("work attest 0 --claim-file {poem}")).ok();
	let shown = by("//Bob", "work show 0").ok().json();
	assert_eq!(shown["attestations"][0]["attester"], alice.as_str());

	// Rights names are checked on the command line; the moral ones are the chain's to refuse.
	let unknown = registry(&words(&format!(
		"rights split 0 --rights reproduction,resale --node {url} --key-uri //Bob"
	)));
	assert_eq!(unknown.code, Some(2), "{}", unknown.stderr);
	assert!(
		unknown.stderr.contains("`resale` is not a right")
			&& unknown.stderr.contains("informationNetworkDissemination")
			&& unknown.stderr.contains("integrity"),
		"{}",
		unknown.stderr
	);
	let moral = by("//Bob", "rights split 0 --rights reproduction,authorship").failed();
	assert_eq!(moral.kind(), "Rights::MoralRightsInalienable");
	assert!(
		moral
			.error()
			.starts_with("moral rights stay with the authors"),
		"{}",
		moral.error()
	);

	// Bob splits reproduction and network dissemination off the other rights.
	let split = by(
		"//Bob",
		"rights split 0 --rights Reproduction,information-network-dissemination",
	)
	.ok()
	.json();
	let (part, remainder) = (
		split["part"].as_u64().unwrap(),
		split["remainder"].as_u64().unwrap(),
	);

	// An exclusive licence in China for a year; an overlapping one is refused.
	let year = date(today() + 365);
	let licensed = by(
		"//Bob",
		&format!(
			"rights license {part} --to {charlie} --rights information-network-dissemination \
			 --countries cn --until {year} --exclusive"
		),
	)
	.ok()
	.json();
	assert_eq!(licensed["licence"], 0);
	assert_eq!(licensed["scope"]["territory"]["including"][0], "CN");
	let overlap = signed_text(
		&url,
		"//Bob",
		&words(&format!(
			"rights licence {part} --to {dave} --rights informationNetworkDissemination \
			 --countries FR,CN"
		)),
	)
	.failed();
	assert!(
		overlap.stderr.starts_with(
			"error: the licence would overlap an exclusive licence in force in right, \
			 territory and term"
		),
		"{}",
		overlap.stderr
	);
	assert!(
		overlap.stderr.contains(&format!(
			"It overlaps licence 0 (exclusive) from unit {part} to {charlie}"
		)),
		"names the licence it collides with: {}",
		overlap.stderr
	);

	// The other rights go to Charlie and Dave, who act together: each makes the same call.
	let assigned = by(
		"//Bob",
		&format!("rights assign {remainder} --to {charlie},{dave}"),
	)
	.ok()
	.json();
	assert_eq!(assigned["threshold"], 2);
	let shared = assigned["successor"].as_u64().unwrap();
	let to_eve = format!("rights license {shared} --to {eve} --rights translation --except US");
	let first = by("//Charlie", &to_eve).ok().json();
	assert_eq!(first["status"], "pending");
	assert_eq!(
		(first["approvals"].as_u64(), first["threshold"].as_u64()),
		(Some(1), Some(2))
	);
	let action = first["action_hash"].as_str().unwrap().to_string();
	by(
		"//Charlie",
		&format!("rights cancel-approval {shared} {action}"),
	)
	.ok();
	let again = signed_text(&url, "//Charlie", &words(&to_eve)).ok();
	assert!(
		again.stdout.contains("Approval recorded: 1 of 2"),
		"{}",
		again.stdout
	);
	// The waiting action shows where the unit is shown, with who approved it.
	let map = by("//Bob", "rights show 0").ok().json();
	assert_eq!(map["pending"][0]["unit"], shared);
	assert_eq!(
		map["pending"][0]["approved_by"],
		serde_json::json!([charlie])
	);
	let title = signed_text(&url, "//Dave", &words(&format!("rights title {shared}")))
		.ok()
		.stdout;
	assert!(
		title.contains("Waiting for approvals:") && title.contains(&charlie),
		"{title}"
	);
	let work = by("//Dave", "work show 0").ok().json();
	assert_eq!(work["pending"][0]["unit"], shared);
	let granted = by("//Dave", &to_eve).ok().json();
	assert_eq!(granted["status"], "done");
	assert_eq!(granted["licence"], 1);

	// The rights map and the chain of title read it all back.
	let map = by("//Bob", "rights show 0").ok().json();
	let mut units: Vec<u64> = map["units"]
		.as_array()
		.unwrap()
		.iter()
		.map(|u| u["unit"].as_u64().unwrap())
		.collect();
	units.sort_unstable();
	assert_eq!(units, vec![part, shared]);
	assert_eq!(map["licences"].as_array().unwrap().len(), 2);
	let then = by("//Bob", &format!("rights show 0 --at-block {block}"))
		.ok()
		.json();
	assert_eq!(then["units"][0]["unit"], 0);
	// Before the work existed there were no rights to show.
	let before = by("//Bob", &format!("rights show 0 --at-block {}", block - 1)).failed();
	assert!(
		before.error().contains(&format!(
			"work 0 was registered at block {block}; at block {} it did not exist yet",
			block - 1
		)),
		"{}",
		before.error()
	);
	// Works, collections and members are listed; the audit log's head is read.
	let works = by("//Bob", "work list").ok().json();
	assert_eq!(works["count"], 1);
	assert_eq!(works["works"][0]["title"], "River at dusk");
	let members = by("//Bob", "member list").ok().json();
	let listed: Vec<&str> = members["members"]
		.as_array()
		.unwrap()
		.iter()
		.map(|m| m["account"].as_str().unwrap())
		.collect();
	assert!(
		listed.contains(&bob.as_str()) && listed.contains(&alice.as_str()),
		"{members}"
	);
	let head = by("//Bob", "audit head").ok().json();
	assert!(head["records"].as_u64().unwrap() > 0, "{head}");
	let past = by(
		"//Bob",
		&format!("audit export --from-block 0 --to-block {}", block + 100_000),
	)
	.failed();
	assert!(
		past.error().contains("is past the finalized head"),
		"{}",
		past.error()
	);
	let title = by("//Bob", &format!("rights title {shared}")).ok().json();
	let chain: Vec<u64> = title["chain"]
		.as_array()
		.unwrap()
		.iter()
		.map(|u| u["unit"].as_u64().unwrap())
		.collect();
	assert_eq!(chain, vec![shared, remainder, 0]);
	let text = signed_text(&url, "//Bob", &words(&format!("rights title {shared}")))
		.ok()
		.stdout;
	assert!(text.contains("by registration"), "{text}");
}

#[test]
fn a_certificate_made_online_verifies_offline_and_a_tampered_one_is_rejected() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let poem = write(
		dir.path(),
		"poem.txt",
		"River at dusk: the poem, as first written",
	);
	let revised = write(dir.path(), "revised.txt", "River at dusk: as later revised");

	register(&url, "//Bob", &poem, "River at dusk").ok();
	signed(
		&url,
		"//Alice",
		&words(&format!("work attest 0 --claim-file {poem}")),
	)
	.ok();
	let made = registry(&words(&format!(
		"certificate {poem} --node {url} --output json"
	)))
	.ok()
	.json();
	let certificate = dir.path().join("poem.cert.json");
	assert_eq!(
		made["certificate"],
		certificate.display().to_string().as_str()
	);
	assert_eq!(made["work"], 0);
	let nothing = registry(&words(&format!(
		"certificate {revised} --node {url} --output json"
	)))
	.failed();
	assert_eq!(nothing.kind(), "not_found");
	assert!(
		nothing
			.error()
			.starts_with("nothing is registered with the content of"),
		"{}",
		nothing.error()
	);
	drop(node);

	// Offline from here, pinned to the dev chain's one GRANDPA key: Alice's ed25519 key.
	let certificate = certificate.display().to_string();
	let alice_key = hex::encode(Ed25519Signer::from_uri("//Alice").unwrap().public_key());
	let verify = |line: String| registry(&words(&line));
	let verified = verify(format!(
		"verify {certificate} {poem} --trusted-key 0x{alice_key} --output json"
	))
	.ok()
	.json();
	assert_eq!(verified["verified"], true);
	assert_eq!(verified["pinned"], true);
	assert_eq!(verified["file_checked"], true);
	assert_eq!(verified["work"], 0);
	// The poem was registered by file: its SM3 digest is proven with it.
	let sm3 = registry_client::fingerprint::digests_file(&poem)
		.unwrap()
		.sm3;
	assert_eq!(
		verified["content_sm3"],
		format!("0x{}", hex::encode(sm3)).as_str()
	);
	assert_eq!(
		(
			verified["signed_weight"].as_u64(),
			verified["total_weight"].as_u64()
		),
		(Some(1), Some(1))
	);
	let text = verify(format!(
		"verify {certificate} {poem} --trusted-key {alice_key}"
	))
	.ok()
	.stdout;
	assert!(
		text.contains("verifies") && text.contains("pinned: set 0 is the trusted set"),
		"{text}"
	);

	// Without a pin it verifies, and says the set was not pinned.
	let unpinned = verify(format!("verify {certificate} {poem}")).ok();
	assert!(
		unpinned.stdout.contains("NOT PINNED"),
		"{}",
		unpinned.stdout
	);
	assert!(unpinned.stderr.contains("warning"), "{}", unpinned.stderr);

	// A retitled certificate, another file, another chain's keys: each refused with why.
	let mut doc: Value =
		serde_json::from_str(&std::fs::read_to_string(&certificate).unwrap()).unwrap();
	doc["work"]["title"] = "River at dawn".into();
	let tampered = write(dir.path(), "tampered.cert.json", &doc.to_string());
	let retitled = verify(format!(
		"verify {tampered} {poem} --trusted-key {alice_key}"
	))
	.failed();
	assert!(
		retitled.stderr.contains("does not verify")
			&& retitled.stderr.contains(
				"the certificate says work.title is \"River at dawn\", the proof says \"River \
				 at dusk\""
			),
		"{}",
		retitled.stderr
	);
	let mut doc: Value =
		serde_json::from_str(&std::fs::read_to_string(&certificate).unwrap()).unwrap();
	doc["contentSm3"] = format!("0x{}", "5a".repeat(32)).into();
	let other_sm3 = write(dir.path(), "sm3.cert.json", &doc.to_string());
	let refused = verify(format!(
		"verify {other_sm3} {poem} --trusted-key {alice_key}"
	))
	.failed();
	assert!(refused.stderr.contains("contentSm3"), "{}", refused.stderr);
	let other = verify(format!(
		"verify {certificate} {revised} --trusted-key {alice_key} --output json"
	))
	.failed();
	assert_eq!(other.kind(), "verify");
	assert!(
		other.error().contains("the file's SHA-256 is"),
		"{}",
		other.error()
	);
	let bob_key = hex::encode(Ed25519Signer::from_uri("//Bob").unwrap().public_key());
	let untrusted = verify(format!(
		"verify {certificate} {poem} --trusted-key {bob_key}"
	))
	.failed();
	assert!(
		untrusted.stderr.contains("not the trusted one"),
		"{}",
		untrusted.stderr
	);
}

#[test]
fn the_audit_log_is_read_exported_and_verified_offline_and_an_alert_is_closed() {
	let node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let (alice, bob) = (account_of("//Alice"), account_of("//Bob"));
	let meta = sha256_hex(b"metadata");
	let by = |key: &str, line: &str| signed(&url, key, &words(line));

	// An item given to Bob and straight back: a back-and-forth alert.
	by(
		"//Alice",
		&format!(
			"collection create --name Gifts --metadata-uri u --metadata-sha256 {meta} \
			 --max-supply 5"
		),
	)
	.ok();
	by(
		"//Alice",
		&format!(
			"item mint --collection 0 --serial 1 --content {} --metadata-uri u \
			 --metadata-sha256 {meta}",
			sha256_hex(b"a celadon vase")
		),
	)
	.ok();
	by("//Alice", &format!("item transfer 0 0 --to {bob}")).ok();
	by("//Bob", &format!("item transfer 0 0 --to {alice}")).ok();

	// History, newest first, in each format.
	let history = by("//Alice", "audit history item:0:0").ok().json();
	let kinds: Vec<&str> = history["records"]
		.as_array()
		.unwrap()
		.iter()
		.map(|r| r["kind"].as_str().unwrap())
		.collect();
	assert_eq!(kinds, vec!["transferred", "transferred", "minted"]);
	assert_eq!(history["total"], 3);
	assert_eq!(history["records"][0]["from"], bob.as_str());
	let limited = by("//Alice", "audit history item:0:0 --limit 1")
		.ok()
		.json();
	assert_eq!(limited["records"].as_array().unwrap().len(), 1);
	assert_eq!(limited["more"], true);
	let csv = signed_text(
		&url,
		"//Alice",
		&words(&format!("audit history {bob} --format csv")),
	)
	.ok()
	.stdout;
	let mut lines = csv.lines();
	assert_eq!(
		lines.next(),
		Some(
			"seq,block,time,extrinsic,kind,subject,from,to,authorized_by,reason,evidence,\
			 detail,prev_hash,hash"
		)
	);
	assert_eq!(lines.count(), 2, "{csv}");
	let table = signed_text(&url, "//Alice", &words("audit history item:0:0 --all"))
		.ok()
		.stdout;
	assert!(
		table.contains("History of item:0:0: 3 of 3 records") && table.contains("SEQ"),
		"{table}"
	);
	let unknown = by("//Alice", "audit history item:7:7").failed();
	assert_eq!(unknown.kind(), "not_found");
	// By date, through the records' timestamps: today and yesterday (a run may cross midnight
	// UTC) hold all three, the days before none.
	let (today, yesterday, earlier) = (date(today()), date(today() - 1), date(today() - 2));
	let dated = by(
		"//Alice",
		&format!("audit history item:0:0 --from {yesterday} --to {today}"),
	)
	.ok()
	.json();
	assert_eq!(dated["total"], 3, "{dated}");
	let time = dated["records"][0]["time"].as_str().unwrap();
	assert!(
		time.starts_with(&today) || time.starts_with(&yesterday),
		"{time}"
	);
	let before = by("//Alice", &format!("audit history item:0:0 --to {earlier}"))
		.ok()
		.json();
	assert_eq!(before["total"], 0, "{before}");
	let inverted = by(
		"//Alice",
		&format!("audit history item:0:0 --from {today} --to {yesterday}"),
	)
	.usage();
	assert!(
		inverted.error().contains("is after --to"),
		"{}",
		inverted.error()
	);

	// The alert, closed by a regulator with a note.
	let alerts = by("//Alice", "audit alerts").ok().json();
	let alert = &alerts["alerts"][0];
	assert_eq!(alert["rule"]["type"], "backAndForth");
	assert_eq!(alert["subject"]["type"], "item");
	let id = alert["alert"].as_u64().unwrap();
	let note = "a gift between curators, not speculation";
	signed(
		&url,
		"//Alice",
		&["audit", "close-alert", &id.to_string(), "--note", note],
	)
	.ok();
	let closed = signed_text(
		&url,
		"//Alice",
		&words("audit alerts --status closed --format csv"),
	)
	.ok()
	.stdout;
	assert!(closed.contains(&format!(",closed,{alice},")), "{closed}");
	assert!(closed.contains(note), "{closed}");
	let twice = signed(
		&url,
		"//Alice",
		&["audit", "close-alert", &id.to_string(), "--note", note],
	)
	.failed();
	assert_eq!(twice.error(), format!("alert {id} is already closed"));

	// The export, verified against the head it ends at, then offline; one changed field fails.
	let log = dir.path().join("log.json").display().to_string();
	let exported = by(
		"//Alice",
		&format!("audit export --from-block 0 --out {log}"),
	)
	.ok()
	.json();
	assert_eq!(exported["verified"], true);
	assert_eq!(exported["ends_at_head"], true);
	let records = exported["records"].as_u64().unwrap();
	// The collection, the mint and the two gifts.
	assert!(records >= 4, "{exported}");
	// The same records, chosen by date.
	let by_date = dir.path().join("by-date.json").display().to_string();
	let dated = by(
		"//Alice",
		&format!("audit export --from {yesterday} --to {today} --out {by_date}"),
	)
	.ok()
	.json();
	assert_eq!(dated["first_seq"], 0, "{dated}");
	assert!(dated["records"].as_u64().unwrap() >= 4, "{dated}");
	let none = by("//Alice", &format!("audit export --to {earlier}")).failed();
	assert_eq!(none.kind(), "not_found", "{}", none.error());
	let alice_key = hex::encode(Ed25519Signer::from_uri("//Alice").unwrap().public_key());
	let checked = registry(&words(&format!(
		"audit verify {log} --trusted-key {alice_key} --output json"
	)))
	.ok()
	.json();
	assert_eq!(checked["records"], records);
	assert_eq!(checked["pinned"], true);
	// Pinned to another set, it is refused; without a pin, it says so.
	let bob_key = hex::encode(Ed25519Signer::from_uri("//Bob").unwrap().public_key());
	let untrusted = registry(&words(&format!(
		"audit verify {log} --trusted-key {bob_key}"
	)))
	.failed();
	assert!(
		untrusted.stderr.contains("not the trusted one"),
		"{}",
		untrusted.stderr
	);
	let unpinned = registry(&words(&format!("audit verify {log}"))).ok();
	assert!(
		unpinned.stdout.contains("NOT PINNED"),
		"{}",
		unpinned.stdout
	);
	// An export without its proof proves nothing, and the verifier says so.
	let mut bare: Value = serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
	bare.as_object_mut().unwrap().remove("proof");
	let bare = write(dir.path(), "bare.json", &bare.to_string());
	let refused = registry(&words(&format!("audit verify {bare}"))).failed();
	assert!(
		refused.stderr.contains("has no proof"),
		"{}",
		refused.stderr
	);
	let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
	doc["records"][1]["reason"] = 7.into();
	let changed = write(dir.path(), "changed.json", &doc.to_string());
	let refused = registry(&words(&format!("audit verify {changed}"))).failed();
	let seq = doc["records"][1]["seq"].as_u64().unwrap();
	assert!(
		refused.stderr.contains(&format!(
			"does not verify: record {seq}: its fields do not match its encoded bytes"
		)),
		"{}",
		refused.stderr
	);
}
