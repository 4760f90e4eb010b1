//! The pallets whose calls are benchmarked into their `weights.rs`.

polkadot_sdk::frame_benchmarking::define_benchmarks!(
	[pallet_members, Members]
	[pallet_validators, Validators]
	[pallet_consortium, Consortium]
	[pallet_collectibles, Collectibles]
	[pallet_rights, Rights]
	[pallet_audit, Audit]
);
