//! The node's own Prometheus metrics, beside the SDK's: what the registry holds, read from the
//! finalized state each time a block is finalized ([`RegistryGauges`], [`follow`]), and the
//! transactions the pool refused over RPC, by the chain's reason ([`CountingPool`]).

use std::{
	collections::{HashMap, HashSet},
	pin::Pin,
	sync::Arc,
};

use async_trait::async_trait;
use codec::DecodeAll;
use futures::StreamExt;
use polkadot_sdk::{
	sc_client_api::{BlockchainEvents, StorageKey, StorageProvider},
	sc_transaction_pool_api::{
		error::{Error as PoolError, IntoPoolError},
		ChainEvent, ImportNotificationStream, MaintainedTransactionPool, PoolStatus,
		ReadyTransactions, TransactionFor, TransactionPool, TransactionSource,
		TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
	},
	sp_blockchain::HeaderBackend,
	sp_io::hashing::twox_128,
	sp_runtime::{
		traits::{Block as BlockT, Header as _},
		transaction_validity::InvalidTransaction,
	},
	substrate_prometheus_endpoint::{
		register, CounterVec, Gauge, Opts, PrometheusError, Registry, U64,
	},
};
use registry_runtime::{opaque::Block, pallet_audit::ChainHead, BlockNumber, Runtime};

use crate::{screen::Screen, service::FullClient};

/// A block hash of the chain.
type Hash = <Block as BlockT>::Hash;

/// The key of a plain storage value, or the prefix of a map's entries: twox128 of the pallet's
/// name in the runtime, then twox128 of the storage item's name.
fn storage_key(pallet: &str, entry: &str) -> StorageKey {
	let mut key = twox_128(pallet.as_bytes()).to_vec();
	key.extend_from_slice(&twox_128(entry.as_bytes()));
	StorageKey(key)
}

/// A number the runtime keeps in a plain storage value, and the gauge that shows it.
struct StoredNumber {
	/// The gauge it is shown in.
	gauge: Gauge<U64>,
	/// The pallet's name in the runtime.
	pallet: &'static str,
	/// The storage item's name in the pallet.
	entry: &'static str,
	/// Reads the number out of the value's SCALE encoding.
	decode: fn(&[u8]) -> Result<u64, codec::Error>,
}

/// The gauges of what the registry holds, and the finalized block they were read at.
pub struct RegistryGauges {
	/// Collectibles minted, summed over the collections.
	items: Gauge<U64>,
	/// The numbers kept in plain storage values.
	stored: Vec<StoredNumber>,
	/// The finalized block the numbers were read at.
	block: Gauge<U64>,
	/// Storage items, as (pallet, item), already reported unreadable: one warning each, not
	/// one per block.
	reported: HashSet<(&'static str, &'static str)>,
}

