//! Anti-speculation rules: set by the consortium, checked on every transfer over the item's
//! last transfers.

use crate::{
	pallet::{AuditRecordOf, Config, Error, Event, Pallet, RecentTransfers, Rules, RulesOf},
	AuthorizedBy, Rule, TransferMark,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
	sp_io,
	sp_runtime::traits::{Saturating, Zero},
};
use registry_primitives::{AuditEntry, AuditKind, Detail, Subject};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_rules(rules: RulesOf<T>) -> DispatchResult {
		for (index, rule) in rules.iter().enumerate() {
			ensure!(Self::is_valid_rule(rule), Error::<T>::InvalidRule);
			ensure!(
				!rules.iter().take(index).any(|earlier| earlier == rule),
				Error::<T>::DuplicateRule
			);
		}
		Rules::<T>::put(&rules);
		Self::append(
			AuditEntry::by(
				AuditKind::RulesSet,
				Subject::AuditRules,
				AuthorizedBy::Consortium,
			)
			.detail(Detail::Digest {
				sha256: H256(sp_io::hashing::sha2_256(&rules.encode())),
			}),
		);
		Self::deposit_event(Event::RulesSet {
			rules: rules.into_inner(),
			authorized_by: AuthorizedBy::Consortium,
		});
		Ok(())
	}

	/// A rule that can match: a window of at least one block, and few enough transfers that
	/// the tracked ones can show it broken.
	pub fn is_valid_rule(rule: &Rule<BlockNumberFor<T>>) -> bool {
		let tracked = T::MaxTrackedTransfers::get();
		match rule {
			Rule::TransferBurst {
				max_transfers,
				window_blocks,
			} => !window_blocks.is_zero() && *max_transfers > 0 && *max_transfers < tracked,
			Rule::BackAndForth { window_blocks } => !window_blocks.is_zero() && tracked >= 2,
		}
	}

	/// Tracks a transfer's record and raises an alert for every rule it breaks.
	pub(crate) fn watch_transfer(record: &AuditRecordOf<T>) {
		let mut transfers = RecentTransfers::<T>::get(record.entry.subject);
		// Drops the oldest when full; the bound is never zero in a working runtime, and with a
		// zero bound there is nothing to track.
		let _ = transfers.force_insert_keep_right(
			transfers.len(),
			TransferMark {
				block: record.block,
				from: record.entry.from.clone(),
				to: record.entry.to.clone(),
			},
		);
		for rule in Rules::<T>::get() {
			if Self::breaks(&rule, record, &transfers) {
				Self::raise_alert(rule, record);
			}
		}
		RecentTransfers::<T>::insert(record.entry.subject, transfers);
	}

	/// Whether the transfer in `record`, the last of `transfers`, breaks `rule`.
	fn breaks(
		rule: &Rule<BlockNumberFor<T>>,
		record: &AuditRecordOf<T>,
		transfers: &[TransferMark<T::AccountId, BlockNumberFor<T>>],
	) -> bool {
		let now = record.block;
		// Block `b` lies in the window ending at `now` when `b + window > now`.
		let in_window = |block: BlockNumberFor<T>, window: BlockNumberFor<T>| {
			block.saturating_add(window) > now
		};
		match rule {
			Rule::TransferBurst {
				max_transfers,
				window_blocks,
			} => {
				let recent = transfers
					.iter()
					.filter(|mark| in_window(mark.block, *window_blocks))
					.count();
				recent > *max_transfers as usize
			}
			Rule::BackAndForth { window_blocks } => {
				let (Some(giver), Some(receiver)) =
					(record.entry.from.as_ref(), record.entry.to.as_ref())
				else {
					return false;
				};
				let earlier = transfers.split_last().map_or(&[][..], |(_, rest)| rest);
				earlier.iter().any(|mark| {
					mark.from.as_ref() == Some(receiver)
						&& mark.to.as_ref() == Some(giver)
						&& in_window(mark.block, *window_blocks)
				})
			}
		}
	}
}
