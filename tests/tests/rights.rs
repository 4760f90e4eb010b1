//! Authorship and rights end to end on a development chain: a work is registered, attested,
//! split, licensed and disputed, and read back through the node's `registry_*` methods.

use registry_client::{
	fingerprint::sha256_reader,
	rights::{MetadataRef, NewWork, RightSet, Scope, SplitSpec, Term, Territory},
	runtime::rights::events::{
		AuthorsCorrected, DisputeOpened, LicenceGranted, UnitAssigned, UnitSplit, WorkRegistered,
	},
	AccountId32, AuditRpcClient, Ed25519Signer, Error, Finalized, RegistryApiClient,
	RegistryClient, H256,
};
use registry_tests::{today, tx, NodeConfig};

fn signer(uri: &str) -> Ed25519Signer {
	Ed25519Signer::from_uri(uri).expect("a development key")
}

fn address(account: &AccountId32) -> String {
	account.to_string()
}

fn dispatch_error(result: Result<Finalized, Error>) -> String {
	match result {
		Err(Error::Dispatch { pallet, error, .. }) => format!("{pallet}::{error}"),
		other => panic!("expected a failed call, got {other:?}"),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_work_goes_through_registration_attestation_split_licence_and_dispute() {
	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	// Alice holds every role: institution, arbiter. Bob, Charlie, Dave and Eve are
	// institutions and creators.
	let alice = signer("//Alice");
	let bob = signer("//Bob");
	let charlie = signer("//Charlie");
	let dave = signer("//Dave");
	let eve = signer("//Eve");

	let content = H256(sha256_reader(&b"the poem, as first written"[..]).unwrap());
	let new_work = NewWork {
		content,
		title: "River at dusk".into(),
		metadata: MetadataRef {
			uri: b"https://poets.example/river.json".to_vec(),
			sha256: H256::repeat_byte(3),
		},
		created_on: today() - 30,
		co_authors: vec![],
		parents: vec![],
		on_behalf_of: None,
		fingerprints: registry_client::collectibles::Fingerprints::NONE,
	};

	// Registration: Bob files first.
	let registered = client
		.submit(&new_work.clone().register(), &bob)
		.await
		.expect("Bob registers the work");
	let WorkRegistered {
		work,
		root_unit: root,
		..
	} = registered.event().unwrap();
	let registered_at = client
		.node()
		.get_work(work)
		.await
		.unwrap()
		.registered_at_block;

	// A second filing of the same content loses, and the first filing names itself.
	let error = dispatch_error(client.submit(&new_work.clone().register(), &charlie).await);
	assert_eq!(error, "Rights::AlreadyRegistered");
	let found = client.find_by_content_hash(content).await.unwrap();
	let first = found.work.expect("the content's work");
	assert_eq!(first.work, work);
	assert_eq!(first.registrant, address(&bob.account_id()));
	assert_eq!(first.registered_at_block, registered_at);

	// Attestation: two institutions co-sign; one withdraws with a reason.
	client
		.submit(
			&tx()
				.rights()
				.attest(work, H256::repeat_byte(0xC1), Some(H256::repeat_byte(0xE1))),
			&alice,
		)
		.await
		.expect("Alice attests");
	client
		.submit(
			&tx().rights().attest(work, H256::repeat_byte(0xC1), None),
			&dave,
		)
		.await
		.expect("Dave attests");
	client
		.submit(&tx().rights().revoke_attestation(work, 4), &dave)
		.await
		.expect("Dave revokes");

	// Split: reproduction and network dissemination split off from the other rights.
	let part_rights = RightSet::from_names(["reproduction", "informationNetworkDissemination"])
		.expect("two rights");
	let split = client
		.submit(
			&tx().rights().split(root, SplitSpec::Rights(part_rights)),
			&bob,
		)
		.await
		.expect("Bob splits the rights");
	let UnitSplit {
		part, remainder, ..
	} = split.event().unwrap();
	// Moral rights never move.
	let error = dispatch_error(
		client
			.submit(
				&tx()
					.rights()
					.split(part, SplitSpec::Rights(RightSet(1 << 13))),
				&bob,
			)
			.await,
	);
	assert_eq!(error, "Rights::MoralRightsInalienable");

	// Licence: an exclusive licence in China for a year; an overlapping one is refused.
	let year = Term {
		start: today(),
		end: Some(today() + 365),
	};
	let china = Scope {
		rights: RightSet::from_names(["informationNetworkDissemination"]).unwrap(),
		territory: Territory::Including(vec![*b"CN"]),
		term: year,
	};
	let licensed = client
		.submit(
			&tx()
				.rights()
				.grant_licence(part, charlie.account_id(), china.clone(), true),
			&bob,
		)
		.await
		.expect("Bob licenses Charlie");
	let licence = licensed.event::<LicenceGranted>().unwrap().licence;
	let error = dispatch_error(
		client
			.submit(
				&tx()
					.rights()
					.grant_licence(part, dave.account_id(), china, false),
				&bob,
			)
			.await,
	);
	assert_eq!(error, "Rights::OverlapsExclusiveLicence");

	// Assignment of the other rights to Eve.
	let assigned = client
		.submit(
			&tx().rights().assign(remainder, vec![eve.account_id()], 1),
			&bob,
		)
		.await
		.expect("Bob assigns the other rights to Eve");
	let eves_unit = assigned.event::<UnitAssigned>().unwrap().successor;

	// Dispute: Charlie claims co-authorship; the arbiter upholds it.
	let opened = client
		.submit(
			&tx().rights().open_dispute(work, H256::repeat_byte(0xD1)),
			&charlie,
		)
		.await
		.expect("Charlie disputes");
	let dispute = opened.event::<DisputeOpened>().unwrap().dispute;
	let ruled = client
		.submit(
			&tx().rights().resolve_dispute(
				dispute,
				true,
				Some(vec![bob.account_id(), charlie.account_id()]),
				H256::repeat_byte(0xF1),
			),
			&alice,
		)
		.await
		.expect("the arbiter upholds the dispute");
	assert!(ruled.has::<AuthorsCorrected>());

	// Everything reads back through the node's RPC.
	let record = client.node().get_work(work).await.unwrap();
	assert_eq!(record.title, "River at dusk");
	assert_eq!(
		record.authors,
		vec![address(&bob.account_id()), address(&charlie.account_id())]
	);
	assert_eq!(record.author_history.len(), 2);
	assert_eq!(
		record.moral_rights,
		vec!["publication", "authorship", "alteration", "integrity"]
	);
	assert_eq!(record.attestations.len(), 2);
	let revoked: Vec<_> = record
		.attestations
		.iter()
		.filter(|a| a.revoked.is_some())
		.map(|a| a.attester.clone())
		.collect();
	assert_eq!(revoked, vec![address(&dave.account_id())]);
	assert_eq!(record.disputes.len(), 1);
	assert_eq!(record.disputes[0].status, "upheld");
	let mut units: Vec<_> = record
		.units
		.iter()
		.map(|u| (u.unit, u.holders.clone()))
		.collect();
	units.sort();
	assert_eq!(
		units,
		vec![
			(part, vec![address(&bob.account_id())]),
			(eves_unit, vec![address(&eve.account_id())]),
		]
	);
	assert_eq!(record.licences.len(), 1);
	assert_eq!(record.licences[0].licence, licence);
	assert_eq!(
		record.licences[0].scope.territory.including,
		Some(vec!["CN".into()])
	);

	// The rights map now, and as it stood at registration: one unit of every economic right.
	let now = client.rights_of(work, None).await.unwrap();
	assert_eq!(now.units.len(), 2);
	assert_eq!(now.next_cursor, None);
	// The same map a key at a time: each page reads one unit or licence, and the cursor goes
	// on to the end.
	let mut paged = Vec::new();
	let mut page = client
		.node()
		.rights_page(work, None, Some(1), None)
		.await
		.unwrap();
	let mut pages = 1;
	assert!(page.units.len() + page.licences.len() <= 1);
	while let Some(cursor) = page.next_cursor {
		paged.extend(page.units.iter().map(|unit| unit.unit));
		page = client
			.node()
			.rights_page(work, None, Some(1), Some(cursor))
			.await
			.unwrap();
		pages += 1;
		assert!(page.units.len() + page.licences.len() <= 1);
		assert!(pages < 10, "the cursor ends");
	}
	paged.extend(page.units.iter().map(|unit| unit.unit));
	paged.sort();
	let mut whole: Vec<u64> = now.units.iter().map(|unit| unit.unit).collect();
	whole.sort();
	assert_eq!(paged, whole);
	assert!(pages >= 3, "two units and a licence, one a page");
	let error = client
		.node()
		.rights_page(work, None, Some(101), None)
		.await
		.unwrap_err()
		.to_string();
	assert!(error.contains("over the bound of 100"), "{error}");
	let then = client.rights_of(work, Some(registered_at)).await.unwrap();
	assert_eq!(then.units.len(), 1);
	assert_eq!(then.units[0].unit, root);
	assert_eq!(then.units[0].scope.rights.len(), 12);
	assert!(then.licences.is_empty());

	// The chain of title of Eve's unit: Eve's, the remainder, the root.
	let chain: Vec<u64> = client
		.chain_of_title(eves_unit)
		.await
		.unwrap()
		.iter()
		.map(|unit| unit.unit)
		.collect();
	assert_eq!(chain, vec![eves_unit, remainder, root]);

	// The audit log has the work's whole story.
	let history = client
		.node()
		.audit_history(
			format!("work:{work}"),
			Some(100),
			None,
			None,
			None,
			None,
			None,
		)
		.await
		.unwrap();
	let kinds: Vec<&str> = history
		.records
		.iter()
		.rev()
		.map(|r| r.kind.as_str())
		.collect();
	assert_eq!(
		kinds,
		vec![
			"workRegistered",
			"attested",
			"attested",
			"attestationRevoked",
			"disputeOpened",
			"disputeResolved"
		]
	);
}
