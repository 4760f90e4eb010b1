//! # registry-rpc-types
//!
//! The JSON the registry node's RPC methods answer with, as Rust types: the node serializes
//! them, `registry-client` deserializes them. Accounts are SS58 addresses, hashes `0x` and 64
//! hex digits, text is text (bytes that are not UTF-8 come as `0x` hex), days are
//! `YYYY-MM-DD`, enums are lower-case names, field names are camelCase.

use serde::{Deserialize, Serialize};

pub use registry_audit_record as record;

#[cfg(feature = "api")]
pub mod api;
pub mod iscc;

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
	match epoch().checked_add_days(chrono::Days::new(day.into())) {
		Some(date) => date.format("%Y-%m-%d").to_string(),
		None => format!("day {day} after 1970-01-01"),
	}
}

/// The day number of a `YYYY-MM-DD` date, if it is a real date on or after 1970-01-01.
pub fn day_of(date: &str) -> Option<u32> {
	let date = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
	u32::try_from((date - epoch()).num_days()).ok()
}

/// Today in UTC, as a day number: the unit of the rights pallet's terms and expiries.
pub fn today() -> u32 {
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map_or(0, |elapsed| elapsed.as_millis() as u64);
	u32::try_from(now / DAY_MS).unwrap_or(u32::MAX)
}

/// Milliseconds in a day.
pub const DAY_MS: u64 = 86_400_000;

/// Whole days `from` to `to` (either end open) as milliseconds since the Unix epoch: from the
/// first day's start to the last day's end.
pub fn days_in_ms(from: Option<u32>, to: Option<u32>) -> (Option<u64>, Option<u64>) {
	(
		from.map(|day| u64::from(day) * DAY_MS),
		to.map(|day| (u64::from(day) + 1) * DAY_MS - 1),
	)
}

fn epoch() -> chrono::NaiveDate {
	chrono::DateTime::UNIX_EPOCH.date_naive()
}

/// A metadata document: where it lives and the SHA-256 of its bytes.
///
/// This type and [`Freeze`], [`Revocation`] and [`Attestation`] are read strictly, unknown
/// fields refused: authorship certificates embed them, and nothing in a certificate goes
/// unchecked.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
	pub uri: String,
	pub sha256: String,
}

/// A regulator's freeze of a collectible.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
	/// Which edition of its content, k of its collection's `editions`.
	pub edition: u32,
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
	/// The content's SM3 digest (`0x` and 64 hex digits), if it was registered with one.
	#[serde(default)]
	pub content_sm3: Option<String>,
	/// The content's ISCC Content-Code (`ISCC:E…`), if it was registered with one.
	#[serde(default)]
	pub content_code: Option<String>,
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
	/// Editions one content may be minted as; 1 for unique items.
	pub editions: u32,
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

impl Territory {
	/// Whether the two share a country: as the chain decides it for licences.
	pub fn intersects(&self, other: &Self) -> bool {
		let listed = |t: &Self| t.including.clone();
		let left_out = |t: &Self| t.excluding.clone().unwrap_or_default();
		match (listed(self), listed(other)) {
			(Some(a), Some(b)) => a.iter().any(|code| b.contains(code)),
			(Some(a), None) => a.iter().any(|code| !left_out(other).contains(code)),
			(None, Some(b)) => b.iter().any(|code| !left_out(self).contains(code)),
			// Both cover all but finitely many countries.
			(None, None) => true,
		}
	}
}

impl Term {
	/// Whether the two share a day; terms that touch (one ends the day the other starts) do
	/// not. Days are `YYYY-MM-DD`, which order as text.
	pub fn intersects(&self, other: &Self) -> bool {
		let starts_before =
			|start: &str, end: &Option<String>| end.as_deref().map_or(true, |end| start < end);
		starts_before(&self.start, &other.end) && starts_before(&other.start, &self.end)
	}
}

