//! `CheckMember`: the transaction extension that keeps non-members off the chain.
//!
//! It runs in the transaction pool's validation as well as in block import, so a transaction
//! signed by a non-member or a suspended member is dropped before it reaches a block. It must
//! come before `frame_system::CheckNonce` in the runtime's extension tuple: a non-member has no
//! account, and the nonce check would otherwise answer first with a misleading
//! `InvalidTransaction::Payment`.

use crate::{Config, MemberStatus, Members, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound},
	sp_runtime::{
		impl_tx_ext_default,
		traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		Weight,
	},
};
use scale_info::TypeInfo;

/// `InvalidTransaction::Custom` codes returned by [`CheckMember`]. They are part of the chain's
/// public interface: clients map them to messages.
pub mod codes {
	/// The signer is not a member of the registry.
	pub const NOT_A_MEMBER: u8 = 1;
	/// The signer is a member whose membership is suspended.
	pub const SUSPENDED: u8 = 2;
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

	/// Whether `who` may transact now; the error is what the pool answers otherwise.
	pub fn check(who: &T::AccountId) -> Result<(), TransactionValidityError> {
		match Members::<T>::get(who) {
			None => Err(InvalidTransaction::Custom(codes::NOT_A_MEMBER).into()),
			Some(record) if record.status == MemberStatus::Suspended => {
				Err(InvalidTransaction::Custom(codes::SUSPENDED).into())
			}
			Some(_) => Ok(()),
		}
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
	type Val = ();
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
		if let Some(who) = origin.as_signer() {
			Self::check(who)?;
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
