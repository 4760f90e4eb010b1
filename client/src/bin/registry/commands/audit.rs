//! `registry audit`: the audit log's history, anti-speculation alerts, verifiable exports and
//! their offline check.
//!
//! Records and alerts keep the JSON of the node's `audit_*` methods, so an export written
//! here is what `audit_export` answers, and any tool that checks one checks the other.

use std::path::{Path, PathBuf};

use registry_client::{
	audit::{self, AlertId},
	explain::Subject,
	rpc::verify_export,
	types::{Alert, AuditExport, AuditRecord, Rule, Subject as AuditSubject},
	Error,
};
use serde_json::{json, Value};

use crate::{
	args::{account, ListFormat},
	commands::work::submit,
	context::Context,
	errors::CliError,
	output::Output,
};

/// Records or alerts the node gives in one page, at most.
const MAX_PAGE: u32 = 100;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// The history of a subject or an account, newest first: every change of ownership,
	/// rights or status recorded about it.
	History(HistoryArgs),
	/// Anti-speculation alerts raised by transfers that broke a rule.
	Alerts(AlertsArgs),
	/// Close an open alert with what was found. The signer is a regulator.
	CloseAlert {
		/// The alert's number.
		alert: AlertId,
		/// What the regulator found; not empty.
		#[arg(long, value_name = "TEXT")]
		note: String,
	},
	/// Export the records of a block range, verified, with the log's head they lead to.
	Export(ExportArgs),
	/// Check an export file offline: every record's fields, hash and link to the one before.
	Verify {
		/// A file written by `registry audit export --out`, or the JSON of `audit_export`.
		file: PathBuf,
	},
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
	/// A subject (item:COLLECTION:ITEM, collection:ID, work:ID, unit:ID, licence:ID) or an
	/// account (SS58 address or 0x public key).
	#[arg(value_name = "SUBJECT|ACCOUNT")]
	of: String,
	/// Only records from this block on.
	#[arg(long, value_name = "BLOCK")]
	from_block: Option<u32>,
	/// Only records up to this block, included.
	#[arg(long, value_name = "BLOCK")]
	to_block: Option<u32>,
	/// Records to show at most, newest first.
	#[arg(long, value_name = "N", default_value_t = 20, conflicts_with = "all")]
	limit: u32,
	/// Show every record, however many.
	#[arg(long)]
	all: bool,
	/// How to print the records.
	#[arg(long, value_enum, default_value_t = ListFormat::Table)]
	format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct AlertsArgs {
	/// Which alerts.
	#[arg(long, value_enum, default_value_t = AlertStatus::Open)]
	status: AlertStatus,
	/// Alerts to show at most.
	#[arg(long, value_name = "N", default_value_t = 20, conflicts_with = "all")]
	limit: u32,
	/// Show every alert, however many.
	#[arg(long)]
	all: bool,
	/// How to print the alerts.
	#[arg(long, value_enum, default_value_t = ListFormat::Table)]
	format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AlertStatus {
	Open,
	Closed,
	All,
}

impl AlertStatus {
	fn name(self) -> &'static str {
		match self {
			AlertStatus::Open => "open",
			AlertStatus::Closed => "closed",
			AlertStatus::All => "all",
		}
	}
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
	/// The first block; default 0.
	#[arg(long, value_name = "BLOCK", default_value_t = 0)]
	from_block: u32,
	/// The last block, included; default the finalized head.
	#[arg(long, value_name = "BLOCK")]
	to_block: Option<u32>,
	/// Where to write the export, as JSON; without it the records are printed.
	#[arg(long, value_name = "FILE")]
	out: Option<PathBuf>,
	/// How to print the records when there is no --out.
	#[arg(long, value_enum, default_value_t = ListFormat::Table)]
	format: ListFormat,
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::History(args) => history(args, context).await,
		Command::Alerts(args) => alerts(args, context).await,
		Command::CloseAlert { alert, note } => {
			let signer = context.signer()?;
			let client = context.connect().await?;
			let max: u32 = client.constant("Audit", "MaxNoteLength").await?;
			if note.len() > max as usize {
				return Err(CliError::input(format!(
					"--note is {} bytes long; the chain takes at most {max}",
					note.len()
				)));
			}
			let call = audit::close_alert(alert, &note);
			let done = submit(&client, &signer, &call, Subject::alert(alert)).await?;
			Ok(Output::transaction(
				format!("Closed alert {alert}: {note}"),
				&done,
				json!({ "alert": alert, "note": note }),
			))
		}
		Command::Export(args) => export(args, context).await,
		Command::Verify { file } => verify(&file),
	}
}

