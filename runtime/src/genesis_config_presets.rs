//! Genesis presets: `development` (one validator, a one-member council) and `local_testnet`
//! (four validators, a three-member council). Neither has a sudo key.
//!
//! In both, the well-known development accounts are members: the sr25519 and the ed25519
//! keys of Alice, Bob, Charlie, Dave, Eve and Ferdie. Alice holds every role; the others are
//! institutions and creators. These keys are public: never use these presets for a network
//! that holds real records.

use crate::{AccountId, BlockNumber, RuntimeGenesisConfig, SessionKeys};
use alloc::{vec, vec::Vec};
use pallet_members::{RateLimit, Role};
use polkadot_sdk::{
	frame_support::{build_struct_json_patch, BoundedVec},
	pallet_membership, pallet_session,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::Value;

/// The keyring names whose accounts are members in the development presets.
const DEV_NAMES: [(Sr25519Keyring, Ed25519Keyring); 6] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	(Sr25519Keyring::Eve, Ed25519Keyring::Eve),
	(Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie),
];

/// Every role: Alice's, so that a development chain can exercise every call.
fn all_roles() -> Vec<Role> {
	vec![
		Role::Registrar,
		Role::Institution,
		Role::Creator,
		Role::Regulator,
		Role::Arbiter,
	]
}

/// The development accounts and their roles.
fn dev_members() -> Vec<(AccountId, Vec<Role>)> {
	let mut members = Vec::new();
	for (index, (sr, ed)) in DEV_NAMES.iter().enumerate() {
		let roles = if index == 0 {
			all_roles()
		} else {
			vec![Role::Institution, Role::Creator]
		};
		members.push((sr.to_account_id(), roles.clone()));
		members.push((ed.to_account_id(), roles));
	}
	members
}

/// Rate limits of a new chain. Institutions import whole catalogues in batches, so they get
/// the most room; registrars and regulators are not limited.
fn default_rate_limits() -> Vec<(Role, RateLimit<BlockNumber>)> {
	vec![
		(
			Role::Institution,
			RateLimit {
				max_transactions: 1_000,
				window_blocks: 100,
			},
		),
		(
			Role::Creator,
			RateLimit {
				max_transactions: 100,
				window_blocks: 100,
			},
		),
		(
			Role::Arbiter,
			RateLimit {
				max_transactions: 100,
				window_blocks: 100,
			},
		),
	]
}

/// Blocks per session on the development chains: 20 seconds, so that a validator set change
/// shows within a minute.
const DEV_SESSION_LENGTH: BlockNumber = 10;

/// A genesis with the given validators, council and members.
fn genesis(
	validators: Vec<(AccountId, AuraId, GrandpaId)>,
	council: Vec<AccountId>,
	members: Vec<(AccountId, Vec<Role>)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		members: pallet_members::GenesisConfig {
			members,
			rate_limits: default_rate_limits(),
		},
		validators: pallet_validators::GenesisConfig {
			validators: validators
				.iter()
				.map(|(account, _, _)| account.clone())
				.collect::<Vec<_>>(),
			session_length: DEV_SESSION_LENGTH,
		},
		// Aura and GRANDPA take their authorities from the session keys.
		session: pallet_session::GenesisConfig {
			keys: validators
				.into_iter()
				.map(|(account, aura, grandpa)| {
					(account.clone(), account, SessionKeys { aura, grandpa })
				})
				.collect::<Vec<_>>(),
		},
		council_membership: pallet_membership::GenesisConfig {
			members: BoundedVec::truncate_from(council),
		},
	})
}

/// Validator account and keys of a development keyring name. The account is the ed25519 one,
/// which the registry's client signs with; the keys are those `--alice` and the like put in a
/// node's keystore.
fn validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AccountId, AuraId, GrandpaId) {
	(ed.to_account_id(), sr.public().into(), ed.public().into())
}

/// One validator and a one-member council: Alice.
pub fn development_genesis() -> Value {
	genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		vec![Ed25519Keyring::Alice.to_account_id()],
		dev_members(),
	)
}

/// Four validators (Alice, Bob, Charlie and Dave) and a council of Alice, Bob and Charlie, of
/// whom two make the consortium's two thirds.
pub fn local_testnet_genesis() -> Value {
	genesis(
		DEV_NAMES
			.iter()
			.take(4)
			.map(|(sr, ed)| validator(*sr, *ed))
			.collect(),
		DEV_NAMES
			.iter()
			.take(3)
			.map(|(_, ed)| ed.to_account_id())
			.collect(),
		dev_members(),
	)
}

/// The JSON patch of a preset, if `id` names one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	// Serializing a `serde_json::Value` cannot fail.
	serde_json::to_vec(&patch).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
