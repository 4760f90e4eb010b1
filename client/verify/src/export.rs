//! Audit exports that prove themselves: the records of a block range, with a storage proof
//! and a GRANDPA justification that tie them to the chain.
//!
//! ## What a proven export proves
//!
//! The records link by hash ([`verify_export`]), so one genuine record vouches for every
//! record before it. The proof is anchored at a finalized block at or after the range's last
//! block: its header, the justification of the authority set that finalized it, and the trie
//! nodes from its state root to these entries:
//!
//! - `Audit::Records(last)`, the export's last record: the chain's own bytes, so an altered,
//!   reordered or wholly fabricated export (however consistent its hashes) does not match;
//! - `Audit::Records(first - 1)`, the record before the first: its hash is the export's
//!   `prevHash` and its block is before the range, so nothing was left out at the start;
//! - `Audit::Records(last + 1)`, the record after the last: its block is after the range, so
//!   nothing was cut off at the end; or, when there is none, `Audit::Head`, whose last hash is
//!   the export's.
//!
//! Records are never rewritten, so a later block's state proves an earlier block's records.
//! As with certificates, a proof is only as good as the authority set it is checked against:
//! pin it with the consortium's published GRANDPA keys ([`TrustedAuthorities`]).

use codec::{DecodeAll, Encode};
use polkadot_sdk::sp_core::crypto::{AccountId32, Ss58Codec};
use registry_rpc_types::{record::ChainHead, time, AuditExport, AuditRecord, ChainRecord};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
	certificate::{check_anchor, Proof, Trust, TrustedAuthorities},
	hex0x, keys,
	state::ProvenState,
	unhex,
};

/// What [`ProvenExport::format`] says.
pub const FORMAT: &str = "registry-audit-export";

/// The export format version this crate makes and reads.
pub const VERSION: u32 = 1;

/// An audit export with the proof that ties it to the chain. See the
/// [module docs](self).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProvenExport {
	/// Always [`FORMAT`].
	pub format: String,
	/// The format's version, [`VERSION`].
	pub version: u32,
	/// The records and their hashes, as `audit_export` answers.
	#[serde(flatten)]
	pub export: AuditExport,
	/// The proof, anchored at a justified block at or after `toBlock`.
	pub proof: Proof,
}

/// What a verified export showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportVerified {
	/// How many records, and the first and last sequence numbers when there are any.
	pub records: usize,
	pub first_seq: Option<u64>,
	pub last_seq: Option<u64>,
	/// The block the proof is anchored at.
	pub block_number: u32,
	pub block_hash: [u8; 32],
	/// Whether the export ends at the log's head as of that block.
	pub ends_at_head: bool,
	/// The weight that signed, and the weight finality needs.
	pub signed_weight: u64,
	pub threshold: u64,
	/// Whether the authority set was pinned.
	pub trust: Trust,
}

