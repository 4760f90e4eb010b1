//! A runtime with only frame-system and the members pallet.

use crate::{self as pallet_members, Role};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types, traits::ConstU64},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::{BuildStorage, DispatchError, DispatchResult, Weight},
};

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
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type BlockHashCount = ConstU64<250>;
}

parameter_types! {
	/// Accounts only the consortium may suspend or remove (a council member, say).
	pub Protected: Vec<u64> = vec![COUNCILLOR];
	/// Departures the runtime was told of, as (account, removed).
	pub static Departures: Vec<(u64, bool)> = vec![];
}

/// Records departures; refuses that of [`LAST_VALIDATOR`], as the validator set would.
pub struct RecordDepartures;

impl pallet_members::OnDeparture<u64> for RecordDepartures {
	fn on_departure(who: &u64, removed: bool) -> DispatchResult {
		if *who == LAST_VALIDATOR {
			return Err(DispatchError::Other("the last validator"));
		}
		Departures::mutate(|d| d.push((*who, removed)));
		Ok(())
	}

	fn weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// Refuses remarks longer than four bytes.
pub struct ShortRemarks;

impl pallet_members::SignedCallPolicy<u64, RuntimeCall> for ShortRemarks {
	fn allows(_: &u64, call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::System(frame_system::Call::remark { remark }) if remark.len() > 4)
	}
}

impl pallet_members::Config for Test {
	type ConsortiumOrigin = EnsureRoot<u64>;
	type Protected = polkadot_sdk::frame_support::traits::IsInVec<Protected>;
	type OnDeparture = RecordDepartures;
	type CallPolicy = ShortRemarks;
	type WeightInfo = ();
}

/// A registrar.
pub const REGISTRAR: u64 = 1;
/// A second registrar.
pub const REGISTRAR_2: u64 = 2;
/// An institution.
pub const MUSEUM: u64 = 10;
/// A regulator.
pub const REGULATOR: u64 = 20;
/// An account that is not a member.
pub const STRANGER: u64 = 99;
/// A council member: an institution only the consortium may suspend or remove.
pub const COUNCILLOR: u64 = 30;
/// A member whose departure the runtime refuses (the chain's last validator).
pub const LAST_VALIDATOR: u64 = 31;

/// Genesis: two registrars, an institution and a regulator. Runs the invariants after the test.
pub fn new_test_ext(test: impl FnOnce()) {
	let mut ext = genesis();
	ext.execute_with(|| {
		System::set_block_number(1);
		test();
		Members::do_try_state().expect("members invariants hold");
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
	genesis_with_rate_limits(vec![])
}

/// The mock genesis with these rate limits.
pub fn genesis_with_rate_limits(
	rate_limits: Vec<(Role, crate::RateLimit<u64>)>,
) -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		members: pallet_members::GenesisConfig {
			members: vec![
				(REGISTRAR, vec![Role::Registrar]),
				(REGISTRAR_2, vec![Role::Registrar, Role::Institution]),
				(MUSEUM, vec![Role::Institution]),
				(REGULATOR, vec![Role::Regulator]),
				(COUNCILLOR, vec![Role::Institution]),
				(LAST_VALIDATOR, vec![Role::Institution]),
			],
			rate_limits,
		},
	}
	.build_storage()
	.expect("the mock genesis is valid");
	sp_io::TestExternalities::new(storage)
}
