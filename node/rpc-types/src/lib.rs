//! # registry-rpc-types
//!
//! The JSON the registry node's RPC methods answer with, as Rust types: the node serializes
//! them, `registry-client` deserializes them. Accounts are SS58 addresses, hashes `0x` and 64
//! hex digits, text is text (bytes that are not UTF-8 come as `0x` hex), days are
//! `YYYY-MM-DD`, enums are lower-case names, field names are camelCase.

use serde::{Deserialize, Serialize};

/// The names of the rights in a work, by bit of the chain's right set: the twelve economic
/// rights (bits 0 to 11), then the four moral rights (bits 12 to 15), in the order of the
/// Copyright Law of the PRC, Art. 10.
pub const RIGHT_NAMES: [&str; 16] = [
	"reproduction",
	"distribution",
	"rental",
	"exhibition",
	"performance",
	"projection",
	"broadcasting",
	"informationNetworkDissemination",
	"cinematography",
	"adaptation",
	"translation",
	"compilation",
	"publication",
	"authorship",
	"alteration",
	"integrity",
];

/// The names of the rights whose bits are set in `bits`.
pub fn right_names(bits: u16) -> Vec<String> {
	RIGHT_NAMES
		.iter()
		.enumerate()
		.filter(|(bit, _)| bits & (1 << bit) != 0)
		.map(|(_, name)| name.to_string())
		.collect()
}

/// The bits of the rights named, or the first unknown name.
pub fn right_bits<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<u16, &'a str> {
	let mut bits = 0u16;
	for name in names {
		let bit = RIGHT_NAMES
			.iter()
			.position(|known| known.eq_ignore_ascii_case(name))
			.ok_or(name)?;
		bits |= 1 << bit;
	}
	Ok(bits)
}

/// A day counted from 1970-01-01 as `YYYY-MM-DD` (proleptic Gregorian, UTC).
pub fn date(day: u32) -> String {
	// Howard Hinnant's days-to-civil algorithm.
	let z = i64::from(day) + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	let y = yoe + era * 400 + i64::from(m <= 2);
	format!("{y:04}-{m:02}-{d:02}")
}

/// The day number of a `YYYY-MM-DD` date, if it is a real date on or after 1970-01-01.
pub fn day_of(date: &str) -> Option<u32> {
	let mut parts = date.trim().splitn(3, '-');
	let year: i64 = parts.next()?.parse().ok()?;
	let month: i64 = parts.next()?.parse().ok()?;
	let day: i64 = parts.next()?.parse().ok()?;
	if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
		return None;
	}
	// The inverse of `date`: days-from-civil.
	let y = if month <= 2 { year - 1 } else { year };
	let era = y.div_euclid(400);
	let yoe = y - era * 400;
	let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	let number = u32::try_from(era * 146_097 + doe - 719_468).ok()?;
	// A day past the month's end, such as 2023-02-30, comes back as another date.
	(self::date(number) == format!("{year:04}-{month:02}-{day:02}")).then_some(number)
}

/// A metadata document: where it lives and the SHA-256 of its bytes.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
	pub uri: String,
	pub sha256: String,
}

/// A regulator's freeze of a collectible.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Freeze {
	pub by: String,
	pub reason: u16,
	pub evidence: String,
	pub at_block: u32,
}

/// A collectible.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Item {
	pub collection: u32,
	pub item: u32,
	pub content_sha256: String,
	pub metadata: Metadata,
	pub metadata_version: u32,
	pub serial: u32,
	pub creator: String,
	pub catalogue_number: Option<String>,
	pub owner: String,
	pub minted_at_block: u32,
	pub held_since_block: u32,
	/// The first block its holder may give it away in, under the collection's policy.
	pub transferable_from_block: u32,
	/// `draft`, `issued` or `retired`.
	pub state: String,
	pub retired_reason: Option<u16>,
	pub frozen: Option<Freeze>,
}

/// A collection's transfer policy. Every transfer is a gift: nothing on the chain has a
/// price.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
	pub transferable: bool,
	pub gift_only: bool,
	pub min_holding_blocks: u32,
	pub max_transfers_per_window: u32,
	pub window_blocks: u32,
}

/// A collection of collectibles.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Collection {
	pub collection: u32,
	pub issuers: Vec<String>,
	pub name: String,
	pub description: String,
	pub metadata: Metadata,
	pub max_supply: u32,
	pub minted: u32,
	pub policy: Policy,
	pub custodian: Option<String>,
	pub created_at_block: u32,
}

/// A page of an owner's collectibles.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ItemsPage {
	pub owner: String,
	pub items: Vec<Item>,
	/// Pass as `cursor` for the next page; `null` on the last one.
	pub next_cursor: Option<(u32, u32)>,
}

/// Where a unit or licence applies.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Territory {
	pub worldwide: bool,
	/// ISO 3166-1 alpha-2 codes covered, when the territory lists them.
	pub including: Option<Vec<String>>,
	/// Codes left out of an otherwise worldwide territory.
	pub excluding: Option<Vec<String>>,
}

