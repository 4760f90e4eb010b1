//! Authorship certificates: a registration with the proofs that make it checkable offline.
//!
//! ## Overview
//!
//! A certificate says what the chain records for a content hash at one finalized block: the
//! work that filed it (number, title, authors, registrant, registration block and every
//! attestation) and the collectibles that carry it. It carries what it takes to check this
//! without a node:
//!
//! - the block's SCALE header, whose BLAKE2-256 is the block hash and which holds the state
//!   root;
//! - the block's GRANDPA justification: the precommits of the authority set that finalized
//!   it, and the set itself (set id, ed25519 keys and weights);
//! - a storage proof: the trie nodes from the state root down to every entry the summary is
//!   read from, and the entries themselves.
//!
//! The `registry` client's `certificate_for` makes one from a node's answers ([`assemble`]
//! puts it together); [`verify`] checks one.
//!
//! ## What a certificate proves
//!
//! The entries are `Rights::WorkByContent(content)`, `Rights::Works(work)`,
//! `Rights::MoralRights(work)`, `Rights::Attestations(work, attester)` for every attester,
//! and for every collectible `Collectibles::ItemsByContent(content, collection, item)` and
//! `Collectibles::Items(collection, item)`, and `Fingerprints::Sm3Of(content)` for the SM3
//! digest the certificate states beside the SHA-256 (certificates from before the chain kept
//! SM3 digests state none). The lists are complete, not just true: the proof
//! holds every trie node under `Attestations(work, ..)` and `ItemsByContent(content, ..)`, and
//! the verifier walks those subtries, so an attestation or a collectible left out of the
//! certificate is found missing. A content without a work is proven to have none.
//!
//! The summary is read from the proven entries with SCALE types mirroring the runtime's
//! (`stored`) and compared with the certificate field by field. The registration shown is the
//! one at the certified block: a later revocation or dispute is not in it.
//!
//! ## Trust
//!
//! A proof is only as good as the authority set it is checked against. The certificate
//! carries the set that signed; the caller pins it with [`TrustedAuthorities`] (the
//! consortium's published GRANDPA keys), and then the certificate's set must be exactly that
//! set. Without a pin, [`Verified::trust`] names the set id and keys the check relied on, so
//! that the caller can say the certificate is unpinned: anyone can make a chain of their own
//! whose validators sign anything.
//!
//! The set is taken from the certificate rather than from the proven state: the block that
//! enacts a change of validators is signed by the old set while its state already holds the
//! new one. The chain name and genesis hash are labels for people; nothing signed covers them.
//!
//! ## Format
//!
//! JSON, camelCase, version [`VERSION`]; hashes, keys and bytes are `0x` and lower-case hex,
//! accounts SS58 (prefix 42), days `YYYY-MM-DD`, text the text when it is UTF-8 and `0x` hex
//! otherwise. Unknown fields are refused: nothing in a certificate goes unchecked.
//!
//! A [`TrustedAuthorities`] file is the same kind of JSON:
//! `{ "setId": 0, "authorities": [{ "publicKey": "0x88dc…", "weight": 1 }] }`, where `setId`
//! may be left out to accept the keys under any set id.
//!
//! ```json
//! {
//!   "format": "registry-authorship-certificate",
//!   "version": 1,
//!   "chain": "Registry Development",
//!   "genesisHash": "0x91b1…",
//!   "contentSha256": "0x5e2f…",
//!   "work": {
//!     "work": 0, "title": "River at dusk",
//!     "metadata": { "uri": "https://poets.example/river.json", "sha256": "0x0303…" },
//!     "createdOn": "2026-02-01", "registrant": "5GoNkf6W…", "registeredAtBlock": 4,
//!     "authors": ["5GoNkf6W…"], "authorListVersion": 0, "parents": [], "openDisputes": 0,
//!     "attestations": [{ "attester": "5FA9nQDV…", "claimHash": "0xc1c1…",
//!                        "evidence": "0xe1e1…", "atBlock": 5, "revoked": null }]
//!   },
//!   "collectibles": [],
//!   "proof": {
//!     "blockNumber": 9, "blockHash": "0x7a0c…", "header": "0x1f3b…",
//!     "justification": "0x0100…", "setId": 0,
//!     "authorities": [{ "publicKey": "0x88dc…", "weight": 1 }],
//!     "storage": [{ "entry": "Rights::WorkByContent", "key": "0xe6db…", "value": "0x00…" },
//!                 …],
//!     "trieNodes": ["0x80ff…", …]
//!   }
//! }
//! ```

mod assemble;
mod stage;
mod verify;

use serde::{Deserialize, Serialize};

/// The parts a certificate shares with the node's JSON: the same types, read as strictly.
pub use registry_rpc_types::{Attestation, Freeze, Metadata, Revocation};

pub use crate::VerifyError;
pub use assemble::{assemble, Justified, Parts, Proven};
pub use stage::Stage;
pub use verify::{check_anchor, verify, verify_content, Anchor};

/// What [`Certificate::format`] says.
pub const FORMAT: &str = "registry-authorship-certificate";

/// The certificate format version this crate makes and reads.
pub const VERSION: u32 = 1;

