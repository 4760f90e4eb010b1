//! Runtime of the registry chain.
//!
//! A permissioned chain for non-monetary digital collectibles and intellectual-property
//! rights. It has no balances, no transaction payment and no currency of any kind: nothing on
//! this chain has a price. Transactions are admitted by membership instead of fees: the
//! [`pallet_members::CheckMember`] extension rejects every transaction whose signer is not an
//! active member.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`'s expansion is large.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Before `apis`: the benchmark list is a macro that `apis` expands.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod audit;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod harness;
#[cfg(test)]
mod tests;

use polkadot_sdk::{
	frame_executive, frame_support, frame_system, pallet_aura, pallet_collective, pallet_grandpa,
	pallet_membership, pallet_node_authorization, pallet_session, pallet_timestamp, sp_core,
	sp_runtime, sp_version,
};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use pallet_audit;
pub use pallet_collectibles;
pub use pallet_consortium;
pub use pallet_fingerprints;
pub use pallet_members;
pub use pallet_rights;
pub use pallet_validators;

/// Opaque types, which the node uses without knowing the runtime's own types.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The keys a validator registers: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. `spec_version` changes with every upgrade of the logic;
/// `transaction_version` with every change to calls or extensions.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("registry"),
	impl_name: alloc::borrow::Cow::Borrowed("registry-node"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// Target block time: blocks are produced every two seconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 2000;

// Changing the slot duration of a running chain stops block production.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Time in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// Block number.
pub type BlockNumber = u32;

/// Any of ed25519, sr25519 or ecdsa may sign a transaction.
pub type Signature = MultiSignature;

/// An account is the public key of its signing scheme (ecdsa keys are hashed to 32 bytes).
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Transaction counter of an account.
pub type Nonce = u32;

/// Block and state hash.
pub type Hash = sp_core::H256;

/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every transaction passes. `CheckMember` comes before `CheckNonce`, so that a
/// non-member is told it is not a member rather than that its account does not exist.
///
/// The era and nonce checks are the registry's wrappers of `frame_system`'s, under the same
/// identifiers and encodings: the era check refuses immortal transactions, the nonce check
/// a nonce further ahead than the member's rate limit allows.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	pallet_members::CheckMortality<Runtime>,
	pallet_members::CheckMember<Runtime>,
	pallet_members::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	audit::AuditCall,
);

/// A transaction as it travels and is stored in blocks.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations run at the next runtime upgrade, besides the pallets' own.
type Migrations = ();

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	// Members before the session pallet: genesis members get their accounts first.
	#[runtime::pallet_index(2)]
	pub type Members = pallet_members;

	// Validators before the session pallet, whose genesis asks it for the first set.
	#[runtime::pallet_index(3)]
	pub type Validators = pallet_validators;

	#[runtime::pallet_index(4)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(5)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(6)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(7)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(8)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(9)]
	pub type Consortium = pallet_consortium;

	#[runtime::pallet_index(10)]
	pub type NodeAuthorization = pallet_node_authorization;

	#[runtime::pallet_index(11)]
	pub type Collectibles = pallet_collectibles;

	#[runtime::pallet_index(12)]
	pub type Rights = pallet_rights;

	#[runtime::pallet_index(13)]
	pub type Audit = pallet_audit;

	#[runtime::pallet_index(14)]
	pub type Fingerprints = pallet_fingerprints;
}
