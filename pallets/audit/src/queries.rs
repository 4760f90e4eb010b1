//! Read-only views behind the runtime API: paged history, alerts, exports of the chain and its
//! head. Bad input is a [`QueryError`], never a panic, so that the node can explain it.

use crate::{
	pallet::{
		AccountHeads, AccountRuns, AlertOf, Alerts, BlockFirstSeq, Config, Head, OpenAlertCount,
		OpenAlerts, Pallet, Records, SubjectHeads, SubjectIndex,
	},
	AlertId, AlertStatus, ChainHead, HashedRecord, Rule, Seq,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{frame_system::pallet_prelude::BlockNumberFor, sp_core::H256};
use registry_primitives::Subject;
use scale_info::TypeInfo;

/// The most records or alerts one page of a listing holds.
pub const MAX_PAGE: u32 = 100;

/// The most records one export holds.
pub const MAX_EXPORT: u32 = 1000;

/// The most alerts one listing of closed alerts reads while skipping open ones.
pub const MAX_ALERT_SCAN: u32 = 1000;

/// Why a query was refused.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum QueryError {
	/// The page size is zero.
	ZeroPageSize,
	/// The page size is above [`MAX_PAGE`] ([`MAX_EXPORT`] for an export).
	PageTooLarge,
	/// The block range ends before it starts.
	InvertedRange,
	/// No record has this subject.
	UnknownSubject,
	/// No record names this account.
	UnknownAccount,
}

/// Whose history to read.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum HistoryQuery<AccountId> {
	/// Every record about a subject.
	BySubject(Subject),
	/// Every record naming an account as `from`, `to` or `authorized_by`.
	ByAccount(AccountId),
}

/// A page of history, newest first.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct HistoryPage<AccountId, BlockNumber> {
	/// The records, newest first, each with its hash.
	pub records: Vec<HashedRecord<AccountId, BlockNumber>>,
	/// Records matching the query and the block range, over all pages.
	pub total: u64,
	/// Pass as `cursor` for the next, older page; `None` on the last page.
	pub next_cursor: Option<u64>,
}

/// Which alerts to list.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum AlertFilter {
	/// Open alerts, in storage order (stable while alerts close between pages).
	Open,
	/// Closed alerts, newest first.
	Closed,
	/// Every alert, newest first.
	All,
}

/// An alert's status as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum AlertStatusView<AccountId, BlockNumber> {
	/// Waiting for a regulator.
	Open,
	/// Closed by regulator `by` at block `at`.
	Closed {
		by: AccountId,
		note: Vec<u8>,
		at: BlockNumber,
	},
}

/// An alert as clients read it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AlertView<AccountId, BlockNumber> {
	pub alert: AlertId,
	pub rule: Rule<BlockNumber>,
	pub subject: Subject,
	/// The record of the transfer that broke the rule.
	pub seq: Seq,
	pub block: BlockNumber,
	pub status: AlertStatusView<AccountId, BlockNumber>,
}

/// A page of alerts.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AlertPage<AccountId, BlockNumber> {
	/// The alerts, in the filter's order.
	pub alerts: Vec<AlertView<AccountId, BlockNumber>>,
	/// How many alerts are open in all.
	pub open: u64,
	/// Pass as `cursor`, with the same filter, for the next page; `None` on the last page.
	pub next_cursor: Option<AlertId>,
}

/// A stretch of the log, oldest first, with what a verifier needs to check it offline.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Export<AccountId, BlockNumber> {
	/// The sequence number of the first record; when there are none, of the first record
	/// after the range (the log's next sequence number if none follows yet).
	pub start_seq: Seq,
	/// The records, oldest first, each with its hash.
	pub records: Vec<HashedRecord<AccountId, BlockNumber>>,
	/// The hash of the record before the first one; zero when the first is record 0.
	pub prev_hash: H256,
	/// The last record's hash; `prev_hash` when there are no records.
	pub last_hash: H256,
	/// The log's head at the block the export was read at.
	pub head: ChainHead<BlockNumber>,
	/// Set when `max_records` cut the export short: pass as `cursor` for the rest.
	pub next_cursor: Option<Seq>,
}

