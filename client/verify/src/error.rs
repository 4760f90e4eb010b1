//! The error every offline check of a certificate returns. The checks (`verify`, `grandpa`,
//! `state`) import it from here, never from one another.

use crate::certificate::VERSION;

/// Why a certificate does not verify. Each says what failed in terms a person can act on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
	/// It is some other JSON.
	#[error("this is not an authorship certificate: its format is {0:?}")]
	NotACertificate(String),
	/// It is of a format version this verifier does not read.
	#[error("this verifier reads version {VERSION} certificates; this one is version {0}")]
	UnsupportedVersion(u32),
	/// A field is not what the format says, e.g. not hex.
	#[error("the certificate's {field} is unusable: {reason}")]
	Malformed { field: String, reason: String },
	/// The file to check could not be read.
	#[error("cannot read {path}: {source}")]
	File {
		path: String,
		#[source]
		source: std::io::Error,
	},
	/// The file is not the certified content.
	#[error("the file's SHA-256 is {file}, the certificate is for {certificate}")]
	FileMismatch { file: String, certificate: String },
	/// The header is of another block than the certificate says.
	#[error("the header is of block #{header}, the certificate says #{certificate}")]
	HeaderNumber { header: u32, certificate: u32 },
	/// The header does not hash to the block hash: one of them was changed.
	#[error("the header hashes to {computed}, not to the certificate's block hash {certificate}")]
	HeaderHash {
		computed: String,
		certificate: String,
	},
	/// The certificate's authority set is not the trusted one.
	#[error("the certificate's authority set is not the trusted one: {0}")]
	Untrusted(String),
	/// The justification finalizes another block.
	#[error("the justification finalizes block #{number} {hash}, not the certified block")]
	WrongTarget { number: u32, hash: String },
	/// A precommit is signed by a key outside the set.
	#[error("{signer} signed a precommit but is not in authority set {set_id}")]
	UnknownSigner { signer: String, set_id: u64 },
	/// A precommit's signature is not valid.
	#[error(
		"the precommit signature of {signer} does not verify for round {round} of authority \
		 set {set_id}"
	)]
	BadSignature {
		signer: String,
		round: u64,
		set_id: u64,
	},
	/// A precommit is for a block the justification does not link to the certified one.
	#[error(
		"{signer}'s precommit is for block {target}, which the justification does not show to \
		 descend from block #{block}"
	)]
	NotDescendant {
		signer: String,
		target: String,
		block: u32,
	},
	/// Too few of the set signed.
	#[error(
		"the justification has {signed} of {needed} needed signatures (counted by weight; the \
		 set weighs {total})"
	)]
	NotEnoughSignatures {
		signed: u64,
		needed: u64,
		total: u64,
	},
	/// The trie nodes do not lead from the header's state root to the entries.
	#[error("the storage proof does not match block #{block}'s state root: {reason}")]
	StorageProof { block: u32, reason: String },
	/// A proven entry is not a record this client reads, or is not where its index says.
	#[error("the proven {entry} is unusable: {reason}")]
	Record { entry: String, reason: String },
	/// The proof shows nothing registered with the content.
	#[error("nothing is registered with content {content} at block #{block}")]
	NothingRegistered { content: String, block: u32 },
	/// A storage entry's value is not the proven one.
	#[error(
		"the certificate gives {entry} at key {key} the value {certificate}, the proof gives \
		 {proof}"
	)]
	StorageValue {
		entry: String,
		key: String,
		certificate: String,
		proof: String,
	},
	/// The storage entries listed are not those the registration is read from.
	#[error("the certificate's storage entries are not those the registration is read from: {0}")]
	StorageEntries(String),
	/// The summary says something the proof does not.
	#[error("the certificate says {field} is {certificate}, the proof says {proof}")]
	Summary {
		field: String,
		certificate: String,
		proof: String,
	},
}
