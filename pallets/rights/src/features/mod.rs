//! The logic behind the calls, one file per capability.

mod assign;
mod attestations;
mod consent;
mod disputes;
#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
mod invariants;
mod licences;
mod scope;
mod split;
mod units;
mod works;
