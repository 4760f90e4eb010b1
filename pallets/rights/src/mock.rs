//! A runtime with frame-system, members and rights; a wall clock and an audit log kept in
//! thread-locals so that tests can move time and read the entries.

use crate::{self as pallet_rights};
use core::{
	cell::{Cell, RefCell},
	time::Duration,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, UnixTime},
	},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::BuildStorage,
};
use registry_primitives::{AuditEntry, AuditReporter, Role};

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
	pub type Rights = pallet_rights;
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

/// The day the tests start on: 2022-01-08.
pub const TODAY: u32 = 19_000;

thread_local! {
	static NOW: Cell<Duration> = const { Cell::new(Duration::from_secs(0)) };
	static AUDIT: RefCell<Vec<AuditEntry<u64>>> = const { RefCell::new(Vec::new()) };
}

/// The wall clock of the tests.
pub struct MockTime;

impl UnixTime for MockTime {
	fn now() -> Duration {
		NOW.with(|now| now.get())
	}
}

/// Sets the clock to noon of `day`.
pub fn set_day(day: u32) {
	NOW.with(|now| now.set(Duration::from_secs(u64::from(day) * 86_400 + 43_200)));
}

/// Keeps every audit entry reported.
pub struct RecordingAudit;

impl AuditReporter<u64> for RecordingAudit {
	fn report(entry: AuditEntry<u64>) {
		AUDIT.with(|log| log.borrow_mut().push(entry));
	}
}

/// The audit entries reported so far.
pub fn audit_log() -> Vec<AuditEntry<u64>> {
	AUDIT.with(|log| log.borrow().clone())
}

impl pallet_rights::Config for Test {
	type Members = Members;
	type Audit = RecordingAudit;
	type Fingerprints = ();
	type Time = MockTime;
	type MaxTitleLength = ConstU32<64>;
	type MaxUriLength = ConstU32<64>;
	type MaxCoHolders = ConstU32<4>;
	type MaxParents = ConstU32<3>;
	type MaxTerritories = ConstU32<4>;
	type MaxOpenDisputes = ConstU32<2>;
	type MaxLiveLicences = ConstU32<4>;
	type MaxPendingActions = ConstU32<3>;
	type WeightInfo = ();
}

/// A registrar, to suspend members in tests.
pub const REGISTRAR: u64 = 1;
/// A museum: an institution, which attests and registers for creators.
pub const MUSEUM: u64 = 10;
/// A publisher: another institution.
pub const PUBLISHER: u64 = 11;
/// A creator, first author of most works in the tests.
pub const ARTIST: u64 = 20;
/// Another creator, co-author.
pub const POET: u64 = 21;
/// A third creator, who receives rights.
pub const STUDIO: u64 = 22;
/// A fourth creator, a licensee.
pub const BROADCASTER: u64 = 23;
/// A fifth creator.
pub const TRANSLATOR: u64 = 24;
/// A regulator: a member, but neither creator, institution nor arbiter.
pub const REGULATOR: u64 = 30;
/// A copyright mediation body.
pub const ARBITER: u64 = 40;
/// Not a member.
pub const STRANGER: u64 = 99;

fn genesis() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		members: pallet_members::GenesisConfig {
			members: vec![
				(REGISTRAR, vec![Role::Registrar]),
				(MUSEUM, vec![Role::Institution]),
				(PUBLISHER, vec![Role::Institution]),
				(ARTIST, vec![Role::Creator]),
				(POET, vec![Role::Creator]),
				(STUDIO, vec![Role::Creator]),
				(BROADCASTER, vec![Role::Creator]),
				(TRANSLATOR, vec![Role::Creator]),
				(REGULATOR, vec![Role::Regulator]),
				(ARBITER, vec![Role::Arbiter]),
			],
			rate_limits: vec![],
		},
	}
	.build_storage()
	.expect("the mock genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_day(TODAY);
		AUDIT.with(|log| log.borrow_mut().clear());
	});
	ext
}

/// Runs a test on a fresh chain at block 1 on day [`TODAY`], then checks the invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	genesis().execute_with(|| {
		test();
		Rights::do_try_state().expect("rights invariants hold");
	});
}

/// A fresh chain for the benchmarks' test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	genesis()
}

/// Moves the chain to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
