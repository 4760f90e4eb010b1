//! Invariants checked after every test and by try-runtime.

use crate::pallet::{CodeCount, CodeLog, Config, ContentBySm3, ContentCodes, Pallet, Sm3Of};
use polkadot_sdk::frame_support::ensure;

impl<T: Config> Pallet<T> {
	/// The two SM3 maps are each other's inverse; every content code is in the log once, and
	/// the log holds nothing else.
	#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		let mut digests = 0usize;
		for (sha256, sm3) in Sm3Of::<T>::iter() {
			digests += 1;
			ensure!(
				ContentBySm3::<T>::get(sm3) == Some(sha256),
				"an SM3 digest does not lead back to its content"
			);
		}
		ensure!(
			ContentBySm3::<T>::iter_keys().count() == digests,
			"an SM3 digest names a content that does not have it"
		);
		let count = CodeCount::<T>::get();
		let mut logged = alloc::collections::BTreeSet::new();
		for (index, sha256) in CodeLog::<T>::iter() {
			ensure!(index < count, "a content code is logged past the log's end");
			ensure!(logged.insert(sha256), "a content's code is logged twice");
			ensure!(
				ContentCodes::<T>::contains_key(sha256),
				"a logged content has no code"
			);
		}
		ensure!(
			logged.len() as u64 == count && ContentCodes::<T>::iter_keys().count() as u64 == count,
			"the log and the content codes differ"
		);
		Ok(())
	}
}
