//! Manifests: a catalogue of items to register in one collection, as CSV or JSON.
//!
//! ## Columns
//!
//! | column | required | what it holds |
//! |---|---|---|
//! | `serial` | yes | edition or serial number, unique in the collection (0 to 4,294,967,295) |
//! | `content_sha256` | one of these two | SHA-256 of the content: 64 hex digits, `0x` optional |
//! | `file` | | the content's file, hashed while reading; relative to the manifest's folder. Its SM3 digest and ISCC content code are computed too and recorded with the item |
//! | `content_sm3` | no | SM3 of the content, when no file is given (checked against the file when one is) |
//! | `content_code` | no | the content's ISCC Content-Code (`ISCC:E…`, 64 bits), when no file is given |
//! | `metadata_uri` | yes | where the item's metadata document lives |
//! | `metadata_sha256` | one of these two | SHA-256 of the metadata document |
//! | `metadata_file` | | the metadata document's file, hashed while reading |
//! | `catalogue_number` | no | catalogue number of the physical object |
//! | `creator` | no | the content's creator: SS58 address or `0x` and 64 hex digits; default the signer |
//! | `owner` | no | the first holder, an active member; default the signer |
//!
//! When both a hash and its file are given, the file must have that hash.
//!
//! A CSV manifest has a header line naming its columns, in any order; values are trimmed and
//! an empty value is an absent one. A JSON manifest is an array of objects with the same keys
//! (`serial` may be a number or a string). Unknown columns are refused, so that a misspelt one
//! is not silently ignored.
//!
//! Rows are numbered from 1, the header not counted; problems with CSV rows also name the
//! line. Every row is checked before anything is submitted: serials and content hashes must be
//! unique in the manifest, since a collection holds each of them once.

use std::{
	collections::HashMap,
	fmt,
	path::{Path, PathBuf},
	str::FromStr,
};

use subxt::utils::{AccountId32, H256};

use crate::{
	collectibles::{Fingerprints, Limits, MetadataRef, MintRequest},
	fingerprint::{self, ContentCode},
};

/// The columns a manifest may have.
pub const COLUMNS: [&str; 11] = [
	"serial",
	"content_sha256",
	"file",
	"content_sm3",
	"content_code",
	"metadata_uri",
	"metadata_sha256",
	"metadata_file",
	"catalogue_number",
	"creator",
	"owner",
];

/// How a manifest is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
	Csv,
	Json,
}

impl Format {
	/// The format a file's extension names (`.csv` or `.json`), if any.
	pub fn of_path(path: &Path) -> Option<Format> {
		match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
			"csv" => Some(Format::Csv),
			"json" => Some(Format::Json),
			_ => None,
		}
	}
}

/// One valid row of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
	/// Its number, from 1.
	pub row: usize,
	/// The CSV line it starts on.
	pub line: Option<u64>,
	pub serial: u32,
	pub content: H256,
	pub metadata_uri: String,
	pub metadata_sha256: H256,
	pub catalogue_number: Option<String>,
	pub creator: Option<AccountId32>,
	pub owner: Option<AccountId32>,
	/// SM3 of the content, if known.
	pub sm3: Option<H256>,
	/// The content code, if there is one.
	pub content_code: Option<ContentCode>,
	/// Why a row whose file was read has no content code.
	pub no_content_code: Option<String>,
}

impl Row {
	/// The fingerprints its mint records beside the SHA-256.
	pub fn fingerprints(&self) -> Fingerprints {
		Fingerprints {
			sm3: self.sm3,
			content_code: self.content_code.as_ref().map(ContentCode::to_chain),
		}
	}

	/// The mint request of this row; the creator and owner default to `signer`.
	pub fn request(&self, signer: &AccountId32) -> MintRequest {
		MintRequest {
			content: self.content,
			metadata: MetadataRef {
				uri: self.metadata_uri.clone().into_bytes(),
				sha256: self.metadata_sha256,
			},
			serial: self.serial,
			creator: self.creator.clone().unwrap_or_else(|| signer.clone()),
			catalogue_number: self.catalogue_number.clone().map(String::into_bytes),
			owner: self.owner.clone().unwrap_or_else(|| signer.clone()),
			fingerprints: self.fingerprints(),
		}
	}

