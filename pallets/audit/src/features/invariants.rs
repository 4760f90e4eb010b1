//! Invariants checked after every test and by try-runtime.

use crate::{
	pallet::{
		AccountHeads, AccountRuns, Alerts, BlockFirstSeq, Config, Head, NextAlertId,
		OpenAlertCount, OpenAlerts, Pallet, Records, Rules, SubjectHeads, SubjectIndex,
	},
	record_hash, AlertStatus, BlockStart,
};
use polkadot_sdk::{
	frame_support::ensure, frame_system::pallet_prelude::BlockNumberFor, sp_core::H256,
	sp_runtime::TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Each record names the previous record's hash and the head names the last one; the block
	/// index, subject index and account index list exactly the records they should, in log
	/// order; the open-alert index and count match the open alerts.
	#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_chain()?;
		Self::check_indices()?;
		Self::check_alerts()
	}

	fn check_chain() -> Result<(), TryRuntimeError> {
		let head = Head::<T>::get();
		let mut prev = H256::zero();
		let mut last_block: Option<BlockNumberFor<T>> = None;
		let mut blocks = 0u64;
		for seq in 0..head.next_seq {
			let record = Records::<T>::get(seq).ok_or("a record below the head is missing")?;
			ensure!(record.seq == seq, "a record holds another sequence number");
			ensure!(
				record.prev == prev,
				"a record's prev is not the previous record's hash"
			);
			if last_block != Some(record.block) {
				ensure!(
					last_block.is_none_or(|block| block < record.block),
					"records are out of block order"
				);
				ensure!(
					BlockFirstSeq::<T>::get(blocks)
						== Some(BlockStart {
							block: record.block,
							first_seq: seq
						}),
					"the block index misses the first record of a block"
				);
				blocks = blocks.saturating_add(1);
				last_block = Some(record.block);
			}
			prev = Self::hash_of(&record);
			ensure!(
				prev == record_hash(&record),
				"the runtime's and the verifier's hashes differ"
			);
		}
		ensure!(
			Records::<T>::iter_keys().count() as u64 == head.next_seq,
			"a record lies beyond the head"
		);
		ensure!(
			head.last_hash == prev,
			"the head's hash is not the last record's"
		);
		ensure!(
			head.blocks == blocks && BlockFirstSeq::<T>::iter_keys().count() as u64 == blocks,
			"the block index has another length than the blocks with records"
		);
		if let Some(block) = last_block {
			ensure!(
				head.last_block == block,
				"the head's block is not the last record's"
			);
		}
		Ok(())
	}

	fn check_indices() -> Result<(), TryRuntimeError> {
		let records = Head::<T>::get().next_seq;
		let mut subject_entries = 0u64;
		for (subject, head) in SubjectHeads::<T>::iter() {
			let mut previous = None;
			for position in 0..head.count {
				let seq =
					Self::subject_seq(&subject, position).ok_or("a subject index has a gap")?;
				ensure!(
					previous.is_none_or(|p| p < seq),
					"a subject index is out of log order"
				);
				ensure!(
					Records::<T>::get(seq).is_some_and(|r| r.entry.subject == subject),
					"a subject index lists another subject's record"
				);
				previous = Some(seq);
			}
			subject_entries = subject_entries.saturating_add(head.count);
		}
		let later = subject_entries.saturating_sub(SubjectHeads::<T>::iter_keys().count() as u64);
		ensure!(
			subject_entries == records && SubjectIndex::<T>::iter_keys().count() as u64 == later,
			"the subject index does not list each record once"
		);

		let mut account_entries = 0u64;
		for (who, head) in AccountHeads::<T>::iter() {
			let mut end = 0;
			for run in 0..head.runs {
				let run = AccountRuns::<T>::get(&who, run).ok_or("an account's runs have a gap")?;
				ensure!(
					run.position == end && run.len > 0,
					"an account's runs do not follow each other"
				);
				end = run.end();
			}
			ensure!(
				end == head.records
					&& AccountRuns::<T>::iter_prefix(&who).count() as u64 == head.runs,
				"an account's runs do not add up to its records"
			);
			let mut previous = None;
			for position in 0..head.records {
				let seq = Self::account_seq(&who, position).ok_or("an account index has a gap")?;
				ensure!(
					previous.is_none_or(|p| p < seq),
					"an account index is out of log order"
				);
				ensure!(
					Records::<T>::get(seq).is_some_and(|r| r.entry.accounts().contains(&&who)),
					"an account index lists a record not naming the account"
				);
				previous = Some(seq);
			}
			account_entries = account_entries.saturating_add(head.records);
		}
		let named = Records::<T>::iter_values()
			.map(|record| record.entry.accounts().len() as u64)
			.sum::<u64>();
		ensure!(
			account_entries == named,
			"the account index does not list each record once per account it names"
		);
		Ok(())
	}

	fn check_alerts() -> Result<(), TryRuntimeError> {
		let next = NextAlertId::<T>::get();
		let mut open = 0u64;
		for (id, alert) in Alerts::<T>::iter() {
			ensure!(id < next, "an alert lies beyond the next number");
			let is_open = alert.status == AlertStatus::Open;
			ensure!(
				OpenAlerts::<T>::contains_key(id) == is_open,
				"the open-alert index disagrees with an alert"
			);
			if is_open {
				open = open.saturating_add(1);
			}
			ensure!(
				Records::<T>::get(alert.seq)
					.is_some_and(|r| r.entry.subject == alert.subject && r.entry.kind.is_transfer()),
				"an alert names no transfer of its subject"
			);
		}
		ensure!(
			Alerts::<T>::iter_keys().count() as u64 == next,
			"an alert is missing"
		);
		ensure!(
			OpenAlerts::<T>::iter_keys().count() as u64 == open
				&& OpenAlertCount::<T>::get() == open,
			"the open-alert count is wrong"
		);
		ensure!(
			Rules::<T>::get().iter().all(Self::is_valid_rule),
			"an invalid rule is in force"
		);
		Ok(())
	}
}