impl RegistryGauges {
	/// Registers the gauges in `registry`, all at 0 until the first read.
	pub fn new(registry: &Registry) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| -> Result<Gauge<U64>, PrometheusError> {
			register(Gauge::new(name, help)?, registry)
		};
		let stored = vec![
			StoredNumber {
				gauge: gauge(
					"registry_collections",
					"Collections of collectibles created so far, at the last finalized block.",
				)?,
				pallet: "Collectibles",
				entry: "NextCollectionId",
				decode: |mut bytes: &[u8]| u32::decode_all(&mut bytes).map(u64::from),
			},
			StoredNumber {
				gauge: gauge(
					"registry_works",
					"Works registered so far, at the last finalized block.",
				)?,
				pallet: "Rights",
				entry: "NextWorkId",
				decode: |mut bytes: &[u8]| u64::decode_all(&mut bytes),
			},
			StoredNumber {
				gauge: gauge(
					"registry_rights_units",
					"Rights units created so far, ended ones included, at the last finalized block.",
				)?,
				pallet: "Rights",
				entry: "NextUnitId",
				decode: |mut bytes: &[u8]| u64::decode_all(&mut bytes),
			},
			StoredNumber {
				gauge: gauge(
					"registry_licences",
					"Licences granted so far, ended ones included, at the last finalized block.",
				)?,
				pallet: "Rights",
				entry: "NextLicenceId",
				decode: |mut bytes: &[u8]| u64::decode_all(&mut bytes),
			},
			StoredNumber {
				gauge: gauge(
					"registry_audit_records",
					"Records in the audit log, at the last finalized block.",
				)?,
				pallet: "Audit",
				entry: "Head",
				decode: |mut bytes: &[u8]| {
					ChainHead::<BlockNumber>::decode_all(&mut bytes).map(|head| head.next_seq)
				},
			},
			StoredNumber {
				gauge: gauge(
					"registry_open_alerts",
					"Audit alerts open for regulators, at the last finalized block.",
				)?,
				pallet: "Audit",
				entry: "OpenAlertCount",
				decode: |mut bytes: &[u8]| u64::decode_all(&mut bytes),
			},
		];
		Ok(Self {
			items: gauge(
				"registry_items",
				"Collectibles minted so far, retired ones included, at the last finalized block.",
			)?,
			stored,
			block: gauge(
				"registry_metrics_block",
				"The finalized block the registry_* gauges were last read at.",
			)?,
			reported: HashSet::new(),
		})
	}

	/// Sets every gauge from the state of finalized block `number`, hash `at`. A number that
	/// cannot be read keeps its gauge as it was.
	fn read_at(&mut self, client: &FullClient, at: Hash, number: BlockNumber) {
		let items = sum_minted(client, at);
		note(
			&self.items,
			("Collectibles", "Collections"),
			items,
			&mut self.reported,
		);
		for stored in &self.stored {
			let value = read_number(client, at, stored);
			note(
				&stored.gauge,
				(stored.pallet, stored.entry),
				value,
				&mut self.reported,
			);
		}
		self.block.set(u64::from(number));
	}
}

/// Sets `gauge` to `value`, or warns, once per storage item, that it could not be read.
fn note(
	gauge: &Gauge<U64>,
	(pallet, entry): (&'static str, &'static str),
	value: Result<u64, String>,
	reported: &mut HashSet<(&'static str, &'static str)>,
) {
	match value {
		Ok(value) => gauge.set(value),
		Err(e) => {
			if reported.insert((pallet, entry)) {
				log::warn!(
					target: "registry",
					"Metrics: cannot read {pallet}::{entry}, its gauge keeps its last value: {e}"
				);
			}
		}
	}
}

/// The number `stored` describes, at block `at`; an absent value is 0.
fn read_number(client: &FullClient, at: Hash, stored: &StoredNumber) -> Result<u64, String> {
	let key = storage_key(stored.pallet, stored.entry);
	match client.storage(at, &key).map_err(|e| e.to_string())? {
		Some(data) => (stored.decode)(&data.0).map_err(|e| e.to_string()),
		None => Ok(0),
	}
}

/// Collectibles minted at block `at`: the sum of the collections' `minted`. Collections are
/// few beside their items, so walking them is cheap where counting items would not be.
fn sum_minted(client: &FullClient, at: Hash) -> Result<u64, String> {
	use registry_runtime::pallet_collectibles::CollectionOf;
	let prefix = storage_key("Collectibles", "Collections");
	let mut total = 0u64;
	for (_, data) in client
		.storage_pairs(at, Some(&prefix), None)
		.map_err(|e| e.to_string())?
	{
		let collection =
			CollectionOf::<Runtime>::decode_all(&mut &data.0[..]).map_err(|e| e.to_string())?;
		total = total.saturating_add(u64::from(collection.minted));
	}
	Ok(total)
}

/// Sets the gauges from the finalized state now, then each time a block is finalized, until
/// the node stops.
pub async fn follow(client: Arc<FullClient>, mut gauges: RegistryGauges) {
	// Subscribed before the first read, so that no finalization falls between the two.
	let mut finalized = client.finality_notification_stream();
	let info = client.info();
	gauges.read_at(&client, info.finalized_hash, info.finalized_number);
	// The newest finalized state covers every block finalized with it. The notification pins
	// its block, so that its state stays readable while it is read.
	while let Some(notification) = finalized.next().await {
		gauges.read_at(&client, notification.hash, *notification.header.number());
	}
}

