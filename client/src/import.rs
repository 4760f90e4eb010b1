//! Bulk registration of a manifest's rows in one collection, resumable.
//!
//! ## Resuming
//!
//! The chain is the record of what is done. Before submitting, [`plan`] waits until the
//! signer's earlier transactions have left the pool (an interrupted run may have left some
//! there), then reads every item of the collection at the finalized head and matches the rows
//! by serial: a row whose serial already holds the same content is skipped, and one whose
//! serial or content the chain holds otherwise is a conflict that stops the import before
//! anything is submitted. A rerun after an interruption therefore submits only what is
//! missing.
//!
//! Nothing can be registered twice even if two runs race: the pallet refuses a second item
//! with a serial or a content hash its collection already holds, and a batch is all or
//! nothing. A batch refused that way is checked against the chain again and its missing rows
//! are submitted once more.
//!
//! ## Speed
//!
//! Rows go in `mint_batch` calls of the runtime's `MaxBatchSize` rows unless told fewer (and
//! fewer still if a block cannot hold so many). Several batches are
//! signed with consecutive nonces and submitted without waiting for the previous one, so that
//! every block can be filled; each is then followed to finality.

use std::{
	collections::{BTreeSet, HashMap},
	fmt,
	path::Path,
	time::Duration,
};

use subxt::utils::{AccountId32, H256};

use crate::{
	collectibles::{CollectionId, CollectionInfo, ItemId, Limits},
	explain::{self, Subject},
	manifest::{self, Invalid, Problem, Row},
	types::SimilarContent,
	Ed25519Signer, Error, RegistryClient, Rejection,
};

/// Batches between submission and finality unless told otherwise. A full batch takes most of
/// a block, and a block is final about a slot after it is authored: six keep the next blocks'
/// batches waiting in the pool while earlier ones are being finalized, and no more, since
/// every batch beyond those only waits longer for its block.
pub const DEFAULT_IN_FLIGHT: usize = 6;

/// How to run an import.
#[derive(Debug, Clone)]
pub struct Options {
	/// The collection to mint in.
	pub collection: CollectionId,
	/// Rows per `mint_batch`, at most the runtime's `MaxBatchSize`; `None` is that bound, which
	/// the registry runtime sets so that one batch takes most of a block.
	pub batch_size: Option<u32>,
	/// Batches submitted and not yet finalized, at most.
	pub in_flight: usize,
	/// Mint the items as drafts.
	pub draft: bool,
	/// How long a batch may take from submission to finality before it counts as failed.
	pub batch_timeout: Duration,
	/// How long to wait at the start for the signer's earlier transactions to leave the pool.
	pub pending_timeout: Duration,
	/// Rows submitted per second at most; `None` submits as fast as batches finalize.
	pub max_rate: Option<f64>,
	/// Mint rows whose content is similar to a registered one; otherwise the import stops
	/// before submitting anything and lists them.
	pub allow_similar: bool,
	/// Bits two content codes may differ in to count as similar.
	pub similar_distance: u32,
}

impl Options {
	/// Defaults for `collection`: batches of the runtime's `MaxBatchSize`, [`DEFAULT_IN_FLIGHT`]
	/// of them in flight, two minutes per batch.
	pub fn new(collection: CollectionId) -> Self {
		Self {
			collection,
			batch_size: None,
			in_flight: DEFAULT_IN_FLIGHT,
			draft: false,
			batch_timeout: Duration::from_secs(120),
			pending_timeout: Duration::from_secs(60),
			max_rate: None,
			allow_similar: false,
			similar_distance: crate::similar::DEFAULT_DISTANCE,
		}
	}
}

/// Why an import cannot start, or had to stop.
#[derive(Debug)]
pub enum ImportError {
	/// The manifest disagrees with itself or with the chain.
	Invalid(Invalid),
	/// The collection does not exist.
	UnknownCollection(CollectionId),
	/// The signer may not mint in the collection.
	NotIssuer {
		collection: CollectionId,
		account: AccountId32,
	},
	/// The collection has no room for the rows.
	SupplyExceeded {
		collection: CollectionId,
		room: u32,
		needed: usize,
	},
	/// Rows whose content is similar to registered ones, by place in the manifest, and the
	/// import was not told to allow them.
	Similar(Vec<(String, Vec<SimilarContent>)>),
	/// Talking to the chain failed.
	Chain(Error),
}

