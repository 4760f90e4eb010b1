//! A runtime with frame-system and fingerprints.

use crate::{self as pallet_fingerprints};
use polkadot_sdk::{frame_support::derive_impl, frame_system, sp_io, sp_runtime::BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

#[polkadot_sdk::frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Fingerprints = pallet_fingerprints;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_fingerprints::Config for Test {}

/// Runs `test` on an empty chain, then checks the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the mock's genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		test();
		Fingerprints::do_try_state().expect("the invariants hold");
	});
}
