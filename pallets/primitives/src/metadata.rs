//! Where an off-chain document lives, as both registries (collectibles and works) store it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::H256,
};
use scale_info::TypeInfo;

/// Where a piece of metadata lives and the SHA-256 of its bytes, so the off-chain document can
/// be checked against the chain.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxUri))]
pub struct MetadataRef<MaxUri: Get<u32>> {
	/// The document's URI.
	pub uri: BoundedVec<u8, MaxUri>,
	/// SHA-256 of the document's bytes.
	pub sha256: H256,
}
