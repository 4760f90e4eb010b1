use std::io::Write;

use codec::Encode;

use polkadot_sdk::sp_core::{ed25519, Pair};

use super::*;
use crate::{
	fixture::{self, ATTESTER, ITEM, SET_ID, WORK},
	keys,
};

fn file_with(bytes: &[u8]) -> tempfile::NamedTempFile {
	let mut file = tempfile::NamedTempFile::new().unwrap();
	file.write_all(bytes).unwrap();
	file
}

/// Changes one byte of `0x` hex at byte `index`.
fn flip(hex_text: &mut String, index: usize) {
	let mut bytes = bytes("test", hex_text).unwrap();
	bytes[index] ^= 0x01;
	*hex_text = hex0x(&bytes);
}

fn verify_pinned(certificate: &Certificate) -> Result<Verified, VerifyError> {
	verify(certificate, None, Some(&fixture::trusted()))
}

#[test]
fn an_honest_certificate_verifies_with_its_file_and_pinned_keys() {
	let certificate = fixture::certificate();
	let file = file_with(fixture::FILE);
	let verified = verify(&certificate, Some(file.path()), Some(&fixture::trusted())).unwrap();
	assert_eq!(verified.content, fixture::content());
	assert!(verified.file_checked);
	assert_eq!(verified.block_number, 9);
	assert_eq!(verified.work, Some(WORK));
	assert_eq!(verified.collectibles, vec![ITEM]);
	assert_eq!((verified.signed_weight, verified.threshold), (3, 3));
	assert_eq!(verified.trust, Trust::Pinned { set_id: SET_ID });

	let work = certificate.work.as_ref().unwrap();
	assert_eq!(work.title, "River at dusk");
	assert_eq!(work.created_on, "2024-10-04");
	assert_eq!(work.attestations.len(), 2);
	assert_eq!(work.attestations[1].revoked.as_ref().unwrap().reason, 4);
	assert_eq!(
		certificate.collectibles[0].catalogue_number.as_deref(),
		Some("INV-1")
	);
}

#[test]
fn without_pinned_keys_the_verification_names_the_set_it_relied_on() {
	let certificate = fixture::certificate();
	let verified = verify(&certificate, None, None).unwrap();
	assert!(!verified.file_checked);
	match verified.trust {
		Trust::Unpinned {
			set_id,
			authorities,
		} => {
			assert_eq!(set_id, SET_ID);
			assert_eq!(authorities, certificate.proof.authorities);
		}
		other => panic!("expected an unpinned set, got {other:?}"),
	}
}

#[test]
fn a_certificate_survives_json_and_unknown_fields_are_refused() {
	let certificate = fixture::certificate();
	let json = serde_json::to_string_pretty(&certificate).unwrap();
	let back: Certificate = serde_json::from_str(&json).unwrap();
	assert_eq!(back, certificate);
	verify_pinned(&back).unwrap();

	let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
	value["work"]["royalty"] = serde_json::json!("10%");
	let error = serde_json::from_value::<Certificate>(value)
		.unwrap_err()
		.to_string();
	assert!(error.contains("royalty"), "{error}");
}

#[test]
fn a_different_file_is_rejected() {
	let certificate = fixture::certificate();
	let file = file_with(b"River at dusk, as later revised");
	let error = verify(&certificate, Some(file.path()), None).unwrap_err();
	assert!(matches!(error, VerifyError::FileMismatch { .. }), "{error}");
	assert!(
		error.to_string().starts_with("the file's SHA-256 is 0x"),
		"{error}"
	);
	assert!(
		error.to_string().ends_with(&certificate.content_sha256),
		"{error}"
	);

	let missing = verify(
		&certificate,
		Some(Path::new("/nonexistent/river.txt")),
		None,
	)
	.unwrap_err();
	assert!(matches!(missing, VerifyError::File { .. }), "{missing}");
}

#[test]
fn a_tampered_header_is_rejected() {
	let mut certificate = fixture::certificate();
	// Byte 40 is in the state root, right after the parent hash and the number.
	flip(&mut certificate.proof.header, 40);
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(matches!(error, VerifyError::HeaderHash { .. }), "{error}");

	let mut certificate = fixture::certificate();
	flip(&mut certificate.proof.block_hash, 0);
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(matches!(error, VerifyError::HeaderHash { .. }), "{error}");

	let mut certificate = fixture::certificate();
	certificate.proof.block_number = 10;
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(
			error,
			VerifyError::HeaderNumber {
				header: 9,
				certificate: 10
			}
		),
		"{error}"
	);
}

