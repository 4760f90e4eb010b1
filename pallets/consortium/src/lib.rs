//! # Consortium
//!
//! The chain has no sudo key. Root-only calls, a runtime upgrade (`System::set_code`) first
//! among them, are made by the consortium: its origin (two thirds of the council) enacts a
//! call, which then runs as root.
//!
//! ## Interface
//!
//! For the consortium: [`Pallet::enact`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_runtime::traits::{Dispatchable, Hash};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The consortium: two thirds of the council.
		type ConsortiumOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The calls the consortium may enact.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The consortium enacted a call as root; `result` is how it ended.
		Enacted {
			call_hash: T::Hash,
			result: DispatchResult,
		},
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Run `call` as root.
		///
		/// The origin is the consortium. The enactment succeeds even when `call` fails: the
		/// event carries the call's own result.
		///
		/// - `call`: the call to run, e.g. `System::set_code` for a runtime upgrade.
		///
		/// Emits [`Event::Enacted`]. Weight: [`WeightInfo::enact`] plus the call's own weight.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(info.call_weight), info.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			let call_hash = T::Hashing::hash_of(&call);
			let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
			let actual = outcome.map_or_else(|e| e.post_info.actual_weight, |p| p.actual_weight);
			Self::deposit_event(Event::Enacted {
				call_hash,
				result: outcome.map(|_| ()).map_err(|e| e.error),
			});
			Ok(actual
				.map(|w| w.saturating_add(T::WeightInfo::enact()))
				.into())
		}
	}
}
