//! Putting a certificate together from what a node supplies: a justified block and the trie
//! nodes of the registration's entries.

use codec::Encode;

use super::{Authority, Certificate, Proof, StorageEntry, VerifyError, FORMAT, VERSION};
use crate::{
	header::{Hash, Header},
	hex0x,
	state::{read_registration, ProvenState},
};

/// A finalized block with its GRANDPA justification: where a proof is anchored.
#[derive(Debug, Clone)]
pub struct Justified {
	pub hash: Hash,
	pub header: Header,
	pub justification: Vec<u8>,
}

/// What a node supplies to prove storage at a justified block.
#[derive(Debug, Clone)]
pub struct Proven {
	/// The authority set whose commit the justification is.
	pub set_id: u64,
	pub authorities: Vec<([u8; 32], u64)>,
	/// The trie nodes from the state root to the keys asked for.
	pub trie_nodes: Vec<Vec<u8>>,
}

impl Proven {
	/// The proof of `storage` at `justified`, in the certificate's format.
	pub fn proof(self, justified: &Justified, storage: Vec<StorageEntry>) -> Proof {
		let header = &justified.header;
		Proof {
			block_number: header.number,
			block_hash: hex0x(&header.hash()),
			header: hex0x(&header.encode()),
			justification: hex0x(&justified.justification),
			set_id: self.set_id,
			authorities: self
				.authorities
				.iter()
				.map(|(key, weight)| Authority {
					public_key: hex0x(key),
					weight: *weight,
				})
				.collect(),
			storage,
			trie_nodes: self.trie_nodes.iter().map(|node| hex0x(node)).collect(),
		}
	}
}

/// The parts of a certificate a node supplies.
#[derive(Debug, Clone)]
pub struct Parts {
	pub chain: String,
	pub genesis_hash: [u8; 32],
	pub content: [u8; 32],
	pub header: Header,
	pub justification: Vec<u8>,
	pub set_id: u64,
	pub authorities: Vec<([u8; 32], u64)>,
	pub trie_nodes: Vec<Vec<u8>>,
}

/// A certificate of `parts`, its summary and storage entries read from its own proof.
pub fn assemble(parts: Parts) -> Result<Certificate, VerifyError> {
	let header = &parts.header;
	let state = ProvenState::new(header.number, header.state_root, parts.trie_nodes.clone());
	let registration = read_registration(&parts.content, &state)?;
	Ok(Certificate {
		format: FORMAT.into(),
		version: VERSION,
		chain: parts.chain,
		genesis_hash: hex0x(&parts.genesis_hash),
		content_sha256: hex0x(&parts.content),
		content_sm3: registration.sm3.as_ref().map(|sm3| hex0x(sm3)),
		work: registration.work,
		collectibles: registration.collectibles,
		proof: Proven {
			set_id: parts.set_id,
			authorities: parts.authorities,
			trie_nodes: parts.trie_nodes,
		}
		.proof(
			&Justified {
				hash: header.hash(),
				header: header.clone(),
				justification: parts.justification,
			},
			registration.entries,
		),
	})
}
