//! Arguments shared by several commands, and their parsers.

use std::path::PathBuf;

use registry_client::{
	collectibles::{CollectionId, ItemId, MetadataRef},
	fingerprint, manifest, AccountId32, H256,
};

use crate::errors::CliError;

/// An account: SS58 address or `0x` and 64 hex digits.
pub fn account(text: &str) -> Result<AccountId32, String> {
	manifest::parse_account(text)
}

/// A SHA-256: 64 hex digits, `0x` optional.
pub fn sha256(text: &str) -> Result<H256, String> {
	manifest::parse_sha256(text)
}

/// A position in a listing: `COLLECTION:ITEM`.
pub fn item_ref(text: &str) -> Result<(CollectionId, ItemId), String> {
	let refused = || format!("`{text}` is not COLLECTION:ITEM, e.g. 0:41");
	let (collection, item) = text.split_once(':').ok_or_else(refused)?;
	Ok((
		collection.trim().parse().map_err(|_| refused())?,
		item.trim().parse().map_err(|_| refused())?,
	))
}

/// The SHA-256 of a file given with `flag`, with a message naming both.
pub fn hash_file(flag: &str, path: &PathBuf) -> Result<H256, CliError> {
	fingerprint::sha256_file(path).map(H256).map_err(|e| {
		CliError::new(
			"io",
			format!("{flag} {}: {}", path.display(), io_reason(&e)),
		)
	})
}

fn io_reason(error: &registry_client::Error) -> String {
	match error {
		registry_client::Error::Io { source, .. } => source.to_string(),
		other => other.to_string(),
	}
}

/// An item: its collection and number.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ItemArgs {
	/// The collection's number.
	pub collection: CollectionId,
	/// The item's number in the collection.
	pub item: ItemId,
}

/// A metadata document: where it lives, and its hash or the file to hash.
#[derive(Debug, clap::Args)]
pub struct MetadataArgs {
	/// Where the metadata document lives.
	#[arg(long, value_name = "URI")]
	pub metadata_uri: String,
	#[command(flatten)]
	pub hash: MetadataHash,
}

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct MetadataHash {
	/// The metadata document's SHA-256.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	pub metadata_sha256: Option<H256>,
	/// The metadata document's file, to hash.
	#[arg(long, value_name = "FILE")]
	pub metadata_file: Option<PathBuf>,
}

impl MetadataArgs {
	/// The metadata reference, after hashing the file if one was given; checks the URI's
	/// length against the chain's bound.
	pub fn resolve(&self, max_uri_length: u32) -> Result<MetadataRef, CliError> {
		if self.metadata_uri.len() > max_uri_length as usize {
			return Err(CliError::input(format!(
				"--metadata-uri is {} bytes long; the chain takes at most {max_uri_length}",
				self.metadata_uri.len()
			)));
		}
		let sha256 = match (&self.hash.metadata_sha256, &self.hash.metadata_file) {
			(Some(hash), _) => *hash,
			(None, Some(file)) => hash_file("--metadata-file", file)?,
			(None, None) => {
				return Err(CliError::usage(
					"give --metadata-sha256 HASH or --metadata-file FILE",
				))
			}
		};
		Ok(MetadataRef {
			uri: self.metadata_uri.clone().into_bytes(),
			sha256,
		})
	}
}

/// Content: its hash or the file to hash.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct ContentArgs {
	/// The content's SHA-256.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	pub content: Option<H256>,
	/// The content's file, to hash.
	#[arg(long, value_name = "FILE")]
	pub file: Option<PathBuf>,
}

impl ContentArgs {
	pub fn resolve(&self) -> Result<H256, CliError> {
		match (&self.content, &self.file) {
			(Some(hash), _) => Ok(*hash),
			(None, Some(file)) => hash_file("--file", file),
			(None, None) => Err(CliError::usage("give --content HASH or --file FILE")),
		}
	}
}

/// A regulator's reason and evidence.
#[derive(Debug, clap::Args)]
pub struct ReasonArgs {
	/// The reason code agreed with the regulators.
	#[arg(long, value_name = "CODE")]
	pub reason: u16,
	#[command(flatten)]
	pub evidence: EvidenceArgs,
}

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct EvidenceArgs {
	/// The SHA-256 of the evidence, which stays off chain.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	pub evidence: Option<H256>,
	/// The evidence's file, to hash.
	#[arg(long, value_name = "FILE")]
	pub evidence_file: Option<PathBuf>,
}

impl EvidenceArgs {
	pub fn resolve(&self) -> Result<H256, CliError> {
		match (&self.evidence, &self.evidence_file) {
			(Some(hash), _) => Ok(*hash),
			(None, Some(file)) => hash_file("--evidence-file", file),
			(None, None) => Err(CliError::usage(
				"give --evidence HASH or --evidence-file FILE",
			)),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn item_refs_parse() {
		assert_eq!(item_ref("0:41"), Ok((0, 41)));
		assert!(item_ref("0-41").unwrap_err().contains("COLLECTION:ITEM"));
		assert!(item_ref("a:1").is_err());
	}
}
