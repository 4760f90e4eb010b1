//! The regulator's warehouse: the audit log, and the collectibles, works, units, licences and
//! alerts its records are about, mirrored from a node into PostgreSQL.
//!
//! [`Warehouse::open`] connects, refuses a database of another chain or of a newer schema
//! before writing anything, and applies the schema's migrations ([`schema`]).
//! [`Warehouse::sync`] then takes the log in batches from where it stopped. Each batch is
//! verified before it is written ([`verify_stretch`]): its records link by hash to the last
//! one stored, and its last record is the chain's own, read by a storage proof from the state
//! of a block that GRANDPA finalized. The batch, the current state of what it names and the
//! cursor are written in one SQL transaction, so a crash leaves neither half a batch nor a
//! gap, and the next run goes on from the cursor.
//!
//! The records are proven; the current-state tables (`items`, `works`, ...) are the node's
//! answers at its finalized head, refreshed whenever a record names them.

mod mirror;
pub mod schema;

use std::time::{Duration, Instant};

use registry_rpc_types::{hex0x, AuditRecord, Subject};
use registry_verify::{
	certificate::TrustedAuthorities,
	export::{verify_stretch, StretchVerified},
	keys,
};
use tokio_postgres::{Client, Config, NoTls, Transaction};

use crate::{AuditRpcClient, Error, RegistryClient};

/// Records in one batch (and one SQL transaction), at most: the node's page size.
pub const MAX_BATCH: u32 = 1000;

/// How long a round reads at one finalized block by default: far less than the state a node
/// keeps (256 blocks, over eight minutes at the development chain's two-second blocks).
pub const ANCHOR_FOR: Duration = Duration::from_secs(30);

/// The advisory lock a sync holds on its database, so that two never interleave.
const LOCK_KEY: i64 = 0x7265_6769_7374_7279; // "registry"

/// Why a sync stopped.
#[derive(Debug, thiserror::Error)]
pub enum WarehouseError {
	/// The database URL does not parse.
	#[error("{0}")]
	Url(String),
	/// The database could not be reached, or an SQL statement failed.
	#[error("{0}")]
	Database(String),
	/// The database is not one this sync may write: of another chain, of a newer schema, or
	/// in use by another sync.
	#[error("{0}")]
	Refused(String),
	/// The node's records do not verify: nothing of the batch was written.
	#[error("{0}")]
	Verify(String),
	/// The node failed to answer.
	#[error(transparent)]
	Node(#[from] Error),
}

/// Where the warehouse stands: the next record to take and the last one taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
	pub next_seq: u64,
	/// The last record's hash; zero before the first.
	pub last_hash: String,
	pub last_block: u32,
	/// The finalized block whose state proved the last batch.
	pub proven_block: u32,
}

/// How to sync.
#[derive(Debug, Clone)]
pub struct SyncOptions {
	/// Records per batch, 1 to [`MAX_BATCH`].
	pub batch: u32,
	/// The consortium's GRANDPA keys, which the proofs must be signed by; without them a
	/// proof is checked against the set the node names.
	pub trusted: Option<TrustedAuthorities>,
	/// How long a round reads at one finalized block before it moves to a newer one. Nodes
	/// keep the state of recent blocks only (256 by default): a long catch-up read at the
	/// block it started from would find that state discarded.
	pub anchor_for: Duration,
}

impl Default for SyncOptions {
	fn default() -> Self {
		Self {
			batch: MAX_BATCH,
			trusted: None,
			anchor_for: ANCHOR_FOR,
		}
	}
}

/// A batch written.
#[derive(Debug, Clone)]
pub struct Batch {
	pub records: usize,
	pub cursor: Cursor,
	/// The finalized block whose state proved it.
	pub proven_block: u32,
	/// The newest record's timestamp, milliseconds since the Unix epoch.
	pub newest_timestamp: Option<u64>,
}

