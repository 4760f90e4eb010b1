//! Digital collectibles end to end: a museum mints a thousand items and reads them back.

use std::collections::BTreeSet;

use registry_client::{
	collectibles::{MetadataRef, MintRequest},
	fingerprint::sha256_reader,
	runtime::collectibles::events::{BatchMinted, CollectionCreated},
	Ed25519Signer, Error, RegistryClient, H256,
};
use registry_tests::{create_collection, open_collection, tx, NodeConfig};

const ITEMS: u32 = 1000;
const BATCH: u32 = 250;

fn content_of(serial: u32) -> H256 {
	let bytes = format!("scan of object {serial}").into_bytes();
	H256(sha256_reader(&bytes[..]).expect("hashing memory cannot fail"))
}

fn request(serial: u32, museum: &Ed25519Signer) -> MintRequest {
	MintRequest {
		content: content_of(serial),
		metadata: MetadataRef {
			uri: format!("https://museum.example/objects/{serial}.json").into_bytes(),
			sha256: H256::repeat_byte((serial % 251) as u8),
		},
		serial,
		creator: museum.account_id(),
		catalogue_number: Some(format!("M-{serial:05}").into_bytes()),
		owner: museum.account_id(),
		fingerprints: registry_client::collectibles::Fingerprints::NONE,
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_museum_mints_a_thousand_items_and_reads_them_back() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let museum = Ed25519Signer::from_uri("//Alice").unwrap();
	let bob = Ed25519Signer::from_uri("//Bob").unwrap();

	// One spare, so that the repeated content below is what the chain refuses.
	let created = client
		.submit(&open_collection("Palace ceramics", ITEMS + 1), &museum)
		.await
		.expect("the collection is created");
	assert!(created.has::<CollectionCreated>());
	let collection = 0;

	for start in (0..ITEMS).step_by(BATCH as usize) {
		let requests = (start..start + BATCH)
			.map(|serial| request(serial, &museum))
			.collect();
		let done = client
			.submit(
				&tx().collectibles().mint_batch(collection, requests, false),
				&museum,
			)
			.await
			.expect("the batch is minted");
		// One event names the batch's range of items.
		let mint_events = done
			.event_names()
			.into_iter()
			.filter(|(_, name)| name == "BatchMinted" || name == "ItemMinted")
			.count();
		assert_eq!(mint_events, 1);
		let batch = done.event::<BatchMinted>().unwrap();
		assert_eq!((batch.first_item, batch.count), (start, BATCH));
	}

	// Every item comes back once through the owner's pages.
	let mut listed = BTreeSet::new();
	let mut cursor = None;
	loop {
		let page = client
			.items_of_owner(&museum.account_id(), cursor, 300)
			.await
			.unwrap();
		if page.is_empty() {
			break;
		}
		cursor = page.last().copied();
		for entry in page {
			assert!(listed.insert(entry), "{entry:?} listed twice");
		}
	}
	assert_eq!(
		listed,
		(0..ITEMS)
			.map(|item| (collection, item))
			.collect::<BTreeSet<_>>()
	);

	// Each item reads back as minted (items are numbered in mint order, serials likewise).
	for item in (0..ITEMS).step_by(37).chain([ITEMS - 1]) {
		let info = client
			.item(collection, item)
			.await
			.unwrap()
			.expect("the item exists");
		assert_eq!(info.serial, item);
		assert_eq!(info.content, content_of(item));
		assert_eq!(info.owner, museum.account_id());
		assert_eq!(
			info.catalogue_number,
			Some(format!("M-{item:05}").into_bytes())
		);
	}
	assert_eq!(
		client.items_by_content(content_of(640)).await.unwrap(),
		vec![(collection, 640)]
	);
	assert!(client.item(collection, ITEMS).await.unwrap().is_none());

	// A content hash cannot be minted twice in a collection.
	let mut repeated = request(5, &museum);
	repeated.serial = ITEMS;
	match client
		.submit(
			&tx()
				.collectibles()
				.mint_batch(collection, vec![repeated], false),
			&museum,
		)
		.await
	{
		Err(Error::Dispatch { pallet, error, .. }) => {
			assert_eq!(
				(pallet.as_str(), error.as_str()),
				("Collectibles", "ContentAlreadyMinted")
			);
		}
		other => panic!("a repeated mint was not refused: {other:?}"),
	}

	// A gift moves the item between the holders' listings.
	client
		.submit(
			&tx()
				.collectibles()
				.transfer(collection, 7, bob.account_id()),
			&museum,
		)
		.await
		.expect("the gift goes through");
	assert_eq!(
		client
			.items_of_owner(&bob.account_id(), None, 10)
			.await
			.unwrap(),
		vec![(collection, 7)]
	);
	assert_eq!(
		client.item(collection, 7).await.unwrap().unwrap().owner,
		bob.account_id()
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_flooding_the_chain_leaves_room_for_another_members_registration() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let bob = Ed25519Signer::from_uri("//Bob").unwrap();
	let charlie = Ed25519Signer::from_uri("//Charlie").unwrap();
	let flooded = create_collection(&client, &bob, "Flood", 100_000).await;
	let own = create_collection(&client, &charlie, "Own", 100_000).await;

	// Bob sends eight of the largest batches at once: a block holds one of them.
	const BATCHES: u32 = 8;
	let batch = client
		.collectibles_limits()
		.await
		.expect("the chain's bounds")
		.max_batch_size;
	let calls: Vec<_> = (0..BATCHES)
		.map(|b| {
			let requests = (b * batch..(b + 1) * batch)
				.map(|serial| request(serial, &bob))
				.collect();
			tx().collectibles().mint_batch(flooded, requests, false)
		})
		.collect();
	for signed in client.sign_all(&calls, &bob).await.unwrap() {
		client
			.submit_without_waiting(&signed)
			.await
			.expect("the pool takes Bob's batch");
	}

	// Charlie's registration gets in while most of Bob's flood still waits.
	let mut mine = request(1_000_000, &charlie);
	mine.content = H256::repeat_byte(0xC3);
	client
		.submit(
			&tx().collectibles().mint_batch(own, vec![mine], false),
			&charlie,
		)
		.await
		.expect("Charlie's item is registered");
	// What the chain holds as Charlie's registration is final.
	let minted = client
		.collection(flooded)
		.await
		.unwrap()
		.expect("Bob's collection")
		.minted;
	let bob_included = minted / batch;
	assert!(
		bob_included < BATCHES / 2,
		"Charlie waited for {bob_included} of Bob's {BATCHES} batches"
	);
}
