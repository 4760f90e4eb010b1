//! The offline check of a certificate.

use std::{collections::BTreeMap, fs::File, path::Path};

use codec::DecodeAll;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::{
	Authority, Certificate, StorageEntry, Trust, TrustedAuthorities, Verified, FORMAT, VERSION,
};
use crate::{
	grandpa,
	header::{Hash, Header},
	hex0x,
	state::{read_registration, ProvenState},
	unhex, VerifyError,
};

/// Checks `certificate` with no node, in this order: (a) the file, when given, has the
/// certified SHA-256; (b) the header hashes to the block hash; (c) the authority set is the
/// trusted one, when one is given, and the justification is its valid commit for the block;
/// (d) the trie nodes prove the storage entries against the header's state root, and the
/// subtries of attestations and collectibles completely; (e) the summary is exactly what the
/// proven entries say. The first failure is returned.
pub fn verify(
	certificate: &Certificate,
	file: Option<&Path>,
	trusted: Option<&TrustedAuthorities>,
) -> Result<Verified, VerifyError> {
	let digest = match file {
		Some(path) => {
			let io = |source| VerifyError::File {
				path: path.display().to_string(),
				source,
			};
			let mut hasher = Sha256::new();
			std::io::copy(&mut File::open(path).map_err(io)?, &mut hasher).map_err(io)?;
			Some(hasher.finalize().into())
		}
		None => None,
	};
	verify_content(certificate, digest, trusted)
}

/// [`verify`] with the SHA-256 of the file already computed, where there are no paths (a
/// browser hashes the file it is given).
pub fn verify_content(
	certificate: &Certificate,
	file_sha256: Option<[u8; 32]>,
	trusted: Option<&TrustedAuthorities>,
) -> Result<Verified, VerifyError> {
	if certificate.format != FORMAT {
		return Err(VerifyError::NotACertificate(certificate.format.clone()));
	}
	if certificate.version != VERSION {
		return Err(VerifyError::UnsupportedVersion(certificate.version));
	}
	let content = hash32("contentSha256", &certificate.content_sha256)?;

	if let Some(digest) = file_sha256 {
		if digest != content {
			return Err(VerifyError::FileMismatch {
				file: hex0x(&digest),
				certificate: hex0x(&content),
			});
		}
	}

	let anchor = check_anchor(&certificate.proof, trusted)?;
	let (header, block_hash, finality, trust, state) = (
		anchor.header,
		anchor.block_hash,
		anchor.finality,
		anchor.trust,
		anchor.state,
	);
	let proof = &certificate.proof;
	let registration = read_registration(&content, &state)?;
	compare_entries(&proof.storage, &registration.entries)?;
	compare_summary(certificate, &registration.work, &registration.collectibles)?;
	let proven_sm3 = registration.sm3.as_ref().map(|sm3| hex0x(sm3));
	if certificate.content_sm3 != proven_sm3 {
		let shown = |sm3: &Option<String>| sm3.clone().unwrap_or_else(|| "none".into());
		return Err(VerifyError::Summary {
			field: "contentSm3".into(),
			certificate: shown(&certificate.content_sm3),
			proof: shown(&proven_sm3),
		});
	}

	Ok(Verified {
		content,
		sm3: registration.sm3,
		file_checked: file_sha256.is_some(),
		block_number: header.number,
		block_hash,
		work: registration.work.as_ref().map(|w| w.work),
		collectibles: registration
			.collectibles
			.iter()
			.map(|i| (i.collection, i.item))
			.collect(),
		signed_weight: finality.signed,
		threshold: finality.needed,
		trust,
	})
}

/// A proof's block, checked final and its state readable.
pub struct Anchor {
	pub header: Header,
	pub block_hash: Hash,
	pub finality: grandpa::Finality,
	pub trust: Trust,
	/// The block's state, as far as the proof's trie nodes reach.
	pub state: ProvenState,
}