/// The refusals the chain's transaction extensions make, pre-created at 0 so that dashboards
/// show them before the first one.
const CHAIN_REASONS: [&str; 4] = [
	"not_a_member",
	"suspended",
	"rate_limited",
	"too_many_pending",
];

/// The reason label of an error that did not come from the pool's checks (a database or
/// runtime error of the node).
const OTHER: &str = "other";

/// The reason label of a refusal by the pool.
pub fn reason(error: &PoolError) -> &'static str {
	match error {
		PoolError::InvalidTransaction(invalid) => invalid_reason(invalid),
		PoolError::UnknownTransaction(_) => "unknown",
		PoolError::AlreadyImported(_) => "already_imported",
		PoolError::TemporarilyBanned => "temporarily_banned",
		PoolError::TooLowPriority { .. } => "too_low_priority",
		_ => OTHER,
	}
}

/// The reason label of a transaction the runtime found invalid: the chain's own refusal codes
/// (`registry-refusals`) by name, the SDK's checks by theirs.
fn invalid_reason(invalid: &InvalidTransaction) -> &'static str {
	match invalid {
		InvalidTransaction::Custom(code) => match *code {
			registry_refusals::NOT_A_MEMBER => "not_a_member",
			registry_refusals::SUSPENDED => "suspended",
			registry_refusals::RATE_LIMITED => "rate_limited",
			registry_refusals::TOO_MANY_PENDING => "too_many_pending",
			registry_refusals::IMMORTAL => "immortal",
			registry_refusals::CALL_NOT_ALLOWED => "call_not_allowed",
			_ => "invalid_other",
		},
		InvalidTransaction::Call => "call",
		InvalidTransaction::Future => "future",
		InvalidTransaction::Stale => "stale",
		InvalidTransaction::BadProof => "bad_proof",
		InvalidTransaction::AncientBirthBlock => "ancient_birth_block",
		InvalidTransaction::ExhaustsResources => "exhausts_resources",
		InvalidTransaction::BadSigner => "bad_signer",
		_ => "invalid_other",
	}
}

/// The transaction pool as RPC sees it: `inner`, behind the [`Screen`] when it has one,
/// counting in `registry_pool_refusals_total` each submission refused. Every other method is
/// `inner`'s.
pub struct CountingPool<P> {
	inner: Arc<P>,
	/// Refusals by reason; `None` when the node exports no metrics.
	refusals: Option<CounterVec<U64>>,
	/// Refuses outsiders' transactions before `inner` validates them.
	screen: Option<Screen>,
}

impl<P> CountingPool<P> {
	/// Wraps `inner`, registering the counter in `registry` if there is one.
	pub fn new(inner: Arc<P>, registry: Option<&Registry>) -> Result<Self, PrometheusError> {
		let refusals = registry
			.map(|registry| {
				let refusals = register(
					CounterVec::<U64>::new(
						Opts::new(
							"registry_pool_refusals_total",
							"Transactions submitted over RPC that the transaction pool refused, \
							 by reason.",
						),
						&["reason"],
					)?,
					registry,
				)?;
				// Looking a label up creates its counter.
				for label in CHAIN_REASONS {
					refusals.with_label_values(&[label]);
				}
				Ok::<_, PrometheusError>(refusals)
			})
			.transpose()?;
		Ok(Self {
			inner,
			refusals,
			screen: None,
		})
	}

	/// Puts `screen` in front of the pool's validation.
	pub fn with_screen(mut self, screen: Screen) -> Self {
		self.screen = Some(screen);
		self
	}

	/// The screen's refusal of `xt` at `at`, counted, if it refuses it.
	fn screened<E: IntoPoolError + From<PoolError>>(
		&self,
		at: Hash,
		xt: &registry_runtime::opaque::UncheckedExtrinsic,
	) -> Option<E> {
		let refusal = self.screen.as_ref()?.check(at, xt).into_error()?;
		Some(self.count(E::from(refusal)))
	}