/// A sync up to a proven head.
#[derive(Debug, Clone)]
pub struct Round {
	/// Records written.
	pub records: u64,
	/// Batches written.
	pub batches: u64,
	/// The finalized block the round reached: the log's head there is the cursor.
	pub proven_block: u32,
	pub elapsed: Duration,
}

/// A PostgreSQL database that holds (part of) a chain's audit log.
pub struct Warehouse {
	db: Client,
	/// The database, as `user@host:port/name`, without the password.
	place: String,
	cursor: Cursor,
	connection: tokio::task::JoinHandle<()>,
}

impl Drop for Warehouse {
	fn drop(&mut self) {
		self.connection.abort();
	}
}

impl Warehouse {
	/// Connects to the database at `url` for the chain of `node`: refuses, writing nothing,
	/// a database whose schema is newer than this crate's or that holds another chain's log;
	/// then applies the missing migrations and reads the cursor.
	pub async fn open(url: &str, node: &RegistryClient) -> Result<Self, WarehouseError> {
		let config: Config = url.parse().map_err(|e| {
			WarehouseError::Url(format!(
				"the database URL is not a PostgreSQL URL ({e}); write it as \
				 postgres://USER:PASSWORD@HOST:PORT/DATABASE"
			))
		})?;
		let place = describe(&config);
		let mut config = config;
		if config.get_connect_timeout().is_none() {
			config.connect_timeout(Duration::from_secs(10));
		}
		let (db, connection) = config.connect(NoTls).await.map_err(|e| {
			WarehouseError::Database(format!(
				"cannot connect to PostgreSQL at {place}: {}; check the URL, the user and \
				 password, and that the server is running",
				reason(&e)
			))
		})?;
		let connection = tokio::spawn(async move {
			let _ = connection.await;
		});
		let mut warehouse = Self {
			db,
			place,
			cursor: Cursor {
				next_seq: 0,
				last_hash: zero_hash(),
				last_block: 0,
				proven_block: 0,
			},
			connection,
		};

		let locked: bool = warehouse
			.query_one("SELECT pg_try_advisory_lock($1)", &[&LOCK_KEY])
			.await?
			.get(0);
		if !locked {
			return Err(WarehouseError::Refused(format!(
				"another `registry audit sync` is writing to {}; wait until it stops, or sync \
				 into another database",
				warehouse.place
			)));
		}

		let genesis = node
			.block_hash(0)
			.await?
			.map(|hash| hex0x(&hash.0))
			.ok_or_else(|| WarehouseError::Verify("the node has no genesis block".into()))?;
		let chain = node
			.rpc()
			.system_chain()
			.await
			.map_err(|e| node.connection(e))?;
		warehouse.check(&genesis, &chain, node.url()).await?;
		warehouse.migrate(&genesis, &chain).await?;
		warehouse.cursor = warehouse.read_cursor().await?;
		Ok(warehouse)
	}

	/// Where the warehouse stands.
	pub fn cursor(&self) -> &Cursor {
		&self.cursor
	}

	/// The database, as `user@host:port/name`.
	pub fn place(&self) -> &str {
		&self.place
	}

	/// The database connection, for reading what was synced.
	pub fn client(&self) -> &Client {
		&self.db
	}

