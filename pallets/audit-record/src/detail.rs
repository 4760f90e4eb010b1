//! Who authorized a change, and what a record says about it beyond its kind and subject.

use crate::scope::{Scope, SplitSpec};
use crate::H256;
use alloc::vec::Vec;
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// The most accounts a record names in one list: authors, holders. The rights pallet's bounds
/// stay at or below it.
pub const MAX_NAMED: u32 = 32;

/// The most countries a record's territory lists. The rights pallet's `MaxTerritories` stays
/// at or below it.
pub const MAX_TERRITORIES: u32 = 64;

/// The longest pallet or call name a record holds.
pub const MAX_NAME: u32 = 48;

/// The longest libp2p peer id a record holds, in bytes.
pub const MAX_PEER_ID: u32 = 128;

/// The longest note a record holds, in bytes.
pub const MAX_NOTE: u32 = 1024;

/// Accounts a record names.
pub type Named<AccountId> = BoundedVec<AccountId, ConstU32<MAX_NAMED>>;

/// A member's roles as a record names them.
pub type RoleList = BoundedVec<Role, ConstU32<5>>;

/// A libp2p peer id as a record holds it.
pub type PeerIdBytes = BoundedVec<u8, ConstU32<MAX_PEER_ID>>;

/// A territory bound as a record holds it.
pub type RecordTerritories = ConstU32<MAX_TERRITORIES>;

/// A name as a record holds it: ASCII, e.g. `Members` or `admit`.
pub type Name = BoundedVec<u8, ConstU32<MAX_NAME>>;

/// What a member may do on the chain. A member holds one or more roles.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum Role {
	/// Consortium operator: admits and suspends accounts after off-chain real-name checks.
	#[codec(index = 0)]
	Registrar,
	/// Museum, library, archive or publisher: issues collections and attests authorship.
	#[codec(index = 1)]
	Institution,
	/// Artist or author: registers works and manages their rights.
	#[codec(index = 2)]
	Creator,
	/// Cultural or market authority: audits histories and freezes with reasons.
	#[codec(index = 3)]
	Regulator,
	/// Copyright mediation body: resolves authorship disputes.
	#[codec(index = 4)]
	Arbiter,
}

impl Role {
	/// Roles that only the consortium (not a registrar) may grant or take away.
	pub fn is_consortium_appointed(&self) -> bool {
		matches!(self, Role::Registrar | Role::Regulator)
	}
}

/// Who authorized a change: an account's signature, the consortium's decision, or the chain's
/// genesis configuration.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum AuthorizedBy<AccountId> {
	/// The account that signed the transaction, in whatever role the change asks for.
	#[codec(index = 0)]
	Account(AccountId),
	/// Two thirds of the council, through `Consortium::enact`.
	#[codec(index = 1)]
	Consortium,
	/// The chain's genesis configuration.
	#[codec(index = 2)]
	Genesis,
}

impl<AccountId> AuthorizedBy<AccountId> {
	/// The account, if an account authorized the change.
	pub fn account(&self) -> Option<&AccountId> {
		match self {
			Self::Account(who) => Some(who),
			Self::Consortium | Self::Genesis => None,
		}
	}

	/// The same authority with its account in another type of the same encoding.
	pub fn map<Other>(self, into: impl Fn(AccountId) -> Other) -> AuthorizedBy<Other> {
		match self {
			Self::Account(who) => AuthorizedBy::Account(into(who)),
			Self::Consortium => AuthorizedBy::Consortium,
			Self::Genesis => AuthorizedBy::Genesis,
		}
	}
}

/// What a record says beyond its kind and subject, so that it proves something on its own.
/// Which detail each kind carries is listed at [`crate::AuditKind`].
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(
	tag = "type",
	rename_all = "camelCase",
	rename_all_fields = "camelCase"
)]
pub enum Detail<AccountId> {
	/// Nothing beyond the record's other fields.
	#[codec(index = 0)]
	None,
	/// The SHA-256 fingerprint of the content registered.
	#[codec(index = 1)]
	Content { sha256: H256 },
	/// A metadata document's new version: its SHA-256 and version number.
	#[codec(index = 2)]
	Document { sha256: H256, version: u32 },
	/// A work's authors before and after a ruling.
	#[codec(index = 3)]
	Authors {
		before: Named<AccountId>,
		after: Named<AccountId>,
	},
	/// How a unit was split, and the two units that followed it: the part carved out and
	/// the remainder.
	#[codec(index = 4)]
	Split {
		spec: SplitSpec<RecordTerritories>,
		part: u64,
		remainder: u64,
	},
	/// A unit's holders before an assignment, and the unit that follows it with the new
	/// holders (`to` in the records) and how many of them must agree.
	#[codec(index = 5)]
	Assignment {
		previous: Named<AccountId>,
		successor: u64,
		threshold: u32,
	},
	/// A licence: the unit it was granted from, what it covers and whether it is exclusive.
	#[codec(index = 6)]
	Licence {
		unit: u64,
		scope: Scope<RecordTerritories>,
		exclusive: bool,
	},
	/// A call the consortium enacted or the council moved: its pallet and name, and the
	/// BLAKE2-256 hash of its SCALE encoding, as the council's motions name it.
	#[codec(index = 7)]
	Call {
		#[serde(with = "text_or_hex")]
		pallet: Name,
		#[serde(with = "text_or_hex")]
		call: Name,
		hash: H256,
	},
	/// A council member's vote on the motion of this hash.
	#[codec(index = 8)]
	Vote { motion: H256, aye: bool },
	/// The roles a member was admitted with, or holds after a change of roles.
	#[codec(index = 9)]
	Roles { roles: RoleList },
	/// The rate limit set for a role's members; `limit: None` lifts it.
	#[codec(index = 10)]
	RateLimit {
		role: Role,
		limit: Option<RateLimitDetail>,
	},
	/// A length in blocks (a session's).
	#[codec(index = 11)]
	Blocks { blocks: u64 },
	/// A node's libp2p peer id, as bytes.
	#[codec(index = 12)]
	Peer {
		#[serde(with = "text_or_hex")]
		peer_id: PeerIdBytes,
	},
	/// A regulator's note, as UTF-8 bytes.
	#[codec(index = 13)]
	Note {
		#[serde(with = "text_or_hex")]
		note: BoundedVec<u8, ConstU32<MAX_NOTE>>,
	},
	/// The SHA-256 of what changed, when it is too large for the record: the SCALE encoding
	/// of new rules, or of session keys; or the hash of the motion a record is about.
	#[codec(index = 14)]
	Digest { sha256: H256 },
}

