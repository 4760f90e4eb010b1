//! The node's `registry_*` and `audit_*` methods where one answer takes several pages, and
//! the offline check of an audit export.
//!
//! Single calls go through [`RegistryClient::node`] with the traits generated from the node's
//! own definition ([`crate::RegistryApiClient`], [`crate::AuditRpcClient`]). A refusal comes
//! back as [`Error::Rpc`] with the node's sentence, e.g. "collection 3 has no item 9".

use sha2::{Digest, Sha256};
use subxt::utils::{AccountId32, H256};

use codec::{DecodeAll, Encode};
use registry_rpc_types::{
	api::{AuditRpcClient, RegistryApiClient},
	hex0x, time, unhex, AuditExport, AuditRecord, ChainRecord, ContentMatches, Rights,
};

use crate::{Error, RegistryClient};

impl RegistryClient {
	/// `registry_findByContentHash`: the collectibles and the work with this content, every
	/// page of collectibles joined.
	pub async fn find_by_content_hash(&self, content: H256) -> Result<ContentMatches, Error> {
		let node = self.node();
		let mut found = node
			.find_by_content_hash_page(hex0x(&content.0), None, None)
			.await?;
		// A content has at most one collectible per edition: a bounded number of pages.
		while let Some(cursor) = found.next_cursor.take() {
			let page = node
				.find_by_content_hash_page(hex0x(&content.0), None, Some(cursor))
				.await?;
			found.collectibles.extend(page.collectibles);
			found.next_cursor = page.next_cursor.filter(|next| *next != cursor);
		}
		Ok(found)
	}

	/// `registry_rightsOf`: a work's whole rights map, now or as of block `at_block`, every
	/// page joined and read at one block.
	pub async fn rights_of(&self, work: u64, at_block: Option<u32>) -> Result<Rights, Error> {
		let node = self.node();
		let mut map = node.rights_page(work, at_block, None, None).await?;
		// Later pages are read at the first page's block, so that the map is one snapshot.
		let at_block = Some(map.at_block);
		while let Some(cursor) = map.next_cursor.take() {
			let page = node.rights_page(work, at_block, None, Some(cursor)).await?;
			map.units.extend(page.units);
			map.licences.extend(page.licences);
			map.next_cursor = page.next_cursor.filter(|next| *next != cursor);
		}
		map.units.sort_by_key(|unit| unit.unit);
		map.licences.sort_by_key(|licence| licence.licence);
		Ok(map)
	}

	/// Every record of blocks `from` to `to`, following the export's cursor until the end;
	/// each part is checked with [`verify_export`] and must continue the one before.
	pub async fn audit_export_all(&self, from: u32, to: u32) -> Result<AuditExport, Error> {
		let node = self.node();
		let mut whole = node.audit_export(from, to, None, None).await?;
		verify_export(&whole).map_err(Error::Metadata)?;
		while let Some(cursor) = whole.next_cursor {
			let part = node.audit_export(from, to, Some(cursor), None).await?;
			verify_export(&part).map_err(Error::Metadata)?;
			if part.prev_hash != whole.last_hash {
				return Err(Error::Metadata(format!(
					"the export's part from record {cursor} does not continue the records before"
				)));
			}
			whole.records.extend(part.records);
			whole.last_hash = part.last_hash;
			whole.next_cursor = part.next_cursor;
		}
		Ok(whole)
	}
}

fn account(name: &str, text: &str) -> Result<[u8; 32], String> {
	text.parse::<AccountId32>()
		.map(|account| account.0)
		.map_err(|e| format!("{name} is not an SS58 address ({e}): {text}"))
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
	let mut prev = export.prev_hash.to_lowercase();
	let mut expected_seq = None;
	for record in &export.records {
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
		let hash = format!("0x{}", hex::encode(Sha256::digest(&encoded)));
		if hash != record.hash.to_lowercase() {
			return Err(format!(
				"{at}: its hash is not the SHA-256 of its encoded bytes"
			));
		}
		prev = hash;
	}
	if prev != export.last_hash.to_lowercase() {
		return Err(format!(
			"the records end at {prev}, not at the export's lastHash {}",
			export.last_hash
		));
	}
	Ok(())
}

#[cfg(test)]
mod tests {
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
		record.hash = format!("0x{}", hex::encode(Sha256::digest(&encoded)));
		record.encoded = format!("0x{}", hex::encode(encoded));
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
			AuditRecord::of(&chain, |a| AccountId32(*a).to_string()),
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
		tampered.records[1].encoded = format!("0x{}", hex::encode(&encoded));
		assert!(verify_export(&tampered)
			.unwrap_err()
			.contains("record 6: its hash is not the SHA-256"));
		// Rehashing the record breaks the link to the next one instead.
		encoded = encode_record(&tampered.records[1]).unwrap();
		tampered.records[1].hash = format!("0x{}", hex::encode(Sha256::digest(&encoded)));
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
