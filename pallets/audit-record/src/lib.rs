//! The audit log's record, defined once.
//!
//! The runtime stores and hashes [`AuditRecord`]s; the node turns them into JSON; the client and
//! any other verifier decode a record's bytes with the same type and check its hash. Nothing
//! else restates the layout. The crate needs neither frame-support nor host functions, so it
//! compiles for a browser too.
//!
//! ## Encoding
//!
//! A record's hash is SHA-256 over its SCALE encoding: the fields of [`AuditRecord`] in order.
//! Every enum variant has an explicit `#[codec(index)]`, so that reordering the source never
//! changes the bytes; a new variant takes the next free index.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod detail;
pub mod scope;

pub use detail::*;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
pub use primitive_types::H256;
use scale_info::TypeInfo;
use sha2::{Digest, Sha256};

/// A record's position in the log, from 0.
pub type Seq = u64;

/// What an audit record is about.
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
	PartialOrd,
	Ord,
	Debug,
)]
pub enum Subject {
	/// A collection of collectibles.
	#[codec(index = 0)]
	Collection(u32),
	/// One collectible: collection and item number.
	#[codec(index = 1)]
	Item(u32, u32),
	/// A registered work.
	#[codec(index = 2)]
	Work(u64),
	/// A unit of economic rights in a work.
	#[codec(index = 3)]
	RightsUnit(u64),
	/// A licence granted from a rights unit.
	#[codec(index = 4)]
	Licence(u64),
	/// The member register: admissions, suspensions, removals and rate limits. The member is
	/// the record's `to` (or `from` when it leaves).
	#[codec(index = 5)]
	Members,
	/// The validator set, its candidates, their session keys and the session length.
	#[codec(index = 6)]
	Validators,
	/// The nodes admitted to the network.
	#[codec(index = 7)]
	Nodes,
	/// The council: its seats and its motions.
	#[codec(index = 8)]
	Council,
	/// The chain itself: calls the consortium enacts, runtime upgrades.
	#[codec(index = 9)]
	Chain,
	/// The audit log's anti-speculation rules.
	#[codec(index = 10)]
	AuditRules,
	/// An alert raised by the rules.
	#[codec(index = 11)]
	Alert(u64),
}

