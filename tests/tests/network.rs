//! The consortium's network end to end on the four-validator `local` chain: the council admits
//! nodes by PeerId and changes the validator set.
//!
//! Each test runs its own network of real nodes; they take turns, so that two networks never
//! share the machine's cores.

use std::time::{Duration, Instant};

use registry_client::{
	consortium::peer_id_of_ed25519,
	runtime::{
		self,
		runtime_types::{
			pallet_node_authorization::pallet::Call as NodesCall,
			pallet_validators::pallet::Call as ValidatorsCall, sp_core::OpaquePeerId,
		},
	},
	subxt::utils::MultiAddress,
	AccountId32, Ed25519Signer, Error, RegistryClient, Rejection,
};
use registry_tests::{dev_node_key, local_validators, tx, wait_for_finalized, Node, NodeConfig};
use tokio::sync::Mutex;

/// One network at a time.
static NETWORK: Mutex<()> = Mutex::const_new(());

fn signer(uri: &str) -> Ed25519Signer {
	Ed25519Signer::from_uri(uri).expect("a development key")
}

/// The PeerId bytes of development node key `n`.
fn dev_peer_id(n: u8) -> Vec<u8> {
	let mut seed = [0u8; 32];
	seed[31] = n;
	let public = ed25519_dalek::SigningKey::from_bytes(&seed)
		.verifying_key()
		.to_bytes();
	peer_id_of_ed25519(public)
}

/// Connects to a node.
async fn connect(node: &Node) -> RegistryClient {
	RegistryClient::connect(&node.ws_url())
		.await
		.expect("the client connects")
}

/// The council (Alice, Bob and Charlie on the `local` chain) decides `call` with two thirds:
/// Alice proposes, Bob votes aye, and the motion closes.
async fn council_decides(client: &RegistryClient, call: runtime::Call) {
	client
		.council_decides(call, 2, &signer("//Alice"), &[&signer("//Bob")])
		.await
		.expect("the council's call succeeds");
}

/// How many blocks `node` has authored so far, from its log.
fn blocks_authored(node: &Node) -> usize {
	node.log().matches("Prepared block for proposing").count()
}

/// `NodeAuthorization::add_well_known_node`: the council admits a node by PeerId.
fn admit_node(peer_id: Vec<u8>, owner: AccountId32) -> runtime::Call {
	runtime::Call::NodeAuthorization(NodesCall::add_well_known_node {
		node: OpaquePeerId(peer_id),
		owner: MultiAddress::Id(owner),
	})
}

/// A call of the `Validators` pallet, for the council.
fn validator_set(call: ValidatorsCall) -> runtime::Call {
	runtime::Call::Validators(call)
}

/// The validators of the session in progress.
async fn active_validators(client: &RegistryClient) -> Vec<AccountId32> {
	client
		.fetch(runtime::storage().session().validators(), ())
		.await
		.expect("the session pallet answers")
		.unwrap_or_default()
}