/// An authorship certificate. See the [module docs](self) for what it proves.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Certificate {
	/// Always [`FORMAT`].
	pub format: String,
	/// The format's version, [`VERSION`].
	pub version: u32,
	/// The chain's name as its node reports it; a label, not checked.
	pub chain: String,
	/// The chain's genesis hash; a label, not checked.
	pub genesis_hash: String,
	/// The SHA-256 of the content certified.
	pub content_sha256: String,
	/// Its SM3 digest, proven from `Fingerprints::Sm3Of`, when the chain records one.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub content_sm3: Option<String>,
	/// The work that filed the content, if one did.
	pub work: Option<WorkSummary>,
	/// The collectibles that carry the content, by collection and item number.
	pub collectibles: Vec<ItemSummary>,
	/// What makes the rest checkable.
	pub proof: Proof,
}

/// A registered work as it stands at the certified block.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkSummary {
	/// The work's number.
	pub work: u64,
	/// Its title.
	pub title: String,
	/// Its metadata document.
	pub metadata: Metadata,
	/// The day it was created.
	pub created_on: String,
	/// Who filed it: the first author, or an institution on their behalf.
	pub registrant: String,
	/// The block it was registered in.
	pub registered_at_block: u32,
	/// The authors as last corrected, who hold the moral rights.
	pub authors: Vec<String>,
	/// The version of the author list: 0 as registered, higher after an upheld dispute.
	pub author_list_version: u32,
	/// The registered works it derives from.
	pub parents: Vec<u64>,
	/// Disputes of its authorship not yet resolved.
	pub open_disputes: u32,
	/// Every attestation of its authorship, revoked ones included, by block and attester.
	pub attestations: Vec<Attestation>,
}

/// A collectible that carries the content, as it stands at the certified block.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItemSummary {
	/// Its collection.
	pub collection: u32,
	/// Its number in the collection.
	pub item: u32,
	/// Edition or serial number.
	pub serial: u32,
	/// The content's creator.
	pub creator: String,
	/// Its holder.
	pub owner: String,
	/// Its current metadata document.
	pub metadata: Metadata,
	/// The metadata's version, from 0.
	pub metadata_version: u32,
	/// Catalogue number of the physical object, if any.
	pub catalogue_number: Option<String>,
	/// The block it was minted in.
	pub minted_at_block: u32,
	/// The block its holder received it in.
	pub held_since_block: u32,
	/// `draft`, `issued` or `retired`.
	pub state: String,
	/// Why it was retired.
	pub retired_reason: Option<u16>,
	/// A regulator's freeze, while it holds.
	pub frozen: Option<Freeze>,
}

/// The block, its finality and the storage entries the summary is read from.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Proof {
	/// The certified block's number.
	pub block_number: u32,
	/// Its hash: the BLAKE2-256 of `header`.
	pub block_hash: String,
	/// Its SCALE-encoded header.
	pub header: String,
	/// Its SCALE-encoded GRANDPA justification.
	pub justification: String,
	/// The id of the authority set that signed the justification.
	pub set_id: u64,
	/// That set.
	pub authorities: Vec<Authority>,
	/// The storage entries read, in the order the verifier reads them.
	pub storage: Vec<StorageEntry>,
	/// The trie nodes that prove them against the header's state root.
	pub trie_nodes: Vec<String>,
}

/// A GRANDPA authority.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Authority {
	/// Its ed25519 public key.
	pub public_key: String,
	/// Its voting weight.
	pub weight: u64,
}

/// One storage entry: which one, its key and its SCALE-encoded value (`null` where the proof
/// shows there is none).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StorageEntry {
	/// `Pallet::Entry`, e.g. `Rights::Works`.
	pub entry: String,
	/// The full storage key.
	pub key: String,
	/// The value.
	pub value: Option<String>,
}

/// The GRANDPA authority set a verifier trusts: the consortium's published keys.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustedAuthorities {
	/// The set id, when the set must also be that one.
	#[serde(default)]
	pub set_id: Option<u64>,
	/// The keys and their weights.
	pub authorities: Vec<Authority>,
}

impl TrustedAuthorities {
	/// A set of ed25519 keys of weight 1 each, the weight the runtime gives every validator;
	/// any set id.
	pub fn from_public_keys(keys: impl IntoIterator<Item = [u8; 32]>) -> Self {
		Self {
			set_id: None,
			authorities: keys
				.into_iter()
				.map(|key| Authority {
					public_key: hex0x(&key),
					weight: 1,
				})
				.collect(),
		}
	}
}

/// What [`verify`] established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
	/// The content's SHA-256.
	pub content: [u8; 32],
	/// Its SM3 digest, proven, if the certificate states one.
	pub sm3: Option<[u8; 32]>,
	/// Whether a file was hashed and matched it.
	pub file_checked: bool,
	/// The certified block.
	pub block_number: u32,
	/// Its hash.
	pub block_hash: [u8; 32],
	/// The work proven to hold the content, if any.
	pub work: Option<u64>,
	/// The collectibles proven to carry it, as `(collection, item)`.
	pub collectibles: Vec<(u32, u32)>,
	/// The weight of the valid precommits.
	pub signed_weight: u64,
	/// The weight finality needs: more than two thirds of the set's.
	pub threshold: u64,
	/// What the finality proof was checked against.
	pub trust: Trust,
}

/// The authority set a verification relied on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
	/// The certificate's set is the trusted one.
	Pinned {
		/// Its set id.
		set_id: u64,
	},
	/// No trusted set was given: the certificate's own set was used, which proves nothing
	/// unless its keys are known to be the consortium's.
	Unpinned {
		/// Its set id.
		set_id: u64,
		/// Its keys and weights.
		authorities: Vec<Authority>,
	},
}

use crate::hex0x;
