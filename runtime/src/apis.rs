//! The runtime APIs the node and clients call.

use crate::{
	genesis_config_presets, AccountId, Audit, Aura, Block, BlockNumber, Collectibles, Executive,
	Fingerprints, Grandpa, InherentDataExt, Nonce, Rights, Runtime, RuntimeGenesisConfig,
	SessionKeys, System, VERSION,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::genesis_builder_helper::{build_state, get_preset},
	frame_system_rpc_runtime_api, pallet_aura,
	pallet_grandpa::AuthorityId as GrandpaId,
	sp_api::{self, impl_runtime_apis},
	sp_block_builder,
	sp_consensus_aura::{self, sr25519::AuthorityId as AuraId},
	sp_consensus_grandpa,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_genesis_builder, sp_inherents, sp_offchain,
	sp_runtime::{
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult, ExtrinsicInclusionMode,
	},
	sp_session, sp_transaction_pool,
	sp_version::RuntimeVersion,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// Equivocation reports are not used: the key owner proof type has no values.
			None
		}
	}

	impl pallet_collectibles::CollectiblesApi<Block, AccountId, BlockNumber> for Runtime {
		fn item(
			collection: pallet_collectibles::CollectionId,
			item: pallet_collectibles::ItemId,
		) -> Option<pallet_collectibles::ItemInfo<AccountId, BlockNumber>> {
			Collectibles::item_info(collection, item)
		}

		fn collection(
			collection: pallet_collectibles::CollectionId,
		) -> Option<pallet_collectibles::CollectionInfo<AccountId, BlockNumber>> {
			Collectibles::collection_info(collection)
		}

		fn items_of_owner(
			owner: AccountId,
			start_after: Option<(pallet_collectibles::CollectionId, pallet_collectibles::ItemId)>,
			limit: u32,
		) -> Vec<(pallet_collectibles::CollectionId, pallet_collectibles::ItemId)> {
			Collectibles::items_of_owner(owner, start_after, limit)
		}

		fn items_by_content(
			content: polkadot_sdk::sp_core::H256,
			start_after: Option<(pallet_collectibles::CollectionId, pallet_collectibles::ItemId)>,
			limit: u32,
		) -> Vec<(pallet_collectibles::CollectionId, pallet_collectibles::ItemId)> {
			Collectibles::items_by_content(content, start_after, limit)
		}
	}

	impl pallet_fingerprints::FingerprintsApi<Block> for Runtime {
		fn fingerprints(
			sha256: polkadot_sdk::sp_core::H256,
		) -> pallet_fingerprints::Fingerprints {
			Fingerprints::fingerprints_of(sha256)
		}

		fn content_of_sm3(
			sm3: polkadot_sdk::sp_core::H256,
		) -> Option<polkadot_sdk::sp_core::H256> {
			Fingerprints::content_of_sm3(sm3)
		}

		fn code_log(
			start: u64,
			limit: u32,
		) -> (
			Vec<(polkadot_sdk::sp_core::H256, pallet_fingerprints::ContentCode)>,
			u64,
		) {
			Fingerprints::code_log(start, limit)
		}
	}

	impl pallet_rights::RightsApi<Block, AccountId, BlockNumber> for Runtime {
		fn work_by_content(
			content: polkadot_sdk::sp_core::H256,
		) -> Option<pallet_rights::WorkView<AccountId, BlockNumber>> {
			Rights::work_by_content(content)
		}

		fn work(work: pallet_rights::WorkId) -> Option<pallet_rights::WorkView<AccountId, BlockNumber>> {
			Rights::work_info(work)
		}

		fn chain_of_title(
			unit: pallet_rights::UnitId,
		) -> Vec<pallet_rights::UnitView<AccountId, BlockNumber>> {
			Rights::chain_of_title(unit)
		}

		fn rights_page(
			work: pallet_rights::WorkId,
			at: Option<BlockNumber>,
			cursor: Option<pallet_rights::RightsCursor>,
			limit: u32,
		) -> Option<pallet_rights::RightsPage<AccountId, BlockNumber>> {
			Rights::rights_page(work, at, cursor, limit)
		}
	}

	impl pallet_audit::AuditApi<Block, AccountId, BlockNumber> for Runtime {
		fn history(
			query: pallet_audit::HistoryQuery<AccountId>,
			page_size: u32,
			cursor: Option<u64>,
			block_range: Option<(BlockNumber, BlockNumber)>,
		) -> Result<pallet_audit::HistoryPage<AccountId, BlockNumber>, pallet_audit::QueryError> {
			Audit::history(query, page_size, cursor, block_range)
		}

		fn alerts(
			status: pallet_audit::AlertFilter,
			cursor: Option<pallet_audit::AlertId>,
			page_size: u32,
		) -> Result<pallet_audit::AlertPage<AccountId, BlockNumber>, pallet_audit::QueryError> {
			Audit::alerts(status, cursor, page_size)
		}

		fn export(
			from_block: BlockNumber,
			to_block: BlockNumber,
			max_records: u32,
			cursor: Option<pallet_audit::Seq>,
		) -> Result<pallet_audit::Export<AccountId, BlockNumber>, pallet_audit::QueryError> {
			Audit::export(from_block, to_block, max_records, cursor)
		}

		fn head() -> pallet_audit::ChainHead<BlockNumber> {
			Audit::head()
		}

		fn blocks_between(
			from_ms: Option<u64>,
			to_ms: Option<u64>,
		) -> Option<(BlockNumber, BlockNumber)> {
			Audit::blocks_between(from_ms, to_ms)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl polkadot_sdk::frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<polkadot_sdk::frame_benchmarking::BenchmarkList>,
			Vec<polkadot_sdk::frame_support::traits::StorageInfo>,
		) {
			use polkadot_sdk::frame_benchmarking::BenchmarkList;
			use polkadot_sdk::frame_support::traits::StorageInfoTrait;
			use crate::{AllPalletsWithSystem, Consortium, Members, Validators};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: polkadot_sdk::frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<polkadot_sdk::frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use polkadot_sdk::frame_benchmarking::BenchmarkBatch;
			use polkadot_sdk::frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
			use crate::{AllPalletsWithSystem, Consortium, Members, Validators};

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}
