//! Storage keys of the entries a certificate proves, computed without metadata so that the
//! verifier needs no node.
//!
//! A key is `twox128(pallet) ++ twox128(entry)` then each map key through its hasher, as the
//! pallets declare them: `Twox64Concat` for numbers the chain hands out, `Blake2_128Concat`
//! for values callers choose, `Identity` for the content hash in `ItemsByContent`.

use sp_crypto_hashing::{blake2_128, twox_128, twox_64};

/// `twox128(pallet) ++ twox128(entry)`.
fn entry_prefix(pallet: &str, entry: &str) -> Vec<u8> {
	let mut key = Vec::with_capacity(32 + 80);
	key.extend_from_slice(&twox_128(pallet.as_bytes()));
	key.extend_from_slice(&twox_128(entry.as_bytes()));
	key
}

fn twox64_concat(key: &mut Vec<u8>, part: &[u8]) {
	key.extend_from_slice(&twox_64(part));
	key.extend_from_slice(part);
}

fn blake2_128_concat(key: &mut Vec<u8>, part: &[u8]) {
	key.extend_from_slice(&blake2_128(part));
	key.extend_from_slice(part);
}

/// `Rights::WorkByContent(content)`.
pub fn work_by_content(content: &[u8; 32]) -> Vec<u8> {
	let mut key = entry_prefix("Rights", "WorkByContent");
	blake2_128_concat(&mut key, content);
	key
}

/// `Fingerprints::Sm3Of(content)`: the content's SM3 digest. `Identity`: the key is a digest.
pub fn sm3_of(content: &[u8; 32]) -> Vec<u8> {
	let mut key = entry_prefix("Fingerprints", "Sm3Of");
	key.extend_from_slice(content);
	key
}

/// `Rights::Works(work)`.
pub fn work(work: u64) -> Vec<u8> {
	let mut key = entry_prefix("Rights", "Works");
	twox64_concat(&mut key, &work.to_le_bytes());
	key
}

/// `Rights::MoralRights(work)`.
pub fn moral_rights(work: u64) -> Vec<u8> {
	let mut key = entry_prefix("Rights", "MoralRights");
	twox64_concat(&mut key, &work.to_le_bytes());
	key
}

/// The prefix of every `Rights::Attestations(work, _)`.
pub fn attestations_of(work: u64) -> Vec<u8> {
	let mut key = entry_prefix("Rights", "Attestations");
	twox64_concat(&mut key, &work.to_le_bytes());
	key
}

/// `Rights::Attestations(work, attester)`. The builder takes these keys from the node's
/// listing of the prefix, so that it misses none.
#[cfg(test)]
pub fn attestation(work: u64, attester: &[u8; 32]) -> Vec<u8> {
	let mut key = attestations_of(work);
	blake2_128_concat(&mut key, attester);
	key
}

/// The attester of an `Attestations(work, _)` key, if the key is one, hash included.
pub fn attester_in(key: &[u8], work: u64) -> Option<[u8; 32]> {
	let rest = key.strip_prefix(attestations_of(work).as_slice())?;
	let (hash, account) = rest.split_at_checked(16)?;
	let account: [u8; 32] = account.try_into().ok()?;
	(hash == blake2_128(&account)).then_some(account)
}

/// The prefix of every `Collectibles::ItemsByContent(content, _, _)`.
pub fn items_by_content_of(content: &[u8; 32]) -> Vec<u8> {
	let mut key = entry_prefix("Collectibles", "ItemsByContent");
	key.extend_from_slice(content);
	key
}

/// `Collectibles::ItemsByContent(content, collection, item)`.
pub fn item_by_content(content: &[u8; 32], collection: u32, item: u32) -> Vec<u8> {
	let mut key = items_by_content_of(content);
	blake2_128_concat(&mut key, &collection.to_le_bytes());
	blake2_128_concat(&mut key, &item.to_le_bytes());
	key
}

/// The `(collection, item)` of an `ItemsByContent(content, _, _)` key, if the key is one.
pub fn item_in(key: &[u8], content: &[u8; 32]) -> Option<(u32, u32)> {
	let rest = key.strip_prefix(items_by_content_of(content).as_slice())?;
	if rest.len() != 2 * (16 + 4) {
		return None;
	}
	let number = |at: usize| -> Option<u32> {
		let bytes: [u8; 4] = rest.get(at + 16..at + 20)?.try_into().ok()?;
		(rest.get(at..at + 16)? == blake2_128(&bytes)).then_some(u32::from_le_bytes(bytes))
	};
	Some((number(0)?, number(20)?))
}

/// `Collectibles::Items(collection, item)`.
pub fn item(collection: u32, item: u32) -> Vec<u8> {
	let mut key = entry_prefix("Collectibles", "Items");
	blake2_128_concat(&mut key, &collection.to_le_bytes());
	blake2_128_concat(&mut key, &item.to_le_bytes());
	key
}

/// `Audit::Head`.
pub fn audit_head() -> Vec<u8> {
	entry_prefix("Audit", "Head")
}

/// `Audit::Records(seq)`.
pub fn audit_record(seq: u64) -> Vec<u8> {
	let mut key = entry_prefix("Audit", "Records");
	twox64_concat(&mut key, &seq.to_le_bytes());
	key
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn prefixes_are_the_well_known_twox_hashes() {
		// `twox128("System") ++ twox128("Account")`, the best-known key of every chain.
		assert_eq!(
			crate::hex0x(&entry_prefix("System", "Account")),
			"0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
		);
	}

	#[test]
	fn map_keys_parse_back_and_forged_hashes_do_not() {
		let content = [7u8; 32];
		let key = item_by_content(&content, 3, 70_000);
		assert_eq!(item_in(&key, &content), Some((3, 70_000)));
		assert_eq!(item_in(&key, &[8u8; 32]), None);
		let mut forged = key.clone();
		let last = forged.len() - 5;
		forged[last] ^= 1;
		assert_eq!(item_in(&forged, &content), None);

		let attester = [9u8; 32];
		let key = attestation(5, &attester);
		assert_eq!(attester_in(&key, 5), Some(attester));
		assert_eq!(attester_in(&key, 6), None);
		assert_eq!(attester_in(&key[..key.len() - 1], 5), None);
	}
}
