//! Benchmarks of every call, and of one report, each in its most expensive case.

use super::*;
use crate::pallet::{
	Alerts, Call, Config, Head, NextAlertId, Pallet, RecentTransfers, Records, Rules, RulesOf,
	TransfersOf,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_runtime::traits::{One, Saturating},
};
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, MemberRoles, Role, Subject};

/// `n` distinct rules, each broken by a quick return of an item: bursts allowing one
/// transfer and back-and-forth rules, over windows of 10 blocks and more.
fn rules<T: Config>(n: u32) -> Vec<Rule<BlockNumberFor<T>>> {
	(0..n)
		.map(|i| {
			let window_blocks = BlockNumberFor::<T>::from(i.saturating_add(10));
			if i % 2 == 0 {
				Rule::TransferBurst {
					max_transfers: 1,
					window_blocks,
				}
			} else {
				Rule::BackAndForth { window_blocks }
			}
		})
		.collect()
}

/// Moves the chain one block on.
fn next_block<T: Config>() -> BlockNumberFor<T> {
	let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
	frame_system::Pallet::<T>::set_block_number(next);
	next
}

fn transfer<T: Config>(
	subject: Subject,
	from: &T::AccountId,
	to: &T::AccountId,
	by: &T::AccountId,
) -> AuditEntry<T::AccountId> {
	AuditEntry::new(AuditKind::Transferred, subject, by.clone())
		.from(from.clone())
		.to(to.clone())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// With the most rules. Their number barely moves the cost (one small value written), and
	// a component over so short a range defeats the regression analysis.
	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let r = T::MaxRules::get();
		let rules: RulesOf<T> = BoundedVec::truncate_from(rules::<T>(r));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);

		assert_eq!(Rules::<T>::get().len() as u32, r);
		Ok(())
	}

	// With the longest note.
	#[benchmark]
	fn close_alert() {
		let regulator: T::AccountId = account("regulator", 0, 0);
		T::Members::register_for_benchmark(&regulator, &[Role::Regulator]);
		let (alice, bob): (T::AccountId, T::AccountId) =
			(account("alice", 0, 0), account("bob", 0, 0));
		let subject = Subject::Item(0, 0);
		Rules::<T>::put(BoundedVec::truncate_from(rules::<T>(1)));
		Pallet::<T>::append(transfer::<T>(subject, &alice, &bob, &alice));
		Pallet::<T>::append(transfer::<T>(subject, &bob, &alice, &bob));
		let note = BoundedVec::truncate_from(vec![b'n'; T::MaxNoteLength::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), 0, note);

		assert!(Alerts::<T>::get(0).is_some_and(|a| a.status != AlertStatus::Open));
	}

	// A transfer naming three accounts, the first record of its block, over a full transfer
	// history, breaking every rule.
	#[benchmark]
	fn report() {
		let (alice, bob, operator): (T::AccountId, T::AccountId, T::AccountId) = (
			account("alice", 0, 0),
			account("bob", 0, 0),
			account("operator", 0, 0),
		);
		let subject = Subject::Item(0, 0);
		Pallet::<T>::append(
			AuditEntry::new(AuditKind::Minted, subject, operator.clone()).to(alice.clone()),
		);
		let earlier = next_block::<T>();
		let tracked = T::MaxTrackedTransfers::get();
		let history: TransfersOf<T> = BoundedVec::truncate_from(
			(0..tracked)
				.map(|i| {
					let (from, to) = if i % 2 == 0 {
						(&alice, &bob)
					} else {
						(&bob, &alice)
					};
					TransferMark {
						block: earlier,
						from: Some(from.clone()),
						to: Some(to.clone()),
					}
				})
				.collect(),
		);
		// Undo the last transfer kept: a return within every window.
		let (from, to) = history
			.last()
			.and_then(|last| Some((last.to.clone()?, last.from.clone()?)))
			.unwrap_or((alice.clone(), bob.clone()));
		RecentTransfers::<T>::insert(subject, history);
		Rules::<T>::put(BoundedVec::truncate_from(rules::<T>(T::MaxRules::get())));
		next_block::<T>();
		let entry = transfer::<T>(subject, &from, &to, &operator);

		#[block]
		{
			<Pallet<T> as AuditReporter<T::AccountId>>::report(entry);
		}

		assert_eq!(NextAlertId::<T>::get(), u64::from(T::MaxRules::get()));
	}

	// One alert, as a transfer raises it for each rule it breaks.
	#[benchmark]
	fn raise_alert() -> Result<(), BenchmarkError> {
		let (alice, bob): (T::AccountId, T::AccountId) =
			(account("alice", 0, 0), account("bob", 0, 0));
		Pallet::<T>::append(transfer::<T>(Subject::Item(0, 0), &alice, &bob, &alice));
		let seq = Head::<T>::get().next_seq.saturating_sub(1);
		let record = Records::<T>::get(seq).ok_or(BenchmarkError::Stop("no record appended"))?;
		let rule = Rule::BackAndForth {
			window_blocks: One::one(),
		};
		let before = NextAlertId::<T>::get();

		#[block]
		{
			Pallet::<T>::raise_alert(rule, &record);
		}

		assert_eq!(NextAlertId::<T>::get(), before.saturating_add(1));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
