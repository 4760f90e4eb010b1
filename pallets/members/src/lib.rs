//! # Members
//!
//! The registry's first permission layer: who belongs to the consortium's chain, and in which
//! roles.
//!
//! ## Overview
//!
//! Every account that transacts is a member holding one or more [`Role`]s. The
//! [`CheckMember`] transaction extension rejects, at the transaction pool, anything signed by
//! an account that is not an active member, with `InvalidTransaction::Custom` and one of the
//! codes in [`extension::codes`]:
//!
//! | code | meaning |
//! |------|---------|
//! | 1 | the signer is not a member |
//! | 2 | the signer's membership is suspended |
//! | 3 | the signer's rate limit (transactions, weight or bytes per window) would be exceeded |
//! | 4 | the signer has more transactions pending than its window still allows |
//! | 5 | the transaction is immortal |
//! | 6 | the runtime does not let this signer send this call |
//!
//! The chain has no currency. A member's account is kept alive by a provider reference that
//! its first admission adds and that is never taken away: the account keeps its nonce through
//! removal and re-admission, so no transaction it signed before can be replayed.
//!
//! Council members and validators hold the consortium's power: only the consortium suspends
//! or removes them ([`Config::Protected`]), and their departure vacates their seats
//! ([`Config::OnDeparture`]).
//!
//! The member record holds no personal data: only a salted hash of the off-chain real-name
//! record, the authority that admitted the member and the block.
//!
//! ## Interface
//!
//! For registrars (an active member with [`Role::Registrar`]), and for the consortium origin:
//! - [`Pallet::admit`]: admit an account with roles.
//! - [`Pallet::suspend`], [`Pallet::reinstate`]: stop and resume an account's transactions.
//! - [`Pallet::remove`]: remove an account.
//! - [`Pallet::set_roles`]: grant a member roles, or take some away.
//!
//! Only the consortium origin grants or touches the [`Role::Registrar`] and
//! [`Role::Regulator`] roles.
//!
//! Other pallets ask about members through [`MemberRoles`], implemented by this pallet and
//! wired in the runtime.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
mod membership;
pub use rate_limit::Usage;
mod rate_limit;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_roles;

pub use extension::{CheckMember, CheckMortality, CheckNonce, SignedCallPolicy};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

pub use registry_primitives::MemberRoles;

/// What the runtime does when a member stops being active, wired to the pallets that hold
/// seats: the council and the validator set.
pub trait OnDeparture<AccountId> {
	/// `who` was suspended (`removed == false`) or removed. An error undoes the whole call.
	fn on_departure(who: &AccountId, removed: bool) -> polkadot_sdk::sp_runtime::DispatchResult;

	/// The most [`OnDeparture::on_departure`] may cost, added to the calls that trigger it.
	fn weight() -> polkadot_sdk::sp_runtime::Weight;
}

impl<AccountId> OnDeparture<AccountId> for () {
	fn on_departure(_: &AccountId, _: bool) -> polkadot_sdk::sp_runtime::DispatchResult {
		Ok(())
	}

