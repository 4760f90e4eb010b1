//! The chain's types as subxt sees them.

use subxt::config::{Config, DefaultTransactionExtensions, HashFor, SubstrateConfig};
use subxt::metadata::ArcMetadata;
use subxt::utils::{AccountId32, MultiAddress, MultiSignature};

/// The registry chain's configuration: `AccountId32` accounts, addresses without an index,
/// `MultiSignature` signatures and Blake2-256 hashing.
///
/// The runtime's own data-free extensions (`CheckNonZeroSender`, `CheckMember`,
/// `CheckWeight`) encode to nothing and are skipped; the rest are subxt's defaults. The
/// chain has only modern metadata, so no legacy type definitions are needed.
#[derive(Debug, Clone, Default)]
pub struct RegistryConfig(SubstrateConfig);

impl RegistryConfig {
	/// A configuration with settings of subxt's `SubstrateConfig` builder, e.g. a known
	/// genesis hash or runtime versions for signing without asking the node.
	pub fn from_substrate(config: SubstrateConfig) -> Self {
		Self(config)
	}
}

impl Config for RegistryConfig {
	type AccountId = AccountId32;
	type Address = MultiAddress<AccountId32, ()>;
	type Signature = MultiSignature;
	type Hasher = <SubstrateConfig as Config>::Hasher;
	type Header = <SubstrateConfig as Config>::Header;
	type TransactionExtensions = DefaultTransactionExtensions<Self>;
	type AssetId = u32;

	fn genesis_hash(&self) -> Option<HashFor<Self>> {
		self.0.genesis_hash()
	}

	fn spec_and_transaction_version_for_block_number(&self, number: u64) -> Option<(u32, u32)> {
		self.0.spec_and_transaction_version_for_block_number(number)
	}

	fn metadata_for_spec_version(&self, spec_version: u32) -> Option<ArcMetadata> {
		self.0.metadata_for_spec_version(spec_version)
	}

	fn set_metadata_for_spec_version(&self, spec_version: u32, metadata: ArcMetadata) {
		self.0.set_metadata_for_spec_version(spec_version, metadata)
	}
}
