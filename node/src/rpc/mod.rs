//! The node's JSON-RPC methods beyond those of the SDK's core (chain, state, author, system).

mod audit;
mod json;
mod params;
mod registry;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use polkadot_sdk::{
	sc_transaction_pool_api::TransactionPool,
	sp_api::ProvideRuntimeApi,
	sp_block_builder::BlockBuilder,
	sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata},
	substrate_frame_rpc_system::{System, SystemApiServer},
};
use registry_runtime::{
	opaque::Block, pallet_audit::AuditApi, pallet_collectibles::CollectiblesApi,
	pallet_fingerprints::FingerprintsApi, pallet_rights::RightsApi, AccountId, BlockNumber, Nonce,
};

use crate::similar::SharedSimilar;

use audit::Audit;
use registry::Registry;
use registry_rpc_types::api::{AuditRpcServer, RegistryApiServer};

/// What the RPC methods need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The near-duplicate index the node keeps.
	pub similar: SharedSimilar,
}

/// All the node's RPC methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: polkadot_sdk::frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: CollectiblesApi<Block, AccountId, BlockNumber>,
	C::Api: RightsApi<Block, AccountId, BlockNumber>,
	C::Api: AuditApi<Block, AccountId, BlockNumber>,
	C::Api: FingerprintsApi<Block>,
	P: TransactionPool + 'static,
{
	let mut module = RpcModule::new(());
	let FullDeps {
		client,
		pool,
		similar,
	} = deps;

	// `system_accountNextIndex`: the next nonce, counting transactions still in the pool.
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	// `registry_*`: collectibles and works as readable JSON.
	module.merge(Registry::new(client.clone(), similar).into_rpc())?;
	// `audit_*`: the audit log's history, alerts and exports.
	module.merge(Audit::new(client).into_rpc())?;

	Ok(module)
}
