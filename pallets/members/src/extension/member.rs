//! `CheckMember`: the transaction extension that keeps non-members off the chain.
//!
//! It runs in the transaction pool's validation as well as in block import, so a transaction
//! signed by a non-member or a suspended member is dropped before it reaches a block. It must
//! come before `CheckNonce` in the runtime's extension tuple: a non-member has no account, and
//! the nonce check would otherwise answer first with a misleading `InvalidTransaction::Payment`.

use super::{codes, SignedCallPolicy};
use crate::{
	rate_limit::Usage, Config, MemberStatus, Members, Pallet, TransactionWindow,
	TransactionWindows, WeightInfo,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchInfo, pallet_prelude::TransactionSource, traits::OriginTrait,
		DefaultNoBound,
	},
	frame_system,
	sp_core::Get,
	sp_runtime::{
		traits::{DispatchInfoOf, Dispatchable, TransactionExtension, ValidateResult},
		transaction_validity::{
			InvalidTransaction, TransactionPriority, TransactionValidityError, ValidTransaction,
		},
		Perbill, Weight,
	},
};
use scale_info::TypeInfo;

/// A member's transaction window, with the runtime's block number.
pub type WindowOf<T> =
	TransactionWindow<polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>>;

/// The pool priority of a member with no limit, or with none of its window used. A member's
/// priority falls from here in proportion to the share of its window it has used.
const FULL_PRIORITY: TransactionPriority = 1_000_000_000;

/// Rejects signed transactions whose signer is not an active member, is over its rate limit,
/// or sends a call the runtime's [`SignedCallPolicy`] refuses.
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

	/// Whether `who` may send a transaction of `usage` now, and its pool priority; the error
	/// is what the pool answers otherwise. A rate-limited member gets back its window with
	/// this transaction counted.
	pub fn check(
		who: &T::AccountId,
		usage: Usage,
	) -> Result<(TransactionPriority, Option<WindowOf<T>>), TransactionValidityError> {
		let record =
			Members::<T>::get(who).ok_or(InvalidTransaction::Custom(codes::NOT_A_MEMBER))?;
		if record.status == MemberStatus::Suspended {
			return Err(InvalidTransaction::Custom(codes::SUSPENDED).into());
		}
		let Some(limit) = Pallet::<T>::rate_limit_of(&record) else {
			return Ok((FULL_PRIORITY, None));
		};
		let now = frame_system::Pallet::<T>::block_number();
		let window = Pallet::<T>::next_window(who, &limit, now, usage)
			.ok_or(InvalidTransaction::Custom(codes::RATE_LIMITED))?;
		let used = Pallet::<T>::share_used(&limit, &window);
		let priority = (Perbill::one() - used).mul_floor(FULL_PRIORITY);
		Ok((priority, Some(window)))
	}
}

impl<T> core::fmt::Debug for CheckMember<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckMember")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMember<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
{
	const IDENTIFIER: &'static str = "CheckMember";
	type Implicit = ();
	/// The signer and its window with this transaction counted, when it is rate-limited.
	type Val = Option<(T::AccountId, WindowOf<T>)>;
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		// The benchmark measures the check; the window's write happens in `prepare`, and a
		// member may need two reads more than the benchmark's (its record, five role limits
		// and its window at worst).
		T::WeightInfo::check_member().saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_signer() else {
			return Ok((Default::default(), None, origin));
		};
		let usage = Usage {
			weight: info.total_weight().ref_time(),
			bytes: u32::try_from(len).unwrap_or(u32::MAX),
		};
		let (priority, window) = Self::check(who, usage)?;
		if !T::CallPolicy::allows(who, call) {
			return Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED).into());
		}
		let validity = ValidTransaction {
			priority,
			..Default::default()
		};
		let val = window.map(|window| (who.clone(), window));
		Ok((validity, val, origin))
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
