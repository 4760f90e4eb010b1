//! The one error a command ends with: a sentence, and a short kind for scripts.

use registry_client::{
	explain::{self, Subject},
	types::api::{INVALID_PARAMS, NOT_FOUND},
	Error,
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