	/// Counts `error` under its reason and hands it back as it was.
	fn count<E: IntoPoolError + From<PoolError>>(&self, error: E) -> E {
		let Some(refusals) = &self.refusals else {
			return error;
		};
		match error.into_pool_error() {
			Ok(error) => {
				refusals.with_label_values(&[reason(&error)]).inc();
				E::from(error)
			}
			Err(error) => {
				refusals.with_label_values(&[OTHER]).inc();
				error
			}
		}
	}
}

#[async_trait]
impl<P> TransactionPool for CountingPool<P>
where
	P: TransactionPool<Block = Block> + 'static,
{
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		// The screen's refusals keep their places among the pool's answers.
		let screened: Vec<Option<Self::Error>> =
			xts.iter().map(|xt| self.screened(at, xt)).collect();
		let passed = xts
			.into_iter()
			.zip(&screened)
			.filter(|(_, refusal)| refusal.is_none())
			.map(|(xt, _)| xt)
			.collect();
		let mut results = self
			.inner
			.submit_at(at, source, passed)
			.await
			.map_err(|e| self.count(e))?
			.into_iter()
			.map(|result| result.map_err(|e| self.count(e)));
		Ok(screened
			.into_iter()
			.map(|refusal| match refusal {
				Some(refusal) => Err(refusal),
				// The pool answers each transaction it is given; were one missing, it did not
				// enter the pool.
				None => results
					.next()
					.unwrap_or_else(|| Err(Self::Error::from(PoolError::ImmediatelyDropped))),
			})
			.collect())
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		if let Some(refusal) = self.screened(at, &xt) {
			return Err(refusal);
		}
		self.inner
			.submit_one(at, source, xt)
			.await
			.map_err(|e| self.count(e))
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		if let Some(refusal) = self.screened(at, &xt) {
			return Err(refusal);
		}
		self.inner
			.submit_and_watch(at, source, xt)
			.await
			.map_err(|e| self.count(e))
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.inner.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.inner.futures()
	}

	fn status(&self) -> PoolStatus {
		self.inner.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.inner.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.inner.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.inner.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.inner.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: std::time::Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait]
