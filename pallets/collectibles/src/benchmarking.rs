//! Benchmarks of every call, each in its most expensive case.

use super::*;
use crate::pallet::{Call, Collections, Config, Items, MintRequestOf, Pallet};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use polkadot_sdk::{
	frame_benchmarking,
	frame_support::{traits::Get, BoundedVec},
	sp_core::H256,
	sp_runtime::traits::{One, Saturating},
};
use registry_primitives::{MemberRoles, Role};

fn member<T: Config>(name: &'static str, index: u32, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Members::register_for_benchmark(&who, roles);
	who
}

/// A string of `len` bytes, the longest the runtime accepts when `len` is its bound.
fn text<S: Get<u32>>() -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![b'x'; S::get() as usize])
}

fn metadata<T: Config>(seed: u8) -> MetadataRef<T::MaxUriLength> {
	MetadataRef {
		uri: text::<T::MaxUriLength>(),
		sha256: H256::repeat_byte(seed),
	}
}

fn request<T: Config>(serial: u32, owner: &T::AccountId) -> MintRequestOf<T> {
	let mut content = [0u8; 32];
	content[..4].copy_from_slice(&serial.to_le_bytes());
	MintRequest {
		content: H256(content),
		metadata: metadata::<T>(1),
		serial,
		creator: owner.clone(),
		catalogue_number: Some(text::<T::MaxCatalogueLength>()),
		owner: owner.clone(),
		fingerprints: Default::default(),
	}
}

/// A policy that makes a transfer do every check and write the transfer window.
fn capped_policy<T: Config>() -> TransferPolicy<BlockNumberFor<T>> {
	TransferPolicy {
		transferable: true,
		min_holding_blocks: One::one(),
		max_transfers_per_window: 10,
		window_blocks: 100u32.into(),
	}
}

/// A collection by an institution, with one item held by a creator.
fn collection_with_item<T: Config>(
	draft: bool,
) -> (T::AccountId, T::AccountId, CollectionId, ItemId) {
	let issuer = member::<T>("issuer", 0, &[Role::Institution]);
	let holder = member::<T>("holder", 0, &[Role::Creator]);
	let collection = NextCollectionId::<T>::get();
	let policy = capped_policy::<T>();
	assert!(Pallet::<T>::do_create_collection(
		issuer.clone(),
		text::<T::MaxNameLength>(),
		text::<T::MaxDescriptionLength>(),
		metadata::<T>(0),
		MAX_SUPPLY_CAP,
		1,
		policy,
		BoundedVec::new(),
		None,
	)
	.is_ok());
	assert!(Pallet::<T>::do_mint(
		issuer.clone(),
		collection,
		vec![request::<T>(0, &holder)],
		draft,
		crate::features::MintEvents::EachItem,
	)
	.is_ok());
	(issuer, holder, collection, 0)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_collection(i: Linear<0, { T::MaxIssuers::get().saturating_sub(1) }>) {
		let issuer = member::<T>("issuer", 0, &[Role::Institution]);
		let co_issuers: Vec<T::AccountId> = (0..i)
			.map(|n| member::<T>("co-issuer", n, &[Role::Institution]))
			.collect();
		let custodian = member::<T>("custodian", 0, &[Role::Institution]);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(issuer.clone()),
			text::<T::MaxNameLength>(),
			text::<T::MaxDescriptionLength>(),
			metadata::<T>(0),
			MAX_SUPPLY_CAP,
			1,
			capped_policy::<T>(),
			BoundedVec::truncate_from(co_issuers),
			Some(custodian),
		);

		assert_eq!(
			Collections::<T>::get(0).map(|c| c.issuers.len() as u32),
			Some(i + 1)
		);
	}

	#[benchmark]
	fn mint() {
		let (issuer, holder, collection, _) = collection_with_item::<T>(false);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(issuer),
			collection,
			request::<T>(1, &holder),
			false,
		);

		assert!(Items::<T>::contains_key(collection, 1));
	}

	#[benchmark]
	fn mint_batch(n: Linear<1, { T::MaxBatchSize::get() }>) {
		let (issuer, _, collection, _) = collection_with_item::<T>(false);
		// Each item to a holder of its own: every holder's account index gets an entry, the
		// costlier case for a catalogue given out to many members.
		let requests: Vec<_> = (1..=n)
			.map(|serial| request::<T>(serial, &member::<T>("holder", serial, &[Role::Creator])))
			.collect();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(issuer),
			collection,
			BoundedVec::truncate_from(requests),
			false,
		);

		assert!(Items::<T>::contains_key(collection, n));
	}

	// Issued, so the earlier version is written to the history.
	#[benchmark]
	fn set_metadata() {
		let (issuer, _, collection, item) = collection_with_item::<T>(false);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(issuer),
			collection,
			item,
			metadata::<T>(2),
		);

		assert_eq!(
			Items::<T>::get(collection, item).map(|i| i.metadata_version),
			Some(1)
		);
	}

	#[benchmark]
	fn issue() {
		let (issuer, _, collection, item) = collection_with_item::<T>(true);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), collection, item);

		assert_eq!(
			Items::<T>::get(collection, item).map(|i| i.state),
			Some(ItemState::Issued)
		);
	}

	#[benchmark]
	fn transfer() {
		let (_, holder, collection, item) = collection_with_item::<T>(false);
		let receiver = member::<T>("receiver", 0, &[Role::Creator]);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(10u32.into()));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(holder),
			collection,
			item,
			receiver.clone(),
		);

		assert_eq!(
			Items::<T>::get(collection, item).map(|i| i.owner),
			Some(receiver)
		);
	}

	#[benchmark]
	fn freeze() {
		let (_, _, collection, item) = collection_with_item::<T>(false);
		let regulator = member::<T>("regulator", 0, &[Role::Regulator]);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(regulator),
			collection,
			item,
			1,
			H256::repeat_byte(9),
		);

		assert!(Items::<T>::get(collection, item).is_some_and(|i| i.frozen.is_some()));
	}

	#[benchmark]
	fn unfreeze() {
		let (_, _, collection, item) = collection_with_item::<T>(false);
		let regulator = member::<T>("regulator", 0, &[Role::Regulator]);
		assert!(Pallet::<T>::do_freeze(
			regulator.clone(),
			collection,
			item,
			1,
			H256::repeat_byte(9)
		)
		.is_ok());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(regulator),
			collection,
			item,
			2,
			H256::repeat_byte(8),
		);

		assert!(Items::<T>::get(collection, item).is_some_and(|i| i.frozen.is_none()));
	}

	// By an issuer rather than the holder: the issuer check reads the collection too.
	#[benchmark]
	fn retire() {
		let (issuer, _, collection, item) = collection_with_item::<T>(false);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), collection, item, 7);

		assert!(Items::<T>::get(collection, item)
			.is_some_and(|i| matches!(i.state, ItemState::Retired { .. })));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