/// A role's rate limit, as a record names it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct RateLimitDetail {
	/// Transactions in one window.
	pub max_transactions: u32,
	/// Reference time in one window, in picoseconds.
	pub max_weight: u64,
	/// Encoded bytes in one window.
	pub max_bytes: u32,
	/// The window's length in blocks.
	pub window_blocks: u64,
}

impl<AccountId> Detail<AccountId> {
	/// The same detail with its accounts in another type of the same encoding.
	pub fn map_accounts<Other>(self, into: impl Fn(AccountId) -> Other) -> Detail<Other> {
		match self.try_map_accounts(|who| Ok::<_, core::convert::Infallible>(into(who))) {
			Ok(detail) => detail,
			Err(never) => match never {},
		}
	}

	/// The same detail with its accounts read by `into`, or the first error it gives.
	pub fn try_map_accounts<Other, E>(
		self,
		into: impl Fn(AccountId) -> Result<Other, E>,
	) -> Result<Detail<Other>, E> {
		let list = |named: Named<AccountId>| -> Result<Named<Other>, E> {
			let mapped: Result<Vec<Other>, E> = named.into_iter().map(&into).collect();
			Ok(Named::truncate_from(mapped?))
		};
		Ok(match self {
			Self::None => Detail::None,
			Self::Content { sha256 } => Detail::Content { sha256 },
			Self::Document { sha256, version } => Detail::Document { sha256, version },
			Self::Authors { before, after } => Detail::Authors {
				before: list(before)?,
				after: list(after)?,
			},
			Self::Split {
				spec,
				part,
				remainder,
			} => Detail::Split {
				spec,
				part,
				remainder,
			},
			Self::Assignment {
				previous,
				successor,
				threshold,
			} => Detail::Assignment {
				previous: list(previous)?,
				successor,
				threshold,
			},
			Self::Licence {
				unit,
				scope,
				exclusive,
			} => Detail::Licence {
				unit,
				scope,
				exclusive,
			},
			Self::Call { pallet, call, hash } => Detail::Call { pallet, call, hash },
			Self::Vote { motion, aye } => Detail::Vote { motion, aye },
			Self::Roles { roles } => Detail::Roles { roles },
			Self::RateLimit { role, limit } => Detail::RateLimit { role, limit },
			Self::Blocks { blocks } => Detail::Blocks { blocks },
			Self::Peer { peer_id } => Detail::Peer { peer_id },
			Self::Note { note } => Detail::Note { note },
			Self::Digest { sha256 } => Detail::Digest { sha256 },
		})
	}
}

/// Bytes in JSON: as text when they are UTF-8 and do not start with `0x`, otherwise as `0x`
/// and hex. Either way they read back to the same bytes, so a record's JSON re-encodes to the
/// bytes that were hashed.
mod text_or_hex {
	use alloc::{string::String, vec::Vec};
	use bounded_collections::{BoundedVec, Get};
	use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer, Bound>(
		bytes: &BoundedVec<u8, Bound>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		match core::str::from_utf8(bytes) {
			Ok(text) if !text.starts_with("0x") => serializer.serialize_str(text),
			_ => {
				let mut text = String::with_capacity(2 + 2 * bytes.len());
				text.push_str("0x");
				for byte in bytes.iter() {
					for nibble in [byte >> 4, byte & 0xf] {
						text.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
					}
				}
				serializer.serialize_str(&text)
			}
		}
	}

	pub fn deserialize<'de, D: Deserializer<'de>, Bound: Get<u32>>(
		deserializer: D,
	) -> Result<BoundedVec<u8, Bound>, D::Error> {
		let text = String::deserialize(deserializer)?;
		let bytes = match text.strip_prefix("0x") {
			Some(digits) => {
				let digits = digits.as_bytes();
				if digits.len() % 2 != 0 {
					return Err(D::Error::custom("an odd number of hex digits after 0x"));
				}
				let nibble = |c: u8| {
					char::from(c)
						.to_digit(16)
						.ok_or_else(|| D::Error::custom("not hex after 0x"))
				};
				let mut bytes = Vec::with_capacity(digits.len() / 2);
				for pair in digits.chunks(2) {
					let byte = nibble(pair[0])? * 16 + nibble(pair[1])?;
					bytes.push(u8::try_from(byte).map_err(D::Error::custom)?);
				}
				bytes
			}
			None => text.into_bytes(),
		};
		BoundedVec::try_from(bytes).map_err(|_| D::Error::custom("longer than its bound"))
	}
}