impl Scope {
	/// Whether the two share a right, in a shared country, on a shared day: what makes two
	/// licences collide when either is exclusive.
	pub fn overlaps(&self, other: &Self) -> bool {
		self.rights.iter().any(|right| other.rights.contains(right))
			&& self.territory.intersects(&other.territory)
			&& self.term.intersects(&other.term)
	}

	/// A scope of the chain: a set of rights (one bit each, in the order of [`RIGHT_NAMES`]),
	/// the countries it lists, including only them or all but them, and days `start` up to
	/// `end`.
	pub fn of(
		rights: u16,
		including: bool,
		countries: &[[u8; 2]],
		start: u32,
		end: Option<u32>,
	) -> Self {
		let codes = Some(countries.iter().map(|code| text(code)).collect());
		Scope {
			rights: right_names(rights),
			territory: Territory {
				worldwide: !including && countries.is_empty(),
				including: if including { codes.clone() } else { None },
				excluding: if including { None } else { codes },
			},
			term: Term {
				start: date(start),
				end: end.map(date),
			},
		}
	}
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
	/// The lists above that hold only their first [`WORK_LIST`] entries (`authorHistory`,
	/// `derivatives`, `attestations`, `disputes`, `units`, `licences`); `registry_rightsOf`
	/// pages through all units and licences.
	#[serde(default)]
	pub truncated: Vec<String>,
	/// The content's SM3 digest, if it was registered with one.
	#[serde(default)]
	pub content_sm3: Option<String>,
	/// The content's ISCC Content-Code, if it was registered with one.
	#[serde(default)]
	pub content_code: Option<String>,
}

/// The most entries each list of a [`Work`] holds.
pub const WORK_LIST: usize = 100;

/// Where the next page of a work's rights starts: the units after a unit, then the licences
/// after a licence (`null`: from the first). As JSON, `{"units": 7}` or `{"licences": null}`.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum RightsCursor {
	Units(Option<u64>),
	Licences(Option<u64>),
}

/// A page of a work's rights map, now or as of a block.
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
	/// Pass as `cursor` for the next page; `null` on the last page.
	#[serde(default)]
	pub next_cursor: Option<RightsCursor>,
}

/// What carries a content hash: collectibles in any collection (a page of them), and the
/// work that filed it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ContentMatches {
	pub content_sha256: String,
	/// The content's SM3 digest, if it was registered with one.
	#[serde(default)]
	pub content_sm3: Option<String>,
	pub collectibles: Vec<Item>,
	pub work: Option<Work>,
	/// Pass as `cursor` for the next page of collectibles; `null` on the last page.
	#[serde(default)]
	pub next_cursor: Option<(u32, u32)>,
}

/// Registrations whose content code lies within a distance of a code:
/// `registry_findSimilar`'s answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SimilarMatches {
	/// The code asked about, canonical.
	pub code: String,
	pub max_distance: u32,
	/// The contents found, nearest first.
	pub matches: Vec<SimilarContent>,
	/// Whether more contents lie within the distance than the page holds.
	pub more: bool,
	/// Content codes the node's index holds, and the finalized block it has read up to: a
	/// registration after it is not found yet.
	pub indexed_codes: u64,
	pub indexed_at_block: u32,
}

/// A registered content near a code: its items and its work.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SimilarContent {
	/// Bits in which its code differs from the one asked about.
	pub distance: u32,
	pub content_sha256: String,
	pub content_code: String,
	/// Its collectibles (the first [`SIMILAR_ITEMS`]; editions share a content).
	pub collectibles: Vec<SimilarItem>,
	pub work: Option<SimilarWork>,
}

/// The collectibles each [`SimilarContent`] lists, at most.
pub const SIMILAR_ITEMS: usize = 10;

/// A collectible as a similar match names it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SimilarItem {
	pub collection: u32,
	pub item: u32,
	/// The holder.
	pub owner: String,
	pub creator: String,
	pub minted_at_block: u32,
	pub state: String,
}

/// A work as a similar match names it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SimilarWork {
	pub work: u64,
	pub title: String,
	pub registrant: String,
	pub authors: Vec<String>,
	pub registered_at_block: u32,
}

