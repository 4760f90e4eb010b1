//! The chain's block header and GRANDPA justification, decoded with no runtime: the SCALE
//! layouts of `sp_runtime::generic::Header<u32, BlakeTwo256>` and of
//! `sp_consensus_grandpa::GrandpaJustification`, so that the checks build for a browser.
//! The client's tests check both against the SDK's own types.

use codec::{Decode, Encode};
use sp_crypto_hashing::blake2_256;

/// A 32-byte hash.
pub type Hash = [u8; 32];

/// A block header.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct Header {
	/// The parent block's hash.
	pub parent_hash: Hash,
	/// The block's number.
	#[codec(compact)]
	pub number: u32,
	/// The root of the block's state trie.
	pub state_root: Hash,
	/// The root of the block's extrinsics.
	pub extrinsics_root: Hash,
	/// The consensus engines' logs.
	pub digest: Vec<DigestItem>,
}

impl Header {
	/// The block's hash: the BLAKE2-256 of the encoded header.
	pub fn hash(&self) -> Hash {
		blake2_256(&self.encode())
	}
}

/// A digest log, as `sp_runtime::DigestItem` encodes it.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub enum DigestItem {
	/// Anything else.
	#[codec(index = 0)]
	Other(Vec<u8>),
	/// A message from the runtime to a consensus engine, e.g. GRANDPA's set changes.
	#[codec(index = 4)]
	Consensus([u8; 4], Vec<u8>),
	/// A seal: the block author's signature.
	#[codec(index = 5)]
	Seal([u8; 4], Vec<u8>),
	/// A pre-runtime digest: the slot the block was authored in.
	#[codec(index = 6)]
	PreRuntime([u8; 4], Vec<u8>),
	/// The runtime's code or heap pages changed.
	#[codec(index = 8)]
	RuntimeEnvironmentUpdated,
}

/// A GRANDPA justification: round `round`'s commit for a block, and the headers linking the
/// precommits' targets to it.
#[derive(Decode, Debug, Clone, PartialEq, Eq)]
pub struct Justification {
	pub round: u64,
	pub commit: Commit,
	pub votes_ancestries: Vec<Header>,
}

/// The precommits a justification carries.
#[derive(Decode, Debug, Clone, PartialEq, Eq)]
pub struct Commit {
	pub target_hash: Hash,
	pub target_number: u32,
	pub precommits: Vec<SignedPrecommit>,
}

/// A vote for a block: the block and its number.
#[derive(Encode, Decode, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Precommit {
	pub target_hash: Hash,
	pub target_number: u32,
}

/// A precommit with its signer's ed25519 key and signature.
#[derive(Decode, Debug, Clone, PartialEq, Eq)]
pub struct SignedPrecommit {
	pub precommit: Precommit,
	pub signature: [u8; 64],
	pub id: [u8; 32],
}

impl SignedPrecommit {
	/// The bytes the signer signed: GRANDPA's `Message::Precommit` (variant 1), the round and
	/// the authority set's id.
	pub fn signed_payload(&self, round: u64, set_id: u64) -> Vec<u8> {
		(1u8, self.precommit, round, set_id).encode()
	}
}
