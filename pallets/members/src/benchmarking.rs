//! Benchmarks of every call and of the membership check at the pool.

use super::*;
use crate::pallet::{Call, Config, Members, Pallet, RateLimits};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking,
	frame_support::{traits::EnsureOrigin, BoundedVec},
	sp_core::H256,
};

/// An active registrar, who signs the benchmarked calls.
fn registrar<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("registrar", 0, 0);
	<Pallet<T> as MemberRoles<T::AccountId>>::register_for_benchmark(&who, &[Role::Registrar]);
	who
}

/// An active member with every role a registrar may grant.
fn member<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("member", 0, 0);
	<Pallet<T> as MemberRoles<T::AccountId>>::register_for_benchmark(
		&who,
		&[Role::Institution, Role::Creator, Role::Arbiter],
	);
	who
}

#[benchmarks(where T: Send + Sync)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn admit() {
		let registrar = registrar::<T>();
		let who: T::AccountId = account("new", 0, 0);
		let roles =
			BoundedVec::truncate_from(vec![Role::Institution, Role::Creator, Role::Arbiter]);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(registrar),
			who.clone(),
			roles,
			H256::repeat_byte(1),
		);

		assert!(Members::<T>::contains_key(&who));
	}

	#[benchmark]
	fn suspend() {
		let registrar = registrar::<T>();
		let who = member::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert!(!Pallet::<T>::is_active_member(&who));
	}

	#[benchmark]
	fn set_roles() {
		let registrar = registrar::<T>();
		let who = member::<T>();
		let roles = BoundedVec::truncate_from(vec![Role::Creator]);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone(), roles);

		assert!(!<Pallet<T> as MemberRoles<T::AccountId>>::has_role(
			&who,
			Role::Institution
		));
	}

	#[benchmark]
	fn reinstate() {
		let registrar = registrar::<T>();
		let who = member::<T>();
		assert!(
			Pallet::<T>::suspend(RawOrigin::Signed(registrar.clone()).into(), who.clone()).is_ok()
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert!(Pallet::<T>::is_active_member(&who));
	}

	#[benchmark]
	fn remove() {
		let registrar = registrar::<T>();
		let who = member::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert!(!Members::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_rate_limit() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let limit = RateLimit {
			max_transactions: 10,
			max_weight: 1_000_000_000_000,
			max_bytes: 1 << 20,
			window_blocks: 10u32.into(),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Role::Creator, Some(limit));

		assert_eq!(RateLimits::<T>::get(Role::Creator), Some(limit));
		Ok(())
	}

	// Every role limited, so the check reads each role's limit and counts the window.
	#[benchmark]
	fn check_member() {
		let who = member::<T>();
		for role in [
			Role::Registrar,
			Role::Institution,
			Role::Creator,
			Role::Regulator,
			Role::Arbiter,
		] {
			RateLimits::<T>::insert(
				role,
				RateLimit {
					max_transactions: 1_000,
					max_weight: 1_000_000_000_000,
					max_bytes: 1 << 20,
					window_blocks: 10u32.into(),
				},
			);
		}
		let result;

		#[block]
		{
			result = CheckMember::<T>::check(&who, crate::Usage::default());
		}

		assert!(matches!(result, Ok((_, Some(_)))));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
