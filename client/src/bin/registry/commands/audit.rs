//! `registry audit`: the audit log's history, anti-speculation alerts, verifiable exports and
//! their offline check.
//!
//! Records and alerts keep the JSON of the node's `audit_*` methods, so an export written
//! here is what `audit_export` answers, and any tool that checks one checks the other.

use std::path::{Path, PathBuf};

use registry_client::{
	evidence::{verify_proven_export, ExportVerified, ProvenExport},
	explain::Subject,
	runtime,
	types::{date, Alert, AuditRecord, Rule, Subject as AuditSubject},
	AuditRpcClient, Error,
};
use serde_json::{json, Value};

use crate::{
	args::{account, ListFormat},
	commands::verify::{trust_described, TrustArgs},
	context::Context,
	errors::CliError,
	output::{columns, csv_text, listing, more_hint, short, Output},
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
	/// The end of the log at the finalized head: how many records it holds, and the last
	/// one's hash and block, which an export or a warehouse must reach.
	Head,
	/// Close an open alert with what was found. The signer is a regulator.
	CloseAlert {
		/// The alert's number.
		alert: u64,
		/// What the regulator found; not empty.
		#[arg(long, value_name = "TEXT")]
		note: String,
	},
	/// Export the records of a block range with the proof that ties them to the chain: the
	/// storage proof of the records at both ends and the GRANDPA justification of the block
	/// it is read at.
	Export(ExportArgs),
	/// Mirror the audit log into PostgreSQL, and the collectibles, works, units, licences and
	/// alerts its records name, from where the last sync stopped: each batch of records is
	/// verified against the chain (hash links, and a storage proof at a finalized block), then
	/// written with the sync's cursor in one SQL transaction.
	Sync(crate::commands::warehouse::SyncArgs),
	/// Check an export file offline: every record's fields, hash and link to the one before,
	/// the justification of the proof's block (against the trusted keys), and the proven
	/// records at both ends, so that an altered, truncated or made-up export is refused.
	Verify {
		/// A file written by `registry audit export --out`.
		file: PathBuf,
		#[command(flatten)]
		trust: TrustArgs,
		#[command(flatten)]
		_offline: crate::context::Offline,
	},
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
	/// A subject (item:COLLECTION:ITEM, collection:ID, work:ID, unit:ID, licence:ID,
	/// alert:ID, or one of members, validators, nodes, council, chain, rules) or an account
	/// (SS58 address or 0x public key).
	#[arg(value_name = "SUBJECT|ACCOUNT")]
	of: String,
	/// Only records from this block on.
	#[arg(long, value_name = "BLOCK")]
	from_block: Option<u32>,
	/// Only records up to this block, included.
	#[arg(long, value_name = "BLOCK")]
	to_block: Option<u32>,
	/// Only records of this day on (UTC), by their timestamps.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	from: Option<u32>,
	/// Only records up to this day, included (UTC), by their timestamps.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	to: Option<u32>,
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
	#[arg(long, value_name = "BLOCK", default_value_t = 0, conflicts_with_all = ["from", "to"])]
	from_block: u32,
	/// The last block, included; default the newest finalized block with a GRANDPA
	/// justification, where the proof is read.
	#[arg(long, value_name = "BLOCK", conflicts_with_all = ["from", "to"])]
	to_block: Option<u32>,
	/// The first day (UTC), instead of --from-block: from the first block whose records are
	/// timestamped that day or later.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	from: Option<u32>,
	/// The last day (UTC), included, instead of --to-block.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	to: Option<u32>,
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
		Command::Head => {
			let client = context.connect().await?;
			let head = client.node().audit_head().await?;
			let text = if head.next_seq == 0 {
				"The audit log holds no record yet.".to_string()
			} else {
				format!(
					"The audit log holds {} record{}; the last is of block {}, with hash {}.",
					head.next_seq,
					if head.next_seq == 1 { "" } else { "s" },
					head.last_block,
					head.last_hash
				)
			};
			Ok(Output::new(
				text,
				json!({ "records": head.next_seq, "last_hash": head.last_hash, "last_block": head.last_block }),
			))
		}
		Command::CloseAlert { alert, note } => {
			let client = context.connect().await?;
			let max = client
				.constant(runtime::constants().audit().max_note_length())
				.await?;
			if note.len() > max as usize {
				return Err(CliError::input(format!(
					"--note is {} bytes long; the chain takes at most {max}",
					note.len()
				)));
			}
			let call = runtime::tx()
				.audit()
				.close_alert(alert, note.clone().into_bytes());
			let done = context.submit(&call, Subject::alert(alert)).await?;
			Ok(Output::transaction(
				format!("Closed alert {alert}: {note}"),
				&done,
				json!({ "alert": alert, "note": note }),
			))
		}
		Command::Export(args) => export(args, context).await,
		Command::Sync(args) => crate::commands::warehouse::run(args, context).await,
		Command::Verify { file, trust, .. } => verify(&file, &trust),
	}
}

