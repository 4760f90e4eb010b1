//! `registry import`: a whole catalogue from a manifest, in batches, resumable.

use std::{
	io::IsTerminal,
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use registry_client::{
	collectibles::CollectionId,
	explain::Subject,
	import::{self, ImportError, Options, Outcome},
	manifest::{self, Format},
};
use serde_json::json;

use crate::{context::Context, errors::CliError, output::Output};

pub const LONG_ABOUT: &str = "\
Register a whole catalogue from a CSV or JSON manifest, resuming where it stopped.

The manifest's rows are checked first, all of them, against themselves and against the \
chain in one pass: if any row is wrong, or disagrees with what the collection already holds, \
every problem is listed by row and nothing is submitted. \
The rows are then minted in batches (`mint_batch`, of the chain's MaxBatchSize rows unless \
--batch-size asks for fewer), several batches in flight at once, and followed until \
finalized.

An interrupted import resumes: run the same command again. Rows whose serial the collection \
already holds with the same content are skipped; the chain, not a local file, says what is \
done, and it never registers a serial or a content twice in a collection.

MANIFEST FORMAT

CSV with a header line naming its columns in any order, or JSON: an array of objects with \
the same keys. Values are trimmed; an empty value is an absent one. Unknown columns are \
refused.

  serial            required  edition or serial number, unique in the collection: a whole
                              number from 0 to 4294967295
  content_sha256    one of    the content's SHA-256 (64 hex digits, 0x optional)
  file              these two the content's file, hashed while reading (relative to the
                              manifest's folder); with both, the file must match the hash.
                              Its SM3 digest and ISCC content code are recorded too
  content_sm3       optional  the content's SM3, when no file is given
  content_code      optional  the content's ISCC Content-Code (ISCC:E…), when no file is given
  metadata_uri      required  where the item's metadata document lives
  metadata_sha256   one of    the metadata document's SHA-256
  metadata_file     these two the metadata document's file, hashed while reading
  catalogue_number  optional  catalogue number of the physical object
  creator           optional  SS58 address or 0x public key; default the signer
  owner             optional  the first holder, an active member; default the signer

Example:

  serial,file,metadata_uri,metadata_sha256,catalogue_number
  1,scans/0001.tif,https://museum.example/objects/1.json,9f86d08…,M-0001

SIMILAR CONTENT

Before submitting, every row's content code is looked up among the registered ones. Rows \
whose content is similar to registered content (a re-encoded or resized image, a lightly \
edited text) are listed with what they are like, and nothing is submitted unless \
--allow-similar is given. Identical content is refused by the chain in any case.

THE REPORT

A CSV file, one line per manifest row after a header: \
row,serial,content_sha256,result,similar_to where the result is `item N`, `skipped: already \
registered as item N` or `error: …`, and similar_to lists the registrations similar to the \
row's content. The command exits 0 only if every row is registered.";

