//! `CheckNonce`: `frame_system`'s nonce check, bounded by the member's rate limit.
//!
//! The runtime cannot see the transaction pool, but the nonce tells how many of a member's
//! transactions come before this one and are not in a block yet. A nonce `n` ahead of the
//! account's means `n` transactions waiting; if the member's window cannot take them all and
//! this one too, the pool refuses it, so that one member cannot fill the pool either.

use super::codes;
use crate::{Config, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode};
use polkadot_sdk::{
	frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource},
	frame_system,
	sp_core::Get,
	sp_runtime::{
		traits::{
			AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, PostDispatchInfoOf,
			TransactionExtension, UniqueSaturatedInto, ValidateResult,
		},
		transaction_validity::{
			InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
		},
		DispatchResult, Saturating, Weight,
	},
};
use scale_info::TypeInfo;

/// `frame_system::CheckNonce`, with the same identifier, encoding and type information, that
/// also refuses a nonce further ahead than the member's rate limit still allows.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct CheckNonce<T: Config>(pub frame_system::CheckNonce<T>);

impl<T: Config> CheckNonce<T> {
	/// The check for a transaction with this nonce.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(frame_system::CheckNonce::from(nonce))
	}
}

// The wrapped type's own description, so that metadata shows `frame_system`'s nonce.
impl<T: Config> TypeInfo for CheckNonce<T> {
	type Identity = frame_system::CheckNonce<T>;
	fn type_info() -> scale_info::Type {
		frame_system::CheckNonce::<T>::type_info()
	}
}

impl<T: Config> core::fmt::Debug for CheckNonce<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		self.0.fmt(f)
	}
}

/// What `validate` hands to `prepare`: the signer, or the weight to refund for a transaction
/// without one.
pub enum Val<AccountId> {
	/// The signer, whose nonce `prepare` moves on.
	Signer(AccountId),
	/// No signer: nothing to check, the extension's weight is refunded.
	Refund(Weight),
}

impl<T: Config> TransactionExtension<T::RuntimeCall> for CheckNonce<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = Val<T::AccountId>;
	/// The weight to refund after dispatch.
	type Pre = Weight;

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// One more read than the nonce check: the member's window (its record and limits are
		// read by `CheckMember` just before and are in the overlay).
		self.0
			.weight(call)
			.saturating_add(T::DbWeight::get().reads(1))
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((Default::default(), Val::Refund(self.weight(call)), origin));
		};
		let nonce = self.0 .0;
		let account_nonce = frame_system::Pallet::<T>::account_nonce(who);
		if let Some(left) = Pallet::<T>::transactions_left(who) {
			// Transactions waiting before this one, this one included.
			let ahead: u64 = nonce.saturating_sub(account_nonce).unique_saturated_into();
			if ahead.saturating_add(1) > u64::from(left) {
				return Err(InvalidTransaction::Custom(codes::TOO_MANY_PENDING).into());
			}
		}
		let info = frame_system::CheckNonce::<T>::validate_nonce_for_account(who, nonce)?;
		let validity = ValidTransaction {
			priority: 0,
			requires: info.requires,
			provides: info.provides,
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		Ok((validity, Val::Signer(who.clone()), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::Signer(who) => {
				frame_system::CheckNonce::<T>::prepare_nonce_for_account(&who, self.0 .0)?;
				Ok(Weight::zero())
			}
			Val::Refund(weight) => Ok(weight),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(pre)
	}
}
