//! The client's one error type.

/// Why the chain's pool refused a transaction, from the runtime's `InvalidTransaction::Custom`
/// codes ([`registry_refusals`]) and the standard rejections.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
	/// [`registry_refusals::NOT_A_MEMBER`]: the signer is not a member of the registry.
	NotAMember,
	/// [`registry_refusals::SUSPENDED`]: the signer's membership is suspended.
	Suspended,
	/// [`registry_refusals::RATE_LIMITED`]: the transaction would take the signer beyond its
	/// role's rate limit in the current window of blocks: transactions, weight or bytes.
	RateLimited,
	/// [`registry_refusals::TOO_MANY_PENDING`]: the signer already has as many transactions
	/// waiting as its window still allows.
	TooManyPending,
	/// [`registry_refusals::IMMORTAL`]: the transaction is immortal; the chain takes only
	/// transactions with an era.
	Immortal,
	/// [`registry_refusals::CALL_NOT_ALLOWED`]: the runtime does not let this account send
	/// this call (session keys from an account that is not a validator candidate, a remark
	/// over 256 bytes).
	CallNotAllowed,
	/// Another `InvalidTransaction::Custom` code.
	Custom(u8),
	/// The signature does not verify: a wrong key, or signed for another chain (genesis hash)
	/// or another runtime version.
	BadSignature,
	/// The nonce was already used.
	Stale,
	/// The node refused this very transaction a moment ago and ignores it for a while.
	Banned,
	/// It needs more weight or length than a block has room for, even an empty one.
	ExhaustsResources,
	/// Anything else the pool said, in its words.
	Other(String),
}

impl std::fmt::Display for Rejection {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Rejection::NotAMember => write!(
				f,
				"the signing account is not a member of the registry; ask a registrar to admit it"
			),
			Rejection::Suspended => write!(
				f,
				"the signing account's membership is suspended; a registrar must reinstate it"
			),
			Rejection::RateLimited => write!(
				f,
				"the signing account has used what its role's rate limit allows in the current \
				 window (transactions, weight or bytes); wait for the window to end and send it \
				 again, or send smaller batches"
			),
			Rejection::TooManyPending => write!(
				f,
				"the signing account already has as many transactions waiting as its rate \
				 limit still allows; wait until some are in a block"
			),
			Rejection::Immortal => write!(
				f,
				"the transaction is immortal; sign it with an era (a mortal transaction)"
			),
			Rejection::CallNotAllowed => write!(
				f,
				"the chain does not let this account send this call: session keys are for \
				 validator candidates the consortium named, remarks are at most 256 bytes"
			),
			Rejection::Custom(code) => write!(f, "the runtime rejected it with custom code {code}"),
			Rejection::BadSignature => write!(
				f,
				"its signature does not verify: check the key, and that the transaction was \
				 built for this chain and its current runtime version"
			),
			Rejection::Stale => write!(f, "its nonce was already used"),
			Rejection::Banned => write!(
				f,
				"the node refused this transaction recently and ignores it for a while; \
				 fix the cause and sign it again"
			),
			Rejection::ExhaustsResources => write!(
				f,
				"it needs more than a whole block has room for; split it into smaller ones"
			),
			Rejection::Other(message) => write!(f, "{message}"),
		}
	}
}