/// The kind of change an audit record describes.
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
)]
pub enum AuditKind {
	/// A collection was created.
	#[codec(index = 0)]
	CollectionCreated,
	/// An item was minted to its first holder ([`Detail::Content`]: its content hash).
	#[codec(index = 1)]
	Minted,
	/// An item was given to another holder.
	#[codec(index = 2)]
	Transferred,
	/// An item's metadata gained a version ([`Detail::Document`]).
	#[codec(index = 3)]
	MetadataChanged,
	/// A draft item was issued: its metadata is fixed.
	#[codec(index = 4)]
	Issued,
	/// A regulator froze the subject.
	#[codec(index = 5)]
	Frozen,
	/// A regulator lifted a freeze.
	#[codec(index = 6)]
	Unfrozen,
	/// The subject was retired (burned), its record kept.
	#[codec(index = 7)]
	Retired,
	/// A work was registered ([`Detail::Content`]: its content hash).
	#[codec(index = 8)]
	WorkRegistered,
	/// An authorship claim was attested.
	#[codec(index = 9)]
	Attested,
	/// An attestation was revoked.
	#[codec(index = 10)]
	AttestationRevoked,
	/// An authorship dispute was opened.
	#[codec(index = 11)]
	DisputeOpened,
	/// An authorship dispute was resolved ([`Detail::Authors`]: before and after the ruling).
	#[codec(index = 12)]
	DisputeResolved,
	/// A rights unit was split; the record's subject is the unit split ([`Detail::Split`]).
	#[codec(index = 13)]
	Split,
	/// A rights unit was assigned to another holder, one record per new holder
	/// ([`Detail::Assignment`]).
	#[codec(index = 14)]
	Assigned,
	/// A licence was granted ([`Detail::Licence`]).
	#[codec(index = 15)]
	Licensed,
	/// A licence was revoked by its grantor.
	#[codec(index = 16)]
	LicenceRevoked,
	/// A member was admitted (`to`), with its roles ([`Detail::Roles`]).
	#[codec(index = 17)]
	MemberAdmitted,
	/// A member (`to`) was suspended.
	#[codec(index = 18)]
	MemberSuspended,
	/// A suspended member (`to`) was reinstated.
	#[codec(index = 19)]
	MemberReinstated,
	/// A member (`from`) was removed.
	#[codec(index = 20)]
	MemberRemoved,
	/// A role's rate limit was set or lifted ([`Detail::RateLimit`]).
	#[codec(index = 21)]
	RateLimitSet,
	/// A member (`to`) joins the validator set from the next session.
	#[codec(index = 22)]
	ValidatorAdded,
	/// A validator (`from`) leaves the set from the next session.
	#[codec(index = 23)]
	ValidatorRemoved,
	/// A member (`to`) may register session keys, to become a validator.
	#[codec(index = 24)]
	CandidateAdded,
	/// The session length changed ([`Detail::Blocks`]).
	#[codec(index = 25)]
	SessionLengthSet,
	/// A validator or candidate (`to`) registered session keys ([`Detail::Digest`] of them).
	#[codec(index = 26)]
	SessionKeysSet,
	/// A node may connect ([`Detail::Peer`]), owned by `to`.
	#[codec(index = 27)]
	NodeAdmitted,
	/// A node may no longer connect ([`Detail::Peer`]).
	#[codec(index = 28)]
	NodeRemoved,
	/// A node's owner or connections changed, or the node list was replaced ([`Detail::Peer`], or [`Detail::Digest`] of the new list).
	#[codec(index = 29)]
	NodeChanged,
	/// A council seat was given (`to`) or vacated (`from`), or the prime member changed.
	#[codec(index = 30)]
	CouncilChanged,
	/// A council member proposed a motion ([`Detail::Call`]).
	#[codec(index = 31)]
	MotionProposed,
	/// A council member voted ([`Detail::Vote`]).
	#[codec(index = 32)]
	MotionVoted,
	/// A motion was closed ([`Detail::Digest`]: its hash). If it passed, the records of what it
	/// enacted come just before this one, in the same transaction.
	#[codec(index = 33)]
	MotionClosed,
	/// The consortium struck a motion ([`Detail::Digest`] of it).
	#[codec(index = 34)]
	MotionDisapproved,
	/// The consortium enacted a call ([`Detail::Call`]); the records of what the call changed follow.
	#[codec(index = 35)]
	Enacted,
	/// The runtime's code was replaced by one the consortium authorized ([`Detail::Digest`] of the code).
	#[codec(index = 36)]
	CodeUpgraded,
	/// The anti-speculation rules were replaced ([`Detail::Digest`] of the new rules).
	#[codec(index = 37)]
	RulesSet,
	/// A regulator closed an alert ([`Detail::Note`]).
	#[codec(index = 38)]
	AlertClosed,
	/// A member's (`to`) roles were changed ([`Detail::Roles`]: the roles it holds now).
	#[codec(index = 39)]
	MemberRolesSet,
}

impl AuditKind {
	/// Every kind, in the order of their indices.
	pub const ALL: [AuditKind; 40] = [
		Self::CollectionCreated,
		Self::Minted,
		Self::Transferred,
		Self::MetadataChanged,
		Self::Issued,
		Self::Frozen,
		Self::Unfrozen,
		Self::Retired,
		Self::WorkRegistered,
		Self::Attested,
		Self::AttestationRevoked,
		Self::DisputeOpened,
		Self::DisputeResolved,
		Self::Split,
		Self::Assigned,
		Self::Licensed,
		Self::LicenceRevoked,
		Self::MemberAdmitted,
		Self::MemberSuspended,
		Self::MemberReinstated,
		Self::MemberRemoved,
		Self::RateLimitSet,
		Self::ValidatorAdded,
		Self::ValidatorRemoved,
		Self::CandidateAdded,
		Self::SessionLengthSet,
		Self::SessionKeysSet,
		Self::NodeAdmitted,
		Self::NodeRemoved,
		Self::NodeChanged,
		Self::CouncilChanged,
		Self::MotionProposed,
		Self::MotionVoted,
		Self::MotionClosed,
		Self::MotionDisapproved,
		Self::Enacted,
		Self::CodeUpgraded,
		Self::RulesSet,
		Self::AlertClosed,
		Self::MemberRolesSet,
	];