/// Checks a proven export with no node: the records' chain ([`verify_export`]), their blocks,
/// the proof's block (final under the trusted set when one is given), and the proven records
/// at both ends and after the last (see the [module docs](self)). Returns a sentence saying
/// what failed.
pub fn verify_proven_export(
	file: &ProvenExport,
	trusted: Option<&TrustedAuthorities>,
) -> Result<ExportVerified, String> {
	if file.format != FORMAT {
		return Err(format!(
			"this is not a proven audit export: its format is {:?}",
			file.format
		));
	}
	if file.version != VERSION {
		return Err(format!(
			"this verifier reads version {VERSION} exports; this one is version {}",
			file.version
		));
	}
	let export = &file.export;
	verify_export(export)?;
	if let Some(record) = export
		.records
		.iter()
		.find(|r| r.block < export.from_block || r.block > export.to_block)
	{
		return Err(format!(
			"record {} is of block {}, outside the export's blocks {} to {}",
			record.seq, record.block, export.from_block, export.to_block
		));
	}
	let start = export.start_seq;
	if let Some(first) = export.records.first() {
		if first.seq != start {
			return Err(format!(
				"the export says it starts at record {start}, but its first record is {}",
				first.seq
			));
		}
	}
	let end = start
		.checked_add(export.records.len() as u64)
		.ok_or("the export's record numbers overflow")?;

	let anchor = check_anchor(&file.proof, trusted).map_err(|e| format!("the proof: {e}"))?;
	let at = anchor.header.number;
	if at < export.to_block {
		return Err(format!(
			"the proof is of block #{at}, before the export's last block #{}: it cannot show \
			 that no record of the range is missing",
			export.to_block
		));
	}
	let state = &anchor.state;
	for (i, entry) in file.proof.storage.iter().enumerate() {
		let key = unhex(&entry.key).map_err(|e| format!("proof.storage[{i}].key {e}"))?;
		let proven = read(state, &key)?.map(|value| hex0x(&value));
		if proven.as_deref() != entry.value.as_deref().map(str::to_lowercase).as_deref() {
			return Err(format!(
				"the proof lists {} at key {} as {}, but its trie nodes give {}",
				entry.entry,
				entry.key,
				entry.value.as_deref().unwrap_or("none"),
				proven.as_deref().unwrap_or("none")
			));
		}
	}

	let zero = format!("0x{}", "00".repeat(32));
	match start.checked_sub(1) {
		None if export.prev_hash.to_lowercase() != zero => {
			return Err(format!(
				"the export starts at record 0 but names {} as the hash before it",
				export.prev_hash
			))
		}
		None => {}
		Some(before) => {
			let record = proven_record(state, before, at)?;
			if sha256_hex(&record) != export.prev_hash.to_lowercase() {
				return Err(format!(
					"the export's prevHash {} is not the hash of record {before} on the chain, \
					 {}: the records are not the chain's",
					export.prev_hash,
					sha256_hex(&record)
				));
			}
			let block = record_block(&record, before)?;
			if block >= export.from_block {
				return Err(format!(
					"record {before} is of block {block}, inside the export's blocks {} to {}, \
					 and the export leaves it out",
					export.from_block, export.to_block
				));
			}
		}
	}

	let head = read(state, &keys::audit_head())?;
	let (next_seq, last_hash) = match &head {
		Some(value) => {
			let head = ChainHead::<u32>::decode_all(&mut &value[..])
				.map_err(|e| format!("the proven Audit::Head does not decode: {e}"))?;
			(head.next_seq, head.last_hash.0)
		}
		None => (0, [0u8; 32]),
	};
	// Cut short at the end: the record after the last is of the range.
	let next = read_record(state, end)?;
	if let Some(record) = &next {
		let block = record_block(record, end)?;
		if block <= export.to_block {
			return Err(format!(
				"record {end} is of block {block}, inside the export's blocks {} to {}, and \
				 the export leaves it out: it was cut short",
				export.from_block, export.to_block
			));
		}
	}
	if let Some(last) = export.records.last() {
		let record = proven_record(state, last.seq, at)?;
		if sha256_hex(&record) != last.hash.to_lowercase() {
			return Err(format!(
				"record {} is not the chain's: the chain's record {} hashes to {}, the export's \
				 to {}; the export was altered or made up",
				last.seq,
				last.seq,
				sha256_hex(&record),
				last.hash
			));
		}
	}

	let ends_at_head = match next {
		Some(_) => false,
		None if next_seq != end => {
			return Err(format!(
				"at block #{at} the log's next record is {next_seq}, but the export ends before \
				 record {end} and the proof does not hold it"
			))
		}
		None => {
			if hex0x(&last_hash) != export.last_hash.to_lowercase() {
				return Err(format!(
					"at block #{at} the log ends at {}, not at the export's lastHash {}",
					hex0x(&last_hash),
					export.last_hash
				));
			}
			true
		}
	};

	Ok(ExportVerified {
		records: export.records.len(),
		first_seq: export.records.first().map(|r| r.seq),
		last_seq: export.records.last().map(|r| r.seq),
		block_number: at,
		block_hash: anchor.block_hash,
		ends_at_head,
		signed_weight: anchor.finality.signed,
		threshold: anchor.finality.needed,
		trust: anchor.trust,
	})
}

