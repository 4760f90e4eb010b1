//! The checks of a certificate, in the order [`verify`](super::verify) makes them, and which
//! of them a failure belongs to: a verifier that shows every check (the verifier page) marks
//! the ones before the failure passed and the ones after it not reached.

use crate::VerifyError;

/// One check of a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
	/// It is a certificate of a format and version this verifier reads, and its fields are
	/// well formed.
	Format,
	/// The file, when one is given, has the certified SHA-256.
	File,
	/// The header is of the certified block and hashes to its hash.
	Block,
	/// The authority set is the trusted one, when one is given.
	Authorities,
	/// The justification is a valid commit of more than two thirds of the set for the block.
	Finality,
	/// The trie nodes prove the storage entries against the header's state root, and the
	/// lists of attestations and collectibles completely.
	Storage,
	/// The summary is exactly what the proven entries say.
	Summary,
}

impl Stage {
	/// Every check, in the order they are made.
	pub const ALL: [Stage; 7] = [
		Stage::Format,
		Stage::File,
		Stage::Block,
		Stage::Authorities,
		Stage::Finality,
		Stage::Storage,
		Stage::Summary,
	];

	/// Its name in reports: `format`, `file`, `block`, `authorities`, `finality`, `storage`,
	/// `summary`.
	pub fn name(self) -> &'static str {
		match self {
			Stage::Format => "format",
			Stage::File => "file",
			Stage::Block => "block",
			Stage::Authorities => "authorities",
			Stage::Finality => "finality",
			Stage::Storage => "storage",
			Stage::Summary => "summary",
		}
	}
}

impl VerifyError {
	/// The check this failure belongs to.
	pub fn stage(&self) -> Stage {
		match self {
			VerifyError::NotACertificate(_) | VerifyError::UnsupportedVersion(_) => Stage::Format,
			VerifyError::Malformed { field, .. } => match field.as_str() {
				"proof.header" | "proof.blockHash" => Stage::Block,
				f if f.starts_with("proof.authorities") => Stage::Authorities,
				"proof.justification" => Stage::Finality,
				f if f.starts_with("proof.trieNodes") || f.starts_with("proof.storage") => {
					Stage::Storage
				}
				_ => Stage::Format,
			},
			VerifyError::File { .. } | VerifyError::FileMismatch { .. } => Stage::File,
			VerifyError::HeaderNumber { .. } | VerifyError::HeaderHash { .. } => Stage::Block,
			VerifyError::Untrusted(_) => Stage::Authorities,
			VerifyError::WrongTarget { .. }
			| VerifyError::UnknownSigner { .. }
			| VerifyError::BadSignature { .. }
			| VerifyError::NotDescendant { .. }
			| VerifyError::NotEnoughSignatures { .. } => Stage::Finality,
			VerifyError::StorageProof { .. }
			| VerifyError::Record { .. }
			| VerifyError::NothingRegistered { .. }
			| VerifyError::StorageValue { .. }
			| VerifyError::StorageEntries(_) => Stage::Storage,
			VerifyError::Summary { .. } => Stage::Summary,
		}
	}
}
