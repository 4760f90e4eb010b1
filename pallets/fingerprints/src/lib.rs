//! # Fingerprints
//!
//! What the registries know of a content beside its SHA-256: its SM3 digest (GB/T 32905-2016)
//! and its ISCC Content-Code (ISO 24138:2024).
//!
//! ## Overview
//!
//! This pallet has no calls. The `Collectibles` and `Rights` pallets record the fingerprints a
//! registration carries through [`FingerprintRegistry`], inside the registering call, so that
//! a refused fingerprint refuses the registration and writes nothing.
//!
//! Fingerprints belong to the content, keyed by its SHA-256: the editions of one content, and
//! a work and the collectible issued for it, share them. Hence the rules:
//! - an SM3 digest names one content: a second content with the same SM3 is refused, as a
//!   second content with the same SHA-256 is by the registries;
//! - a content has one SM3 digest and one content code: a registration of a known content that
//!   carries different ones is refused (one of them was computed from other bytes);
//! - a content code has the length the chain admits ([`CONTENT_CODE_BYTES`]).
//!
//! Content codes are also appended to a log ([`CodeLog`]) that nodes read from where they
//! stopped, to keep the index behind `registry_findSimilar`: similarity is a question for an
//! index off the chain, never a scan of state.
//!
//! ## Interface
//!
//! For the registries: [`FingerprintRegistry::record`]. For clients, through the runtime API
//! [`FingerprintsApi`]: the fingerprints of a content, the content of an SM3 digest, and the
//! log of content codes.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod invariants;
pub mod queries;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
// A glob, because the runtime API macro adds a declaration module beside the trait.
pub use queries::*;
pub use registry_primitives::{
	ContentCode, ContentKind, FingerprintRegistry, Fingerprints, CONTENT_CODE_BYTES,
};

use polkadot_sdk::frame_support;

/// A content code's place in the log.
pub type CodeIndex = u64;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use polkadot_sdk::{frame_system::pallet_prelude::BlockNumberFor, sp_core::H256};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {}

	/// The SM3 digest of each content that has one, by the content's SHA-256. `Identity`: the
	/// key is a cryptographic digest.
	#[pallet::storage]
	pub type Sm3Of<T: Config> = StorageMap<_, Identity, H256, H256, OptionQuery>;

	/// The SHA-256 of the content each SM3 digest belongs to, so that an SM3 digest names one
	/// content and a file can be found by either digest.
	#[pallet::storage]
	pub type ContentBySm3<T: Config> = StorageMap<_, Identity, H256, H256, OptionQuery>;

	/// The content code of each content that has one, by the content's SHA-256.
	#[pallet::storage]
	pub type ContentCodes<T: Config> = StorageMap<_, Identity, H256, ContentCode, OptionQuery>;

	/// Contents with a code, in the order their codes were recorded: the log nodes index.
	#[pallet::storage]
	pub type CodeLog<T: Config> = StorageMap<_, Twox64Concat, CodeIndex, H256, OptionQuery>;

	/// Entries in [`CodeLog`].
	#[pallet::storage]
	pub type CodeCount<T: Config> = StorageValue<_, CodeIndex, ValueQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// This SM3 digest is already registered for another content: two files with one SM3
		/// and different SHA-256 digests cannot both be what they claim.
		Sm3AlreadyRegistered,
		/// This content is registered with another SM3 digest: one of the two was computed
		/// from other bytes.
		Sm3Mismatch,
		/// This content is registered with another content code: one of the two was computed
		/// from other bytes or by another version of the algorithm.
		ContentCodeMismatch,
		/// A content code has the wrong length: the chain admits 64-bit ISCC Content-Codes
		/// (8 bytes after the header).
		InvalidContentCodeLength,
	}

	impl<T: Config> FingerprintRegistry for Pallet<T> {
		fn record(sha256: H256, fingerprints: &Fingerprints) -> DispatchResult {
			if let Some(code) = &fingerprints.content_code {
				ensure!(
					code.bits.len() == CONTENT_CODE_BYTES,
					Error::<T>::InvalidContentCodeLength
				);
			}
			// Every check before any write: a refusal leaves nothing behind even outside a
			// transactional call.
			let new_sm3 = match fingerprints.sm3 {
				None => None,
				Some(sm3) => {
					if let Some(owner) = ContentBySm3::<T>::get(sm3) {
						ensure!(owner == sha256, Error::<T>::Sm3AlreadyRegistered);
					}
					match Sm3Of::<T>::get(sha256) {
						Some(known) => {
							ensure!(known == sm3, Error::<T>::Sm3Mismatch);
							None
						}
						None => Some(sm3),
					}
				}
			};
			let new_code = match &fingerprints.content_code {
				None => None,
				Some(code) => match ContentCodes::<T>::get(sha256) {
					Some(known) => {
						ensure!(&known == code, Error::<T>::ContentCodeMismatch);
						None
					}
					None => Some(code.clone()),
				},
			};
			if let Some(sm3) = new_sm3 {
				Sm3Of::<T>::insert(sha256, sm3);
				ContentBySm3::<T>::insert(sm3, sha256);
			}
			if let Some(code) = new_code {
				ContentCodes::<T>::insert(sha256, code);
				let index = CodeCount::<T>::get();
				CodeLog::<T>::insert(index, sha256);
				CodeCount::<T>::put(index.saturating_add(1));
			}
			Ok(())
		}

		/// Counted from the storage it touches, with a margin of 5 µs for the little it
		/// computes: an SM3 digest reads and writes both of its maps, a code reads and writes
		/// its entry and writes the log's.
		fn record_weight(fingerprints: &Fingerprints) -> Weight {
			let db = T::DbWeight::get();
			let mut weight = Weight::from_parts(5_000_000, 0);
			if fingerprints.sm3.is_some() {
				weight = weight.saturating_add(db.reads_writes(2, 2));
			}
			if fingerprints.content_code.is_some() {
				weight = weight.saturating_add(db.reads_writes(1, 2));
			}
			weight
		}

		fn log_weight() -> Weight {
			T::DbWeight::get().reads_writes(1, 1)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