/// The value at `key` in the proven state, as a sentence on failure.
fn read(state: &ProvenState, key: &[u8]) -> Result<Option<Vec<u8>>, String> {
	state.read(key).map_err(|e| format!("the proof: {e}"))
}

/// The proven bytes of record `seq`, if the chain holds it.
fn read_record(state: &ProvenState, seq: u64) -> Result<Option<Vec<u8>>, String> {
	state.read(&keys::audit_record(seq)).map_err(|e| {
		format!(
			"the proof does not reach record {seq}, which the export must be checked against \
			 ({e}): the export and its proof do not belong together"
		)
	})
}

/// The proven bytes of record `seq`, which must exist.
fn proven_record(state: &ProvenState, seq: u64, at: u32) -> Result<Vec<u8>, String> {
	read_record(state, seq)?
		.ok_or_else(|| format!("the chain holds no record {seq} at block #{at}"))
}

/// The block of a record from its SCALE bytes.
fn record_block(record: &[u8], seq: u64) -> Result<u32, String> {
	let record = ChainRecord::decode_all(&mut &record[..])
		.map_err(|e| format!("the chain's record {seq} does not decode: {e}"))?;
	Ok(record.block)
}

fn sha256_hex(bytes: &[u8]) -> String {
	hex0x(&Sha256::digest(bytes))
}

fn account(name: &str, text: &str) -> Result<[u8; 32], String> {
	AccountId32::from_ss58check(text)
		.map(Into::into)
		.map_err(|e| format!("{name} is not an SS58 address ({e:?}): {text}"))
}

/// The SCALE encoding of a record's fields, as the chain hashes it: the record's own type
/// ([`registry_rpc_types::record::AuditRecord`]) read from the JSON fields and encoded.
pub fn encode_record(record: &AuditRecord) -> Result<Vec<u8>, String> {
	Ok(chain_record(record)?.encode())
}

/// The record a JSON record's fields describe.
fn chain_record(record: &AuditRecord) -> Result<ChainRecord, String> {
	record
		.record(account)
		.map_err(|e| format!("record {}: {e}", record.seq))
}

/// Checks an export with no node: each record's fields encode to its `encoded` bytes, whose
/// SHA-256 is its `hash`; each record links to the one before through `prevHash`, the first
/// to the export's `prevHash`; and the last hash is the export's `lastHash`. The error names
/// the first record that fails and why.
pub fn verify_export(export: &AuditExport) -> Result<(), String> {
	let prev = verify_linked(&export.records, &export.prev_hash)?;
	if prev != export.last_hash.to_lowercase() {
		return Err(format!(
			"the records end at {prev}, not at the export's lastHash {}",
			export.last_hash
		));
	}
	Ok(())
}

/// Checks that `records` are well formed and link by hash, the first to `prev_hash`;
/// returns the last one's hash (`prev_hash` when there are none), in lower case.
fn verify_linked(records: &[AuditRecord], prev_hash: &str) -> Result<String, String> {
	let mut prev = prev_hash.to_lowercase();
	let mut expected_seq = None;
	for record in records {
		let at = format!("record {}", record.seq);
		if let Some(seq) = expected_seq {
			if record.seq != seq {
				return Err(format!(
					"{at} follows record {}: a record is missing",
					seq - 1
				));
			}
		}
		expected_seq = Some(record.seq + 1);
		if record.prev_hash.to_lowercase() != prev {
			return Err(format!(
				"{at} does not link to the record before it: its prevHash is {}, not {prev}",
				record.prev_hash
			));
		}
		let encoded =
			unhex(&record.encoded).map_err(|e| format!("{at}: its encoded bytes: {e}"))?;
		let decoded = ChainRecord::decode_all(&mut &encoded[..])
			.map_err(|e| format!("{at}: its encoded bytes are not a record ({e})"))?;
		if chain_record(record)? != decoded || record.time != time(decoded.timestamp) {
			return Err(format!("{at}: its fields do not match its encoded bytes"));
		}
		let hash = hex0x(&Sha256::digest(&encoded));
		if hash != record.hash.to_lowercase() {
			return Err(format!(
				"{at}: its hash is not the SHA-256 of its encoded bytes"
			));
		}
		prev = hash;
	}
	Ok(prev)
}

