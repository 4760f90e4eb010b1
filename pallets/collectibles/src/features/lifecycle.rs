//! Metadata corrections, issuing, freezing and retiring.

use crate::{
	pallet::{Config, Error, Event, ItemOf, Items, MetadataHistory, MetadataOf, Pallet},
	CollectionId, Freeze, ItemId, ItemState,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
	sp_core::H256,
};
use registry_primitives::{
	AuditEntry, AuditKind, AuditReporter, Detail, MemberRoles, Role, Subject,
};

impl<T: Config> Pallet<T> {
	/// The item, if it exists.
	pub(crate) fn item(collection: CollectionId, item: ItemId) -> Result<ItemOf<T>, DispatchError> {
		Ok(Items::<T>::get(collection, item).ok_or(Error::<T>::UnknownItem)?)
	}

	/// Refuses frozen and retired items.
	pub(crate) fn ensure_live(record: &ItemOf<T>) -> DispatchResult {
		ensure!(
			!matches!(record.state, ItemState::Retired { .. }),
			Error::<T>::ItemRetired
		);
		ensure!(record.frozen.is_none(), Error::<T>::ItemFrozen);
		Ok(())
	}

	pub(crate) fn do_set_metadata(
		who: T::AccountId,
		collection: CollectionId,
		item: ItemId,
		metadata: MetadataOf<T>,
	) -> DispatchResult {
		Self::issuer_of(&who, collection)?;
		let mut record = Self::item(collection, item)?;
		Self::ensure_live(&record)?;
		// Every earlier version stays readable, a draft's too: nothing is rewritten in place.
		MetadataHistory::<T>::insert(
			(collection, item, record.metadata_version),
			record.metadata.clone(),
		);
		record.metadata_version = record.metadata_version.saturating_add(1);
		let sha256 = metadata.sha256;
		record.metadata = metadata;
		let version = record.metadata_version;
		Items::<T>::insert(collection, item, record);
		T::Audit::report(
			AuditEntry::new(
				AuditKind::MetadataChanged,
				Subject::Item(collection, item),
				who.clone(),
			)
			.detail(Detail::Document { sha256, version }),
		);
		Self::deposit_event(Event::MetadataUpdated {
			collection,
			item,
			version,
			sha256,
			authorized_by: who,
		});
		Ok(())
	}

	pub(crate) fn do_issue(
		who: T::AccountId,
		collection: CollectionId,
		item: ItemId,
	) -> DispatchResult {
		Self::issuer_of(&who, collection)?;
		let mut record = Self::item(collection, item)?;
		Self::ensure_live(&record)?;
		ensure!(record.state == ItemState::Draft, Error::<T>::NotDraft);
		record.state = ItemState::Issued;
		Items::<T>::insert(collection, item, record);
		T::Audit::report(AuditEntry::new(
			AuditKind::Issued,
			Subject::Item(collection, item),
			who.clone(),
		));
		Self::deposit_event(Event::ItemIssued {
			collection,
			item,
			authorized_by: who,
		});
		Ok(())
	}

	pub(crate) fn do_freeze(
		who: T::AccountId,
		collection: CollectionId,
		item: ItemId,
		reason: u16,
		evidence: H256,
	) -> DispatchResult {
		ensure!(
			T::Members::has_role(&who, Role::Regulator),
			Error::<T>::NotRegulator
		);
		let mut record = Self::item(collection, item)?;
		Self::ensure_live(&record)?;
		record.frozen = Some(Freeze {
			by: who.clone(),
			reason,
			evidence,
			at: frame_system::Pallet::<T>::block_number(),
		});
		let holder = record.owner.clone();
		Items::<T>::insert(collection, item, record);
		T::Audit::report(
			AuditEntry::new(
				AuditKind::Frozen,
				Subject::Item(collection, item),
				who.clone(),
			)
			.from(holder)
			.reason(reason)
			.evidence(evidence),
		);
		Self::deposit_event(Event::ItemFrozen {
			collection,
			item,
			reason,
			evidence,
			authorized_by: who,
		});
		Ok(())
	}

	pub(crate) fn do_unfreeze(
		who: T::AccountId,
		collection: CollectionId,
		item: ItemId,
		reason: u16,
		evidence: H256,
	) -> DispatchResult {
		ensure!(
			T::Members::has_role(&who, Role::Regulator),
			Error::<T>::NotRegulator
		);
		let mut record = Self::item(collection, item)?;
		ensure!(record.frozen.is_some(), Error::<T>::NotFrozen);
		record.frozen = None;
		let holder = record.owner.clone();
		Items::<T>::insert(collection, item, record);
		T::Audit::report(
			AuditEntry::new(
				AuditKind::Unfrozen,
				Subject::Item(collection, item),
				who.clone(),
			)
			.from(holder)
			.reason(reason)
			.evidence(evidence),
		);
		Self::deposit_event(Event::ItemUnfrozen {
			collection,
			item,
			reason,
			evidence,
			authorized_by: who,
		});
		Ok(())
	}

	pub(crate) fn do_retire(
		who: T::AccountId,
		collection: CollectionId,
		item: ItemId,
		reason: u16,
	) -> DispatchResult {
		let mut record = Self::item(collection, item)?;
		let is_owner = record.owner == who && T::Members::is_active_member(&who);
		if !is_owner {
			Self::issuer_of(&who, collection).map_err(|_| Error::<T>::NotOwnerOrIssuer)?;
		}
		Self::ensure_live(&record)?;
		record.state = ItemState::Retired { reason };
		let holder = record.owner.clone();
		Items::<T>::insert(collection, item, record);
		T::Audit::report(
			AuditEntry::new(
				AuditKind::Retired,
				Subject::Item(collection, item),
				who.clone(),
			)
			.from(holder)
			.reason(reason),
		);
		Self::deposit_event(Event::ItemRetired {
			collection,
			item,
			reason,
			authorized_by: who,
		});
		Ok(())
	}
}