	/// Where the row is, for messages: `row 3 (line 4)`.
	pub fn place(&self) -> String {
		place(Some(self.row), self.line)
	}
}

/// One thing wrong with a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
	/// The row, if the problem is in one.
	pub row: Option<usize>,
	/// The CSV line.
	pub line: Option<u64>,
	pub message: String,
}

impl fmt::Display for Problem {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self.row {
			Some(_) => write!(f, "{}: {}", place(self.row, self.line), self.message),
			None => write!(f, "{}", self.message),
		}
	}
}

fn place(row: Option<usize>, line: Option<u64>) -> String {
	match (row, line) {
		(Some(row), Some(line)) => format!("row {row} (line {line})"),
		(Some(row), None) => format!("row {row}"),
		(None, Some(line)) => format!("line {line}"),
		(None, None) => "the manifest".into(),
	}
}

/// A manifest that cannot be imported, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
	pub problems: Vec<Problem>,
}

/// Problems listed in a message; the rest are counted.
const LISTED_PROBLEMS: usize = 20;

impl fmt::Display for Invalid {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let count = self.problems.len();
		write!(
			f,
			"the manifest has {count} problem{}; nothing was submitted:",
			if count == 1 { "" } else { "s" }
		)?;
		for problem in self.problems.iter().take(LISTED_PROBLEMS) {
			write!(f, "\n  {problem}")?;
		}
		if count > LISTED_PROBLEMS {
			write!(f, "\n  … and {} more", count - LISTED_PROBLEMS)?;
		}
		Ok(())
	}
}

impl std::error::Error for Invalid {}

impl Invalid {
	fn one(message: impl Into<String>) -> Self {
		Invalid {
			problems: vec![Problem {
				row: None,
				line: None,
				message: message.into(),
			}],
		}
	}
}

/// A SHA-256 written as 64 hex digits, with or without `0x`.
pub fn parse_sha256(text: &str) -> Result<H256, String> {
	let digits = text.trim();
	let digits = digits.strip_prefix("0x").unwrap_or(digits);
	let bytes = hex::decode(digits)
		.ok()
		.filter(|b| b.len() == 32)
		.ok_or_else(|| format!("`{text}` is not a SHA-256: expected 64 hex digits"))?;
	Ok(H256::from_slice(&bytes))
}

/// An account written as an SS58 address or as `0x` and the 64 hex digits of its public key.
pub fn parse_account(text: &str) -> Result<AccountId32, String> {
	let text = text.trim();
	let refused =
		|| format!("`{text}` is not an account: expected an SS58 address or 0x and 64 hex digits");
	if let Some(digits) = text.strip_prefix("0x") {
		let bytes: [u8; 32] = hex::decode(digits)
			.ok()
			.and_then(|b| b.try_into().ok())
			.ok_or_else(refused)?;
		return Ok(AccountId32(bytes));
	}
	AccountId32::from_str(text).map_err(|_| refused())
}

/// Reads and checks a manifest file; `format` defaults to the one its extension names.
/// Files named in it are found relative to its folder.
pub fn read(path: &Path, format: Option<Format>) -> Result<Vec<Row>, Invalid> {
	let format = format.or_else(|| Format::of_path(path)).ok_or_else(|| {
		Invalid::one(format!(
			"cannot tell the format of {}: name it .csv or .json, or give --format",
			path.display()
		))
	})?;
	let bytes = std::fs::read(path)
		.map_err(|e| Invalid::one(format!("cannot read {}: {e}", path.display())))?;
	let base = path.parent().unwrap_or(Path::new("."));
	parse(&bytes, format, base)
}

/// Reads a manifest as far as it can be read: the valid rows and the problems of the others,
/// so that the valid rows can still be checked against the chain and every problem told in one
/// pass. Fails only when there are no rows to speak of (an unreadable file, a bad header).
pub fn read_partial(
	path: &Path,
	format: Option<Format>,
) -> Result<(Vec<Row>, Vec<Problem>), Invalid> {
	let format = format.or_else(|| Format::of_path(path)).ok_or_else(|| {
		Invalid::one(format!(
			"cannot tell the format of {}: name it .csv or .json, or give --format",
			path.display()
		))
	})?;
	let bytes = std::fs::read(path)
		.map_err(|e| Invalid::one(format!("cannot read {}: {e}", path.display())))?;
	let base = path.parent().unwrap_or(Path::new("."));
	let (raw, problems) = match format {
		Format::Csv => raw_csv(&bytes)?,
		Format::Json => raw_json(&bytes)?,
	};
	if raw.is_empty() && problems.is_empty() {
		return Err(Invalid::one("the manifest has no rows"));
	}
	Ok(check_rows(raw, problems, base))
}