/// What `audit_history` takes for `text`: a subject in its written form, or an SS58 address.
fn history_of(text: &str) -> Result<String, CliError> {
	if let Some(subject) = AuditSubject::parse(text) {
		return Ok(subject.to_string());
	}
	if text.contains(':') {
		return Err(CliError::input(format!(
			"`{text}` is not a subject: write item:COLLECTION:ITEM, collection:ID, work:ID, \
			 unit:ID or licence:ID"
		)));
	}
	account(text)
		.map(|account| account.to_string())
		.map_err(|_| {
			CliError::input(format!(
				"`{text}` is neither a subject (item:COLLECTION:ITEM, collection:ID, work:ID, \
				 unit:ID, licence:ID) nor an account (SS58 address or 0x public key)"
			))
		})
}

/// The node's refusal; "no audit record is about …" when nothing names the subject.
fn rpc_error(error: Error) -> CliError {
	CliError::chain(&error, &Subject::default())
}

/// Reads a paged listing until `limit` entries are in, or to its end with `all`.
/// `fetch(want, cursor)` gives a page's entries, the next cursor and the listing's count as of
/// that page. Returns the entries, the last count, and whether more are left.
async fn read_pages<T, C>(
	limit: u32,
	all: bool,
	mut fetch: impl AsyncFnMut(u32, Option<u64>) -> Result<(Vec<T>, Option<u64>, C), CliError>,
) -> Result<(Vec<T>, C, bool), CliError> {
	let mut entries = Vec::new();
	let mut cursor = None;
	loop {
		let want = if all {
			MAX_PAGE
		} else {
			(limit - entries.len() as u32).min(MAX_PAGE)
		};
		let (page, next, count) = fetch(want, cursor).await?;
		entries.extend(page);
		cursor = next;
		if cursor.is_none() || (!all && entries.len() as u32 >= limit) {
			return Ok((entries, count, cursor.is_some()));
		}
	}
}

/// The end of a listing's heading when it was cut short.
fn more_hint(more: bool) -> &'static str {
	if more {
		"; --limit N or --all for more"
	} else {
		""
	}
}

async fn history(args: HistoryArgs, context: &Context) -> Result<Output, CliError> {
	let of = history_of(&args.of)?;
	if args.limit == 0 {
		return Err(CliError::input("--limit must be at least 1"));
	}
	let blocks = match (args.from_block, args.to_block) {
		(None, None) => None,
		(from, to) => Some((from.unwrap_or(0), to.unwrap_or(u32::MAX))),
	};
	if let Some((from, to)) = blocks {
		if from > to {
			return Err(CliError::input(format!(
				"--from-block {from} is after --to-block {to}"
			)));
		}
	}
	let client = context.connect().await?;
	let (records, total, more) = read_pages(args.limit, args.all, async |want, cursor| {
		let page = client
			.audit_history(&of, Some(want), cursor, blocks)
			.await
			.map_err(rpc_error)?;
		Ok((page.records, page.next_cursor, page.total))
	})
	.await?;
	let heading = format!(
		"History of {of}: {} of {total} record{}, newest first{}.",
		records.len(),
		if total == 1 { "" } else { "s" },
		more_hint(more)
	);
	let doc = json!({ "of": of, "total": total, "records": records, "more": more });
	Ok(listing(
		args.format,
		heading,
		records_table(&records),
		records_csv(&records)?,
		doc,
	))
}