/// What a verified stretch of the log showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StretchVerified {
	/// The finalized block the proof is anchored at.
	pub block_number: u32,
	pub block_hash: [u8; 32],
	/// The sequence number after the stretch's last record.
	pub next_seq: u64,
	/// The stretch's last hash, in lower case.
	pub last_hash: String,
	/// The log's head at the proof's block (its next sequence number and last hash, in lower
	/// case), when the proof holds `Audit::Head`.
	pub head: Option<(u64, String)>,
	/// Whether the authority set was pinned.
	pub trust: Trust,
}

/// Checks a stretch of the log that continues one already verified, as a warehouse takes
/// it in: the records start at `next_seq` and link by hash from `prev_hash` (the last hash
/// verified before), and the last one is the chain's own record, read from the state of a
/// finalized block by `proof` (`Audit::Records(last)`), with every record of a block at or
/// before it. One genuine record vouches for every record before it, so the whole stretch is
/// the chain's. An empty stretch passes with the proof's block.
pub fn verify_stretch(
	records: &[AuditRecord],
	next_seq: u64,
	prev_hash: &str,
	proof: &Proof,
	trusted: Option<&TrustedAuthorities>,
) -> Result<StretchVerified, String> {
	if let Some(first) = records.first() {
		if first.seq != next_seq {
			return Err(format!(
				"the node sent record {} where record {next_seq} was due",
				first.seq
			));
		}
	}
	let last_hash = verify_linked(records, prev_hash)?;
	let anchor = check_anchor(proof, trusted).map_err(|e| format!("the proof: {e}"))?;
	let at = anchor.header.number;
	if let Some(record) = records.iter().find(|r| r.block > at) {
		return Err(format!(
			"record {} is of block {}, after the proof's finalized block #{at}",
			record.seq, record.block
		));
	}
	if let Some(last) = records.last() {
		let chain = proven_record(&anchor.state, last.seq, at)?;
		if sha256_hex(&chain) != last.hash.to_lowercase() {
			return Err(format!(
				"record {} is not the chain's: the chain's record {} hashes to {}, the node's \
				 to {}; the node altered or made up the records up to it",
				last.seq,
				last.seq,
				sha256_hex(&chain),
				last.hash
			));
		}
	}
	// A proof without the head cannot read it: that is no failure, only no head.
	let head = match anchor.state.read(&keys::audit_head()) {
		Ok(Some(value)) => {
			let head = ChainHead::<u32>::decode_all(&mut &value[..])
				.map_err(|e| format!("the proven Audit::Head does not decode: {e}"))?;
			Some((head.next_seq, hex0x(&head.last_hash.0)))
		}
		Ok(None) => Some((0, hex0x(&[0u8; 32]))),
		Err(_) => None,
	};
	Ok(StretchVerified {
		block_number: at,
		block_hash: anchor.block_hash,
		next_seq: next_seq + records.len() as u64,
		last_hash,
		head,
		trust: anchor.trust,
	})
}

#[cfg(test)]
mod record_tests {
	use super::*;
	use registry_rpc_types::{AuditHead, Subject};

	const ALICE: &str = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
	const BOB: &str = "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E";

	fn record(seq: u64, prev: &str) -> AuditRecord {
		let mut record = AuditRecord {
			seq,
			block: 7 + seq as u32,
			timestamp: 1_767_225_600_000 + seq * 6_000,
			time: time(1_767_225_600_000 + seq * 6_000),
			extrinsic: Some(1),
			kind: "transferred".into(),
			subject: Subject::Item {
				collection: 0,
				item: 3,
			},
			from: Some(ALICE.into()),
			to: Some(BOB.into()),
			authorized_by: ALICE.into(),
			reason: 0,
			evidence: None,
			detail: registry_rpc_types::record::Detail::None,
			prev_hash: prev.into(),
			hash: String::new(),
			encoded: String::new(),
		};
		let encoded = encode_record(&record).unwrap();
		record.hash = hex0x(&Sha256::digest(&encoded));
		record.encoded = hex0x(&encoded);
		record
	}

