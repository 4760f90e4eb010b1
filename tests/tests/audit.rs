//! The audit log end to end on a development chain: a thousand transfers of one item, the
//! export checked offline against the chain's head, anti-speculation alerts, and the RPC's
//! answers to bad input.

use registry_client::{
	certificate::{Trust, TrustedAuthorities},
	collectibles::{MetadataRef, MintRequest},
	evidence::{encode_record, verify_export, verify_proven_export, ProvenExport},
	members::Role,
	runtime::{self, runtime_types::pallet_members::pallet::Call as MembersCall},
	AuditRpcClient, Ed25519Signer, Error, RegistryApiClient, RegistryClient, H256,
};
use registry_tests::{create_collection, settle, tx, NodeConfig};

const TRANSFERS: usize = 1000;
/// Transfers handed to the pool before waiting for them: each is signed by the item's holder
/// at that point, and the pool keeps equal-priority transactions in the order they came.
const CHUNK: usize = 100;

/// Re-encodes and re-hashes the export's records from `from` on, each linked to the one
/// before: a made-up export whose records agree with each other.
fn rehash_from(file: &mut ProvenExport, from: usize) {
	use sha2::{Digest, Sha256};
	let records = &mut file.export.records;
	for i in from..records.len() {
		if i > 0 {
			records[i].prev_hash = records[i - 1].hash.clone();
		}
		let encoded = encode_record(&records[i]).expect("a record");
		records[i].encoded = format!("0x{}", hex::encode(&encoded));
		records[i].hash = format!("0x{}", hex::encode(Sha256::digest(&encoded)));
	}
	file.export.last_hash = records.last().expect("records").hash.clone();
}

fn signer(uri: &str) -> Ed25519Signer {
	Ed25519Signer::from_uri(uri).expect("a development key")
}

