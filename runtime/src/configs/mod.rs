//! Configuration of each pallet of the runtime.

use crate::{
	AccountId, Aura, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SLOT_DURATION, VERSION,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::{ConstBool, ConstU32, ConstU64},
		weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
	},
	frame_system::{
		self,
		limits::{BlockLength, BlockWeights},
	},
	pallet_aura, pallet_grandpa, pallet_timestamp,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core,
	sp_runtime::Perbill,
	sp_version::RuntimeVersion,
};

mod consortium;
mod db_weights;
#[cfg(test)]
mod tests;
pub use consortium::{ConsortiumOrigin, CouncilCollective, MAX_REMARK_LENGTH};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// 1.5 s of weight in each two-second block. Weights are measured averages plus a fifth,
	/// and a full block of the largest batches executes in well under that (`scripts/bench.sh
	/// block`, see the README), so that the author proposes within two thirds of the slot
	/// and every other validator executes the block again on import within the same slot.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(1_500 * WEIGHT_REF_TIME_PER_MILLIS, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks, of which normal transactions may fill 75 %.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	/// The generic Substrate address format.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = consortium::ConsortiumCallFilter;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// Measured on a chain of imported items (`scripts/bench.sh storage`), a fifth added.
	type DbWeight = db_weights::RegistryDbWeight;
	type Version = Version;
	// No currency: accounts carry no balance data.
	type AccountData = ();
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_collectibles::Config for Runtime {
	type Members = crate::Members;
	type Audit = crate::Audit;
	type Fingerprints = crate::Fingerprints;
	type MaxIssuers = ConstU32<8>;
	type MaxNameLength = ConstU32<128>;
	type MaxDescriptionLength = ConstU32<1024>;
	type MaxUriLength = ConstU32<256>;
	type MaxCatalogueLength = ConstU32<64>;
	// 2,600 mints weigh about 851 ms, seven eighths of what a block gives one transaction
	// (975 ms): the largest batch leaves room for other members' transactions in the block.
	type MaxBatchSize = ConstU32<2_600>;
	// A print run of a thousand numbered editions at most.
	type MaxEditions = ConstU32<1_000>;
	type WeightInfo = pallet_collectibles::weights::SubstrateWeight<Runtime>;
}

impl pallet_rights::Config for Runtime {
	type Members = crate::Members;
	type Audit = crate::Audit;
	type Fingerprints = crate::Fingerprints;
	// Terms and expiries are counted in days of the block timestamp.
	type Time = crate::Timestamp;
	type MaxTitleLength = ConstU32<256>;
	type MaxUriLength = ConstU32<256>;
	type MaxCoHolders = ConstU32<16>;
	type MaxParents = ConstU32<16>;
	type MaxTerritories = ConstU32<64>;
	type MaxOpenDisputes = ConstU32<16>;
	type MaxLiveLicences = ConstU32<256>;
	type MaxPendingActions = ConstU32<16>;
	type WeightInfo = pallet_rights::weights::SubstrateWeight<Runtime>;
}

impl pallet_fingerprints::Config for Runtime {}

impl pallet_audit::Config for Runtime {
	type Members = crate::Members;
	type ConsortiumOrigin = consortium::ConsortiumOrigin;
	type MaxRules = ConstU32<8>;
	// Enough for a burst rule of up to 31 transfers in its window.
	type MaxTrackedTransfers = ConstU32<32>;
	type MaxNoteLength = ConstU32<1024>;
	type Time = crate::Timestamp;
	type WeightInfo = pallet_audit::weights::SubstrateWeight<Runtime>;
}

impl pallet_members::Config for Runtime {
	type ConsortiumOrigin = consortium::ConsortiumOrigin;
	type Protected = consortium::CouncilAndValidators;
	type OnDeparture = consortium::VacateSeats;
	type CallPolicy = consortium::SignedCallPolicy;
	type WeightInfo = pallet_members::weights::SubstrateWeight<Runtime>;
}
