//! Fingerprints of a registered content beside its SHA-256: the SM3 digest (GB/T 32905-2016)
//! and the ISCC Content-Code (ISO 24138:2024) that finds near-duplicates.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::{ConstU32, DispatchResult, Weight},
		BoundedVec,
	},
	sp_core::H256,
};
use scale_info::TypeInfo;

/// Bytes of the content codes the chain admits: ISCC's default of 64 bits. The encoding
/// allows up to [`MaxContentCodeBytes`] so that longer codes can be admitted later without a
/// new call format.
pub const CONTENT_CODE_BYTES: usize = 8;

/// The longest content code the call format can carry.
pub type MaxContentCodeBytes = ConstU32<32>;

/// What a content code was computed from: ISCC's subtypes of the Content-Code, with their
/// numbers. Codes of different kinds are not comparable.
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
pub enum ContentKind {
	#[codec(index = 0)]
	Text,
	#[codec(index = 1)]
	Image,
	#[codec(index = 2)]
	Audio,
	#[codec(index = 3)]
	Video,
	#[codec(index = 4)]
	Mixed,
}

/// An ISCC Content-Code: its kind and the code's body (the bits after the ISCC header).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ContentCode {
	/// What it was computed from.
	pub kind: ContentKind,
	/// The code's bits, most significant first; [`CONTENT_CODE_BYTES`] of them.
	pub bits: BoundedVec<u8, MaxContentCodeBytes>,
}

impl ContentCode {
	/// The code as a number, if it has the length the chain admits.
	pub fn as_u64(&self) -> Option<u64> {
		let bytes: [u8; CONTENT_CODE_BYTES] = self.bits.as_slice().try_into().ok()?;
		Some(u64::from_be_bytes(bytes))
	}
}

/// The fingerprints a registration may carry beside its SHA-256, each optional: a client that
/// cannot compute one (an unknown file format, a content it does not have) leaves it out.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Fingerprints {
	/// SM3 of the content's bytes.
	pub sm3: Option<H256>,
	/// ISCC Content-Code of the content.
	pub content_code: Option<ContentCode>,
}

/// Where the registries record the fingerprints of the contents they register, implemented by
/// the `Fingerprints` pallet.
pub trait FingerprintRegistry {
	/// Records `fingerprints` for the content whose SHA-256 is `sha256`. Fails, writing
	/// nothing, when the SM3 digest belongs to another content, when the content already has
	/// another SM3 digest or content code, or when the code is not of the admitted length.
	fn record(sha256: H256, fingerprints: &Fingerprints) -> DispatchResult;

	/// The most [`FingerprintRegistry::record`] costs for one content carrying
	/// `fingerprints`, apart from [`FingerprintRegistry::log_weight`].
	fn record_weight(_fingerprints: &Fingerprints) -> Weight {
		Weight::zero()
	}

	/// What appending to the log of content codes costs once per call that records a code:
	/// the log's counter, read and written once however many codes a batch records.
	fn log_weight() -> Weight {
		Weight::zero()
	}

	/// What recording all of `fingerprints` in one call costs.
	fn calls_weight<'a>(fingerprints: impl Iterator<Item = &'a Fingerprints>) -> Weight {
		let mut any_code = false;
		let mut weight = Weight::zero();
		for each in fingerprints {
			any_code |= each.content_code.is_some();
			weight = weight.saturating_add(Self::record_weight(each));
		}
		if any_code {
			weight = weight.saturating_add(Self::log_weight());
		}
		weight
	}
}

/// Records nothing: for runtimes and mocks without fingerprints.
impl FingerprintRegistry for () {
	fn record(_sha256: H256, _fingerprints: &Fingerprints) -> DispatchResult {
		Ok(())
	}
}
