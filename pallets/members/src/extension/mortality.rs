//! `CheckMortality`: `frame_system`'s era check, refusing immortal transactions.
//!
//! An immortal transaction stays valid for as long as its nonce is unused. Members' nonces are
//! kept across removal and re-admission, but a transaction signed today should still not be
//! usable in a year: every transaction names the era it lives in.

use super::codes;
use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode};
use polkadot_sdk::{
	frame_support::pallet_prelude::TransactionSource,
	frame_system,
	sp_runtime::{
		generic::Era,
		traits::{DispatchInfoOf, Implication, TransactionExtension, ValidateResult},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		Weight,
	},
};
use scale_info::TypeInfo;

/// `frame_system::CheckMortality`, with the same identifier, encoding and type information,
/// that refuses [`Era::Immortal`] for signed transactions.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct CheckMortality<T: Config + Send + Sync>(pub frame_system::CheckMortality<T>);

impl<T: Config + Send + Sync> CheckMortality<T> {
	/// The check for a transaction of this era.
	pub fn from(era: Era) -> Self {
		Self(frame_system::CheckMortality::from(era))
	}
}

// The wrapped type's own description, so that metadata shows `frame_system`'s era.
impl<T: Config + Send + Sync> TypeInfo for CheckMortality<T> {
	type Identity = frame_system::CheckMortality<T>;
	fn type_info() -> scale_info::Type {
		frame_system::CheckMortality::<T>::type_info()
	}
}

impl<T: Config + Send + Sync> core::fmt::Debug for CheckMortality<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		self.0.fmt(f)
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMortality<T> {
	const IDENTIFIER: &'static str = "CheckMortality";
	type Implicit = T::Hash;
	type Val = ();
	type Pre = ();

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if self.0 .0.is_immortal() {
			return Err(InvalidTransaction::Custom(codes::IMMORTAL).into());
		}
		self.0.validate(
			origin,
			call,
			info,
			len,
			self_implicit,
			inherited_implication,
			source,
		)
	}

	fn prepare(
		self,
		_val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		Ok(())
	}
}
