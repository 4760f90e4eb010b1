//! The consortium's decisions: council motions, and the calls they carry.
//!
//! A council member proposes a call, wrapped in `Consortium::enact`, the one path by which the
//! council acts; once two thirds of the council voted aye, the motion is closed and the call
//! runs with the consortium's origin. With a one-member council (a development chain)
//! proposing with threshold 1 runs the call at once.

use subxt::{
	dynamic::Value,
	ext::scale_encode::{self, EncodeAsType, TypeResolver},
	rpcs::rpc_params,
	transactions::{DynamicPayload, Payload},
	utils::{AccountId32, MultiAddress, H256},
};

use scale_value::{At, ValueDef};

use crate::{Ed25519Signer, Error, Finalized, RegistryClient};

/// A call already SCALE-encoded, passed where the chain expects a call (or any value) of its
/// own: the bytes are written as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded(pub Vec<u8>);

impl EncodeAsType for Encoded {
	fn encode_as_type_to<R: TypeResolver>(
		&self,
		_type_id: R::TypeId,
		_types: &R,
		out: &mut Vec<u8>,
	) -> Result<(), scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

/// The largest weight a council motion may carry: a tenth of a second and a megabyte of proof,
/// far above any of the registry's calls and well inside a block.
#[derive(Debug, Clone, Copy, EncodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
struct WeightBound {
	ref_time: u64,
	proof_size: u64,
}

const MOTION_WEIGHT_BOUND: WeightBound = WeightBound {
	ref_time: 100_000_000_000,
	proof_size: 1024 * 1024,
};

/// `Council::propose`: a motion to run `call` once `threshold` members voted aye.
pub fn propose(threshold: u32, call: Vec<u8>) -> DynamicPayload<(u32, Encoded, u32)> {
	let length = call.len() as u32;
	subxt::dynamic::transaction("Council", "propose", (threshold, Encoded(call), length))
}

/// `Consortium::enact`: what every council motion carries.
pub fn enact(call: Vec<u8>) -> DynamicPayload<(Encoded,)> {
	subxt::dynamic::transaction("Consortium", "enact", (Encoded(call),))
}

/// `Council::vote` on an open motion.
pub fn vote(motion: H256, index: u32, approve: bool) -> DynamicPayload<(H256, u32, bool)> {
	subxt::dynamic::transaction("Council", "vote", (motion, index, approve))
}

/// The council's open motion that a proposal started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Motion {
	/// The motion's hash: the hash of its call.
	pub hash: H256,
	/// Its index among all motions.
	pub index: u32,
}

impl RegistryClient {
	/// The SCALE encoding of a call, checked against the chain's metadata; what a council
	/// motion carries.
	pub async fn call_data<Call: Payload>(&self, call: &Call) -> Result<Vec<u8>, Error> {
		let at = self
			.api()
			.at_current_block()
			.await
			.map_err(subxt::Error::from)?;
		at.transactions()
			.call_data(call)
			.map_err(|e| Error::Metadata(e.to_string()))
	}

	/// Has the council decide `call`: `proposer` proposes `Consortium::enact(call)` with
	/// `threshold` and votes aye (proposing is not voting), each of `voters` votes aye, and the
	/// proposer closes the motion. Returns the block in which the call ran with the
	/// consortium's origin, or [`Error::Dispatch`] if the call itself failed.
	pub async fn council_decides<Call: Payload>(
		&self,
		call: &Call,
		threshold: u32,
		proposer: &Ed25519Signer,
		voters: &[&Ed25519Signer],
	) -> Result<Finalized, Error> {
		let inner = self.call_data(call).await?;
		let call_data = self.call_data(&enact(inner)).await?;
		let proposed = self
			.submit(&propose(threshold, call_data.clone()), proposer)
			.await?;
		if threshold <= 1 {
			return executed(proposed);
		}
		let motion = motion_of(&proposed)?;
		for voter in std::iter::once(&proposer).chain(voters) {
			self.submit(&vote(motion.hash, motion.index, true), voter)
				.await?;
		}
		let close = subxt::dynamic::transaction(
			"Council",
			"close",
			(
				motion.hash,
				motion.index,
				MOTION_WEIGHT_BOUND,
				call_data.len() as u32,
			),
		);
		executed(self.submit(&close, proposer).await?)
	}

	/// Generates new session keys in the keystore of the node this client is connected to and
	/// returns them with the proof that `owner` holds them, ready for `Session::set_keys`.
	///
	/// The node must allow unsafe RPC methods (it does on a local interface).
	pub async fn rotate_session_keys(
		&self,
		owner: &AccountId32,
	) -> Result<(Vec<u8>, Vec<u8>), Error> {
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
		Ok((field("keys")?, field("proof")?))
	}
}