	/// Refuses a newer schema and another chain's database, before anything is written.
	async fn check(&self, genesis: &str, chain: &str, url: &str) -> Result<(), WarehouseError> {
		let has = |table: &'static str| async move {
			let row = self
				.query_one("SELECT to_regclass($1) IS NOT NULL", &[&table])
				.await?;
			Ok::<bool, WarehouseError>(row.get(0))
		};
		if has("registry_schema").await? {
			let row = self
				.query_one("SELECT max(version) FROM registry_schema", &[])
				.await?;
			let version: Option<i32> = row.get(0);
			if let Some(version) = version.filter(|v| *v > schema::LATEST) {
				return Err(WarehouseError::Refused(format!(
					"the database {} has registry schema version {version}, newer than this \
					 registry's version {}: a newer registry wrote it. Sync with that one, or \
					 into another database",
					self.place,
					schema::LATEST
				)));
			}
		}
		if has("sync_state").await? {
			let rows = self
				.db
				.query("SELECT genesis_hash, chain FROM sync_state", &[])
				.await
				.map_err(|e| self.sql(e))?;
			if let Some(row) = rows.first() {
				let (their_genesis, their_chain): (String, String) = (row.get(0), row.get(1));
				if their_genesis != genesis {
					return Err(WarehouseError::Refused(format!(
						"the database {} holds the audit log of chain \"{their_chain}\" \
						 (genesis {their_genesis}), but the node at {url} is on chain \
						 \"{chain}\" (genesis {genesis}); sync into another database, or \
						 give --node a node of that chain",
						self.place
					)));
				}
			}
		}
		Ok(())
	}

	/// Applies the migrations the database lacks, and starts its cursor at record 0.
	async fn migrate(&mut self, genesis: &str, chain: &str) -> Result<(), WarehouseError> {
		let place = self.place.clone();
		let sql = |e: tokio_postgres::Error| sql_error(&place, e);
		let tx = self.db.transaction().await.map_err(sql)?;
		tx.batch_execute(schema::SCHEMA_TABLE).await.map_err(sql)?;
		let row = tx
			.query_one("SELECT coalesce(max(version), 0) FROM registry_schema", &[])
			.await
			.map_err(sql)?;
		let current: i32 = row.get(0);
		for migration in schema::MIGRATIONS.iter().filter(|m| m.version > current) {
			tx.batch_execute(migration.sql).await.map_err(|e| {
				WarehouseError::Database(format!(
					"migration {} ({}) failed in {place}: {}",
					migration.version,
					migration.name,
					reason(&e)
				))
			})?;
			tx.execute(
				"INSERT INTO registry_schema (version, name) VALUES ($1, $2)",
				&[&migration.version, &migration.name],
			)
			.await
			.map_err(sql)?;
		}
		tx.execute(
			"INSERT INTO sync_state (genesis_hash, chain, next_seq, last_hash, last_block, \
			 proven_block, proven_block_hash) VALUES ($1, $2, 0, $3, 0, 0, '') \
			 ON CONFLICT (only_row) DO NOTHING",
			&[&genesis, &chain, &zero_hash()],
		)
		.await
		.map_err(sql)?;
		tx.commit().await.map_err(sql)
	}

	async fn read_cursor(&self) -> Result<Cursor, WarehouseError> {
		let row = self
			.query_one(
				"SELECT next_seq, last_hash, last_block, proven_block FROM sync_state",
				&[],
			)
			.await?;
		Ok(Cursor {
			next_seq: u64::try_from(row.get::<_, i64>(0)).unwrap_or_default(),
			last_hash: row.get(1),
			last_block: u32::try_from(row.get::<_, i64>(2)).unwrap_or_default(),
			proven_block: u32::try_from(row.get::<_, i64>(3)).unwrap_or_default(),
		})
	}

	/// Takes every record up to the newest block with a GRANDPA justification, batch by
	/// batch, each verified and then written with the cursor in one SQL transaction;
	/// `on_batch` hears of each. Ends with the cursor at the log's head as that block's state
	/// proves it.
	pub async fn sync(
		&mut self,
		node: &RegistryClient,
		options: &SyncOptions,
		mut on_batch: impl FnMut(&Batch),
	) -> Result<Round, WarehouseError> {
		let started = Instant::now();
		let batch = options.batch.clamp(1, MAX_BATCH);
		let mut justified = node.newest_justified().await?;
		let mut anchored = Instant::now();
		let (mut records, mut batches) = (0u64, 0u64);
		loop {
			// Records up to the old block are records up to the new one: the pages go on
			// from the cursor, read and proven at the newer state.
			if anchored.elapsed() >= options.anchor_for {
				justified = node.newest_justified().await?;
				anchored = Instant::now();
			}
			let at = justified.header.number;
			let page = node
				.node()
				.audit_export(0, at, Some(self.cursor.next_seq), Some(batch))
				.await
				.map_err(Error::from)?;
			// Each batch proves its last record, and the log's head to see where it ends.
			let mut wanted = vec![keys::audit_head()];
			if let Some(last) = page.records.last() {
				wanted.push(keys::audit_record(last.seq));
			}
			let proof = node
				.prove_at(&justified, &wanted)
				.await?
				.proof(&justified, Vec::new());
			let verified = verify_stretch(
				&page.records,
				self.cursor.next_seq,
				&self.cursor.last_hash,
				&proof,
				options.trusted.as_ref(),
			)
			.map_err(|e| {
				WarehouseError::Verify(format!(
					"the node's records from record {} do not verify, so none of them was \
					 written: {e}",
					self.cursor.next_seq
				))
			})?;
			if !page.records.is_empty() {
				self.write(node, &page.records, &verified).await?;
				records += page.records.len() as u64;
				batches += 1;
				on_batch(&Batch {
					records: page.records.len(),
					cursor: self.cursor.clone(),
					proven_block: at,
					newest_timestamp: page.records.last().map(|r| r.timestamp),
				});
			}
			if page.next_cursor.is_none() || page.records.is_empty() {
				self.check_head(&verified)?;
				break;
			}
		}
		mirror::alerts(self, node).await?;
		Ok(Round {
			records,
			batches,
			proven_block: justified.header.number,
			elapsed: started.elapsed(),
		})
	}

	/// At the end of a round the cursor must be the proven head: a node that withholds the
	/// newest records is caught here.
	fn check_head(&self, verified: &StretchVerified) -> Result<(), WarehouseError> {
		let Some((next_seq, last_hash)) = &verified.head else {
			return Err(WarehouseError::Verify(
				"the node's proof does not hold the log's head".into(),
			));
		};
		if *next_seq != self.cursor.next_seq || *last_hash != self.cursor.last_hash {
			return Err(WarehouseError::Verify(format!(
				"at block #{} the chain's log holds {next_seq} records ending at {last_hash}, \
				 but the node's export ended at record {} ({}): it withheld records",
				verified.block_number, self.cursor.next_seq, self.cursor.last_hash
			)));
		}
		Ok(())
	}

	/// Writes a verified batch, the current state of what it names, and the cursor, in one
	/// SQL transaction.
	async fn write(
		&mut self,
		node: &RegistryClient,
		records: &[AuditRecord],
		verified: &StretchVerified,
	) -> Result<(), WarehouseError> {
		let place = self.place.clone();
		let sql = |e: tokio_postgres::Error| sql_error(&place, e);
		let previous = self.cursor.next_seq;
		let last_block = records.last().map_or(self.cursor.last_block, |r| r.block);
		let tx = self.db.transaction().await.map_err(sql)?;
		insert_records(&tx, records).await.map_err(sql)?;
		mirror::refresh(&tx, node, records, verified.block_number)
			.await
			.map_err(|e| match e {
				mirror::Failure::Sql(e) => sql(e),
				mirror::Failure::Node(e) => WarehouseError::Node(e),
			})?;
		let moved = tx
			.execute(
				"UPDATE sync_state SET next_seq = $1, last_hash = $2, last_block = $3, \
				 proven_block = $4, proven_block_hash = $5, updated_at = now() \
				 WHERE next_seq = $6",
				&[
					&to_i64(verified.next_seq),
					&verified.last_hash,
					&i64::from(last_block),
					&i64::from(verified.block_number),
					&hex0x(&verified.block_hash),
					&to_i64(previous),
				],
			)
			.await
			.map_err(sql)?;
		if moved != 1 {
			return Err(WarehouseError::Refused(format!(
				"the cursor in {place} moved while this sync wrote: another writer changed \
				 sync_state; nothing of this batch was written"
			)));
		}
		tx.commit().await.map_err(sql)?;
		self.cursor = Cursor {
			next_seq: verified.next_seq,
			last_hash: verified.last_hash.clone(),
			last_block,
			proven_block: verified.block_number,
		};
		Ok(())
	}

	async fn query_one(
		&self,
		statement: &str,
		params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
	) -> Result<tokio_postgres::Row, WarehouseError> {
		self.db
			.query_one(statement, params)
			.await
			.map_err(|e| self.sql(e))
	}

	fn sql(&self, e: tokio_postgres::Error) -> WarehouseError {
		sql_error(&self.place, e)
	}
}

