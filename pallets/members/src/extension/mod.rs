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

/// `InvalidTransaction::Custom` codes returned by the registry's extensions. They are part of
/// the chain's public interface: clients map them to messages.
pub mod codes {
	/// The signer is not a member of the registry.
	pub const NOT_A_MEMBER: u8 = 1;
	/// The signer is a member whose membership is suspended.
	pub const SUSPENDED: u8 = 2;
	/// The transaction would take the signer beyond its rate limit in the current window:
	/// transactions, weight or bytes.
	pub const RATE_LIMITED: u8 = 3;
	/// The signer already has as many transactions pending as its window still allows: the
	/// nonce is too far ahead of the account's.
	pub const TOO_MANY_PENDING: u8 = 4;
	/// The transaction is immortal; every transaction must name an era.
	pub const IMMORTAL: u8 = 5;
	/// The runtime does not let this signer send this call (for example session keys from an
	/// account that is not a validator candidate, or an oversized remark).
	pub const CALL_NOT_ALLOWED: u8 = 6;
}

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
