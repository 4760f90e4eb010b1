//! `CheckMember`: the transaction extension that keeps non-members off the chain.
//!
//! It runs in the transaction pool's validation as well as in block import, so a transaction
//! signed by a non-member or a suspended member is dropped before it reaches a block. It must
//! come before `frame_system::CheckNonce` in the runtime's extension tuple: a non-member has no
//! account, and the nonce check would otherwise answer first with a misleading
//! `InvalidTransaction::Payment`.

use crate::{
	Config, MemberStatus, Members, Pallet, TransactionWindow, TransactionWindows, WeightInfo,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound},
	frame_system,
	sp_runtime::{
		traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		Weight,
	},
};
use scale_info::TypeInfo;

/// A member's transaction window, with the runtime's block number.
pub type WindowOf<T> =
	TransactionWindow<polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>>;

/// `InvalidTransaction::Custom` codes returned by [`CheckMember`]. They are part of the chain's
/// public interface: clients map them to messages.
pub mod codes {
	/// The signer is not a member of the registry.
	pub const NOT_A_MEMBER: u8 = 1;
	/// The signer is a member whose membership is suspended.
	pub const SUSPENDED: u8 = 2;
	/// The signer has sent all the transactions its rate limit allows in the current window.
	pub const RATE_LIMITED: u8 = 3;
}

/// Rejects signed transactions whose signer is not an active member.
///
/// Unsigned transactions and inherents are left to their own validation.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckMember<T>(PhantomData<T>);

impl<T: Config + Send + Sync> CheckMember<T> {
	/// A new extension; it carries no data.
	pub fn new() -> Self {
		Self(PhantomData)
	}

	/// Whether `who` may transact now; the error is what the pool answers otherwise. A
	/// rate-limited member gets back its window with this transaction counted.
	pub fn check(who: &T::AccountId) -> Result<Option<WindowOf<T>>, TransactionValidityError> {
		let record =
			Members::<T>::get(who).ok_or(InvalidTransaction::Custom(codes::NOT_A_MEMBER))?;
		if record.status == MemberStatus::Suspended {
			return Err(InvalidTransaction::Custom(codes::SUSPENDED).into());
		}
		let Some(limit) = Pallet::<T>::rate_limit_of(&record) else {
			return Ok(None);
		};
		let now = frame_system::Pallet::<T>::block_number();
		Pallet::<T>::next_window(who, &limit, now)
			.map(Some)
			.ok_or(InvalidTransaction::Custom(codes::RATE_LIMITED).into())
	}
}

impl<T> core::fmt::Debug for CheckMember<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckMember")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMember<T> {
	const IDENTIFIER: &'static str = "CheckMember";
	type Implicit = ();
	/// The signer and its window with this transaction counted, when it is rate-limited.
	type Val = Option<(T::AccountId, WindowOf<T>)>;
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_member()
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let val = match origin.as_signer() {
			Some(who) => Self::check(who)?.map(|window| (who.clone(), window)),
			None => None,
		};
		Ok((Default::default(), val, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		// Counted when applied, so a transaction the pool drops never uses up the window.
		if let Some((who, window)) = val {
			TransactionWindows::<T>::insert(who, window);
		}
		Ok(())
	}
}