	/// The kind's name in JSON and on the command line.
	pub fn name(&self) -> &'static str {
		match self {
			Self::CollectionCreated => "collectionCreated",
			Self::Minted => "minted",
			Self::Transferred => "transferred",
			Self::MetadataChanged => "metadataChanged",
			Self::Issued => "issued",
			Self::Frozen => "frozen",
			Self::Unfrozen => "unfrozen",
			Self::Retired => "retired",
			Self::WorkRegistered => "workRegistered",
			Self::Attested => "attested",
			Self::AttestationRevoked => "attestationRevoked",
			Self::DisputeOpened => "disputeOpened",
			Self::DisputeResolved => "disputeResolved",
			Self::Split => "split",
			Self::Assigned => "assigned",
			Self::Licensed => "licensed",
			Self::LicenceRevoked => "licenceRevoked",
			Self::MemberAdmitted => "memberAdmitted",
			Self::MemberSuspended => "memberSuspended",
			Self::MemberReinstated => "memberReinstated",
			Self::MemberRemoved => "memberRemoved",
			Self::RateLimitSet => "rateLimitSet",
			Self::ValidatorAdded => "validatorAdded",
			Self::ValidatorRemoved => "validatorRemoved",
			Self::CandidateAdded => "candidateAdded",
			Self::SessionLengthSet => "sessionLengthSet",
			Self::SessionKeysSet => "sessionKeysSet",
			Self::NodeAdmitted => "nodeAdmitted",
			Self::NodeRemoved => "nodeRemoved",
			Self::NodeChanged => "nodeChanged",
			Self::CouncilChanged => "councilChanged",
			Self::MotionProposed => "motionProposed",
			Self::MotionVoted => "motionVoted",
			Self::MotionClosed => "motionClosed",
			Self::MotionDisapproved => "motionDisapproved",
			Self::Enacted => "enacted",
			Self::CodeUpgraded => "codeUpgraded",
			Self::RulesSet => "rulesSet",
			Self::AlertClosed => "alertClosed",
			Self::MemberRolesSet => "memberRolesSet",
		}
	}

	/// The kind named `name`.
	pub fn from_name(name: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|kind| kind.name() == name)
	}

	/// Whether this kind moves a collectible between holders, which the anti-speculation rules
	/// watch.
	pub fn is_transfer(&self) -> bool {
		matches!(self, AuditKind::Transferred)
	}
}

/// One change, as a pallet reports it. The audit log adds the sequence number, block,
/// extrinsic index and the previous record's hash.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct AuditEntry<AccountId> {
	/// What happened.
	pub kind: AuditKind,
	/// What it happened to.
	pub subject: Subject,
	/// The holder before the change, if it has one.
	pub from: Option<AccountId>,
	/// The holder after the change, if it has one.
	pub to: Option<AccountId>,
	/// Who authorized the change.
	pub authorized_by: AuthorizedBy<AccountId>,
	/// A reason code (for freezes, retirements, revocations, rulings); 0 when none applies.
	pub reason: u16,
	/// The hash of off-chain evidence, when the change rests on some.
	pub evidence: Option<H256>,
	/// What the record says beyond its kind and subject.
	pub detail: Detail<AccountId>,
}

impl<AccountId> AuditEntry<AccountId> {
	/// An entry signed by `authorized_by`, with no holders, reason, evidence or detail; fill
	/// in what applies.
	pub fn new(kind: AuditKind, subject: Subject, authorized_by: AccountId) -> Self {
		Self::by(kind, subject, AuthorizedBy::Account(authorized_by))
	}

