//! Making a certificate from a node's answers.

use codec::{DecodeAll, Encode};
use polkadot_sdk::{
	sp_consensus_grandpa::GRANDPA_ENGINE_ID,
	sp_core::H256 as StateHash,
	sp_runtime::{generic::Digest, traits::Header as _, DigestItem},
};
use serde::Deserialize;
use subxt::{rpcs::rpc_params, utils::H256};

use super::{
	error::Header,
	grandpa, hex0x,
	state::{read_registration, ProvenState},
	unhex, verify, Authority, Certificate, Proof, StorageEntry, VerifyError, FORMAT, VERSION,
};
use crate::{Error, RegistryClient};

/// How many finalized blocks to look back for one with a justification. Every block a round
/// finalizes keeps one, and the finalized head is such a block, so one step is the rule.
const LOOK_BACK: u32 = 16;

/// Keys asked of `state_getKeysPaged` at once.
const PAGE: u32 = 512;

/// A finalized block with its GRANDPA justification: where a proof is anchored.
#[derive(Debug, Clone)]
pub struct Justified {
	pub hash: H256,
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
			block_hash: format!("{:?}", header.hash()),
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

/// `chain_getBlock`'s answer, without the extrinsics.
#[derive(Deserialize)]
struct SignedBlock {
	block: BlockOnly,
	justifications: Option<Vec<([u8; 4], Vec<u8>)>>,
}

#[derive(Deserialize)]
struct BlockOnly {
	header: RpcHeader,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RpcHeader {
	parent_hash: H256,
	number: String,
	state_root: H256,
	extrinsics_root: H256,
	digest: RpcDigest,
}

#[derive(Deserialize)]
struct RpcDigest {
	/// Each the hex of a SCALE-encoded digest item.
	logs: Vec<String>,
}

#[derive(Deserialize)]
struct ReadProof {
	proof: Vec<String>,
}

impl RegistryClient {
	/// An authorship certificate of the content with SHA-256 `content`, at the newest
	/// finalized block that has a GRANDPA justification; checked with [`verify`] before it is
	/// returned.
	///
	/// Everything in it is read at that block: the work that filed the content, its authors
	/// and attestations, and the collectibles that carry it. Fails with the node's sentence
	/// when nothing carries the content.
	pub async fn certificate_for(&self, content: H256) -> Result<Certificate, Error> {
		// The node's own lookup, for its sentence when nothing carries the content.
		self.find_by_content_hash(content).await?;
		let chain: String = self.raw_request("system_chain", rpc_params![]).await?;
		let genesis: Option<H256> = self
			.raw_request("chain_getBlockHash", rpc_params![0])
			.await?;
		let genesis = genesis.ok_or_else(|| self.unusable("it has no genesis block"))?;
		let head: H256 = self
			.raw_request("chain_getFinalizedHead", rpc_params![])
			.await?;

		let mut hash = head;
		let mut newest = None;
		let mut looked = 0;
		let mut failure = None;
		while looked < LOOK_BACK {
			looked += 1;
			let (header, justification) = self.block_at(hash).await?;
			newest.get_or_insert(header.number);
			if let Some(justification) = justification {
				let parts = Parts {
					chain: chain.clone(),
					genesis_hash: genesis.0,
					content: content.0,
					header: header.clone(),
					justification,
					set_id: 0,
					authorities: Vec::new(),
					trie_nodes: Vec::new(),
				};
				match self.certificate_at(hash, parts).await {
					Err(Error::Certificate(e)) if is_about_signers(&e) => failure = Some(e),
					done => return done,
				}
			}
			if header.number == 0 {
				break;
			}
			hash = H256(header.parent_hash.0);
		}
		Err(match failure {
			Some(e) => Error::Certificate(e),
			None => Error::NoJustification {
				newest: newest.unwrap_or_default(),
				blocks: looked,
			},
		})
	}

