//! # Audit
//!
//! The registry's audit log: an append-only, hash-chained record of every change of ownership,
//! rights or status that the other pallets report, indexed so that the history of an item or
//! an account can be paged through, and watched for speculation (防范过度投机、恶意炒作).
//!
//! ## Overview
//!
//! Other pallets hand an [`registry_primitives::AuditEntry`] to the
//! [`registry_primitives::AuditReporter`] in their `Config`; this pallet implements it. Each
//! entry becomes an [`AuditRecord`] with the next sequence number (from 0), the block, the
//! extrinsic index and the previous record's hash. Appending never fails: the change it
//! describes has already happened. It emits no event of its own, since the reporting pallet
//! already did and a batch mint reports hundreds of entries in one block.
//!
//! ### The hash chain
//!
//! A record's hash is SHA-256 over its SCALE encoding, so that a regulator can check an export
//! offline with any SHA-256 tool. The encoding is the concatenation of, in this order:
//!
//! | field | SCALE encoding |
//! |-------|----------------|
//! | `seq` | `u64`, 8 bytes little-endian |
//! | `block` | the block number: on this chain `u32`, 4 bytes little-endian |
//! | `timestamp` | the block's timestamp in milliseconds since the Unix epoch, `u64`, 8 bytes little-endian |
//! | `extrinsic` | `Option<u32>`: `0x00`, or `0x01` then 4 bytes little-endian |
//! | `kind` | one byte, the `#[codec(index)]` of the [`registry_primitives::AuditKind`] variant |
//! | `subject` | one byte, the index of the [`registry_primitives::Subject`] variant, then its fields (`u32` 4 bytes, `u64` 8 bytes, little-endian) |
//! | `from`, `to` | `Option<AccountId>`: `0x00`, or `0x01` then the 32 account bytes |
//! | `authorized_by` | [`AuthorizedBy`]: `0x00` then the 32 account bytes, `0x01` for the consortium, `0x02` for genesis |
//! | `reason` | `u16`, 2 bytes little-endian |
//! | `evidence` | `Option<H256>`: `0x00`, or `0x01` then 32 bytes |
//! | `detail` | [`registry_primitives::Detail`]: one byte, the variant's index, then its fields |
//! | `prev` | the previous record's hash, 32 bytes; all zero for record 0 |
//!
//! [`Head`] holds the next sequence number and the last record's hash; the runtime API's
//! `export` returns records with their hashes and the hash before the first of them, which
//! [`verify_chain`] checks.
//!
//! ### Indices
//!
//! Every record is indexed by subject, and by each distinct account it names as `from`, `to` or
//! `authorized_by` (accounts in its detail are not indexed). Each index is a count and a list of sequence numbers in block order, and
//! the block index lists the first record of each block holding records. A page of history, or
//! the edges of a block range (found by binary search), costs the same however long the log
//! grows.
//!
//! ### Anti-speculation rules
//!
//! The consortium sets [`Rule`]s. Each transfer of a collectible is checked against them using
//! the item's last `MaxTrackedTransfers` transfers; every rule it breaks raises an [`Alert`],
//! which stays open until a regulator closes it with a note.
//!
//! ## Interface
//!
//! For the consortium: [`Pallet::set_rules`], which writes a `rulesSet` record.
//!
//! For regulators: [`Pallet::close_alert`], which writes an `alertClosed` record.
//!
//! For nodes and clients: the [`AuditApi`] runtime API, and [`verify_chain`].
//!
//! Every event names who authorized the change.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod queries;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
// A glob, because the runtime API macro adds a declaration module beside the trait.
pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use registry_primitives::{MemberRoles, Subject};

	/// A record as stored.
	pub type AuditRecordOf<T> =
		AuditRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An alert as stored.
	pub type AlertOf<T> = Alert<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNoteLength,
	>;
	/// The rules with this runtime's bound.
	pub type RulesOf<T> = BoundedVec<Rule<BlockNumberFor<T>>, <T as Config>::MaxRules>;
	/// An item's recent transfers with this runtime's bound.
	pub type TransfersOf<T> = BoundedVec<
		TransferMark<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>,
		<T as Config>::MaxTrackedTransfers,
	>;
	/// A regulator's note with this runtime's bound.
	pub type NoteOf<T> = BoundedVec<u8, <T as Config>::MaxNoteLength>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// Who is a member, and in which roles.
		type Members: MemberRoles<Self::AccountId>;
		/// The consortium's collective decision (the council; root on a development chain),
		/// which sets the rules.
		type ConsortiumOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Rules in force at once.
		#[pallet::constant]
		type MaxRules: Get<u32>;
		/// Transfers of each item kept for the rules. A burst rule may allow at most one
		/// transfer fewer, and a back-and-forth rule needs at least 2.
		#[pallet::constant]
		type MaxTrackedTransfers: Get<u32>;
		/// Bytes of a regulator's note on closing an alert.
		#[pallet::constant]
		type MaxNoteLength: Get<u32>;
		/// The wall clock: the block's timestamp, which every record carries.
		type Time: frame_support::traits::UnixTime;
		/// Weights of this pallet's calls and of one report.
		type WeightInfo: WeightInfo;
	}

	/// The end of the log: the next sequence number and the last record's hash.
	#[pallet::storage]
	pub type Head<T: Config> = StorageValue<_, ChainHead<BlockNumberFor<T>>, ValueQuery>;

	/// The records, by sequence number.
	///
	/// `Twox64Concat`: sequence numbers are assigned in order, never chosen by a caller.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, Seq, AuditRecordOf<T>, OptionQuery>;

	/// The first record of each block that holds records, by the block's position among them,
	/// so that a block range's records are found by binary search.
	///
	/// `Twox64Concat`: positions are assigned in order, never chosen by a caller.
	#[pallet::storage]
	pub type BlockFirstSeq<T: Config> =
		StorageMap<_, Twox64Concat, u64, BlockStart<BlockNumberFor<T>>, OptionQuery>;

	/// Each subject's number of records and its first record. The first is kept here rather
	/// than in [`SubjectIndex`], so that a subject's first record (every minted item's) costs
	/// one index write.
	///
	/// `Blake2_128Concat`: callers choose which subjects get records, so the key is hashed, and
	/// the concatenation lets the subjects be listed.
	#[pallet::storage]
	pub type SubjectHeads<T: Config> =
		StorageMap<_, Blake2_128Concat, Subject, SubjectHead, OptionQuery>;

	/// Each subject's later records in log order: the n-th record's sequence number, n ≥ 1
	/// (the first is in [`SubjectHeads`]).
	///
	/// `Blake2_128Concat` for the caller-influenced subject; `Twox64Concat` for the position,
	/// assigned in order.
	#[pallet::storage]
	pub type SubjectIndex<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Subject, Twox64Concat, u64, Seq, OptionQuery>;

	/// How many records name each account, and in how many runs of [`AccountRuns`].
	///
	/// `Blake2_128Concat`: account ids are chosen by users.
	#[pallet::storage]
	pub type AccountHeads<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccountHead, OptionQuery>;

	/// Each account's records in log order, as runs of consecutive sequence numbers: a batch
	/// of mints by one institution is one run, one entry. A record is listed once for each
	/// distinct account among its `from`, `to` and `authorized_by`.
	///
	/// `Blake2_128Concat` for the user-chosen account; `Twox64Concat` for the run's number,
	/// assigned in order.
	#[pallet::storage]
	pub type AccountRuns<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u64, SeqRun, OptionQuery>;

	/// The anti-speculation rules in force.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageValue<_, RulesOf<T>, ValueQuery>;

	/// Each item's last transfers, oldest first, for the rules.
	///
	/// `Blake2_128Concat`: callers choose which subjects are transferred.
	#[pallet::storage]
	pub type RecentTransfers<T: Config> =
		StorageMap<_, Blake2_128Concat, Subject, TransfersOf<T>, ValueQuery>;

	/// The number the next alert gets.
	#[pallet::storage]
	pub type NextAlertId<T: Config> = StorageValue<_, AlertId, ValueQuery>;

	/// The alerts, by number.
	///
	/// `Twox64Concat`: alert numbers are assigned in order, never chosen by a caller.
	#[pallet::storage]
	pub type Alerts<T: Config> = StorageMap<_, Twox64Concat, AlertId, AlertOf<T>, OptionQuery>;

	/// The open alerts, so that regulators can list them without reading closed ones.
	///
	/// `Twox64Concat`: alert numbers are assigned in order, never chosen by a caller.
	#[pallet::storage]
	pub type OpenAlerts<T: Config> = StorageMap<_, Twox64Concat, AlertId, (), OptionQuery>;

	/// How many alerts are open.
	#[pallet::storage]
	pub type OpenAlertCount<T: Config> = StorageValue<_, u64, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The anti-speculation rules in force from the first block.
		pub rules: Vec<Rule<BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (index, rule) in self.rules.iter().enumerate() {
				assert!(
					Pallet::<T>::is_valid_rule(rule),
					"a genesis audit rule can never match"
				);
				assert!(
					!self.rules.iter().take(index).any(|earlier| earlier == rule),
					"a genesis audit rule is listed twice"
				);
			}
			let rules = RulesOf::<T>::try_from(self.rules.clone())
				.expect("the genesis audit rules fit in MaxRules");
			Rules::<T>::put(rules);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The anti-speculation rules were replaced by `rules`.
		RulesSet {
			rules: Vec<Rule<BlockNumberFor<T>>>,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
		/// A transfer broke a rule. The transfer's record `seq` names who authorized it.
		AlertRaised {
			alert: AlertId,
			rule: Rule<BlockNumberFor<T>>,
			subject: Subject,
			seq: Seq,
		},
		/// A regulator closed an alert.
		AlertClosed {
			alert: AlertId,
			note: Vec<u8>,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not an active regulator.
		NotRegulator,
		/// No alert has this number.
		UnknownAlert,
		/// The alert is already closed.
		AlreadyClosed,
		/// The note is empty: closing an alert must say why.
		EmptyNote,
		/// A rule has a zero window, allows no transfer, or needs more tracked transfers than the
		/// chain keeps.
		InvalidRule,
		/// A rule is given twice.
		DuplicateRule,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most records or alerts one page of a listing holds.
		#[pallet::constant_name(MaxPage)]
		fn max_page() -> u32 {
			MAX_PAGE
		}

		/// The most records one export holds.
		#[pallet::constant_name(MaxExport)]
		fn max_export() -> u32 {
			MAX_EXPORT
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Replace the anti-speculation rules. They apply to transfers from now on, over the
		/// transfers already tracked.
		///
		/// The origin is the consortium.
		///
		/// - `rules`: the new rules, none twice; empty to stop watching.
		///
		/// Writes a `rulesSet` record. Emits [`Event::RulesSet`]. Weight:
		/// [`WeightInfo::set_rules`] and a report.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_rules().saturating_add(T::WeightInfo::report()))]
		pub fn set_rules(origin: OriginFor<T>, rules: RulesOf<T>) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_set_rules(rules)
		}

		/// Close an open alert with what the regulator found.
		///
		/// The origin is an active regulator.
		///
		/// - `alert`: the alert's number.
		/// - `note`: the finding, not empty.
		///
		/// Writes an `alertClosed` record with the note. Emits [`Event::AlertClosed`]. Weight:
		/// [`WeightInfo::close_alert`] and a report.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::close_alert().saturating_add(T::WeightInfo::report()))]
		pub fn close_alert(
			origin: OriginFor<T>,
			alert: AlertId,
			note: NoteOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_alert(who, alert, note)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MaxNoteLength::get() <= registry_audit_record::MAX_NOTE,
				"an alert's note must fit in its audit record"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
