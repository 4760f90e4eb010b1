//! The SCALE layout of the stored records a certificate proves, mirroring the runtime's
//! `pallet_rights` and `pallet_collectibles` types with this runtime's parameters: 32-byte
//! accounts and hashes, `u32` block numbers. Bounded vectors encode as plain vectors.
//!
//! A field added to a runtime type changes its encoding, so an older client refuses the
//! record (it does not decode to its end) rather than misreading it.

use codec::{Decode, Encode};

/// `MetadataRef`.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct MetadataRef {
	pub uri: Vec<u8>,
	pub sha256: [u8; 32],
}

/// `pallet_rights::Work`.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct Work {
	pub content: [u8; 32],
	pub title: Vec<u8>,
	pub metadata: MetadataRef,
	pub created_on: u32,
	/// As filed; the current list is in [`MoralRights`].
	pub authors: Vec<[u8; 32]>,
	pub parents: Vec<u64>,
	pub registrant: [u8; 32],
	pub registered_at: u32,
	pub root_unit: u64,
	pub open_disputes: u32,
	pub live_licences: u32,
}

/// `pallet_rights::MoralRightsRecord`.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct MoralRights {
	pub authors: Vec<[u8; 32]>,
	pub rights: u16,
	pub version: u32,
	pub since: u32,
}

/// `pallet_rights::Revocation`.
#[derive(Encode, Decode, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revocation {
	pub reason: u16,
	pub at: u32,
}

/// `pallet_rights::Attestation`.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct Attestation {
	pub claim: [u8; 32],
	pub evidence: Option<[u8; 32]>,
	pub at: u32,
	pub revoked: Option<Revocation>,
}

/// `pallet_collectibles::ItemState`.
#[derive(Encode, Decode, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
	Draft,
	Issued,
	Retired { reason: u16 },
}

/// `pallet_collectibles::Freeze`.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct Freeze {
	pub by: [u8; 32],
	pub reason: u16,
	pub evidence: [u8; 32],
	pub at: u32,
}

/// `pallet_collectibles::Item`.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct Item {
	pub content: [u8; 32],
	pub metadata: MetadataRef,
	pub metadata_version: u32,
	pub serial: u32,
	pub edition: u32,
	pub creator: [u8; 32],
	pub catalogue_number: Option<Vec<u8>>,
	pub owner: [u8; 32],
	pub minted_at: u32,
	pub held_since: u32,
	pub state: ItemState,
	pub frozen: Option<Freeze>,
}