	/// The newest finalized block with a GRANDPA justification, looking back at most
	/// [`LOOK_BACK`] blocks from the finalized head: where proofs are anchored.
	pub async fn newest_justified(&self) -> Result<Justified, Error> {
		let mut hash: H256 = self
			.raw_request("chain_getFinalizedHead", rpc_params![])
			.await?;
		let mut newest = None;
		for looked in 1..=LOOK_BACK {
			let (header, justification) = self.block_at(hash).await?;
			newest.get_or_insert(header.number);
			if let Some(justification) = justification {
				return Ok(Justified {
					hash,
					header,
					justification,
				});
			}
			if header.number == 0 {
				return Err(Error::NoJustification {
					newest: newest.unwrap_or_default(),
					blocks: looked,
				});
			}
			hash = H256(header.parent_hash.0);
		}
		Err(Error::NoJustification {
			newest: newest.unwrap_or_default(),
			blocks: LOOK_BACK,
		})
	}

	/// A block's header, checked against its hash, and its GRANDPA justification if it has
	/// one.
	async fn block_at(&self, hash: H256) -> Result<(Header, Option<Vec<u8>>), Error> {
		let block: Option<SignedBlock> = self
			.raw_request("chain_getBlock", rpc_params![hash])
			.await?;
		let block = block.ok_or_else(|| self.unusable(&format!("it has no block {hash:?}")))?;
		let header = header_of(&block.block.header).map_err(|e| self.unusable(&e))?;
		if header.hash().0 != hash.0 {
			return Err(self.unusable(&format!(
				"the header of block {hash:?} hashes to {:?}",
				header.hash()
			)));
		}
		let justification =
			block
				.justifications
				.into_iter()
				.flatten()
				.find_map(|(engine, justification)| {
					(engine == GRANDPA_ENGINE_ID).then_some(justification)
				});
		Ok((header, justification))
	}

	/// The trie nodes proving `keys` at the justified block, and the authority set whose
	/// commit its justification is.
	pub async fn prove_at(&self, justified: &Justified, keys: &[Vec<u8>]) -> Result<Proven, Error> {
		let keys_hex: Vec<String> = keys.iter().map(|key| hex0x(key)).collect();
		let proof: ReadProof = self
			.raw_request("state_getReadProof", rpc_params![keys_hex, justified.hash])
			.await?;
		let trie_nodes = proof
			.proof
			.iter()
			.map(|node| unhex(node).map_err(|e| self.unusable(&e)))
			.collect::<Result<Vec<_>, _>>()?;

		// The set that finalized a block is the one in force after its parent, except across
		// a change of set with a delay; the block's own state is the fallback.
		let header = &justified.header;
		let parent = H256(header.parent_hash.0);
		let mut sets = Vec::new();
		for at in [parent, justified.hash] {
			if header.number == 0 && at == parent {
				continue;
			}
			let set = self.authority_set(at).await?;
			if !sets.contains(&set) {
				sets.push(set);
			}
		}
		let mut failure = None;
		for (set_id, authorities) in sets {
			let weights = authorities.iter().copied().collect();
			match grandpa::check(
				header,
				header.hash(),
				&justified.justification,
				set_id,
				&weights,
			) {
				Ok(_) => {
					return Ok(Proven {
						set_id,
						authorities,
						trie_nodes,
					})
				}
				Err(e) if is_about_signers(&e) => failure = Some(e),
				Err(e) => return Err(e.into()),
			}
		}
		Err(failure
			.map(Error::Certificate)
			.unwrap_or_else(|| self.unusable("it has no GRANDPA authority set")))
	}

	/// The certificate at block `hash`, whose header and justification `parts` hold.
	async fn certificate_at(&self, hash: H256, mut parts: Parts) -> Result<Certificate, Error> {
		let content = parts.content;
		let work_key = super::keys::work_by_content(&content);
		let mut keys = vec![work_key.clone()];
		if let Some(work) = self.read_storage(&work_key, hash).await? {
			let work = u64::decode_all(&mut &work[..])
				.map_err(|e| self.unusable(&format!("its work number does not decode: {e}")))?;
			keys.push(super::keys::work(work));
			keys.push(super::keys::moral_rights(work));
			let prefix = super::keys::attestations_of(work);
			keys.extend(self.keys_under(&prefix, hash).await?);
			// Proves the subtrie's place even when it is empty.
			keys.push(prefix);
		}
		let prefix = super::keys::items_by_content_of(&content);
		for key in self.keys_under(&prefix, hash).await? {
			if let Some((collection, item)) = super::keys::item_in(&key, &content) {
				keys.push(super::keys::item(collection, item));
			}
			keys.push(key);
		}
		keys.push(prefix);

		let justified = Justified {
			hash,
			header: parts.header.clone(),
			justification: parts.justification.clone(),
		};
		let proven = self.prove_at(&justified, &keys).await?;
		parts.set_id = proven.set_id;
		parts.authorities = proven.authorities;
		parts.trie_nodes = proven.trie_nodes;
		let certificate = assemble(parts)?;
		verify(&certificate, None, None)?;
		Ok(certificate)
	}