impl fmt::Display for ImportError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ImportError::Invalid(invalid) => write!(f, "{invalid}"),
			ImportError::UnknownCollection(collection) => {
				write!(f, "collection {collection} does not exist")
			}
			ImportError::NotIssuer {
				collection,
				account,
			} => write!(
				f,
				"{account} is not an issuer of collection {collection}; only its issuers mint in it"
			),
			ImportError::SupplyExceeded {
				collection,
				room,
				needed,
			} => write!(
				f,
				"collection {collection} has room for {room} more items, and the manifest \
				 needs {needed}; nothing was submitted"
			),
			ImportError::Similar(rows) => {
				write!(
					f,
					"{} row{} of the manifest {} similar to registered content; nothing was \
					 submitted. Check them, then run again with --allow-similar to register \
					 them anyway:",
					rows.len(),
					if rows.len() == 1 { "" } else { "s" },
					if rows.len() == 1 { "is" } else { "are" }
				)?;
				for (place, found) in rows.iter().take(20) {
					for line in found.iter().flat_map(crate::similar::describe) {
						write!(f, "\n  {place}: like {line}")?;
					}
				}
				if rows.len() > 20 {
					write!(f, "\n  … and {} more rows", rows.len() - 20)?;
				}
				Ok(())
			}
			ImportError::Chain(error) => write!(f, "{error}"),
		}
	}
}

impl std::error::Error for ImportError {}

impl From<Error> for ImportError {
	fn from(error: Error) -> Self {
		ImportError::Chain(error)
	}
}

/// What the chain already holds of a manifest, and what is left to mint.
#[derive(Debug, Clone)]
pub struct Plan {
	/// The collection, as read at the start.
	pub collection: CollectionInfo,
	/// The runtime's bounds.
	pub limits: Limits,
	/// Indices (into the rows) of the rows to mint, in manifest order.
	pub to_mint: Vec<usize>,
	/// Indices of rows the chain already holds, with their items.
	pub registered: HashMap<usize, ItemId>,
	/// Rows per batch: as asked, unless a block cannot hold so many.
	pub batch_size: u32,
	/// Rows to mint whose content is similar to registered content, with what it is like.
	pub similar: HashMap<usize, Vec<SimilarContent>>,
	/// Rows to mint whose file has no content code, with the reason.
	pub without_code: usize,
}

/// What became of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
	/// Minted by this run as this item.
	Minted(ItemId),
	/// The chain held it already, as this item.
	AlreadyRegistered(ItemId),
	/// Not registered, and why.
	Failed(String),
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowResult {
	/// The row's number in the manifest, from 1.
	pub row: usize,
	pub serial: u32,
	pub content: H256,
	pub outcome: Outcome,
	/// Registered contents similar to the row's, in a few words (empty if none).
	pub similar: String,
}

impl RowResult {
	/// The outcome in words, as the report writes it.
	pub fn result_text(&self) -> String {
		match &self.outcome {
			Outcome::Minted(item) => format!("item {item}"),
			Outcome::AlreadyRegistered(item) => {
				format!("skipped: already registered as item {item}")
			}
			Outcome::Failed(reason) => format!("error: {reason}"),
		}
	}
}

