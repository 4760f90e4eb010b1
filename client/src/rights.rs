//! Typed calls of the `Rights` pallet: works, attestations, disputes, and units of economic
//! rights with their licences. Reads go through the node's `registry_*` RPC methods
//! ([`crate::rpc`]), and the chain of title through the `RightsApi` runtime API.
//!
//! subxt checks every call against the chain's metadata when it is signed, so a mismatch with
//! the runtime is an error, never a wrong record.

use subxt::{
	ext::{
		scale_decode::{self, DecodeAsType},
		scale_encode::{self, EncodeAsType},
	},
	transactions::DynamicPayload,
	utils::{AccountId32, H256},
};

pub use crate::collectibles::MetadataRef;
use crate::{types, Error, RegistryClient};

/// A work's number.
pub type WorkId = u64;
/// A unit of economic rights' number.
pub type UnitId = u64;
/// A licence's number.
pub type LicenceId = u64;
/// A dispute's number.
pub type DisputeId = u64;
/// A day counted from 1970-01-01, UTC.
pub type Day = u32;

/// A set of rights, one bit each in the order of [`registry_rpc_types::RIGHT_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct RightSet(pub u16);

impl RightSet {
	/// The twelve economic rights.
	pub const ECONOMIC: Self = Self(0x0FFF);

	/// The rights named, e.g. `["reproduction", "adaptation"]`; the error is the first name
	/// that is not a right.
	pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
		registry_rpc_types::right_bits(names)
			.map(Self)
			.map_err(|unknown| {
				format!(
					"{unknown:?} is not a right; the rights are {}",
					registry_rpc_types::RIGHT_NAMES.join(", ")
				)
			})
	}
}

/// Where a unit or licence applies: only the listed countries, or all but them. Codes are
/// ISO 3166-1 alpha-2, sorted, each once.
#[derive(Debug, Clone, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub enum Territory {
	/// Only these countries.
	Including(Vec<[u8; 2]>),
	/// Every country except these; `Excluding(vec![])` is worldwide.
	Excluding(Vec<[u8; 2]>),
}

/// When a unit or licence applies: days `start` up to, not including, `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct Term {
	/// The first day.
	pub start: Day,
	/// The first day after the term; `None` for no end.
	pub end: Option<Day>,
}

/// Rights × territory × term.
#[derive(Debug, Clone, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct Scope {
	/// The rights.
	pub rights: RightSet,
	/// Where.
	pub territory: Territory,
	/// When.
	pub term: Term,
}

/// How to split a unit: the part to carve out, in one dimension.
#[derive(Debug, Clone, PartialEq, Eq, EncodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
pub enum SplitSpec {
	/// These rights, and the rest.
	Rights(RightSet),
	/// These countries, and the rest.
	Territory(Vec<[u8; 2]>),
	/// The days before this day, and the days from it on.
	Term(Day),
}

/// A work to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWork {
	/// SHA-256 of the work's bytes.
	pub content: H256,
	/// Its title.
	pub title: String,
	/// Its metadata document.
	pub metadata: MetadataRef,
	/// The day it was created.
	pub created_on: Day,
	/// The other authors.
	pub co_authors: Vec<AccountId32>,
	/// Registered works it derives from.
	pub parents: Vec<WorkId>,
	/// The creator an institution registers for; `None` when a creator files for themself.
	pub on_behalf_of: Option<AccountId32>,
}

/// `Rights::register_work`.
#[allow(clippy::type_complexity)]
pub fn register_work(
	work: NewWork,
) -> DynamicPayload<(
	H256,
	Vec<u8>,
	MetadataRef,
	Day,
	Vec<AccountId32>,
	Vec<WorkId>,
	Option<AccountId32>,
)> {
	subxt::dynamic::transaction(
		"Rights",
		"register_work",
		(
			work.content,
			work.title.into_bytes(),
			work.metadata,
			work.created_on,
			work.co_authors,
			work.parents,
			work.on_behalf_of,
		),
	)
}

/// `Rights::attest`: an institution or arbiter co-signs a work's authorship claim.
pub fn attest(
	work: WorkId,
	claim_hash: H256,
	evidence: Option<H256>,
) -> DynamicPayload<(WorkId, H256, Option<H256>)> {
	subxt::dynamic::transaction("Rights", "attest", (work, claim_hash, evidence))
}

/// `Rights::revoke_attestation`.
pub fn revoke_attestation(work: WorkId, reason: u16) -> DynamicPayload<(WorkId, u16)> {
	subxt::dynamic::transaction("Rights", "revoke_attestation", (work, reason))
}

/// `Rights::open_dispute`.
pub fn open_dispute(work: WorkId, evidence: H256) -> DynamicPayload<(WorkId, H256)> {
	subxt::dynamic::transaction("Rights", "open_dispute", (work, evidence))
}

/// `Rights::resolve_dispute`: upheld with the corrected authors, or rejected without.
pub fn resolve_dispute(
	dispute: DisputeId,
	upheld: bool,
	corrected_authors: Option<Vec<AccountId32>>,
	ruling_hash: H256,
) -> DynamicPayload<(DisputeId, bool, Option<Vec<AccountId32>>, H256)> {
	subxt::dynamic::transaction(
		"Rights",
		"resolve_dispute",
		(dispute, upheld, corrected_authors, ruling_hash),
	)
}

