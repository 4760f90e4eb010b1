//! The check of a GRANDPA justification against an authority set, with no node.
//!
//! A justification is a commit of round `r`: precommits for the block or its descendants,
//! each an ed25519 signature over `(Message::Precommit(precommit), r, set_id)`, and the
//! headers linking every precommit's target back to the block. The block is final once the
//! distinct signers of valid precommits weigh more than two thirds of the set.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use codec::DecodeAll;
use ed25519_dalek::{Signature, VerifyingKey};

use crate::{
	error::VerifyError,
	header::{Hash, Header, Justification},
	hex0x,
};

/// How much of the set signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finality {
	/// The weight of the distinct signers of valid precommits.
	pub signed: u64,
	/// The weight finality needs.
	pub needed: u64,
}

/// The weight a commit needs from a set weighing `total`: more than two thirds,
/// `total - floor((total - 1) / 3)`, as GRANDPA counts it.
pub fn threshold(total: u64) -> u64 {
	total - total.saturating_sub(1) / 3
}

/// Checks that `justification` finalizes `header`, whose hash is `hash`, under set `set_id`
/// made of `authorities` (ed25519 keys and weights, each key once).
pub fn check(
	header: &Header,
	hash: Hash,
	justification: &[u8],
	set_id: u64,
	authorities: &BTreeMap<[u8; 32], u64>,
) -> Result<Finality, VerifyError> {
	let justification =
		Justification::decode_all(&mut &justification[..]).map_err(|e| VerifyError::Malformed {
			field: "proof.justification".into(),
			reason: format!("it does not decode as a GRANDPA justification: {e}"),
		})?;
	let commit = &justification.commit;
	if commit.target_hash != hash || commit.target_number != header.number {
		return Err(VerifyError::WrongTarget {
			number: commit.target_number,
			hash: hex0x(&commit.target_hash),
		});
	}
	let total = authorities
		.values()
		.try_fold(0u64, |sum, weight| sum.checked_add(*weight))
		.ok_or_else(|| VerifyError::Malformed {
			field: "proof.authorities".into(),
			reason: "their weights add up to more than 2^64".into(),
		})?;
	if total == 0 {
		return Err(VerifyError::Malformed {
			field: "proof.authorities".into(),
			reason: "the set has no weight".into(),
		});
	}
	// Headers are looked up by the hash they have, never by one they claim.
	let ancestry: HashMap<Hash, &Header> = justification
		.votes_ancestries
		.iter()
		.map(|header| (header.hash(), header))
		.collect();

	let mut signers = BTreeSet::new();
	let mut signed = 0u64;
	for precommit in &commit.precommits {
		let key = precommit.id;
		let signer = hex0x(&key);
		let weight = *authorities
			.get(&key)
			.ok_or_else(|| VerifyError::UnknownSigner {
				signer: signer.clone(),
				set_id,
			})?;
		// A signature for the previous set id is not good enough: the set signs with its own.
		let payload = precommit.signed_payload(justification.round, set_id);
		let valid = VerifyingKey::from_bytes(&key).is_ok_and(|public| {
			public
				.verify_strict(&payload, &Signature::from_bytes(&precommit.signature))
				.is_ok()
		});
		if !valid {
			return Err(VerifyError::BadSignature {
				signer,
				round: justification.round,
				set_id,
			});
		}
		if !descends(
			precommit.precommit.target_hash,
			hash,
			header.number,
			&ancestry,
		) {
			return Err(VerifyError::NotDescendant {
				signer,
				target: hex0x(&precommit.precommit.target_hash),
				block: header.number,
			});
		}
		// An equivocating signer has two precommits and one weight.
		if signers.insert(key) {
			signed = signed.saturating_add(weight);
		}
	}
	let needed = threshold(total);
	if signed < needed {
		return Err(VerifyError::NotEnoughSignatures {
			signed,
			needed,
			total,
		});
	}
	Ok(Finality { signed, needed })
}

/// Whether `target` is `block` (number `number`) or, through `ancestry`, a descendant of it.
fn descends(target: Hash, block: Hash, number: u32, ancestry: &HashMap<Hash, &Header>) -> bool {
	let mut current = target;
	// Each header is used at most once, so that no claimed parent link can loop.
	for _ in 0..=ancestry.len() {
		if current == block {
			return true;
		}
		match ancestry.get(&current) {
			Some(header) if header.number > number => current = header.parent_hash,
			_ => return false,
		}
	}
	false
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_threshold_is_more_than_two_thirds() {
		assert_eq!(threshold(1), 1);
		assert_eq!(threshold(2), 2);
		assert_eq!(threshold(3), 3);
		assert_eq!(threshold(4), 3);
		assert_eq!(threshold(5), 4);
		assert_eq!(threshold(7), 5);
		assert_eq!(threshold(100), 67);
	}
}
