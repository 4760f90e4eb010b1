//! What a command prints: text for people or one JSON document for scripts.

use std::process::ExitCode;

use registry_client::{Finalized, H256};
use serde_json::{json, Value};

use crate::{args::ListFormat, errors::CliError};

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
pub use registry_client::types::text as text_of;

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

/// The exit status of a command line that is itself wrong, as the README's table says.
pub const USAGE_STATUS: u8 = 2;

/// Writes a line to standard output. A reader that went away (`registry … | head -2`) is
/// no error: what it did not read is dropped, and the command ends as it would have.
pub fn say(line: impl std::fmt::Display) {
	use std::io::Write;
	let _ = writeln!(std::io::stdout().lock(), "{line}");
}

/// [`say`] on standard error.
pub fn warn(line: impl std::fmt::Display) {
	use std::io::Write;
	let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Prints the result and gives the exit status.
pub fn finish(result: Result<Output, CliError>, json: bool) -> ExitCode {
	match result {
		Ok(output) => {
			for note in &output.notes {
				warn(note);
			}
			if json {
				say(&output.json);
			} else if !output.text.is_empty() {
				say(&output.text);
			}
			if output.ok {
				ExitCode::SUCCESS
			} else {
				ExitCode::FAILURE
			}
		}
		Err(error) => {
			if json {
				say(json!({ "error": { "kind": error.kind, "message": error.message } }));
			} else {
				warn(format!("error: {}", error.message));
			}
			if error.kind == "usage" {
				ExitCode::from(USAGE_STATUS)
			} else {
				ExitCode::FAILURE
			}
		}
	}
}

/// The end of a listing's heading when it was cut short.
pub fn more_hint(more: bool) -> &'static str {
	if more {
		"; --limit N or --all for more"
	} else {
		""
	}
}

/// A listing in the format asked for; the JSON document for --output json either way.
pub fn listing(
	format: ListFormat,
	heading: String,
	table: String,
	csv: String,
	doc: Value,
) -> Output {
	let text = match format {
		ListFormat::Table if table.is_empty() => heading,
		ListFormat::Table => format!("{heading}\n{table}"),
		ListFormat::Json => serde_json::to_string_pretty(&doc).unwrap_or_default(),
		ListFormat::Csv => csv.trim_end().to_string(),
	};
	Output::new(text, doc)
}

/// An account in a table: its first six and last four characters.
pub fn short(account: &str) -> String {
	let chars: Vec<char> = account.chars().collect();
	if chars.len() <= 12 {
		return account.to_string();
	}
	let head: String = chars[..6].iter().collect();
	let tail: String = chars[chars.len() - 4..].iter().collect();
	format!("{head}…{tail}")
}

/// Rows with columns padded to their widest cell.
pub fn columns(header: &[&str], rows: &[Vec<String>]) -> String {
	if rows.is_empty() {
		return String::new();
	}
	let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
	for row in rows {
		for (width, cell) in widths.iter_mut().zip(row) {
			*width = (*width).max(cell.chars().count());
		}
	}
	let line = |cells: Vec<String>| {
		cells
			.iter()
			.zip(&widths)
			.map(|(cell, width)| format!("{cell:width$}"))
			.collect::<Vec<_>>()
			.join("  ")
			.trim_end()
			.to_string()
	};
	std::iter::once(line(header.iter().map(|h| h.to_string()).collect()))
		.chain(rows.iter().map(|row| line(row.clone())))
		.collect::<Vec<_>>()
		.join("\n")
}

pub fn csv_text(header: &[&str], rows: Vec<Vec<String>>) -> Result<String, CliError> {
	let failed = |e: csv::Error| CliError::new("io", format!("cannot write CSV: {e}"));
	let mut writer = csv::Writer::from_writer(Vec::new());
	writer.write_record(header).map_err(failed)?;
	for row in rows {
		writer.write_record(row).map_err(failed)?;
	}
	let bytes = writer
		.into_inner()
		.map_err(|e| CliError::new("io", format!("cannot write CSV: {e}")))?;
	Ok(String::from_utf8_lossy(&bytes).into_owned())
}
