//! The chains this node knows by name: `dev` and `local`.

use polkadot_sdk::sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use registry_runtime::WASM_BINARY;
use sc_service::ChainType;

/// A chain specification of the registry chain.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Chain properties shown by wallets and explorers. The chain has no token.
fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm is missing from this build; rebuild without SKIP_WASM_BUILD".to_string()
	})
}

/// A single-validator development chain: Alice authors and finalizes.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("Registry Development")
		.with_id("registry_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A four-validator local network: Alice, Bob, Charlie and Dave.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("Registry Local Testnet")
		.with_id("registry_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