	/// An entry authorized by `authorized_by`, the consortium's or genesis included.
	pub fn by(kind: AuditKind, subject: Subject, authorized_by: AuthorizedBy<AccountId>) -> Self {
		Self {
			kind,
			subject,
			from: None,
			to: None,
			authorized_by,
			reason: 0,
			evidence: None,
			detail: Detail::None,
		}
	}

	/// What the record says beyond its kind and subject.
	pub fn detail(mut self, detail: Detail<AccountId>) -> Self {
		self.detail = detail;
		self
	}

	/// The holder before the change.
	pub fn from(mut self, from: AccountId) -> Self {
		self.from = Some(from);
		self
	}

	/// The holder after the change.
	pub fn to(mut self, to: AccountId) -> Self {
		self.to = Some(to);
		self
	}

	/// The reason code.
	pub fn reason(mut self, reason: u16) -> Self {
		self.reason = reason;
		self
	}

	/// The evidence hash.
	pub fn evidence(mut self, evidence: H256) -> Self {
		self.evidence = Some(evidence);
		self
	}
}

/// One record of the log, exactly as stored and as hashed: the SHA-256 of its SCALE encoding is
/// the record's hash, which the next record names in `prev`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AuditRecord<AccountId, BlockNumber> {
	/// Position in the log, from 0.
	pub seq: Seq,
	/// The block the change happened in.
	pub block: BlockNumber,
	/// The block's timestamp, in milliseconds since the Unix epoch (UTC): the time the block's
	/// author set. A change in a block's `on_initialize`, before the timestamp is set, carries
	/// the previous block's; at genesis, 0.
	pub timestamp: u64,
	/// The extrinsic's index in its block, as frame-system reports it: `None` once the block's
	/// extrinsics are applied (`on_finalize`, `on_idle`), 0 in `on_initialize` and at genesis.
	pub extrinsic: Option<u32>,
	/// The change, as its pallet reported it.
	pub entry: AuditEntry<AccountId>,
	/// The previous record's hash; zero for the first record.
	pub prev: H256,
}

impl<AccountId: PartialEq> AuditEntry<AccountId> {
	/// The accounts the entry names (`from`, `to`, `authorized_by`), each once: the ones its
	/// record's account index lists it under. Accounts in the detail are not indexed.
	pub fn accounts(&self) -> Vec<&AccountId> {
		let mut accounts: Vec<&AccountId> = Vec::with_capacity(3);
		let named = [
			self.from.as_ref(),
			self.to.as_ref(),
			self.authorized_by.account(),
		];
		for who in named.into_iter().flatten() {
			if !accounts.contains(&who) {
				accounts.push(who);
			}
		}
		accounts
	}
}

impl<AccountId> AuditEntry<AccountId> {
	/// The same entry with its accounts in another type of the same encoding, e.g. a
	/// runtime's `AccountId32` as the 32 bytes a verifier reads.
	pub fn map_accounts<Other>(self, into: impl Fn(AccountId) -> Other) -> AuditEntry<Other> {
		AuditEntry {
			kind: self.kind,
			subject: self.subject,
			from: self.from.map(&into),
			to: self.to.map(&into),
			authorized_by: self.authorized_by.map(&into),
			reason: self.reason,
			evidence: self.evidence,
			detail: self.detail.map_accounts(&into),
		}
	}
}

impl<AccountId, BlockNumber> AuditRecord<AccountId, BlockNumber> {
	/// The same record with its accounts in another type of the same encoding.
	pub fn map_accounts<Other>(
		self,
		into: impl Fn(AccountId) -> Other,
	) -> AuditRecord<Other, BlockNumber> {
		AuditRecord {
			seq: self.seq,
			block: self.block,
			timestamp: self.timestamp,
			extrinsic: self.extrinsic,
			entry: self.entry.map_accounts(into),
			prev: self.prev,
		}
	}
}