impl<AccountId: Encode, BlockNumber: Encode> Export<AccountId, BlockNumber> {
	/// Checks the records against `prev_hash` with [`crate::verify_chain`], and that they end
	/// at `last_hash`; a wrong `last_hash` is reported at the position after the last record.
	pub fn verify(&self) -> Result<(), (usize, crate::ChainFault)> {
		let last = crate::verify_chain(self.prev_hash, &self.records)?;
		if last == self.last_hash {
			Ok(())
		} else {
			Err((self.records.len(), crate::ChainFault::LastHashMismatch))
		}
	}
}

/// The first position in `lo..hi` for which `before` is false, where `before` is true on a
/// prefix of the range and false after it. O(log(hi - lo)) calls.
fn partition_point(mut lo: u64, mut hi: u64, before: impl Fn(u64) -> bool) -> u64 {
	while lo < hi {
		let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
		if before(mid) {
			lo = mid.saturating_add(1);
		} else {
			hi = mid;
		}
	}
	lo
}

fn check_page(size: u32, max: u32) -> Result<(), QueryError> {
	match size {
		0 => Err(QueryError::ZeroPageSize),
		size if size > max => Err(QueryError::PageTooLarge),
		_ => Ok(()),
	}
}

impl<T: Config> Pallet<T> {
	/// How many records `subject` has.
	pub fn subject_count(subject: &Subject) -> u64 {
		SubjectHeads::<T>::get(subject).map_or(0, |head| head.count)
	}

	/// The sequence number of `subject`'s record at `position`, oldest first.
	pub fn subject_seq(subject: &Subject, position: u64) -> Option<Seq> {
		let head = SubjectHeads::<T>::get(subject)?;
		match position {
			0 => Some(head.first),
			position if position < head.count => SubjectIndex::<T>::get(subject, position),
			_ => None,
		}
	}

	/// How many records name `who`.
	pub fn account_count(who: &T::AccountId) -> u64 {
		AccountHeads::<T>::get(who).map_or(0, |head| head.records)
	}

	/// The sequence number of the record at `position` among those naming `who`, oldest
	/// first: the run holding it is found by binary search.
	pub fn account_seq(who: &T::AccountId, position: u64) -> Option<Seq> {
		let head = AccountHeads::<T>::get(who)?;
		if position >= head.records {
			return None;
		}
		let after = partition_point(0, head.runs, |run| {
			AccountRuns::<T>::get(who, run).is_some_and(|run| run.position <= position)
		});
		AccountRuns::<T>::get(who, after.checked_sub(1)?)?.seq_at(position)
	}

	/// A page of a subject's or an account's history, newest first.
	///
	/// - `page_size`: 1 to [`MAX_PAGE`].
	/// - `cursor`: `None` for the newest page, then the previous page's `next_cursor`.
	/// - `block_range`: only records in blocks `from..=to`, its edges found by binary search.
	pub fn history(
		query: HistoryQuery<T::AccountId>,
		page_size: u32,
		cursor: Option<u64>,
		block_range: Option<(BlockNumberFor<T>, BlockNumberFor<T>)>,
	) -> Result<HistoryPage<T::AccountId, BlockNumberFor<T>>, QueryError> {
		check_page(page_size, MAX_PAGE)?;
		if let Some((from, to)) = block_range {
			if from > to {
				return Err(QueryError::InvertedRange);
			}
		}
		let count = match &query {
			HistoryQuery::BySubject(subject) => Self::subject_count(subject),
			HistoryQuery::ByAccount(who) => Self::account_count(who),
		};
		if count == 0 {
			return Err(match query {
				HistoryQuery::BySubject(_) => QueryError::UnknownSubject,
				HistoryQuery::ByAccount(_) => QueryError::UnknownAccount,
			});
		}
		let seq_at = |position: u64| match &query {
			HistoryQuery::BySubject(subject) => Self::subject_seq(subject, position),
			HistoryQuery::ByAccount(who) => Self::account_seq(who, position),
		};
		// The index is in log order, hence in block order.
		let block_at = |position: u64| {
			seq_at(position)
				.and_then(Records::<T>::get)
				.map(|r| r.block)
		};
		let (lo, hi) = match block_range {
			None => (0, count),
			Some((from, to)) => {
				let lo = partition_point(0, count, |p| block_at(p).is_some_and(|b| b < from));
				let hi = partition_point(lo, count, |p| block_at(p).is_some_and(|b| b <= to));
				(lo, hi)
			}
		};
		let end = cursor.map_or(hi, |cursor| cursor.min(hi));
		let start = end.saturating_sub(u64::from(page_size)).max(lo);
		let records = (start..end)
			.rev()
			.filter_map(seq_at)
			.filter_map(Records::<T>::get)
			.map(|record| HashedRecord {
				hash: Self::hash_of(&record),
				record,
			})
			.collect();
		Ok(HistoryPage {
			records,
			total: hi.saturating_sub(lo),
			next_cursor: (start > lo).then_some(start),
		})
	}

