//! SCALE types stored by the audit pallet. The record itself, and the hash-chain functions a
//! client runs without a node, are in `registry-audit-record`, re-exported here.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, PartialEqNoBound,
};
pub use registry_audit_record::{
	record_hash, verify_chain, AuditRecord, ChainFault, ChainHead, HashedRecord, Seq,
};
pub use registry_primitives::{AuthorizedBy, Subject};
use scale_info::TypeInfo;

/// An alert's number, from 0.
pub type AlertId = u64;

/// Where the records of one block start, in the block index.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct BlockStart<BlockNumber> {
	/// A block holding records.
	pub block: BlockNumber,
	/// Its first record.
	pub first_seq: Seq,
}

/// A subject's records: how many, and the first.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct SubjectHead {
	/// Records of the subject.
	pub count: u64,
	/// Its first record.
	pub first: Seq,
}

/// An account's records: how many, in how many runs.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct AccountHead {
	/// Records naming the account.
	pub records: u64,
	/// Runs they are stored in.
	pub runs: u64,
}

/// Consecutive records naming one account: `first`, `first + 1`, ... `first + len - 1`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct SeqRun {
	/// The position of the run's first record among the account's records.
	pub position: u64,
	/// Its first record.
	pub first: Seq,
	/// Records in the run, at least one.
	pub len: u32,
}

impl SeqRun {
	/// The record at `position` among the account's, if the run holds it.
	pub fn seq_at(&self, position: u64) -> Option<Seq> {
		let offset = position.checked_sub(self.position)?;
		(offset < u64::from(self.len)).then(|| self.first.saturating_add(offset))
	}

	/// The position after the run's last record.
	pub fn end(&self) -> u64 {
		self.position.saturating_add(u64::from(self.len))
	}
}

/// An anti-speculation rule, checked on every transfer of a collectible (防范过度投机、恶意炒作).
///
/// A window of `window_blocks` blocks ending at the transfer's block `n` covers the blocks
/// `n - window_blocks + 1 ..= n`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Rule<BlockNumber> {
	/// More than `max_transfers` transfers of one item within a window, the new one included.
	/// Each transfer beyond the allowance raises its own alert, so a regulator sees how long
	/// the burst went on.
	TransferBurst {
		max_transfers: u32,
		window_blocks: BlockNumber,
	},
	/// An item goes from A to B and then, within a window, from B back to A.
	BackAndForth { window_blocks: BlockNumber },
}

/// One transfer of an item, as the rules need it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct TransferMark<AccountId, BlockNumber> {
	/// The block of the transfer.
	pub block: BlockNumber,
	/// The giver.
	pub from: Option<AccountId>,
	/// The receiver.
	pub to: Option<AccountId>,
}

/// Whether an alert still waits for a regulator.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxNote))]
pub enum AlertStatus<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxNote: Get<u32>,
> {
	/// Waiting for a regulator.
	Open,
	/// Closed by a regulator.
	Closed {
		/// The regulator.
		by: AccountId,
		/// What the regulator found.
		note: BoundedVec<u8, MaxNote>,
		/// The block it was closed in.
		at: BlockNumber,
	},
}

/// A transfer that matched a rule.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxNote))]
pub struct Alert<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxNote: Get<u32>,
> {
	/// The rule, as it was set when it matched.
	pub rule: Rule<BlockNumber>,
	/// The item transferred.
	pub subject: Subject,
	/// The transfer's record.
	pub seq: Seq,
	/// The transfer's block.
	pub block: BlockNumber,
	/// Open, or closed with a regulator's note.
	pub status: AlertStatus<AccountId, BlockNumber, MaxNote>,
}
