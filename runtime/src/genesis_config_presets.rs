//! Genesis presets: `development` (one validator) and `local_testnet` (four validators).
//!
//! In both, the well-known development accounts are members: the sr25519 and the ed25519
//! keys of Alice, Bob, Charlie, Dave, Eve and Ferdie. Alice holds every role; the others are
//! institutions and creators. These keys are public: never use these presets for a network
//! that holds real records.

use crate::{AccountId, RuntimeGenesisConfig};
use alloc::{vec, vec::Vec};
use pallet_members::Role;
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	pallet_aura, pallet_grandpa,
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

/// A genesis with the given validators and members.
fn genesis(validators: Vec<(AuraId, GrandpaId)>, members: Vec<(AccountId, Vec<Role>)>) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		aura: pallet_aura::GenesisConfig {
			authorities: validators
				.iter()
				.map(|(aura, _)| aura.clone())
				.collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: validators
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		members: pallet_members::GenesisConfig { members },
	})
}

/// Validator keys of a development keyring name.
fn validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// One validator, Alice.
pub fn development_genesis() -> Value {
	genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_members(),
	)
}

/// Four validators: Alice, Bob, Charlie and Dave.
pub fn local_testnet_genesis() -> Value {
	genesis(
		DEV_NAMES
			.iter()
			.take(4)
			.map(|(sr, ed)| validator(*sr, *ed))
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
