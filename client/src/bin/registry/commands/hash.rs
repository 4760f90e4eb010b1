//! `registry hash`: SHA-256 content fingerprints, streamed so files of any size fit.

use std::path::PathBuf;

use registry_client::fingerprint;
use serde_json::json;

use crate::{context::Context, errors::CliError, output::Output};

#[derive(Debug, clap::Args)]
pub struct Args {
	/// The files to fingerprint.
	#[arg(required = true, value_name = "FILE")]
	files: Vec<PathBuf>,
}

/// Prints `HASH  FILE` lines, as `sha256sum` does; a file that cannot be read is named and
/// makes the command fail after the others are printed.
pub async fn run(args: Args, _context: &Context) -> Result<Output, CliError> {
	let mut lines = Vec::new();
	let mut entries = Vec::new();
	let mut problems = Vec::new();
	for file in &args.files {
		let name = file.display().to_string();
		match fingerprint::sha256_file(file) {
			Ok(hash) => {
				let hash = hex::encode(hash);
				lines.push(format!("{hash}  {name}"));
				entries.push(json!({ "file": name, "sha256": format!("0x{hash}") }));
			}
			Err(error) => {
				let reason = match &error {
					registry_client::Error::Io { source, .. } => source.to_string(),
					other => other.to_string(),
				};
				problems.push(format!("error: cannot read {name}: {reason}"));
				entries.push(json!({ "file": name, "error": reason }));
			}
		}
	}
	let mut output = Output::new(lines.join("\n"), json!(entries));
	output.ok = problems.is_empty();
	output.notes = problems;
	Ok(output)
}
