//! Admission, suspension and removal: the logic behind the calls.

use crate::{
	pallet::{
		ActiveRegistrars, Config, Error, Event, MemberCount, Members, Pallet, TransactionWindows,
	},
	AuthorizedBy, MemberRecord, MemberRoles, MemberStatus, OnDeparture, Role, RoleSet,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::{DispatchError, DispatchResult},
		traits::{Contains, EnsureOrigin},
	},
	frame_system::{self, ensure_signed, pallet_prelude::*},
	sp_core::H256,
};

impl<T: Config> Pallet<T> {
	/// Normalizes a list of roles into a set; an empty list is an error.
	pub(crate) fn role_set(roles: &[Role]) -> Result<RoleSet, Error<T>> {
		let mut set = RoleSet::new();
		for role in roles {
			// Five distinct roles exist and the set holds five: this cannot overflow.
			set.try_insert(*role).map_err(|_| Error::<T>::NoRoles)?;
		}
		ensure!(!set.is_empty(), Error::<T>::NoRoles);
		Ok(set)
	}

	/// Who is acting: the consortium, or an active registrar acting on ordinary roles.
	pub(crate) fn authority(
		origin: OriginFor<T>,
		roles: &RoleSet,
	) -> Result<AuthorizedBy<T::AccountId>, DispatchError> {
		match T::ConsortiumOrigin::try_origin(origin) {
			Ok(_) => Ok(AuthorizedBy::Consortium),
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(
					Self::has_role(&who, Role::Registrar),
					Error::<T>::NotRegistrar
				);
				ensure!(
					!roles.iter().any(Role::is_consortium_appointed),
					Error::<T>::ConsortiumOnly
				);
				Ok(AuthorizedBy::Account(who))
			}
		}
	}

	/// Refuses a registrar's hand on a council member or a validator.
	pub(crate) fn ensure_may_touch(
		who: &T::AccountId,
		authority: &AuthorizedBy<T::AccountId>,
	) -> DispatchResult {
		if matches!(authority, AuthorizedBy::Account(_)) {
			ensure!(!T::Protected::contains(who), Error::<T>::Protected);
		}
		Ok(())
	}

	pub(crate) fn do_admit(
		who: T::AccountId,
		roles: RoleSet,
		identity_hash: H256,
		authorized_by: AuthorizedBy<T::AccountId>,
	) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
		let listed: Vec<Role> = roles.iter().copied().collect();
		Self::insert_member(
			&who,
			roles,
			Some(identity_hash),
			authorized_by.clone(),
			frame_system::Pallet::<T>::block_number(),
		);
		Self::deposit_event(Event::MemberAdmitted {
			who,
			roles: listed,
			identity_hash,
			authorized_by,
		});
		Ok(())
	}

	pub(crate) fn do_suspend(
		who: T::AccountId,
		mut record: MemberRecord<T::AccountId, BlockNumberFor<T>>,
		authorized_by: AuthorizedBy<T::AccountId>,
	) -> DispatchResult {
		ensure!(
			record.status == MemberStatus::Active,
			Error::<T>::AlreadySuspended
		);
		Self::release_registrar(&record)?;
		record.status = MemberStatus::Suspended;
		Members::<T>::insert(&who, record);
		T::OnDeparture::on_departure(&who, false)?;
		Self::deposit_event(Event::MemberSuspended { who, authorized_by });
		Ok(())
	}

	pub(crate) fn do_reinstate(
		who: T::AccountId,
		mut record: MemberRecord<T::AccountId, BlockNumberFor<T>>,
		authorized_by: AuthorizedBy<T::AccountId>,
	) -> DispatchResult {
		ensure!(
			record.status == MemberStatus::Suspended,
			Error::<T>::NotSuspended
		);
		record.status = MemberStatus::Active;
		if record.roles.contains(&Role::Registrar) {
			ActiveRegistrars::<T>::mutate(|n| *n = n.saturating_add(1));
		}
		Members::<T>::insert(&who, record);
		Self::deposit_event(Event::MemberReinstated { who, authorized_by });
		Ok(())
	}

	pub(crate) fn do_remove(
		who: T::AccountId,
		record: MemberRecord<T::AccountId, BlockNumberFor<T>>,
		authorized_by: AuthorizedBy<T::AccountId>,
	) -> DispatchResult {
		if record.status == MemberStatus::Active {
			Self::release_registrar(&record)?;
		}
		// The account keeps its provider reference, and so its nonce: transactions it signed
		// as a member stay spent if it is ever admitted again.
		Members::<T>::remove(&who);
		TransactionWindows::<T>::remove(&who);
		MemberCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		T::OnDeparture::on_departure(&who, true)?;
		Self::deposit_event(Event::MemberRemoved { who, authorized_by });
		Ok(())
	}

	pub(crate) fn do_set_roles(
		who: T::AccountId,
		mut record: MemberRecord<T::AccountId, BlockNumberFor<T>>,
		roles: RoleSet,
		authorized_by: AuthorizedBy<T::AccountId>,
	) -> DispatchResult {
		let was_registrar = record.roles.contains(&Role::Registrar);
		let is_registrar = roles.contains(&Role::Registrar);
		if record.status == MemberStatus::Active && was_registrar != is_registrar {
			if is_registrar {
				ActiveRegistrars::<T>::mutate(|n| *n = n.saturating_add(1));
			} else {
				Self::release_registrar(&record)?;
			}
		}
		let listed: Vec<Role> = roles.iter().copied().collect();
		record.roles = roles;
		Members::<T>::insert(&who, record);
		Self::deposit_event(Event::MemberRolesSet {
			who,
			roles: listed,
			authorized_by,
		});
		Ok(())
	}

	/// Writes a new member and, on its first admission, gives its account the provider
	/// reference that keeps its nonce.
	pub(crate) fn insert_member(
		who: &T::AccountId,
		roles: RoleSet,
		identity_hash: Option<H256>,
		admitted_by: AuthorizedBy<T::AccountId>,
		admitted_at: BlockNumberFor<T>,
	) {
		if roles.contains(&Role::Registrar) {
			ActiveRegistrars::<T>::mutate(|n| *n = n.saturating_add(1));
		}
		if frame_system::Pallet::<T>::providers(who) == 0 {
			frame_system::Pallet::<T>::inc_providers(who);
		}
		MemberCount::<T>::mutate(|n| *n = n.saturating_add(1));
		Members::<T>::insert(
			who,
			MemberRecord {
				roles,
				status: MemberStatus::Active,
				identity_hash,
				admitted_by,
				admitted_at,
			},
		);
	}

	/// Takes an active registrar out of the count, refusing to take out the last one.
	fn release_registrar(record: &MemberRecord<T::AccountId, BlockNumberFor<T>>) -> DispatchResult {
		if record.status == MemberStatus::Active && record.roles.contains(&Role::Registrar) {
			let active = ActiveRegistrars::<T>::get();
			ensure!(active > 1, Error::<T>::LastRegistrar);
			ActiveRegistrars::<T>::put(active.saturating_sub(1));
		}
		Ok(())
	}

	/// Invariants: the counters match the map, every member has a role and a live account.
	#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		let mut members = 0u32;
		let mut registrars = 0u32;
		for (who, record) in Members::<T>::iter() {
			members += 1;
			ensure!(!record.roles.is_empty(), "a member has no role");
			ensure!(
				frame_system::Pallet::<T>::providers(&who) > 0,
				"a member's account has no provider"
			);
			if record.status == MemberStatus::Active && record.roles.contains(&Role::Registrar) {
				registrars += 1;
			}
		}
		ensure!(
			members == MemberCount::<T>::get(),
			"MemberCount does not match Members"
		);
		ensure!(
			registrars == ActiveRegistrars::<T>::get(),
			"ActiveRegistrars does not match Members"
		);
		Ok(())
	}
}

impl<T: Config> MemberRoles<T::AccountId> for Pallet<T> {
	fn is_active_member(who: &T::AccountId) -> bool {
		Members::<T>::get(who).is_some_and(|r| r.status == MemberStatus::Active)
	}

	fn has_role(who: &T::AccountId, role: Role) -> bool {
		Members::<T>::get(who)
			.is_some_and(|r| r.status == MemberStatus::Active && r.roles.contains(&role))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &T::AccountId, roles: &[Role]) {
		if Members::<T>::contains_key(who) {
			return;
		}
		if let Ok(roles) = Self::role_set(roles) {
			Self::insert_member(
				who,
				roles,
				None,
				AuthorizedBy::Genesis,
				frame_system::Pallet::<T>::block_number(),
			);
		}
	}
}
