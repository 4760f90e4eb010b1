//! Key files: one secret URI on one line, readable by its owner alone.
//!
//! A key file holds what `subkey` calls a secret URI: a BIP-39 mnemonic (what
//! [`generate`] writes), optionally with `//hard` junctions and a `///password`, or `0x` and
//! the 64 hex digits of a secret seed. So `subkey inspect --scheme ed25519 "$(cat FILE)"`
//! shows the same account, and a phrase or seed from `subkey generate --scheme ed25519` can be
//! pasted into a file and used as it is.

use std::{
	fs::File,
	io::{Read, Write},
	path::Path,
};

use zeroize::Zeroizing;

use crate::{Ed25519Signer, Error};

/// A key file larger than this is not a key file: the longest mnemonic with junctions and a
/// password is a few hundred bytes.
const MAX_KEY_FILE: u64 = 4096;

/// A new random key: a mnemonic of `words` words (12, 15, 18, 21 or 24), as `subkey
/// generate` makes them, with the signer it stands for.
pub fn generate(words: usize) -> Result<(Zeroizing<String>, Ed25519Signer), Error> {
	let entropy_bytes = match words {
		12 | 15 | 18 | 21 | 24 => words / 3 * 4,
		_ => {
			return Err(Error::Key(format!(
				"a mnemonic has 12, 15, 18, 21 or 24 words, not {words}"
			)))
		}
	};
	let mut entropy = Zeroizing::new([0u8; 32]);
	getrandom::getrandom(&mut entropy[..entropy_bytes])
		.map_err(|e| Error::Key(format!("the system's random source failed: {e}")))?;
	let mnemonic = bip39::Mnemonic::from_entropy(&entropy[..entropy_bytes])
		.map_err(|e| Error::Key(format!("cannot make a mnemonic: {e}")))?;
	let phrase = Zeroizing::new(mnemonic.to_string());
	let signer = Ed25519Signer::from_uri(&phrase)?;
	Ok((phrase, signer))
}

/// Writes `secret` to a new file at `path`, readable and writable by its owner only.
///
/// An existing file is never overwritten: it may hold the only copy of another key.
pub fn write_new(path: &Path, secret: &str) -> Result<(), Error> {
	let io = |source| Error::Io {
		path: path.display().to_string(),
		source,
	};
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		// Set at creation, so the secret is never readable by others, not even for a moment.
		options.mode(0o600);
	}
	let mut file = options.open(path).map_err(io)?;
	file.write_all(secret.as_bytes()).map_err(io)?;
	file.write_all(b"\n").map_err(io)?;
	file.sync_all().map_err(io)
}

/// Reads the signer of a key file.
pub fn read(path: &Path) -> Result<Ed25519Signer, Error> {
	let io = |source| Error::Io {
		path: path.display().to_string(),
		source,
	};
	let file = File::open(path).map_err(io)?;
	let mut text = Zeroizing::new(String::new());
	file.take(MAX_KEY_FILE + 1)
		.read_to_string(&mut text)
		.map_err(|e| {
			if e.kind() == std::io::ErrorKind::InvalidData {
				Error::Key("the file is not text; a key file holds a secret phrase or seed".into())
			} else {
				io(e)
			}
		})?;
	if text.len() as u64 > MAX_KEY_FILE {
		return Err(Error::Key(
			"the file is too large to be a key file, which holds one secret phrase or seed".into(),
		));
	}
	let secret = text.trim();
	if secret.is_empty() {
		return Err(Error::Key("the file is empty".into()));
	}
	Ed25519Signer::from_uri(secret)
}

/// Whether other users may read the file at `path`; always `false` where permissions have no
/// such bits.
pub fn readable_by_others(path: &Path) -> bool {
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		std::fs::metadata(path)
			.map(|m| m.permissions().mode() & 0o077 != 0)
			.unwrap_or(false)
	}
	#[cfg(not(unix))]
	{
		let _ = path;
		false
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_generated_key_reads_back_as_the_same_account() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("museum.key");
		let (phrase, signer) = generate(12).unwrap();
		assert_eq!(phrase.split_whitespace().count(), 12);
		write_new(&path, &phrase).unwrap();
		assert_eq!(read(&path).unwrap().public_key(), signer.public_key());
		assert!(!readable_by_others(&path));
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let mode = std::fs::metadata(&path).unwrap().permissions().mode();
			assert_eq!(mode & 0o777, 0o600);
		}
	}

	#[test]
	fn twenty_four_words_are_accepted_and_odd_counts_refused() {
		let (phrase, _) = generate(24).unwrap();
		assert_eq!(phrase.split_whitespace().count(), 24);
		assert!(generate(13).unwrap_err().to_string().contains("13"));
	}

	#[test]
	fn an_existing_file_is_never_overwritten() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("taken.key");
		std::fs::write(&path, "//Alice\n").unwrap();
		assert!(write_new(&path, "//Bob").is_err());
		assert_eq!(std::fs::read_to_string(&path).unwrap(), "//Alice\n");
	}

	#[test]
	fn secret_uris_and_seeds_written_by_hand_are_read() {
		let dir = tempfile::tempdir().unwrap();
		let alice = Ed25519Signer::from_uri("//Alice").unwrap();
		let uri = dir.path().join("alice-uri.key");
		std::fs::write(&uri, "  //Alice  \n").unwrap();
		assert_eq!(read(&uri).unwrap().public_key(), alice.public_key());
		let seed = dir.path().join("alice-seed.key");
		std::fs::write(&seed, format!("0x{}", hex::encode(alice.secret_seed()))).unwrap();
		assert_eq!(read(&seed).unwrap().public_key(), alice.public_key());
	}

	#[test]
	fn wrong_files_are_refused_with_a_reason() {
		let dir = tempfile::tempdir().unwrap();
		let empty = dir.path().join("empty.key");
		std::fs::write(&empty, "\n").unwrap();
		assert!(read(&empty).unwrap_err().to_string().contains("empty"));
		let binary = dir.path().join("binary.key");
		std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x80]).unwrap();
		assert!(read(&binary).unwrap_err().to_string().contains("not text"));
		let garbage = dir.path().join("garbage.key");
		std::fs::write(&garbage, "correct horse battery staple").unwrap();
		assert!(read(&garbage)
			.unwrap_err()
			.to_string()
			.contains("secret phrase"));
		let large = dir.path().join("large.key");
		std::fs::write(&large, "a".repeat(5000)).unwrap();
		assert!(read(&large).unwrap_err().to_string().contains("too large"));
		let missing = dir.path().join("missing.key");
		assert!(read(&missing)
			.unwrap_err()
			.to_string()
			.contains("missing.key"));
	}
}