async fn alerts(args: AlertsArgs, context: &Context) -> Result<Output, CliError> {
	if args.limit == 0 {
		return Err(CliError::input("--limit must be at least 1"));
	}
	let client = context.connect().await?;
	let status = args.status.name();
	let (alerts, open, more) = read_pages(args.limit, args.all, async |want, cursor| {
		let page = client
			.audit_alerts(status, cursor, Some(want))
			.await
			.map_err(rpc_error)?;
		Ok((page.alerts, page.next_cursor, page.open))
	})
	.await?;
	let heading = format!(
		"{} {status} alert{}; {open} open in all{}.",
		alerts.len(),
		if alerts.len() == 1 { "" } else { "s" },
		more_hint(more)
	);
	let doc = json!({ "status": status, "open": open, "alerts": alerts, "more": more });
	Ok(listing(
		args.format,
		heading,
		alerts_table(&alerts),
		alerts_csv(&alerts)?,
		doc,
	))
}

async fn export(args: ExportArgs, context: &Context) -> Result<Output, CliError> {
	let client = context.connect().await?;
	let to_block = match args.to_block {
		Some(block) => block,
		None => client.finalized_head().await?.0 as u32,
	};
	if args.from_block > to_block {
		return Err(CliError::input(format!(
			"--from-block {} is after --to-block {to_block}",
			args.from_block
		)));
	}
	let whole = client
		.audit_export_all(args.from_block, to_block)
		.await
		.map_err(|e| match e {
			// The client checks each part as it arrives and says so in this variant.
			Error::Metadata(reason) => {
				CliError::verify(format!("the node's export does not verify: {reason}"))
			}
			other => rpc_error(other),
		})?;
	verify_export(&whole).map_err(|reason| {
		CliError::verify(format!("the node's export does not verify: {reason}"))
	})?;
	let Some(out) = &args.out else {
		let heading = format!(
			"{} records of blocks {} to {}, oldest first; {}",
			whole.records.len(),
			whole.from_block,
			whole.to_block,
			head_sentence(&whole)
		);
		let mut output = listing(
			args.format,
			heading,
			records_table(&whole.records),
			records_csv(&whole.records)?,
			serde_json::to_value(&whole).unwrap_or_default(),
		);
		// The records are the output; the summary would spoil a CSV or JSON on stdout.
		if args.format != ListFormat::Table && !context.json() {
			output
				.notes
				.push(format!("Verified: {}", head_sentence(&whole)));
		}
		return Ok(output);
	};
	let text = serde_json::to_string_pretty(&whole).unwrap_or_default();
	std::fs::write(out, text + "\n")
		.map_err(|e| CliError::new("io", format!("cannot write --out {}: {e}", out.display())))?;
	Ok(Output::new(
		format!(
			"Wrote {} records of blocks {} to {} to {}, verified: each record hashes to the \
			 next, from {} to {}.\n{}",
			whole.records.len(),
			whole.from_block,
			whole.to_block,
			out.display(),
			whole.prev_hash,
			whole.last_hash,
			head_sentence(&whole)
		),
		summary_json(&whole, Some(out.as_path())),
	))
}

/// Where an export ends against the log's head it was read with.
fn head_sentence(export: &AuditExport) -> String {
	let head = &export.head;
	let last_seq = head.next_seq.saturating_sub(1);
	if export.last_hash.eq_ignore_ascii_case(&head.last_hash) {
		return format!(
			"It ends at the log's head as of block {} ({}): record {last_seq}, {}.",
			export.at_block, export.at_block_hash, head.last_hash
		);
	}
	let later = match export.records.last() {
		Some(record) => {
			let n = head.next_seq.saturating_sub(record.seq + 1);
			format!(
				", {n} record{} after its last",
				if n == 1 { "" } else { "s" }
			)
		}
		None => String::new(),
	};
	format!(
		"The log went on after it: as of block {} ({}) its head is record {last_seq}, {}{later}.",
		export.at_block, export.at_block_hash, head.last_hash
	)
}

