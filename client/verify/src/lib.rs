//! # registry-verify
//!
//! The registry's offline checks: authorship certificates ([`certificate`]) and proven audit
//! exports ([`export`]), verified with no node against a trusted GRANDPA authority set.
//!
//! Everything here is plain Rust over the chain's SCALE encodings: block headers and GRANDPA
//! justifications ([`header`]), storage proofs against a state root ([`state`]) and the
//! stored records they prove. Nothing calls into a runtime or a node, so the same checks run
//! in the `registry` command-line tool and, compiled to WebAssembly, in a browser.

pub mod certificate;
mod error;
pub mod export;
pub mod grandpa;
pub mod header;
pub mod keys;
pub mod state;
mod stored;

#[cfg(test)]
mod fixture;

pub use error::VerifyError;
pub use registry_rpc_types::{hex0x, unhex};
