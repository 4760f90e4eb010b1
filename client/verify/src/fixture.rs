//! A real certificate without a node, for tests: a state trie holding a registration among
//! others, a header over its root, and a justification signed with ed25519 keys.

use codec::{DecodeAll, Encode};
use polkadot_sdk::{
	sp_consensus_grandpa::{localized_payload, Message, Precommit},
	sp_core::{ed25519, Pair, H256},
	sp_runtime::{generic, generic::Digest, traits::BlakeTwo256, traits::Header as _},
	sp_trie::{
		recorder::Recorder, LayoutV1, MemoryDB, Trie, TrieDBBuilder, TrieDBMutBuilder, TrieMut,
	},
};
use sha2::{Digest as _, Sha256};

use crate::{
	certificate::{assemble, Certificate, Parts, TrustedAuthorities},
	header::Header,
	keys, stored, VerifyError,
};

type Layout = LayoutV1<BlakeTwo256>;

/// The SDK's header type, whose encoding [`Header`] must read.
type SdkHeader = generic::Header<u32, BlakeTwo256>;

/// The bytes of the certified file.
pub const FILE: &[u8] = b"River at dusk, as first written";

/// Its SHA-256.
pub fn content() -> [u8; 32] {
	Sha256::digest(FILE).into()
}

/// The work that filed it, its collectible, and the attesters.
pub const WORK: u64 = 7;
pub const ITEM: (u32, u32) = (2, 5);
pub const ATTESTER: [u8; 32] = [0xA1; 32];
pub const REVOKER: [u8; 32] = [0xA2; 32];
const AUTHOR: [u8; 32] = [0xB0; 32];

pub const ROUND: u64 = 3;
pub const SET_ID: u64 = 5;

/// The validators: four of weight 1, so three must sign.
pub fn validators() -> Vec<ed25519::Pair> {
	(1..=4u8)
		.map(|seed| ed25519::Pair::from_seed(&[seed; 32]))
		.collect()
}

/// The validators' keys as a verifier pins them.
pub fn trusted() -> TrustedAuthorities {
	TrustedAuthorities::from_public_keys(validators().iter().map(|pair| pair.public().0))
}

fn metadata(uri: &str) -> stored::MetadataRef {
	stored::MetadataRef {
		uri: uri.as_bytes().to_vec(),
		sha256: [3; 32],
	}
}

pub fn work_record() -> stored::Work {
	stored::Work {
		content: content(),
		title: b"River at dusk".to_vec(),
		metadata: metadata("https://poets.example/river.json"),
		created_on: 20_000,
		authors: vec![AUTHOR],
		parents: vec![1],
		registrant: AUTHOR,
		registered_at: 4,
		root_unit: 11,
		open_disputes: 0,
		live_licences: 0,
	}
}

/// The chain's state: the registration, and others beside it so that the proof is a real
/// part of a larger trie.
pub fn state() -> Vec<(Vec<u8>, Vec<u8>)> {
	let content = content();
	let other = [0x0c; 32];
	let (collection, item) = ITEM;
	let mut entries = vec![
		(keys::work_by_content(&content), WORK.encode()),
		(keys::work(WORK), work_record().encode()),
		(
			keys::moral_rights(WORK),
			stored::MoralRights {
				authors: vec![AUTHOR],
				rights: 0xF000,
				version: 0,
				since: 4,
			}
			.encode(),
		),
		(
			keys::attestation(WORK, &ATTESTER),
			stored::Attestation {
				claim: [0xC1; 32],
				evidence: Some([0xE1; 32]),
				at: 5,
				revoked: None,
			}
			.encode(),
		),
		(
			keys::attestation(WORK, &REVOKER),
			stored::Attestation {
				claim: [0xC1; 32],
				evidence: None,
				at: 6,
				revoked: Some(stored::Revocation { reason: 4, at: 8 }),
			}
			.encode(),
		),
		(
			keys::item_by_content(&content, collection, item),
			Vec::new(),
		),
		(
			keys::item(collection, item),
			stored::Item {
				content,
				metadata: metadata("https://museum.example/5.json"),
				metadata_version: 1,
				serial: 17,
				edition: 1,
				creator: AUTHOR,
				catalogue_number: Some(b"INV-1".to_vec()),
				owner: [0xD0; 32],
				minted_at: 6,
				held_since: 7,
				state: stored::ItemState::Issued,
				frozen: None,
			}
			.encode(),
		),
		// Another work and collectible, and their neighbours in the same maps.
		(keys::work_by_content(&other), 8u64.encode()),
		(keys::work(8), vec![0x55; 90]),
		(keys::attestation(8, &ATTESTER), vec![0x66; 40]),
		(keys::item_by_content(&other, 1, 1), Vec::new()),
		(keys::item(1, 1), vec![0x77; 120]),
	];
	for n in 0..40u8 {
		entries.push((vec![n; 40], vec![n; usize::from(n) + 1]));
	}
	entries
}

