//! Rate limits: a feeless chain bounds how much each member may send.
//!
//! The consortium sets a limit per role: transactions, weight and bytes per window of blocks.
//! [`crate::CheckMember`] holds each signed transaction to its signer's limit, in the pool and
//! again when the block is built, and counts the transaction when it is applied. The pool's
//! priority falls as a member uses up its window, so that a member who has sent little goes
//! before one who is flooding.

use crate::{
	pallet::{Config, Error, Event, Members, Pallet, RateLimits, TransactionWindows},
	AuthorizedBy, MemberRecord, RateLimit, Role, TransactionWindow,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::DispatchResult},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		traits::{Saturating, Zero},
		Perbill,
	},
};

/// What one transaction adds to its signer's window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
	/// Declared weight, in picoseconds of reference time.
	pub weight: u64,
	/// Encoded length.
	pub bytes: u32,
}

impl<T: Config> Pallet<T> {
	/// Whether a limit allows something in a window of at least one block.
	pub(crate) fn is_valid_rate_limit(limit: &RateLimit<BlockNumberFor<T>>) -> bool {
		limit.max_transactions > 0
			&& limit.max_weight > 0
			&& limit.max_bytes > 0
			&& !limit.window_blocks.is_zero()
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

	/// The member's window as it stands at `now`: a window that has ended counts as empty.
	pub(crate) fn current_window(
		who: &T::AccountId,
		limit: &RateLimit<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> TransactionWindow<BlockNumberFor<T>> {
		let window = TransactionWindows::<T>::get(who);
		if window.count == 0 || now >= window.start.saturating_add(limit.window_blocks) {
			TransactionWindow {
				start: now,
				..Default::default()
			}
		} else {
			window
		}
	}

	/// The member's window as of `now` with one more transaction of `usage` counted, or `None`
	/// if that would go beyond any bound of its limit.
	pub(crate) fn next_window(
		who: &T::AccountId,
		limit: &RateLimit<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
		usage: Usage,
	) -> Option<TransactionWindow<BlockNumberFor<T>>> {
		let mut window = Self::current_window(who, limit, now);
		window.count = window.count.checked_add(1)?;
		window.weight = window.weight.checked_add(usage.weight)?;
		window.bytes = window.bytes.checked_add(usage.bytes)?;
		let within = window.count <= limit.max_transactions
			&& window.weight <= limit.max_weight
			&& window.bytes <= limit.max_bytes;
		within.then_some(window)
	}

	/// How much of its limit a window uses: the largest share among transactions, weight and
	/// bytes.
	pub(crate) fn share_used(
		limit: &RateLimit<BlockNumberFor<T>>,
		window: &TransactionWindow<BlockNumberFor<T>>,
	) -> Perbill {
		let count = Perbill::from_rational(window.count, limit.max_transactions);
		let weight = Perbill::from_rational(window.weight, limit.max_weight);
		let bytes = Perbill::from_rational(window.bytes, limit.max_bytes);
		count.max(weight).max(bytes)
	}

	/// How many more transactions `who` may send in its current window; `None` when it is not
	/// limited.
	pub fn transactions_left(who: &T::AccountId) -> Option<u32> {
		let record = Members::<T>::get(who)?;
		let limit = Self::rate_limit_of(&record)?;
		let now = polkadot_sdk::frame_system::Pallet::<T>::block_number();
		let window = Self::current_window(who, &limit, now);
		Some(limit.max_transactions.saturating_sub(window.count))
	}

	/// The block from which `who` may send again, if it is at its limit now.
	pub fn rate_limited_until(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		let record = Members::<T>::get(who)?;
		let limit = Self::rate_limit_of(&record)?;
		let now = polkadot_sdk::frame_system::Pallet::<T>::block_number();
		match Self::next_window(who, &limit, now, Usage::default()) {
			Some(_) => None,
			None => Some(
				TransactionWindows::<T>::get(who)
					.start
					.saturating_add(limit.window_blocks),
			),
		}
	}
}