/// Checks the rows against the chain and finds what is left to mint. Submits nothing.
pub async fn plan(
	client: &RegistryClient,
	signer: &Ed25519Signer,
	rows: &[Row],
	options: &Options,
) -> Result<Plan, ImportError> {
	let limits = client.collectibles_limits().await?;
	manifest::check_limits(rows, &limits).map_err(ImportError::Invalid)?;
	let collection = client
		.collection(options.collection)
		.await?
		.ok_or(ImportError::UnknownCollection(options.collection))?;
	let account = signer.account_id();
	if !collection.issuers.contains(&account) {
		return Err(ImportError::NotIssuer {
			collection: options.collection,
			account,
		});
	}
	wait_for_pending(client, &account, options.pending_timeout).await?;

	let items = client.collection_items(options.collection).await?;
	let by_serial: HashMap<u32, (ItemId, H256)> = items
		.iter()
		.map(|i| (i.serial, (i.item, i.content)))
		.collect();
	let by_content: HashMap<H256, (ItemId, u32)> = items
		.iter()
		.map(|i| (i.content, (i.item, i.serial)))
		.collect();
	let mut problems = Vec::new();
	let mut to_mint = Vec::new();
	let mut registered = HashMap::new();
	for (index, row) in rows.iter().enumerate() {
		let conflict = |message: String| Problem {
			row: Some(row.row),
			line: row.line,
			message,
		};
		match (by_serial.get(&row.serial), by_content.get(&row.content)) {
			(Some((item, content)), _) if *content == row.content => {
				registered.insert(index, *item);
			}
			(Some((item, content)), _) => problems.push(conflict(format!(
				"serial {} is already item {item} of collection {}, with content {content:?}",
				row.serial, options.collection
			))),
			(None, Some((item, serial))) => problems.push(conflict(format!(
				"content {:?} is already item {item} of collection {}, with serial {serial}",
				row.content, options.collection
			))),
			(None, None) => to_mint.push(index),
		}
	}

	// Few distinct owners in practice: one read each.
	let owners: BTreeSet<[u8; 32]> = rows
		.iter()
		.filter_map(|r| r.owner.as_ref())
		.map(|a| a.0)
		.collect();
	for owner in owners.into_iter().map(AccountId32) {
		let owner = &owner;
		let active = matches!(
			client.member(owner).await?,
			Some(record) if record.status == crate::members::MemberStatus::Active
		);
		if !active {
			let first = rows
				.iter()
				.find(|r| r.owner.as_ref() == Some(owner))
				.map(Row::place)
				.unwrap_or_default();
			problems.push(Problem {
				row: None,
				line: None,
				message: format!(
					"owner {owner} (first on {first}) is not an active member; every holder must be one"
				),
			});
		}
	}
	if !problems.is_empty() {
		return Err(ImportError::Invalid(Invalid { problems }));
	}

	let similar = similar_rows(client, rows, &to_mint, options.similar_distance).await?;
	if !similar.is_empty() && !options.allow_similar {
		let mut listed: Vec<(usize, Vec<SimilarContent>)> = similar.into_iter().collect();
		listed.sort_by_key(|(index, _)| *index);
		return Err(ImportError::Similar(
			listed
				.into_iter()
				.map(|(index, found)| (rows[index].place(), found))
				.collect(),
		));
	}
	let without_code = to_mint
		.iter()
		.filter(|index| rows[**index].no_content_code.is_some())
		.count();

	let room = collection.max_supply.saturating_sub(collection.minted);
	if to_mint.len() > room as usize {
		return Err(ImportError::SupplyExceeded {
			collection: options.collection,
			room,
			needed: to_mint.len(),
		});
	}
	let wanted = options
		.batch_size
		.unwrap_or(limits.max_batch_size)
		.min(limits.max_batch_size)
		.min(to_mint.len() as u32)
		.max(1);
	let batch_size = fitting_batch_size(client, signer, rows, &to_mint, wanted, options).await?;
	Ok(Plan {
		collection,
		limits,
		to_mint,
		registered,
		batch_size,
		similar,
		without_code,
	})
}

/// Queries in flight at once while looking for similar content.
const SIMILAR_QUERIES: usize = 8;

/// The rows to mint whose content code lies near a registered content's.
async fn similar_rows(
	client: &RegistryClient,
	rows: &[Row],
	to_mint: &[usize],
	max_distance: u32,
) -> Result<HashMap<usize, Vec<SimilarContent>>, Error> {
	use futures::{StreamExt, TryStreamExt};
	let coded = to_mint.iter().filter_map(|index| {
		let row = &rows[*index];
		row.content_code
			.as_ref()
			.map(|code| (*index, code, row.content))
	});
	futures::stream::iter(coded)
		.map(|(index, code, content)| async move {
			let found = client.similar_to(code, max_distance, content).await?;
			Ok::<_, Error>((index, found))
		})
		.buffer_unordered(SIMILAR_QUERIES)
		.try_filter(|(_, found)| futures::future::ready(!found.is_empty()))
		.try_collect()
		.await
}

