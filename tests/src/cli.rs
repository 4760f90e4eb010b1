//! Running the built `registry` binary from end-to-end tests.

use std::{
	collections::HashMap,
	path::Path,
	process::{Command, Output, Stdio},
	time::Duration,
};

use registry_client::{fingerprint::sha256_reader, Ed25519Signer, RegistryClient};
use serde_json::Value;

use crate::registry_binary;

/// A finished run of the binary.
pub struct Run {
	pub code: Option<i32>,
	pub stdout: String,
	pub stderr: String,
}

impl Run {
	/// The run, which must have exited 0.
	pub fn ok(self) -> Self {
		assert_eq!(
			self.code,
			Some(0),
			"the command failed:\nstdout: {}\nstderr: {}",
			self.stdout,
			self.stderr
		);
		self
	}

	/// The run, which must have exited 1.
	pub fn failed(self) -> Self {
		assert_eq!(
			self.code,
			Some(1),
			"the command did not fail as expected:\nstdout: {}\nstderr: {}",
			self.stdout,
			self.stderr
		);
		self
	}

	/// The run, which must have exited 2: the command line itself was wrong.
	pub fn usage(self) -> Self {
		assert_eq!(
			self.code,
			Some(2),
			"the command line was not refused as wrong:\nstdout: {}\nstderr: {}",
			self.stdout,
			self.stderr
		);
		self
	}

	/// Standard output as one JSON document.
	pub fn json(&self) -> Value {
		serde_json::from_str(&self.stdout)
			.unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
	}

	/// The error message: in the JSON document, or on stderr as text.
	pub fn error(&self) -> String {
		match serde_json::from_str::<Value>(&self.stdout) {
			Ok(doc) if doc.get("error").is_some() => doc["error"]["message"]
				.as_str()
				.unwrap_or_default()
				.to_string(),
			_ => self.stderr.clone(),
		}
	}

	/// The kind of the error in the JSON document.
	pub fn kind(&self) -> String {
		self.json()["error"]["kind"]
			.as_str()
			.unwrap_or_default()
			.to_string()
	}
}

/// The binary with `args`, not yet started. Everything is said on the command line: the
/// variables that would stand for `--node` and `--key` are removed.
pub fn command<S: AsRef<str>>(args: &[S]) -> Command {
	let mut command = Command::new(registry_binary());
	command
		.args(args.iter().map(AsRef::as_ref))
		.env_remove("REGISTRY_NODE_URL")
		.env_remove("REGISTRY_KEY")
		.env_remove("REGISTRY_KEY_URI")
		.stdin(Stdio::null());
	command
}

/// The binary run to its end with `args`.
pub fn run<S: AsRef<str>>(args: &[S]) -> Run {
	let Output {
		status,
		stdout,
		stderr,
	} = command(args).output().expect("the registry binary runs");
	Run {
		code: status.code(),
		stdout: String::from_utf8_lossy(&stdout).into_owned(),
		stderr: String::from_utf8_lossy(&stderr).into_owned(),
	}
}

/// A line split at spaces, for commands none of whose arguments has one.
pub fn words(line: &str) -> Vec<String> {
	line.split_whitespace().map(String::from).collect()
}

/// The SS58 account of a development secret URI such as `//Alice`.
pub fn account_of(uri: &str) -> String {
	Ed25519Signer::from_uri(uri)
		.expect("a development key")
		.account_id()
		.to_string()
}

/// The SHA-256 of `bytes`, in hex without `0x`.
pub fn sha256_hex(bytes: &[u8]) -> String {
	hex::encode(sha256_reader(bytes).expect("hashing memory cannot fail"))
}

/// Items minted so far in `collection`, read through a new connection: a client left idle
/// while the test waits for a child process is not relied on.
pub async fn minted(url: &str, collection: u32) -> u32 {
	let read = async {
		let client = RegistryClient::connect(url)
			.await
			.expect("the node answers");
		client
			.collection(collection)
			.await
			.expect("the collection reads")
			.expect("the collection exists")
			.minted
	};
	tokio::time::timeout(Duration::from_secs(60), read)
		.await
		.expect("the node answers within a minute")
}

/// Writes an import manifest of `rows` objects to `path`; returns each serial's content hash.
pub fn catalogue(path: &Path, rows: u32) -> HashMap<u32, String> {
	catalogue_of(path, 0..rows)
}

/// Writes an import manifest of the objects numbered `serials` to `path`; returns each
/// serial's content hash.
pub fn catalogue_of(path: &Path, serials: std::ops::Range<u32>) -> HashMap<u32, String> {
	let mut text =
		String::from("serial,content_sha256,metadata_uri,metadata_sha256,catalogue_number\n");
	let mut contents = HashMap::new();
	for serial in serials {
		let content = sha256_hex(format!("object {serial}").as_bytes());
		text.push_str(&format!(
			"{serial},{content},https://museum.example/objects/{serial}.json,{},M-{serial:05}\n",
			sha256_hex(format!("metadata {serial}").as_bytes())
		));
		contents.insert(serial, content);
	}
	std::fs::write(path, text).unwrap();
	contents
}
