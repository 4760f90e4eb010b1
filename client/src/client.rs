//! Connects to a node, submits signed calls and reads the chain.

use subxt::{
	client::OnlineClientAtBlock,
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	constants::Address as ConstantAddress,
	error::{DispatchError, TransactionEventsError},
	events::DecodeAsEvent,
	extrinsics::ExtrinsicEvents,
	rpcs::{methods::legacy::LegacyRpcMethods, RpcClient},
	runtime_apis::Payload as RuntimeApiPayload,
	storage::Address as StorageAddress,
	transactions::{Payload, TransactionInvalid, ValidationResult},
	utils::{AccountId32, H256},
	OnlineClient,
};

/// The chain at one block, as subxt reads it.
pub type AtBlock = OnlineClientAtBlock<RegistryConfig>;

use crate::{config::RegistryConfig, Ed25519Signer, Error, Rejection};

/// Blocks a transaction signed by [`RegistryClient::sign_all`] stays valid for: about two
/// minutes of two-second blocks, subxt's default.
const MORTALITY_BLOCKS: u64 = 32;

/// A transaction that is in a finalized block and succeeded.
#[derive(Debug, Clone)]
pub struct Finalized {
	/// The finalized block that holds it.
	pub block_hash: H256,
	/// The transaction's hash.
	pub extrinsic_hash: H256,
	/// Its events, decoded on demand against the chain's metadata.
	events: std::sync::Arc<ExtrinsicEvents<RegistryConfig>>,
}

impl Finalized {
	/// Whether one of its events is `E`, e.g. [`crate::runtime::system::events::Remarked`].
	pub fn has<E: DecodeAsEvent>(&self) -> bool {
		self.events.has::<E>()
	}

	/// Whether one of its events is `pallet::name`, by the names in the metadata.
	pub fn has_event(&self, pallet: &str, name: &str) -> bool {
		self.event_names()
			.iter()
			.any(|(p, n)| p == pallet && n == name)
	}

	/// Its first event of type `E`, decoded; an error if it has none.
	pub fn event<E: DecodeAsEvent>(&self) -> Result<E, Error> {
		self.events
			.find_first::<E>()
			.ok_or_else(|| {
				Error::Metadata(format!(
					"the transaction emitted no {}; it emitted {:?}",
					std::any::type_name::<E>()
						.rsplit("::")
						.next()
						.unwrap_or("such event"),
					self.event_names()
				))
			})?
			.map_err(|e| Error::Metadata(e.to_string()))
	}

	/// Every event of type `E` it emitted, in order.
	pub fn events<E: DecodeAsEvent>(&self) -> Result<Vec<E>, Error> {
		self.events
			.find::<E>()
			.collect::<Result<_, _>>()
			.map_err(|e| Error::Metadata(e.to_string()))
	}

	/// The pallet and name of each of its events, in order.
	pub fn event_names(&self) -> Vec<(String, String)> {
		self.events
			.iter()
			.flatten()
			.map(|e| (e.pallet_name().to_string(), e.event_name().to_string()))
			.collect()
	}
}

/// A connection to a registry node.
#[derive(Clone)]
pub struct RegistryClient {
	api: OnlineClient<RegistryConfig>,
	node: std::sync::Arc<jsonrpsee::async_client::Client>,
	rpc: LegacyRpcMethods<RpcConfigFor<RegistryConfig>>,
	raw: RpcClient,
	url: String,
}

impl RegistryClient {
	/// Connects to the node's WebSocket RPC at `url`, e.g. `ws://127.0.0.1:9944`.
	///
	/// Plain `ws://` is accepted: consortium nodes are usually reached over a private
	/// network or a TLS-terminating proxy.
	pub async fn connect(url: &str) -> Result<Self, Error> {
		Self::connect_with_config(url, RegistryConfig::default()).await
	}