/// The largest batch of at most `wanted` rows that a block can hold.
///
/// The pool refuses a transaction that needs more weight than a whole block has, so such a
/// batch could never be minted. The runtime is asked about signed batches of the first rows
/// (nothing is submitted), halving the size until one fits.
async fn fitting_batch_size(
	client: &RegistryClient,
	signer: &Ed25519Signer,
	rows: &[Row],
	to_mint: &[usize],
	wanted: u32,
	options: &Options,
) -> Result<u32, Error> {
	if to_mint.is_empty() {
		return Ok(wanted);
	}
	let account = signer.account_id();
	let nonce = client.next_nonce(&account).await?;
	let fits = |size: u32| {
		let requests = to_mint[..size as usize]
			.iter()
			.map(|i| rows[*i].request(&account))
			.collect();
		let call = crate::runtime::tx().collectibles().mint_batch(
			options.collection,
			requests,
			options.draft,
		);
		async move {
			let encoded = client.sign_with_nonce(&call, signer, nonce).await?;
			match client.validate_encoded(encoded).await {
				Ok(()) => Ok(true),
				Err(Error::Rejected(Rejection::ExhaustsResources)) => Ok(false),
				Err(other) => Err(other),
			}
		}
	};
	if fits(wanted).await? {
		return Ok(wanted);
	}
	// `fitting` fits (or is zero), `too_big` does not.
	let (mut fitting, mut too_big) = (0, wanted);
	while too_big - fitting > 1 {
		let middle = fitting + (too_big - fitting) / 2;
		if fits(middle).await? {
			fitting = middle;
		} else {
			too_big = middle;
		}
	}
	if fitting == 0 {
		return Err(Error::Rejected(Rejection::ExhaustsResources));
	}
	Ok(fitting)
}

