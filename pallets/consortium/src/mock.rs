//! A runtime with frame-system and the consortium pallet; the council is account 1. Root
//! calls: `set_heap_pages`. Never enacted: `set_storage`, at any depth. Filtered for every
//! non-root origin: `remark_with_event`.

use crate::{self as pallet_consortium};
use polkadot_sdk::{
	frame_support::{derive_impl, ord_parameter_types, traits::Contains},
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
	type BaseCallFilter = NoRemarkWithEvent;
}

/// The base call filter: no `remark_with_event`.
pub struct NoRemarkWithEvent;
impl Contains<RuntimeCall> for NoRemarkWithEvent {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::System(frame_system::Call::remark_with_event { .. })
		)
	}
}

/// Never enacted: `set_storage`, directly or inside another enactment.
pub struct NoStorageWrites;
impl Contains<RuntimeCall> for NoStorageWrites {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::System(frame_system::Call::set_storage { .. }) => true,
			RuntimeCall::Consortium(crate::Call::enact { call }) => Self::contains(call),
			_ => false,
		}
	}
}

/// Runs as root: `set_heap_pages`.
pub struct HeapPagesAsRoot;
impl Contains<RuntimeCall> for HeapPagesAsRoot {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(frame_system::Call::set_heap_pages { .. })
		)
	}
}

ord_parameter_types! {
	pub const Council: u64 = 1;
}

impl pallet_consortium::Config for Test {
	type EnactOrigin = EnsureSignedBy<Council, u64>;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type EnactFilter = NoStorageWrites;
	type RootCalls = HeapPagesAsRoot;
	type Log = EnactedHashes;
	type WeightInfo = ();
}

/// The hashes of the calls enacted, in storage so that a failed enactment rolls them back as
/// it rolls back the audit log.
pub struct EnactedHashes;

impl EnactedHashes {
	const KEY: &'static [u8] = b"mock/enacted";

	/// The hashes logged so far.
	pub fn logged() -> Vec<polkadot_sdk::sp_core::H256> {
		polkadot_sdk::frame_support::storage::unhashed::get(Self::KEY).unwrap_or_default()
	}
}

impl pallet_consortium::EnactmentLog<RuntimeCall, polkadot_sdk::sp_core::H256> for EnactedHashes {
	fn enacted(_: &RuntimeCall, hash: &polkadot_sdk::sp_core::H256) {
		let mut logged = Self::logged();
		logged.push(*hash);
		polkadot_sdk::frame_support::storage::unhashed::put(Self::KEY, &logged);
	}

	fn weight(_: &RuntimeCall) -> polkadot_sdk::frame_support::weights::Weight {
		polkadot_sdk::frame_support::weights::Weight::from_parts(1_000, 0)
	}
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
