//! SCALE types stored by the audit pallet, and the pure hash-chain functions a client can run
//! without a node.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, PartialEqNoBound},
	sp_core::H256,
};
use registry_primitives::{AuditKind, Subject};
use scale_info::TypeInfo;

/// A record's position in the log, from 0.
pub type Seq = u64;

/// An alert's number, from 0.
pub type AlertId = u64;

/// One record of the log, exactly as stored and as hashed: the SHA-256 of its SCALE encoding is
/// the record's hash, which the next record names in `prev`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AuditRecord<AccountId, BlockNumber> {
	/// Position in the log, from 0.
	pub seq: Seq,
	/// The block the change happened in.
	pub block: BlockNumber,
	/// The extrinsic's index in its block, as frame-system reports it: `None` once the block's
	/// extrinsics are applied (`on_finalize`, `on_idle`), 0 in `on_initialize` and at genesis.
	pub extrinsic: Option<u32>,
	/// What happened.
	pub kind: AuditKind,
	/// What it happened to.
	pub subject: Subject,
	/// The holder before the change.
	pub from: Option<AccountId>,
	/// The holder after the change.
	pub to: Option<AccountId>,
	/// The account whose signature authorized the change.
	pub authorized_by: AccountId,
	/// A reason code; 0 when none applies.
	pub reason: u16,
	/// SHA-256 of off-chain evidence, when the change rests on some.
	pub evidence: Option<H256>,
	/// The previous record's hash; zero for the first record.
	pub prev: H256,
}

impl<AccountId: PartialEq, BlockNumber> AuditRecord<AccountId, BlockNumber> {
	/// The accounts the record names (`from`, `to`, `authorized_by`), each once.
	pub fn accounts(&self) -> Vec<&AccountId> {
		let mut accounts: Vec<&AccountId> = Vec::with_capacity(3);
		let named = [
			self.from.as_ref(),
			self.to.as_ref(),
			Some(&self.authorized_by),
		];
		for who in named.into_iter().flatten() {
			if !accounts.contains(&who) {
				accounts.push(who);
			}
		}
		accounts
	}
}

/// A record together with its own hash, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct HashedRecord<AccountId, BlockNumber> {
	/// The record, its sequence number and previous hash included.
	pub record: AuditRecord<AccountId, BlockNumber>,
	/// SHA-256 of the record's SCALE encoding.
	pub hash: H256,
}

/// The end of the log.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ChainHead<BlockNumber> {
	/// The sequence number the next record gets: the number of records.
	pub next_seq: Seq,
	/// The last record's hash; zero while the log is empty.
	pub last_hash: H256,
	/// The last record's block; meaningless while the log is empty.
	pub last_block: BlockNumber,
	/// How many blocks hold records: the length of the block index.
	pub blocks: u64,
}

/// Where the records of one block start, in the block index.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct BlockStart<BlockNumber> {
	/// A block holding records.
	pub block: BlockNumber,
	/// Its first record.
	pub first_seq: Seq,
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

/// Who authorized a change of this pallet's state: recorded in its events.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum AuthorizedBy<AccountId> {
	/// The consortium origin (the council, or root on a development chain).
	Consortium,
	/// A regulator member, named.
	Regulator(AccountId),
}

/// Why [`verify_chain`] rejected a record.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChainFault {
	/// The record's `prev` is not the hash of the record before it.
	BrokenLink,
	/// The record's sequence number does not follow the one before it.
	SeqGap,
	/// The hash given with the record is not the hash of the record.
	HashMismatch,
	/// The records end at another hash than the one they were exported with.
	LastHashMismatch,
}

/// SHA-256 of a record's SCALE encoding, computed in plain Rust so that a client can run it.
/// The runtime computes the same digest through the `sp_io` host function.
pub fn record_hash<AccountId: Encode, BlockNumber: Encode>(
	record: &AuditRecord<AccountId, BlockNumber>,
) -> H256 {
	H256(polkadot_sdk::sp_crypto_hashing::sha2_256(&record.encode()))
}

/// Checks that `records` form a chain following a record whose hash is `prev_hash` (zero before
/// the first record of the log): each names the previous hash, follows its sequence number and
/// comes with its own hash. Returns the last record's hash (`prev_hash` when there is none), to
/// compare with a trusted head; or the position of the first bad record and why.
pub fn verify_chain<AccountId: Encode, BlockNumber: Encode>(
	prev_hash: H256,
	records: &[HashedRecord<AccountId, BlockNumber>],
) -> Result<H256, (usize, ChainFault)> {
	let mut prev = prev_hash;
	let mut prev_seq: Option<Seq> = None;
	for (index, hashed) in records.iter().enumerate() {
		if hashed.record.prev != prev {
			return Err((index, ChainFault::BrokenLink));
		}
		if prev_seq.is_some_and(|seq| Some(hashed.record.seq) != seq.checked_add(1)) {
			return Err((index, ChainFault::SeqGap));
		}
		let hash = record_hash(&hashed.record);
		if hash != hashed.hash {
			return Err((index, ChainFault::HashMismatch));
		}
		prev = hash;
		prev_seq = Some(hashed.record.seq);
	}
	Ok(prev)
}
