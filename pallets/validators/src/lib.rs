//! # Validators
//!
//! The consortium's validator set. Only the consortium (a two-thirds council majority) adds or
//! removes validators, and only active members can be added.
//!
//! ## Overview
//!
//! This pallet is the `SessionManager` and the session clock of `pallet-session`: a change to
//! the set is handed to the session pallet at the end of the current session, which queues the
//! validators' Aura and GRANDPA keys and makes them active one session later. A node whose
//! account is not in the active set has no Aura slot and no GRANDPA vote, so it cannot author
//! or finalize.
//!
//! The set never becomes empty. Joining takes two steps: the consortium names an active member
//! a candidate, the candidate registers its session keys (`Session::set_keys`, which the
//! runtime allows only to candidates and validators), and the consortium adds it. So nobody
//! else can hold session keys, whose reference would keep the account from being removed.
//! A validator that leaves the set, or a member that is removed, loses its keys.
//!
//! ## Interface
//!
//! For the consortium:
//! - [`Pallet::add_candidate`]: let a member register session keys.
//! - [`Pallet::add_validator`], [`Pallet::remove_validator`]: change the set.
//! - [`Pallet::set_session_length`]: how many blocks a session lasts.
//!
//! For the runtime: [`Pallet::on_member_departure`] takes a suspended or removed member out
//! of the set, and [`Pallet::may_set_keys`] tells who may register keys.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod session;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

/// Which accounts have registered session keys, implemented by the runtime over
/// `pallet-session`.
pub trait KeysRegistry<AccountId> {
	/// Whether `who` has registered session keys.
	fn has_keys(who: &AccountId) -> bool;
	/// Clears the session keys of `who`, if it has any.
	fn purge(who: &AccountId);
	/// The most [`KeysRegistry::purge`] may cost.
	fn purge_weight() -> Weight;

	/// Registers some session keys for `who`, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId);
}

