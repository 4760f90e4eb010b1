//! Benchmarks of the rights pallet's calls, one per call, each at its worst case.

use super::*;
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{traits::Get, BoundedVec},
	frame_system::RawOrigin,
	sp_core::H256,
};
use registry_primitives::{MemberRoles, Role};

const SEED: u32 = 0;

/// An active member with `roles`.
fn member<T: Config>(name: &'static str, index: u32, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Members::register_for_benchmark(&who, roles);
	who
}

/// `n` active creators.
fn creators<T: Config>(name: &'static str, n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| member::<T>(name, i, &[Role::Creator]))
		.collect()
}

/// A hash distinct for each `n`: its big-endian bytes at the end.
fn numbered_hash(n: u64) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[24..].copy_from_slice(&n.to_be_bytes());
	H256(bytes)
}

/// A content hash distinct for each `n`.
fn content(n: u32) -> H256 {
	numbered_hash(u64::from(n).saturating_add(1))
}

/// A metadata reference with the longest URI.
fn metadata<T: Config>() -> MetadataOf<T> {
	MetadataRef {
		uri: BoundedVec::truncate_from(vec![b'u'; T::MaxUriLength::get() as usize]),
		sha256: H256::repeat_byte(1),
	}
}

/// Registers work number `n` with `authors`, the first being the registrant, on day 0.
fn register<T: Config>(authors: &[T::AccountId], n: u32) -> Result<WorkId, BenchmarkError> {
	let (first, co_authors) = authors.split_first().ok_or("a work needs an author")?;
	let work = NextWorkId::<T>::get();
	Pallet::<T>::register_work(
		RawOrigin::Signed(first.clone()).into(),
		content(n),
		BoundedVec::truncate_from(vec![b't'; T::MaxTitleLength::get() as usize]),
		metadata::<T>(),
		0,
		BoundedVec::truncate_from(co_authors.to_vec()),
		BoundedVec::new(),
		None,
		Default::default(),
	)?;
	Ok(work)
}

/// The first unit of `work`.
fn root_unit<T: Config>(work: WorkId) -> Result<UnitId, BenchmarkError> {
	Ok(Works::<T>::get(work)
		.ok_or("the work was registered")?
		.root_unit)
}

/// Fills `unit`'s pending actions with `p` unrelated proposals approved by `approver`.
fn fill_pending<T: Config>(unit: UnitId, approver: &T::AccountId, p: u32) {
	for i in 0..p {
		let hash = numbered_hash(u64::from(i).saturating_add(1_000_000));
		Pending::<T>::insert(
			unit,
			hash,
			HoldersOf::<T>::truncate_from(vec![approver.clone()]),
		);
	}
	PendingActions::<T>::mutate(unit, |count| *count = count.saturating_add(p));
}

