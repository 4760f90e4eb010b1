//! The consortium's control end to end: council decisions, suspension and rate limits, on
//! real nodes.

use registry_client::{
	call, subxt, AccountId32, AuditRpcClient, Ed25519Signer, Error, RegistryClient, Rejection,
	Value, H256,
};
use registry_tests::NodeConfig;

fn signer(uri: &str) -> Ed25519Signer {
	Ed25519Signer::from_uri(uri).expect("a development key")
}

fn role(name: &str) -> Value {
	Value::unnamed_variant(name, vec![])
}

fn admit(
	who: AccountId32,
	roles: &[&str],
) -> subxt::transactions::DynamicPayload<(AccountId32, Vec<Value>, H256)> {
	call(
		"Members",
		"admit",
		(
			who,
			roles.iter().map(|r| role(r)).collect(),
			H256::repeat_byte(7),
		),
	)
}

fn remark(text: &str) -> subxt::transactions::DynamicPayload<(Vec<u8>,)> {
	call("System", "remark", (text.as_bytes().to_vec(),))
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
			&admit(museum.account_id(), &["Institution"]),
			1,
			&alice,
			&[],
		)
		.await
		.expect("the council admits the museum");
	let admitted = decided
		.events
		.iter()
		.find(|e| e.pallet == "Members" && e.name == "MemberAdmitted")
		.expect("an admission event");
	assert!(
		format!("{:?}", admitted.fields).contains("Consortium"),
		"{:?}",
		admitted.fields
	);

	let sent = client
		.submit(&remark("a museum's first transaction"), &museum)
		.await
		.unwrap();
	assert!(sent.has_event("System", "ExtrinsicSuccess"));

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
		.submit(&call("Members", "suspend", (bob.account_id(),)), &registrar)
		.await
		.unwrap();
	match client.submit(&remark("while suspended"), &bob).await {
		Err(Error::Rejected(Rejection::Suspended)) => {}
		other => panic!("expected Suspended, got {other:?}"),
	}
	client
		.submit(
			&call("Members", "reinstate", (bob.account_id(),)),
			&registrar,
		)
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
		.submit(&admit(creator.account_id(), &["Creator"]), &alice)
		.await
		.unwrap();

	// The council limits creators to two transactions per thousand blocks.
	let limit = Value::named_composite([
		("max_transactions", Value::u128(2)),
		("max_weight", Value::u128(u64::MAX.into())),
		("max_bytes", Value::u128(u32::MAX.into())),
		("window_blocks", Value::u128(1000)),
	]);
	let set_limit = call(
		"Members",
		"set_rate_limit",
		(role("Creator"), Value::unnamed_variant("Some", [limit])),
	);
	client
		.council_decides(&set_limit, 1, &alice, &[])
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
