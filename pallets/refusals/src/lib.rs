//! `InvalidTransaction::Custom` codes returned by the registry's transaction extensions.
//!
//! They are part of the chain's public interface: the runtime refuses with them and clients
//! read them back, both from this one list. A new refusal takes the next free code; a code is
//! never reused.
#![no_std]

/// The signer is not a member of the registry.
pub const NOT_A_MEMBER: u8 = 1;
/// The signer is a member whose membership is suspended.
pub const SUSPENDED: u8 = 2;
/// The transaction would take the signer beyond its rate limit in the current window:
/// transactions, weight or bytes.
pub const RATE_LIMITED: u8 = 3;
/// The signer already has as many transactions pending as its window still allows: the nonce
/// is too far ahead of the account's.
pub const TOO_MANY_PENDING: u8 = 4;
/// The transaction is immortal; every transaction must name an era.
pub const IMMORTAL: u8 = 5;
/// The runtime does not let this signer send this call (for example session keys from an
/// account that is not a validator candidate, or an oversized remark).
pub const CALL_NOT_ALLOWED: u8 = 6;