/// A territory of the single country `code`.
fn one_country<T: Config>(code: [u8; 2]) -> TerritoryOf<T> {
	Territory::Including(CodesOf::<T>::truncate_from(vec![code]))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_work(
		a: Linear<0, { T::MaxCoHolders::get().saturating_sub(1) }>,
		p: Linear<0, { T::MaxParents::get() }>,
	) -> Result<(), BenchmarkError> {
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let co_authors = creators::<T>("co_author", a);
		let mut parents = Vec::new();
		for i in 0..p {
			parents.push(register::<T>(&[creator.clone()], i.saturating_add(1))?);
		}
		let new_content = content(0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			new_content,
			BoundedVec::truncate_from(vec![b't'; T::MaxTitleLength::get() as usize]),
			metadata::<T>(),
			0,
			BoundedVec::truncate_from(co_authors),
			BoundedVec::truncate_from(parents),
			None,
			Default::default(),
		);

		assert!(WorkByContent::<T>::contains_key(new_content));
		Ok(())
	}

	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let work = register::<T>(&[creator], 0)?;
		let attester = member::<T>("institution", 0, &[Role::Institution]);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(attester.clone()),
			work,
			H256::repeat_byte(2),
			Some(H256::repeat_byte(3)),
		);

		assert!(Attestations::<T>::contains_key(work, &attester));
		Ok(())
	}

	#[benchmark]
	fn revoke_attestation() -> Result<(), BenchmarkError> {
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let work = register::<T>(&[creator], 0)?;
		let attester = member::<T>("institution", 0, &[Role::Institution]);
		Pallet::<T>::attest(
			RawOrigin::Signed(attester.clone()).into(),
			work,
			H256::repeat_byte(2),
			None,
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(attester.clone()), work, 7);

		assert!(Attestations::<T>::get(work, &attester).is_some_and(|a| a.revoked.is_some()));
		Ok(())
	}

	#[benchmark]
	fn open_dispute() -> Result<(), BenchmarkError> {
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let work = register::<T>(&[creator], 0)?;
		let disputant = member::<T>("disputant", 0, &[Role::Creator]);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(disputant.clone()),
			work,
			H256::repeat_byte(4),
		);

		assert!(OpenDisputeOf::<T>::contains_key(work, &disputant));
		Ok(())
	}

	#[benchmark]
	fn resolve_dispute(a: Linear<1, { T::MaxCoHolders::get() }>) -> Result<(), BenchmarkError> {
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let work = register::<T>(&[creator], 0)?;
		let disputant = member::<T>("disputant", 0, &[Role::Creator]);
		let dispute = NextDisputeId::<T>::get();
		Pallet::<T>::open_dispute(
			RawOrigin::Signed(disputant).into(),
			work,
			H256::repeat_byte(4),
		)?;
		let arbiter = member::<T>("arbiter", 0, &[Role::Arbiter]);
		let corrected = HoldersOf::<T>::truncate_from(creators::<T>("corrected", a));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(arbiter),
			dispute,
			true,
			Some(corrected),
			H256::repeat_byte(5),
		);

		assert!(MoralRights::<T>::get(work).is_some_and(|moral| moral.version == 1));
		Ok(())
	}

	#[benchmark]
	fn split(
		h: Linear<1, { T::MaxCoHolders::get() }>,
		p: Linear<0, { T::MaxPendingActions::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		// A unit held by `h` co-holders, all needed: all but the last approve first, so the
		// call measured collects the last approval and executes.
		let authors = creators::<T>("author", h);
		let work = register::<T>(&authors, 0)?;
		let unit = root_unit::<T>(work)?;
		let (last, others) = authors.split_last().ok_or("a work has an author")?;
		fill_pending::<T>(unit, last, p);
		let spec = SplitSpec::Rights(RightSet::REPRODUCTION);
		for holder in others {
			Pallet::<T>::split(RawOrigin::Signed(holder.clone()).into(), unit, spec.clone())?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), unit, spec);

		assert!(Units::<T>::get(unit).is_some_and(|unit| unit.ended_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn assign(
		h: Linear<1, { T::MaxCoHolders::get() }>,
		p: Linear<0, { T::MaxPendingActions::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		let authors = creators::<T>("author", h);
		let work = register::<T>(&authors, 0)?;
		let unit = root_unit::<T>(work)?;
		let (last, others) = authors.split_last().ok_or("a work has an author")?;
		fill_pending::<T>(unit, last, p);
		let to = HoldersOf::<T>::truncate_from(creators::<T>("assignee", h));
		for holder in others {
			Pallet::<T>::assign(
				RawOrigin::Signed(holder.clone()).into(),
				unit,
				to.clone(),
				h,
			)?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), unit, to, h);

		assert!(Units::<T>::get(unit).is_some_and(|unit| unit.ended_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn grant_licence(
		l: Linear<0, { T::MaxLiveLicences::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		// `l` non-exclusive licences in one country, then an exclusive one in another: every
		// licence in force is read and compared.
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let work = register::<T>(&[creator.clone()], 0)?;
		let unit = root_unit::<T>(work)?;
		let licensee = member::<T>("licensee", 0, &[Role::Creator]);
		for _ in 0..l {
			Pallet::<T>::grant_licence(
				RawOrigin::Signed(creator.clone()).into(),
				unit,
				licensee.clone(),
				Scope {
					rights: RightSet::ECONOMIC,
					territory: one_country::<T>(*b"CN"),
					term: Term::open_ended(0),
				},
				false,
			)?;
		}
		let licence = NextLicenceId::<T>::get();
		let scope = Scope {
			rights: RightSet::ECONOMIC,
			territory: one_country::<T>(*b"US"),
			term: Term::open_ended(0),
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), unit, licensee, scope, true);

		assert!(Licences::<T>::contains_key(licence));
		Ok(())
	}

	#[benchmark]
	fn revoke_licence() -> Result<(), BenchmarkError> {
		let creator = member::<T>("creator", 0, &[Role::Creator]);
		let work = register::<T>(&[creator.clone()], 0)?;
		let unit = root_unit::<T>(work)?;
		let licensee = member::<T>("licensee", 0, &[Role::Creator]);
		let licence = NextLicenceId::<T>::get();
		Pallet::<T>::grant_licence(
			RawOrigin::Signed(creator.clone()).into(),
			unit,
			licensee,
			Scope {
				rights: RightSet::ECONOMIC,
				territory: Territory::worldwide(),
				term: Term::open_ended(0),
			},
			true,
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), licence, 3);

		assert!(Licences::<T>::get(licence).is_some_and(|licence| licence.revoked.is_some()));
		Ok(())
	}

	#[benchmark]
	fn cancel_approval() -> Result<(), BenchmarkError> {
		let authors = creators::<T>("author", 2);
		let work = register::<T>(&authors, 0)?;
		let unit = root_unit::<T>(work)?;
		let first = authors.first().ok_or("a work has an author")?.clone();
		let spec: SplitSpecOf<T> = SplitSpec::Rights(RightSet::REPRODUCTION);
		Pallet::<T>::split(RawOrigin::Signed(first.clone()).into(), unit, spec.clone())?;
		let action_hash = Pallet::<T>::proposal_hash(unit, &Proposal::Split(spec));

		#[extrinsic_call]
		_(RawOrigin::Signed(first), unit, action_hash);

		assert!(!Pending::<T>::contains_key(unit, action_hash));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