/// Parses and checks a manifest's bytes.
pub fn parse(bytes: &[u8], format: Format, base: &Path) -> Result<Vec<Row>, Invalid> {
	let (raw, problems) = match format {
		Format::Csv => raw_csv(bytes)?,
		Format::Json => raw_json(bytes)?,
	};
	check(raw, problems, base)
}

/// A row as written: each column's text, if present and not empty.
#[derive(Debug, Default)]
struct RawRow {
	row: usize,
	line: Option<u64>,
	values: [Option<String>; COLUMNS.len()],
}

impl RawRow {
	fn get(&self, column: &str) -> Option<&str> {
		let index = COLUMNS.iter().position(|c| *c == column)?;
		self.values[index].as_deref()
	}
}

fn problem(row: usize, line: Option<u64>, message: impl Into<String>) -> Problem {
	Problem {
		row: Some(row),
		line,
		message: message.into(),
	}
}

/// The rows as written and the problems of rows that could not be read; an error if the
/// manifest as a whole cannot be.
type Raw = Result<(Vec<RawRow>, Vec<Problem>), Invalid>;

fn raw_csv(bytes: &[u8]) -> Raw {
	let mut reader = csv::ReaderBuilder::new()
		.trim(csv::Trim::All)
		.from_reader(bytes);
	let header = reader
		.headers()
		.map_err(|e| Invalid::one(format!("cannot read the CSV header: {e}")))?
		.clone();
	let mut problems = Vec::new();
	let mut columns = Vec::new();
	for name in header.iter() {
		let name = name.to_ascii_lowercase();
		match COLUMNS.iter().position(|c| *c == name) {
			Some(index) if columns.contains(&Some(index)) => problems.push(Problem {
				row: None,
				line: Some(1),
				message: format!("the header names column `{name}` twice"),
			}),
			Some(index) => columns.push(Some(index)),
			None => {
				problems.push(Problem {
					row: None,
					line: Some(1),
					message: format!(
						"the header has an unknown column `{name}`; the columns are {}",
						COLUMNS.join(", ")
					),
				});
				columns.push(None);
			}
		}
	}
	let has = |column: &str| {
		let index = COLUMNS.iter().position(|c| *c == column);
		columns.contains(&index)
	};
	for (needed, alternative) in [
		("serial", None),
		("metadata_uri", None),
		("content_sha256", Some("file")),
		("metadata_sha256", Some("metadata_file")),
	] {
		let present = has(needed) || alternative.is_some_and(has);
		if !present {
			let message = match alternative {
				Some(other) => {
					format!("the header has neither a `{needed}` nor a `{other}` column")
				}
				None => format!("the header has no `{needed}` column"),
			};
			problems.push(Problem {
				row: None,
				line: Some(1),
				message,
			});
		}
	}
	if !problems.is_empty() {
		return Err(Invalid { problems });
	}

	let mut rows = Vec::new();
	for (index, record) in reader.records().enumerate() {
		let row = index + 1;
		let record = match record {
			Ok(record) => record,
			Err(e) => {
				let line = e.position().map(|p| p.line());
				problems.push(problem(row, line, csv_error_text(&e)));
				continue;
			}
		};
		let mut raw = RawRow {
			row,
			line: record.position().map(|p| p.line()),
			..Default::default()
		};
		for (value, column) in record.iter().zip(&columns) {
			if let (Some(index), false) = (column, value.is_empty()) {
				raw.values[*index] = Some(value.to_string());
			}
		}
		rows.push(raw);
	}
	Ok((rows, problems))
}

fn csv_error_text(error: &csv::Error) -> String {
	match error.kind() {
		csv::ErrorKind::UnequalLengths {
			expected_len, len, ..
		} => format!("it has {len} fields but the header has {expected_len}"),
		csv::ErrorKind::Utf8 { .. } => "it is not valid UTF-8 text".into(),
		_ => error.to_string(),
	}
}