	/// Connects with a given configuration.
	pub async fn connect_with_config(url: &str, config: RegistryConfig) -> Result<Self, Error> {
		let connection = |reason: String| Error::Connection {
			url: url.to_string(),
			reason,
		};
		let node = crate::transport::connect(url).await.map_err(connection)?;
		let rpc_client = RpcClient::new(node.clone());
		let api = OnlineClient::from_rpc_client_with_config(config, rpc_client.clone())
			.await
			.map_err(|e| connection(e.to_string()))?;
		Ok(Self {
			api,
			node,
			rpc: LegacyRpcMethods::new(rpc_client.clone()),
			raw: rpc_client,
			url: url.to_string(),
		})
	}

	/// The subxt client underneath, for anything this crate does not wrap.
	pub fn api(&self) -> &OnlineClient<RegistryConfig> {
		&self.api
	}

	/// The node's `registry_*` and `audit_*` methods, one call each, through the traits
	/// generated from the node's own definition: [`crate::RegistryApiClient`] and
	/// [`crate::AuditRpcClient`]. Their errors convert into [`Error`] with `?`.
	pub fn node(&self) -> &jsonrpsee::async_client::Client {
		&self.node
	}

	/// The node's address.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// A JSON-RPC method this crate does not wrap, with its result deserialized.
	pub async fn raw_request<R: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: subxt::rpcs::client::RpcParams,
	) -> Result<R, Error> {
		self.raw.request(method, params).await.map_err(|e| match e {
			subxt::rpcs::Error::User(user) => Error::Rpc {
				code: user.code,
				message: user.message,
			},
			other => Error::Connection {
				url: self.url.clone(),
				reason: rpc_error_text(&other),
			},
		})
	}

	/// Signs a call for the chain's current state, with the signer's next nonce (counting
	/// transactions still in the pool). Returns the encoded transaction.
	pub async fn sign<Call: Payload>(
		&self,
		call: &Call,
		signer: &Ed25519Signer,
	) -> Result<Vec<u8>, Error> {
		let nonce = self.next_nonce(&signer.account_id()).await?;
		self.sign_with_nonce(call, signer, nonce).await
	}

	/// Signs a call for the chain's current state with a given nonce, so that several
	/// transactions can be signed before any of them reaches the pool.
	pub async fn sign_with_nonce<Call: Payload>(
		&self,
		call: &Call,
		signer: &Ed25519Signer,
		nonce: u64,
	) -> Result<Vec<u8>, Error> {
		sign_at(&self.at_head().await?, call, signer, nonce)
	}

	/// Signs `calls` in order, with consecutive nonces from the signer's next one, all against
	/// one view of the chain: two round trips to the node in all, however many calls.
	pub async fn sign_all<Call: Payload>(
		&self,
		calls: &[Call],
		signer: &Ed25519Signer,
	) -> Result<Vec<Vec<u8>>, Error> {
		let first = self.next_nonce(&signer.account_id()).await?;
		let at = self.at_head().await?;
		(first..)
			.zip(calls)
			.map(|(nonce, call)| sign_at(&at, call, signer, nonce))
			.collect()
	}

	/// Signs and submits a call, waits until it is finalized, and returns its events.
	///
	/// A transaction the pool refuses returns [`Error::Rejected`] and is in no block; one whose
	/// call fails returns [`Error::Dispatch`] naming the pallet error.
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		signer: &Ed25519Signer,
	) -> Result<Finalized, Error> {
		let encoded = self.sign(call, signer).await?;
		self.submit_encoded(encoded).await
	}

	/// Asks the runtime whether the pool would take an already signed transaction, without
	/// submitting it.
	pub async fn validate_encoded(&self, encoded: Vec<u8>) -> Result<(), Error> {
		let at = self.at_head().await?;
		validate(&at.transactions().from_bytes(encoded)).await
	}

	/// Submits an already signed transaction and waits until it is finalized.
	pub async fn submit_encoded(&self, encoded: Vec<u8>) -> Result<Finalized, Error> {
		let at = self.at_head().await?;
		let tx = at.transactions().from_bytes(encoded);
		// Asking the runtime first turns a refusal into a typed reason, whatever wording the
		// RPC layer would give it.
		validate(&tx).await?;
		let progress = tx
			.submit_and_watch()
			.await
			.map_err(|e| Error::Rejected(rejection_from_message(&e.to_string())))?;
		let in_block = progress
			.wait_for_finalized()
			.await
			.map_err(|e| Error::Rejected(rejection_from_message(&e.to_string())))?;
		let block_hash = in_block.block_hash();
		let events = match in_block.wait_for_success().await {
			Ok(events) => events,
			Err(TransactionEventsError::ExtrinsicFailed(dispatch)) => {
				return Err(dispatch_error(dispatch, block_hash))
			}
			Err(e) => return Err(subxt::Error::from(e).into()),
		};
		Ok(Finalized {
			block_hash,
			extrinsic_hash: events.extrinsic_hash(),
			events: std::sync::Arc::new(events),
		})
	}

	/// Hands an already signed transaction to the node's pool without waiting for a block.
	pub async fn submit_without_waiting(&self, encoded: &[u8]) -> Result<H256, Error> {
		self.rpc
			.author_submit_extrinsic(encoded)
			.await
			.map_err(|e| Error::Rejected(rejection_from_message(&rpc_error_text(&e))))
	}

	/// The chain at its finalized head, for anything this crate does not wrap.
	pub async fn at_head(&self) -> Result<AtBlock, Error> {
		Ok(self
			.api
			.at_current_block()
			.await
			.map_err(subxt::Error::from)?)
	}

	/// Reads a storage entry of [`crate::runtime::storage`] at the finalized head; `None` if it
	/// holds no value. `keys` are the map's keys, e.g. `(account,)`, or `()` for a plain value.
	pub async fn fetch<Addr: StorageAddress>(
		&self,
		address: Addr,
		keys: Addr::KeyParts,
	) -> Result<Option<Addr::Value>, Error> {
		let at = self.at_head().await?;
		let entry = format!("{}::{}", address.pallet_name(), address.entry_name());
		match at.storage().try_fetch(address, keys).await {
			Ok(Some(value)) => value
				.decode()
				.map(Some)
				.map_err(|e| Error::Metadata(format!("{entry}: {e}"))),
			Ok(None) => Ok(None),
			Err(e) => Err(Error::Metadata(format!("{entry}: {e}"))),
		}
	}

	/// Calls a runtime API of [`crate::runtime::apis`] at the finalized head.
	pub async fn call_api<P: RuntimeApiPayload>(&self, payload: P) -> Result<P::ReturnType, Error> {
		let name = format!("{}_{}", payload.trait_name(), payload.method_name());
		self.at_head()
			.await?
			.runtime_apis()
			.call(payload)
			.await
			.map_err(|e| Error::Metadata(format!("{name}: {e}")))
	}

	/// A constant of [`crate::runtime::constants`], from the chain's metadata.
	pub async fn constant<A: ConstantAddress>(&self, address: A) -> Result<A::Target, Error> {
		let name = format!("{}::{}", address.pallet_name(), address.constant_name());
		self.at_head()
			.await?
			.constants()
			.entry(address)
			.map_err(|e| Error::Metadata(format!("{name}: {e}")))
	}

	/// The names of the runtime's pallets, from its current metadata.
	pub async fn pallet_names(&self) -> Result<Vec<String>, Error> {
		let at = self.at_head().await?;
		Ok(at
			.metadata_ref()
			.pallets()
			.map(|p| p.name().to_string())
			.collect())
	}

	/// Number and hash of the finalized head.
	pub async fn finalized_head(&self) -> Result<(u64, H256), Error> {
		let hash = self
			.rpc
			.chain_get_finalized_head()
			.await
			.map_err(|e| self.connection(e))?;
		let header = self
			.rpc
			.chain_get_header(Some(hash))
			.await
			.map_err(|e| self.connection(e))?
			.ok_or_else(|| Error::Metadata(format!("the node has no header for {hash:?}")))?;
		Ok((header.number, hash))
	}

	/// The number of block `hash`, if the node has it.
	pub async fn block_number(&self, hash: H256) -> Result<Option<u64>, Error> {
		let header = self
			.rpc
			.chain_get_header(Some(hash))
			.await
			.map_err(|e| self.connection(e))?;
		Ok(header.map(|header| header.number))
	}

	/// Hash of the block at `number` on the node's best chain, if it has one.
	pub async fn block_hash(&self, number: u64) -> Result<Option<H256>, Error> {
		self.rpc
			.chain_get_block_hash(Some(number.into()))
			.await
			.map_err(|e| self.connection(e))
	}

	/// The encoded extrinsics of the block `hash`.
	pub async fn block_extrinsics(&self, hash: H256) -> Result<Vec<Vec<u8>>, Error> {
		let block = self
			.rpc
			.chain_get_block(Some(hash))
			.await
			.map_err(|e| self.connection(e))?
			.ok_or_else(|| Error::Metadata(format!("the node has no block {hash:?}")))?;
		Ok(block
			.block
			.extrinsics
			.into_iter()
			.map(|bytes| bytes.0)
			.collect())
	}

	/// The next nonce of `account`, counting transactions in the pool.
	pub async fn next_nonce(&self, account: &AccountId32) -> Result<u64, Error> {
		self.rpc
			.system_account_next_index(account)
			.await
			.map_err(|e| self.connection(e))
	}

	/// The SDK's standard RPC methods, typed, for the reads this crate builds proofs from.
	pub(crate) fn rpc(&self) -> &LegacyRpcMethods<RpcConfigFor<RegistryConfig>> {
		&self.rpc
	}

	/// The node as unreachable, for why.
	pub(crate) fn connection(&self, e: impl std::fmt::Display) -> Error {
		Error::Connection {
			url: self.url.clone(),
			reason: crate::error::plain(&e.to_string()),
		}
	}
}