/// What an audit record is about: [`record::Subject`] as JSON.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Subject {
	Collection { collection: u32 },
	Item { collection: u32, item: u32 },
	Work { work: u64 },
	RightsUnit { unit: u64 },
	Licence { licence: u64 },
	Members,
	Validators,
	Nodes,
	Council,
	Chain,
	AuditRules,
	Alert { alert: u64 },
}

impl Subject {
	/// The subject as written on a command line: `item:1:2`, `collection:1`, `work:3`,
	/// `unit:4`, `licence:5`, `alert:6`, or one of `members`, `validators`, `nodes`,
	/// `council`, `chain` and `rules`.
	pub fn parse(text: &str) -> Option<Self> {
		let mut parts = text.trim().split(':');
		let kind = parts.next()?;
		let mut number = || parts.next().and_then(|n| n.parse::<u64>().ok());
		let subject = match kind {
			"collection" => Self::Collection {
				collection: u32::try_from(number()?).ok()?,
			},
			"item" => Self::Item {
				collection: u32::try_from(number()?).ok()?,
				item: u32::try_from(number()?).ok()?,
			},
			"work" => Self::Work { work: number()? },
			"unit" => Self::RightsUnit { unit: number()? },
			"licence" | "license" => Self::Licence { licence: number()? },
			"alert" => Self::Alert { alert: number()? },
			"members" => Self::Members,
			"validators" => Self::Validators,
			"nodes" => Self::Nodes,
			"council" => Self::Council,
			"chain" => Self::Chain,
			"rules" => Self::AuditRules,
			_ => return None,
		};
		parts.next().is_none().then_some(subject)
	}
}

impl std::fmt::Display for Subject {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Collection { collection } => write!(f, "collection:{collection}"),
			Self::Item { collection, item } => write!(f, "item:{collection}:{item}"),
			Self::Work { work } => write!(f, "work:{work}"),
			Self::RightsUnit { unit } => write!(f, "unit:{unit}"),
			Self::Licence { licence } => write!(f, "licence:{licence}"),
			Self::Alert { alert } => write!(f, "alert:{alert}"),
			Self::Members => write!(f, "members"),
			Self::Validators => write!(f, "validators"),
			Self::Nodes => write!(f, "nodes"),
			Self::Council => write!(f, "council"),
			Self::Chain => write!(f, "chain"),
			Self::AuditRules => write!(f, "rules"),
		}
	}
}

impl From<record::Subject> for Subject {
	fn from(subject: record::Subject) -> Self {
		match subject {
			record::Subject::Collection(collection) => Self::Collection { collection },
			record::Subject::Item(collection, item) => Self::Item { collection, item },
			record::Subject::Work(work) => Self::Work { work },
			record::Subject::RightsUnit(unit) => Self::RightsUnit { unit },
			record::Subject::Licence(licence) => Self::Licence { licence },
			record::Subject::Members => Self::Members,
			record::Subject::Validators => Self::Validators,
			record::Subject::Nodes => Self::Nodes,
			record::Subject::Council => Self::Council,
			record::Subject::Chain => Self::Chain,
			record::Subject::AuditRules => Self::AuditRules,
			record::Subject::Alert(alert) => Self::Alert { alert },
		}
	}
}

impl From<Subject> for record::Subject {
	fn from(subject: Subject) -> Self {
		match subject {
			Subject::Collection { collection } => Self::Collection(collection),
			Subject::Item { collection, item } => Self::Item(collection, item),
			Subject::Work { work } => Self::Work(work),
			Subject::RightsUnit { unit } => Self::RightsUnit(unit),
			Subject::Licence { licence } => Self::Licence(licence),
			Subject::Members => Self::Members,
			Subject::Validators => Self::Validators,
			Subject::Nodes => Self::Nodes,
			Subject::Council => Self::Council,
			Subject::Chain => Self::Chain,
			Subject::AuditRules => Self::AuditRules,
			Subject::Alert { alert } => Self::Alert(alert),
		}
	}
}