/// Inserts records with one statement: each column as an array.
async fn insert_records(
	tx: &Transaction<'_>,
	records: &[AuditRecord],
) -> Result<u64, tokio_postgres::Error> {
	let mut columns = RecordColumns::default();
	for record in records {
		columns.push(record);
	}
	let c = &columns;
	tx.execute(
		"INSERT INTO audit_records (seq, block, time, timestamp_ms, extrinsic, kind, subject, \
		 subject_type, collection_id, item_id, work_id, unit_id, licence_id, alert_id, \
		 from_account, to_account, authorized_by, reason, evidence, detail, prev_hash, hash, \
		 encoded) \
		 SELECT seq, block, to_timestamp(ms / 1000.0), ms, extrinsic, kind, subject, \
		 subject_type, collection_id, item_id, work_id, unit_id, licence_id, alert_id, \
		 from_account, to_account, authorized_by, reason, evidence, detail::jsonb, prev_hash, \
		 hash, encoded \
		 FROM UNNEST($1::bigint[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[], \
		 $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], \
		 $12::bigint[], $13::bigint[], $14::text[], $15::text[], $16::text[], $17::integer[], \
		 $18::text[], $19::text[], $20::text[], $21::text[], $22::bytea[]) \
		 AS t(seq, block, ms, extrinsic, kind, subject, subject_type, collection_id, item_id, \
		 work_id, unit_id, licence_id, alert_id, from_account, to_account, authorized_by, \
		 reason, evidence, detail, prev_hash, hash, encoded)",
		&[
			&c.seq,
			&c.block,
			&c.ms,
			&c.extrinsic,
			&c.kind,
			&c.subject,
			&c.subject_type,
			&c.collection,
			&c.item,
			&c.work,
			&c.unit,
			&c.licence,
			&c.alert,
			&c.from,
			&c.to,
			&c.authorized_by,
			&c.reason,
			&c.evidence,
			&c.detail,
			&c.prev_hash,
			&c.hash,
			&c.encoded,
		],
	)
	.await
}