use polkadot_sdk::{frame_support, frame_system, sp_runtime::Weight};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_runtime::traits::{Saturating, Zero};
	use registry_primitives::MemberRoles;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The consortium's collective decision (two thirds of the council).
		type ConsortiumOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who is a member.
		type Members: MemberRoles<Self::AccountId>;
		/// Which accounts have registered session keys.
		type SessionKeys: KeysRegistry<Self::AccountId>;
		/// The largest validator set.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// The shortest session, in blocks.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The validator set the next session change hands to the session pallet.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Members the consortium named as future validators: they may register session keys.
	///
	/// `Blake2_128Concat`: keyed by account ids, which users choose.
	#[pallet::storage]
	pub type Candidates<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Whether [`Validators`] changed since the session pallet last took it.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// How many blocks a session lasts.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The block at which the current session ends.
	#[pallet::storage]
	pub type NextSessionAt<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding validators.
		pub validators: Vec<T::AccountId>,
		/// Blocks per session; at least `MinSessionLength`.
		pub session_length: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// An empty genesis set leaves the first set to the session pallet's genesis keys;
			// a chain spec should list its validators here.
			let session_length = self.session_length.max(T::MinSessionLength::get());
			let validators =
				BoundedVec::<T::AccountId, T::MaxValidators>::try_from(self.validators.clone())
					.expect("the genesis validators fit in MaxValidators");
			Validators::<T>::put(validators);
			SessionLength::<T>::put(session_length);
			NextSessionAt::<T>::put(session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator joins the set from the next session on; authorized by the consortium.
		ValidatorAdded { who: T::AccountId },
		/// A validator leaves the set from the next session on; authorized by the consortium.
		ValidatorRemoved { who: T::AccountId },
		/// Sessions last `blocks` blocks from the next session on; authorized by the
		/// consortium.
		SessionLengthSet { blocks: BlockNumberFor<T> },
		/// The session pallet took a changed validator set at a session change.
		NewSetHanded { validators: Vec<T::AccountId> },
		/// A member may register session keys, to be added as a validator; authorized by the
		/// consortium.
		CandidateAdded { who: T::AccountId },
		/// A validator left the set, from the next session on, because its membership was
		/// suspended or removed.
		ValidatorDeparted { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not an active member.
		NotMember,
		/// The account has not registered its session keys (`Session::set_keys`).
		NoSessionKeys,
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set already has `MaxValidators` validators.
		TooManyValidators,
		/// This is the chain's last validator: add another one before it leaves.
		LastValidator,
		/// A session must last at least `MinSessionLength` blocks.
		SessionTooShort,
		/// The account is already a candidate.
		AlreadyCandidate,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a validator, from the next session on. It stops being a candidate.
		///
		/// The origin is the consortium.
		///
		/// - `who`: an active member that has registered its session keys as a candidate.
		///
		/// Emits [`Event::ValidatorAdded`]. Weight: [`WeightInfo::add_validator`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			ensure!(T::Members::is_active_member(&who), Error::<T>::NotMember);
			ensure!(T::SessionKeys::has_keys(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
				set.try_push(who.clone())
					.map_err(|_| Error::<T>::TooManyValidators)?;
				Ok(())
			})?;
			Candidates::<T>::remove(&who);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Remove a validator, from the next session on, and clear its session keys. The set
		/// never becomes empty.
		///
		/// The origin is the consortium.
		///
		/// - `who`: a validator.
		///
		/// Emits [`Event::ValidatorRemoved`]. Weight: [`WeightInfo::remove_validator`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get())
			.saturating_add(T::SessionKeys::purge_weight()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			ensure!(Self::take_out(&who)?, Error::<T>::NotValidator);
			T::SessionKeys::purge(&who);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Name an active member a candidate: it may then register session keys, and the
		/// consortium may add it once it has.
		///
		/// The origin is the consortium.
		///
		/// - `who`: an active member, not yet a validator or a candidate.
		///
		/// Emits [`Event::CandidateAdded`]. Weight: [`WeightInfo::add_validator`] (a bound: it
		/// reads less).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_candidate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			ensure!(T::Members::is_active_member(&who), Error::<T>::NotMember);
			ensure!(
				!Validators::<T>::get().contains(&who),
				Error::<T>::AlreadyValidator
			);
			ensure!(
				!Candidates::<T>::contains_key(&who),
				Error::<T>::AlreadyCandidate
			);
			Candidates::<T>::insert(&who, ());
			Self::deposit_event(Event::CandidateAdded { who });
			Ok(())
		}

		/// Set how many blocks a session lasts, from the next session on.
		///
		/// The origin is the consortium.
		///
		/// - `blocks`: at least `MinSessionLength`.
		///
		/// Emits [`Event::SessionLengthSet`]. Weight: [`WeightInfo::set_session_length`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			ensure!(
				blocks >= T::MinSessionLength::get(),
				Error::<T>::SessionTooShort
			);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
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

	impl<T: Config> Pallet<T> {
		/// Takes `who` out of the set from the next session on; `false` if it was not in it.
		/// Refuses to empty the set.
		fn take_out(who: &T::AccountId) -> Result<bool, DispatchError> {
			let mut set = Validators::<T>::get();
			let Some(index) = set.iter().position(|v| v == who) else {
				return Ok(false);
			};
			ensure!(set.len() > 1, Error::<T>::LastValidator);
			set.remove(index);
			Validators::<T>::put(set);
			SetChanged::<T>::put(true);
			Ok(true)
		}

		/// A member was suspended or removed: it leaves the set (and the candidates) from the
		/// next session on, and a removed member loses its session keys. Refused for the last
		/// validator, whose departure would stop the chain.
		pub fn on_member_departure(who: &T::AccountId, removed: bool) -> DispatchResult {
			Candidates::<T>::remove(who);
			if Self::take_out(who)? {
				Self::deposit_event(Event::ValidatorDeparted { who: who.clone() });
			}
			if removed {
				T::SessionKeys::purge(who);
			}
			Ok(())
		}

		/// The most [`Pallet::on_member_departure`] may cost.
		pub fn departure_weight() -> Weight {
			T::WeightInfo::remove_validator(T::MaxValidators::get())
				.saturating_add(T::SessionKeys::purge_weight())
				.saturating_add(T::DbWeight::get().writes(1))
		}

		/// Whether `who` may register session keys: a candidate or a validator.
		pub fn may_set_keys(who: &T::AccountId) -> bool {
			Candidates::<T>::contains_key(who) || Validators::<T>::get().contains(who)
		}

		/// Whether `who` is in the validator set.
		pub fn is_validator(who: &T::AccountId) -> bool {
			Validators::<T>::get().contains(who)
		}

		/// The set is never empty and lists no validator twice; sessions are long enough.
		#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let set = Validators::<T>::get();
			ensure!(!set.is_empty(), "the validator set is empty");
			let mut sorted = set.into_inner();
			sorted.sort();
			let len = sorted.len();
			sorted.dedup();
			ensure!(sorted.len() == len, "a validator is listed twice");
			ensure!(
				SessionLength::<T>::get() >= T::MinSessionLength::get(),
				"sessions are shorter than the minimum"
			);
			Ok(())
		}

		/// Moves the session clock on when a session ends at `now`.
		pub(crate) fn schedule_next_session(now: BlockNumberFor<T>) {
			let length = SessionLength::<T>::get();
			let length = if length.is_zero() {
				T::MinSessionLength::get()
			} else {
				length
			};
			NextSessionAt::<T>::put(now.saturating_add(length));
		}
	}
}