/// A record as a verifier reads it: accounts as their 32 bytes, blocks as `u32`.
pub type ChainRecord = record::AuditRecord<[u8; 32], u32>;

/// One record of the audit log, with its hash: [`record::AuditRecord`] as JSON.
///
/// `hash` is the SHA-256 of `encoded`, the record's SCALE encoding, whose last 32 bytes are
/// `prevHash`: so anyone can check a record with any SHA-256 tool, and the chain of records by
/// comparing each `prevHash` with the previous record's `hash`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
	pub seq: u64,
	pub block: u32,
	/// The block's timestamp, milliseconds since the Unix epoch: what the hash covers.
	pub timestamp: u64,
	/// The same instant as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC), for people.
	pub time: String,
	/// The transaction's index in its block; `null` for changes outside transactions.
	pub extrinsic: Option<u32>,
	/// A [`record::AuditKind::name`].
	pub kind: String,
	pub subject: Subject,
	pub from: Option<String>,
	pub to: Option<String>,
	/// The signer's address, `consortium` or `genesis`.
	pub authorized_by: String,
	/// A reason code for freezes, retirements, revocations and rulings; 0 when none applies.
	pub reason: u16,
	pub evidence: Option<String>,
	/// What the record says beyond its kind and subject, tagged by `type`, with accounts as
	/// addresses.
	pub detail: record::Detail<String>,
	pub prev_hash: String,
	pub hash: String,
	/// The SCALE encoding the hash is taken over, `0x` and hex.
	pub encoded: String,
}

impl AuditRecord {
	/// The JSON of `record`, with accounts written by `address`.
	pub fn of(record: &ChainRecord, address: impl Fn(&[u8; 32]) -> String) -> Self {
		let encoded = codec::Encode::encode(record);
		let entry = &record.entry;
		Self {
			seq: record.seq,
			block: record.block,
			timestamp: record.timestamp,
			time: time(record.timestamp),
			extrinsic: record.extrinsic,
			kind: entry.kind.name().into(),
			subject: entry.subject.into(),
			from: entry.from.as_ref().map(&address),
			to: entry.to.as_ref().map(&address),
			authorized_by: authority(&entry.authorized_by, &address),
			reason: entry.reason,
			evidence: entry.evidence.as_ref().map(|hash| hex0x(hash.as_bytes())),
			detail: entry.detail.clone().map_accounts(|who| address(&who)),
			prev_hash: hex0x(record.prev.as_bytes()),
			hash: hex0x(record::sha256(&encoded).as_bytes()),
			encoded: hex0x(&encoded),
		}
	}

	/// The record these fields describe, with accounts read by `account`; the hash and the
	/// encoding given are not looked at.
	pub fn record(
		&self,
		account: impl Fn(&str, &str) -> Result<[u8; 32], String>,
	) -> Result<ChainRecord, String> {
		let kind = record::AuditKind::from_name(&self.kind)
			.ok_or_else(|| format!("record {} has an unknown kind {:?}", self.seq, self.kind))?;
		Ok(ChainRecord {
			seq: self.seq,
			block: self.block,
			timestamp: self.timestamp,
			extrinsic: self.extrinsic,
			entry: record::AuditEntry {
				kind,
				subject: self.subject.into(),
				from: self
					.from
					.as_deref()
					.map(|a| account("from", a))
					.transpose()?,
				to: self.to.as_deref().map(|a| account("to", a)).transpose()?,
				authorized_by: match self.authorized_by.as_str() {
					CONSORTIUM => record::AuthorizedBy::Consortium,
					GENESIS => record::AuthorizedBy::Genesis,
					who => record::AuthorizedBy::Account(account("authorizedBy", who)?),
				},
				reason: self.reason,
				detail: self
					.detail
					.clone()
					.try_map_accounts(|who| account("detail", &who))?,
				evidence: self
					.evidence
					.as_deref()
					.map(|hash| hash32("evidence", hash).map(record::H256))
					.transpose()?,
			},
			prev: record::H256(hash32("prevHash", &self.prev_hash)?),
		})
	}
}