/// A batch of records, column by column.
#[derive(Default)]
struct RecordColumns {
	seq: Vec<i64>,
	block: Vec<i64>,
	ms: Vec<i64>,
	extrinsic: Vec<Option<i32>>,
	kind: Vec<String>,
	subject: Vec<String>,
	subject_type: Vec<String>,
	collection: Vec<Option<i64>>,
	item: Vec<Option<i64>>,
	work: Vec<Option<i64>>,
	unit: Vec<Option<i64>>,
	licence: Vec<Option<i64>>,
	alert: Vec<Option<i64>>,
	from: Vec<Option<String>>,
	to: Vec<Option<String>>,
	authorized_by: Vec<String>,
	reason: Vec<i32>,
	evidence: Vec<Option<String>>,
	detail: Vec<String>,
	prev_hash: Vec<String>,
	hash: Vec<String>,
	encoded: Vec<Vec<u8>>,
}

impl RecordColumns {
	fn push(&mut self, record: &AuditRecord) {
		let (mut collection, mut item, mut work, mut unit, mut licence, mut alert) =
			(None, None, None, None, None, None);
		match record.subject {
			Subject::Collection { collection: c } => collection = Some(i64::from(c)),
			Subject::Item {
				collection: c,
				item: i,
			} => (collection, item) = (Some(i64::from(c)), Some(i64::from(i))),
			Subject::Work { work: w } => work = Some(to_i64(w)),
			Subject::RightsUnit { unit: u } => unit = Some(to_i64(u)),
			Subject::Licence { licence: l } => licence = Some(to_i64(l)),
			Subject::Alert { alert: a } => alert = Some(to_i64(a)),
			Subject::Members
			| Subject::Validators
			| Subject::Nodes
			| Subject::Council
			| Subject::Chain
			| Subject::AuditRules => {}
		}
		let subject_json = serde_json::to_value(record.subject).unwrap_or_default();
		self.seq.push(to_i64(record.seq));
		self.block.push(i64::from(record.block));
		self.ms.push(to_i64(record.timestamp));
		self.extrinsic.push(
			record
				.extrinsic
				.map(|x| i32::try_from(x).unwrap_or(i32::MAX)),
		);
		self.kind.push(record.kind.clone());
		self.subject.push(record.subject.to_string());
		self.subject_type.push(
			subject_json
				.get("type")
				.and_then(|t| t.as_str())
				.unwrap_or_default()
				.to_string(),
		);
		self.collection.push(collection);
		self.item.push(item);
		self.work.push(work);
		self.unit.push(unit);
		self.licence.push(licence);
		self.alert.push(alert);
		self.from.push(record.from.clone());
		self.to.push(record.to.clone());
		self.authorized_by.push(record.authorized_by.clone());
		self.reason.push(i32::from(record.reason));
		self.evidence.push(record.evidence.clone());
		self.detail
			.push(serde_json::to_string(&record.detail).unwrap_or_else(|_| "null".into()));
		self.prev_hash.push(record.prev_hash.to_lowercase());
		self.hash.push(record.hash.to_lowercase());
		self.encoded
			.push(registry_rpc_types::unhex(&record.encoded).unwrap_or_default());
	}
}

