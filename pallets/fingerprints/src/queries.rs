//! Read-only views behind the runtime API.

use crate::{
	pallet::{CodeCount, CodeLog, Config, ContentBySm3, ContentCodes, Pallet, Sm3Of},
	CodeIndex, ContentCode, Fingerprints,
};
use alloc::vec::Vec;
use polkadot_sdk::sp_core::H256;

/// The most log entries one page returns.
pub const MAX_LOG_PAGE: u32 = 10_000;

impl<T: Config> Pallet<T> {
	/// The fingerprints recorded for the content whose SHA-256 is `sha256`.
	pub fn fingerprints_of(sha256: H256) -> Fingerprints {
		Fingerprints {
			sm3: Sm3Of::<T>::get(sha256),
			content_code: ContentCodes::<T>::get(sha256),
		}
	}

	/// The SHA-256 of the content whose SM3 digest is `sm3`, if one is registered.
	pub fn content_of_sm3(sm3: H256) -> Option<H256> {
		ContentBySm3::<T>::get(sm3)
	}

	/// Entries of the content-code log from `start`, at most `limit` (up to
	/// [`MAX_LOG_PAGE`]), each with its content and code, and the log's length.
	pub fn code_log(start: CodeIndex, limit: u32) -> (Vec<(H256, ContentCode)>, CodeIndex) {
		let count = CodeCount::<T>::get();
		let end = count.min(start.saturating_add(u64::from(limit.min(MAX_LOG_PAGE))));
		let entries = (start..end)
			.filter_map(|index| {
				let sha256 = CodeLog::<T>::get(index)?;
				Some((sha256, ContentCodes::<T>::get(sha256)?))
			})
			.collect();
		(entries, count)
	}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads fingerprints: SM3 digests and content codes.
	pub trait FingerprintsApi {
		/// The fingerprints of the content whose SHA-256 is `sha256` (none if it has none).
		fn fingerprints(sha256: H256) -> Fingerprints;
		/// The SHA-256 of the content whose SM3 digest is `sm3`.
		fn content_of_sm3(sm3: H256) -> Option<H256>;
		/// Entries `start..` of the content-code log, at most `limit` (up to 10,000), and the
		/// log's length: what a node's near-duplicate index reads as blocks finalize.
		fn code_log(start: u64, limit: u32) -> (Vec<(H256, ContentCode)>, u64);
	}
}
