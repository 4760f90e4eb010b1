//! A runtime with frame-system, members and collectibles.

use crate::{self as pallet_collectibles};
use core::cell::RefCell;
use pallet_members::Role;
use polkadot_sdk::{
	frame_support::{derive_impl, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::BuildStorage,
};
use registry_primitives::{AuditEntry, AuditReporter};

type Block = frame_system::mocking::MockBlock<Test>;

#[polkadot_sdk::frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Members = pallet_members;

	#[runtime::pallet_index(2)]
	pub type Collectibles = pallet_collectibles;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_members::Config for Test {
	type ConsortiumOrigin = EnsureRoot<u64>;
	type Protected = polkadot_sdk::frame_support::traits::Nothing;
	type OnDeparture = ();
	type CallPolicy = ();
	type WeightInfo = ();
}

thread_local! {
	static REPORTED: RefCell<Vec<AuditEntry<u64>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps what the pallet reports, for tests to read.
pub struct RecordingAudit;

impl AuditReporter<u64> for RecordingAudit {
	fn report(entry: AuditEntry<u64>) {
		REPORTED.with(|r| r.borrow_mut().push(entry));
	}
}

/// Takes the audit entries reported since the last call.
pub fn take_reported() -> Vec<AuditEntry<u64>> {
	REPORTED.with(|r| core::mem::take(&mut *r.borrow_mut()))
}

impl pallet_collectibles::Config for Test {
	type Members = Members;
	type Audit = RecordingAudit;
	type Fingerprints = ();
	type MaxIssuers = ConstU32<3>;
	type MaxNameLength = ConstU32<32>;
	type MaxDescriptionLength = ConstU32<64>;
	type MaxUriLength = ConstU32<64>;
	type MaxCatalogueLength = ConstU32<16>;
	type MaxBatchSize = ConstU32<10>;
	type MaxEditions = ConstU32<5>;
	type WeightInfo = ();
}

/// A registrar, to suspend members in tests.
pub const REGISTRAR: u64 = 1;
/// The issuing museum.
pub const MUSEUM: u64 = 10;
/// A second museum, co-issuer.
pub const LIBRARY: u64 = 11;
/// A third museum, not an issuer.
pub const ARCHIVE: u64 = 12;
/// A creator, who holds items.
pub const ARTIST: u64 = 20;
/// Another creator.
pub const COLLECTOR: u64 = 21;
/// A regulator.
pub const REGULATOR: u64 = 30;
/// Not a member.
pub const STRANGER: u64 = 99;

/// Runs a test on a fresh chain at block 1, then checks the invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	let mut ext = genesis();
	ext.execute_with(|| {
		take_reported();
		System::set_block_number(1);
		test();
		Collectibles::do_try_state().expect("collectibles invariants hold");
	});
}

/// The chain the benchmarks run on as tests.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut ext = genesis();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn genesis() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		members: pallet_members::GenesisConfig {
			members: vec![
				(REGISTRAR, vec![Role::Registrar]),
				(MUSEUM, vec![Role::Institution]),
				(LIBRARY, vec![Role::Institution]),
				(ARCHIVE, vec![Role::Institution]),
				(ARTIST, vec![Role::Creator]),
				(COLLECTOR, vec![Role::Creator]),
				(REGULATOR, vec![Role::Regulator]),
			],
			rate_limits: vec![],
		},
	}
	.build_storage()
	.expect("the mock genesis is valid");
	sp_io::TestExternalities::new(storage)
}

/// Moves the chain to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
