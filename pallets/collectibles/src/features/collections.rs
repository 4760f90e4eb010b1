//! Creating collections, and who may act for one.

use crate::{
	pallet::{
		CollectionOf, Collections, Config, Error, Event, MetadataOf, NextCollectionId, Pallet,
	},
	CollectionId, TransferPolicy, MAX_SUPPLY_CAP,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, BoundedVec},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::traits::Zero,
};
use registry_primitives::{AuditEntry, AuditKind, AuditReporter, MemberRoles, Role, Subject};

impl<T: Config> Pallet<T> {
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_create_collection(
		who: T::AccountId,
		name: BoundedVec<u8, T::MaxNameLength>,
		description: BoundedVec<u8, T::MaxDescriptionLength>,
		metadata: MetadataOf<T>,
		max_supply: u32,
		editions: u32,
		policy: TransferPolicy<BlockNumberFor<T>>,
		co_issuers: BoundedVec<T::AccountId, T::MaxIssuers>,
		custodian: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(
			T::Members::has_role(&who, Role::Institution),
			Error::<T>::NotInstitution
		);
		ensure!(
			max_supply > 0 && max_supply <= MAX_SUPPLY_CAP,
			Error::<T>::InvalidMaxSupply
		);
		ensure!(
			editions >= 1 && editions <= T::MaxEditions::get(),
			Error::<T>::InvalidEditions
		);
		ensure!(
			policy.max_transfers_per_window == 0 || !policy.window_blocks.is_zero(),
			Error::<T>::InvalidPolicy
		);

		// The creator counts among the `MaxIssuers`.
		ensure!(
			co_issuers.len() < T::MaxIssuers::get() as usize,
			Error::<T>::TooManyIssuers
		);
		let mut issuers = BoundedVec::<T::AccountId, T::MaxIssuers>::new();
		issuers
			.try_push(who.clone())
			.map_err(|_| Error::<T>::TooManyIssuers)?;
		for co_issuer in co_issuers {
			ensure!(!issuers.contains(&co_issuer), Error::<T>::DuplicateIssuer);
			ensure!(
				T::Members::has_role(&co_issuer, Role::Institution),
				Error::<T>::CoIssuerNotInstitution
			);
			issuers
				.try_push(co_issuer)
				.map_err(|_| Error::<T>::TooManyIssuers)?;
		}

		let collection = NextCollectionId::<T>::get();
		NextCollectionId::<T>::put(collection.saturating_add(1));
		let listed = issuers.to_vec();
		Collections::<T>::insert(
			collection,
			CollectionOf::<T> {
				issuers,
				name,
				description,
				metadata,
				max_supply,
				minted: 0,
				editions,
				policy,
				custodian,
				created_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		T::Audit::report(AuditEntry::new(
			AuditKind::CollectionCreated,
			Subject::Collection(collection),
			who.clone(),
		));
		Self::deposit_event(Event::CollectionCreated {
			collection,
			issuers: listed,
			max_supply,
			authorized_by: who,
		});
		Ok(())
	}

	/// The collection, if `who` is one of its issuers and still an active institution.
	pub(crate) fn issuer_of(
		who: &T::AccountId,
		collection: CollectionId,
	) -> Result<CollectionOf<T>, DispatchError> {
		let record = Collections::<T>::get(collection).ok_or(Error::<T>::UnknownCollection)?;
		ensure!(record.issuers.contains(who), Error::<T>::NotIssuer);
		ensure!(
			T::Members::has_role(who, Role::Institution),
			Error::<T>::NotIssuer
		);
		Ok(record)
	}
}