	/// A page of alerts.
	///
	/// - `filter`: open, closed or all alerts.
	/// - `cursor`: `None` for the first page, then the previous page's `next_cursor`.
	/// - `page_size`: 1 to [`MAX_PAGE`].
	///
	/// Listing closed alerts reads at most [`MAX_ALERT_SCAN`] alerts, so a page may hold fewer
	/// than `page_size` while `next_cursor` is still set.
	pub fn alerts(
		filter: AlertFilter,
		cursor: Option<AlertId>,
		page_size: u32,
	) -> Result<AlertPage<T::AccountId, BlockNumberFor<T>>, QueryError> {
		check_page(page_size, MAX_PAGE)?;
		let size = page_size as usize;
		let mut alerts = Vec::with_capacity(size);
		let next_cursor = match filter {
			AlertFilter::Open => {
				let mut ids = match cursor {
					Some(after) => {
						OpenAlerts::<T>::iter_keys_from(OpenAlerts::<T>::hashed_key_for(after))
					}
					None => OpenAlerts::<T>::iter_keys(),
				};
				let mut last = None;
				for id in ids.by_ref().take(size) {
					if let Some(alert) = Alerts::<T>::get(id) {
						alerts.push(view::<T>(id, alert));
					}
					last = Some(id);
				}
				last.filter(|_| ids.next().is_some())
			}
			AlertFilter::Closed | AlertFilter::All => {
				let next = crate::NextAlertId::<T>::get();
				let mut below = cursor.map_or(next, |cursor| cursor.min(next));
				let mut budget = MAX_ALERT_SCAN;
				while alerts.len() < size && below > 0 && budget > 0 {
					below = below.saturating_sub(1);
					budget = budget.saturating_sub(1);
					let Some(alert) = Alerts::<T>::get(below) else {
						continue;
					};
					if filter == AlertFilter::All || alert.status != AlertStatus::Open {
						alerts.push(view::<T>(below, alert));
					}
				}
				(below > 0).then_some(below)
			}
		};
		Ok(AlertPage {
			alerts,
			open: OpenAlertCount::<T>::get(),
			next_cursor,
		})
	}

	/// The records of blocks `from_block..=to_block`, oldest first, with the hashes that chain
	/// them to the rest of the log.
	///
	/// - `max_records`: 1 to [`MAX_EXPORT`].
	/// - `cursor`: `None` for the range's first record, then the previous export's
	///   `next_cursor`.
	pub fn export(
		from_block: BlockNumberFor<T>,
		to_block: BlockNumberFor<T>,
		max_records: u32,
		cursor: Option<Seq>,
	) -> Result<Export<T::AccountId, BlockNumberFor<T>>, QueryError> {
		check_page(max_records, MAX_EXPORT)?;
		if from_block > to_block {
			return Err(QueryError::InvertedRange);
		}
		let head = Head::<T>::get();
		let first = Self::first_seq_where(&head, |block| block < from_block);
		let end = Self::first_seq_where(&head, |block| block <= to_block);
		let start = cursor.map_or(first, |cursor| cursor.max(first)).min(end);
		let stop = end.min(start.saturating_add(u64::from(max_records)));
		let records: Vec<_> = (start..stop)
			.filter_map(Records::<T>::get)
			.map(|record| HashedRecord {
				hash: Self::hash_of(&record),
				record,
			})
			.collect();
		// From the record before, not from the first record's own `prev`, so that a verifier
		// checks the link.
		let prev_hash = start
			.checked_sub(1)
			.and_then(Records::<T>::get)
			.map_or(H256::zero(), |record| Self::hash_of(&record));
		let last_hash = records.last().map_or(prev_hash, |r| r.hash);
		Ok(Export {
			start_seq: start,
			records,
			prev_hash,
			last_hash,
			head,
			next_cursor: (stop < end).then_some(stop),
		})
	}