	/// The GRANDPA set id and authorities in the state of block `at`.
	async fn authority_set(&self, at: H256) -> Result<(u64, Vec<([u8; 32], u64)>), Error> {
		let set_id = self.state_call("GrandpaApi_current_set_id", at).await?;
		let set_id = u64::decode_all(&mut &set_id[..])
			.map_err(|e| self.unusable(&format!("its GRANDPA set id does not decode: {e}")))?;
		let authorities = self
			.state_call("GrandpaApi_grandpa_authorities", at)
			.await?;
		let authorities = Vec::<([u8; 32], u64)>::decode_all(&mut &authorities[..])
			.map_err(|e| self.unusable(&format!("its GRANDPA authorities do not decode: {e}")))?;
		Ok((set_id, authorities))
	}

	/// A runtime API `method` without arguments, in the state of block `at`.
	async fn state_call(&self, method: &str, at: H256) -> Result<Vec<u8>, Error> {
		let answer: String = self
			.raw_request("state_call", rpc_params![method, "0x", at])
			.await?;
		unhex(&answer).map_err(|e| self.unusable(&e))
	}

	/// The raw value at `key` in the state of block `at`.
	async fn read_storage(&self, key: &[u8], at: H256) -> Result<Option<Vec<u8>>, Error> {
		let value: Option<String> = self
			.raw_request("state_getStorage", rpc_params![hex0x(key), at])
			.await?;
		value
			.map(|value| unhex(&value).map_err(|e| self.unusable(&e)))
			.transpose()
	}

	/// Every key under `prefix` in the state of block `at`.
	async fn keys_under(&self, prefix: &[u8], at: H256) -> Result<Vec<Vec<u8>>, Error> {
		let mut keys = Vec::new();
		loop {
			let start = keys.last().map(|key: &Vec<u8>| hex0x(key));
			let page: Vec<String> = self
				.raw_request(
					"state_getKeysPaged",
					rpc_params![hex0x(prefix), PAGE, start, at],
				)
				.await?;
			let done = page.len() < PAGE as usize;
			for key in page {
				keys.push(unhex(&key).map_err(|e| self.unusable(&e))?);
			}
			if done {
				return Ok(keys);
			}
		}
	}

	fn unusable(&self, what: &str) -> Error {
		Error::Connection {
			url: self.url().to_string(),
			reason: format!("its answer is unusable for a certificate: {what}"),
		}
	}
}

/// Whether a certificate failed on who signed, which another set or block may fix.
fn is_about_signers(error: &VerifyError) -> bool {
	matches!(
		error,
		VerifyError::UnknownSigner { .. }
			| VerifyError::BadSignature { .. }
			| VerifyError::NotEnoughSignatures { .. }
	)
}

/// The chain's header from its JSON form, whose digest items are SCALE already.
fn header_of(json: &RpcHeader) -> Result<Header, String> {
	let number = u32::from_str_radix(json.number.trim_start_matches("0x"), 16)
		.map_err(|e| format!("the block number {:?}: {e}", json.number))?;
	let mut logs = Vec::with_capacity(json.digest.logs.len());
	for log in &json.digest.logs {
		logs.push(
			DigestItem::decode_all(&mut &unhex(log)?[..])
				.map_err(|e| format!("the digest item {log}: {e}"))?,
		);
	}
	Ok(Header::new(
		number,
		StateHash(json.extrinsics_root.0),
		StateHash(json.state_root.0),
		StateHash(json.parent_hash.0),
		Digest { logs },
	))
}
