//! The session pallet's clock and validator source.

use crate::pallet::{Config, Event, NextSessionAt, Pallet, SessionLength, SetChanged, Validators};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::Weight,
		traits::{EstimateNextSessionRotation, Get},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	pallet_session::{SessionManager, ShouldEndSession},
	sp_runtime::{
		traits::{SaturatedConversion, Saturating},
		Permill,
	},
	sp_staking::SessionIndex,
};

impl<T: Config> ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		now >= NextSessionAt::<T>::get()
	}
}

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		// Called once per rotation, in the block that ends the session.
		Pallet::<T>::schedule_next_session(frame_system::Pallet::<T>::block_number());
		if !SetChanged::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		Pallet::<T>::deposit_event(Event::NewSetHanded {
			validators: validators.clone(),
		});
		Some(validators)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get().into_inner();
		(!validators.is_empty()).then_some(validators)
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = SessionLength::<T>::get();
		let end = NextSessionAt::<T>::get();
		let start = end.saturating_sub(length);
		let done = now.saturating_sub(start);
		let progress = Permill::from_rational(
			done.saturated_into::<u64>(),
			length.saturated_into::<u64>().max(1),
		);
		(Some(progress), T::DbWeight::get().reads(2))
	}

	fn estimate_next_session_rotation(
		_now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		(Some(NextSessionAt::<T>::get()), T::DbWeight::get().reads(1))
	}
}