/// What `audit_history` takes for `text`: a subject in its written form, or an SS58 address.
fn history_of(text: &str) -> Result<String, CliError> {
	if let Some(subject) = AuditSubject::parse(text) {
		return Ok(subject.to_string());
	}
	if text.contains(':') {
		return Err(CliError::usage(format!(
			"`{text}` is not a subject: write item:COLLECTION:ITEM, collection:ID, work:ID, \
			 unit:ID, licence:ID or alert:ID"
		)));
	}
	account(text)
		.map(|account| account.to_string())
		.map_err(|_| {
			CliError::usage(format!(
				"`{text}` is neither a subject (item:COLLECTION:ITEM, collection:ID, work:ID, \
				 unit:ID, licence:ID, alert:ID, members, validators, nodes, council, chain, \
				 rules) nor an account (SS58 address or 0x public key)"
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

async fn history(args: HistoryArgs, context: &Context) -> Result<Output, CliError> {
	let of = history_of(&args.of)?;
	if args.limit == 0 {
		return Err(CliError::usage("--limit must be at least 1"));
	}
	let blocks = match (args.from_block, args.to_block) {
		(None, None) => None,
		(from, to) => Some((from.unwrap_or(0), to.unwrap_or(u32::MAX))),
	};
	if let Some((from, to)) = blocks {
		if from > to {
			return Err(CliError::usage(format!(
				"--from-block {from} is after --to-block {to}"
			)));
		}
	}
	if let (Some(from), Some(to)) = (args.from, args.to) {
		if from > to {
			return Err(CliError::usage(format!(
				"--from {} is after --to {}",
				date(from),
				date(to)
			)));
		}
	}
	let dates = (args.from.map(date), args.to.map(date));
	let client = context.connect().await?;
	let (records, total, more) = read_pages(args.limit, args.all, async |want, cursor| {
		let (from_date, to_date) = dates.clone();
		let page = client
			.node()
			.audit_history(
				of.clone(),
				Some(want),
				cursor,
				blocks.map(|(from, _)| from),
				blocks.map(|(_, to)| to),
				from_date,
				to_date,
			)
			.await
			.map_err(|e| rpc_error(e.into()))?;
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
		return Err(CliError::usage("--limit must be at least 1"));
	}
	let client = context.connect().await?;
	let status = args.status.name();
	let (alerts, open, more) = read_pages(args.limit, args.all, async |want, cursor| {
		let page = client
			.node()
			.audit_alerts(Some(status.to_string()), cursor, Some(want))
			.await
			.map_err(|e| rpc_error(e.into()))?;
		Ok((page.alerts, page.next_cursor, page.open))
	})
	.await?;
	let listed = match status {
		"all" => format!(
			"{} alert{} of every status",
			alerts.len(),
			if alerts.len() == 1 { "" } else { "s" }
		),
		status => format!(
			"{} {status} alert{}",
			alerts.len(),
			if alerts.len() == 1 { "" } else { "s" }
		),
	};
	let heading = format!("{listed}; {open} open on the chain{}.", more_hint(more));
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
	if let Some(to_block) = args.to_block.filter(|to| args.from_block > *to) {
		return Err(CliError::usage(format!(
			"--from-block {} is after --to-block {to_block}",
			args.from_block
		)));
	}
	let (from_block, to_block) = match (args.from, args.to) {
		(None, None) => (args.from_block, args.to_block),
		(from, to) => {
			if let (Some(from), Some(to)) = (from, to) {
				if from > to {
					return Err(CliError::input(format!(
						"--from {} is after --to {}",
						date(from),
						date(to)
					)));
				}
			}
			let (from_ms, to_ms) = registry_client::types::days_in_ms(from, to);
			let blocks = client
				.call_api(
					runtime::runtime_apis()
						.audit_api()
						.blocks_between(from_ms, to_ms),
				)
				.await
				.map_err(rpc_error)?;
			let Some((first, last)) = blocks else {
				let day = |d: Option<u32>| d.map_or_else(|| "…".to_string(), date);
				return Err(CliError::new(
					"not_found",
					format!(
						"no audit record is timestamped between {} and {} (UTC)",
						day(from),
						day(to)
					),
				));
			};
			(first, Some(last))
		}
	};
	// The log has nothing after the finalized head: a range past it would read as complete.
	let head = client.clock().await?.head;
	for (flag, block) in [("--from-block", Some(from_block)), ("--to-block", to_block)] {
		if let Some(block) = block.filter(|block| u64::from(*block) > head) {
			return Err(CliError::input(format!(
				"{flag} {block} is past the finalized head, block {head}; give a block up to \
				 {head}, or leave --to-block out to export up to the head"
			)));
		}
	}
	let proven = client
		.audit_export_proven(from_block, to_block)
		.await
		.map_err(|e| match e {
			Error::Export(reason) | Error::Metadata(reason) => {
				CliError::verify(format!("the node's export does not verify: {reason}"))
			}
			other => rpc_error(other),
		})?;
	let verified = verify_proven_export(&proven, None).map_err(|reason| {
		CliError::verify(format!("the node's export does not verify: {reason}"))
	})?;
	let whole = &proven.export;
	let Some(out) = &args.out else {
		let heading = format!(
			"{} records of blocks {} to {}, oldest first; {}",
			whole.records.len(),
			whole.from_block,
			whole.to_block,
			proof_sentence(&proven)
		);
		let mut output = listing(
			args.format,
			heading,
			records_table(&whole.records),
			records_csv(&whole.records)?,
			serde_json::to_value(&proven).unwrap_or_default(),
		);
		// The records are the output; the summary would spoil a CSV or JSON on stdout.
		if args.format != ListFormat::Table && !context.json() {
			output
				.notes
				.push(format!("Verified: {}", proof_sentence(&proven)));
		}
		return Ok(output);
	};
	let text = serde_json::to_string_pretty(&proven).unwrap_or_default();
	std::fs::write(out, text + "\n")
		.map_err(|e| CliError::new("io", format!("cannot write --out {}: {e}", out.display())))?;
	Ok(Output::new(
		format!(
			"Wrote {} records of blocks {} to {} to {}, verified: each record hashes to the \
			 next, from {} to {}.\n{}\nCheck it offline with `registry audit verify {} \
			 --trusted-keys KEYS.json`.",
			whole.records.len(),
			whole.from_block,
			whole.to_block,
			out.display(),
			whole.prev_hash,
			whole.last_hash,
			proof_sentence(&proven),
			out.display()
		),
		summary_json(&proven, &verified, Some(out.as_path())),
	))
}

/// What the proof of an export shows.
fn proof_sentence(proven: &ProvenExport) -> String {
	let proof = &proven.proof;
	format!(
		"proven at block #{} ({}), finalized by GRANDPA set {}: the chain's records at both \
		 ends, so none is missing, altered or added.",
		proof.block_number, proof.block_hash, proof.set_id
	)
}

/// An export's summary for --output json: its records, ends and proof.
fn summary_json(proven: &ProvenExport, verified: &ExportVerified, file: Option<&Path>) -> Value {
	let export = &proven.export;
	json!({
		"file": file.map(|f| f.display().to_string()),
		"verified": true,
		"records": export.records.len(),
		"from_block": export.from_block,
		"to_block": export.to_block,
		"first_seq": verified.first_seq,
		"last_seq": verified.last_seq,
		"prev_hash": export.prev_hash,
		"last_hash": export.last_hash,
		"proof_block": verified.block_number,
		"proof_block_hash": format!("0x{}", hex::encode(verified.block_hash)),
		"set_id": proven.proof.set_id,
		"ends_at_head": verified.ends_at_head,
	})
}

/// Checks an export file with no node ([`verify_proven_export`]).
fn verify(file: &Path, trust: &TrustArgs) -> Result<Output, CliError> {
	let text = std::fs::read_to_string(file)
		.map_err(|e| CliError::new("io", format!("cannot read {}: {e}", file.display())))?;
	let value: Value = serde_json::from_str(&text).map_err(|e| {
		CliError::input(format!(
			"{} is not an audit export: it is not JSON ({e}); write one with `registry audit \
			 export --out`",
			file.display()
		))
	})?;
	if value.get("proof").is_none() && value.get("records").is_some() {
		return Err(CliError::verify(format!(
			"{} has no proof: its records could only be checked against each other, which a \
			 made-up export passes too; export it again with `registry audit export --out`",
			file.display()
		)));
	}
	let proven: ProvenExport = serde_json::from_value(value).map_err(|e| {
		CliError::input(format!(
			"{} is not an audit export: {e}; write one with `registry audit export --out`",
			file.display()
		))
	})?;
	let trusted = trust.trusted()?;
	let verified = verify_proven_export(&proven, trusted.as_ref()).map_err(|reason| {
		CliError::verify(format!("{} does not verify: {reason}", file.display()))
	})?;
	let export = &proven.export;
	let span = match (verified.first_seq, verified.last_seq) {
		(Some(first), Some(last)) => format!("records {first} to {last}"),
		_ => "no record".to_string(),
	};
	let (trust_row, pinned, set_id) = trust_described(&verified.trust, "the records");
	let end = if verified.ends_at_head {
		"they end at the log's head as of that block".to_string()
	} else {
		"the record after the last is of a later block".to_string()
	};
	let mut output = Output::new(
		format!(
			"{} verifies: {span} of blocks {} to {}, each with the hash of its fields, each \
			 linked to the one before, from {} to {}. The chain's own records at both ends are \
			 proven at block #{} 0x{} ({} of {} needed signatures by weight); {end}.\nAuthority \
			 set: {trust_row}",
			file.display(),
			export.from_block,
			export.to_block,
			export.prev_hash,
			export.last_hash,
			verified.block_number,
			hex::encode(verified.block_hash),
			verified.signed_weight,
			verified.threshold,
		),
		{
			let mut doc = summary_json(&proven, &verified, Some(file));
			doc["pinned"] = json!(pinned);
			doc["set_id"] = json!(set_id);
			doc
		},
	);
	if !pinned {
		output.notes.push(
			"warning: no trusted authority set was given; the proof's own set was used".into(),
		);
	}
	Ok(output)
}

fn records_table(records: &[AuditRecord]) -> String {
	let optional = |account: &Option<String>| account.as_deref().map_or("-".into(), short);
	let rows: Vec<Vec<String>> = records
		.iter()
		.map(|r| {
			vec![
				r.seq.to_string(),
				r.block.to_string(),
				// To the second, which is as fine as block times go.
				format!("{}Z", r.time.get(..19).unwrap_or(&r.time)),
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
			"SEQ", "BLOCK", "TIME", "KIND", "SUBJECT", "FROM", "TO", "BY", "REASON",
		],
		&rows,
	)
}

fn records_csv(records: &[AuditRecord]) -> Result<String, CliError> {
	let rows = records
		.iter()
		.map(|r| {
			vec![
				r.seq.to_string(),
				r.block.to_string(),
				r.time.clone(),
				r.extrinsic.map(|e| e.to_string()).unwrap_or_default(),
				r.kind.clone(),
				r.subject.to_string(),
				r.from.clone().unwrap_or_default(),
				r.to.clone().unwrap_or_default(),
				r.authorized_by.clone(),
				r.reason.to_string(),
				r.evidence.clone().unwrap_or_default(),
				detail_json(&r.detail),
				r.prev_hash.clone(),
				r.hash.clone(),
			]
		})
		.collect();
	csv_text(
		&[
			"seq",
			"block",
			"time",
			"extrinsic",
			"kind",
			"subject",
			"from",
			"to",
			"authorized_by",
			"reason",
			"evidence",
			"detail",
			"prev_hash",
			"hash",
		],
		rows,
	)
}

/// A record's detail as one line of JSON; empty when it has none.
fn detail_json(detail: &registry_client::types::record::Detail<String>) -> String {
	match detail {
		registry_client::types::record::Detail::None => String::new(),
		detail => serde_json::to_string(detail).unwrap_or_default(),
	}
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
