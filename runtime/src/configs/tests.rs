//! The runtime's bounds against its benchmarked weights: the largest call each bound allows
//! must fit in a block, or the pool would refuse it and no one could ever make it.

use super::RuntimeBlockWeights;
use crate::Runtime;
use polkadot_sdk::frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};

fn max_extrinsic() -> Weight {
	RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_extrinsic
		.expect("normal transactions have a bound")
}

fn assert_fits(call: &str, weight: Weight) {
	let max = max_extrinsic();
	assert!(
		weight.all_lte(max),
		"{call} at its bounds weighs {weight:?}, more than a block gives a transaction ({max:?})"
	);
}

#[test]
fn the_largest_batch_mint_fits_in_a_block() {
	use pallet_collectibles::WeightInfo;
	type Weights = <Runtime as pallet_collectibles::Config>::WeightInfo;
	let batch: u32 = <Runtime as pallet_collectibles::Config>::MaxBatchSize::get();
	let issuers: u32 = <Runtime as pallet_collectibles::Config>::MaxIssuers::get();

	assert_fits("mint_batch", Weights::mint_batch(batch));
	assert_fits("create_collection", Weights::create_collection(issuers));
	// The batch takes most of the block but not all of it: other members still get in.
	assert!(Weights::mint_batch(batch).ref_time() < max_extrinsic().ref_time() * 9 / 10);
	// And the bound is not far below what fits: doubling it would not.
	assert!(!Weights::mint_batch(batch * 2).all_lte(max_extrinsic()));
}

#[test]
fn a_transfer_under_every_rule_fits_in_a_block() {
	use pallet_audit::WeightInfo as AuditWeights;
	use pallet_collectibles::WeightInfo;
	let rules: u32 = <Runtime as pallet_audit::Config>::MaxRules::get();
	let alerts = <<Runtime as pallet_audit::Config>::WeightInfo as AuditWeights>::raise_alert()
		.saturating_mul(u64::from(rules));
	let transfer = <<Runtime as pallet_collectibles::Config>::WeightInfo as WeightInfo>::transfer();
	assert_fits("transfer", transfer.saturating_add(alerts));
}

#[test]
fn the_largest_rights_calls_fit_in_a_block() {
	use pallet_rights::WeightInfo;
	type Weights = <Runtime as pallet_rights::Config>::WeightInfo;
	let co_holders: u32 = <Runtime as pallet_rights::Config>::MaxCoHolders::get();
	let parents: u32 = <Runtime as pallet_rights::Config>::MaxParents::get();
	let pending: u32 = <Runtime as pallet_rights::Config>::MaxPendingActions::get();
	let licences: u32 = <Runtime as pallet_rights::Config>::MaxLiveLicences::get();

	assert_fits("register_work", Weights::register_work(co_holders, parents));
	assert_fits("resolve_dispute", Weights::resolve_dispute(co_holders));
	assert_fits("split", Weights::split(co_holders, pending));
	assert_fits("assign", Weights::assign(co_holders, pending));
	assert_fits("grant_licence", Weights::grant_licence(licences));
}

#[test]
fn the_largest_validator_set_changes_fit_in_a_block() {
	use pallet_validators::WeightInfo;
	type Weights = <Runtime as pallet_validators::Config>::WeightInfo;
	let validators: u32 = <Runtime as pallet_validators::Config>::MaxValidators::get();
	assert_fits("add_validator", Weights::add_validator(validators));
	assert_fits("remove_validator", Weights::remove_validator(validators));
}
