//! The options every command takes, and what they open: the node and the signing key.

use std::{path::PathBuf, time::Duration};

use registry_client::{
	explain::Subject, keyfile, subxt::transactions::Payload, Ed25519Signer, Error, Finalized,
	RegistryClient,
};
use tokio::sync::OnceCell;

use crate::errors::CliError;

/// How long to try reaching the node before saying it cannot be reached.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
	/// Sentences and tables for people.
	Text,
	/// One JSON document on standard output, for scripts; errors too.
	Json,
}

/// Options of every command.
#[derive(Debug, clap::Args)]
pub struct Global {
	/// The node's WebSocket RPC address.
	#[arg(
		long,
		global = true,
		value_name = "URL",
		env = "REGISTRY_NODE_URL",
		default_value = "ws://127.0.0.1:9944"
	)]
	pub node: String,
	/// The signing key: a file written by `registry key generate`, or any file holding a
	/// secret phrase or seed as `subkey` prints them.
	#[arg(long, global = true, value_name = "FILE", env = "REGISTRY_KEY")]
	pub key: Option<PathBuf>,
	/// The signing key as a secret URI instead of a file, e.g. //Alice on a development
	/// chain.
	#[arg(
		long,
		global = true,
		value_name = "URI",
		env = "REGISTRY_KEY_URI",
		hide_env_values = true
	)]
	pub key_uri: Option<String>,
	/// How to print results.
	#[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
	pub output: OutputFormat,
}

/// The node's and the key's options where a command works offline: still accepted anywhere
/// on the line, as scripts may give them to every command, but left out of the command's help
/// and unused. (Sharing the global options' ids, they take their place in these commands.)
#[derive(Debug, clap::Args)]
pub struct Offline {
	#[arg(long, hide = true, value_name = "URL")]
	node: Option<String>,
	#[arg(long, hide = true, value_name = "FILE")]
	key: Option<PathBuf>,
	#[arg(long, hide = true, value_name = "URI")]
	key_uri: Option<String>,
}

/// What commands run with.
pub struct Context {
	global: Global,
	/// The node's connection, made once a command first needs it.
	client: OnceCell<RegistryClient>,
}

impl Context {
	pub fn new(global: Global) -> Self {
		Self {
			global,
			client: OnceCell::new(),
		}
	}

	/// Signs `call` with the key of --key or --key-uri, submits it and waits until it is
	/// finalized: every command's one way to the chain. A failure is a sentence about
	/// `subject`.
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		subject: Subject,
	) -> Result<Finalized, CliError> {
		let signer = self.signer()?;
		let client = self.connect().await?;
		let subject = subject.signed_by(signer.account_id());
		match client.submit(call, &signer).await {
			Ok(done) => Ok(done),
			Err(error) => Err(CliError::chain_read(&client, &error, &subject).await),
		}
	}

	/// The node's address, as --node gives it.
	pub fn node_url(&self) -> &str {
		&self.global.node
	}

	/// Whether results are printed as JSON.
	pub fn json(&self) -> bool {
		self.global.output == OutputFormat::Json
	}

	/// The connection to the node of `--node`, made on the first call.
	pub async fn connect(&self) -> Result<RegistryClient, CliError> {
		self.client.get_or_try_init(|| self.open()).await.cloned()
	}

	async fn open(&self) -> Result<RegistryClient, CliError> {
		let url = &self.global.node;
		let unreachable = |reason: String| {
			CliError::new(
				"connection",
				format!(
					"cannot reach the node at {url}: {reason}; check --node (or \
					 REGISTRY_NODE_URL) and that the node is running"
				),
			)
		};
		match tokio::time::timeout(CONNECT_TIMEOUT, RegistryClient::connect(url)).await {
			Ok(Ok(client)) => Ok(client),
			Ok(Err(Error::Connection { reason, .. })) => Err(unreachable(reason)),
			Ok(Err(other)) => Err(unreachable(other.to_string())),
			Err(_) => Err(unreachable(format!(
				"no answer within {} s",
				CONNECT_TIMEOUT.as_secs()
			))),
		}
	}

	/// The signing key of `--key-uri` or `--key`.
	pub fn signer(&self) -> Result<Ed25519Signer, CliError> {
		match (&self.global.key_uri, &self.global.key) {
			(Some(_), Some(_)) => Err(CliError::usage(
				"give the signing key once: --key (REGISTRY_KEY) or --key-uri \
				 (REGISTRY_KEY_URI), not both",
			)),
			(Some(uri), None) => Ed25519Signer::from_uri(uri)
				.map_err(|e| CliError::new("key", format!("--key-uri: {}", key_reason(&e)))),
			(None, Some(path)) => {
				let signer = keyfile::read(path).map_err(|e| {
					CliError::new(
						"key",
						format!("--key {}: {}", path.display(), key_reason(&e)),
					)
				})?;
				if keyfile::readable_by_others(path) {
					eprintln!(
						"warning: {} is readable by other users; protect it with `chmod 600 {}`",
						path.display(),
						path.display()
					);
				}
				Ok(signer)
			}
			(None, None) => Err(CliError::usage(
				"this command signs a transaction: give --key FILE (or REGISTRY_KEY) or \
				 --key-uri URI (or REGISTRY_KEY_URI)",
			)),
		}
	}

	/// The signing key if one was given, for commands where it only sets a default.
	pub fn signer_if_given(&self) -> Result<Option<Ed25519Signer>, CliError> {
		if self.global.key.is_none() && self.global.key_uri.is_none() {
			return Ok(None);
		}
		self.signer().map(Some)
	}
}

/// A key error without the `key error:` prefix, which the flag replaces.
fn key_reason(error: &Error) -> String {
	match error {
		Error::Key(reason) => reason.clone(),
		Error::Io { source, .. } => format!("cannot read it: {source}"),
		other => other.to_string(),
	}
}