fn raw_json(bytes: &[u8]) -> Raw {
	let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
		Invalid::one(format!(
			"the manifest is not valid JSON: {e} (line {}, column {})",
			e.line(),
			e.column()
		))
	})?;
	let entries = value.as_array().ok_or_else(|| {
		Invalid::one("a JSON manifest is an array of objects, one per item; this is not an array")
	})?;
	let mut problems = Vec::new();
	let mut rows = Vec::new();
	for (index, entry) in entries.iter().enumerate() {
		let row = index + 1;
		let Some(object) = entry.as_object() else {
			problems.push(problem(row, None, "it is not an object"));
			continue;
		};
		let mut raw = RawRow {
			row,
			..Default::default()
		};
		for (key, value) in object {
			let Some(column) = COLUMNS.iter().position(|c| c == key) else {
				problems.push(problem(
					row,
					None,
					format!("unknown key `{key}`; the keys are {}", COLUMNS.join(", ")),
				));
				continue;
			};
			let text = match value {
				serde_json::Value::Null => None,
				serde_json::Value::String(s) => Some(s.trim().to_string()),
				serde_json::Value::Number(n) if *key == "serial" => Some(n.to_string()),
				_ => {
					problems.push(problem(row, None, format!("`{key}` must be a string")));
					continue;
				}
			};
			raw.values[column] = text.filter(|t| !t.is_empty());
		}
		rows.push(raw);
	}
	Ok((rows, problems))
}

/// The hash of a column and of its file column: either one, or both if they agree.
fn hash_of(
	raw: &RawRow,
	base: &Path,
	hash_column: &str,
	file_column: &str,
) -> Result<H256, String> {
	let given = raw
		.get(hash_column)
		.map(|text| parse_sha256(text).map_err(|e| format!("{hash_column} {e}")))
		.transpose()?;
	let file = raw.get(file_column);
	let computed = file
		.map(|file| {
			let path = resolve(base, file);
			fingerprint::sha256_file(&path)
				.map(H256)
				.map_err(|e| match e {
					crate::Error::Io { source, .. } => format!("{file_column} `{file}`: {source}"),
					other => format!("{file_column} `{file}`: {other}"),
				})
		})
		.transpose()?;
	match (given, computed) {
		(Some(given), Some(computed)) if given != computed => Err(format!(
			"{file_column} `{}` has SHA-256 {computed:?}, not the {hash_column} given ({given:?})",
			file.unwrap_or_default()
		)),
		(Some(hash), _) | (None, Some(hash)) => Ok(hash),
		(None, None) => Err(format!("give {hash_column} or {file_column}")),
	}
}

/// A row's content: its SHA-256 (given, or of its file, or both if they agree), and its SM3
/// digest and content code, computed from the file or given.
struct Content {
	sha256: H256,
	sm3: Option<H256>,
	code: Option<ContentCode>,
	no_code: Option<String>,
}

fn content_of(raw: &RawRow, base: &Path) -> Result<Content, String> {
	let given_sha256 = raw
		.get("content_sha256")
		.map(|text| parse_sha256(text).map_err(|e| format!("content_sha256 {e}")))
		.transpose()?;
	let given_sm3 = raw
		.get("content_sm3")
		.map(|text| {
			parse_sha256(text).map_err(|_| {
				format!("content_sm3 `{text}` is not an SM3 digest: expected 64 hex digits")
			})
		})
		.transpose()?;
	let given_code = raw
		.get("content_code")
		.map(|text| ContentCode::parse(text).map_err(|e| format!("content_code {e}")))
		.transpose()?;
	let Some(file) = raw.get("file") else {
		let sha256 = given_sha256.ok_or("give content_sha256 or file")?;
		return Ok(Content {
			sha256,
			sm3: given_sm3,
			code: given_code,
			no_code: None,
		});
	};
	let computed = fingerprint::file_fingerprints(resolve(base, file)).map_err(|e| match e {
		crate::Error::Io { source, .. } => format!("file `{file}`: {source}"),
		other => format!("file `{file}`: {other}"),
	})?;
	let (sha256, sm3) = (H256(computed.digests.sha256), H256(computed.digests.sm3));
	if let Some(given) = given_sha256.filter(|given| *given != sha256) {
		return Err(format!(
			"file `{file}` has SHA-256 {sha256:?}, not the content_sha256 given ({given:?})"
		));
	}
	if let Some(given) = given_sm3.filter(|given| *given != sm3) {
		return Err(format!(
			"file `{file}` has SM3 {sm3:?}, not the content_sm3 given ({given:?})"
		));
	}
	let (code, no_code) = match computed.content_code {
		Ok(code) => (Some(code), None),
		Err(reason) => (given_code, Some(reason)),
	};
	Ok(Content {
		sha256,
		sm3: Some(sm3),
		code,
		no_code,
	})
}

