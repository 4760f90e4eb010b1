//! # registry-client
//!
//! The Rust client of the registry chain, built on `subxt`.
//!
//! - [`runtime`] is the chain's calls, events, storage, constants and runtime APIs, generated
//!   by subxt from the runtime's metadata (`metadata.scale`, which a runtime test keeps equal
//!   to the runtime's own).
//! - [`RegistryClient`] connects to a node, signs and submits calls, waits until they are
//!   finalized and returns their events or their error, and reads storage. Its
//!   [`node`](RegistryClient::node) answers the node's `registry_*` and `audit_*` methods
//!   through [`RegistryApiClient`] and [`AuditRpcClient`], generated from the traits the node
//!   serves.
//! - [`Ed25519Signer`] signs with ed25519 keys on `ed25519-dalek`, from a seed, a mnemonic or
//!   a development URI such as `//Alice`.
//! - [`fingerprint`] computes the SHA-256 content fingerprint of a file of any size.
//! - [`certificate`] makes authorship certificates and checks them offline.
//! - [`warehouse`] mirrors the audit log into PostgreSQL, verified batch by batch.
//!
//! ```no_run
//! use registry_client::{runtime, Ed25519Signer, Error, RegistryApiClient, RegistryClient};
//!
//! # async fn example() -> Result<(), Error> {
//! let client = RegistryClient::connect("ws://127.0.0.1:9944").await?;
//! let alice = Ed25519Signer::from_uri("//Alice")?;
//! // Calls, events, storage and runtime APIs are typed, generated from the chain's metadata.
//! let remark = runtime::tx().system().remark_with_event(b"hello".to_vec());
//! let done = client.submit(&remark, &alice).await?;
//! let remarked: runtime::system::events::Remarked = done.event()?;
//! assert_eq!(remarked.sender, alice.account_id());
//! // The node's own methods, generated from its definition of them.
//! let item = client.node().get_item(0, 0).await?;
//! println!("item 0 of collection 0 belongs to {}", item.owner);
//! # Ok(())
//! # }
//! ```

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
pub mod manifest;
pub mod members;
pub mod rights;
pub mod rpc;
mod signer;
pub mod similar;
pub mod transport;
pub mod warehouse;

pub use client::{AtBlock, Finalized, RegistryClient};
pub use config::RegistryConfig;
pub use error::{Error, Rejection};
pub use registry_rpc_types as types;
pub use registry_rpc_types::api::{AuditRpcClient, RegistryApiClient};
pub use signer::{Ed25519Signer, DEV_PHRASE};
pub use subxt;
pub use subxt::utils::{AccountId32, H256};

/// The chain's calls, events, storage, constants and runtime APIs, generated from its metadata.
///
/// `metadata.scale` is the runtime's metadata; the runtime's test
/// `the_clients_metadata_file_is_the_runtimes_metadata` fails when it falls behind, and
/// [`runtime::is_codegen_valid_for`] tells whether a running chain still matches it. Bounded
/// vectors read as plain vectors: the chain checks their bounds.
#[subxt::subxt(
	runtime_metadata_path = "metadata.scale",
	substitute_type(
		path = "bounded_collections::bounded_vec::BoundedVec",
		with = "::std::vec::Vec"
	),
	substitute_type(
		path = "bounded_collections::bounded_btree_set::BoundedBTreeSet",
		with = "::std::vec::Vec"
	),
	derive_for_all_types = "Clone, PartialEq, Eq",
	derive_for_type(
		path = "registry_audit_record::detail::Role",
		derive = "Copy, PartialOrd, Ord, Hash"
	),
	derive_for_type(path = "registry_audit_record::scope::RightSet", derive = "Copy"),
	derive_for_type(path = "registry_audit_record::scope::Term", derive = "Copy")
)]
pub mod runtime {}