/// The end of the log, as the chain keeps it in `Audit::Head`.
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

/// A record together with its own hash, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct HashedRecord<AccountId, BlockNumber> {
	/// The record, its sequence number and previous hash included.
	pub record: AuditRecord<AccountId, BlockNumber>,
	/// SHA-256 of the record's SCALE encoding.
	pub hash: H256,
}

/// Why [`verify_chain`] rejected a record.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChainFault {
	/// The record's `prev` is not the hash of the record before it.
	#[codec(index = 0)]
	BrokenLink,
	/// The record's sequence number does not follow the one before it.
	#[codec(index = 1)]
	SeqGap,
	/// The hash given with the record is not the hash of the record.
	#[codec(index = 2)]
	HashMismatch,
	/// The records end at another hash than the one they were exported with.
	#[codec(index = 3)]
	LastHashMismatch,
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> H256 {
	H256(Sha256::digest(bytes).into())
}

/// SHA-256 of a record's SCALE encoding, computed in plain Rust so that any verifier can run
/// it. The runtime computes the same digest through the `sp_io` host function.
pub fn record_hash<AccountId: Encode, BlockNumber: Encode>(
	record: &AuditRecord<AccountId, BlockNumber>,
) -> H256 {
	sha256(&record.encode())
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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_kind_the_codec_knows_is_listed_named_and_in_index_order() {
		// A variant added without a place in `ALL` and a name fails here: every byte that
		// decodes as a kind must be in `ALL`, at its own index, with a name of its own.
		let decodable: Vec<AuditKind> = (0..=u8::MAX)
			.filter_map(|byte| AuditKind::decode(&mut &[byte][..]).ok())
			.collect();
		assert_eq!(decodable.as_slice(), AuditKind::ALL.as_slice());
		for (index, kind) in AuditKind::ALL.iter().enumerate() {
			assert_eq!(kind.encode(), [index as u8]);
			assert_eq!(AuditKind::from_name(kind.name()), Some(*kind));
		}
	}

	#[test]
	fn subjects_encode_their_index_then_their_numbers() {
		assert_eq!(Subject::Collection(1).encode(), [0, 1, 0, 0, 0]);
		assert_eq!(Subject::Item(1, 2).encode(), [1, 1, 0, 0, 0, 2, 0, 0, 0]);
		assert_eq!(Subject::Work(3).encode()[..2], [2, 3]);
		assert_eq!(Subject::RightsUnit(4).encode()[..2], [3, 4]);
		assert_eq!(Subject::Licence(5).encode()[..2], [4, 5]);
		let decodable = (0..=u8::MAX)
			.filter(|byte| Subject::decode(&mut &[*byte, 0, 0, 0, 0, 0, 0, 0, 0][..]).is_ok())
			.count();
		assert_eq!(
			decodable, 12,
			"a new subject needs a case above and in every match"
		);
	}

	#[test]
	fn every_detail_and_authority_has_its_own_index() {
		// A detail is its index then its fields; count the indices that start a decodable
		// detail when followed by enough zero bytes for any variant's fields.
		let decodable = |decode: fn(&[u8]) -> bool| {
			(0..=u8::MAX)
				.filter(|byte| {
					let mut bytes = alloc::vec![*byte];
					bytes.resize(256, 0);
					decode(&bytes)
				})
				.count()
		};
		assert_eq!(
			decodable(|bytes| Detail::<[u8; 32]>::decode(&mut &bytes[..]).is_ok()),
			15,
			"a new detail needs a case in `map_accounts` and in the node's JSON"
		);
		assert_eq!(
			decodable(|bytes| AuthorizedBy::<[u8; 32]>::decode(&mut &bytes[..]).is_ok()),
			3
		);
		assert_eq!(Detail::<[u8; 32]>::None.encode(), [0]);
		assert_eq!(AuthorizedBy::Account([7u8; 32]).encode()[..2], [0, 7]);
		assert_eq!(AuthorizedBy::<[u8; 32]>::Consortium.encode(), [1]);
		assert_eq!(AuthorizedBy::<[u8; 32]>::Genesis.encode(), [2]);
	}

	#[test]
	fn details_are_json_tagged_by_type_with_hashes_in_hex() {
		let detail: Detail<u8> = Detail::Document {
			sha256: H256::repeat_byte(0xab),
			version: 2,
		};
		let json = serde_json::to_value(&detail).unwrap();
		assert_eq!(json["type"], "document");
		assert_eq!(json["version"], 2);
		assert_eq!(json["sha256"], alloc::format!("0x{}", "ab".repeat(32)));
		assert_eq!(serde_json::from_value::<Detail<u8>>(json).unwrap(), detail);
		for text in [&b"Members"[..], b"0x12", b"\xff\x00", b""] {
			let note: Detail<u8> = Detail::Note {
				note: bounded_collections::BoundedVec::truncate_from(text.to_vec()),
			};
			let json = serde_json::to_value(&note).unwrap();
			assert_eq!(
				serde_json::from_value::<Detail<u8>>(json.clone()).unwrap(),
				note
			);
			if text == b"Members" {
				assert_eq!(json["note"], "Members");
			} else if !text.is_empty() {
				assert!(json["note"].as_str().unwrap().starts_with("0x"), "{json}");
			}
		}
		let limit: Detail<u8> = Detail::RateLimit {
			role: Role::Creator,
			limit: None,
		};
		assert_eq!(
			serde_json::to_value(&limit).unwrap(),
			serde_json::json!({"type": "rateLimit", "role": "Creator", "limit": null})
		);
	}

	fn record(seq: u64, prev: H256) -> AuditRecord<[u8; 32], u32> {
		AuditRecord {
			seq,
			block: 7,
			timestamp: 1_700_000_000_000,
			extrinsic: Some(1),
			entry: AuditEntry {
				kind: AuditKind::Transferred,
				subject: Subject::Item(0, 3),
				from: Some([1; 32]),
				to: Some([2; 32]),
				authorized_by: AuthorizedBy::Account([1; 32]),
				reason: 0,
				evidence: None,
				detail: Detail::None,
			},
			prev,
		}
	}

	#[test]
	fn the_encoding_is_the_fields_in_order() {
		let encoded = record(5, H256::repeat_byte(0x11)).encode();
		// seq 8, block 4, timestamp 8, Some(1) 5, kind 1, subject 1+4+4, from 33, to 33,
		// by 1+32, reason 2, evidence 1, detail 1, prev 32.
		assert_eq!(
			encoded.len(),
			8 + 4 + 8 + 5 + 1 + 9 + 33 + 33 + 33 + 2 + 1 + 1 + 32
		);
		assert_eq!(encoded[..8], 5u64.to_le_bytes());
		assert_eq!(encoded[12..20], 1_700_000_000_000u64.to_le_bytes());
		assert_eq!(encoded[25], 2, "the kind's index");
		assert_eq!(encoded[encoded.len() - 32..], [0x11; 32]);
	}

	#[test]
	fn a_chain_verifies_and_a_changed_record_breaks_it() {
		let first = record(0, H256::zero());
		let second = record(1, record_hash(&first));
		let hashed: Vec<_> = [first, second]
			.into_iter()
			.map(|record| HashedRecord {
				hash: record_hash(&record),
				record,
			})
			.collect();
		assert_eq!(verify_chain(H256::zero(), &hashed), Ok(hashed[1].hash));
		let mut changed = hashed.clone();
		changed[0].record.entry.reason = 1;
		assert_eq!(
			verify_chain(H256::zero(), &changed),
			Err((0, ChainFault::HashMismatch))
		);
		let mut gap = hashed;
		gap[1].record.seq = 2;
		gap[1].hash = record_hash(&gap[1].record);
		assert_eq!(
			verify_chain(H256::zero(), &gap),
			Err((1, ChainFault::SeqGap))
		);
	}
}
