//! Appending to the hash-chained log and its indices: the [`AuditReporter`] the other pallets
//! report to.

use crate::{
	pallet::{
		AccountHeads, AccountRuns, AuditRecordOf, BlockFirstSeq, Config, Head, Pallet, Records,
		Rules, SubjectHeads, SubjectIndex,
	},
	AuditRecord, BlockStart, Seq, SeqRun, SubjectHead, WeightInfo,
};
use polkadot_sdk::{
	frame_support::{
		traits::{Get, UnixTime},
		weights::Weight,
	},
	frame_system,
	sp_core::H256,
	sp_io,
};
use registry_primitives::{AuditEntry, AuditReporter};

impl<T: Config> Pallet<T> {
	/// Appends `entry` as the next record and indexes it. Never fails: every step saturates
	/// instead.
	pub(crate) fn append(entry: AuditEntry<T::AccountId>) {
		let now = frame_system::Pallet::<T>::block_number();
		let mut head = Head::<T>::get();
		let seq = head.next_seq;
		let record = AuditRecord {
			seq,
			block: now,
			timestamp: u64::try_from(T::Time::now().as_millis()).unwrap_or(u64::MAX),
			extrinsic: frame_system::Pallet::<T>::extrinsic_index(),
			entry,
			prev: head.last_hash,
		};

		if head.next_seq == 0 || head.last_block != now {
			BlockFirstSeq::<T>::insert(
				head.blocks,
				BlockStart {
					block: now,
					first_seq: seq,
				},
			);
			head.blocks = head.blocks.saturating_add(1);
		}

		Self::index_subject(&record, seq);
		for who in record.entry.accounts() {
			Self::index_account(who, seq);
		}

		if record.entry.kind.is_transfer() {
			Self::watch_transfer(&record);
		}

		head.last_hash = Self::hash_of(&record);
		head.last_block = now;
		head.next_seq = seq.saturating_add(1);
		Records::<T>::insert(seq, record);
		Head::<T>::put(head);
	}

	/// Lists `seq` among its subject's records: in the subject's head if it is the first.
	fn index_subject(record: &AuditRecordOf<T>, seq: Seq) {
		let head = match SubjectHeads::<T>::get(record.entry.subject) {
			None => SubjectHead {
				count: 1,
				first: seq,
			},
			Some(head) => {
				SubjectIndex::<T>::insert(record.entry.subject, head.count, seq);
				SubjectHead {
					count: head.count.saturating_add(1),
					..head
				}
			}
		};
		SubjectHeads::<T>::insert(record.entry.subject, head);
	}

	/// Lists `seq` among `who`'s records, extending the account's last run when `seq`
	/// follows it: a batch's records share one entry.
	fn index_account(who: &T::AccountId, seq: Seq) {
		let mut head = AccountHeads::<T>::get(who).unwrap_or_default();
		let last = head
			.runs
			.checked_sub(1)
			.and_then(|run| Some((run, AccountRuns::<T>::get(who, run)?)))
			.filter(|(_, run)| run.first.saturating_add(u64::from(run.len)) == seq)
			.filter(|(_, run)| run.len < u32::MAX);
		match last {
			Some((number, mut run)) => {
				run.len = run.len.saturating_add(1);
				AccountRuns::<T>::insert(who, number, run);
			}
			None => {
				let run = SeqRun {
					position: head.records,
					first: seq,
					len: 1,
				};
				AccountRuns::<T>::insert(who, head.runs, run);
				head.runs = head.runs.saturating_add(1);
			}
		}
		head.records = head.records.saturating_add(1);
		AccountHeads::<T>::insert(who, head);
	}

	/// The record's hash, through the host's SHA-256, which is faster than hashing in wasm.
	/// Equal to [`crate::record_hash`].
	pub fn hash_of(record: &AuditRecordOf<T>) -> H256 {
		H256(sp_io::hashing::sha2_256(&codec::Encode::encode(record)))
	}
}

impl<T: Config> AuditReporter<T::AccountId> for Pallet<T> {
	fn report(entry: AuditEntry<T::AccountId>) {
		Self::append(entry)
	}

	/// An alert for each rule in force. Counting them here, rather than assuming the bound,
	/// keeps a transfer's weight true to the rules the consortium set.
	fn transfer_alerts_weight() -> Weight {
		let rules = Rules::<T>::decode_len().unwrap_or(0);
		let rules = u64::try_from(rules).unwrap_or(u64::from(T::MaxRules::get()));
		T::WeightInfo::raise_alert().saturating_mul(rules)
	}
}
