//! `registry key`: ed25519 signing keys.

use std::path::PathBuf;

use registry_client::{keyfile, Ed25519Signer};
use serde_json::json;

use crate::{
	context::Context,
	errors::CliError,
	output::{table, Output},
};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Make a new random key and write its secret phrase to FILE, readable by you alone.
	///
	/// The file holds a BIP-39 mnemonic as `subkey generate --scheme ed25519` makes them: the
	/// same phrase restores the same account there. An existing file is never overwritten.
	Generate {
		/// Where to write the secret phrase.
		file: PathBuf,
		/// Words of the mnemonic: 12, 15, 18, 21 or 24.
		#[arg(long, default_value_t = 12)]
		words: usize,
		#[command(flatten)]
		_offline: crate::context::Offline,
	},
	/// Show the account and public key of --key or --key-uri, never the secret.
	Inspect,
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Generate { file, words, .. } => {
			let (phrase, signer) =
				keyfile::generate(words).map_err(|e| CliError::input(format!("--words: {e}")))?;
			keyfile::write_new(&file, &phrase).map_err(|e| {
				let reason = match &e {
					registry_client::Error::Io { source, .. }
						if source.kind() == std::io::ErrorKind::AlreadyExists =>
					{
						"the file exists already; choose another path (it may hold another key)"
							.to_string()
					}
					registry_client::Error::Io { source, .. } => source.to_string(),
					other => other.to_string(),
				};
				CliError::new("io", format!("cannot write {}: {reason}", file.display()))
			})?;
			let mut output = described(&signer);
			output.text = format!(
				"Wrote a new key to {} (readable by you alone). Keep it secret: whoever reads \
				 it signs as this account.\n{}",
				file.display(),
				output.text
			);
			output.json["file"] = json!(file.display().to_string());
			Ok(output)
		}
		Command::Inspect => Ok(described(&context.signer()?)),
	}
}

fn described(signer: &Ed25519Signer) -> Output {
	let account = signer.account_id().to_string();
	let public = format!("0x{}", hex::encode(signer.public_key()));
	Output::new(
		table(&[
			("Account", account.clone()),
			("Public key", public.clone()),
			("Scheme", "ed25519".into()),
		]),
		json!({ "account": account, "public_key": public, "scheme": "ed25519" }),
	)
}