#[test]
fn a_tampered_signature_is_rejected() {
	let mut certificate = fixture::certificate();
	// Round 8, target 32 + 4, one byte of count, the first precommit's target 36: its
	// signature starts at byte 81.
	flip(&mut certificate.proof.justification, 81 + 10);
	let error = verify_pinned(&certificate).unwrap_err();
	match &error {
		VerifyError::BadSignature {
			signer,
			round,
			set_id,
		} => {
			assert_eq!(signer, &hex0x(&fixture::validators()[0].public().0));
			assert_eq!((*round, *set_id), (fixture::ROUND, SET_ID));
		}
		other => panic!("expected a bad signature, got {other}"),
	}
}

#[test]
fn signatures_of_another_set_id_do_not_count() {
	let mut certificate = fixture::certificate();
	certificate.proof.set_id = SET_ID + 1;
	let error = verify(&certificate, None, None).unwrap_err();
	assert!(matches!(error, VerifyError::BadSignature { set_id, .. } if set_id == SET_ID + 1));
}

#[test]
fn two_of_four_signatures_are_not_finality() {
	let certificate = fixture::certificate_with(&vec![(0, false), (3, false)]);
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(
			error,
			VerifyError::NotEnoughSignatures {
				signed: 2,
				needed: 3,
				total: 4
			}
		),
		"{error}"
	);
	assert_eq!(
		error.to_string(),
		"the justification has 2 of 3 needed signatures (counted by weight; the set weighs 4)"
	);
	// A validator signing twice still weighs once.
	let twice = fixture::certificate_with(&vec![(0, false), (1, false), (1, true)]);
	let error = verify_pinned(&twice).unwrap_err();
	assert!(
		matches!(error, VerifyError::NotEnoughSignatures { signed: 2, .. }),
		"{error}"
	);
}

#[test]
fn a_precommit_must_be_linked_to_the_block_by_the_ancestry() {
	let mut certificate = fixture::certificate();
	let mut justification = bytes("test", &certificate.proof.justification).unwrap();
	// The ancestry is last: one header behind a count of 1. Dropping it leaves a count of 0.
	let header_len = fixture::headers(Default::default()).1.encoded_size();
	justification.truncate(justification.len() - header_len - 1);
	justification.push(0);
	certificate.proof.justification = hex0x(&justification);
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(error, VerifyError::NotDescendant { block: 9, .. }),
		"{error}"
	);
}

#[test]
fn another_set_is_rejected_when_keys_are_pinned_and_named_when_not() {
	// Keys of someone else's making sign the same block.
	let (root, _) = fixture::read_proof(&fixture::state(), &[]);
	let (header, child) = fixture::headers(root);
	let forgers: Vec<_> = (11..=14u8)
		.map(|seed| ed25519::Pair::from_seed(&[seed; 32]))
		.collect();
	let mut certificate = fixture::certificate();
	certificate.proof.justification = hex0x(&fixture::justification(
		&header,
		&child,
		&forgers,
		&fixture::honest_votes(),
		SET_ID,
	));
	certificate.proof.authorities = forgers
		.iter()
		.map(|pair| Authority {
			public_key: hex0x(&pair.public().0),
			weight: 1,
		})
		.collect();
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(matches!(error, VerifyError::Untrusted(_)), "{error}");
	assert!(
		error.to_string().contains("which is not trusted"),
		"{error}"
	);
	let unpinned = verify(&certificate, None, None).unwrap();
	assert!(matches!(unpinned.trust, Trust::Unpinned { .. }));

	// A set id pinned too must match.
	let mut trusted = fixture::trusted();
	trusted.set_id = Some(SET_ID - 1);
	let error = verify(&fixture::certificate(), None, Some(&trusted)).unwrap_err();
	assert!(
		error
			.to_string()
			.contains("it is set 5, the trusted set is 4"),
		"{error}"
	);

	// So must every trusted key.
	let mut trusted = fixture::trusted();
	trusted.authorities.push(Authority {
		public_key: hex0x(&[0x42; 32]),
		weight: 1,
	});
	let error = verify(&fixture::certificate(), None, Some(&trusted)).unwrap_err();
	assert!(
		error
			.to_string()
			.contains("it lacks the trusted key 0x4242"),
		"{error}"
	);
}

#[test]
fn a_signer_outside_the_set_is_rejected() {
	let mut certificate = fixture::certificate();
	certificate.proof.authorities.remove(1);
	let error = verify(&certificate, None, None).unwrap_err();
	assert!(
		matches!(error, VerifyError::UnknownSigner { .. }),
		"{error}"
	);
}

#[test]
fn a_changed_storage_value_is_rejected() {
	let mut certificate = fixture::certificate();
	// Entry 1 is the work record.
	let entry = &mut certificate.proof.storage[1];
	assert_eq!(entry.entry, "Rights::Works");
	flip(entry.value.as_mut().unwrap(), 40);
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(&error, VerifyError::StorageValue { entry, .. } if entry == "Rights::Works"),
		"{error}"
	);
}