impl<P> MaintainedTransactionPool for CountingPool<P>
where
	P: MaintainedTransactionPool<Block = Block> + 'static,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		self.inner.maintain(event).await
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use polkadot_sdk::{
		sc_transaction_pool::TransactionPoolHandle,
		sp_runtime::transaction_validity::UnknownTransaction,
	};

	/// The error type of the node's own pool.
	type NodePoolError = <TransactionPoolHandle<Block, FullClient> as TransactionPool>::Error;

	/// An error from outside the pool's checks, as a pool also returns.
	#[derive(Debug)]
	struct Elsewhere;

	impl std::fmt::Display for Elsewhere {
		fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
			f.write_str("the database is unavailable")
		}
	}

	impl std::error::Error for Elsewhere {}

	impl IntoPoolError for Elsewhere {}

	impl From<PoolError> for Elsewhere {
		fn from(_: PoolError) -> Self {
			Elsewhere
		}
	}

	fn invalid(invalid: InvalidTransaction) -> PoolError {
		PoolError::InvalidTransaction(invalid)
	}

	fn counting(registry: &Registry) -> CountingPool<()> {
		CountingPool::new(Arc::new(()), Some(registry)).expect("the counter registers")
	}

	/// Each reason label and its count, as the registry exports them.
	fn refusals(registry: &Registry) -> Vec<(String, f64)> {
		let families = registry.gather();
		families
			.iter()
			.filter(|family| family.get_name() == "registry_pool_refusals_total")
			.flat_map(|family| family.get_metric())
			.map(|metric| {
				let label = metric
					.get_label()
					.iter()
					.find(|label| label.get_name() == "reason")
					.map(|label| label.get_value().to_string())
					.unwrap_or_default();
				(label, metric.get_counter().get_value())
			})
			.collect()
	}

	#[test]
	fn the_chains_refusal_codes_have_their_own_reasons() {
		let codes = [
			(registry_refusals::NOT_A_MEMBER, "not_a_member"),
			(registry_refusals::SUSPENDED, "suspended"),
			(registry_refusals::RATE_LIMITED, "rate_limited"),
			(registry_refusals::TOO_MANY_PENDING, "too_many_pending"),
			(registry_refusals::IMMORTAL, "immortal"),
			(registry_refusals::CALL_NOT_ALLOWED, "call_not_allowed"),
		];
		for (code, expected) in codes {
			assert_eq!(reason(&invalid(InvalidTransaction::Custom(code))), expected);
		}
		assert_eq!(
			reason(&invalid(InvalidTransaction::Custom(200))),
			"invalid_other"
		);
	}

	#[test]
	fn the_sdks_refusals_have_their_own_reasons() {
		assert_eq!(reason(&invalid(InvalidTransaction::BadProof)), "bad_proof");
		assert_eq!(reason(&invalid(InvalidTransaction::Stale)), "stale");
		assert_eq!(reason(&invalid(InvalidTransaction::Future)), "future");
		assert_eq!(
			reason(&invalid(InvalidTransaction::ExhaustsResources)),
			"exhausts_resources"
		);
		assert_eq!(
			reason(&invalid(InvalidTransaction::BadSigner)),
			"bad_signer"
		);
		assert_eq!(reason(&invalid(InvalidTransaction::Call)), "call");
		assert_eq!(
			reason(&invalid(InvalidTransaction::UnknownOrigin)),
			"invalid_other"
		);
		assert_eq!(
			reason(&PoolError::UnknownTransaction(
				UnknownTransaction::CannotLookup
			)),
			"unknown"
		);
		assert_eq!(
			reason(&PoolError::AlreadyImported(Box::new(()))),
			"already_imported"
		);
		assert_eq!(reason(&PoolError::TemporarilyBanned), "temporarily_banned");
		assert_eq!(
			reason(&PoolError::TooLowPriority { old: 2, new: 1 }),
			"too_low_priority"
		);
		assert_eq!(reason(&PoolError::ImmediatelyDropped), OTHER);
	}

	#[test]
	fn the_chains_reasons_are_exported_at_zero_before_any_refusal() {
		let registry = Registry::new();
		let _pool = counting(&registry);
		let mut exported = refusals(&registry);
		exported.sort_by(|a, b| a.0.cmp(&b.0));
		let mut expected: Vec<(String, f64)> = CHAIN_REASONS
			.iter()
			.map(|label| (label.to_string(), 0.0))
			.collect();
		expected.sort_by(|a, b| a.0.cmp(&b.0));
		assert_eq!(exported, expected);
	}

	#[test]
	fn a_refusal_is_counted_and_handed_back_unchanged() {
		let registry = Registry::new();
		let pool = counting(&registry);

		let refused = NodePoolError::from(invalid(InvalidTransaction::Custom(
			registry_refusals::NOT_A_MEMBER,
		)));
		let back = pool.count(refused);
		assert!(matches!(
			back.into_pool_error(),
			Ok(PoolError::InvalidTransaction(InvalidTransaction::Custom(
				registry_refusals::NOT_A_MEMBER
			)))
		));
		let elsewhere = pool.count(Elsewhere);
		assert_eq!(elsewhere.to_string(), "the database is unavailable");

		let exported = refusals(&registry);
		let counted = |wanted: &str| {
			exported
				.iter()
				.find(|(label, _)| label == wanted)
				.map(|(_, count)| *count)
		};
		assert_eq!(counted("not_a_member"), Some(1.0));
		assert_eq!(counted(OTHER), Some(1.0));
		assert_eq!(counted("suspended"), Some(0.0));
	}

	#[test]
	fn without_a_registry_nothing_is_counted() {
		let pool = CountingPool::new(Arc::new(()), None).expect("nothing to register");
		assert!(pool.refusals.is_none());
		assert!(matches!(
			pool.count(PoolError::TemporarilyBanned),
			PoolError::TemporarilyBanned
		));
	}

	#[test]
	fn storage_keys_are_those_frame_gives_its_values() {
		// `System::Number`, whose key every Substrate tool knows.
		assert_eq!(
			hex::encode(storage_key("System", "Number").0),
			"26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac"
		);
	}
}
