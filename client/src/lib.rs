//! # registry-client
//!
//! The Rust client of the registry chain, built on `subxt`.
//!
//! - [`RegistryClient`] connects to a node, signs and submits calls, waits until they are
//!   finalized and returns their events or their error, and reads storage. Its
//!   [`node`](RegistryClient::node) answers the node's `registry_*` and `audit_*` methods
//!   through [`RegistryApiClient`] and [`AuditRpcClient`], generated from the traits the node
//!   serves.
//! - [`Ed25519Signer`] signs with ed25519 keys on `ed25519-dalek`, from a seed, a mnemonic or
//!   a development URI such as `//Alice`.
//! - [`fingerprint`] computes the SHA-256 content fingerprint of a file of any size.
//! - [`certificate`] makes authorship certificates and checks them offline.
//!
//! ```no_run
//! use registry_client::{call, Ed25519Signer, Error, RegistryApiClient, RegistryClient};
//!
//! # async fn example() -> Result<(), Error> {
//! let client = RegistryClient::connect("ws://127.0.0.1:9944").await?;
//! let alice = Ed25519Signer::from_uri("//Alice")?;
//! let remark = call("System", "remark_with_event", (b"hello".to_vec(),));
//! let done = client.submit(&remark, &alice).await?;
//! assert!(done.has_event("System", "Remarked"));
//! // The node's own methods, generated from its definition of them.
//! let item = client.node().get_item(0, 0).await?;
//! println!("item 0 of collection 0 belongs to {}", item.owner);
//! # Ok(())
//! # }
//! ```

pub mod audit;
pub mod certificate;
mod client;
pub mod clock;
pub mod collectibles;
pub mod config;
pub mod consortium;
mod error;
pub mod evidence;
pub mod explain;
pub mod fingerprint;
pub mod import;
pub mod keyfile;
pub mod lifecycle;
pub mod manifest;
pub mod members;
pub mod rights;
pub mod rpc;
mod signer;
mod transport;

pub use client::{EventRecord, Finalized, RegistryClient};
pub use config::RegistryConfig;
pub use error::{Error, Rejection};
pub use registry_rpc_types as types;
pub use registry_rpc_types::api::{AuditRpcClient, RegistryApiClient};
pub use signer::{Ed25519Signer, DEV_PHRASE};
pub use subxt;
pub use subxt::dynamic::Value;
pub use subxt::utils::{AccountId32, H256};

/// A call to any pallet of the chain, checked against its metadata when signed.
///
/// `args` are the call's arguments in order, as a tuple of values that encode to their types,
/// e.g. `(account, roles, hash)`.
pub fn call<Args>(
	pallet: &str,
	name: &str,
	args: Args,
) -> subxt::transactions::DynamicPayload<Args> {
	subxt::dynamic::transaction(pallet, name, args)
}
