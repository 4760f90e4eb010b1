//! `registry verify`: the offline check of an authorship certificate. It never talks to a
//! node: everything it relies on is in the certificate, the file and the trusted keys.

use std::{path::PathBuf, str::FromStr};

use registry_client::{
	certificate::{self, Certificate, Trust, TrustedAuthorities, Verified},
	AccountId32,
};
use serde_json::json;

use crate::{
	context::Context,
	errors::CliError,
	output::{table, Output},
};

pub const LONG_ABOUT: &str = "\
Check an authorship certificate offline, with no node: the file has the certified content; \
the block header hashes to the certified block; the GRANDPA justification is a valid commit \
of more than two thirds of the authority set for that block; the storage proof leads from \
the header's state root to every entry the registration is read from; and the summary is \
exactly what those entries say.

A proof is only as good as the authority set it is checked against. Pin the set with \
--trusted-key (the consortium's published GRANDPA keys) or --trusted-keys FILE, and the \
certificate's set must be exactly that set. Without a pin the certificate's own set is used \
and the output says so: anyone can run a chain of their own whose validators sign anything.

Exit status: 0 when the certificate verifies, 1 when it does not (the message says what \
failed), 2 when the command line is wrong.";

#[derive(Debug, clap::Args)]
pub struct Args {
	/// The certificate, as `registry certificate` writes it.
	#[arg(value_name = "CERT")]
	certificate: PathBuf,
	/// The file the certificate is for: its SHA-256 must be the certified content.
	#[arg(value_name = "FILE")]
	file: Option<PathBuf>,
	#[command(flatten)]
	trust: TrustArgs,
	#[command(flatten)]
	_offline: crate::context::Offline,
}

/// The authority set a proof is pinned to.
#[derive(Debug, clap::Args)]
pub struct TrustArgs {
	/// The trusted authority set as JSON: {"setId": 0, "authorities": [{"publicKey":
	/// "0x…", "weight": 1}]}, where setId may be left out to accept any set id.
	#[arg(long, value_name = "KEYS.json", conflicts_with = "trusted_key")]
	trusted_keys: Option<PathBuf>,
	/// A trusted GRANDPA key: its ed25519 public key as 64 hex digits (0x optional) or as an
	/// SS58 address, of weight 1; repeat or separate with commas for the whole set.
	#[arg(
		long,
		value_name = "HEX",
		value_parser = public_key,
		value_delimiter = ','
	)]
	trusted_key: Vec<[u8; 32]>,
}

impl TrustArgs {
	/// The pinned set, if one was given.
	pub fn trusted(&self) -> Result<Option<TrustedAuthorities>, CliError> {
		Ok(match (&self.trusted_keys, self.trusted_key.is_empty()) {
			(Some(path), _) => {
				let keys = std::fs::read_to_string(path).map_err(|e| {
					CliError::new("io", format!("--trusted-keys {}: {e}", path.display()))
				})?;
				Some(
					serde_json::from_str::<TrustedAuthorities>(&keys).map_err(|e| {
						CliError::input(format!(
							"--trusted-keys {} is not a trusted authority set: {e}",
							path.display()
						))
					})?,
				)
			}
			(None, false) => Some(TrustedAuthorities::from_public_keys(
				self.trusted_key.iter().copied(),
			)),
			(None, true) => None,
		})
	}
}

/// An ed25519 public key: 64 hex digits, `0x` optional, or its SS58 address.
fn public_key(text: &str) -> Result<[u8; 32], String> {
	let text = text.trim();
	let digits = text.strip_prefix("0x").unwrap_or(text);
	if let Some(key) = hex::decode(digits)
		.ok()
		.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
	{
		return Ok(key);
	}
	AccountId32::from_str(text)
		.map(|account| account.0)
		.map_err(|_| {
			format!(
				"`{text}` is not an ed25519 public key: expected 64 hex digits (0x optional) or \
				 an SS58 address"
			)
		})
}

pub async fn run(args: Args, _context: &Context) -> Result<Output, CliError> {
	let name = args.certificate.display().to_string();
	let text = std::fs::read_to_string(&args.certificate)
		.map_err(|e| CliError::new("io", format!("cannot read {name}: {e}")))?;
	let certificate: Certificate = serde_json::from_str(&text).map_err(|e| {
		CliError::verify(format!(
			"{name} is not an authorship certificate this verifier reads: {e}"
		))
	})?;
	let trusted = args.trust.trusted()?;
	let verified = certificate::verify(&certificate, args.file.as_deref(), trusted.as_ref())
		.map_err(|e| CliError::verify(format!("{name} does not verify: {e}")))?;
	Ok(described(&name, &args, &certificate, &verified))
}