	fn export(count: u64) -> AuditExport {
		let first_prev = format!("0x{}", "11".repeat(32));
		let mut records = Vec::new();
		let mut prev = first_prev.clone();
		for seq in 5..5 + count {
			let next = record(seq, &prev);
			prev = next.hash.clone();
			records.push(next);
		}
		AuditExport {
			from_block: 0,
			to_block: 100,
			start_seq: 5,
			records,
			prev_hash: first_prev,
			last_hash: prev.clone(),
			at_block: 100,
			at_block_hash: format!("0x{}", "22".repeat(32)),
			head: AuditHead {
				next_seq: 5 + count,
				last_hash: prev,
				last_block: 20,
			},
			next_cursor: None,
		}
	}

	#[test]
	fn a_record_encodes_as_the_chain_defines_it() {
		let json = record(5, &format!("0x{}", "11".repeat(32)));
		let encoded = encode_record(&json).unwrap();
		let chain = ChainRecord::decode_all(&mut &encoded[..]).unwrap();
		assert_eq!(chain.seq, 5);
		assert_eq!(chain.timestamp, json.timestamp);
		assert_eq!(
			AuditRecord::of(&chain, |a| AccountId32::new(*a).to_ss58check()),
			json
		);
	}

	#[test]
	fn a_changed_time_is_caught() {
		let mut tampered = export(2);
		tampered.records[0].time = time(0);
		let error = verify_export(&tampered).unwrap_err();
		assert!(error.contains("its fields do not match"), "{error}");
	}

	#[test]
	fn an_honest_export_verifies() {
		assert_eq!(verify_export(&export(4)), Ok(()));
		assert_eq!(verify_export(&export(0)), Ok(()));
	}

	#[test]
	fn a_changed_field_is_caught_even_with_its_bytes_untouched() {
		let mut tampered = export(3);
		tampered.records[1].to = Some(ALICE.into());
		let error = verify_export(&tampered).unwrap_err();
		assert!(
			error.contains("record 6: its fields do not match"),
			"{error}"
		);
	}

	#[test]
	fn changed_bytes_break_the_hash() {
		let mut tampered = export(3);
		tampered.records[1].reason = 9;
		let mut encoded = encode_record(&tampered.records[1]).unwrap();
		tampered.records[1].encoded = hex0x(&encoded);
		assert!(verify_export(&tampered)
			.unwrap_err()
			.contains("record 6: its hash is not the SHA-256"));
		// Rehashing the record breaks the link to the next one instead.
		encoded = encode_record(&tampered.records[1]).unwrap();
		tampered.records[1].hash = hex0x(&Sha256::digest(&encoded));
		assert!(verify_export(&tampered)
			.unwrap_err()
			.contains("record 7 does not link"));
	}

	#[test]
	fn a_dropped_or_reordered_record_is_caught() {
		let mut dropped = export(4);
		dropped.records.remove(2);
		assert!(verify_export(&dropped)
			.unwrap_err()
			.contains("record 8 follows record 6"));
		let mut swapped = export(4);
		swapped.records.swap(1, 2);
		assert!(verify_export(&swapped).is_err());
		let mut cut = export(4);
		cut.records.pop();
		assert!(verify_export(&cut)
			.unwrap_err()
			.contains("not at the export's lastHash"));
	}
}

#[cfg(test)]
mod proof_tests {
	use super::*;
	use crate::{
		certificate::{Justified, Proven, StorageEntry},
		fixture::{headers, honest_votes, justification, read_proof, validators, SET_ID},
	};
	use codec::Encode;
	use polkadot_sdk::sp_core::Pair;
	use registry_rpc_types::{record, AuditHead, Subject};

	const ALICE: &str = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

	fn zero() -> String {
		hex0x(&[0u8; 32])
	}

	/// Re-encodes and re-hashes `records` from `from` on, each linked to the one before.
	fn rehash(records: &mut [AuditRecord], from: usize) {
		for i in from..records.len() {
			if i > 0 {
				records[i].prev_hash = records[i - 1].hash.clone();
			}
			let encoded = encode_record(&records[i]).expect("a record");
			records[i].encoded = hex0x(&encoded);
			records[i].hash = sha256_hex(&encoded);
		}
	}

