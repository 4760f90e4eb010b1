//! What a command prints: text for people or one JSON document for scripts.

use std::process::ExitCode;

use registry_client::{Finalized, H256};
use serde_json::{json, Value};

use crate::errors::CliError;

/// A command's result.
pub struct Output {
	/// For people, on standard output.
	pub text: String,
	/// For scripts, on standard output with `--output json`.
	pub json: Value,
	/// Lines for people on standard error, in either mode: warnings, and errors of a
	/// command that did part of its work.
	pub notes: Vec<String>,
	/// Whether the command did all it was asked; the exit status follows it.
	pub ok: bool,
}

impl Output {
	pub fn new(text: impl Into<String>, json: Value) -> Self {
		Self {
			text: text.into(),
			json,
			notes: Vec::new(),
			ok: true,
		}
	}

	/// A result of a finalized transaction: `fields` plus its block and hash.
	pub fn transaction(text: impl Into<String>, done: &Finalized, mut fields: Value) -> Self {
		let text = format!("{}\nFinalized in block {:?}.", text.into(), done.block_hash);
		if let Value::Object(map) = &mut fields {
			map.insert("block".into(), json!(hex32(&done.block_hash)));
			map.insert("extrinsic".into(), json!(hex32(&done.extrinsic_hash)));
		}
		Self::new(text, fields)
	}
}

/// A hash as `0x` and 64 hex digits.
pub fn hex32(hash: &H256) -> String {
	registry_client::types::hex0x(&hash.0)
}

/// Bytes the chain stores as text: as text if they are UTF-8, else as hex.
pub fn text_of(bytes: &[u8]) -> String {
	match std::str::from_utf8(bytes) {
		Ok(text) => text.to_string(),
		Err(_) => format!("0x{}", hex::encode(bytes)),
	}
}

/// `label: value` lines with the values aligned.
pub fn table(rows: &[(&str, String)]) -> String {
	// One more for the colon.
	let width = rows
		.iter()
		.map(|(label, _)| label.len() + 1)
		.max()
		.unwrap_or(0);
	rows.iter()
		.map(|(label, value)| format!("{:width$}  {value}", format!("{label}:")))
		.collect::<Vec<_>>()
		.join("\n")
}

/// Prints the result and gives the exit status.
pub fn finish(result: Result<Output, CliError>, json: bool) -> ExitCode {
	match result {
		Ok(output) => {
			for note in &output.notes {
				eprintln!("{note}");
			}
			if json {
				println!("{}", output.json);
			} else if !output.text.is_empty() {
				println!("{}", output.text);
			}
			if output.ok {
				ExitCode::SUCCESS
			} else {
				ExitCode::FAILURE
			}
		}
		Err(error) => {
			if json {
				println!(
					"{}",
					json!({ "error": { "kind": error.kind, "message": error.message } })
				);
			} else {
				eprintln!("error: {}", error.message);
			}
			ExitCode::FAILURE
		}
	}
}
