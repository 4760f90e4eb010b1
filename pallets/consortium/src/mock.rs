//! A runtime with frame-system and the consortium pallet; the consortium is account 1.

use crate::{self as pallet_consortium};
use polkadot_sdk::{
	frame_support::{derive_impl, ord_parameter_types},
	frame_system::{self, EnsureSignedBy},
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
	pub type Consortium = pallet_consortium;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Council: u64 = 1;
}

impl pallet_consortium::Config for Test {
	type ConsortiumOrigin = EnsureSignedBy<Council, u64>;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = ();
}

/// Runs a test at block 1.
pub fn new_test_ext(test: impl FnOnce()) {
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the mock genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		test();
	});
}

/// The chain the benchmarks run on as tests.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the mock genesis is valid");
	sp_io::TestExternalities::new(storage)
}