/// A number the chain counts in `u64`, as PostgreSQL's `bigint`; the chain never reaches
/// `i64::MAX`.
fn to_i64(n: u64) -> i64 {
	i64::try_from(n).unwrap_or(i64::MAX)
}

fn zero_hash() -> String {
	hex0x(&[0u8; 32])
}

/// `user@host:port/database`, without the password, for messages.
fn describe(config: &Config) -> String {
	use tokio_postgres::config::Host;
	let host = match config.get_hosts().first() {
		Some(Host::Tcp(host)) => host.clone(),
		Some(Host::Unix(path)) => path.display().to_string(),
		None => "localhost".into(),
	};
	let port = config.get_ports().first().copied().unwrap_or(5432);
	let user = config.get_user().unwrap_or("(default user)");
	let database = config.get_dbname().unwrap_or(user);
	format!("{user}@{host}:{port}/{database}")
}

/// The server's own sentence when it gave one, else the driver's.
fn reason(e: &tokio_postgres::Error) -> String {
	match e.as_db_error() {
		Some(db) => db.message().to_string(),
		None => {
			let mut text = e.to_string();
			let mut source = std::error::Error::source(e);
			while let Some(inner) = source {
				text = format!("{text}: {inner}");
				source = inner.source();
			}
			text
		}
	}
}

fn sql_error(place: &str, e: tokio_postgres::Error) -> WarehouseError {
	WarehouseError::Database(format!("PostgreSQL at {place}: {}", reason(&e)))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_database_is_named_without_its_password() {
		let config: Config = "postgres://regulator:secret@127.0.0.1:5433/audit"
			.parse()
			.unwrap();
		let place = describe(&config);
		assert_eq!(place, "regulator@127.0.0.1:5433/audit");
		assert!(!place.contains("secret"));
	}

	#[test]
	fn migrations_are_numbered_in_order_up_to_the_latest() {
		let versions: Vec<i32> = schema::MIGRATIONS.iter().map(|m| m.version).collect();
		assert_eq!(versions, (1..=schema::LATEST).collect::<Vec<_>>());
	}
}