fn summary_json(export: &AuditExport, file: Option<&Path>) -> Value {
	json!({
		"file": file.map(|f| f.display().to_string()),
		"verified": true,
		"records": export.records.len(),
		"from_block": export.from_block,
		"to_block": export.to_block,
		"first_seq": export.records.first().map(|r| r.seq),
		"last_seq": export.records.last().map(|r| r.seq),
		"prev_hash": export.prev_hash,
		"last_hash": export.last_hash,
		"at_block": export.at_block,
		"at_block_hash": export.at_block_hash,
		"head": export.head,
		"ends_at_head": export.last_hash.eq_ignore_ascii_case(&export.head.last_hash),
	})
}

/// Checks an export file with no node: the records' fields, hashes and links
/// ([`verify_export`]), and that they are of the blocks the export names.
fn verify(file: &Path) -> Result<Output, CliError> {
	let text = std::fs::read_to_string(file)
		.map_err(|e| CliError::new("io", format!("cannot read {}: {e}", file.display())))?;
	let export: AuditExport = serde_json::from_str(&text).map_err(|e| {
		CliError::input(format!(
			"{} is not an audit export: {e}; write one with `registry audit export --out`",
			file.display()
		))
	})?;
	let refused =
		|reason: String| CliError::verify(format!("{} does not verify: {reason}", file.display()));
	verify_export(&export).map_err(refused)?;
	if let Some(record) = export
		.records
		.iter()
		.find(|r| r.block < export.from_block || r.block > export.to_block)
	{
		return Err(refused(format!(
			"record {} is of block {}, outside the export's blocks {} to {}",
			record.seq, record.block, export.from_block, export.to_block
		)));
	}
	let span = match (export.records.first(), export.records.last()) {
		(Some(first), Some(last)) => format!("records {} to {}", first.seq, last.seq),
		_ => "no record".to_string(),
	};
	Ok(Output::new(
		format!(
			"{} verifies: {span} of blocks {} to {}, each with the hash of its fields, each \
			 linked to the one before, from {} to {}.\n{}\nThat head is as the file records \
			 it: to tie the file to the chain, compare it with `audit_head`, or with Audit::Head \
			 at block {}.",
			file.display(),
			export.from_block,
			export.to_block,
			export.prev_hash,
			export.last_hash,
			head_sentence(&export),
			export.at_block_hash
		),
		summary_json(&export, Some(file)),
	))
}

/// A listing in the format asked for; the JSON document for --output json either way.
fn listing(format: ListFormat, heading: String, table: String, csv: String, doc: Value) -> Output {
	let text = match format {
		ListFormat::Table if table.is_empty() => heading,
		ListFormat::Table => format!("{heading}\n{table}"),
		ListFormat::Json => serde_json::to_string_pretty(&doc).unwrap_or_default(),
		ListFormat::Csv => csv.trim_end().to_string(),
	};
	Output::new(text, doc)
}

/// An account in a table: its first six and last four characters.
fn short(account: &str) -> String {
	let chars: Vec<char> = account.chars().collect();
	if chars.len() <= 12 {
		return account.to_string();
	}
	let head: String = chars[..6].iter().collect();
	let tail: String = chars[chars.len() - 4..].iter().collect();
	format!("{head}…{tail}")
}