/// Checks a proof's block with no node: the header hashes to the block hash, the authority
/// set is the trusted one when one is given, and the justification is its valid commit for
/// the block. Returns the block's state as far as the trie nodes reach; each read from it
/// is checked against the header's state root.
pub fn check_anchor(
	proof: &super::Proof,
	trusted: Option<&TrustedAuthorities>,
) -> Result<Anchor, VerifyError> {
	let header =
		Header::decode_all(&mut &bytes("proof.header", &proof.header)?[..]).map_err(|e| {
			VerifyError::Malformed {
				field: "proof.header".into(),
				reason: format!("it does not decode as a block header: {e}"),
			}
		})?;
	if header.number != proof.block_number {
		return Err(VerifyError::HeaderNumber {
			header: header.number,
			certificate: proof.block_number,
		});
	}
	let block_hash = hash32("proof.blockHash", &proof.block_hash)?;
	if header.hash() != block_hash {
		return Err(VerifyError::HeaderHash {
			computed: hex0x(&header.hash()),
			certificate: hex0x(&block_hash),
		});
	}

	let authorities = authority_set("proof.authorities", &proof.authorities)?;
	let trust = match trusted {
		Some(trusted) => {
			check_trusted(proof.set_id, &authorities, trusted)?;
			Trust::Pinned {
				set_id: proof.set_id,
			}
		}
		None => Trust::Unpinned {
			set_id: proof.set_id,
			authorities: proof.authorities.clone(),
		},
	};
	let finality = grandpa::check(
		&header,
		block_hash,
		&bytes("proof.justification", &proof.justification)?,
		proof.set_id,
		&authorities,
	)?;

	let nodes = proof
		.trie_nodes
		.iter()
		.enumerate()
		.map(|(i, node)| bytes(&format!("proof.trieNodes[{i}]"), node))
		.collect::<Result<Vec<_>, _>>()?;
	let state = ProvenState::new(header.number, header.state_root, nodes);
	Ok(Anchor {
		header,
		block_hash,
		finality,
		trust,
		state,
	})
}

/// The bytes of `0x` hex.
fn bytes(field: &str, text: &str) -> Result<Vec<u8>, VerifyError> {
	unhex(text).map_err(|reason| VerifyError::Malformed {
		field: field.into(),
		reason,
	})
}

fn hash32(field: &str, text: &str) -> Result<[u8; 32], VerifyError> {
	bytes(field, text)?
		.try_into()
		.map_err(|_| VerifyError::Malformed {
			field: field.into(),
			reason: "it is not 32 bytes".into(),
		})
}

/// The keys and weights of a set, each key once.
fn authority_set(
	field: &str,
	authorities: &[Authority],
) -> Result<BTreeMap<[u8; 32], u64>, VerifyError> {
	let mut set = BTreeMap::new();
	for (i, authority) in authorities.iter().enumerate() {
		let key = hash32(&format!("{field}[{i}].publicKey"), &authority.public_key)?;
		if set.insert(key, authority.weight).is_some() {
			return Err(VerifyError::Malformed {
				field: field.into(),
				reason: format!("it lists {} twice", hex0x(&key)),
			});
		}
	}
	Ok(set)
}

fn check_trusted(
	set_id: u64,
	authorities: &BTreeMap<[u8; 32], u64>,
	trusted: &TrustedAuthorities,
) -> Result<(), VerifyError> {
	let untrusted = |reason: String| Err(VerifyError::Untrusted(reason));
	if let Some(trusted_id) = trusted.set_id {
		if trusted_id != set_id {
			return untrusted(format!(
				"it is set {set_id}, the trusted set is {trusted_id}"
			));
		}
	}
	let expected = authority_set("trusted authorities", &trusted.authorities)?;
	for (key, weight) in authorities {
		match expected.get(key) {
			None => {
				return untrusted(format!(
					"it holds the key {}, which is not trusted",
					hex0x(key)
				))
			}
			Some(trusted_weight) if trusted_weight != weight => {
				return untrusted(format!(
					"it gives the key {} weight {weight}, the trusted set gives it {trusted_weight}",
					hex0x(key)
				))
			}
			Some(_) => {}
		}
	}
	if let Some(key) = expected.keys().find(|key| !authorities.contains_key(*key)) {
		return untrusted(format!("it lacks the trusted key {}", hex0x(key)));
	}
	Ok(())
}

