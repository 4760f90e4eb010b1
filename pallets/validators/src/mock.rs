//! A runtime with frame-system, members and validators.

use crate::{self as pallet_validators};
use pallet_members::Role;
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64},
	},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::BuildStorage,
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

	#[runtime::pallet_index(2)]
	pub type Validators = pallet_validators;
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

polkadot_sdk::frame_support::parameter_types! {
	/// Accounts whose session keys were cleared.
	pub static Purged: Vec<u64> = vec![];
}

/// Every member but [`NO_KEYS`] has registered session keys, until they are purged.
pub struct KeysRegistered;
impl crate::KeysRegistry<u64> for KeysRegistered {
	fn has_keys(who: &u64) -> bool {
		*who != NO_KEYS && !Purged::get().contains(who)
	}

	fn purge(who: &u64) {
		Purged::mutate(|p| p.push(*who));
	}

	fn purge_weight() -> polkadot_sdk::sp_runtime::Weight {
		polkadot_sdk::sp_runtime::Weight::from_parts(1_000, 0)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(_who: &u64) {}
}

impl pallet_validators::Config for Test {
	type ConsortiumOrigin = EnsureRoot<u64>;
	type Members = Members;
	type SessionKeys = KeysRegistered;
	type MaxValidators = ConstU32<4>;
	type MinSessionLength = ConstU64<2>;
	type WeightInfo = ();
}

/// Founding validators.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
/// Members that are not validators.
pub const CHARLIE: u64 = 3;
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
/// A member without session keys.
pub const NO_KEYS: u64 = 6;
/// Not a member.
pub const STRANGER: u64 = 99;

/// Runs a test at block 1 on a chain with validators Alice and Bob and 10-block sessions, then
/// checks the invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	let mut ext = genesis();
	ext.execute_with(|| {
		System::set_block_number(1);
		test();
		Validators::do_try_state().expect("validators invariants hold");
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
	let members = [ALICE, BOB, CHARLIE, DAVE, EVE, NO_KEYS]
		.into_iter()
		.map(|who| (who, vec![Role::Institution]))
		.collect();
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		members: pallet_members::GenesisConfig {
			members,
			rate_limits: vec![],
		},
		validators: pallet_validators::GenesisConfig {
			validators: vec![ALICE, BOB],
			session_length: 10,
		},
	}
	.build_storage()
	.expect("the mock genesis is valid");
	sp_io::TestExternalities::new(storage)
}