/// `call` signed with `nonce` and an era from block `at`: mortal, since the chain refuses
/// immortal transactions. Nonce and era given, signing needs nothing more from the node.
fn sign_at<Call: Payload>(
	at: &AtBlock,
	call: &Call,
	signer: &Ed25519Signer,
	nonce: u64,
) -> Result<Vec<u8>, Error> {
	let params = DefaultExtrinsicParamsBuilder::<RegistryConfig>::new()
		.nonce(nonce)
		.mortal_from_unchecked(MORTALITY_BLOCKS, at.block_number(), at.block_hash())
		.build();
	let failed = |e: subxt::error::ExtrinsicError| Error::Metadata(e.to_string());
	let mut signable = at
		.transactions()
		.create_signable_offline(call, params)
		.map_err(failed)?;
	Ok(signable.sign(signer).map_err(failed)?.into_encoded())
}

/// The runtime's verdict on a signed transaction, as an error if the pool would refuse it.
async fn validate<C>(
	tx: &subxt::transactions::SubmittableTransaction<RegistryConfig, C>,
) -> Result<(), Error>
where
	C: subxt::client::OnlineClientAtBlockT<RegistryConfig>,
{
	match tx.validate().await.map_err(subxt::Error::from)? {
		ValidationResult::Valid(_) => Ok(()),
		ValidationResult::Invalid(invalid) => Err(Error::Rejected(rejection(&invalid))),
		ValidationResult::Unknown(unknown) => Err(Error::Rejected(Rejection::Other(format!(
			"the node cannot tell whether it is valid: {unknown:?}"
		)))),
	}
}

