//! The vocabulary of economic rights that records name: which rights (a [`RightSet`]), where
//! (a [`Territory`]), when (a [`Term`]), together a [`Scope`], and how a unit is split (a
//! [`SplitSpec`]), with the set algebra the rights pallet checks them by.
//!
//! A scope is a product of three sets: rights × territory × term. Two scopes overlap when all
//! three pairs intersect, and one lies within another when each of its three sets does.

use alloc::vec::Vec;
use bounded_collections::{BoundedVec, Get};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use derive_where::derive_where;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// A day, counted from the Unix epoch (1970-01-01 is day 0), in UTC.
pub type Day = u32;

/// An ISO 3166-1 alpha-2 country code: two uppercase ASCII letters.
pub type CountryCode = [u8; 2];

/// A set of the rights in a work (Copyright Law of the PRC, Art. 10), one bit per right.
///
/// Bits 0 to 11 are the economic rights, which may be split, assigned and licensed. Bits 12 to
/// 15 are the moral rights, which stay with the authors: a set holding any of them is refused
/// wherever rights move.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Debug,
)]
pub struct RightSet(pub u16);

impl RightSet {
	/// No right at all.
	pub const NONE: Self = Self(0);
	/// Reproduction (复制权).
	pub const REPRODUCTION: Self = Self(1 << 0);
	/// Distribution (发行权).
	pub const DISTRIBUTION: Self = Self(1 << 1);
	/// Rental (出租权).
	pub const RENTAL: Self = Self(1 << 2);
	/// Exhibition (展览权).
	pub const EXHIBITION: Self = Self(1 << 3);
	/// Performance (表演权).
	pub const PERFORMANCE: Self = Self(1 << 4);
	/// Projection (放映权).
	pub const PROJECTION: Self = Self(1 << 5);
	/// Broadcasting (广播权).
	pub const BROADCASTING: Self = Self(1 << 6);
	/// Information-network dissemination (信息网络传播权).
	pub const NETWORK_DISSEMINATION: Self = Self(1 << 7);
	/// Cinematography (摄制权).
	pub const CINEMATOGRAPHY: Self = Self(1 << 8);
	/// Adaptation (改编权).
	pub const ADAPTATION: Self = Self(1 << 9);
	/// Translation (翻译权).
	pub const TRANSLATION: Self = Self(1 << 10);
	/// Compilation (汇编权).
	pub const COMPILATION: Self = Self(1 << 11);
	/// Publication (发表权), a moral right.
	pub const PUBLICATION: Self = Self(1 << 12);
	/// Authorship (署名权), a moral right.
	pub const AUTHORSHIP: Self = Self(1 << 13);
	/// Alteration (修改权), a moral right.
	pub const ALTERATION: Self = Self(1 << 14);
	/// Integrity (保护作品完整权), a moral right.
	pub const INTEGRITY: Self = Self(1 << 15);
	/// The twelve economic rights.
	pub const ECONOMIC: Self = Self(0x0FFF);
	/// The four moral rights.
	pub const MORAL: Self = Self(0xF000);

	/// The rights in either set.
	pub const fn union(self, other: Self) -> Self {
		Self(self.0 | other.0)
	}

	/// The rights in both sets.
	pub const fn intersection(self, other: Self) -> Self {
		Self(self.0 & other.0)
	}

	/// The rights in `self` but not in `other`.
	pub const fn difference(self, other: Self) -> Self {
		Self(self.0 & !other.0)
	}

	/// Whether the set holds no right.
	pub const fn is_empty(self) -> bool {
		self.0 == 0
	}

	/// Whether the two sets share a right.
	pub const fn intersects(self, other: Self) -> bool {
		self.0 & other.0 != 0
	}

	/// Whether every right of `other` is in `self`.
	pub const fn contains(self, other: Self) -> bool {
		self.0 & other.0 == other.0
	}

	/// Whether the set holds a moral right.
	pub const fn has_moral(self) -> bool {
		self.intersects(Self::MORAL)
	}
}

/// Whether the sorted `codes` hold `code`.
fn has(codes: &[CountryCode], code: &CountryCode) -> bool {
	codes.binary_search(code).is_ok()
}

/// Bounds a list of codes, `None` if it is too long.
fn bounded<MaxTerritories: Get<u32>>(
	codes: Vec<CountryCode>,
) -> Option<BoundedVec<CountryCode, MaxTerritories>> {
	BoundedVec::try_from(codes).ok()
}