#[test]
fn a_changed_trie_node_breaks_the_proof() {
	let honest = fixture::certificate();
	for index in 0..honest.proof.trie_nodes.len() {
		let mut certificate = honest.clone();
		let node = &mut certificate.proof.trie_nodes[index];
		let last = bytes("test", node).unwrap().len() - 1;
		flip(node, last);
		let error = verify_pinned(&certificate).unwrap_err();
		assert!(
			matches!(error, VerifyError::StorageProof { block: 9, .. }),
			"node {index}: {error}"
		);
		assert!(
			error
				.to_string()
				.starts_with("the storage proof does not match block #9's state root"),
			"{error}"
		);
	}
}

#[test]
fn an_attestation_left_out_is_found_missing() {
	// Out of the summary only: the proof still shows it.
	let mut certificate = fixture::certificate();
	certificate.work.as_mut().unwrap().attestations.pop();
	let error = verify_pinned(&certificate).unwrap_err();
	match &error {
		VerifyError::Summary {
			field,
			certificate,
			proof,
		} => {
			assert_eq!(field, "the number of work.attestations");
			assert_eq!((certificate.as_str(), proof.as_str()), ("1", "2"));
		}
		other => panic!("expected a summary mismatch, got {other}"),
	}

	// Out of the proof as well: the nodes below the work's attestations are then missing.
	let (root, nodes) = fixture::read_proof(
		&fixture::state(),
		&[
			keys::work_by_content(&fixture::content()),
			keys::work(WORK),
			keys::moral_rights(WORK),
			keys::attestation(WORK, &ATTESTER),
			keys::items_by_content_of(&fixture::content()),
		],
	);
	let mut certificate = fixture::certificate();
	assert_eq!(
		bytes("root", &certificate.proof.header).unwrap()[33..65],
		root.0
	);
	certificate.proof.trie_nodes = nodes.iter().map(|node| hex0x(node)).collect();
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(matches!(error, VerifyError::StorageProof { .. }), "{error}");
}

#[test]
fn a_changed_summary_is_rejected_naming_the_field() {
	let mut certificate = fixture::certificate();
	certificate.work.as_mut().unwrap().title = "River at dawn".into();
	let error = verify_pinned(&certificate).unwrap_err();
	assert_eq!(
		error.to_string(),
		"the certificate says work.title is \"River at dawn\", the proof says \"River at dusk\""
	);

	let mut certificate = fixture::certificate();
	certificate.work.as_mut().unwrap().attestations[1].revoked = None;
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(&error, VerifyError::Summary { field, .. } if field == "work.attestations[1].revoked"),
		"{error}"
	);

	let mut certificate = fixture::certificate();
	certificate.collectibles[0].owner = certificate.work.as_ref().unwrap().registrant.clone();
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(&error, VerifyError::Summary { field, .. } if field == "collectibles[0].owner"),
		"{error}"
	);

	let mut certificate = fixture::certificate();
	certificate.work = None;
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(
		matches!(&error, VerifyError::Summary { field, certificate, .. }
			if field == "work" && certificate == "null"),
		"{error}"
	);
}

#[test]
fn a_certificate_for_other_content_proves_nothing() {
	// The proof does not reach where another content's entries would be.
	let mut certificate = fixture::certificate();
	certificate.content_sha256 = hex0x(&[0x0d; 32]);
	let error = verify_pinned(&certificate).unwrap_err();
	assert!(matches!(error, VerifyError::StorageProof { .. }), "{error}");

	// A proof that does reach there shows nothing, and makes no certificate.
	let unregistered = [0x0d; 32];
	let error = fixture::certificate_of(
		unregistered,
		&[
			keys::work_by_content(&unregistered),
			keys::items_by_content_of(&unregistered),
		],
		&fixture::honest_votes(),
	)
	.unwrap_err();
	assert_eq!(
		error.to_string(),
		format!(
			"nothing is registered with content {} at block #9",
			hex0x(&unregistered)
		)
	);
}

#[test]
fn other_documents_and_versions_are_refused() {
	let mut certificate = fixture::certificate();
	certificate.version = 2;
	let error = verify_pinned(&certificate).unwrap_err();
	assert_eq!(
		error.to_string(),
		"this verifier reads version 1 certificates; this one is version 2"
	);
	certificate.format = "audit-export".into();
	assert!(matches!(
		verify_pinned(&certificate).unwrap_err(),
		VerifyError::NotACertificate(_)
	));
	let mut certificate = fixture::certificate();
	certificate.proof.header = "1234".into();
	let error = verify_pinned(&certificate).unwrap_err();
	assert_eq!(
		error.to_string(),
		"the certificate's proof.header is unusable: it does not start with 0x"
	);
}