/// An RPC error in words, with the data a JSON-RPC error carries (where the pool puts its
/// reason, e.g. `Custom error: 1`).
fn rpc_error_text(error: &subxt::rpcs::Error) -> String {
	match error {
		subxt::rpcs::Error::User(user) => match &user.data {
			Some(data) => format!("{} ({}): {}", user.message, user.code, data.get()),
			None => format!("{} ({})", user.message, user.code),
		},
		other => other.to_string(),
	}
}

/// The documented meaning of a pool refusal.
fn rejection(invalid: &TransactionInvalid) -> Rejection {
	match invalid {
		TransactionInvalid::Custom(code) => rejection_from_code(*code),
		TransactionInvalid::BadProof => Rejection::BadSignature,
		TransactionInvalid::Stale => Rejection::Stale,
		TransactionInvalid::ExhaustsResources => Rejection::ExhaustsResources,
		other => Rejection::Other(format!("{other:?}")),
	}
}

fn rejection_from_code(code: u8) -> Rejection {
	use registry_refusals as codes;
	match code {
		codes::NOT_A_MEMBER => Rejection::NotAMember,
		codes::SUSPENDED => Rejection::Suspended,
		codes::RATE_LIMITED => Rejection::RateLimited,
		codes::TOO_MANY_PENDING => Rejection::TooManyPending,
		codes::IMMORTAL => Rejection::Immortal,
		codes::CALL_NOT_ALLOWED => Rejection::CallNotAllowed,
		code => Rejection::Custom(code),
	}
}

