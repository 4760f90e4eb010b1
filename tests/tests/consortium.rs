//! The consortium's control end to end: council decisions, suspension and rate limits, on
//! real nodes.

use registry_client::{
	members::{AuthorizedBy, Role},
	runtime::{
		self, members::events::MemberAdmitted, runtime_types::pallet_members::types::RateLimit,
		system::calls::Remark, system::events::ExtrinsicSuccess,
	},
	subxt::transactions::StaticPayload,
	AccountId32, AuditRpcClient, Ed25519Signer, Error, RegistryClient, Rejection, H256,
};
use registry_tests::{tx, NodeConfig};

type MembersCall = runtime::runtime_types::pallet_members::pallet::Call;

fn signer(uri: &str) -> Ed25519Signer {
	Ed25519Signer::from_uri(uri).expect("a development key")
}

/// `Members::admit`, as the council enacts it.
fn admit(who: AccountId32, role: Role) -> runtime::Call {
	runtime::Call::Members(MembersCall::admit {
		who,
		roles: vec![role],
		identity_hash: H256::repeat_byte(7),
	})
}

fn remark(text: &str) -> StaticPayload<Remark> {
	tx().system().remark(text.as_bytes().to_vec())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_council_admits_an_institution_which_then_transacts() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let alice = signer("//Alice");
	let museum = Ed25519Signer::generate().expect("a random key");

	// Not yet a member: refused at the pool.
	match client.submit(&remark("hello"), &museum).await {
		Err(Error::Rejected(Rejection::NotAMember)) => {}
		other => panic!("expected NotAMember, got {other:?}"),
	}
	// The development council is Alice alone: a threshold of one runs the call at once.
	let decided = client
		.council_decides(
			admit(museum.account_id(), Role::Institution),
			1,
			&alice,
			&[],
		)
		.await
		.expect("the council admits the museum");
	let admitted = decided
		.event::<MemberAdmitted>()
		.expect("an admission event");
	assert_eq!(admitted.authorized_by, AuthorizedBy::Consortium);

	let sent = client
		.submit(&remark("a museum's first transaction"), &museum)
		.await
		.unwrap();
	assert!(sent.has::<ExtrinsicSuccess>());

	// The log holds the admission, under the consortium, with the roles granted; and the
	// enactment before it, naming the call. Reads are at the finalized head: wait for it.
	let museum_address = museum.account_id().to_string();
	let mut admission = None;
	for _ in 0..60 {
		if let Ok(page) = client
			.node()
			.audit_history("members".to_string(), None, None, None, None, None, None)
			.await
		{
			admission = page
				.records
				.into_iter()
				.find(|r| r.kind == "memberAdmitted" && r.to.as_deref() == Some(&museum_address));
			if admission.is_some() {
				break;
			}
		}
		tokio::time::sleep(std::time::Duration::from_millis(500)).await;
	}
	let admission = admission.expect("the admission's record, once finalized");
	assert_eq!(admission.authorized_by, "consortium");
	assert_eq!(
		serde_json::to_value(&admission.detail).unwrap(),
		serde_json::json!({"type": "roles", "roles": ["Institution"]})
	);
	let export = client
		.audit_export_all(admission.block, admission.block)
		.await
		.expect("an export of the admission's block that verifies");
	let enacted = export
		.records
		.iter()
		.find(|r| r.kind == "enacted")
		.expect("the enactment's record");
	assert!(enacted.seq < admission.seq);
	let detail = serde_json::to_value(&enacted.detail).unwrap();
	assert_eq!(detail["type"], "call");
	assert_eq!(
		(&detail["pallet"], &detail["call"]),
		(&"Members".into(), &"admit".into())
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_suspended_member_is_rejected_until_reinstated() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let registrar = signer("//Alice");
	let bob = signer("//Bob");

	client.submit(&remark("before"), &bob).await.unwrap();
	client
		.submit(&tx().members().suspend(bob.account_id()), &registrar)
		.await
		.unwrap();
	match client.submit(&remark("while suspended"), &bob).await {
		Err(Error::Rejected(Rejection::Suspended)) => {}
		other => panic!("expected Suspended, got {other:?}"),
	}
	client
		.submit(&tx().members().reinstate(bob.account_id()), &registrar)
		.await
		.unwrap();
	client.submit(&remark("after"), &bob).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_over_its_rate_limit_is_rejected_while_others_are_not_slowed() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let alice = signer("//Alice");
	let bob = signer("//Bob");
	let creator = Ed25519Signer::generate().expect("a random key");
	client
		.submit(
			&tx().members().admit(
				creator.account_id(),
				vec![Role::Creator],
				H256::repeat_byte(7),
			),
			&alice,
		)
		.await
		.unwrap();

	// The council limits creators to two transactions per thousand blocks.
	let set_limit = runtime::Call::Members(MembersCall::set_rate_limit {
		role: Role::Creator,
		limit: Some(RateLimit {
			max_transactions: 2,
			max_weight: u64::MAX,
			max_bytes: u32::MAX,
			window_blocks: 1000,
		}),
	});
	client
		.council_decides(set_limit, 1, &alice, &[])
		.await
		.unwrap();

	client.submit(&remark("one"), &creator).await.unwrap();
	client.submit(&remark("two"), &creator).await.unwrap();
	match client.submit(&remark("three"), &creator).await {
		Err(Error::Rejected(Rejection::RateLimited)) => {}
		other => panic!("expected RateLimited, got {other:?}"),
	}
	// Bob is also a creator, but his institution role is more generous: he is not slowed.
	for n in 0..4 {
		client
			.submit(&remark(&format!("bob {n}")), &bob)
			.await
			.unwrap();
	}
}
