//! `registry hash`: a file's fingerprints. SHA-256 and SM3 streamed, so files of any size fit;
//! the ISCC Content-Code of an image or a text, which finds copies that are not byte-identical.

use std::path::PathBuf;

use registry_client::fingerprint;
use serde_json::json;

use crate::{context::Context, errors::CliError, output::Output};

#[derive(Debug, clap::Args)]
pub struct Args {
	/// The files to fingerprint.
	#[arg(required = true, value_name = "FILE")]
	files: Vec<PathBuf>,
	#[command(flatten)]
	_offline: crate::context::Offline,
	/// Print only this digest, as `HASH  FILE` lines that `sha256sum -c` (or `sm3sum`) reads.
	#[arg(long, value_enum, value_name = "DIGEST")]
	only: Option<Only>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Only {
	Sha256,
	Sm3,
}

/// Prints each file's SHA-256, SM3 and content code; a file that cannot be read is named and
/// makes the command fail after the others are printed. A file with no content code (neither
/// an image the registry decodes nor UTF-8 text) says so and still has its digests.
pub async fn run(args: Args, _context: &Context) -> Result<Output, CliError> {
	let mut blocks = Vec::new();
	let mut entries = Vec::new();
	let mut problems = Vec::new();
	for file in &args.files {
		let name = file.display().to_string();
		let digests = match fingerprint::digests_file(file) {
			Ok(digests) => digests,
			Err(error) => {
				let reason = match &error {
					registry_client::Error::Io { source, .. } => source.to_string(),
					other => other.to_string(),
				};
				problems.push(format!("error: cannot read {name}: {reason}"));
				entries.push(json!({ "file": name, "error": reason }));
				continue;
			}
		};
		let (sha256, sm3) = (hex::encode(digests.sha256), hex::encode(digests.sm3));
		if let Some(only) = args.only {
			let digest = match only {
				Only::Sha256 => &sha256,
				Only::Sm3 => &sm3,
			};
			blocks.push(format!("{digest}  {name}"));
			entries.push(
				json!({ "file": name, "sha256": format!("0x{sha256}"), "sm3": format!("0x{sm3}") }),
			);
			continue;
		}
		let code = fingerprint::content_code_file(file);
		let code_line = match &code {
			Ok(code) => format!("{} ({})", code.iscc, code.kind.name()),
			Err(why) => why.clone(),
		};
		blocks.push(format!(
			"{name}\n  sha256        0x{sha256}\n  sm3           0x{sm3}\n  content code  {code_line}"
		));
		entries.push(match code {
			Ok(code) => json!({
				"file": name,
				"sha256": format!("0x{sha256}"),
				"sm3": format!("0x{sm3}"),
				"content_code": { "iscc": code.iscc, "kind": code.kind.name() },
			}),
			Err(why) => json!({
				"file": name,
				"sha256": format!("0x{sha256}"),
				"sm3": format!("0x{sm3}"),
				"content_code": null,
				"no_content_code": why,
			}),
		});
	}
	let separator = if args.only.is_some() { "\n" } else { "\n\n" };
	let mut output = Output::new(blocks.join(separator), json!(entries));
	output.ok = problems.is_empty();
	output.notes = problems;
	Ok(output)
}