	/// Six records, two a block from block 2: a whole log.
	fn log() -> Vec<AuditRecord> {
		let mut records: Vec<AuditRecord> = (0..6u64)
			.map(|seq| AuditRecord {
				seq,
				block: 2 + (seq / 2) as u32,
				timestamp: 1_767_225_600_000 + seq * 3_000,
				time: time(1_767_225_600_000 + seq * 3_000),
				extrinsic: Some(1),
				kind: "minted".into(),
				subject: Subject::Item {
					collection: 0,
					item: seq as u32,
				},
				from: None,
				to: Some(ALICE.into()),
				authorized_by: ALICE.into(),
				reason: 0,
				evidence: None,
				detail: record::Detail::Content {
					sha256: record::H256::repeat_byte(seq as u8),
				},
				prev_hash: zero(),
				hash: String::new(),
				encoded: String::new(),
			})
			.collect();
		rehash(&mut records, 0);
		records
	}

	/// The honest export of blocks `from..=to` of [`log`], proven at the fixture's block 9.
	fn proven(from: u32, to: u32) -> ProvenExport {
		let log = log();
		let start = log.iter().take_while(|r| r.block < from).count() as u64;
		let records: Vec<AuditRecord> = log
			.iter()
			.filter(|r| r.block >= from && r.block <= to)
			.cloned()
			.collect();
		proven_of(from, to, start, records)
	}

	/// An export of blocks `from..=to` made of `records` from `start`, with the proof a node
	/// gives for them: honest or not, the proof holds the entries its check reads.
	fn proven_of(from: u32, to: u32, start: u64, records: Vec<AuditRecord>) -> ProvenExport {
		let log = log();
		let end = start + records.len() as u64;
		let last_hash: [u8; 32] = unhex(&log[5].hash).unwrap().try_into().unwrap();
		let mut state: Vec<(Vec<u8>, Vec<u8>)> = log
			.iter()
			.map(|r| (keys::audit_record(r.seq), unhex(&r.encoded).unwrap()))
			.collect();
		state.push((keys::audit_head(), (6u64, last_hash, 4u32, 3u64).encode()));
		state.push((b"elsewhere".to_vec(), vec![1; 40]));

		let mut keys = vec![keys::audit_head()];
		if start > 0 {
			keys.push(keys::audit_record(start - 1));
		}
		if end > start {
			keys.push(keys::audit_record(end - 1));
		}
		keys.push(keys::audit_record(end));
		let (root, nodes) = read_proof(&state, &keys);
		let (header, child) = headers(root);
		let signers = validators();
		let justified = Justified {
			hash: header.hash(),
			justification: justification(&header, &child, &signers, &honest_votes(), SET_ID),
			header,
		};
		let storage = keys
			.iter()
			.map(|key| StorageEntry {
				entry: "Audit".into(),
				key: hex0x(key),
				value: state.iter().find(|(k, _)| k == key).map(|(_, v)| hex0x(v)),
			})
			.collect();
		let proof = Proven {
			set_id: SET_ID,
			authorities: signers.iter().map(|pair| (pair.public().0, 1)).collect(),
			trie_nodes: nodes,
		}
		.proof(&justified, storage);
		let prev_hash = start
			.checked_sub(1)
			.map_or_else(zero, |before| log[before as usize].hash.clone());
		let last = records.last().map_or(prev_hash.clone(), |r| r.hash.clone());
		ProvenExport {
			format: FORMAT.into(),
			version: VERSION,
			export: AuditExport {
				from_block: from,
				to_block: to,
				start_seq: start,
				records,
				prev_hash,
				last_hash: last,
				at_block: 9,
				at_block_hash: proof.block_hash.clone(),
				head: AuditHead {
					next_seq: 6,
					last_hash: hex0x(&last_hash),
					last_block: 4,
				},
				next_cursor: None,
			},
			proof,
		}
	}