/// A collection whose items may change hands at once and as often as asked, with one item
/// held by `owner`; returns the collection's number.
async fn collection_with_one_item(client: &RegistryClient, owner: &Ed25519Signer) -> u32 {
	let collection = create_collection(client, owner, "Gifts", 10).await;
	client
		.submit(
			&tx().collectibles().mint_batch(
				collection,
				vec![MintRequest {
					content: H256::repeat_byte(0xAA),
					metadata: MetadataRef {
						uri: b"https://museum.example/gifts/0.json".to_vec(),
						sha256: H256::repeat_byte(1),
					},
					serial: 1,
					creator: owner.account_id(),
					catalogue_number: None,
					owner: owner.account_id(),
					fingerprints: registry_client::collectibles::Fingerprints::NONE,
				}],
				false,
			),
			owner,
		)
		.await
		.expect("the item is minted");
	collection
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_transfers_make_a_thousand_linked_records_that_verify_against_the_head() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let alice = signer("//Alice");
	let bob = signer("//Bob");
	let collection = collection_with_one_item(&client, &alice).await;
	let item = format!("item:{collection}:0");
	let holders = [&alice, &bob];
	// The pool orders members by how much of their window they used; Alice has no limit, so
	// Bob is made unlimited too, and their interleaved gifts keep the order they were sent in.
	client
		.council_decides(
			runtime::Call::Members(MembersCall::set_rate_limit {
				role: Role::Institution,
				limit: None,
			}),
			1,
			&alice,
			&[],
		)
		.await
		.expect("the council lifts the institutions' limit");
	let before = client.node().audit_head().await.unwrap().next_seq;

	// Alice and Bob give the item to each other a thousand times, a chunk at a time. The pool
	// does not know that a gift depends on the one before (they have different signers), so
	// a block may take one before the other: that gift fails and is sent again.
	let mut done = 0;
	let mut rounds = 0;
	while done < TRANSFERS {
		rounds += 1;
		assert!(
			rounds <= 3 * TRANSFERS / CHUNK,
			"too many gifts keep failing"
		);
		let owner = client.node().get_item(collection, 0).await.unwrap().owner;
		let mut holder = if owner == alice.account_id().to_string() {
			0
		} else {
			1
		};
		// The pool is empty after `settle`, so each signer's next nonce is read once and then
		// counted here: asking the node before every gift races its pool's upkeep after each
		// block, which can hand out a nonce just used and so sign a copy of an earlier gift.
		let mut nonces = [0; 2];
		for (nonce, signer) in nonces.iter_mut().zip(holders) {
			*nonce = client.next_nonce(&signer.account_id()).await.unwrap();
		}
		for _ in 0..CHUNK.min(TRANSFERS - done) {
			let (from, to) = (holders[holder], holders[1 - holder]);
			let signed = client
				.sign_with_nonce(
					&tx().collectibles().transfer(collection, 0, to.account_id()),
					from,
					nonces[holder],
				)
				.await
				.unwrap();
			nonces[holder] += 1;
			client.submit_without_waiting(&signed).await.unwrap();
			holder = 1 - holder;
		}
		settle(&client).await;
		let history = client
			.node()
			.audit_history(item.to_string(), Some(1), None, None, None, None, None)
			.await
			.unwrap();
		done = (history.total - 1) as usize;
	}
	let owner = client.node().get_item(collection, 0).await.unwrap().owner;
	assert_eq!(
		owner,
		alice.account_id().to_string(),
		"an even number of gifts"
	);

	// The item's history: the mint and a thousand transfers, newest first, in pages.
	let mut transfers = 0;
	let mut cursor = None;
	let total = loop {
		let page = client
			.node()
			.audit_history(item.to_string(), Some(100), cursor, None, None, None, None)
			.await
			.unwrap();
		transfers += page
			.records
			.iter()
			.filter(|r| r.kind == "transferred")
			.count();
		match page.next_cursor {
			Some(next) => cursor = Some(next),
			None => break page.total,
		}
	};
	assert_eq!(total, 1 + TRANSFERS as u64);
	assert_eq!(transfers, TRANSFERS);

	// The whole log, exported, links record to record and ends at the chain's own head.
	let head = client.node().audit_head().await.unwrap();
	assert!(head.next_seq >= before + TRANSFERS as u64);
	let export = client
		.audit_export_all(0, head.last_block)
		.await
		.expect("the export verifies");
	assert_eq!(export.records.len() as u64, head.next_seq);
	assert_eq!(export.prev_hash, format!("0x{}", "00".repeat(32)));
	assert_eq!(export.last_hash, head.last_hash);
	assert_eq!(export.head.last_hash, head.last_hash);
	// The head the export names is the one in the chain's state at the block it was read at.
	let stored = client
		.fetch(runtime::storage().audit().head(), ())
		.await
		.unwrap()
		.expect("the chain keeps the log's head");
	let stored_hash = format!("0x{}", hex::encode(stored.last_hash));
	assert_eq!(stored_hash, head.last_hash);

	// Tampering with any record is caught offline.
	let mut tampered = export.clone();
	let middle = tampered.records.len() / 2;
	tampered.records[middle].to = Some(alice.account_id().to_string());
	tampered.records[middle].from = Some(alice.account_id().to_string());
	assert!(verify_export(&tampered).is_err());

	// The export with its proof: the chain's own records at both ends, at a block GRANDPA
	// finalized. It verifies against the development chain's GRANDPA key (Alice's).
	let proven = client
		.audit_export_proven(0, None)
		.await
		.expect("a proven export");
	let trusted = TrustedAuthorities::from_public_keys([alice.public_key()]);
	let verified = verify_proven_export(&proven, Some(&trusted)).expect("the export verifies");
	assert!(matches!(verified.trust, Trust::Pinned { .. }));
	assert_eq!(verified.records, proven.export.records.len());
	assert!(verified.records as u64 >= TRANSFERS as u64);
	let refused = |file: &ProvenExport| {
		verify_proven_export(file, Some(&trusted)).expect_err("a changed export is refused")
	};

	// Made up, with consistent hashes: every record from the middle on re-encoded and
	// re-hashed, so the records agree with each other but not with the chain.
	let mut made_up = proven.clone();
	let records = &mut made_up.export.records;
	let middle = records.len() / 2;
	records[middle].reason = 9;
	rehash_from(&mut made_up, middle);
	verify_export(&made_up.export).expect("the made-up records agree with each other");
	let error = refused(&made_up);
	assert!(error.contains("is not the chain's"), "{error}");

	// Cut short at the end: the record left out is of a block inside the range.
	let mut cut = proven.clone();
	cut.export.records.pop();
	cut.export.last_hash = cut.export.records.last().unwrap().hash.clone();
	let error = refused(&cut);
	assert!(error.contains("it was cut short"), "{error}");

	// Cut short at the start.
	let mut late = proven.clone();
	let first = late.export.records.remove(0);
	late.export.start_seq = first.seq + 1;
	late.export.prev_hash = first.hash;
	let error = refused(&late);
	assert!(error.contains("do not belong together"), "{error}");

	// Reordered: two records swapped.
	let mut swapped = proven.clone();
	swapped.export.records.swap(1, 2);
	let error = refused(&swapped);
	assert!(
		error.contains("follows record") || error.contains("does not link"),
		"{error}"
	);

	// Signed by a set that is not the trusted one.
	let bobs = TrustedAuthorities::from_public_keys([signer("//Bob").public_key()]);
	let error = verify_proven_export(&proven, Some(&bobs)).unwrap_err();
	assert!(error.contains("not the trusted one"), "{error}");

	// A proof of a block before the range's end cannot show the range complete.
	let mut early = proven.clone();
	early.export.to_block = verified.block_number + 1;
	let error = refused(&early);
	assert!(error.contains("before the export's last block"), "{error}");

	// A block not yet justified is refused with the newest one named.
	let error = client
		.audit_export_proven(0, Some(verified.block_number + 1000))
		.await
		.unwrap_err()
		.to_string();
	assert!(
		error.contains("not yet finalized with a GRANDPA justification"),
		"{error}"
	);

	// Giving the item straight back raised back-and-forth alerts, and the burst rule fired.
	let alerts = client
		.node()
		.audit_alerts(Some("open".to_string()), None, Some(100))
		.await
		.unwrap();
	assert!(
		alerts.open >= TRANSFERS as u64,
		"{} open alerts",
		alerts.open
	);
	let kinds: Vec<String> = alerts
		.alerts
		.iter()
		.map(|a| serde_json::to_value(a.rule).unwrap()["type"].to_string())
		.collect();
	assert!(kinds.iter().any(|k| k == "\"backAndForth\""), "{kinds:?}");
	assert!(kinds.iter().any(|k| k == "\"transferBurst\""), "{kinds:?}");

	// A regulator closes one with a note.
	let first = alerts.alerts[0].alert;
	client
		.submit(
			&tx()
				.audit()
				.close_alert(first, b"reviewed: a test of the registry".to_vec()),
			&alice,
		)
		.await
		.expect("the regulator closes the alert");
	let closed = client
		.node()
		.audit_alerts(Some("closed".to_string()), None, None)
		.await
		.unwrap();
	assert_eq!(closed.alerts.len(), 1);
	assert_eq!(closed.alerts[0].alert, first);
	assert_eq!(
		closed.alerts[0].note.as_deref(),
		Some("reviewed: a test of the registry")
	);
}

