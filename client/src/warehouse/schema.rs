//! The warehouse's tables, indices and views, as numbered migrations.
//!
//! A migration is applied once, in the same SQL transaction that records it in
//! `registry_schema`; a database whose schema is newer than [`LATEST`] is refused, so an
//! older `registry` never writes into tables it does not know.

/// One step of the schema.
pub struct Migration {
	pub version: i32,
	pub name: &'static str,
	pub sql: &'static str,
}

/// The schema version this `registry` writes.
pub const LATEST: i32 = 1;

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
	version: 1,
	name: "audit log, items, collections, works, units and licences",
	sql: V1,
}];

/// The table of applied migrations: made before any migration runs.
pub const SCHEMA_TABLE: &str = "CREATE TABLE IF NOT EXISTS registry_schema (
	version integer PRIMARY KEY,
	name text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)";

const V1: &str = r#"
-- Where the sync stands: one row, written in the same transaction as the records it covers.
CREATE TABLE sync_state (
	only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
	genesis_hash text NOT NULL,
	chain text NOT NULL,
	-- The sequence number of the next record to take, and the last record's hash and block.
	next_seq bigint NOT NULL,
	last_hash text NOT NULL,
	last_block bigint NOT NULL,
	-- The finalized block whose state proved the last batch.
	proven_block bigint NOT NULL,
	proven_block_hash text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every record of the audit log, as `audit_export` gives it, verified before it is written.
CREATE TABLE audit_records (
	seq bigint PRIMARY KEY,
	block bigint NOT NULL,
	time timestamptz NOT NULL,
	timestamp_ms bigint NOT NULL,
	extrinsic integer,
	kind text NOT NULL,
	-- The subject in its written form (item:3:17, work:5, ...), and its numbers.
	subject text NOT NULL,
	subject_type text NOT NULL,
	collection_id bigint,
	item_id bigint,
	work_id bigint,
	unit_id bigint,
	licence_id bigint,
	alert_id bigint,
	from_account text,
	to_account text,
	authorized_by text NOT NULL,
	reason integer NOT NULL,
	evidence text,
	detail jsonb NOT NULL,
	prev_hash text NOT NULL,
	hash text NOT NULL UNIQUE,
	encoded bytea NOT NULL
);
CREATE INDEX audit_records_block ON audit_records (block);
CREATE INDEX audit_records_time ON audit_records (time);
CREATE INDEX audit_records_kind_time ON audit_records (kind, time);
CREATE INDEX audit_records_subject ON audit_records (subject, seq);
CREATE INDEX audit_records_item ON audit_records (collection_id, item_id, seq)
	WHERE item_id IS NOT NULL;
CREATE INDEX audit_records_work ON audit_records (work_id, seq) WHERE work_id IS NOT NULL;
CREATE INDEX audit_records_from ON audit_records (from_account, time);
CREATE INDEX audit_records_to ON audit_records (to_account, time);
CREATE INDEX audit_records_authorized_by ON audit_records (authorized_by, time);

-- The current state of what the records are about, as the node answers for it
-- (`registry_getItem`, `registry_getCollection`, `registry_getWork`, `registry_rightsOf`),
-- refreshed whenever a record names it; `as_of_block` is the finalized block read at.
CREATE TABLE collections (
	collection_id bigint PRIMARY KEY,
	name text NOT NULL,
	custodian text,
	minted bigint NOT NULL,
	max_supply bigint NOT NULL,
	data jsonb NOT NULL,
	as_of_block bigint NOT NULL
);

CREATE TABLE items (
	collection_id bigint NOT NULL,
	item_id bigint NOT NULL,
	content_sha256 text NOT NULL,
	content_sm3 text,
	holder text NOT NULL,
	creator text NOT NULL,
	state text NOT NULL,
	frozen boolean NOT NULL,
	minted_at_block bigint NOT NULL,
	data jsonb NOT NULL,
	as_of_block bigint NOT NULL,
	PRIMARY KEY (collection_id, item_id)
);
CREATE INDEX items_holder ON items (holder);
CREATE INDEX items_content ON items (content_sha256);

CREATE TABLE works (
	work_id bigint PRIMARY KEY,
	content_sha256 text NOT NULL,
	title text NOT NULL,
	registrant text NOT NULL,
	registered_at_block bigint NOT NULL,
	data jsonb NOT NULL,
	as_of_block bigint NOT NULL
);
CREATE INDEX works_content ON works (content_sha256);

-- Units of economic rights; `live` is false once a split or assignment ended the unit.
CREATE TABLE units (
	unit_id bigint PRIMARY KEY,
	work_id bigint NOT NULL,
	holders text[] NOT NULL,
	threshold integer NOT NULL,
	parent bigint,
	created_by text NOT NULL,
	live boolean NOT NULL,
	data jsonb NOT NULL,
	as_of_block bigint NOT NULL
);
CREATE INDEX units_work ON units (work_id);

-- Licences; `live` is false once revoked or expired.
CREATE TABLE licences (
	licence_id bigint PRIMARY KEY,
	work_id bigint NOT NULL,
	unit_id bigint NOT NULL,
	licensee text NOT NULL,
	exclusive boolean NOT NULL,
	live boolean NOT NULL,
	data jsonb NOT NULL,
	as_of_block bigint NOT NULL
);
CREATE INDEX licences_work ON licences (work_id);

-- Alerts raised by the anti-speculation rules (`audit_alerts`), each with the record of the
-- transfer that raised it; closed by an `alertClosed` record.
CREATE TABLE alerts (
	alert_id bigint PRIMARY KEY,
	rule jsonb NOT NULL,
	subject text NOT NULL,
	seq bigint NOT NULL,
	block bigint NOT NULL,
	status text NOT NULL,
	closed_by text,
	closed_at_block bigint,
	data jsonb NOT NULL
);
CREATE INDEX alerts_status ON alerts (status);

-- Views for the questions regulators ask most.

-- Every change of an item, oldest first.
CREATE VIEW item_history AS
SELECT collection_id, item_id, seq, block, time, kind, from_account, to_account,
	authorized_by, reason, detail
FROM audit_records
WHERE item_id IS NOT NULL;

-- Gifts (transfers of collectibles) each account received, by calendar month (UTC).
CREATE VIEW gifts_per_account_month AS
SELECT to_account AS account,
	date_trunc('month', time AT TIME ZONE 'UTC')::date AS month,
	count(*) AS gifts
FROM audit_records
WHERE kind = 'transferred' AND item_id IS NOT NULL AND to_account IS NOT NULL
GROUP BY 1, 2;

-- Alerts that are still open, newest first.
CREATE VIEW open_alerts AS
SELECT alert_id AS alert, rule, subject, seq, block, data
FROM alerts
WHERE status = 'open';

-- Freezes and unfreezes of collectibles, with the collection they happened in.
CREATE VIEW freezes AS
SELECT r.collection_id, c.name AS collection_name, r.item_id, r.seq, r.block, r.time,
	r.kind, r.authorized_by, r.reason, r.evidence
FROM audit_records r
LEFT JOIN collections c USING (collection_id)
WHERE r.kind IN ('frozen', 'unfrozen');
"#;
