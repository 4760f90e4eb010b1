//! Benchmark of `enact` around the cheapest call: the enactment's own cost.

use super::*;
use crate::pallet::{Config, Pallet};
use alloc::boxed::Box;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use polkadot_sdk::frame_benchmarking;

#[benchmarks(where <T as Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn enact() -> Result<(), BenchmarkError> {
		let origin =
			T::EnactOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let call: <T as Config>::RuntimeCall = frame_system::Call::<T>::remark {
			remark: alloc::vec![],
		}
		.into();

		#[block]
		{
			// A remark does nothing: what is measured is the enactment around it.
			let _ = Pallet::<T>::enact(origin, Box::new(call));
		}

		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