/// Everything that can go wrong talking to the chain.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
	/// The node could not be reached or answered something unusable.
	#[error("cannot talk to the node at {url}: {reason}")]
	Connection { url: String, reason: String },
	/// The transaction pool refused the transaction; it is in no block.
	#[error("the transaction was rejected: {0}")]
	Rejected(Rejection),
	/// The transaction is in a finalized block, but its call failed.
	#[error("the call failed in block {block_hash}: {pallet}::{error}")]
	Dispatch {
		/// The pallet of the error, e.g. `Members`.
		pallet: String,
		/// The error's name, e.g. `NotRegistrar`; for errors outside pallets, its description.
		error: String,
		/// What the error means, from the pallet's doc comment in the chain's metadata; empty
		/// for errors outside pallets.
		docs: String,
		/// The finalized block that holds the failed transaction, as 0x-hex.
		block_hash: String,
	},
	/// The node answered a JSON-RPC call with an error: bad parameters, or nothing found.
	#[error("{message}")]
	Rpc {
		/// The JSON-RPC error code: [`INVALID_PARAMS`] for bad parameters, [`NOT_FOUND`] for
		/// nothing found.
		///
		/// [`INVALID_PARAMS`]: registry_rpc_types::api::INVALID_PARAMS
		/// [`NOT_FOUND`]: registry_rpc_types::api::NOT_FOUND
		code: i32,
		/// The node's sentence.
		message: String,
	},
	/// The call or storage entry does not exist in the chain's metadata, or its arguments do
	/// not fit.
	#[error("the chain does not accept this: {0}")]
	Metadata(String),
	/// A key could not be read or made.
	#[error("key error: {0}")]
	Key(String),
	/// The connection to the node broke during a call, or its answer was not what the method
	/// promises.
	#[error("the node's answer did not arrive: {0}")]
	Lost(String),
	/// A file could not be read.
	#[error("cannot read {path}: {source}")]
	Io {
		path: String,
		#[source]
		source: std::io::Error,
	},
	/// The node's answers do not make a certificate that verifies.
	#[error("the node's answers do not make a valid certificate: {0}")]
	Certificate(#[from] crate::certificate::VerifyError),
	/// No recent finalized block has a GRANDPA justification, which a certificate needs.
	#[error(
		"none of the {blocks} finalized blocks up to #{newest} has a GRANDPA justification on \
		 this node; ask again once the next block is finalized"
	)]
	NoJustification {
		/// The finalized head looked back from.
		newest: u32,
		/// How many blocks were looked at.
		blocks: u32,
	},
	/// A proof was asked for a block newer than the newest justified one.
	#[error(
		"block #{asked} is not yet finalized with a GRANDPA justification on this node; the \
		 newest such block is #{newest}: end there, or ask again once #{asked} is"
	)]
	NotJustifiedYet {
		/// The block asked for.
		asked: u32,
		/// The newest finalized block with a justification.
		newest: u32,
	},
	/// The node's answers do not make an audit export that verifies against its proof.
	#[error("the node's export does not verify: {0}")]
	Export(String),
	/// Any other error of subxt, in words without its layers' repeated prefixes.
	#[error("{}", plain(&.0.to_string()))]
	Subxt(#[from] subxt::Error),
}

/// An error's text without the prefixes each layer of the RPC client adds ("RPC error:
/// client error: " once per layer): the sentence that says what happened.
pub fn plain(text: &str) -> String {
	const LAYERS: [&str; 4] = [
		"RPC error: ",
		"Rpc error: ",
		"client error: ",
		"Client error: ",
	];
	let mut rest = text.trim();
	while let Some(stripped) = LAYERS.iter().find_map(|layer| rest.strip_prefix(layer)) {
		rest = stripped.trim_start();
	}
	if rest.is_empty() {
		text.trim().to_string()
	} else {
		rest.to_string()
	}
}

impl From<jsonrpsee::core::ClientError> for Error {
	fn from(error: jsonrpsee::core::ClientError) -> Self {
		match error {
			jsonrpsee::core::ClientError::Call(call) => Error::Rpc {
				code: call.code(),
				message: call.message().to_string(),
			},
			other => Error::Lost(plain(&other.to_string())),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::plain;

	#[test]
	fn each_layers_prefix_goes_once_and_the_sentence_stays() {
		assert_eq!(
			plain("RPC error: client error: RPC error: client error: The background task closed"),
			"The background task closed"
		);
		assert_eq!(
			plain("Rpc error: RPC error: the connection was lost (reset); reconnect"),
			"the connection was lost (reset); reconnect"
		);
		assert_eq!(
			plain("collection 3 has no item 9"),
			"collection 3 has no item 9"
		);
		// Nothing but prefixes: better the text than nothing.
		assert_eq!(plain("RPC error: "), "RPC error:");
	}
}
