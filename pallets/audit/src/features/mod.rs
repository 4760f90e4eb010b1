//! The logic behind the calls and the reporter, one file per capability.

mod alerts;
#[cfg(any(feature = "try-runtime", feature = "invariants", test))]
mod invariants;
mod log;
mod rules;
