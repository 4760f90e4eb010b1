//! Authorship certificates: a registration with the proofs that make it checkable offline.
//!
//! The format and its offline check are [`registry_verify::certificate`], re-exported here;
//! this module makes certificates from a node's answers
//! ([`RegistryClient::certificate_for`]).

use codec::{DecodeAll, Encode};
use registry_verify::{grandpa, header::Header, keys};
use subxt::utils::H256;

pub use registry_verify::{certificate::*, state::ProvenState, VerifyError};

use crate::{types::hex0x, Error, RegistryClient};

/// How many finalized blocks to look back for one with a justification. Every block a round
/// finalizes keeps one, and the finalized head is such a block, so one step is the rule.
const LOOK_BACK: u32 = 16;

/// Keys asked of `state_getKeysPaged` at once.
const PAGE: u32 = 512;

/// The id GRANDPA's justifications carry among a block's justifications.
const GRANDPA_ENGINE_ID: [u8; 4] = *b"FRNK";

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
		let chain = self
			.rpc()
			.system_chain()
			.await
			.map_err(|e| self.connection(e))?;
		let genesis = self
			.block_hash(0)
			.await?
			.ok_or_else(|| self.unusable("it has no genesis block"))?;
		let (mut from, mut left) = (None, LOOK_BACK);
		let mut failure = None;
		loop {
			let (justified, looked) = match self.justified_from(from, left).await {
				Ok(found) => found,
				// Nothing justified within reach: a set that failed to sign says more.
				Err(e) => return Err(failure.map(Error::Certificate).unwrap_or(e)),
			};
			let (hash, header) = (H256(justified.hash), justified.header.clone());
			let parts = Parts {
				chain: chain.clone(),
				genesis_hash: genesis.0,
				content: content.0,
				header: header.clone(),
				justification: justified.justification,
				set_id: 0,
				authorities: Vec::new(),
				trie_nodes: Vec::new(),
			};
			// An older justified block may be signed by a set the node's state names.
			match self.certificate_at(hash, parts).await {
				Err(Error::Certificate(e)) if is_about_signers(&e) && looked < left => {
					failure = Some(e)
				}
				done => return done,
			}
			(from, left) = (Some(H256(header.parent_hash)), left - looked);
		}
	}

	/// The newest finalized block with a GRANDPA justification, looking back at most
	/// [`LOOK_BACK`] blocks from the finalized head: where proofs are anchored.
	pub async fn newest_justified(&self) -> Result<Justified, Error> {
		Ok(self.justified_from(None, LOOK_BACK).await?.0)
	}

	/// The newest justified block at or before `from` (default: the finalized head), looking
	/// at most `budget` blocks back, and how many it looked at.
	async fn justified_from(
		&self,
		from: Option<H256>,
		budget: u32,
	) -> Result<(Justified, u32), Error> {
		let mut hash = match from {
			Some(hash) => hash,
			None => self
				.rpc()
				.chain_get_finalized_head()
				.await
				.map_err(|e| self.connection(e))?,
		};
		let mut newest = None;
		let mut looked = 0;
		while looked < budget {
			looked += 1;
			let (header, justification) = self.block_at(hash).await?;
			newest.get_or_insert(header.number);
			if let Some(justification) = justification {
				let justified = Justified {
					hash: hash.0,
					header,
					justification,
				};
				return Ok((justified, looked));
			}
			if header.number == 0 {
				break;
			}
			hash = H256(header.parent_hash);
		}
		Err(Error::NoJustification {
			newest: newest.unwrap_or_default(),
			blocks: looked,
		})
	}

	/// A block's header, checked against its hash, and its GRANDPA justification if it has
	/// one.
	async fn block_at(&self, hash: H256) -> Result<(Header, Option<Vec<u8>>), Error> {
		let block = self
			.rpc()
			.chain_get_block(Some(hash))
			.await
			.map_err(|e| self.connection(e))?
			.ok_or_else(|| self.unusable(&format!("it has no block {hash:?}")))?;
		// The same SCALE layout, read as the offline checks read headers.
		let header = Header::decode_all(&mut &block.block.header.encode()[..])
			.map_err(|e| self.unusable(&format!("the header of block {hash:?}: {e}")))?;
		if header.hash() != hash.0 {
			return Err(self.unusable(&format!(
				"the header of block {hash:?} hashes to {}",
				hex0x(&header.hash())
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
		let proof = self
			.rpc()
			.state_get_read_proof(keys.iter().map(Vec::as_slice), Some(H256(justified.hash)))
			.await
			.map_err(|e| self.connection(e))?;
		let trie_nodes = proof.proof.into_iter().map(|node| node.0).collect();

		// The set that finalized a block is the one in force after its parent, except across
		// a change of set with a delay; the block's own state is the fallback.
		let header = &justified.header;
		let parent = H256(header.parent_hash);
		let mut sets = Vec::new();
		for at in [parent, H256(justified.hash)] {
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
		let work_key = keys::work_by_content(&content);
		let mut wanted = vec![work_key.clone(), keys::sm3_of(&content)];
		if let Some(work) = self.read_storage(&work_key, hash).await? {
			let work = u64::decode_all(&mut &work[..])
				.map_err(|e| self.unusable(&format!("its work number does not decode: {e}")))?;
			wanted.push(keys::work(work));
			wanted.push(keys::moral_rights(work));
			let prefix = keys::attestations_of(work);
			wanted.extend(self.keys_under(&prefix, hash).await?);
			// Proves the subtrie's place even when it is empty.
			wanted.push(prefix);
		}
		let prefix = keys::items_by_content_of(&content);
		for key in self.keys_under(&prefix, hash).await? {
			if let Some((collection, item)) = keys::item_in(&key, &content) {
				wanted.push(keys::item(collection, item));
			}
			wanted.push(key);
		}
		wanted.push(prefix);

		let justified = Justified {
			hash: hash.0,
			header: parts.header.clone(),
			justification: parts.justification.clone(),
		};
		let proven = self.prove_at(&justified, &wanted).await?;
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
		self.rpc()
			.state_call(method, None, Some(at))
			.await
			.map_err(|e| self.connection(e))
	}

	/// The raw value at `key` in the state of block `at`.
	async fn read_storage(&self, key: &[u8], at: H256) -> Result<Option<Vec<u8>>, Error> {
		self.rpc()
			.state_get_storage(key, Some(at))
			.await
			.map_err(|e| self.connection(e))
	}

	/// Every key under `prefix` in the state of block `at`.
	async fn keys_under(&self, prefix: &[u8], at: H256) -> Result<Vec<Vec<u8>>, Error> {
		let mut keys: Vec<Vec<u8>> = Vec::new();
		loop {
			let page = self
				.rpc()
				.state_get_keys_paged(prefix, PAGE, keys.last().map(Vec::as_slice), Some(at))
				.await
				.map_err(|e| self.connection(e))?;
			let done = page.len() < PAGE as usize;
			keys.extend(page);
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