/// `Rights::split`.
pub fn split(unit: UnitId, spec: SplitSpec) -> DynamicPayload<(UnitId, SplitSpec)> {
	subxt::dynamic::transaction("Rights", "split", (unit, spec))
}

/// `Rights::assign`: the unit goes to `to`, who then act with `threshold` approvals.
pub fn assign(
	unit: UnitId,
	to: Vec<AccountId32>,
	threshold: u32,
) -> DynamicPayload<(UnitId, Vec<AccountId32>, u32)> {
	subxt::dynamic::transaction("Rights", "assign", (unit, to, threshold))
}

/// `Rights::grant_licence`.
pub fn grant_licence(
	unit: UnitId,
	licensee: AccountId32,
	scope: Scope,
	exclusive: bool,
) -> DynamicPayload<(UnitId, AccountId32, Scope, bool)> {
	subxt::dynamic::transaction(
		"Rights",
		"grant_licence",
		(unit, licensee, scope, exclusive),
	)
}

/// `Rights::revoke_licence`.
pub fn revoke_licence(licence: LicenceId, reason: u16) -> DynamicPayload<(LicenceId, u16)> {
	subxt::dynamic::transaction("Rights", "revoke_licence", (licence, reason))
}

/// `Rights::cancel_approval`: withdraws one's approval of an action on a co-held unit.
pub fn cancel_approval(unit: UnitId, action_hash: H256) -> DynamicPayload<(UnitId, H256)> {
	subxt::dynamic::transaction("Rights", "cancel_approval", (unit, action_hash))
}

/// How a unit came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub enum UnitSource {
	/// The work's registration: its first unit, held by the authors.
	Registration,
	/// A split of its parent.
	Split,
	/// An assignment of its parent to new holders.
	Assignment,
}

/// A unit of economic rights as the `RightsApi` runtime API reports it.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct UnitInfo {
	pub unit: UnitId,
	pub work: WorkId,
	pub scope: Scope,
	pub holders: Vec<AccountId32>,
	/// How many holders must make a call for it to take effect.
	pub threshold: u32,
	/// The unit it was split or assigned from.
	pub parent: Option<UnitId>,
	pub created_at: u32,
	pub created_by_action: UnitSource,
	/// The block it was split or assigned in, after which it holds nothing.
	pub ended_at: Option<u32>,
}

impl From<&UnitInfo> for types::Unit {
	/// The unit in the JSON the node's `registry_*` methods answer with.
	fn from(unit: &UnitInfo) -> Self {
		let codes = |list: &[[u8; 2]]| -> Vec<String> {
			list.iter()
				.map(|code| String::from_utf8_lossy(code).into_owned())
				.collect()
		};
		let territory = match &unit.scope.territory {
			Territory::Including(list) => types::Territory {
				worldwide: false,
				including: Some(codes(list)),
				excluding: None,
			},
			Territory::Excluding(list) => types::Territory {
				worldwide: list.is_empty(),
				including: None,
				excluding: Some(codes(list)),
			},
		};
		types::Unit {
			unit: unit.unit,
			work: unit.work,
			scope: types::Scope {
				rights: types::right_names(unit.scope.rights.0),
				territory,
				term: types::Term {
					start: types::date(unit.scope.term.start),
					end: unit.scope.term.end.map(types::date),
				},
			},
			holders: unit.holders.iter().map(|h| h.to_string()).collect(),
			threshold: unit.threshold,
			parent: unit.parent,
			created_at_block: unit.created_at,
			created_by: match unit.created_by_action {
				UnitSource::Registration => "registration",
				UnitSource::Split => "split",
				UnitSource::Assignment => "assignment",
			}
			.into(),
			ended_at_block: unit.ended_at,
		}
	}
}

impl RegistryClient {
	/// The chain of title of `unit` at the finalized head: the unit, the unit it came from,
	/// and so on back to its work's first unit. Empty if no unit has this number.
	pub async fn chain_of_title(&self, unit: UnitId) -> Result<Vec<UnitInfo>, Error> {
		self.runtime_api("RightsApi", "chain_of_title", (unit,))
			.await
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rights_are_named_and_unknown_names_are_explained() {
		assert_eq!(
			RightSet::from_names(["reproduction", "informationNetworkDissemination"]),
			Ok(RightSet(0b1 | 1 << 7))
		);
		let error = RightSet::from_names(["resale"]).unwrap_err();
		assert!(error.contains("\"resale\" is not a right"), "{error}");
		assert!(error.contains("adaptation"), "{error}");
	}

	#[test]
	fn a_unit_reads_as_the_node_writes_it() {
		let unit = UnitInfo {
			unit: 4,
			work: 1,
			scope: Scope {
				rights: RightSet(1 << 7),
				territory: Territory::Including(vec![*b"CN", *b"FR"]),
				term: Term {
					start: 20_513,
					end: None,
				},
			},
			holders: vec![AccountId32([1; 32])],
			threshold: 1,
			parent: Some(2),
			created_at: 9,
			created_by_action: UnitSource::Split,
			ended_at: None,
		};
		let json = types::Unit::from(&unit);
		assert_eq!(json.scope.rights, vec!["informationNetworkDissemination"]);
		assert_eq!(
			json.scope.territory.including,
			Some(vec!["CN".to_string(), "FR".to_string()])
		);
		assert_eq!(json.scope.term.start, "2026-03-01");
		assert_eq!(json.created_by, "split");
		assert_eq!(json.holders, vec![AccountId32([1; 32]).to_string()]);
	}
}