/// Waits until the pool holds no transaction of `account` that the finalized head has not
/// counted, so that what the chain shows is all an earlier run will ever have done. Gives up
/// quietly after `timeout`: the pallet still refuses anything registered twice.
async fn wait_for_pending(
	client: &RegistryClient,
	account: &AccountId32,
	timeout: Duration,
) -> Result<(), Error> {
	let deadline = tokio::time::Instant::now() + timeout;
	loop {
		let in_pool = client.next_nonce(account).await?;
		let finalized: u32 = client
			.call_api(
				crate::runtime::runtime_apis()
					.account_nonce_api()
					.account_nonce(account.clone()),
			)
			.await?;
		if in_pool <= u64::from(finalized) || tokio::time::Instant::now() >= deadline {
			return Ok(());
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Whether an error stops the whole import: every later batch would fail the same way.
fn is_fatal(error: &Error) -> bool {
	match error {
		Error::Connection { .. } => true,
		Error::Rejected(rejection) => matches!(
			rejection,
			Rejection::NotAMember
				| Rejection::Suspended
				| Rejection::RateLimited
				| Rejection::BadSignature
		),
		Error::Dispatch { error, .. } => matches!(
			error.as_str(),
			"NotInstitution" | "NotIssuer" | "UnknownCollection" | "SupplyExceeded"
		),
		_ => false,
	}
}

/// Mints what `plan` left to mint, then reads the collection back and tells what became of
/// every row. `progress` is called with the number of rows of each batch once it is final.
///
/// Batches that fail are checked against the chain and their missing rows submitted once
/// more. An error that would fail every batch (the signer suspended, the node gone) stops the
/// import; rows it left out are reported as failed, and a rerun resumes them.
pub async fn run(
	client: &RegistryClient,
	signer: &Ed25519Signer,
	rows: &[Row],
	plan: &Plan,
	options: &Options,
	progress: impl Fn(u64),
) -> Result<Finished, ImportError> {
	let batch_size = plan.batch_size.max(1) as usize;
	let mut failures: HashMap<usize, String> = HashMap::new();
	let mut fatal = None;
	let mut batch_latencies = Vec::new();
	let mut pending = plan.to_mint.clone();
	for attempt in 0..2 {
		if pending.is_empty() {
			break;
		}
		if attempt > 0 {
			// Whatever the first round left in the pool must settle before the chain is asked.
			wait_for_pending(client, &signer.account_id(), options.pending_timeout).await?;
			let held = held_serials(client, options.collection).await?;
			pending.retain(|index| !held.contains_key(&rows[*index].serial));
		}
		let batches: Vec<Vec<usize>> = pending.chunks(batch_size).map(<[usize]>::to_vec).collect();
		let round = submit_round(client, signer, rows, &batches, options, &progress).await?;
		batch_latencies.extend(round.latencies);
		pending = Vec::new();
		let subject = Subject::collection(options.collection).signed_by(signer.account_id());
		for (batch, error) in round.failed {
			let reason = explain::sentence(&error, &subject);
			for index in &batches[batch] {
				failures.insert(*index, reason.clone());
				pending.push(*index);
			}
		}
		for index in round.unsent {
			failures.insert(
				index,
				"not submitted: the import stopped before this row".into(),
			);
		}
		if round.fatal.is_some() {
			fatal = round.fatal;
			break;
		}
		pending.sort_unstable();
	}

	let held = held_serials(client, options.collection).await?;
	let results = rows
		.iter()
		.enumerate()
		.map(|(index, row)| {
			let outcome = match held.get(&row.serial) {
				Some((item, content)) if *content == row.content => {
					if plan.registered.contains_key(&index) {
						Outcome::AlreadyRegistered(*item)
					} else {
						Outcome::Minted(*item)
					}
				}
				Some((item, content)) => Outcome::Failed(format!(
					"serial {} is item {item} with content {content:?}",
					row.serial
				)),
				None => Outcome::Failed(
					failures
						.get(&index)
						.cloned()
						.unwrap_or_else(|| "not registered".into()),
				),
			};
			RowResult {
				row: row.row,
				serial: row.serial,
				content: row.content,
				outcome,
				similar: plan
					.similar
					.get(&index)
					.map(|found| crate::similar::summary(found))
					.unwrap_or_default(),
			}
		})
		.collect();
	Ok(Finished {
		results,
		fatal,
		batch_latencies,
	})
}

async fn held_serials(
	client: &RegistryClient,
	collection: CollectionId,
) -> Result<HashMap<u32, (ItemId, H256)>, Error> {
	Ok(client
		.collection_items(collection)
		.await?
		.into_iter()
		.map(|i| (i.serial, (i.item, i.content)))
		.collect())
}

/// What an import did.
#[derive(Debug)]
pub struct Finished {
	/// Every row's outcome, in manifest order.
	pub results: Vec<RowResult>,
	/// The error that stopped the import early, if one did.
	pub fatal: Option<Error>,
	/// Each finalized batch's time from submission to finality, in the order they finalized.
	pub batch_latencies: Vec<Duration>,
}

struct Round {
	/// Batches that failed, by index, with their errors.
	failed: Vec<(usize, Error)>,
	/// Submission to finality of each batch that finalized.
	latencies: Vec<Duration>,
	/// Rows never submitted because a fatal error stopped the round.
	unsent: Vec<usize>,
	fatal: Option<Error>,
}

/// Signs `batches` with consecutive nonces and keeps up to `in_flight` of them between
/// submission and finality.
async fn submit_round(
	client: &RegistryClient,
	signer: &Ed25519Signer,
	rows: &[Row],
	batches: &[Vec<usize>],
	options: &Options,
	progress: &impl Fn(u64),
) -> Result<Round, Error> {
	let account = signer.account_id();
	let first_nonce = client.next_nonce(&account).await?;
	let mut running = tokio::task::JoinSet::new();
	let mut round = Round {
		failed: Vec::new(),
		latencies: Vec::new(),
		unsent: Vec::new(),
		fatal: None,
	};
	let settle = |done: Result<(usize, Result<(), Error>, Duration), tokio::task::JoinError>,
	              round: &mut Round| {
		let (batch, result, latency) = match done {
			Ok(done) => done,
			// A task only ends this way if it panicked: report it, do not hide it.
			Err(e) => std::panic::resume_unwind(e.into_panic()),
		};
		match result {
			Ok(()) => {
				round.latencies.push(latency);
				progress(batches[batch].len() as u64)
			}
			Err(error) => {
				if is_fatal(&error) && round.fatal.is_none() {
					round.fatal = Some(clone_error(&error));
				}
				round.failed.push((batch, error));
			}
		}
	};
	let started = tokio::time::Instant::now();
	let mut submitted = 0usize;
	for (number, batch) in batches.iter().enumerate() {
		if let Some(rate) = options.max_rate.filter(|rate| *rate > 0.0) {
			// Paced: the batch leaves when the rows before it have had their share of time.
			let due = started + Duration::from_secs_f64(submitted as f64 / rate);
			tokio::time::sleep_until(due).await;
		}
		submitted += batch.len();
		while running.len() >= options.in_flight.max(1) {
			if let Some(done) = running.join_next().await {
				settle(done, &mut round);
			}
		}
		if round.fatal.is_some() {
			round
				.unsent
				.extend(batches[number..].iter().flatten().copied());
			break;
		}
		let requests = batch.iter().map(|i| rows[*i].request(&account)).collect();
		let call = crate::runtime::tx().collectibles().mint_batch(
			options.collection,
			requests,
			options.draft,
		);
		let encoded = client
			.sign_with_nonce(&call, signer, first_nonce + number as u64)
			.await?;
		let client = client.clone();
		let timeout = options.batch_timeout;
		running.spawn(async move {
			let sent = std::time::Instant::now();
			let result = match tokio::time::timeout(timeout, client.submit_encoded(encoded)).await {
				Ok(Ok(_)) => Ok(()),
				Ok(Err(e)) => Err(e),
				Err(_) => Err(Error::Rejected(Rejection::Other(format!(
					"the batch was not final within {} s",
					timeout.as_secs()
				)))),
			};
			(number, result, sent.elapsed())
		});
	}
	if round.fatal.is_some() {
		// The rest would only wait for their timeouts; the chain tells later what landed.
		running.abort_all();
	}
	while let Some(done) = running.join_next().await {
		match done {
			Err(e) if e.is_cancelled() => {}
			done => settle(done, &mut round),
		}
	}
	Ok(round)
}

/// A copy of an error for the summary; the original stays with its batch.
fn clone_error(error: &Error) -> Error {
	match error {
		Error::Connection { url, reason } => Error::Connection {
			url: url.clone(),
			reason: reason.clone(),
		},
		Error::Rejected(rejection) => Error::Rejected(rejection.clone()),
		Error::Dispatch {
			pallet,
			error,
			docs,
			block_hash,
		} => Error::Dispatch {
			pallet: pallet.clone(),
			error: error.clone(),
			docs: docs.clone(),
			block_hash: block_hash.clone(),
		},
		other => Error::Metadata(other.to_string()),
	}
}

/// Writes the report: a CSV file with a header and one line per row, in manifest order:
/// `row,serial,content_sha256,result`, the result being `item N`, `skipped: already
/// registered as item N` or `error: …`.
pub fn write_report(path: &Path, results: &[RowResult]) -> Result<(), Error> {
	let io = |source| Error::Io {
		path: path.display().to_string(),
		source,
	};
	let mut writer = csv::Writer::from_path(path).map_err(|e| io(e.into()))?;
	writer
		.write_record(["row", "serial", "content_sha256", "result", "similar_to"])
		.map_err(|e| io(e.into()))?;
	for result in results {
		writer
			.write_record([
				result.row.to_string(),
				result.serial.to_string(),
				hex::encode(result.content.0),
				result.result_text(),
				result.similar.clone(),
			])
			.map_err(|e| io(e.into()))?;
	}
	writer.flush().map_err(io)
}