/// Where a unit or a licence applies: the listed countries, or everywhere except the listed
/// ones. Worldwide is `Excluding([])`. Lists are sorted and hold each code once, which
/// [`Territory::is_well_formed`] checks and every operation here preserves.
///
/// There are 676 possible codes and a list holds at most `MaxTerritories` of them, which the
/// pallet keeps below 338: so two `Excluding` territories always share a country, and an
/// `Excluding` territory is never within an `Including` one.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Serialize, Deserialize,
)]
#[derive_where(Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(MaxTerritories))]
#[serde(bound = "")]
pub enum Territory<MaxTerritories: Get<u32>> {
	/// Only these countries.
	Including(BoundedVec<CountryCode, MaxTerritories>),
	/// Every country except these.
	Excluding(BoundedVec<CountryCode, MaxTerritories>),
}

impl<MaxTerritories: Get<u32>> Territory<MaxTerritories> {
	/// Every country.
	pub fn worldwide() -> Self {
		Self::Excluding(BoundedVec::new())
	}

	/// The listed codes, whichever the form.
	pub fn codes(&self) -> &[CountryCode] {
		match self {
			Self::Including(codes) | Self::Excluding(codes) => codes.as_slice(),
		}
	}

	/// Whether every code is two uppercase ASCII letters and the list is sorted without
	/// repeats.
	pub fn is_well_formed(&self) -> bool {
		let codes = self.codes();
		codes
			.iter()
			.all(|code| code.iter().all(|b| b.is_ascii_uppercase()))
			&& codes.iter().zip(codes.iter().skip(1)).all(|(a, b)| a < b)
	}

	/// Whether no country is covered: an empty `Including` list.
	pub fn is_empty(&self) -> bool {
		matches!(self, Self::Including(codes) if codes.is_empty())
	}

	/// Whether every country is covered.
	pub fn is_worldwide(&self) -> bool {
		matches!(self, Self::Excluding(codes) if codes.is_empty())
	}

	/// Whether the country `code` is covered.
	pub fn covers(&self, code: &CountryCode) -> bool {
		match self {
			Self::Including(codes) => has(codes, code),
			Self::Excluding(codes) => !has(codes, code),
		}
	}

	/// Whether the two territories share a country.
	pub fn intersects(&self, other: &Self) -> bool {
		match (self, other) {
			(Self::Including(a), Self::Including(b)) => a.iter().any(|code| has(b, code)),
			(Self::Including(a), Self::Excluding(e)) | (Self::Excluding(e), Self::Including(a)) => {
				a.iter().any(|code| !has(e, code))
			}
			// Each leaves out fewer than half of all codes.
			(Self::Excluding(_), Self::Excluding(_)) => true,
		}
	}

	/// Whether every country of `self` is in `other`.
	pub fn is_within(&self, other: &Self) -> bool {
		match (self, other) {
			(Self::Including(a), Self::Including(b)) => a.iter().all(|code| has(b, code)),
			(Self::Including(a), Self::Excluding(e)) => a.iter().all(|code| !has(e, code)),
			// More countries than any list can name.
			(Self::Excluding(_), Self::Including(_)) => false,
			(Self::Excluding(e), Self::Excluding(f)) => f.iter().all(|code| has(e, code)),
		}
	}

	/// The countries of `self` that are not in `other`; `None` if the result would list more
	/// than `MaxTerritories` codes (only an `Excluding` list can grow).
	pub fn difference(&self, other: &Self) -> Option<Self> {
		match (self, other) {
			(Self::Including(a), Self::Including(b)) => Some(Self::Including(bounded(
				a.iter().filter(|code| !has(b, code)).copied().collect(),
			)?)),
			(Self::Including(a), Self::Excluding(e)) => Some(Self::Including(bounded(
				a.iter().filter(|code| has(e, code)).copied().collect(),
			)?)),
			(Self::Excluding(e), Self::Including(b)) => {
				let mut codes: Vec<CountryCode> = e.iter().chain(b.iter()).copied().collect();
				codes.sort_unstable();
				codes.dedup();
				Some(Self::Excluding(bounded(codes)?))
			}
			(Self::Excluding(e), Self::Excluding(f)) => Some(Self::Including(bounded(
				f.iter().filter(|code| !has(e, code)).copied().collect(),
			)?)),
		}
	}
}

