//! # Consortium
//!
//! The chain has no sudo key. Everything the consortium decides goes through one call,
//! [`Pallet::enact`]: two thirds of the council enact a call, which then runs with the
//! consortium's own origin ([`Origin::Consortium`]), under the runtime's call filter like any
//! other non-root origin. Only the calls the runtime lists as root calls (a runtime upgrade,
//! `System::set_code`, first among them) run as root.
//!
//! Before anything runs, [`Config::EnactFilter`] is asked about the call, nested calls
//! included: raw storage writes (`System::set_storage`, `kill_storage`, `kill_prefix`) and
//! anything that would rewrite audit records are refused, whatever majority asks for them.
//! A runtime upgrade can still change anything; what the chain promises against the council
//! there is detection, through the audit log's provable exports.
//!
//! ## Interface
//!
//! For the council: [`Pallet::enact`].
//!
//! For the runtime: [`EnsureConsortium`], the origin check of every call the consortium
//! makes.
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

/// Writes the audit log's record of an enactment, and of what the enacted call changes where
/// its own pallet does not report it. Called just before the call runs, inside the same
/// transactional layer: if the call fails, the records go with it.
pub trait EnactmentLog<Call, Hash> {
	/// Records that the consortium enacted `call`, whose hash is `call_hash`.
	fn enacted(call: &Call, call_hash: &Hash);

	/// The most [`EnactmentLog::enacted`] costs for `call`.
	fn weight(call: &Call) -> frame_support::weights::Weight;
}

impl<Call, Hash> EnactmentLog<Call, Hash> for () {
	fn enacted(_: &Call, _: &Hash) {}

	fn weight(_: &Call) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Accepts only the consortium's origin, which [`Pallet::enact`] gives the calls it runs.
pub struct EnsureConsortium;

impl<O: Into<Result<Origin, O>> + From<Origin>> frame_support::traits::EnsureOrigin<O>
	for EnsureConsortium
{
	type Success = ();

	fn try_origin(o: O) -> Result<(), O> {
		o.into().map(|Origin::Consortium| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Consortium))
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{DispatchErrorWithPostInfo, GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::Contains,
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_runtime::traits::{Dispatchable, Hash};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// Who may enact: two thirds of the council.
		type EnactOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;
		/// The runtime's origin, built from the consortium's origin or root.
		type RuntimeOrigin: From<Origin> + From<frame_system::RawOrigin<Self::AccountId>>;
		/// The calls the consortium may enact.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo;
		/// Calls never enacted, whatever the majority: raw storage writes and anything that
		/// would change audit records. The runtime's implementation looks into nested calls.
		type EnactFilter: Contains<<Self as Config>::RuntimeCall>;
		/// Calls that run as root rather than with the consortium's origin: runtime upgrades
		/// and the few calls the SDK reserves for root.
		type RootCalls: Contains<<Self as Config>::RuntimeCall>;
		/// The audit log, told of every enactment.
		type Log: EnactmentLog<<Self as Config>::RuntimeCall, Self::Hash>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The origin of the calls the consortium enacts.
	#[pallet::origin]
	#[derive(
		PartialEq, Eq, Clone, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub enum Origin {
		/// Two thirds of the council, through [`Pallet::enact`].
		#[codec(index = 0)]
		Consortium,
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The consortium enacted a call, which succeeded; `as_root` when it ran as root.
		Enacted { call_hash: T::Hash, as_root: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The consortium may not enact this call: raw storage writes and changes to audit records
		/// are refused whatever the majority.
		CallNotAllowed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Run `call` with the consortium's origin, or as root if it is a root call.
		///
		/// The origin is two thirds of the council. The call passes the runtime's call filter
		/// and [`Config::EnactFilter`]; if it fails, so does the enactment, with its error.
		///
		/// - `call`: the call to run, e.g. `Members::admit` or `System::set_code`.
		///
		/// Writes an `enacted` audit record naming the call and its hash, before the records of
		/// what it changes. Emits [`Event::Enacted`]. Weight: [`WeightInfo::enact`], the
		/// records', and the call's own weight.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			let own = T::WeightInfo::enact().saturating_add(T::Log::weight(call));
			(own.saturating_add(info.call_weight), info.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::EnactOrigin::ensure_origin(origin)?;
			ensure!(
				!T::EnactFilter::contains(&call),
				DispatchErrorWithPostInfo {
					post_info: Some(T::WeightInfo::enact()).into(),
					error: Error::<T>::CallNotAllowed.into(),
				}
			);
			let call_hash = T::Hashing::hash_of(&call);
			let as_root = T::RootCalls::contains(&call);
			let origin: <T as Config>::RuntimeOrigin = if as_root {
				frame_system::RawOrigin::Root.into()
			} else {
				Origin::Consortium.into()
			};
			let own = T::WeightInfo::enact().saturating_add(T::Log::weight(&call));
			let with_enact = |actual: Option<Weight>| -> PostDispatchInfo {
				actual.map(|w| w.saturating_add(own)).into()
			};
			T::Log::enacted(&call, &call_hash);
			match call.dispatch(origin) {
				Ok(post) => {
					Self::deposit_event(Event::Enacted { call_hash, as_root });
					Ok(with_enact(post.actual_weight))
				}
				Err(e) => Err(DispatchErrorWithPostInfo {
					post_info: with_enact(e.post_info.actual_weight),
					error: e.error,
				}),
			}
		}
	}
}
