//! The consortium's decisions: council motions, and the calls they carry.
//!
//! A council member proposes a call, wrapped in `Consortium::enact`, the one path by which the
//! council acts; once two thirds of the council voted aye, the motion is closed and the call
//! runs with the consortium's origin. With a one-member council (a development chain)
//! proposing with threshold 1 runs the call at once.

use subxt::{rpcs::rpc_params, transactions::Payload, utils::AccountId32};

use crate::{
	runtime::{
		self,
		council::events::{Executed, Proposed},
		runtime_types::{
			pallet_consortium::pallet::Call as ConsortiumCall, registry_runtime::SessionKeys,
			sp_consensus_aura::sr25519::app_sr25519, sp_consensus_grandpa::app,
			sp_weights::weight_v2::Weight,
		},
	},
	Ed25519Signer, Error, Finalized, RegistryClient,
};

/// The largest weight a council motion may carry: a tenth of a second and a megabyte of proof,
/// far above any of the registry's calls and well inside a block.
pub const MOTION_WEIGHT_BOUND: Weight = Weight {
	ref_time: 100_000_000_000,
	proof_size: 1024 * 1024,
};

impl RegistryClient {
	/// The SCALE encoding of a call, checked against the chain's metadata; what a council
	/// motion carries.
	pub async fn call_data<Call: Payload>(&self, call: &Call) -> Result<Vec<u8>, Error> {
		self.at_head()
			.await?
			.transactions()
			.call_data(call)
			.map_err(|e| Error::Metadata(e.to_string()))
	}

	/// Has the council decide `call`, e.g.
	/// `runtime::Call::Validators(ValidatorsCall::add_validator { who })`: `proposer` proposes
	/// `Consortium::enact(call)` with `threshold` and votes aye (proposing is not voting), each
	/// of `voters` votes aye, and the proposer closes the motion. Returns the block in which
	/// the call ran with the consortium's origin, or [`Error::Dispatch`] if the call itself
	/// failed.
	pub async fn council_decides(
		&self,
		call: runtime::Call,
		threshold: u32,
		proposer: &Ed25519Signer,
		voters: &[&Ed25519Signer],
	) -> Result<Finalized, Error> {
		let length = self
			.call_data(&runtime::tx().consortium().enact(call.clone()))
			.await?
			.len() as u32;
		let motion = runtime::Call::Consortium(ConsortiumCall::enact {
			call: Box::new(call),
		});
		let council = runtime::tx().council();
		let proposed = self
			.submit(&council.propose(threshold, motion, length), proposer)
			.await?;
		if threshold <= 1 {
			return executed(proposed);
		}
		let Proposed {
			proposal_index,
			proposal_hash,
			..
		} = proposed.event()?;
		for voter in std::iter::once(&proposer).chain(voters) {
			self.submit(&council.vote(proposal_hash, proposal_index, true), voter)
				.await?;
		}
		let close = council.close(proposal_hash, proposal_index, MOTION_WEIGHT_BOUND, length);
		executed(self.submit(&close, proposer).await?)
	}

	/// Generates new session keys in the keystore of the node this client is connected to and
	/// returns them with the proof that `owner` holds them, ready for `Session::set_keys`.
	///
	/// The node must allow unsafe RPC methods (it does on a local interface).
	pub async fn rotate_session_keys(
		&self,
		owner: &AccountId32,
	) -> Result<(SessionKeys, Vec<u8>), Error> {
		let owner_hex = format!("0x{}", hex::encode(owner.0));
		let generated: serde_json::Value = self
			.raw_request("author_rotateKeysWithOwner", rpc_params![owner_hex])
			.await?;
		let field = |name: &str| -> Result<Vec<u8>, Error> {
			let text = generated
				.get(name)
				.and_then(|v| v.as_str())
				.ok_or_else(|| {
					Error::Metadata(format!("the node's generated session keys lack `{name}`"))
				})?;
			hex::decode(text.trim_start_matches("0x"))
				.map_err(|e| Error::Metadata(format!("the node's `{name}` is not hex: {e}")))
		};
		let keys = field("keys")?;
		// The runtime's session keys: Aura's sr25519 key, then GRANDPA's ed25519 key.
		let key = |range: std::ops::Range<usize>| -> Option<[u8; 32]> {
			keys.get(range).and_then(|bytes| bytes.try_into().ok())
		};
		let (Some(aura), Some(grandpa), 64) = (key(0..32), key(32..64), keys.len()) else {
			return Err(Error::Metadata(format!(
				"the node generated {} bytes of session keys, not an Aura and a GRANDPA key",
				keys.len()
			)));
		};
		let keys = SessionKeys {
			aura: app_sr25519::Public(aura),
			grandpa: app::Public(grandpa),
		};
		Ok((keys, field("proof")?))
	}
}

