//! Arguments shared by several commands, and their parsers.

use std::path::PathBuf;

use registry_client::{
	collectibles::{CollectionId, Fingerprints, ItemId, MetadataRef},
	fingerprint::{self, ContentCode},
	manifest,
	rights::{Day, RightSet},
	types::{day_of, RIGHT_NAMES},
	AccountId32, H256,
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

/// A day written `YYYY-MM-DD`, in UTC.
pub fn date(text: &str) -> Result<Day, String> {
	day_of(text).ok_or_else(|| {
		format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-03-01, from 1970-01-01 on")
	})
}

/// Today in UTC, counted as the chain counts days.
pub use registry_client::types::today;

/// One right of a work, by its name in any case, camelCase or kebab-case
/// (`information-network-dissemination`); the error lists every right.
pub fn right(text: &str) -> Result<RightSet, String> {
	let squeezed: String = text
		.trim()
		.chars()
		.filter(|c| !matches!(c, '-' | '_' | ' '))
		.collect();
	RIGHT_NAMES
		.iter()
		.position(|name| !squeezed.is_empty() && name.eq_ignore_ascii_case(&squeezed))
		.map(|bit| RightSet(1 << bit))
		.ok_or_else(|| {
			let (economic, moral) = RIGHT_NAMES.split_at(12);
			format!(
				"`{text}` is not a right; the economic rights are {}; the moral rights, which \
				 stay with the authors, are {} (any case, or kebab-case such as \
				 information-network-dissemination)",
				economic.join(", "),
				moral.join(", ")
			)
		})
}

/// The union of rights given one by one.
pub fn right_set(rights: &[RightSet]) -> RightSet {
	RightSet(rights.iter().fold(0, |bits, right| bits | right.0))
}

/// A country as its ISO 3166-1 alpha-2 code, in any case.
pub fn country(text: &str) -> Result<[u8; 2], String> {
	match text.trim().as_bytes() {
		[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
			Ok([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
		}
		_ => Err(format!(
			"`{text}` is not a country code: write ISO 3166-1 alpha-2 codes such as CN or FR"
		)),
	}
}

/// Country codes as the chain takes them: sorted, each once.
pub fn countries(mut codes: Vec<[u8; 2]>) -> Vec<[u8; 2]> {
	codes.sort_unstable();
	codes.dedup();
	codes
}

/// Country codes for people: `CN, FR`.
pub fn codes_text(codes: &[[u8; 2]]) -> String {
	codes
		.iter()
		.map(|code| String::from_utf8_lossy(code).into_owned())
		.collect::<Vec<_>>()
		.join(", ")
}

/// How a listing is printed, in text mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
	/// Aligned columns for people; accounts shortened.
	Table,
	/// The full records, as the node gives them.
	Json,
	/// One line per record, with a header line.
	Csv,
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
	/// The content's SHA-256. With a hash, only the SHA-256 is recorded: give --file to record
	/// the SM3 digest and the content code too.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	pub content: Option<H256>,
	/// The content's file: its SHA-256, SM3 digest and ISCC content code are computed and
	/// recorded.
	#[arg(long, value_name = "FILE")]
	pub file: Option<PathBuf>,
}

/// A content as a registration records it.
pub struct Content {
	pub sha256: H256,
	/// Its SM3 digest and content code, as far as computed.
	pub fingerprints: Fingerprints,
	/// Its content code, to look for similar registrations with.
	pub code: Option<ContentCode>,
	/// Why a file has no content code.
	pub no_code: Option<String>,
}

impl ContentArgs {
	pub fn resolve(&self) -> Result<Content, CliError> {
		match (&self.content, &self.file) {
			(Some(hash), _) => Ok(Content {
				sha256: *hash,
				fingerprints: Fingerprints::NONE,
				code: None,
				no_code: None,
			}),
			(None, Some(file)) => {
				let computed = fingerprint::file_fingerprints(file).map_err(|e| {
					CliError::new(
						"io",
						format!("--file {}: {}", file.display(), io_reason(&e)),
					)
				})?;
				Ok(Content {
					sha256: H256(computed.digests.sha256),
					fingerprints: computed.to_chain(),
					code: computed.content_code.clone().ok(),
					no_code: computed.content_code.err(),
				})
			}
			(None, None) => Err(CliError::usage("give --content HASH or --file FILE")),
		}
	}
}

/// What to do when a content looks like one already registered.
#[derive(Debug, clap::Args)]
pub struct SimilarArgs {
	/// Register even if registered content is similar (its content code lies within
	/// --similar-distance bits); without it, the command lists what is similar and stops.
	#[arg(long)]
	pub allow_similar: bool,
	/// Bits two content codes may differ in to count as similar (0 to 16).
	#[arg(long, value_name = "BITS", default_value_t = registry_client::similar::DEFAULT_DISTANCE,
		value_parser = clap::value_parser!(u32).range(0..=16))]
	pub similar_distance: u32,
}

