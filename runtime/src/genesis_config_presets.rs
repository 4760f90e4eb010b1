//! Genesis presets: `development` (one validator, a one-member council) and `local_testnet`
//! (four validators, a three-member council). Neither has a sudo key.
//!
//! In both, the well-known development accounts are members: the sr25519 and the ed25519
//! keys of Alice, Bob, Charlie, Dave, Eve and Ferdie. Alice holds every role; the others are
//! institutions and creators. These keys are public: never use these presets for a network
//! that holds real records.

use crate::{AccountId, BlockNumber, RuntimeGenesisConfig, SessionKeys, DAYS};
use alloc::{vec, vec::Vec};
use pallet_audit::Rule;
use pallet_members::{RateLimit, Role};
use polkadot_sdk::{
	frame_support::{build_struct_json_patch, BoundedVec},
	pallet_membership, pallet_node_authorization, pallet_session,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::OpaquePeerId,
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

/// Picoseconds of computation a window of 100 blocks offers normal transactions.
fn window_weight() -> u64 {
	use polkadot_sdk::frame_support::dispatch::DispatchClass;
	let weights = crate::configs::RuntimeBlockWeights::get();
	let normal = weights
		.get(DispatchClass::Normal)
		.max_total
		.unwrap_or(weights.max_block);
	normal.ref_time().saturating_mul(100)
}

/// Rate limits of a new chain, per window of 100 blocks (200 s). Institutions import whole
/// catalogues in batches, so they may use the chain's whole capacity; the pool's priority
/// then puts everyone else's transactions before theirs. Creators and arbiters get a tenth
/// of it and a megabyte, room for their works and rulings but not for filling blocks.
/// Registrars and regulators are not limited.
fn default_rate_limits() -> Vec<(Role, RateLimit<BlockNumber>)> {
	let window_weight = window_weight();
	vec![
		(
			Role::Institution,
			RateLimit {
				max_transactions: 1_000,
				max_weight: window_weight,
				max_bytes: 256 << 20,
				window_blocks: 100,
			},
		),
		(
			Role::Creator,
			RateLimit {
				max_transactions: 100,
				max_weight: window_weight / 10,
				max_bytes: 1 << 20,
				window_blocks: 100,
			},
		),
		(
			Role::Arbiter,
			RateLimit {
				max_transactions: 100,
				max_weight: window_weight / 10,
				max_bytes: 1 << 20,
				window_blocks: 100,
			},
		),
	]
}

/// Anti-speculation rules of a new chain: an alert when one item changes hands more than
/// three times in a day, or comes back to a holder within thirty days.
fn default_audit_rules() -> Vec<Rule<BlockNumber>> {
	vec![
		Rule::TransferBurst {
			max_transfers: 3,
			window_blocks: DAYS,
		},
		Rule::BackAndForth {
			window_blocks: 30 * DAYS,
		},
	]
}

/// Blocks per session on the development chains: 20 seconds, so that a validator set change
/// shows within a minute.
const DEV_SESSION_LENGTH: BlockNumber = 10;

/// Public keys of the development node keys `0x00…01` to `0x00…05` (ed25519 secret seeds),
/// which the README's local network starts Alice's to Eve's nodes with.
const DEV_NODE_PUBLIC_KEYS: [[u8; 32]; 5] = [
	[
		0x4c, 0xb5, 0xab, 0xf6, 0xad, 0x79, 0xfb, 0xf5, 0xab, 0xbc, 0xca, 0xfc, 0xc2, 0x69, 0xd8,
		0x5c, 0xd2, 0x65, 0x1e, 0xd4, 0xb8, 0x85, 0xb5, 0x86, 0x9f, 0x24, 0x1a, 0xed, 0xf0, 0xa5,
		0xba, 0x29,
	],
	[
		0x74, 0x22, 0xb9, 0x88, 0x75, 0x98, 0x06, 0x8e, 0x32, 0xc4, 0x44, 0x8a, 0x94, 0x9a, 0xdb,
		0x29, 0x0d, 0x0f, 0x4e, 0x35, 0xb9, 0xe0, 0x1b, 0x0e, 0xe5, 0xf1, 0xa1, 0xe6, 0x00, 0xfe,
		0x26, 0x74,
	],
	[
		0xf3, 0x81, 0x62, 0x6e, 0x41, 0xe7, 0x02, 0x7e, 0xa4, 0x31, 0xbf, 0xe3, 0x00, 0x9e, 0x94,
		0xbd, 0xd2, 0x5a, 0x74, 0x6b, 0xee, 0xc4, 0x68, 0x94, 0x8d, 0x6c, 0x3c, 0x7c, 0x5d, 0xc9,
		0xa5, 0x4b,
	],
	[
		0xfd, 0x50, 0xb8, 0xe3, 0xb1, 0x44, 0xea, 0x24, 0x4f, 0xbf, 0x77, 0x37, 0xf5, 0x50, 0xbc,
		0x8d, 0xd0, 0xc2, 0x65, 0x0b, 0xbc, 0x1a, 0xad, 0xa8, 0x33, 0xca, 0x17, 0xff, 0x8d, 0xbf,
		0x32, 0x9b,
	],
	[
		0xfd, 0xe4, 0xfb, 0xa0, 0x30, 0xad, 0x00, 0x2f, 0x7c, 0x2f, 0x7d, 0x4c, 0x33, 0x1f, 0x49,
		0xd1, 0x3f, 0xb0, 0xec, 0x74, 0x7e, 0xce, 0xeb, 0xec, 0x63, 0x4f, 0x1f, 0xf4, 0xcb, 0xca,
		0x9d, 0xef,
	],
];

/// The libp2p PeerId bytes of an ed25519 node key: the identity multihash of its protobuf
/// public key.
pub fn peer_id_of_ed25519(public: &[u8; 32]) -> OpaquePeerId {
	let mut bytes = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(public);
	OpaquePeerId(bytes)
}

/// A genesis with the given validators, council, admitted nodes and members.
fn genesis(
	validators: Vec<(AccountId, AuraId, GrandpaId)>,
	council: Vec<AccountId>,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	members: Vec<(AccountId, Vec<Role>)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		node_authorization: pallet_node_authorization::GenesisConfig { nodes },
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
		audit: pallet_audit::GenesisConfig {
			rules: default_audit_rules(),
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
		// One node: its peers are nobody's business, so its key stays free.
		vec![],
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
		// The four validators' nodes, with node keys 0x00…01 to 0x00…04.
		DEV_NAMES
			.iter()
			.zip(DEV_NODE_PUBLIC_KEYS.iter())
			.take(4)
			.map(|((_, ed), public)| (peer_id_of_ed25519(public), ed.to_account_id()))
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

#[cfg(test)]
mod tests {
	use super::*;
	use polkadot_sdk::sp_core::{ed25519, Pair};

	#[test]
	fn dev_node_public_keys_are_those_of_node_keys_one_to_five() {
		for (index, public) in DEV_NODE_PUBLIC_KEYS.iter().enumerate() {
			let mut seed = [0u8; 32];
			seed[31] = index as u8 + 1;
			assert_eq!(&ed25519::Pair::from_seed(&seed).public().0, public);
		}
	}

	#[test]
	fn the_readme_bootnode_is_node_key_one_admitted_at_genesis() {
		let readme_peer = bs58::decode("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp")
			.into_vec()
			.expect("a base58 PeerId");
		assert_eq!(peer_id_of_ed25519(&DEV_NODE_PUBLIC_KEYS[0]).0, readme_peer);
	}
}