/// The keys the builder asks a node to prove, as it asks them.
fn proven_keys() -> Vec<Vec<u8>> {
	let content = content();
	let (collection, item) = ITEM;
	vec![
		keys::work_by_content(&content),
		keys::work(WORK),
		keys::moral_rights(WORK),
		keys::attestation(WORK, &ATTESTER),
		keys::attestation(WORK, &REVOKER),
		keys::attestations_of(WORK),
		keys::item(collection, item),
		keys::item_by_content(&content, collection, item),
		keys::items_by_content_of(&content),
	]
}

/// The state's root and the nodes a node's `state_getReadProof` would give for `proven`.
pub fn read_proof(entries: &[(Vec<u8>, Vec<u8>)], proven: &[Vec<u8>]) -> (H256, Vec<Vec<u8>>) {
	let mut db = MemoryDB::<BlakeTwo256>::default();
	let mut root = H256::default();
	{
		let mut trie = TrieDBMutBuilder::<Layout>::new(&mut db, &mut root).build();
		for (key, value) in entries {
			trie.insert(key, value)
				.expect("an in-memory trie takes every entry");
		}
	}
	let recorder = Recorder::<BlakeTwo256>::default();
	{
		let mut recording = recorder.as_trie_recorder(root);
		let trie = TrieDBBuilder::<Layout>::new(&db, &root)
			.with_recorder(&mut recording)
			.build();
		for key in proven {
			trie.get(key).expect("the trie is whole");
		}
	}
	(
		root,
		recorder
			.drain_storage_proof()
			.into_nodes()
			.into_iter()
			.collect(),
	)
}

/// Who signs what: `(validator index, precommit for the child block instead of the block)`.
pub type Votes = Vec<(usize, bool)>;

/// Two precommits for the block and one for its child: three of four.
pub fn honest_votes() -> Votes {
	vec![(0, false), (1, false), (2, true)]
}

/// The header of the certified block over `root`, and its child's: made by the SDK, read as
/// this crate reads headers, with the same hash.
pub fn headers(root: H256) -> (Header, Header) {
	let header = SdkHeader::new(
		9,
		H256::repeat_byte(1),
		root,
		H256::repeat_byte(2),
		Digest::default(),
	);
	let child = SdkHeader::new(
		10,
		H256::repeat_byte(3),
		H256::repeat_byte(4),
		header.hash(),
		Digest::default(),
	);
	let ours = |sdk: &SdkHeader| {
		let header = Header::decode_all(&mut &sdk.encode()[..]).expect("the SDK's header reads");
		assert_eq!(header.hash(), sdk.hash().0, "a header hashes as the SDK's");
		header
	};
	(ours(&header), ours(&child))
}

/// A justification of `header` by `signers` of round [`ROUND`] of set `set_id`, with `child`
/// as the ancestry of the precommits for it.
pub fn justification(
	header: &Header,
	child: &Header,
	signers: &[ed25519::Pair],
	votes: &Votes,
	set_id: u64,
) -> Vec<u8> {
	let precommits: Vec<_> = votes
		.iter()
		.map(|(who, for_child)| {
			let target = if *for_child { child } else { header };
			let precommit = Precommit::<SdkHeader>::new(H256(target.hash()), target.number);
			let payload = localized_payload(
				ROUND,
				set_id,
				&Message::<SdkHeader>::Precommit(precommit.clone()),
			);
			let pair = &signers[*who];
			(precommit, pair.sign(&payload), pair.public())
		})
		.collect();
	let ancestry = if votes.iter().any(|(_, for_child)| *for_child) {
		vec![child.clone()]
	} else {
		Vec::new()
	};
	// The layout of `GrandpaJustification`: round, commit (target, precommits), ancestry.
	(ROUND, (header.hash(), header.number, precommits), ancestry).encode()
}

/// The certificate of [`state`], signed by [`validators`] with `votes`.
pub fn certificate_with(votes: &Votes) -> Certificate {
	certificate_of(content(), &proven_keys(), votes).expect("the fixture's proof reads")
}

/// A certificate of `content` with a proof of the keys `proven` of [`state`].
pub fn certificate_of(
	content: [u8; 32],
	proven: &[Vec<u8>],
	votes: &Votes,
) -> Result<Certificate, VerifyError> {
	let (root, nodes) = read_proof(&state(), proven);
	let (header, child) = headers(root);
	let signers = validators();
	assemble(Parts {
		chain: "Fixture".into(),
		genesis_hash: [0x99; 32],
		content,
		justification: justification(&header, &child, &signers, votes, SET_ID),
		header,
		set_id: SET_ID,
		authorities: signers.iter().map(|pair| (pair.public().0, 1)).collect(),
		trie_nodes: nodes,
	})
}

/// The honest certificate.
pub fn certificate() -> Certificate {
	certificate_with(&honest_votes())
}
