//! Rate limits: a feeless chain bounds how much each member may send.
//!
//! The consortium sets a limit per role. [`crate::CheckMember`] holds each signed transaction
//! to its signer's limit, in the pool and again when the block is built, and counts the
//! transaction when it is applied.

use crate::{
	pallet::{Config, Error, Event, Members, Pallet, RateLimits, TransactionWindows},
	AuthorizedBy, MemberRecord, RateLimit, Role, TransactionWindow,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::DispatchResult},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::traits::{Saturating, Zero},
};

impl<T: Config> Pallet<T> {
	/// Whether a limit allows at least one transaction in a window of at least one block.
	pub(crate) fn is_valid_rate_limit(limit: &RateLimit<BlockNumberFor<T>>) -> bool {
		limit.max_transactions > 0 && !limit.window_blocks.is_zero()
	}

	pub(crate) fn do_set_rate_limit(
		role: Role,
		limit: Option<RateLimit<BlockNumberFor<T>>>,
	) -> DispatchResult {
		match limit {
			Some(limit) => {
				ensure!(
					Self::is_valid_rate_limit(&limit),
					Error::<T>::InvalidRateLimit
				);
				RateLimits::<T>::insert(role, limit);
			}
			None => RateLimits::<T>::remove(role),
		}
		Self::deposit_event(Event::RateLimitSet {
			role,
			limit,
			authorized_by: AuthorizedBy::Consortium,
		});
		Ok(())
	}

	/// The limit a member is held to: the most generous among its roles, `None` (unlimited)
	/// if any of its roles has no limit.
	pub fn rate_limit_of(
		record: &MemberRecord<T::AccountId, BlockNumberFor<T>>,
	) -> Option<RateLimit<BlockNumberFor<T>>> {
		let mut most_generous: Option<RateLimit<BlockNumberFor<T>>> = None;
		for role in record.roles.iter() {
			let limit = RateLimits::<T>::get(role)?;
			if most_generous.is_none_or(|best| limit.is_more_generous_than(&best)) {
				most_generous = Some(limit);
			}
		}
		most_generous
	}

	/// The member's window as of `now` with one more transaction counted, or `None` if the
	/// member has already sent all its window allows.
	pub(crate) fn next_window(
		who: &T::AccountId,
		limit: &RateLimit<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> Option<TransactionWindow<BlockNumberFor<T>>> {
		let mut window = TransactionWindows::<T>::get(who);
		if window.count == 0 || now >= window.start.saturating_add(limit.window_blocks) {
			window = TransactionWindow {
				start: now,
				count: 0,
			};
		}
		if window.count >= limit.max_transactions {
			return None;
		}
		window.count = window.count.saturating_add(1);
		Some(window)
	}

	/// The block from which `who` may send again, if it is at its limit now.
	pub fn rate_limited_until(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		let record = Members::<T>::get(who)?;
		let limit = Self::rate_limit_of(&record)?;
		let now = polkadot_sdk::frame_system::Pallet::<T>::block_number();
		match Self::next_window(who, &limit, now) {
			Some(_) => None,
			None => Some(
				TransactionWindows::<T>::get(who)
					.start
					.saturating_add(limit.window_blocks),
			),
		}
	}
}
