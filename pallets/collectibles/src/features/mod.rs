//! The logic behind the calls, one file per capability.

mod collections;
#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
mod invariants;
mod lifecycle;
mod mint;
pub(crate) use mint::MintEvents;
mod transfer;