/// Polls `check` every second until it holds, or fails the test after `within`.
async fn eventually<F, Fut>(what: &str, within: Duration, mut check: F)
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = bool>,
{
	let deadline = Instant::now() + within;
	while !check().await {
		assert!(
			Instant::now() < deadline,
			"{what} did not happen within {within:?}"
		);
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_node_the_council_admits_syncs_while_an_unadmitted_one_cannot() {
	let _turn = NETWORK.lock().await;
	let validators = local_validators();
	let alice = connect(&validators[0]).await;
	wait_for_finalized(&alice, 2, Duration::from_secs(120)).await;

	// Node key 7 is admitted by the council, owned by Dave; node key 6 never is.
	council_decides(
		&alice,
		admit_node(dev_peer_id(7), signer("//Dave").account_id()),
	)
	.await;

	let bootnode = validators[0].multiaddr();
	let admitted = NodeConfig::local_full_node("admitted", &dev_node_key(7))
		.arg("--bootnodes")
		.arg(bootnode.clone())
		.start();
	let outsider = NodeConfig::local_full_node("outsider", &dev_node_key(6))
		.arg("--bootnodes")
		.arg(bootnode)
		.start();
	let admitted_client = connect(&admitted).await;
	let outsider_client = connect(&outsider).await;

	let (target, _) = alice.finalized_head().await.unwrap();
	wait_for_finalized(&admitted_client, target, Duration::from_secs(90)).await;
	// The admitted node synced; the outsider had the same time and the same bootnode.
	let (outsider_head, _) = outsider_client.finalized_head().await.unwrap();
	assert_eq!(
		outsider_head, 0,
		"a node the council never admitted synced to block {outsider_head}"
	);
	let best = outsider_client.block_hash(1).await.unwrap();
	assert_eq!(best, None, "the outsider imported block 1");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fifth_validator_added_by_the_council_authors_until_it_is_removed() {
	let _turn = NETWORK.lock().await;
	let validators = local_validators();
	let alice = connect(&validators[0]).await;
	wait_for_finalized(&alice, 2, Duration::from_secs(120)).await;

	// Eve's node joins the network: the council admits its PeerId first.
	council_decides(
		&alice,
		admit_node(dev_peer_id(5), signer("//Eve").account_id()),
	)
	.await;
	let eve_node = NodeConfig::local_full_node("eve", &dev_node_key(5))
		.arg("--validator")
		.arg("--bootnodes")
		.arg(validators[0].multiaddr())
		.start();
	let eve_rpc = connect(&eve_node).await;
	let (target, _) = alice.finalized_head().await.unwrap();
	wait_for_finalized(&eve_rpc, target, Duration::from_secs(90)).await;

	// Eve's node makes fresh session keys, and Eve registers them. The transaction goes
	// through Alice's node: a node that has just caught up may stop a client's chain
	// subscription while it imports, which would cut the submission short.
	let eve = signer("//Eve");
	let (keys, proof) = eve_rpc
		.rotate_session_keys(&eve.account_id())
		.await
		.expect("the node generates session keys");
	// Only a candidate the council named may register keys.
	match alice
		.submit(&tx().session().set_keys(keys.clone(), proof.clone()), &eve)
		.await
	{
		Err(Error::Rejected(Rejection::CallNotAllowed)) => {}
		other => panic!("expected CallNotAllowed before candidacy, got {other:?}"),
	}
	let who = eve.account_id();
	council_decides(&alice, validator_set(ValidatorsCall::add_candidate { who })).await;
	alice
		.submit(&tx().session().set_keys(keys, proof), &eve)
		.await
		.expect("Eve registers her session keys");
	assert_eq!(blocks_authored(&eve_node), 0, "Eve authored before joining");

	let who = eve.account_id();
	council_decides(&alice, validator_set(ValidatorsCall::add_validator { who })).await;
	eventually(
		"Eve joining the active set",
		Duration::from_secs(120),
		|| async { active_validators(&alice).await.contains(&eve.account_id()) },
	)
	.await;
	eventually("Eve authoring a block", Duration::from_secs(90), || async {
		blocks_authored(&eve_node) > 0
	})
	.await;
	// The five validators keep finalizing.
	let (now, _) = alice.finalized_head().await.unwrap();
	wait_for_finalized(&alice, now + 3, Duration::from_secs(60)).await;

	let who = eve.account_id();
	council_decides(
		&alice,
		validator_set(ValidatorsCall::remove_validator { who }),
	)
	.await;
	eventually(
		"Eve leaving the active set",
		Duration::from_secs(120),
		|| async { !active_validators(&alice).await.contains(&eve.account_id()) },
	)
	.await;
	let authored = blocks_authored(&eve_node);
	let (now, _) = alice.finalized_head().await.unwrap();
	// Twelve blocks: with Eve still in the set she would have had two or three slots.
	wait_for_finalized(&alice, now + 12, Duration::from_secs(90)).await;
	assert_eq!(
		blocks_authored(&eve_node),
		authored,
		"Eve authored after the council removed her"
	);
}