	fn refused(file: &ProvenExport) -> String {
		let trusted = crate::fixture::trusted();
		verify_proven_export(file, Some(&trusted)).expect_err("refused")
	}

	#[test]
	fn honest_exports_verify_whole_in_part_and_empty() {
		let trusted = crate::fixture::trusted();
		let whole = verify_proven_export(&proven(0, 9), Some(&trusted)).unwrap();
		assert_eq!((whole.first_seq, whole.last_seq), (Some(0), Some(5)));
		assert!(whole.ends_at_head);
		assert!(matches!(whole.trust, Trust::Pinned { set_id: SET_ID }));

		let middle = verify_proven_export(&proven(3, 3), Some(&trusted)).unwrap();
		assert_eq!((middle.first_seq, middle.last_seq), (Some(2), Some(3)));
		assert!(!middle.ends_at_head);

		let empty = verify_proven_export(&proven(5, 8), Some(&trusted)).unwrap();
		assert_eq!(empty.records, 0);
		assert!(empty.ends_at_head);
	}

	#[test]
	fn made_up_records_with_consistent_hashes_are_not_the_chains() {
		let mut file = proven(0, 9);
		file.export.records[3].reason = 9;
		rehash(&mut file.export.records, 3);
		file.export.last_hash = file.export.records[5].hash.clone();
		verify_export(&file.export).expect("the records agree with each other");
		let error = refused(&file);
		assert!(error.contains("record 5 is not the chain's"), "{error}");
	}

	#[test]
	fn records_left_out_at_either_end_are_found_missing() {
		let mut records = proven(3, 4).export.records;
		records.pop();
		let error = refused(&proven_of(3, 4, 2, records));
		assert!(
			error.contains("record 5 is of block 4, inside the export's blocks 3 to 4"),
			"{error}"
		);
		assert!(error.contains("cut short"), "{error}");

		let mut records = proven(3, 4).export.records;
		records.remove(0);
		let error = refused(&proven_of(3, 4, 3, records));
		assert!(
			error.contains("record 2 is of block 3, inside the export's blocks 3 to 4"),
			"{error}"
		);

		// An empty export of a range that holds records.
		let mut hidden = proven(5, 8);
		hidden.export.from_block = 4;
		let error = refused(&hidden);
		assert!(error.contains("the export leaves it out"), "{error}");

		// Cut after it was proven: the proof does not reach the record the cut needs.
		let mut cut = proven(3, 4);
		let first = cut.export.records.remove(0);
		cut.export.start_seq = first.seq + 1;
		cut.export.prev_hash = first.hash;
		let error = refused(&cut);
		assert!(error.contains("do not belong together"), "{error}");
	}

	#[test]
	fn the_proof_must_be_final_trusted_and_late_enough() {
		let file = proven(0, 9);
		let other = TrustedAuthorities::from_public_keys([[7u8; 32]]);
		let error = verify_proven_export(&file, Some(&other)).unwrap_err();
		assert!(error.contains("not the trusted one"), "{error}");

		let mut early = proven(0, 9);
		early.export.to_block = 10;
		let error = refused(&early);
		assert!(
			error.contains("the proof is of block #9, before"),
			"{error}"
		);

		let mut lied = proven(0, 9);
		lied.proof.storage[0].value = Some(hex0x(&[0u8; 8]));
		let error = refused(&lied);
		assert!(error.contains("its trie nodes give"), "{error}");

		let mut unsigned = proven(0, 9);
		unsigned.proof.justification = "0x00".into();
		let error = refused(&unsigned);
		assert!(error.starts_with("the proof:"), "{error}");

		let mut other_format = proven(0, 9);
		other_format.format = "registry-authorship-certificate".into();
		assert!(refused(&other_format).contains("not a proven audit export"));
	}

	#[test]
	fn an_export_file_reads_back_as_written() {
		let file = proven(3, 4);
		let text = serde_json::to_string(&file).unwrap();
		let back: ProvenExport = serde_json::from_str(&text).unwrap();
		assert_eq!(back, file);
		assert!(text.contains("\"format\":\"registry-audit-export\""));
	}
}
