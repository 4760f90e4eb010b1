//! The one error a command ends with: a sentence, and a short kind for scripts.

use registry_client::{
	explain::{self, Subject},
	types::{
		api::{INVALID_PARAMS, NOT_FOUND},
		hex0x,
	},
	Error, RegistryClient, H256,
};

/// Why a command failed.
#[derive(Debug)]
pub struct CliError {
	/// For scripts: `usage`, `input`, `key`, `connection`, `rejected`, `not_found`, `io`,
	/// `verify` (a certificate or an export that does not check out), `chain`, or the pallet
	/// error (`Collectibles::ItemFrozen`).
	pub kind: String,
	/// For people: what went wrong and what to do.
	pub message: String,
}

impl CliError {
	pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
		Self {
			kind: kind.into(),
			message: message.into(),
		}
	}

	/// The command line is incomplete or contradicts itself.
	pub fn usage(message: impl Into<String>) -> Self {
		Self::new("usage", message)
	}

	/// A value given is wrong.
	pub fn input(message: impl Into<String>) -> Self {
		Self::new("input", message)
	}

	/// A certificate or an export does not check out.
	pub fn verify(message: impl Into<String>) -> Self {
		Self::new("verify", message)
	}

	/// What was asked for does not exist.
	pub fn not_found(message: impl Into<String>) -> Self {
		Self::new("not_found", message)
	}

	/// An error of the chain, told about `subject`.
	pub fn chain(error: &Error, subject: &Subject) -> Self {
		let kind = match error {
			Error::Dispatch { pallet, error, .. } => format!("{pallet}::{error}"),
			Error::Rejected(_) => "rejected".into(),
			// The node's documented codes: bad parameters, and parameters that name nothing.
			Error::Rpc {
				code: INVALID_PARAMS,
				..
			} => "input".into(),
			Error::Rpc {
				code: NOT_FOUND, ..
			} => "not_found".into(),
			Error::Connection { .. } | Error::Lost(_) => "connection".into(),
			Error::Io { .. } => "io".into(),
			Error::Key(_) => "key".into(),
			_ => "chain".into(),
		};
		let message = match error {
			Error::Connection { url, reason } => format!(
				"lost the node at {url}: {reason}; check --node and that the node is running"
			),
			Error::Lost(reason) => {
				format!("lost the node: {reason}; check --node and that the node is running")
			}
			other => explain::sentence(other, subject),
		};
		Self { kind, message }
	}
}

impl CliError {
	/// A failed transaction told about `subject`, with what the chain says where the sentence
	/// needs more than the error: when a holding period ends, what already holds a content.
	pub async fn chain_read(client: &RegistryClient, error: &Error, subject: &Subject) -> Self {
		let Error::Dispatch {
			pallet,
			error: name,
			..
		} = error
		else {
			return Self::chain(error, subject);
		};
		let message = match (pallet.as_str(), name.as_str(), subject) {
			(
				"Collectibles",
				"HoldingPeriod",
				Subject {
					collection: Some(collection),
					item: Some(item),
					..
				},
			) => Some(holding_period(client, *collection, *item).await),
			(
				"Collectibles",
				"ContentAlreadyMinted",
				Subject {
					content: Some(content),
					..
				},
			) => Some(item_holding(client, *content).await),
			(
				"Rights",
				"AlreadyRegistered",
				Subject {
					content: Some(content),
					..
				},
			) => Some(work_holding(client, *content).await),
			_ => None,
		};
		match message {
			Some(message) => Self::new(format!("{pallet}::{name}"), message),
			None => Self::chain(error, subject),
		}
	}
}

/// When an item's holding period ends, by block and date.
async fn holding_period(client: &RegistryClient, collection: u32, item: u32) -> String {
	match (client.item(collection, item).await, client.clock().await) {
		(Ok(Some(info)), Ok(clock)) => format!(
			"item {item} of collection {collection} is in its holding period: the holding \
			 period ends at block {} ({}); give it away from then on",
			info.transferable_from,
			clock.date_of(info.transferable_from.into())
		),
		_ => format!("item {item} of collection {collection} is still in its holding period"),
	}
}

/// The item that already holds a content: a content is issued once on the chain, in
/// whichever collection.
async fn item_holding(client: &RegistryClient, content: H256) -> String {
	let holders = client.items_by_content(content).await.unwrap_or_default();
	match holders.first() {
		Some((collection, item)) => {
			format!("this content is already item {item} of collection {collection}")
		}
		None => "this content is already registered on the chain".to_string(),
	}
}

/// The refusal of a second filing, naming the first: the work, who filed it and when.
async fn work_holding(client: &RegistryClient, content: H256) -> String {
	let hex = hex0x(&content.0);
	match client.find_by_content_hash(content).await {
		Ok(found) => match found.work {
			Some(first) => format!(
				"content {hex} is already registered as work {} \"{}\", filed by {} in block {}; \
				 the first filing holds it",
				first.work, first.title, first.registrant, first.registered_at_block
			),
			None => format!("content {hex} is already registered as a work"),
		},
		Err(_) => format!(
			"content {hex} is already registered as a work; `registry find {hex}` may tell which"
		),
	}
}

impl From<Error> for CliError {
	fn from(error: Error) -> Self {
		Self::chain(&error, &Subject::default())
	}
}

impl From<jsonrpsee::core::ClientError> for CliError {
	fn from(error: jsonrpsee::core::ClientError) -> Self {
		Error::from(error).into()
	}
}