fn compare_entries(listed: &[StorageEntry], read: &[StorageEntry]) -> Result<(), VerifyError> {
	let shown = |value: &Option<String>| value.clone().unwrap_or_else(|| "none".into());
	for (i, proven) in read.iter().enumerate() {
		let Some(entry) = listed.get(i) else {
			return Err(VerifyError::StorageEntries(format!(
				"it does not list {} at key {}",
				proven.entry, proven.key
			)));
		};
		if entry.key.to_lowercase() != proven.key || entry.entry != proven.entry {
			return Err(VerifyError::StorageEntries(format!(
				"entry {i} is {} at key {}, where {} at key {} is read",
				entry.entry, entry.key, proven.entry, proven.key
			)));
		}
		if entry.value.as_ref().map(|v| v.to_lowercase()) != proven.value {
			return Err(VerifyError::StorageValue {
				entry: proven.entry.clone(),
				key: proven.key.clone(),
				certificate: shown(&entry.value),
				proof: shown(&proven.value),
			});
		}
	}
	if let Some(extra) = listed.get(read.len()) {
		return Err(VerifyError::StorageEntries(format!(
			"it lists {} at key {}, which the registration is not read from",
			extra.entry, extra.key
		)));
	}
	Ok(())
}

fn compare_summary(
	certificate: &Certificate,
	work: &Option<super::WorkSummary>,
	collectibles: &[super::ItemSummary],
) -> Result<(), VerifyError> {
	let json = |value: Result<Json, serde_json::Error>| value.unwrap_or(Json::Null);
	let stated = serde_json::json!({
		"work": json(serde_json::to_value(&certificate.work)),
		"collectibles": json(serde_json::to_value(&certificate.collectibles)),
	});
	let proven = serde_json::json!({
		"work": json(serde_json::to_value(work)),
		"collectibles": json(serde_json::to_value(collectibles)),
	});
	match first_difference("", &stated, &proven) {
		None => Ok(()),
		Some((field, certificate, proof)) => Err(VerifyError::Summary {
			field,
			certificate,
			proof,
		}),
	}
}

/// The path and both values of the first place where `stated` and `proven` differ.
fn first_difference(path: &str, stated: &Json, proven: &Json) -> Option<(String, String, String)> {
	let at = |name: &str| {
		if path.is_empty() {
			name.to_string()
		} else {
			format!("{path}.{name}")
		}
	};
	match (stated, proven) {
		(Json::Object(a), Json::Object(b)) => b
			.iter()
			.find_map(|(name, value)| {
				first_difference(&at(name), a.get(name).unwrap_or(&Json::Null), value)
			})
			.or_else(|| {
				a.keys()
					.find(|name| !b.contains_key(*name))
					.map(|name| (at(name), shown(&a[name]), "nothing".into()))
			}),
		(Json::Array(a), Json::Array(b)) => a
			.iter()
			.zip(b)
			.enumerate()
			.find_map(|(i, (a, b))| first_difference(&format!("{path}[{i}]"), a, b))
			.or_else(|| {
				(a.len() != b.len()).then(|| {
					(
						format!("the number of {path}"),
						a.len().to_string(),
						b.len().to_string(),
					)
				})
			}),
		(a, b) if a == b => None,
		(a, b) => Some((path.to_string(), shown(a), shown(b))),
	}
}

/// A JSON value as a person reads it, cut short when long.
fn shown(value: &Json) -> String {
	const MAX: usize = 160;
	let text = value.to_string();
	match text.char_indices().nth(MAX) {
		Some((end, _)) => format!("{}…", &text[..end]),
		None => text,
	}
}

#[cfg(test)]
mod tests;