/// `authorizedBy` of a record the consortium authorized.
pub const CONSORTIUM: &str = "consortium";

/// `authorizedBy` of a record of the chain's genesis.
pub const GENESIS: &str = "genesis";

/// Who authorized a record, as its JSON names it: an address, [`CONSORTIUM`] or [`GENESIS`].
pub fn authority<AccountId>(
	by: &record::AuthorizedBy<AccountId>,
	address: impl Fn(&AccountId) -> String,
) -> String {
	match by {
		record::AuthorizedBy::Account(who) => address(who),
		record::AuthorizedBy::Consortium => CONSORTIUM.into(),
		record::AuthorizedBy::Genesis => GENESIS.into(),
	}
}

/// Milliseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn time(ms: u64) -> String {
	match chrono::DateTime::from_timestamp_millis(i64::try_from(ms).unwrap_or(i64::MAX)) {
		Some(time) => time.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
		None => format!("{ms} ms after 1970-01-01"),
	}
}

/// Text the chain holds as bytes: the text when it is UTF-8, else `0x` and hex.
pub fn text(bytes: &[u8]) -> String {
	match std::str::from_utf8(bytes) {
		Ok(text) => text.to_string(),
		Err(_) => hex0x(bytes),
	}
}

/// Bytes as `0x` and lower-case hex: every hash and byte string on the wire.
pub fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// The bytes of `0x` and hex; the error completes a sentence about the field, e.g. "it does
/// not start with 0x".
pub fn unhex(text: &str) -> Result<Vec<u8>, String> {
	let digits = text
		.strip_prefix("0x")
		.ok_or_else(|| "it does not start with 0x".to_string())?;
	hex::decode(digits).map_err(|e| format!("it is not hex: {e}"))
}

/// 32 bytes from `0x` and 64 hex digits.
fn hash32(name: &str, text: &str) -> Result<[u8; 32], String> {
	let digits = text.strip_prefix("0x").unwrap_or(text);
	if digits.len() != 64 || !digits.is_ascii() {
		return Err(format!("{name} is not 32 bytes of hex: {text}"));
	}
	let mut bytes = [0u8; 32];
	for (i, byte) in bytes.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&digits[2 * i..2 * i + 2], 16)
			.map_err(|e| format!("{name} is not hex ({e}): {text}"))?;
	}
	Ok(bytes)
}

/// A page of an item's, a work's or an account's history, newest first.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPage {
	/// The subject or account asked about.
	pub of: String,
	/// Records matching the query and its block range, over all pages.
	pub total: u64,
	pub records: Vec<AuditRecord>,
	/// Pass as `cursor` for the next, older page; `null` on the last one.
	pub next_cursor: Option<u64>,
}

/// An anti-speculation rule the consortium set.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Rule {
	/// More than `maxTransfers` transfers of one item within `windowBlocks` blocks.
	#[serde(rename_all = "camelCase")]
	TransferBurst {
		max_transfers: u32,
		window_blocks: u32,
	},
	/// An item given back to a holder it left within `windowBlocks` blocks.
	#[serde(rename_all = "camelCase")]
	BackAndForth { window_blocks: u32 },
}

/// A transfer that broke a rule.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Alert {
	pub alert: u64,
	pub rule: Rule,
	pub subject: Subject,
	/// The audit record of the transfer.
	pub seq: u64,
	pub block: u32,
	/// `open` or `closed`.
	pub status: String,
	pub closed_by: Option<String>,
	pub note: Option<String>,
	pub closed_at_block: Option<u32>,
}

/// A page of alerts.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AlertsPage {
	pub alerts: Vec<Alert>,
	/// How many alerts are open in all.
	pub open: u64,
	/// Pass as `cursor`, with the same status, for the next page; `null` on the last one.
	pub next_cursor: Option<u64>,
}

/// The end of the audit log.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuditHead {
	/// The sequence number the next record gets: the number of records.
	pub next_seq: u64,
	/// The last record's hash; zero before the first record.
	pub last_hash: String,
	pub last_block: u32,
}

