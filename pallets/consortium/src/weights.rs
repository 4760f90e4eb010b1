//! Weights of the consortium pallet's call.
//!
//! Counted until `scripts/bench.sh` generates them from the pallet's benchmarks.

use polkadot_sdk::frame_support::weights::Weight;

/// Weights of the consortium pallet.
pub trait WeightInfo {
	/// Weight of `enact` itself, beside the enacted call.
	fn enact() -> Weight;
}

/// Weights for a runtime.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn enact() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
}

/// The same, for tests and mocks.
impl WeightInfo for () {
	fn enact() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
}
