//! Types and traits shared by the registry's pallets.
//!
//! The pallets never depend on each other: each names what it needs from the others as a trait
//! in its `Config` ([`MemberRoles`], [`AuditReporter`]), and the runtime wires the pallet that
//! implements it.
#![cfg_attr(not(feature = "std"), no_std)]

mod audit;
mod fingerprint;
mod metadata;
mod roles;

pub use audit::*;
pub use fingerprint::*;
pub use metadata::*;
pub use roles::*;