/// `Session::set_keys` with keys and proof from [`RegistryClient::rotate_session_keys`].
pub fn set_session_keys(keys: Vec<u8>, proof: Vec<u8>) -> DynamicPayload<(Encoded, Vec<u8>)> {
	subxt::dynamic::transaction("Session", "set_keys", (Encoded(keys), proof))
}

/// `Validators::add_candidate`, for a council motion: lets `who` register session keys.
pub fn add_candidate(who: AccountId32) -> DynamicPayload<(AccountId32,)> {
	subxt::dynamic::transaction("Validators", "add_candidate", (who,))
}

/// `Validators::add_validator`, for a council motion.
pub fn add_validator(who: AccountId32) -> DynamicPayload<(AccountId32,)> {
	subxt::dynamic::transaction("Validators", "add_validator", (who,))
}

/// `Validators::remove_validator`, for a council motion.
pub fn remove_validator(who: AccountId32) -> DynamicPayload<(AccountId32,)> {
	subxt::dynamic::transaction("Validators", "remove_validator", (who,))
}

/// `NodeAuthorization::add_well_known_node`, for a council motion: admits the node whose
/// libp2p PeerId has these bytes, owned by `owner`.
pub fn admit_node(
	peer_id: Vec<u8>,
	owner: AccountId32,
) -> DynamicPayload<(Encoded, MultiAddress<AccountId32, ()>)> {
	use codec::Encode;
	// A PeerId is a newtype of its bytes on chain: encoded as the bytes are.
	subxt::dynamic::transaction(
		"NodeAuthorization",
		"add_well_known_node",
		(Encoded(peer_id.encode()), MultiAddress::Id(owner)),
	)
}

/// `NodeAuthorization::remove_well_known_node`, for a council motion.
pub fn remove_node(peer_id: Vec<u8>) -> DynamicPayload<(Encoded,)> {
	use codec::Encode;
	subxt::dynamic::transaction(
		"NodeAuthorization",
		"remove_well_known_node",
		(Encoded(peer_id.encode()),),
	)
}

/// The bytes of the libp2p PeerId of an ed25519 node key with this public key, as the chain
/// stores them: the identity multihash of the key's protobuf encoding.
pub fn peer_id_of_ed25519(public: [u8; 32]) -> Vec<u8> {
	let mut bytes = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(&public);
	bytes
}

/// The motion a `Council::propose` opened, from its `Proposed` event.
fn motion_of(proposed: &Finalized) -> Result<Motion, Error> {
	let event = proposed
		.events
		.iter()
		.find(|e| e.pallet == "Council" && e.name == "Proposed")
		.ok_or_else(|| Error::Metadata("the proposal opened no council motion".into()))?;
	let index = event
		.fields
		.at("proposal_index")
		.and_then(|v| v.as_u128())
		.ok_or_else(|| Error::Metadata("the motion's event has no index".into()))?;
	let hash = event
		.fields
		.at("proposal_hash")
		.map(bytes_of)
		.filter(|b| b.len() == 32)
		.ok_or_else(|| Error::Metadata("the motion's event has no hash".into()))?;
	Ok(Motion {
		hash: H256::from_slice(&hash),
		index: index as u32,
	})
}

/// The call a motion ran: `Council::Executed` with an `Ok` result, or the call's error.
fn executed(finalized: Finalized) -> Result<Finalized, Error> {
	let event = finalized
		.events
		.iter()
		.find(|e| e.pallet == "Council" && e.name == "Executed")
		.ok_or_else(|| Error::Metadata("the council motion did not run its call".into()))?;
	match event.fields.at("result").map(|v| &v.value) {
		Some(ValueDef::Variant(v)) if v.name == "Ok" => Ok(finalized),
		Some(other) => Err(Error::Dispatch {
			pallet: "Council".into(),
			error: format!("the consortium's call failed: {other:?}"),
			docs: String::new(),
			block_hash: format!("{:?}", finalized.block_hash),
		}),
		None => Err(Error::Metadata(
			"the council's `Executed` event has no result".into(),
		)),
	}
}

/// The bytes of a value made of byte-sized numbers, however they are nested.
fn bytes_of(value: &Value) -> Vec<u8> {
	match &value.value {
		ValueDef::Primitive(p) => p.as_u128().map(|n| vec![n as u8]).unwrap_or_default(),
		ValueDef::Composite(c) => c.values().flat_map(bytes_of).collect(),
		_ => Vec::new(),
	}
}