/// A council motion waiting for votes or to be closed.
#[derive(Debug, Clone)]
pub struct Motion {
	pub hash: subxt::utils::H256,
	pub index: u32,
	/// Aye votes it needs.
	pub threshold: u32,
	pub ayes: Vec<AccountId32>,
	pub nays: Vec<AccountId32>,
	/// The block its voting ends at.
	pub end: u32,
	/// The call it carries, if the chain still holds it.
	pub call: Option<runtime::Call>,
	/// Bytes of the call, which closing it must bound.
	pub length: u32,
}

impl RegistryClient {
	/// The council's members at the finalized head.
	pub async fn council_members(&self) -> Result<Vec<AccountId32>, Error> {
		Ok(self
			.fetch(runtime::storage().council().members(), ())
			.await?
			.unwrap_or_default())
	}

	/// The motions waiting at the finalized head, oldest first.
	pub async fn motions(&self) -> Result<Vec<Motion>, Error> {
		let hashes = self
			.fetch(runtime::storage().council().proposals(), ())
			.await?
			.unwrap_or_default();
		let mut motions = Vec::with_capacity(hashes.len());
		for hash in hashes {
			let Some(votes) = self
				.fetch(runtime::storage().council().voting(), (hash,))
				.await?
			else {
				continue;
			};
			let call = self
				.fetch(runtime::storage().council().proposal_of(), (hash,))
				.await?;
			// Closing bounds the call's length: the encoding of the call proposed.
			let length = match &call {
				Some(runtime::Call::Consortium(ConsortiumCall::enact { call })) => {
					self.call_data(&runtime::tx().consortium().enact(call.as_ref().clone()))
						.await?
						.len() as u32
				}
				_ => 0,
			};
			motions.push(Motion {
				hash,
				index: votes.index,
				threshold: votes.threshold,
				ayes: votes.ayes,
				nays: votes.nays,
				end: votes.end,
				length,
				call,
			});
		}
		motions.sort_by_key(|motion| motion.index);
		Ok(motions)
	}

	/// Proposes `Consortium::enact(call)` to the council with `threshold` aye votes. With a
	/// threshold of 1 the call runs at once; otherwise the motion waits, and its hash and
	/// index are returned.
	pub async fn propose(
		&self,
		call: runtime::Call,
		threshold: u32,
		proposer: &Ed25519Signer,
	) -> Result<(Finalized, Option<(subxt::utils::H256, u32)>), Error> {
		let length = self
			.call_data(&runtime::tx().consortium().enact(call.clone()))
			.await?
			.len() as u32;
		let motion = runtime::Call::Consortium(ConsortiumCall::enact {
			call: Box::new(call),
		});
		let proposed = self
			.submit(
				&runtime::tx().council().propose(threshold, motion, length),
				proposer,
			)
			.await?;
		if threshold <= 1 {
			return Ok((executed(proposed)?, None));
		}
		let Proposed {
			proposal_index,
			proposal_hash,
			..
		} = proposed.event()?;
		Ok((proposed, Some((proposal_hash, proposal_index))))
	}

	/// Closes `motion`: the call runs if it has its votes, and the motion is dropped if it can
	/// no longer get them. Returns whether the call ran; [`Error::Dispatch`] if the call itself
	/// failed.
	pub async fn close_motion(
		&self,
		motion: &Motion,
		closer: &Ed25519Signer,
	) -> Result<(Finalized, bool), Error> {
		let close = runtime::tx().council().close(
			motion.hash,
			motion.index,
			MOTION_WEIGHT_BOUND,
			motion.length,
		);
		let closed = self.submit(&close, closer).await?;
		match closed.event::<Executed>() {
			Ok(_) => executed(closed).map(|closed| (closed, true)),
			// Disapproved: closed without running the call.
			Err(_) => Ok((closed, false)),
		}
	}
}

/// The bytes of the libp2p PeerId of an ed25519 node key with this public key, as the chain
/// stores them: the identity multihash of the key's protobuf encoding.
pub fn peer_id_of_ed25519(public: [u8; 32]) -> Vec<u8> {
	let mut bytes = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(&public);
	bytes
}

/// The call a motion ran: `Council::Executed` with an `Ok` result, or the call's error.
fn executed(finalized: Finalized) -> Result<Finalized, Error> {
	let Executed { result, .. } = finalized.event()?;
	match result {
		Ok(()) => Ok(finalized),
		Err(error) => Err(Error::Dispatch {
			pallet: "Council".into(),
			error: format!("the consortium's call failed: {error:?}"),
			docs: String::new(),
			block_hash: format!("{:?}", finalized.block_hash),
		}),
	}
}