fn described(name: &str, args: &Args, certificate: &Certificate, verified: &Verified) -> Output {
	let content = format!("0x{}", hex::encode(verified.content));
	let content_row = match (&args.file, verified.file_checked) {
		(Some(file), true) => format!("{content}, the SHA-256 of {}", file.display()),
		_ => format!("{content} (no file given: give FILE to check it is this content)"),
	};
	let work_row = certificate.work.as_ref().map_or_else(
		|| "none: no work holds this content".to_string(),
		|work| {
			format!(
				"{} \"{}\" by {}, registered by {} at block {}",
				work.work,
				work.title,
				work.authors.join(", "),
				work.registrant,
				work.registered_at_block
			)
		},
	);
	let attestations = certificate
		.work
		.as_ref()
		.map(|work| {
			work.attestations
				.iter()
				.map(|a| match &a.revoked {
					None => format!("{} at block {}", a.attester, a.at_block),
					Some(r) => format!(
						"{} at block {}, revoked at block {}",
						a.attester, a.at_block, r.at_block
					),
				})
				.collect::<Vec<_>>()
		})
		.unwrap_or_default();
	let items: Vec<String> = verified
		.collectibles
		.iter()
		.map(|(collection, item)| format!("item {item} of collection {collection}"))
		.collect();
	let total: u64 = certificate.proof.authorities.iter().map(|a| a.weight).sum();
	let (trust_row, pinned, set_id) = trust_described(&verified.trust, "the registration");
	let none_if_empty = |list: Vec<String>| {
		if list.is_empty() {
			"none".to_string()
		} else {
			list.join("; ")
		}
	};
	let sm3 = verified.sm3.map(|sm3| format!("0x{}", hex::encode(sm3)));
	let rows = [
		("Content", content_row),
		(
			"SM3",
			sm3.clone()
				.unwrap_or_else(|| "none recorded with the content".into()),
		),
		("Work", work_row),
		("Attestations", none_if_empty(attestations)),
		("Collectibles", none_if_empty(items)),
		(
			"Block",
			format!(
				"#{} 0x{}, finalized by GRANDPA",
				verified.block_number,
				hex::encode(verified.block_hash)
			),
		),
		(
			"Signatures",
			format!(
				"{} of {total} by weight ({} needed)",
				verified.signed_weight, verified.threshold
			),
		),
		("Authority set", trust_row),
	];
	let mut output = Output::new(
		format!("{name} verifies.\n{}", table(&rows)),
		json!({
			"verified": true,
			"certificate": name,
			"content": content,
			"content_sm3": sm3,
			"file_checked": verified.file_checked,
			"work": verified.work,
			"collectibles": verified
				.collectibles
				.iter()
				.map(|(collection, item)| json!({ "collection": collection, "item": item }))
				.collect::<Vec<_>>(),
			"block_number": verified.block_number,
			"block_hash": format!("0x{}", hex::encode(verified.block_hash)),
			"signed_weight": verified.signed_weight,
			"threshold": verified.threshold,
			"total_weight": total,
			"pinned": pinned,
			"set_id": set_id,
		}),
	);
	if !pinned {
		output.notes.push(
			"warning: no trusted authority set was given; the certificate's own set was used"
				.into(),
		);
	}
	output
}

/// The authority set a proof was checked against, for a person: a row, whether it was
/// pinned, and the set id. `what` is what the proof proves.
pub fn trust_described(trust: &Trust, what: &str) -> (String, bool, u64) {
	match trust {
		Trust::Pinned { set_id } => (
			format!("pinned: set {set_id} is the trusted set"),
			true,
			*set_id,
		),
		Trust::Unpinned {
			set_id,
			authorities,
		} => {
			let keys: Vec<&str> = authorities.iter().map(|a| a.public_key.as_str()).collect();
			(
				format!(
					"NOT PINNED: checked against the proof's own set {set_id} ({}); it proves \
					 {what} only if these are the consortium's keys; pin them with \
					 --trusted-key or --trusted-keys",
					keys.join(", ")
				),
				false,
				*set_id,
			)
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn trusted_keys_are_hex_or_ss58() {
		let alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
		let key = AccountId32::from_str(alice).unwrap().0;
		assert_eq!(public_key(alice), Ok(key));
		assert_eq!(public_key(&hex::encode(key)), Ok(key));
		assert_eq!(public_key(&format!("0x{}", hex::encode(key))), Ok(key));
		assert!(public_key("0x1234")
			.unwrap_err()
			.contains("not an ed25519 public key"));
	}
}