/// When a unit or a licence applies: the days from `start` up to, not including, `end`.
/// `end: None` means without end.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Term {
	/// The first day.
	pub start: Day,
	/// The first day after the term, if it ends.
	pub end: Option<Day>,
}

impl Term {
	/// From `start`, without end.
	pub const fn open_ended(start: Day) -> Self {
		Self { start, end: None }
	}

	/// From `start` up to, not including, `end`.
	pub const fn between(start: Day, end: Day) -> Self {
		Self {
			start,
			end: Some(end),
		}
	}

	/// Whether the term holds at least one day: it ends after it starts.
	pub fn is_valid(&self) -> bool {
		self.end.map_or(true, |end| end > self.start)
	}

	/// Whether the two terms share a day. Terms that touch (one ends the day the other
	/// starts) do not.
	pub fn intersects(&self, other: &Self) -> bool {
		let starts_before = |start: Day, end: Option<Day>| end.map_or(true, |end| start < end);
		starts_before(self.start, other.end) && starts_before(other.start, self.end)
	}

	/// Whether every day of `self` is in `other`.
	pub fn is_within(&self, other: &Self) -> bool {
		self.start >= other.start
			&& match (self.end, other.end) {
				(_, None) => true,
				(None, Some(_)) => false,
				(Some(end), Some(outer)) => end <= outer,
			}
	}

	/// Whether the term is over on `today`.
	pub fn has_ended(&self, today: Day) -> bool {
		self.end.is_some_and(|end| end <= today)
	}

	/// Whether `day` is in the term.
	pub fn holds(&self, day: Day) -> bool {
		day >= self.start && !self.has_ended(day)
	}
}

/// What a unit or a licence covers: rights × territory × term.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Serialize, Deserialize,
)]
#[derive_where(Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(MaxTerritories))]
#[serde(bound = "")]
pub struct Scope<MaxTerritories: Get<u32>> {
	/// The rights.
	pub rights: RightSet,
	/// Where.
	pub territory: Territory<MaxTerritories>,
	/// When.
	pub term: Term,
}

impl<MaxTerritories: Get<u32>> Scope<MaxTerritories> {
	/// Whether the scopes share a right, in a shared country, on a shared day.
	pub fn overlaps(&self, other: &Self) -> bool {
		self.rights.intersects(other.rights)
			&& self.territory.intersects(&other.territory)
			&& self.term.intersects(&other.term)
	}

	/// Whether `self` lies within `other` in all three dimensions.
	pub fn is_within(&self, other: &Self) -> bool {
		other.rights.contains(self.rights)
			&& self.territory.is_within(&other.territory)
			&& self.term.is_within(&other.term)
	}
}

/// How to split a unit: the part to carve out, in one dimension. The unit ends and two units
/// follow it, the part and the remainder, which together cover exactly what it covered.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Serialize, Deserialize,
)]
#[derive_where(Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(MaxTerritories))]
#[serde(bound = "")]
pub enum SplitSpec<MaxTerritories: Get<u32>> {
	/// These rights, and the unit's other rights.
	Rights(RightSet),
	/// These countries, and the unit's other countries.
	Territory(BoundedVec<CountryCode, MaxTerritories>),
	/// The days before this day, and the days from it on.
	Term(Day),
}

impl<M: Get<u32>> Territory<M> {
	/// The same territory under another bound; `None` if it lists more codes than `N` allows.
	pub fn rebound<N: Get<u32>>(&self) -> Option<Territory<N>> {
		Some(match self {
			Self::Including(codes) => Territory::Including(bounded(codes.to_vec())?),
			Self::Excluding(codes) => Territory::Excluding(bounded(codes.to_vec())?),
		})
	}
}

impl<M: Get<u32>> Scope<M> {
	/// The same scope under another bound; `None` if its territory lists more codes than `N`
	/// allows.
	pub fn rebound<N: Get<u32>>(&self) -> Option<Scope<N>> {
		Some(Scope {
			rights: self.rights,
			territory: self.territory.rebound()?,
			term: self.term,
		})
	}
}

impl<M: Get<u32>> SplitSpec<M> {
	/// The same split under another bound; `None` if it lists more codes than `N` allows.
	pub fn rebound<N: Get<u32>>(&self) -> Option<SplitSpec<N>> {
		Some(match self {
			Self::Rights(rights) => SplitSpec::Rights(*rights),
			Self::Territory(codes) => SplitSpec::Territory(bounded(codes.to_vec())?),
			Self::Term(day) => SplitSpec::Term(*day),
		})
	}
}
