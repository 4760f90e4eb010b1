//! Authorship certificates end to end: a work registered, attested and minted as a
//! collectible on a development chain is certified through the client; the node is stopped,
//! and the certificate is checked from its JSON alone, honest and tampered.

use std::path::Path;

use registry_client::{
	certificate::{self, Certificate, Trust, TrustedAuthorities, VerifyError},
	collectibles::MintRequest,
	fingerprint::sha256_file,
	rights::{MetadataRef, NewWork},
	runtime::rights::events::WorkRegistered,
	Ed25519Signer, RegistryClient, H256,
};
use registry_tests::{create_collection, today, tx, NodeConfig};

fn signer(uri: &str) -> Ed25519Signer {
	Ed25519Signer::from_uri(uri).expect("a development key")
}

/// Changes one byte of `0x` hex at byte `index`.
fn flip(hex_text: &mut String, index: usize) {
	let mut bytes = hex::decode(&hex_text[2..]).expect("hex");
	bytes[index] ^= 0x01;
	*hex_text = format!("0x{}", hex::encode(bytes));
}

fn rejection(certificate: &Certificate, file: &Path, trusted: &TrustedAuthorities) -> VerifyError {
	certificate::verify(certificate, Some(file), Some(trusted))
		.expect_err("a tampered certificate is rejected")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certificate_verifies_offline_and_a_tampered_one_is_rejected() {
	let dir = tempfile::tempdir().unwrap();
	let file = dir.path().join("river.txt");
	std::fs::write(&file, b"River at dusk: the poem, as first written").unwrap();
	let other_file = dir.path().join("river-revised.txt");
	std::fs::write(&other_file, b"River at dusk: the poem, as later revised").unwrap();
	let content = H256(sha256_file(&file).unwrap());

	let node = NodeConfig::dev().start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	// Alice holds every role; Bob and Dave are institutions and creators.
	let alice = signer("//Alice");
	let bob = signer("//Bob");
	let dave = signer("//Dave");

	let registered = client
		.submit(
			&NewWork {
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
			}
			.register(),
			&bob,
		)
		.await
		.expect("Bob registers the work");
	let work = registered.event::<WorkRegistered>().unwrap().work;
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
		.expect("Dave withdraws his attestation");
	// The same content as a collectible of Alice's museum.
	let collection = create_collection(&client, &alice, "Poems", 10).await;
	client
		.submit(
			&tx().collectibles().mint_batch(
				collection,
				vec![MintRequest {
					content,
					metadata: MetadataRef {
						uri: b"https://museum.example/poems/1.json".to_vec(),
						sha256: H256::repeat_byte(4),
					},
					serial: 1,
					creator: bob.account_id(),
					catalogue_number: Some(b"MS-0001".to_vec()),
					owner: alice.account_id(),
					fingerprints: registry_client::collectibles::Fingerprints::NONE,
				}],
				false,
			),
			&alice,
		)
		.await
		.expect("Alice mints the manuscript");

	// Every submission waited for finality, so the finalized head holds all of it.
	let certificate = client
		.certificate_for(content)
		.await
		.expect("the node's answers make a certificate");
	let json = serde_json::to_string_pretty(&certificate).unwrap();
	let missing = client.certificate_for(H256::repeat_byte(0x0d)).await;
	assert!(
		missing
			.as_ref()
			.is_err_and(|e| e.to_string().contains("no work has content")),
		"{missing:?}"
	);
	drop(client);
	drop(node);

	// Offline from here: only the JSON, the file and the dev chain's one GRANDPA key.
	let certificate: Certificate = serde_json::from_str(&json).unwrap();
	let trusted = TrustedAuthorities::from_public_keys([alice.public_key()]);
	let verified = certificate::verify(&certificate, Some(&file), Some(&trusted))
		.unwrap_or_else(|e| panic!("the certificate does not verify: {e}\n{json}"));
	assert!(verified.file_checked);
	assert_eq!(verified.work, Some(work));
	assert_eq!(verified.collectibles, vec![(collection as u32, 0)]);
	assert_eq!((verified.signed_weight, verified.threshold), (1, 1));
	assert!(matches!(verified.trust, Trust::Pinned { .. }));

	let summary = certificate.work.as_ref().expect("the work");
	assert_eq!(summary.title, "River at dusk");
	assert_eq!(summary.registrant, bob.account_id().to_string());
	assert_eq!(summary.authors, vec![bob.account_id().to_string()]);
	assert!(summary.registered_at_block <= certificate.proof.block_number);
	let attesters: Vec<_> = summary
		.attestations
		.iter()
		.map(|a| (a.attester.clone(), a.revoked.as_ref().map(|r| r.reason)))
		.collect();
	assert_eq!(
		attesters,
		vec![
			(alice.account_id().to_string(), None),
			(dave.account_id().to_string(), Some(4))
		]
	);
	let item = &certificate.collectibles[0];
	assert_eq!(
		(item.owner.clone(), item.catalogue_number.as_deref()),
		(alice.account_id().to_string(), Some("MS-0001"))
	);

	// Without a pin it verifies too, and says which set it relied on.
	let unpinned = certificate::verify(&certificate, None, None).unwrap();
	match unpinned.trust {
		Trust::Unpinned { authorities, .. } => {
			assert_eq!(authorities, trusted.authorities)
		}
		other => panic!("expected an unpinned set, got {other:?}"),
	}

	// Tampered copies.
	let mut retitled = certificate.clone();
	retitled.work.as_mut().unwrap().title = "River at dawn".into();
	assert_eq!(
		rejection(&retitled, &file, &trusted).to_string(),
		"the certificate says work.title is \"River at dawn\", the proof says \"River at dusk\""
	);

	let mut node_flipped = certificate.clone();
	flip(&mut node_flipped.proof.trie_nodes[0], 3);
	let error = rejection(&node_flipped, &file, &trusted);
	assert!(matches!(error, VerifyError::StorageProof { .. }), "{error}");

	let mut signature_flipped = certificate.clone();
	// Round 8, target 36, a count of 1, the precommit's target 36: the signature follows.
	flip(&mut signature_flipped.proof.justification, 81 + 3);
	let error = rejection(&signature_flipped, &file, &trusted);
	assert!(matches!(error, VerifyError::BadSignature { .. }), "{error}");

	let error = rejection(&certificate, &other_file, &trusted);
	assert!(matches!(error, VerifyError::FileMismatch { .. }), "{error}");

	let bobs_chain = TrustedAuthorities::from_public_keys([bob.public_key()]);
	let error = rejection(&certificate, &file, &bobs_chain);
	assert!(matches!(error, VerifyError::Untrusted(_)), "{error}");
}