/// The node's answer to a bad RPC call: a JSON-RPC error with this code, naming `mention`.
async fn refuses<T: std::fmt::Debug, E: Into<Error>>(
	result: Result<T, E>,
	code: i32,
	mention: &str,
) {
	match result.map_err(Into::into) {
		Err(Error::Rpc {
			code: got, message, ..
		}) => {
			assert_eq!(got, code, "{message}");
			assert!(
				message.contains(mention),
				"{message:?} does not mention {mention:?}"
			);
		}
		other => panic!("expected a JSON-RPC error, got {other:?}"),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rpc_refuses_bad_input_with_errors_and_keeps_serving() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let alice = signer("//Alice");
	let collection = collection_with_one_item(&client, &alice).await;
	const INVALID: i32 = -32602;
	const NOT_FOUND: i32 = 1000;

	refuses(
		client
			.node()
			.audit_history("item:0".to_string(), None, None, None, None, None, None)
			.await,
		INVALID,
		"item:<collection>:<item>",
	)
	.await;
	refuses(
		client
			.node()
			.audit_history(
				"5NotAnAddress".to_string(),
				None,
				None,
				None,
				None,
				None,
				None,
			)
			.await,
		INVALID,
		"SS58",
	)
	.await;
	refuses(
		client
			.node()
			.audit_history(
				format!("item:{collection}:0"),
				Some(101),
				None,
				None,
				None,
				None,
				None,
			)
			.await,
		INVALID,
		"over the bound of 100",
	)
	.await;
	refuses(
		client
			.node()
			.audit_history(
				format!("item:{collection}:0"),
				None,
				None,
				Some(9),
				Some(3),
				None,
				None,
			)
			.await,
		INVALID,
		"inverted",
	)
	.await;
	refuses(
		client
			.node()
			.audit_history("item:77:7".to_string(), None, None, None, None, None, None)
			.await,
		NOT_FOUND,
		"item:77:7",
	)
	.await;
	refuses(
		client.node().audit_export(9, 3, None, None).await,
		INVALID,
		"inverted",
	)
	.await;
	refuses(
		client
			.node()
			.audit_alerts(Some("pending".to_string()), None, None)
			.await,
		INVALID,
		"\"open\", \"closed\" or \"all\"",
	)
	.await;
	refuses(
		client.node().get_item(collection, 42).await,
		NOT_FOUND,
		"has no item 42",
	)
	.await;
	refuses(
		client.node().get_work(99).await,
		NOT_FOUND,
		"no work has number 99",
	)
	.await;
	refuses(
		client.find_by_content_hash(H256::repeat_byte(0x99)).await,
		NOT_FOUND,
		"no collectible and no work",
	)
	.await;
	let raw: Result<serde_json::Value, Error> = client
		.raw_request(
			"registry_findByContentHash",
			registry_client::subxt::rpcs::rpc_params!["0x1234"],
		)
		.await;
	refuses(raw, INVALID, "64 hex digits").await;

	// The node keeps serving.
	let item = client.node().get_item(collection, 0).await.unwrap();
	assert_eq!(item.owner, alice.account_id().to_string());
	let history = client
		.node()
		.audit_history(
			format!("item:{collection}:0"),
			None,
			None,
			None,
			None,
			None,
			None,
		)
		.await
		.unwrap();
	assert_eq!(history.total, 1);
	assert_eq!(history.records[0].kind, "minted");
}