impl SimilarArgs {
	/// Looks for registrations similar to `content`. Stops with the list unless similar ones
	/// are allowed; returns lines for people: what was found, or why nothing could be looked
	/// for.
	pub async fn check(
		&self,
		client: &registry_client::RegistryClient,
		content: &Content,
	) -> Result<Vec<String>, CliError> {
		let Some(code) = &content.code else {
			return Ok(content
				.no_code
				.iter()
				.map(|reason| {
					format!(
						"{reason}: registered by its SHA-256 and SM3 digests; similar content cannot be looked for"
					)
				})
				.collect());
		};
		let found = client
			.similar_to(code, self.similar_distance, content.sha256)
			.await
			.map_err(|e| CliError::chain(&e, &registry_client::explain::Subject::default()))?;
		let lines: Vec<String> = found
			.iter()
			.flat_map(registry_client::similar::describe)
			.collect();
		if lines.is_empty() {
			return Ok(Vec::new());
		}
		if !self.allow_similar {
			return Err(CliError::new(
				"similar",
				format!(
					"registered content is similar to this one (content code {}); nothing was \
					 submitted. Check it, then run again with --allow-similar to register anyway:\n  {}",
					code.iscc,
					lines.join("\n  ")
				),
			));
		}
		Ok(lines
			.into_iter()
			.map(|line| format!("similar to {line}"))
			.collect())
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

	#[test]
	fn rights_are_named_in_any_case_and_in_kebab_case() {
		let network = RightSet(1 << 7);
		for name in [
			"informationNetworkDissemination",
			"information-network-dissemination",
			"INFORMATION_NETWORK_DISSEMINATION",
			" informationnetworkdissemination ",
		] {
			assert_eq!(right(name), Ok(network), "{name}");
		}
		assert_eq!(right("Reproduction"), Ok(RightSet(1)));
		// Moral rights parse: the chain, not the command line, refuses to move them.
		assert_eq!(right("integrity"), Ok(RightSet(1 << 15)));
		assert_eq!(
			right_set(&[RightSet(1), network, RightSet(1)]),
			RightSet(1 | 1 << 7)
		);
	}

	#[test]
	fn an_unknown_right_lists_the_valid_ones() {
		for bad in ["resale", "", "-"] {
			let error = right(bad).unwrap_err();
			assert!(
				error.starts_with(&format!("`{bad}` is not a right")),
				"{error}"
			);
			for name in RIGHT_NAMES {
				assert!(error.contains(name), "{name} missing from: {error}");
			}
		}
	}

	#[test]
	fn countries_are_upper_cased_sorted_and_given_once() {
		assert_eq!(country("cn"), Ok(*b"CN"));
		assert_eq!(country(" Fr "), Ok(*b"FR"));
		for bad in ["CHN", "C", "C1", "", "中国"] {
			assert!(
				country(bad).unwrap_err().contains("not a country code"),
				"{bad}"
			);
		}
		assert_eq!(
			countries(vec![*b"FR", *b"CN", *b"FR", *b"AT"]),
			vec![*b"AT", *b"CN", *b"FR"]
		);
		assert_eq!(codes_text(&[*b"CN", *b"FR"]), "CN, FR");
	}

	#[test]
	fn dates_are_real_days_written_year_month_day() {
		assert_eq!(date("2026-03-01"), Ok(20_513));
		assert_eq!(date("1970-01-01"), Ok(0));
		for bad in [
			"2026-02-29",
			"2026-13-01",
			"01/03/2026",
			"1969-12-31",
			"today",
		] {
			assert!(date(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
		}
		// Today is after the day this was written, and a real date.
		assert!(today() > 20_513);
	}
}