/// Rows with columns padded to their widest cell.
fn columns(header: &[&str], rows: &[Vec<String>]) -> String {
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

fn records_table(records: &[AuditRecord]) -> String {
	let optional = |account: &Option<String>| account.as_deref().map_or("-".into(), short);
	let rows: Vec<Vec<String>> = records
		.iter()
		.map(|r| {
			vec![
				r.seq.to_string(),
				r.block.to_string(),
				r.kind.clone(),
				r.subject.to_string(),
				optional(&r.from),
				optional(&r.to),
				short(&r.authorized_by),
				if r.reason == 0 {
					"-".into()
				} else {
					r.reason.to_string()
				},
			]
		})
		.collect();
	columns(
		&[
			"SEQ", "BLOCK", "KIND", "SUBJECT", "FROM", "TO", "BY", "REASON",
		],
		&rows,
	)
}

fn csv_text(header: &[&str], rows: Vec<Vec<String>>) -> Result<String, CliError> {
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

fn records_csv(records: &[AuditRecord]) -> Result<String, CliError> {
	let rows = records
		.iter()
		.map(|r| {
			vec![
				r.seq.to_string(),
				r.block.to_string(),
				r.extrinsic.map(|e| e.to_string()).unwrap_or_default(),
				r.kind.clone(),
				r.subject.to_string(),
				r.from.clone().unwrap_or_default(),
				r.to.clone().unwrap_or_default(),
				r.authorized_by.clone(),
				r.reason.to_string(),
				r.evidence.clone().unwrap_or_default(),
				r.prev_hash.clone(),
				r.hash.clone(),
			]
		})
		.collect();
	csv_text(
		&[
			"seq",
			"block",
			"extrinsic",
			"kind",
			"subject",
			"from",
			"to",
			"authorized_by",
			"reason",
			"evidence",
			"prev_hash",
			"hash",
		],
		rows,
	)
}

/// A rule in words.
fn rule_text(rule: &Rule) -> String {
	match rule {
		Rule::TransferBurst {
			max_transfers,
			window_blocks,
		} => format!("more than {max_transfers} transfers in {window_blocks} blocks"),
		Rule::BackAndForth { window_blocks } => {
			format!("back to a holder within {window_blocks} blocks")
		}
	}
}

fn alerts_table(alerts: &[Alert]) -> String {
	let rows: Vec<Vec<String>> = alerts
		.iter()
		.map(|a| {
			vec![
				a.alert.to_string(),
				a.subject.to_string(),
				a.seq.to_string(),
				a.block.to_string(),
				rule_text(&a.rule),
				match (&a.closed_by, &a.note) {
					(Some(by), Some(note)) => format!("closed by {}: {note}", short(by)),
					_ => a.status.clone(),
				},
			]
		})
		.collect();
	columns(
		&["ALERT", "SUBJECT", "SEQ", "BLOCK", "RULE", "STATUS"],
		&rows,
	)
}

fn alerts_csv(alerts: &[Alert]) -> Result<String, CliError> {
	let rows = alerts
		.iter()
		.map(|a| {
			vec![
				a.alert.to_string(),
				rule_text(&a.rule),
				a.subject.to_string(),
				a.seq.to_string(),
				a.block.to_string(),
				a.status.clone(),
				a.closed_by.clone().unwrap_or_default(),
				a.closed_at_block.map(|b| b.to_string()).unwrap_or_default(),
				a.note.clone().unwrap_or_default(),
			]
		})
		.collect();
	csv_text(
		&[
			"alert",
			"rule",
			"subject",
			"seq",
			"block",
			"status",
			"closed_by",
			"closed_at_block",
			"note",
		],
		rows,
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn history_takes_a_subject_or_an_account() {
		assert_eq!(history_of("item:0:3").unwrap(), "item:0:3");
		assert_eq!(history_of("license:2").unwrap(), "licence:2");
		let alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
		assert_eq!(history_of(alice).unwrap(), alice);
		assert!(history_of("item:0")
			.unwrap_err()
			.message
			.contains("not a subject"));
		assert!(history_of("museum")
			.unwrap_err()
			.message
			.contains("neither a subject"));
	}

	#[test]
	fn tables_shorten_accounts_and_align_columns() {
		assert_eq!(
			short("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu"),
			"5FA9nQ…TTpu"
		);
		assert_eq!(
			columns(&["A", "BB"], &[vec!["100".into(), "x".into()]]),
			"A    BB\n100  x"
		);
	}

	#[test]
	fn csv_quotes_what_needs_quoting() {
		let text = csv_text(
			&["alert", "note"],
			vec![vec!["1".into(), "a, \"b\"".into()]],
		)
		.unwrap();
		assert_eq!(text, "alert,note\n1,\"a, \"\"b\"\"\"\n");
	}
}
