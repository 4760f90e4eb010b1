//! The chain end to end: real nodes, real signed transactions.

use std::time::Duration;

use registry_client::{
	runtime::{self, system::calls::RemarkWithEvent, system::events::Remarked},
	subxt::{self, config::SubstrateConfig, rpcs::rpc_params, transactions::StaticPayload},
	Ed25519Signer, Error, RegistryClient, RegistryConfig, Rejection, H256,
};
use registry_tests::{local_validators, tx, wait_for_finalized, Node, NodeConfig};

async fn dev_node() -> (Node, RegistryClient) {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url())
		.await
		.expect("the client connects");
	(node, client)
}

fn remark(text: &str) -> StaticPayload<RemarkWithEvent> {
	tx().system().remark_with_event(text.as_bytes().to_vec())
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_produces_and_finalizes_blocks() {
	let (_node, client) = dev_node().await;
	let (number, hash) = wait_for_finalized(&client, 3, Duration::from_secs(60)).await;
	assert_eq!(client.block_hash(number).await.unwrap(), Some(hash));
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_stops_the_node_with_an_ordinary_line_and_no_failed_task() {
	let (mut node, client) = dev_node().await;
	wait_for_finalized(&client, 2, Duration::from_secs(60)).await;
	let status = std::process::Command::new("kill")
		.args(["-s", "TERM", &node.pid().to_string()])
		.status()
		.expect("kill runs");
	assert!(status.success());
	assert!(
		node.exits_within(Duration::from_secs(30)),
		"the node stops on SIGTERM"
	);
	let log = node.log();
	assert!(
		log.contains("Stopped on SIGTERM: every task ended, the database is closed.")
			|| log.contains("Stopped on request: every task ended, the database is closed."),
		"an ordinary last line: {log}"
	);
	assert!(
		!log.contains("Essential task") && !log.contains("Shutting down service"),
		"a plain stop reports no failure: {log}"
	);
	// The stopped node starts again on its database.
	node.restart();
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_finalize_and_agree_on_the_finalized_hash() {
	let nodes = local_validators();
	let mut clients = Vec::new();
	for node in &nodes {
		clients.push(RegistryClient::connect(&node.ws_url()).await.unwrap());
	}
	let mut heights = Vec::new();
	for client in &clients {
		heights.push(
			wait_for_finalized(client, 4, Duration::from_secs(120))
				.await
				.0,
		);
	}
	let agreed = *heights.iter().min().unwrap();
	let alice_hash = clients[0]
		.block_hash(agreed)
		.await
		.unwrap()
		.expect("alice has the block");
	for client in &clients[1..] {
		assert_eq!(
			client.block_hash(agreed).await.unwrap(),
			Some(alice_hash),
			"{} finalized a different block {agreed}",
			client.url()
		);
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ed25519_members_signed_call_is_finalized() {
	let (_node, client) = dev_node().await;
	let alice = Ed25519Signer::from_uri("//Alice").unwrap();
	let record = client
		.fetch(
			runtime::storage().members().members(),
			(alice.account_id(),),
		)
		.await
		.unwrap();
	assert!(
		record.is_some(),
		"the ed25519 //Alice key is a genesis member"
	);

	let done = client
		.submit(&remark("first registration"), &alice)
		.await
		.expect("finalized");
	assert!(done.has::<Remarked>(), "events: {:?}", done.event_names());
	assert!(done.has_event("System", "ExtrinsicSuccess"));
	let (finalized, _) = client.finalized_head().await.unwrap();
	let block = client.block_extrinsics(done.block_hash).await.unwrap();
	assert!(
		block.len() >= 2,
		"the block holds the timestamp and the remark"
	);
	assert!(finalized >= 1);
	assert_eq!(client.next_nonce(&alice.account_id()).await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_non_members_call_is_rejected_with_code_1_and_never_included() {
	let (mut node, client) = dev_node().await;
	wait_for_finalized(&client, 1, Duration::from_secs(60)).await;
	let stranger = Ed25519Signer::generate().unwrap();
	let encoded = client
		.sign(&remark("not allowed"), &stranger)
		.await
		.unwrap();

	// Through the client: a typed rejection.
	match client.submit_encoded(encoded.clone()).await {
		Err(Error::Rejected(Rejection::NotAMember)) => {}
		other => panic!("expected a NotAMember rejection, got {other:?}"),
	}
	// At the pool itself: JSON-RPC error 1010 carrying the documented code.
	let raw = subxt::rpcs::RpcClient::from_insecure_url(node.ws_url())
		.await
		.unwrap();
	let error = raw
		.request::<serde_json::Value>(
			"author_submitExtrinsic",
			rpc_params![format!("0x{}", hex::encode(&encoded))],
		)
		.await
		.expect_err("the pool refuses the transaction");
	match error {
		subxt::rpcs::Error::User(error) => {
			assert_eq!(error.code, 1010, "{error:?}");
			let data = error
				.data
				.as_ref()
				.map(|d| d.get().to_string())
				.unwrap_or_default();
			assert!(data.contains("Custom error: 1"), "{data}");
		}
		other => panic!("expected a JSON-RPC error, got {other}"),
	}
	// Sent again, it is refused again for what it is: the node screens non-members out before
	// the pool, which would only have said that it refused it before.
	match client.submit_without_waiting(&encoded).await {
		Err(Error::Rejected(Rejection::NotAMember)) => {}
		other => panic!("expected the resent transaction to be refused again, got {other:?}"),
	}
	// The client's raw submission reads the code of a fresh one.
	let another = client
		.sign(&remark("not allowed either"), &stranger)
		.await
		.unwrap();
	match client.submit_without_waiting(&another).await {
		Err(Error::Rejected(Rejection::NotAMember)) => {}
		other => panic!("expected a NotAMember rejection, got {other:?}"),
	}

	// Several blocks later, no block holds it.
	let (finalized, _) = wait_for_finalized(&client, 4, Duration::from_secs(60)).await;
	for number in 1..=finalized {
		let hash = client.block_hash(number).await.unwrap().unwrap();
		for extrinsic in client.block_extrinsics(hash).await.unwrap() {
			assert_ne!(
				extrinsic, encoded,
				"block {number} contains the rejected transaction"
			);
		}
	}
	assert!(node.is_running());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_metadata_has_no_currency_pallets() {
	let (_node, client) = dev_node().await;
	let pallets = client.pallet_names().await.unwrap();
	for present in [
		"System",
		"Timestamp",
		"Aura",
		"Grandpa",
		"Members",
		"Collectibles",
	] {
		assert!(
			pallets.iter().any(|p| p == present),
			"{present} missing from {pallets:?}"
		);
	}
	for absent in ["Balances", "TransactionPayment", "Sudo"] {
		assert!(
			!pallets.iter().any(|p| p == absent),
			"{absent} is in {pallets:?}"
		);
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_transactions_are_rejected_and_the_node_keeps_running() {
	let (mut node, client) = dev_node().await;
	wait_for_finalized(&client, 1, Duration::from_secs(60)).await;
	let alice = Ed25519Signer::from_uri("//Alice").unwrap();

	// Malformed bytes.
	match client.submit_without_waiting(&[0x04, 0xff, 0x00]).await {
		Err(Error::Rejected(Rejection::Other(message))) => {
			assert!(!message.is_empty(), "the node explains the refusal")
		}
		other => panic!("malformed bytes were not refused: {other:?}"),
	}

	// Signed for another chain.
	let wrong_genesis = RegistryConfig::from_substrate(
		SubstrateConfig::builder()
			.set_genesis_hash(H256::repeat_byte(0x42))
			.build(),
	);
	let other_chain = RegistryClient::connect_with_config(&node.ws_url(), wrong_genesis)
		.await
		.unwrap();
	match other_chain.submit(&remark("wrong chain"), &alice).await {
		Err(Error::Rejected(Rejection::BadSignature)) => {}
		other => panic!("a wrong genesis hash was not refused: {other:?}"),
	}

	// Signed for another runtime version.
	let (head, _) = client.finalized_head().await.unwrap();
	let wrong_version = RegistryConfig::from_substrate(
		SubstrateConfig::builder()
			.set_spec_version_for_block_ranges([subxt::config::substrate::SpecVersionForRange {
				block_range: 0..head + 1_000_000,
				spec_version: 99,
				transaction_version: 1,
			}])
			.build(),
	);
	let old_runtime = RegistryClient::connect_with_config(&node.ws_url(), wrong_version)
		.await
		.unwrap();
	match old_runtime.submit(&remark("wrong version"), &alice).await {
		Err(Error::Rejected(Rejection::BadSignature)) => {}
		other => panic!("a wrong spec version was not refused: {other:?}"),
	}

	// A call the runtime does not have.
	match client
		.submit(
			&subxt::dynamic::transaction("Balances", "transfer", (1u8,)),
			&alice,
		)
		.await
	{
		Err(Error::Metadata(message)) => assert!(message.contains("Balances"), "{message}"),
		other => panic!("an unknown call was not refused: {other:?}"),
	}

	// The node still serves and finalizes, and Alice's nonce is untouched.
	assert!(node.is_running());
	let (before, _) = client.finalized_head().await.unwrap();
	wait_for_finalized(&client, before + 2, Duration::from_secs(60)).await;
	assert_eq!(client.next_nonce(&alice.account_id()).await.unwrap(), 0);
	let done = client.submit(&remark("still fine"), &alice).await.unwrap();
	assert!(done.has_event("System", "Remarked"));
}