fn resolve(base: &Path, file: &str) -> PathBuf {
	let path = Path::new(file);
	if path.is_absolute() {
		path.to_path_buf()
	} else {
		base.join(path)
	}
}

fn check(raw_rows: Vec<RawRow>, problems: Vec<Problem>, base: &Path) -> Result<Vec<Row>, Invalid> {
	if raw_rows.is_empty() && problems.is_empty() {
		return Err(Invalid::one("the manifest has no rows"));
	}
	let (rows, problems) = check_rows(raw_rows, problems, base);
	if problems.is_empty() {
		Ok(rows)
	} else {
		Err(Invalid { problems })
	}
}

/// The valid rows, and the problems of the others and of the manifest as a whole.
fn check_rows(
	raw_rows: Vec<RawRow>,
	mut problems: Vec<Problem>,
	base: &Path,
) -> (Vec<Row>, Vec<Problem>) {
	let mut rows = Vec::new();
	for raw in &raw_rows {
		let mut errors = Vec::new();
		let serial = match raw.get("serial") {
			None => {
				errors.push("serial is missing".to_string());
				None
			}
			Some(text) => match text.parse::<u32>() {
				Ok(serial) => Some(serial),
				Err(_) => {
					errors.push(format!(
						"serial `{text}` is not a whole number from 0 to {}",
						u32::MAX
					));
					None
				}
			},
		};
		let content = content_of(raw, base).map_err(|e| errors.push(e)).ok();
		let metadata_uri = raw.get("metadata_uri").map(str::to_string);
		if metadata_uri.is_none() {
			errors.push("metadata_uri is missing".into());
		}
		let metadata_sha256 = hash_of(raw, base, "metadata_sha256", "metadata_file")
			.map_err(|e| errors.push(e))
			.ok();
		let mut account = |column: &str| {
			raw.get(column).and_then(|text| {
				parse_account(text)
					.map_err(|e| errors.push(format!("{column} {e}")))
					.ok()
			})
		};
		let creator = account("creator");
		let owner = account("owner");
		match (serial, content, metadata_uri, metadata_sha256) {
			(Some(serial), Some(content), Some(metadata_uri), Some(metadata_sha256))
				if errors.is_empty() =>
			{
				rows.push(Row {
					row: raw.row,
					line: raw.line,
					serial,
					content: content.sha256,
					metadata_uri,
					metadata_sha256,
					catalogue_number: raw.get("catalogue_number").map(str::to_string),
					creator,
					owner,
					sm3: content.sm3,
					content_code: content.code,
					no_content_code: content.no_code,
				})
			}
			_ => problems.extend(
				errors
					.into_iter()
					.map(|message| problem(raw.row, raw.line, message)),
			),
		}
	}

	let mut serials: HashMap<u32, &Row> = HashMap::new();
	let mut contents: HashMap<H256, &Row> = HashMap::new();
	for row in &rows {
		if let Some(first) = serials.insert(row.serial, row) {
			problems.push(problem(
				row.row,
				row.line,
				format!("serial {} repeats {}", row.serial, first.place()),
			));
			serials.insert(row.serial, first);
		}
		if let Some(first) = contents.insert(row.content, row) {
			problems.push(problem(
				row.row,
				row.line,
				format!(
					"content {:?} repeats {}; a collection holds each content once",
					row.content,
					first.place()
				),
			));
			contents.insert(row.content, first);
		}
	}
	problems.sort_by_key(|p| p.row);
	(rows, problems)
}

