//! Benchmarks of every call, with a full validator set where the set is scanned.

use super::*;
use crate::{
	pallet::{Call, Config, Pallet, SessionLength, Validators},
	KeysRegistry,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use polkadot_sdk::{frame_benchmarking, frame_support::BoundedVec};
use registry_primitives::{MemberRoles, Role};

fn origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A set of `n` validators, all members.
fn fill<T: Config>(n: u32) -> alloc::vec::Vec<T::AccountId> {
	let set: alloc::vec::Vec<T::AccountId> = (0..n)
		.map(|i| {
			let who: T::AccountId = account("validator", i, 0);
			T::Members::register_for_benchmark(&who, &[Role::Institution]);
			who
		})
		.collect();
	Validators::<T>::put(BoundedVec::truncate_from(set.clone()));
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(
		v: Linear<1, { T::MaxValidators::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		fill::<T>(v);
		let who: T::AccountId = account("new", 0, 0);
		T::Members::register_for_benchmark(&who, &[Role::Institution]);
		T::SessionKeys::register_for_benchmark(&who);
		let origin = origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(v: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		let set = fill::<T>(v);
		let last = set.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let origin = origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last.clone());

		assert!(!Validators::<T>::get().contains(&last));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin = origin::<T>()?;
		let blocks = T::MinSessionLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(SessionLength::<T>::get(), blocks);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
