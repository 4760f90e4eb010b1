//! SHA-256 content fingerprints, computed by streaming so files of any size fit in memory.

use std::{fs::File, io::Read, path::Path};

use sha2::{Digest, Sha256};

use crate::Error;

/// Read size: large enough to keep the hasher busy, small enough to stay in cache.
const CHUNK: usize = 1 << 20;

/// The SHA-256 of everything `reader` yields.
pub fn sha256_reader(mut reader: impl Read) -> std::io::Result<[u8; 32]> {
	let mut hasher = Sha256::new();
	let mut buffer = vec![0u8; CHUNK];
	loop {
		match reader.read(&mut buffer) {
			Ok(0) => break,
			Ok(n) => hasher.update(&buffer[..n]),
			Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
			Err(e) => return Err(e),
		}
	}
	Ok(hasher.finalize().into())
}

/// The SHA-256 content fingerprint of a file.
pub fn sha256_file(path: impl AsRef<Path>) -> Result<[u8; 32], Error> {
	let path = path.as_ref();
	let io = |source| Error::Io {
		path: path.display().to_string(),
		source,
	};
	let file = File::open(path).map_err(io)?;
	sha256_reader(file).map_err(io)
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::io::Write;

	#[test]
	fn known_digests() {
		assert_eq!(
			hex::encode(sha256_reader(&b""[..]).unwrap()),
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		);
		assert_eq!(
			hex::encode(sha256_reader(&b"abc"[..]).unwrap()),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
	}

	#[test]
	fn a_file_larger_than_one_chunk_hashes_like_its_bytes() {
		let data: Vec<u8> = (0..(3 * CHUNK + 17))
			.map(|i| (i * 31 % 251) as u8)
			.collect();
		let mut file = tempfile::NamedTempFile::new().unwrap();
		file.write_all(&data).unwrap();
		let expected: [u8; 32] = Sha256::digest(&data).into();
		assert_eq!(sha256_file(file.path()).unwrap(), expected);
	}

	#[test]
	fn a_missing_file_names_its_path() {
		let error = sha256_file("/nonexistent/registry-item.bin")
			.unwrap_err()
			.to_string();
		assert!(error.contains("/nonexistent/registry-item.bin"), "{error}");
	}
}