	fn weight() -> polkadot_sdk::sp_runtime::Weight {
		polkadot_sdk::sp_runtime::Weight::zero()
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_core::H256;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The consortium's collective decision (the council; root on a development chain).
		/// It alone appoints registrars and regulators.
		type ConsortiumOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Accounts only the consortium may suspend or remove: council members and
		/// validators. A registrar who could suspend them could block every council majority.
		type Protected: Contains<Self::AccountId>;
		/// What happens to a member's seats when it is suspended or removed.
		type OnDeparture: OnDeparture<Self::AccountId>;
		/// Signed calls the runtime refuses at the pool for some signers.
		type CallPolicy: SignedCallPolicy<
			Self::AccountId,
			<Self as frame_system::Config>::RuntimeCall,
		>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The member record of each member account.
	///
	/// `Blake2_128Concat`: account ids are chosen by users, so the key must be hashed, and the
	/// concatenation lets the map be listed with its accounts.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		MemberRecord<T::AccountId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The rate limit of each role that has one; a role without an entry is unlimited.
	///
	/// `Twox64Concat`: the keys are the five roles, set only by the consortium.
	#[pallet::storage]
	pub type RateLimits<T: Config> =
		StorageMap<_, Twox64Concat, Role, RateLimit<BlockNumberFor<T>>, OptionQuery>;

	/// Each rate-limited member's use of its current window.
	///
	/// `Blake2_128Concat`: keyed by account ids, which users choose.
	#[pallet::storage]
	pub type TransactionWindows<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		TransactionWindow<BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// How many members there are, suspended ones included.
	#[pallet::storage]
	pub type MemberCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many active members hold the registrar role. It never drops to zero through a call,
	/// so that admission always stays possible.
	#[pallet::storage]
	pub type ActiveRegistrars<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding members and their roles.
		pub members: Vec<(T::AccountId, Vec<Role>)>,
		/// The rate limits of roles that have one.
		pub rate_limits: Vec<(Role, RateLimit<BlockNumberFor<T>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, roles) in &self.members {
				let roles = Pallet::<T>::role_set(roles)
					.expect("every genesis member has between one and five roles");
				assert!(
					!Members::<T>::contains_key(who),
					"an account appears twice among the genesis members"
				);
				Pallet::<T>::insert_member(
					who,
					roles,
					None,
					AuthorizedBy::Genesis,
					BlockNumberFor::<T>::default(),
				);
			}
			for (role, limit) in &self.rate_limits {
				assert!(
					Pallet::<T>::is_valid_rate_limit(limit),
					"a genesis rate limit allows no transaction or has an empty window"
				);
				RateLimits::<T>::insert(role, limit);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account was admitted as a member.
		MemberAdmitted {
			who: T::AccountId,
			roles: Vec<Role>,
			identity_hash: H256,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
		/// A member was suspended: its transactions are rejected until reinstated.
		MemberSuspended {
			who: T::AccountId,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
		/// A suspended member was reinstated.
		MemberReinstated {
			who: T::AccountId,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
		/// A member was removed.
		MemberRemoved {
			who: T::AccountId,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
		/// A member's roles were changed; `roles` are those it holds now.
		MemberRolesSet {
			who: T::AccountId,
			roles: Vec<Role>,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
		/// A role's rate limit was set (`Some`) or lifted (`None`).
		RateLimitSet {
			role: Role,
			limit: Option<RateLimit<BlockNumberFor<T>>>,
			authorized_by: AuthorizedBy<T::AccountId>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is neither an active registrar nor the consortium.
		NotRegistrar,
		/// Only the consortium, by a council decision, grants or takes away the registrar and
		/// regulator roles and acts on members holding them.
		ConsortiumOnly,
		/// The account is already a member.
		AlreadyMember,
		/// The account is not a member.
		NotMember,
		/// A member needs at least one role.
		NoRoles,
		/// The member is already suspended.
		AlreadySuspended,
		/// The member is not suspended.
		NotSuspended,
		/// The last active registrar cannot be suspended or removed.
		LastRegistrar,
		/// Council members and validators are suspended or removed by the consortium only.
		Protected,
		/// A rate limit must allow at least one transaction in a window of at least one block.
		InvalidRateLimit,
		/// The member already holds exactly these roles.
		RolesUnchanged,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit an account as a member with the given roles.
		///
		/// The origin is an active registrar, or the consortium origin. Only the consortium
		/// grants [`Role::Registrar`] or [`Role::Regulator`].
		///
		/// - `who`: the account to admit.
		/// - `roles`: its roles; duplicates count once, at least one is required.
		/// - `identity_hash`: salted hash of the off-chain real-name record.
		///
		/// Emits [`Event::MemberAdmitted`]. Weight: [`WeightInfo::admit`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit())]
		pub fn admit(
			origin: OriginFor<T>,
			who: T::AccountId,
			roles: BoundedVec<Role, MaxRoles>,
			identity_hash: H256,
		) -> DispatchResult {
			let roles = Self::role_set(&roles)?;
			let authority = Self::authority(origin, &roles)?;
			Self::do_admit(who, roles, identity_hash, authority)
		}

		/// Suspend a member: its transactions are rejected at the pool until it is reinstated.
		/// A suspended council member loses its seat and a suspended validator leaves the set
		/// at the next session; reinstatement gives neither back.
		///
		/// The origin is an active registrar, or the consortium origin for a member holding a
		/// consortium-appointed role, a council seat or a validator's place.
		///
		/// - `who`: the member to suspend.
		///
		/// Emits [`Event::MemberSuspended`]. Weight: [`WeightInfo::suspend`] and what leaving its
		/// seats costs.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend().saturating_add(T::OnDeparture::weight()))]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let record = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
			let authority = Self::authority(origin, &record.roles)?;
			Self::ensure_may_touch(&who, &authority)?;
			Self::do_suspend(who, record, authority)
		}

		/// Reinstate a suspended member.
		///
		/// The origin is as for [`Pallet::suspend`].
		///
		/// - `who`: the suspended member.
		///
		/// Emits [`Event::MemberReinstated`]. Weight: [`WeightInfo::reinstate`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let record = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
			let authority = Self::authority(origin, &record.roles)?;
			Self::ensure_may_touch(&who, &authority)?;
			Self::do_reinstate(who, record, authority)
		}

		/// Remove a member. Its history stays in past events; the account keeps its nonce and
		/// can be admitted again. Its council seat, validator place and session keys go.
		///
		/// The origin is as for [`Pallet::suspend`].
		///
		/// - `who`: the member to remove.
		///
		/// Emits [`Event::MemberRemoved`]. Weight: [`WeightInfo::remove`] and what leaving its
		/// seats costs.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove().saturating_add(T::OnDeparture::weight()))]
		pub fn remove(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let record = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
			let authority = Self::authority(origin, &record.roles)?;
			Self::ensure_may_touch(&who, &authority)?;
			Self::do_remove(who, record, authority)
		}

		/// Set the roles of a member: grant roles to an existing member, or take some away,
		/// keeping its membership, its history and its nonce.
		///
		/// The origin is an active registrar for members with ordinary roles, or the
		/// consortium origin; only the consortium grants or takes away [`Role::Registrar`] or
		/// [`Role::Regulator`], changes the roles of a member holding either, and of a council
		/// member or a validator. The last active registrar keeps its role.
		///
		/// - `who`: the member.
		/// - `roles`: every role it is to hold; duplicates count once, at least one is
		///   required, and they must differ from its roles now.
		///
		/// Emits [`Event::MemberRolesSet`]. Weight: [`WeightInfo::set_roles`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(
			origin: OriginFor<T>,
			who: T::AccountId,
			roles: BoundedVec<Role, MaxRoles>,
		) -> DispatchResult {
			let roles = Self::role_set(&roles)?;
			let record = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
			ensure!(record.roles != roles, Error::<T>::RolesUnchanged);
			// The authority needed is that over the roles held before and after: only the
			// consortium acts on a registrar or a regulator, or makes one.
			let touched = Self::role_set(
				&record
					.roles
					.iter()
					.chain(roles.iter())
					.copied()
					.collect::<Vec<_>>(),
			)?;
			let authority = Self::authority(origin, &touched)?;
			Self::ensure_may_touch(&who, &authority)?;
			Self::do_set_roles(who, record, roles, authority)
		}

		/// Set or lift the rate limit of a role.
		///
		/// The origin is the consortium. A member is held to the most generous limit among its
		/// roles, and is unlimited if any of its roles is.
		///
		/// - `role`: the role.
		/// - `limit`: transactions per window of blocks; `None` lifts the limit.
		///
		/// Emits [`Event::RateLimitSet`]. Weight: [`WeightInfo::set_rate_limit`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_rate_limit())]
		pub fn set_rate_limit(
			origin: OriginFor<T>,
			role: Role,
			limit: Option<RateLimit<BlockNumberFor<T>>>,
		) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_set_rate_limit(role, limit)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
