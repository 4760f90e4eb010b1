//! Tests of the rights pallet, one file per capability. Every test ends with the invariant
//! checks (`new_test_ext`).

mod assign;
mod attestations;
mod consent;
mod disputes;
mod licences;
mod moral;
mod queries;
mod scope;
mod split;
mod works;

use crate::{mock::*, *};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_core::H256,
	sp_runtime::DispatchResult,
};
use registry_primitives::{AuditEntry, AuditKind, Detail, Named, Subject};

/// Country codes used in the tests.
pub const CN: CountryCode = *b"CN";
pub const DE: CountryCode = *b"DE";
pub const FR: CountryCode = *b"FR";
pub const GB: CountryCode = *b"GB";
pub const JP: CountryCode = *b"JP";
pub const US: CountryCode = *b"US";

/// The creation day of the works registered by the helpers.
pub const CREATED: Day = TODAY - 10;

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn codes(list: &[CountryCode]) -> CodesOf<Test> {
	BoundedVec::truncate_from(list.to_vec())
}

pub fn including(list: &[CountryCode]) -> TerritoryOf<Test> {
	Territory::Including(codes(list))
}

pub fn excluding(list: &[CountryCode]) -> TerritoryOf<Test> {
	Territory::Excluding(codes(list))
}

pub fn worldwide() -> TerritoryOf<Test> {
	Territory::worldwide()
}

pub fn scope(rights: RightSet, territory: TerritoryOf<Test>, term: Term) -> ScopeOf<Test> {
	Scope {
		rights,
		territory,
		term,
	}
}

pub fn holders(list: &[u64]) -> HoldersOf<Test> {
	BoundedVec::truncate_from(list.to_vec())
}

/// Accounts as an audit record names them.
pub fn named(list: &[u64]) -> Named<u64> {
	Named::truncate_from(list.to_vec())
}

pub fn content(n: u8) -> H256 {
	H256::repeat_byte(n)
}

pub fn meta(n: u8) -> MetadataOf<Test> {
	MetadataRef {
		uri: BoundedVec::truncate_from(format!("ipfs://meta/{n}").into_bytes()),
		sha256: H256::repeat_byte(n),
	}
}

/// Registers content `n` with every parameter given.
pub fn try_register_full(
	who: u64,
	n: u8,
	created_on: Day,
	co_authors: &[u64],
	parents: &[WorkId],
	on_behalf_of: Option<u64>,
) -> DispatchResult {
	Rights::register_work(
		signed(who),
		content(n),
		BoundedVec::truncate_from(format!("Work {n}").into_bytes()),
		meta(n),
		created_on,
		holders(co_authors),
		BoundedVec::truncate_from(parents.to_vec()),
		on_behalf_of,
		Default::default(),
	)
}

/// Registers content `n`, created on [`CREATED`].
pub fn try_register(
	who: u64,
	n: u8,
	co_authors: &[u64],
	parents: &[WorkId],
	on_behalf_of: Option<u64>,
) -> DispatchResult {
	try_register_full(who, n, CREATED, co_authors, parents, on_behalf_of)
}

/// Registers content `n` by `who` with `co_authors`, and returns the work.
pub fn register_with(who: u64, n: u8, co_authors: &[u64]) -> WorkId {
	let work = NextWorkId::<Test>::get();
	assert_ok!(try_register(who, n, co_authors, &[], None));
	work
}

/// Registers content `n` by `who` alone, and returns the work.
pub fn register(who: u64, n: u8) -> WorkId {
	register_with(who, n, &[])
}

/// The work's first unit.
pub fn root(work: WorkId) -> UnitId {
	Works::<Test>::get(work).expect("the work exists").root_unit
}

/// A unit's record.
pub fn unit_record(id: UnitId) -> UnitOf<Test> {
	Units::<Test>::get(id).expect("the unit exists")
}

/// A licence's record.
pub fn licence_record(id: LicenceId) -> LicenceOf<Test> {
	Licences::<Test>::get(id).expect("the licence exists")
}

/// The rights events so far, oldest first.
pub fn rights_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Rights(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The latest rights event.
pub fn last_event() -> Event<Test> {
	rights_events().pop().expect("a rights event")
}

/// The latest audit entry.
pub fn last_audit() -> AuditEntry<u64> {
	audit_log().pop().expect("an audit entry")
}

/// Splits `id` and returns the part and the remainder.
pub fn split_ok(who: u64, id: UnitId, spec: SplitSpecOf<Test>) -> (UnitId, UnitId) {
	assert_ok!(Rights::split(signed(who), id, spec));
	match last_event() {
		Event::UnitSplit {
			part, remainder, ..
		} => (part, remainder),
		other => panic!("expected a split, got {other:?}"),
	}
}

/// Assigns `id` and returns the successor.
pub fn assign_ok(who: u64, id: UnitId, to: &[u64], threshold: u32) -> UnitId {
	assert_ok!(Rights::assign(signed(who), id, holders(to), threshold));
	match last_event() {
		Event::UnitAssigned { successor, .. } => successor,
		other => panic!("expected an assignment, got {other:?}"),
	}
}

/// Tries to grant a licence.
pub fn try_grant(
	who: u64,
	id: UnitId,
	licensee: u64,
	scope: ScopeOf<Test>,
	exclusive: bool,
) -> DispatchResult {
	Rights::grant_licence(signed(who), id, licensee, scope, exclusive)
}

/// Grants a licence and returns it.
pub fn grant_ok(
	who: u64,
	id: UnitId,
	licensee: u64,
	scope: ScopeOf<Test>,
	exclusive: bool,
) -> LicenceId {
	let id_before = NextLicenceId::<Test>::get();
	assert_ok!(try_grant(who, id, licensee, scope, exclusive));
	id_before
}

/// The numbers of a work's live units, in order.
pub fn live_units(work: WorkId) -> Vec<UnitId> {
	let mut units: Vec<UnitId> = UnitsOfWork::<Test>::iter_key_prefix(work)
		.filter(|id| unit_record(*id).ended_at.is_none())
		.collect();
	units.sort_unstable();
	units
}

/// The numbers of the units an account holds, in order.
pub fn units_of(who: u64) -> Vec<UnitId> {
	let mut units: Vec<UnitId> = UnitsOfHolder::<Test>::iter_key_prefix(who).collect();
	units.sort_unstable();
	units
}
