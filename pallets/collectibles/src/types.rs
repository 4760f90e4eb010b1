//! SCALE types stored by the collectibles pallet.
//!
//! There is deliberately no price, amount, currency or consideration anywhere in these types:
//! a collectible is a record of custody, never an asset with a value on this chain.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::H256,
};
pub use registry_primitives::Fingerprints;
use scale_info::TypeInfo;

/// A collection's number.
pub type CollectionId = u32;

/// An item's number inside its collection.
pub type ItemId = u32;

/// The metadata reference both registries store, defined once.
pub use registry_primitives::MetadataRef;

/// The rules every transfer of a collection's items must pass. Transfers are gifts: no field
/// anywhere records a consideration.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct TransferPolicy<BlockNumber> {
	/// Whether items may change hands at all after they are minted.
	pub transferable: bool,
	/// Blocks the holder must hold an item, from receiving it, before gifting it on.
	pub min_holding_blocks: BlockNumber,
	/// At most this many transfers of one item within `window_blocks`; zero means no cap.
	pub max_transfers_per_window: u32,
	/// The length of the window the cap counts over.
	pub window_blocks: BlockNumber,
}

/// A collection of digital collectibles.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxIssuers, MaxName, MaxDescription, MaxUri))]
pub struct Collection<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxIssuers: Get<u32>,
	MaxName: Get<u32>,
	MaxDescription: Get<u32>,
	MaxUri: Get<u32>,
> {
	/// The institutions that issue it: the creator first, then co-issuers.
	pub issuers: BoundedVec<AccountId, MaxIssuers>,
	/// Its name.
	pub name: BoundedVec<u8, MaxName>,
	/// Its description.
	pub description: BoundedVec<u8, MaxDescription>,
	/// Its metadata document.
	pub metadata: MetadataRef<MaxUri>,
	/// Items can never exceed this number, retired ones included.
	pub max_supply: u32,
	/// Items minted so far, retired ones included.
	pub minted: u32,
	/// How many numbered editions one content may be issued as: 1 for a collection whose
	/// every item has content of its own, N for limited editions of N.
	pub editions: u32,
	/// The rules of transfer.
	pub policy: TransferPolicy<BlockNumber>,
	/// The member holding the physical original, if there is one.
	pub custodian: Option<AccountId>,
	/// The block it was created in.
	pub created_at: BlockNumber,
}

/// Where an item is in its life.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ItemState {
	/// The issuers may still correct its metadata in place.
	Draft,
	/// Its metadata is fixed; a correction is a new version.
	Issued,
	/// Burned: the record and its history stay, nothing else may happen to it.
	Retired {
		/// Why, as a code agreed by the consortium.
		reason: u16,
	},
}

/// Why a regulator froze an item.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Freeze<AccountId, BlockNumber> {
	/// The regulator.
	pub by: AccountId,
	/// The reason, as a code agreed with the regulators.
	pub reason: u16,
	/// SHA-256 of the evidence, kept off chain.
	pub evidence: H256,
	/// When.
	pub at: BlockNumber,
}

/// One digital collectible.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxUri, MaxCatalogue))]
pub struct Item<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxUri: Get<u32>,
	MaxCatalogue: Get<u32>,
> {
	/// SHA-256 of the content's bytes.
	pub content: H256,
	/// Its current metadata; earlier versions are in `MetadataVersions`.
	pub metadata: MetadataRef<MaxUri>,
	/// The current metadata's version, from 0.
	pub metadata_version: u32,
	/// Serial number, unique in the collection.
	pub serial: u32,
	/// Which edition of its content it is, k of the collection's `editions`; 1 when the
	/// collection issues each content once.
	pub edition: u32,
	/// The creator of the content.
	pub creator: AccountId,
	/// Catalogue number of the physical object, if there is one.
	pub catalogue_number: Option<BoundedVec<u8, MaxCatalogue>>,
	/// The holder.
	pub owner: AccountId,
	/// The block it was minted in.
	pub minted_at: BlockNumber,
	/// The block the holder received it in.
	pub held_since: BlockNumber,
	/// Its place in its life.
	pub state: ItemState,
	/// Set while a regulator holds it frozen.
	pub frozen: Option<Freeze<AccountId, BlockNumber>>,
}

/// What an issuer supplies to mint one item.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxUri, MaxCatalogue))]
pub struct MintRequest<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxUri: Get<u32>,
	MaxCatalogue: Get<u32>,
> {
	/// SHA-256 of the content's bytes.
	pub content: H256,
	/// The metadata document.
	pub metadata: MetadataRef<MaxUri>,
	/// Edition or serial number, unique in the collection.
	pub serial: u32,
	/// The creator of the content.
	pub creator: AccountId,
	/// Catalogue number of the physical object, if any.
	pub catalogue_number: Option<BoundedVec<u8, MaxCatalogue>>,
	/// The first holder.
	pub owner: AccountId,
	/// The content's SM3 digest and ISCC content code, as far as the issuer computed them.
	pub fingerprints: Fingerprints,
}

/// Transfers of one item inside the current window, for the per-window cap.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct TransferWindow<BlockNumber> {
	/// The block the window started.
	pub start: BlockNumber,
	/// Transfers counted in it.
	pub count: u32,
}
