//! `registry audit sync`: the audit log mirrored into PostgreSQL, verified batch by batch.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use registry_client::{
	explain::Subject,
	warehouse::{Batch, Round, SyncOptions, Warehouse, WarehouseError, MAX_BATCH},
	RegistryClient,
};
use serde_json::json;

use crate::{
	commands::{verify::TrustArgs, web::shutdown_signal},
	context::Context,
	errors::CliError,
	output::Output,
};

/// How often `--follow` asks the node whether a newer block is finalized.
const POLL: Duration = Duration::from_secs(1);

/// Progress lines while catching up, at most this often.
const PROGRESS_EVERY: Duration = Duration::from_secs(5);

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
	/// The PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DATABASE (or the
	/// REGISTRY_POSTGRES variable, which keeps the password out of the process list).
	#[arg(
		long,
		value_name = "URL",
		env = "REGISTRY_POSTGRES",
		hide_env_values = true
	)]
	postgres: String,
	/// After catching up, keep following the finalized blocks until stopped (Ctrl-C or
	/// SIGTERM); a batch being written when it stops is rolled back whole.
	#[arg(long)]
	follow: bool,
	/// Records per batch: each batch is verified, then written with the cursor in one SQL
	/// transaction.
	#[arg(long, value_name = "N", default_value_t = MAX_BATCH,
		value_parser = clap::value_parser!(u32).range(1..=MAX_BATCH as i64))]
	batch: u32,
	#[command(flatten)]
	trust: TrustArgs,
}

pub async fn run(args: SyncArgs, context: &Context) -> Result<Output, CliError> {
	let options = SyncOptions {
		batch: args.batch,
		trusted: args.trust.trusted()?,
		..SyncOptions::default()
	};
	let client = context.connect().await?;
	let mut warehouse = Warehouse::open(&args.postgres, &client)
		.await
		.map_err(warehouse_error)?;
	let start = warehouse.cursor().clone();
	let started = Instant::now();
	let quiet = context.json();
	if !quiet {
		eprintln!(
			"Syncing the audit log into {} from record {}{}.",
			warehouse.place(),
			start.next_seq,
			if args.follow {
				", following finalized blocks until stopped"
			} else {
				""
			}
		);
	}

	let shutdown = shutdown_signal();
	tokio::pin!(shutdown);
	let mut total = Totals::default();
	let mut stopped = false;
	loop {
		let mut last_said = Instant::now();
		let follow = args.follow;
		let round = async {
			warehouse
				.sync(&client, &options, |batch| {
					if !quiet && (follow || last_said.elapsed() >= PROGRESS_EVERY) {
						last_said = Instant::now();
						eprintln!("{}", progress(batch));
					}
				})
				.await
		};
		let round: Round = tokio::select! {
			round = round => round.map_err(warehouse_error)?,
			_ = &mut shutdown => { stopped = true; break; }
		};
		total.add(&round);
		if !args.follow {
			break;
		}
		tokio::select! {
			next = newer_than(&client, round.proven_block) => next?,
			_ = &mut shutdown => { stopped = true; break; }
		}
	}

	let cursor = warehouse.cursor();
	let seconds = started.elapsed().as_secs_f64();
	let synced = cursor.next_seq - start.next_seq;
	let rate = if seconds > 0.0 {
		synced as f64 / seconds
	} else {
		0.0
	};
	let holds = match cursor.next_seq {
		0 => "no record yet".to_string(),
		n => format!(
			"records 0 to {} (up to block {}), proven at finalized block {}",
			n - 1,
			cursor.last_block,
			cursor.proven_block
		),
	};
	Ok(Output::new(
		format!(
			"{}Synced {synced} record{} in {} batch{} into {} in {seconds:.2} s ({rate:.0} \
			 records/s); it holds {holds}.",
			if stopped { "Stopped. " } else { "" },
			if synced == 1 { "" } else { "s" },
			total.batches,
			if total.batches == 1 { "" } else { "es" },
			warehouse.place()
		),
		json!({
			"database": warehouse.place(),
			"records": synced,
			"batches": total.batches,
			"nextSeq": cursor.next_seq,
			"lastHash": cursor.last_hash,
			"lastBlock": cursor.last_block,
			"provenBlock": cursor.proven_block,
			"seconds": seconds,
			"recordsPerSecond": rate,
			"stopped": stopped,
		}),
	))
}

#[derive(Default)]
struct Totals {
	batches: u64,
}

impl Totals {
	fn add(&mut self, round: &Round) {
		self.batches += round.batches;
	}
}

/// A batch written, for people: its records, the proof's block, and how far behind the
/// newest record's time the warehouse is.
fn progress(batch: &Batch) -> String {
	let lag = batch.newest_timestamp.and_then(|ms| {
		let now = SystemTime::now()
			.duration_since(UNIX_EPOCH)
			.ok()?
			.as_millis() as u64;
		Some(now.saturating_sub(ms))
	});
	format!(
		"Synced records {} to {} (block {}), proven at finalized block {}{}",
		batch.cursor.next_seq - batch.records as u64,
		batch.cursor.next_seq - 1,
		batch.cursor.last_block,
		batch.proven_block,
		lag.map(|ms| format!(
			"; {:.1} s after the newest record's time",
			ms as f64 / 1000.0
		))
		.unwrap_or_default()
	)
}

/// Waits until the node finalizes a block after `block`.
async fn newer_than(client: &RegistryClient, block: u32) -> Result<(), CliError> {
	loop {
		let (head, _) = client
			.finalized_head()
			.await
			.map_err(|e| CliError::chain(&e, &Subject::default()))?;
		if head > u64::from(block) {
			return Ok(());
		}
		tokio::time::sleep(POLL).await;
	}
}

/// A sync's failure as the command's error.
fn warehouse_error(error: WarehouseError) -> CliError {
	match error {
		WarehouseError::Url(message) => CliError::input(message),
		WarehouseError::Database(message) => CliError::new("database", message),
		WarehouseError::Refused(message) => CliError::new("refused", message),
		WarehouseError::Verify(message) => CliError::verify(message),
		WarehouseError::Node(error) => CliError::chain(&error, &Subject::default()),
	}
}