	/// The end of the log.
	pub fn head() -> ChainHead<BlockNumberFor<T>> {
		Head::<T>::get()
	}

	/// The first and last block holding records whose timestamps (milliseconds since the Unix
	/// epoch) fall in `from_ms..=to_ms`, either end open; `None` when no record does. Found by
	/// binary search over the block index, since a block's records share its timestamp and
	/// timestamps never fall from block to block.
	pub fn blocks_between(
		from_ms: Option<u64>,
		to_ms: Option<u64>,
	) -> Option<(BlockNumberFor<T>, BlockNumberFor<T>)> {
		let head = Head::<T>::get();
		let time_at = |position: u64| {
			BlockFirstSeq::<T>::get(position)
				.and_then(|start| Records::<T>::get(start.first_seq))
				.map(|record| record.timestamp)
		};
		let first = from_ms.map_or(0, |from| {
			partition_point(0, head.blocks, |p| time_at(p).is_some_and(|t| t < from))
		});
		let end = to_ms.map_or(head.blocks, |to| {
			partition_point(0, head.blocks, |p| time_at(p).is_some_and(|t| t <= to))
		});
		if first >= end {
			return None;
		}
		let first_block = BlockFirstSeq::<T>::get(first)?.block;
		let last_block = BlockFirstSeq::<T>::get(end.saturating_sub(1))?.block;
		Some((first_block, last_block))
	}

	/// The first record of the first block for which `before` is false (the next sequence
	/// number when there is none), by binary search over the block index.
	fn first_seq_where(
		head: &ChainHead<BlockNumberFor<T>>,
		before: impl Fn(BlockNumberFor<T>) -> bool,
	) -> Seq {
		let position = partition_point(0, head.blocks, |p| {
			BlockFirstSeq::<T>::get(p).is_some_and(|start| before(start.block))
		});
		BlockFirstSeq::<T>::get(position).map_or(head.next_seq, |start| start.first_seq)
	}
}

fn view<T: Config>(
	alert: AlertId,
	record: AlertOf<T>,
) -> AlertView<T::AccountId, BlockNumberFor<T>> {
	AlertView {
		alert,
		rule: record.rule,
		subject: record.subject,
		seq: record.seq,
		block: record.block,
		status: match record.status {
			AlertStatus::Open => AlertStatusView::Open,
			AlertStatus::Closed { by, note, at } => AlertStatusView::Closed {
				by,
				note: note.into_inner(),
				at,
			},
		},
	}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Reads the audit log: paged history, alerts, verifiable exports and the head.
	pub trait AuditApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A page of a subject's or an account's history, newest first: `page_size` 1 to 100,
		/// `cursor` from the previous page, only blocks `from..=to` when a range is given.
		fn history(
			query: HistoryQuery<AccountId>,
			page_size: u32,
			cursor: Option<u64>,
			block_range: Option<(BlockNumber, BlockNumber)>,
		) -> Result<HistoryPage<AccountId, BlockNumber>, QueryError>;
		/// A page of alerts: `page_size` 1 to 100, `cursor` from the previous page.
		fn alerts(
			status: AlertFilter,
			cursor: Option<AlertId>,
			page_size: u32,
		) -> Result<AlertPage<AccountId, BlockNumber>, QueryError>;
		/// The records of blocks `from_block..=to_block`, oldest first, at most `max_records`
		/// (up to 1,000), continuing from `cursor`; with the hashes to verify them.
		fn export(
			from_block: BlockNumber,
			to_block: BlockNumber,
			max_records: u32,
			cursor: Option<Seq>,
		) -> Result<Export<AccountId, BlockNumber>, QueryError>;
		/// The end of the log.
		fn head() -> ChainHead<BlockNumber>;
		/// The first and last block holding records timestamped in `from_ms..=to_ms`
		/// (milliseconds since the Unix epoch, either end open); `None` when none is.
		fn blocks_between(from_ms: Option<u64>, to_ms: Option<u64>) -> Option<(BlockNumber, BlockNumber)>;
	}
}
