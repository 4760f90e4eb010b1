//! The transaction extensions that keep the chain to its members and their limits.
//!
//! - [`CheckMember`]: only active members transact, within their role's rate limit and the
//!   calls the runtime allows them; the pool's priority falls as a member uses its window.
//! - [`CheckNonce`]: `frame_system`'s nonce check, which also refuses a nonce so far ahead
//!   that the member's pending transactions would exceed what its window still allows.
//! - [`CheckMortality`]: `frame_system`'s era check, which also refuses immortal
//!   transactions, so that no signed transaction can be replayed forever.
//!
//! The nonce and era checks keep `frame_system`'s identifiers and encodings, so standard
//! clients (@polkadot/api, subxt) build transactions for them as they always do.

mod member;
mod mortality;
mod nonce;

pub use member::{CheckMember, WindowOf};
pub use mortality::CheckMortality;
pub use nonce::CheckNonce;

/// `InvalidTransaction::Custom` codes returned by the registry's extensions, defined where
/// clients read them too.
pub use registry_refusals as codes;

/// Which signed calls the runtime refuses at the pool, whoever the member; wired in the
/// runtime, which knows its calls.
pub trait SignedCallPolicy<AccountId, Call> {
	/// Whether `who` may send `call`.
	fn allows(who: &AccountId, call: &Call) -> bool;
}

impl<AccountId, Call> SignedCallPolicy<AccountId, Call> for () {
	fn allows(_: &AccountId, _: &Call) -> bool {
		true
	}
}