/// A stretch of the audit log, oldest first, with what it takes to verify it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuditExport {
	pub from_block: u32,
	pub to_block: u32,
	/// The first record's sequence number; with no records, the sequence number of the first
	/// record after the range (the log's next one if none follows yet).
	#[serde(default)]
	pub start_seq: u64,
	pub records: Vec<AuditRecord>,
	/// The hash of the record before the first one: the first record's `prevHash`.
	pub prev_hash: String,
	/// The last record's hash; `prevHash` when there are no records.
	pub last_hash: String,
	/// The finalized block the export was read at.
	pub at_block: u32,
	pub at_block_hash: String,
	/// The log's head at that block (the chain's `Audit::Head`).
	pub head: AuditHead,
	/// Set when the export was cut short: pass as `cursor` for the rest.
	pub next_cursor: Option<u64>,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hex_is_written_with_0x_and_read_only_with_it() {
		assert_eq!(hex0x(&[0x00, 0xab]), "0x00ab");
		assert_eq!(unhex("0x00AB").unwrap(), vec![0x00, 0xab]);
		assert_eq!(unhex("00ab").unwrap_err(), "it does not start with 0x");
		assert!(unhex("0xzz").unwrap_err().starts_with("it is not hex"));
	}

	#[test]
	fn a_record_reads_back_from_its_json() {
		let chain = ChainRecord {
			seq: 4,
			block: 9,
			timestamp: 1_767_225_600_250,
			extrinsic: None,
			entry: record::AuditEntry {
				kind: record::AuditKind::Licensed,
				subject: record::Subject::Licence(3),
				from: None,
				to: Some([2; 32]),
				authorized_by: record::AuthorizedBy::Account([1; 32]),
				reason: 0,
				evidence: Some(record::H256::repeat_byte(5)),
				detail: record::Detail::Assignment {
					previous: record::Named::truncate_from(vec![[3; 32]]),
					successor: 8,
					threshold: 1,
				},
			},
			prev: record::H256::repeat_byte(6),
		};
		let address = |account: &[u8; 32]| format!("acct{}", account[0]);
		let json = AuditRecord::of(&chain, address);
		assert_eq!(json.kind, "licensed");
		assert_eq!(json.time, "2026-01-01T00:00:00.250Z");
		assert_eq!(json.hash, hex0x(record::record_hash(&chain).as_bytes()));
		let parse = |_: &str, text: &str| -> Result<[u8; 32], String> {
			Ok([text.trim_start_matches("acct").parse().map_err(|_| "no")?; 32])
		};
		assert_eq!(json.record(parse), Ok(chain.clone()));
		assert_eq!(
			serde_json::to_value(&json.detail).unwrap(),
			serde_json::json!({"type": "assignment", "previous": ["acct3"], "successor": 8, "threshold": 1})
		);
		let mut by_consortium = chain;
		by_consortium.entry.authorized_by = record::AuthorizedBy::Consortium;
		let json_consortium = AuditRecord::of(&by_consortium, address);
		assert_eq!(json_consortium.authorized_by, "consortium");
		assert_eq!(json_consortium.record(parse), Ok(by_consortium));
		for kind in record::AuditKind::ALL {
			let json = AuditRecord {
				kind: kind.name().into(),
				..json.clone()
			};
			assert_eq!(json.record(parse).unwrap().entry.kind, kind);
		}
		let unknown = AuditRecord {
			kind: "sold".into(),
			..json
		};
		assert!(unknown
			.record(parse)
			.unwrap_err()
			.contains("unknown kind \"sold\""));
	}

	#[test]
	fn text_falls_back_to_hex_for_bytes_that_are_not_utf8() {
		assert_eq!(text(b"ipfs://x"), "ipfs://x");
		assert_eq!(text(&[0xff, 0x00]), "0xff00");
	}

	#[test]
	fn a_worldwide_territory_says_so_and_lists_read_as_codes() {
		let world = Scope::of(1, false, &[], 0, None).territory;
		assert!(world.worldwide);
		let listed = Scope::of(1 << 7, true, &[*b"CN", *b"FR"], 20_513, Some(20_514));
		assert!(!listed.territory.worldwide);
		assert_eq!(
			listed.territory.including,
			Some(vec!["CN".to_string(), "FR".to_string()])
		);
		assert_eq!(listed.rights, vec!["informationNetworkDissemination"]);
		assert_eq!(
			(listed.term.start.as_str(), listed.term.end.as_deref()),
			("2026-03-01", Some("2026-03-02"))
		);
	}

	#[test]
	fn times_are_utc_to_the_millisecond() {
		assert_eq!(time(0), "1970-01-01T00:00:00.000Z");
		assert_eq!(
			days_in_ms(Some(1), Some(1)),
			(Some(DAY_MS), Some(2 * DAY_MS - 1))
		);
		assert_eq!(time(1_767_225_600_250), "2026-01-01T00:00:00.250Z");
	}

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
	fn scopes_overlap_as_the_chain_decides() {
		let scope = |rights: u16, including: bool, countries: &[[u8; 2]], start, end| {
			Scope::of(rights, including, countries, start, end)
		};
		let reproduction = 0b1;
		let distribution = 0b10;
		let cn_2026 = scope(reproduction, true, &[*b"CN"], 20_454, Some(20_819));
		// Another right, another country, or a term that only touches: no overlap.
		assert!(!cn_2026.overlaps(&scope(distribution, true, &[*b"CN"], 20_454, None)));
		assert!(!cn_2026.overlaps(&scope(reproduction, true, &[*b"FR"], 20_454, None)));
		assert!(!cn_2026.overlaps(&scope(reproduction, true, &[*b"CN"], 20_819, None)));
		// Worldwide but China: no; worldwide but France: yes.
		assert!(!cn_2026.overlaps(&scope(reproduction, false, &[*b"CN"], 0, None)));
		assert!(cn_2026.overlaps(&scope(
			reproduction | distribution,
			false,
			&[*b"FR"],
			0,
			None
		)));
		// Two worldwide scopes always share a country.
		assert!(
			scope(reproduction, false, &[*b"CN"], 0, None).overlaps(&scope(
				reproduction,
				false,
				&[*b"FR"],
				0,
				None
			))
		);
		// A term inside another.
		assert!(cn_2026.overlaps(&scope(reproduction, true, &[*b"CN"], 20_500, Some(20_501))));
	}

	#[test]
	fn subjects_parse_from_their_written_form_and_back() {
		for text in [
			"item:1:2",
			"collection:7",
			"work:3",
			"unit:4",
			"licence:5",
			"alert:6",
			"members",
			"validators",
			"nodes",
			"council",
			"chain",
			"rules",
		] {
			let subject = Subject::parse(text).expect(text);
			assert_eq!(subject.to_string(), text);
			// And through the chain's own type, whose every subject has a written form.
			assert_eq!(Subject::from(record::Subject::from(subject)), subject);
		}
		assert_eq!(
			Subject::parse("license:5"),
			Some(Subject::Licence { licence: 5 })
		);
		for bad in [
			"item:1",
			"item:1:2:3",
			"thing:1",
			"work:x",
			"collection:99999999999",
			"members:1",
			"",
		] {
			assert_eq!(Subject::parse(bad), None, "{bad}");
		}
	}

	#[test]
	fn subjects_and_rules_are_tagged_by_type() {
		let json = serde_json::to_value(Subject::Item {
			collection: 1,
			item: 2,
		})
		.unwrap();
		assert_eq!(
			json,
			serde_json::json!({"type": "item", "collection": 1, "item": 2})
		);
		let json = serde_json::to_value(Rule::TransferBurst {
			max_transfers: 3,
			window_blocks: 10,
		})
		.unwrap();
		assert_eq!(
			json,
			serde_json::json!({"type": "transferBurst", "maxTransfers": 3, "windowBlocks": 10})
		);
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
