//! A runtime with frame-system, members and the audit log.

use crate::{self as pallet_audit, Rule};
use polkadot_sdk::{
	frame_support::{derive_impl, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::BuildStorage,
};
use registry_primitives::Role;

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
	pub type Audit = pallet_audit;
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

/// Transfers of each item kept for the rules.
pub const TRACKED: u32 = 5;

impl pallet_audit::Config for Test {
	type Members = Members;
	type ConsortiumOrigin = EnsureRoot<u64>;
	type MaxRules = ConstU32<4>;
	type MaxTrackedTransfers = ConstU32<TRACKED>;
	type MaxNoteLength = ConstU32<32>;
	type Time = MockTime;
	type WeightInfo = ();
}

std::thread_local! {
	static NOW_MS: core::cell::Cell<u64> = const { core::cell::Cell::new(0) };
}

/// The wall clock of the tests, set with [`set_time`].
pub struct MockTime;

impl polkadot_sdk::frame_support::traits::UnixTime for MockTime {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(NOW_MS.with(|now| now.get()))
	}
}

/// Sets the clock, in milliseconds since the Unix epoch.
pub fn set_time(ms: u64) {
	NOW_MS.with(|now| now.set(ms));
}

/// A registrar, to suspend members in tests.
pub const REGISTRAR: u64 = 1;
/// An issuing museum.
pub const MUSEUM: u64 = 10;
/// A collector.
pub const ALICE: u64 = 20;
/// Another collector.
pub const BOB: u64 = 21;
/// A third collector.
pub const CAROL: u64 = 22;
/// A regulator.
pub const REGULATOR: u64 = 30;
/// Not a member.
pub const STRANGER: u64 = 99;

fn genesis() -> sp_io::TestExternalities {
	genesis_with_rules(vec![])
}

/// A fresh chain whose genesis sets `rules`.
pub fn genesis_with_rules(rules: Vec<Rule<u64>>) -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		members: pallet_members::GenesisConfig {
			members: vec![
				(REGISTRAR, vec![Role::Registrar]),
				(MUSEUM, vec![Role::Institution]),
				(ALICE, vec![Role::Creator]),
				(BOB, vec![Role::Creator]),
				(CAROL, vec![Role::Creator]),
				(REGULATOR, vec![Role::Regulator]),
			],
			rate_limits: vec![],
		},
		audit: crate::GenesisConfig { rules },
	}
	.build_storage()
	.expect("the mock genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test on a fresh chain at block 1, then checks the invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	genesis().execute_with(|| {
		test();
		Audit::do_try_state().expect("audit invariants hold");
	});
}

/// The chain the benchmarks run on as tests.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	genesis()
}

/// Moves the chain to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