#[derive(Debug, clap::Args)]
pub struct Args {
	/// The manifest: a .csv or .json file.
	#[arg(value_name = "MANIFEST")]
	manifest: PathBuf,
	/// The collection to mint in; the signer is one of its issuers.
	#[arg(long)]
	collection: CollectionId,
	/// The manifest's format, when its extension does not tell.
	#[arg(long, value_enum)]
	format: Option<FormatArg>,
	/// Where to write the report; default MANIFEST's name with .report.csv.
	#[arg(long, value_name = "FILE")]
	report: Option<PathBuf>,
	/// Rows per batch: default and at most the chain's MaxBatchSize, and smaller if a block
	/// cannot hold that many.
	#[arg(long, value_name = "N")]
	batch_size: Option<u32>,
	/// Batches submitted and not yet finalized, at most.
	#[arg(long, value_name = "N", default_value_t = import::DEFAULT_IN_FLIGHT)]
	in_flight: usize,
	/// Submit at most this many rows per second, leaving the rest of the chain's capacity to
	/// others; default as fast as batches are finalized.
	#[arg(long, value_name = "ROWS")]
	max_rate: Option<f64>,
	/// Mint the items as drafts, whose metadata may still be corrected in place.
	#[arg(long)]
	draft: bool,
	/// Check the manifest against the chain and say what would be minted; submit nothing.
	#[arg(long)]
	dry_run: bool,
	#[command(flatten)]
	similar: crate::args::SimilarArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FormatArg {
	Csv,
	Json,
}

pub async fn run(args: Args, context: &Context) -> Result<Output, CliError> {
	let format = args.format.map(|f| match f {
		FormatArg::Csv => Format::Csv,
		FormatArg::Json => Format::Json,
	});
	let (rows, problems) = manifest::read_partial(&args.manifest, format)
		.map_err(|invalid| CliError::input(invalid.to_string()))?;
	let signer = context.signer()?;
	let client = context.connect().await?;
	let mut options = Options::new(args.collection);
	options.in_flight = args.in_flight.max(1);
	options.draft = args.draft;
	options.allow_similar = args.similar.allow_similar;
	options.similar_distance = args.similar.similar_distance;
	if let Some(rate) = args.max_rate {
		if !(rate.is_finite() && rate > 0.0) {
			return Err(CliError::input(
				"--max-rate must be a positive number of rows per second",
			));
		}
		options.max_rate = Some(rate);
	}
	if let Some(size) = args.batch_size {
		if size == 0 {
			return Err(CliError::input("--batch-size must be at least 1"));
		}
		options.batch_size = Some(size);
	}

	let subject = Subject::collection(args.collection).signed_by(signer.account_id());
	let failed_to_start = |error: ImportError| match error {
		ImportError::Invalid(invalid) => CliError::input(invalid.to_string()),
		ImportError::UnknownCollection(collection) => CliError::not_found(format!(
			"--collection {collection}: collection {collection} does not exist"
		)),
		ImportError::Chain(error) => CliError::chain(&error, &subject),
		similar @ ImportError::Similar(_) => CliError::new("similar", similar.to_string()),
		other => CliError::input(other.to_string()),
	};
	if !problems.is_empty() {
		// The valid rows are checked against the chain too, so that one run tells every
		// problem.
		let mut problems = problems;
		match import::plan(&client, &signer, &rows, &options).await {
			Ok(_) => {}
			Err(ImportError::Invalid(invalid)) => problems.extend(invalid.problems),
			Err(other) => problems.push(manifest::Problem {
				row: None,
				line: None,
				message: failed_to_start(other).message,
			}),
		}
		problems.sort_by_key(|problem| problem.row);
		return Err(CliError::input(manifest::Invalid { problems }.to_string()));
	}
	let plan = import::plan(&client, &signer, &rows, &options)
		.await
		.map_err(failed_to_start)?;
	let batch_size = plan.batch_size as usize;
	let batches = plan.to_mint.len().div_ceil(batch_size);
	let mut planned = if plan.to_mint.is_empty() {
		format!(
			"All {} rows are already registered; nothing to mint",
			rows.len()
		)
	} else {
		format!(
			"{} rows: {} already registered, {} to mint in {batches} batch{} of up to {batch_size}",
			rows.len(),
			plan.registered.len(),
			plan.to_mint.len(),
			if batches == 1 { "" } else { "es" },
		)
	};
	let asked = options.batch_size.unwrap_or(u32::MAX);
	if plan.batch_size < asked.min(plan.limits.max_batch_size) && batches > 1 {
		planned.push_str(", the most a block holds");
	}
	planned.push('.');
	if !plan.similar.is_empty() {
		planned.push_str(&format!(
			"\n{} of them are similar to registered content (allowed by --allow-similar); the \
			 report lists what each is like.",
			plan.similar.len()
		));
	}
	if plan.without_code > 0 {
		planned.push_str(&format!(
			"\n{} of them have no content code (neither an image the registry reads nor a \
			 text): registered by their SHA-256 and SM3 digests only.",
			plan.without_code
		));
	}
	if args.dry_run {
		return Ok(Output::new(
			format!("{planned}\nDry run: nothing was submitted."),
			json!({
				"collection": args.collection,
				"rows": rows.len(),
				"already_registered": plan.registered.len(),
				"to_mint": plan.to_mint.len(),
				"batches": batches,
				"batch_size": batch_size,
				"similar": plan.similar.len(),
				"without_content_code": plan.without_code,
			}),
		));
	}
	if !context.json() {
		eprintln!("{planned}");
	}

	let bar = progress_bar(rows.len() as u64, context.json());
	bar.inc(plan.registered.len() as u64);
	let started = Instant::now();
	let run = import::run(&client, &signer, &rows, &plan, &options, |n| bar.inc(n)).await;
	bar.finish_and_clear();
	let import::Finished {
		results,
		fatal,
		batch_latencies,
	} = run.map_err(failed_to_start)?;
	let seconds = started.elapsed().as_secs_f64();
	let finality = Percentiles::of(batch_latencies);

	let report = args
		.report
		.clone()
		.unwrap_or_else(|| default_report(&args.manifest));
	import::write_report(&report, &results).map_err(|e| {
		CliError::new(
			"io",
			format!("cannot write the report {}: {e}", report.display()),
		)
	})?;
	let count = |f: fn(&Outcome) -> bool| results.iter().filter(|r| f(&r.outcome)).count();
	let minted = count(|o| matches!(o, Outcome::Minted(_)));
	let skipped = count(|o| matches!(o, Outcome::AlreadyRegistered(_)));
	let failed = count(|o| matches!(o, Outcome::Failed(_)));
	let rate = if seconds > 0.0 {
		minted as f64 / seconds
	} else {
		0.0
	};
	let mut text = format!(
		"Minted {minted} items in collection {} in {} ({rate:.0} items/s); {skipped} were \
		 already registered; {failed} failed.\nReport: {}",
		args.collection,
		duration(seconds),
		report.display()
	);
	if let Some(finality) = &finality {
		text.push_str(&format!(
			"\nA batch took {:.1} s from submission to finality (median; 99th percentile {:.1} s).",
			finality.p50, finality.p99
		));
	}
	if failed > 0 {
		text.push_str("\nRun the same command again to retry the rows that failed.");
	}
	let mut output = Output::new(
		text,
		json!({
			"collection": args.collection,
			"rows": rows.len(),
			"minted": minted,
			"already_registered": skipped,
			"failed": failed,
			"seconds": seconds,
			"items_per_second": rate,
			"batch_finality_seconds": finality.as_ref().map(|f| json!({
				"p50": f.p50,
				"p99": f.p99,
				"max": f.max,
				"batches": f.count,
			})),
			"report": report.display().to_string(),
			"error": fatal.as_ref().map(|e| registry_client::explain::sentence(e, &subject)),
		}),
	);
	if let Some(error) = &fatal {
		output.notes.push(format!(
			"error: the import stopped: {}",
			CliError::chain(error, &subject).message
		));
	}
	output.ok = failed == 0 && fatal.is_none();
	Ok(output)
}

/// Percentiles of batch latencies, in seconds (nearest rank).
struct Percentiles {
	p50: f64,
	p99: f64,
	max: f64,
	count: usize,
}

impl Percentiles {
	fn of(mut latencies: Vec<Duration>) -> Option<Self> {
		latencies.sort_unstable();
		let rank = |p: f64| {
			let index = ((p * latencies.len() as f64).ceil() as usize).saturating_sub(1);
			latencies.get(index).map(Duration::as_secs_f64)
		};
		Some(Self {
			p50: rank(0.50)?,
			p99: rank(0.99)?,
			max: latencies.last()?.as_secs_f64(),
			count: latencies.len(),
		})
	}
}

/// `catalogue.csv` → `catalogue.report.csv`, beside it.
fn default_report(manifest: &Path) -> PathBuf {
	let stem = manifest
		.file_stem()
		.map(|s| s.to_string_lossy().into_owned())
		.unwrap_or_else(|| "import".into());
	manifest.with_file_name(format!("{stem}.report.csv"))
}

fn duration(seconds: f64) -> String {
	if seconds < 120.0 {
		format!("{seconds:.1} s")
	} else {
		let whole = Duration::from_secs_f64(seconds).as_secs();
		format!("{} min {} s", whole / 60, whole % 60)
	}
}

/// A bar on standard error, only where a person watches it.
fn progress_bar(total: u64, json: bool) -> ProgressBar {
	let target = if json || !std::io::stderr().is_terminal() {
		ProgressDrawTarget::hidden()
	} else {
		ProgressDrawTarget::stderr()
	};
	let bar = ProgressBar::with_draw_target(Some(total), target);
	if let Ok(style) = ProgressStyle::with_template(
		"{elapsed_precise} [{bar:40}] {pos}/{len} rows, {per_sec}, about {eta} left",
	) {
		bar.set_style(style.progress_chars("=> "));
	}
	bar
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_report_goes_beside_the_manifest() {
		assert_eq!(
			default_report(Path::new("/data/catalogue.csv")),
			PathBuf::from("/data/catalogue.report.csv")
		);
		assert_eq!(
			default_report(Path::new("items.json")),
			PathBuf::from("items.report.csv")
		);
	}

	#[test]
	fn batch_latencies_are_summarised_by_nearest_rank() {
		assert!(Percentiles::of(Vec::new()).is_none());
		let seconds = |n: u64| Duration::from_secs(n);
		// 1..=100 s, shuffled: the median is 50 s, the 99th percentile 99 s.
		let latencies: Vec<_> = (1..=100).map(|n| seconds((n * 37) % 100 + 1)).collect();
		let summary = Percentiles::of(latencies).unwrap();
		assert_eq!((summary.p50, summary.p99, summary.max), (50.0, 99.0, 100.0));
		assert_eq!(summary.count, 100);
		let one = Percentiles::of(vec![seconds(3)]).unwrap();
		assert_eq!((one.p50, one.p99), (3.0, 3.0));
	}
}