/// Checks rows against the chain's bounds.
pub fn check_limits(rows: &[Row], limits: &Limits) -> Result<(), Invalid> {
	let mut problems = Vec::new();
	for row in rows {
		if row.metadata_uri.len() > limits.max_uri_length as usize {
			problems.push(problem(
				row.row,
				row.line,
				format!(
					"metadata_uri is {} bytes long; the chain takes at most {}",
					row.metadata_uri.len(),
					limits.max_uri_length
				),
			));
		}
		if let Some(number) = &row.catalogue_number {
			if number.len() > limits.max_catalogue_length as usize {
				problems.push(problem(
					row.row,
					row.line,
					format!(
						"catalogue_number is {} bytes long; the chain takes at most {}",
						number.len(),
						limits.max_catalogue_length
					),
				));
			}
		}
	}
	if problems.is_empty() {
		Ok(())
	} else {
		Err(Invalid { problems })
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const HASH_A: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	const HASH_B: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
	const ALICE: &str = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

	fn csv(text: &str) -> Result<Vec<Row>, Invalid> {
		parse(text.as_bytes(), Format::Csv, Path::new("."))
	}

	fn json(text: &str) -> Result<Vec<Row>, Invalid> {
		parse(text.as_bytes(), Format::Json, Path::new("."))
	}

	fn messages(invalid: Invalid) -> Vec<String> {
		invalid.problems.iter().map(|p| p.to_string()).collect()
	}

	#[test]
	fn a_csv_manifest_reads_with_defaults_for_absent_columns() {
		let rows = csv(&format!(
			"serial,content_sha256,metadata_uri,metadata_sha256,catalogue_number,owner\n\
			 1,{HASH_A},https://m.example/1.json,0x{HASH_B},M-1,{ALICE}\n\
			 2, {HASH_B} ,https://m.example/2.json,{HASH_B},,\n"
		))
		.unwrap();
		assert_eq!(rows.len(), 2);
		assert_eq!(rows[0].row, 1);
		assert_eq!(rows[0].line, Some(2));
		assert_eq!(rows[0].content, parse_sha256(HASH_A).unwrap());
		assert_eq!(rows[0].catalogue_number.as_deref(), Some("M-1"));
		assert_eq!(rows[0].owner, Some(parse_account(ALICE).unwrap()));
		assert_eq!(rows[1].catalogue_number, None);
		assert_eq!(rows[1].owner, None);
		let signer = AccountId32([9; 32]);
		let request = rows[1].request(&signer);
		assert_eq!((request.owner, request.creator), (signer.clone(), signer));
	}

	#[test]
	fn a_json_manifest_reads_like_the_csv_one() {
		let rows = json(&format!(
			r#"[{{"serial": 7, "content_sha256": "{HASH_A}", "metadata_uri": "u",
			     "metadata_sha256": "{HASH_B}", "creator": "0x{}"}},
			    {{"serial": "8", "content_sha256": "{HASH_B}", "metadata_uri": "v",
			     "metadata_sha256": "{HASH_B}", "catalogue_number": null}}]"#,
			"11".repeat(32)
		))
		.unwrap();
		assert_eq!(rows.iter().map(|r| r.serial).collect::<Vec<_>>(), [7, 8]);
		assert_eq!(rows[0].creator, Some(AccountId32([0x11; 32])));
	}

	#[test]
	fn missing_and_unknown_columns_are_named() {
		let problems = messages(csv("serail,file,metadata_uri\n1,a,b\n").unwrap_err());
		assert!(problems
			.iter()
			.any(|p| p.contains("unknown column `serail`")));
		assert!(problems.iter().any(|p| p.contains("no `serial` column")));
		assert!(problems
			.iter()
			.any(|p| p.contains("neither a `metadata_sha256` nor a `metadata_file`")));
	}

	#[test]
	fn bad_values_name_their_row_and_line() {
		let problems = messages(
			csv(&format!(
				"serial,content_sha256,metadata_uri,metadata_sha256,owner\n\
				 1,{HASH_A},u,{HASH_B},\n\
				 x,abc,u,{HASH_B},\n\
				 3,{HASH_B},,{HASH_B},nobody\n\
				 4,{HASH_B}\n"
			))
			.unwrap_err(),
		);
		assert!(
			problems.contains(
				&"row 2 (line 3): serial `x` is not a whole number from 0 to 4294967295"
					.to_string()
			),
			"{problems:?}"
		);
		assert!(problems.contains(
			&"row 2 (line 3): content_sha256 `abc` is not a SHA-256: expected 64 hex digits"
				.to_string()
		));
		assert!(problems.contains(&"row 3 (line 4): metadata_uri is missing".to_string()));
		assert!(problems
			.iter()
			.any(|p| p.starts_with("row 3 (line 4): owner `nobody`")));
		assert!(problems
			.iter()
			.any(|p| p.starts_with("row 4 (line 5): it has 2 fields")));
	}

	#[test]
	fn repeated_serials_and_contents_are_refused() {
		let problems = messages(
			csv(&format!(
				"serial,content_sha256,metadata_uri,metadata_sha256\n\
				 1,{HASH_A},u,{HASH_B}\n\
				 1,{HASH_B},u,{HASH_B}\n\
				 2,{HASH_A},u,{HASH_B}\n"
			))
			.unwrap_err(),
		);
		assert_eq!(
			problems,
			[
				"row 2 (line 3): serial 1 repeats row 1 (line 2)".to_string(),
				format!(
					"row 3 (line 4): content 0x{HASH_A} repeats row 1 (line 2); a collection \
					 holds each content once"
				),
			]
		);
	}

	#[test]
	fn files_are_hashed_and_checked_against_given_hashes() {
		let dir = tempfile::tempdir().unwrap();
		std::fs::write(dir.path().join("abc.txt"), b"abc").unwrap();
		std::fs::write(dir.path().join("meta.json"), b"").unwrap();
		let manifest = dir.path().join("catalogue.csv");
		std::fs::write(
			&manifest,
			format!(
				"serial,file,content_sha256,metadata_uri,metadata_file\n\
				 1,abc.txt,{HASH_A},u,meta.json\n\
				 2,abc.txt,{HASH_B},u,meta.json\n\
				 3,missing.bin,,u,meta.json\n"
			),
		)
		.unwrap();
		let problems = messages(read(&manifest, None).unwrap_err());
		assert_eq!(problems.len(), 2, "{problems:?}");
		assert!(problems[0].starts_with("row 2 (line 3): file `abc.txt` has SHA-256 0xba78"));
		assert!(problems[1].starts_with("row 3 (line 4): file `missing.bin`: "));

		std::fs::write(
			&manifest,
			"serial,file,metadata_uri,metadata_file\n1,abc.txt,u,meta.json\n",
		)
		.unwrap();
		let rows = read(&manifest, None).unwrap();
		assert_eq!(rows[0].content, parse_sha256(HASH_A).unwrap());
		assert_eq!(rows[0].metadata_sha256, parse_sha256(HASH_B).unwrap());
	}

	#[test]
	fn malformed_json_and_empty_manifests_are_refused() {
		assert!(messages(json("{").unwrap_err())[0].contains("not valid JSON"));
		assert!(messages(json("{}").unwrap_err())[0].contains("not an array"));
		assert!(messages(json("[]").unwrap_err())[0].contains("no rows"));
		assert!(
			messages(csv("serial,file,metadata_uri,metadata_file\n").unwrap_err())[0]
				.contains("no rows")
		);
		let problems = messages(json(r#"[{"serial": 1, "colour": "red"}, 3]"#).unwrap_err());
		assert!(problems[0].starts_with("row 1: unknown key `colour`"));
		assert!(problems.contains(&"row 2: it is not an object".to_string()));
		assert!(read(Path::new("catalogue.txt"), None)
			.unwrap_err()
			.to_string()
			.contains("--format"));
	}

	#[test]
	fn rows_over_the_chains_bounds_are_refused() {
		let rows = csv(&format!(
			"serial,content_sha256,metadata_uri,metadata_sha256,catalogue_number\n\
			 1,{HASH_A},{},{HASH_B},{}\n",
			"u".repeat(300),
			"c".repeat(65)
		))
		.unwrap();
		let limits = Limits {
			max_batch_size: 500,
			max_uri_length: 256,
			max_catalogue_length: 64,
			max_name_length: 128,
			max_description_length: 1024,
			max_issuers: 8,
		};
		let problems = messages(check_limits(&rows, &limits).unwrap_err());
		assert_eq!(
			problems,
			[
				"row 1 (line 2): metadata_uri is 300 bytes long; the chain takes at most 256",
				"row 1 (line 2): catalogue_number is 65 bytes long; the chain takes at most 64",
			]
		);
	}
}