/// A refusal reported by the RPC layer in words, e.g. "Custom error: 1".
fn rejection_from_message(message: &str) -> Rejection {
	let code = message
		.split("Custom error: ")
		.nth(1)
		.or_else(|| message.split("Custom(").nth(1))
		.and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
		.and_then(|digits| digits.parse::<u8>().ok());
	match code {
		Some(code) => rejection_from_code(code),
		None if message.contains("bad signature") => Rejection::BadSignature,
		None if message.contains("temporarily banned") => Rejection::Banned,
		None if message.contains("exhaust the block limits") => Rejection::ExhaustsResources,
		None => Rejection::Other(message.to_string()),
	}
}

fn dispatch_error(error: DispatchError, block_hash: H256) -> Error {
	let (pallet, name, docs) = match &error {
		DispatchError::Module(module) => match module.details() {
			Ok(details) => (
				details.pallet.name().to_string(),
				details.variant.name.clone(),
				details
					.variant
					.docs
					.iter()
					.map(|line| line.trim())
					.collect::<Vec<_>>()
					.join(" "),
			),
			Err(_) => (
				"unknown".to_string(),
				module.details_string(),
				String::new(),
			),
		},
		other => ("System".to_string(), other.to_string(), String::new()),
	};
	Error::Dispatch {
		pallet,
		error: name,
		docs,
		block_hash: format!("{block_hash:?}"),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rpc_messages_map_to_rejections() {
		assert_eq!(
			rejection_from_message("Invalid Transaction: Custom error: 1"),
			Rejection::NotAMember
		);
		assert_eq!(
			rejection_from_message("Invalid(Custom(2))"),
			Rejection::Suspended
		);
		assert_eq!(
			rejection_from_message("Custom error: 3"),
			Rejection::RateLimited
		);
		assert_eq!(
			rejection_from_message("Custom error: 4"),
			Rejection::TooManyPending
		);
		assert_eq!(
			rejection_from_message("Custom error: 6"),
			Rejection::CallNotAllowed
		);
		assert_eq!(
			rejection_from_message("Custom error: 7"),
			Rejection::Custom(7)
		);
		assert_eq!(
			rejection_from_message("Transaction has a bad signature"),
			Rejection::BadSignature
		);
		assert_eq!(
			rejection_from_message("Transaction is temporarily banned (1012)"),
			Rejection::Banned
		);
		assert_eq!(
			rejection_from_message("something else"),
			Rejection::Other("something else".into())
		);
	}
}