/// When a unit or licence applies: from `start` up to, not including, `end`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Term {
	pub start: String,
	pub end: Option<String>,
}

/// Rights × territory × term.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Scope {
	pub rights: Vec<String>,
	pub territory: Territory,
	pub term: Term,
}

/// A unit of economic rights in a work.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
	pub unit: u64,
	pub work: u64,
	pub scope: Scope,
	pub holders: Vec<String>,
	pub threshold: u32,
	pub parent: Option<u64>,
	pub created_at_block: u32,
	/// `registration`, `split` or `assignment`.
	pub created_by: String,
	pub ended_at_block: Option<u32>,
}

/// A revocation of an attestation or a licence; the record it ends stays.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Revocation {
	pub reason: u16,
	pub at_block: u32,
}

/// A licence granted from a unit.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Licence {
	pub licence: u64,
	pub work: u64,
	pub unit: u64,
	pub grantors: Vec<String>,
	pub licensee: String,
	pub scope: Scope,
	pub exclusive: bool,
	pub expires_on: Option<String>,
	pub granted_at_block: u32,
	pub revoked: Option<Revocation>,
}

/// An institution's or arbiter's attestation of a work's authorship.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Attestation {
	pub attester: String,
	pub claim_hash: String,
	pub evidence: Option<String>,
	pub at_block: u32,
	pub revoked: Option<Revocation>,
}

/// An authorship dispute.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Dispute {
	pub dispute: u64,
	pub opened_by: String,
	pub evidence: String,
	pub opened_at_block: u32,
	/// `open`, `upheld` or `rejected`.
	pub status: String,
	pub arbiter: Option<String>,
	pub ruling_hash: Option<String>,
	pub ruled_at_block: Option<u32>,
	/// The author-list version an upheld ruling created.
	pub author_version: Option<u32>,
}

/// One version of a work's author list.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuthorVersion {
	pub version: u32,
	pub authors: Vec<String>,
	pub at_block: u32,
	pub dispute: Option<u64>,
}

/// A registered work with everything recorded about it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Work {
	pub work: u64,
	pub content_sha256: String,
	pub title: String,
	pub metadata: Metadata,
	pub created_on: String,
	/// Who filed it: the first author, or an institution on their behalf.
	pub registrant: String,
	/// The first filing of its content hash.
	pub registered_at_block: u32,
	pub parents: Vec<u64>,
	pub derivatives: Vec<u64>,
	/// The authors as last corrected; they hold the moral rights.
	pub authors: Vec<String>,
	pub moral_rights: Vec<String>,
	pub author_history: Vec<AuthorVersion>,
	pub attestations: Vec<Attestation>,
	pub disputes: Vec<Dispute>,
	/// The live units: the current map of the economic rights.
	pub units: Vec<Unit>,
	/// Licences neither revoked nor expired.
	pub licences: Vec<Licence>,
}

/// A work's rights map, now or as of a block.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Rights {
	pub work: u64,
	/// The block the map is read at.
	pub at_block: u32,
	/// The moral rights, which never leave the authors.
	pub moral_rights: Vec<String>,
	pub authors: Vec<String>,
	pub units: Vec<Unit>,
	pub licences: Vec<Licence>,
}

/// What carries a content hash: collectibles in any collection, and the work that filed it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ContentMatches {
	pub content_sha256: String,
	pub collectibles: Vec<Item>,
	pub work: Option<Work>,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn days_and_dates_convert_both_ways() {
		for (day, text) in [
			(0, "1970-01-01"),
			(19_000, "2022-01-08"),
			(11_016, "2000-02-29"),
			(20_513, "2026-03-01"),
		] {
			assert_eq!(date(day), text);
			assert_eq!(day_of(text), Some(day));
		}
		for bad in [
			"2023-02-30",
			"2023-13-01",
			"1969-12-31",
			"tomorrow",
			"2023-1",
		] {
			assert_eq!(day_of(bad), None, "{bad}");
		}
	}

	#[test]
	fn rights_are_named_by_bit_in_the_order_of_the_law() {
		assert_eq!(
			right_names(0b1 | 1 << 9),
			vec!["reproduction", "adaptation"]
		);
		assert_eq!(right_names(0x0FFF).len(), 12);
		assert_eq!(
			right_names(0xF000),
			vec!["publication", "authorship", "alteration", "integrity"]
		);
		assert_eq!(right_bits(["reproduction", "Adaptation"]), Ok(0b1 | 1 << 9));
		assert_eq!(right_bits(["reproduction", "resale"]), Err("resale"));
	}

	#[test]
	fn field_names_are_camel_case() {
		let revocation = Revocation {
			reason: 3,
			at_block: 9,
		};
		let json = serde_json::to_value(&revocation).unwrap();
		assert_eq!(json, serde_json::json!({"reason": 3, "atBlock": 9}));
		assert_eq!(
			serde_json::from_value::<Revocation>(json).unwrap(),
			revocation
		);
	}
}
