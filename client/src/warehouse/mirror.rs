//! The current state of what a batch of records names, read from the node and written in the
//! batch's transaction: collections and items, works with their units and licences.

use std::collections::{BTreeMap, BTreeSet};

use futures::{stream, StreamExt, TryStreamExt};
use registry_rpc_types::{
	record::Detail, AlertsPage, AuditRecord, Collection, Item, Rights, Subject, Unit, Work,
};
use tokio_postgres::Transaction;

use super::{to_i64, Warehouse, WarehouseError};
use crate::{AuditRpcClient, Error, RegistryApiClient, RegistryClient};

/// Reads the node answers at once, at most.
const IN_FLIGHT: usize = 32;

/// Why a refresh failed.
pub(super) enum Failure {
	Sql(tokio_postgres::Error),
	Node(Error),
}

impl From<tokio_postgres::Error> for Failure {
	fn from(e: tokio_postgres::Error) -> Self {
		Self::Sql(e)
	}
}

impl From<Error> for Failure {
	fn from(e: Error) -> Self {
		Self::Node(e)
	}
}

/// What a batch of records names.
#[derive(Default)]
struct Named {
	collections: BTreeSet<u32>,
	items: BTreeSet<(u32, u32)>,
	works: BTreeSet<u64>,
	units: BTreeSet<u64>,
	licences: BTreeSet<u64>,
	/// Alerts closed: the alert, who closed it and in which block.
	closed: Vec<(u64, String, u32)>,
}

impl Named {
	fn of(records: &[AuditRecord]) -> Self {
		let mut named = Self::default();
		for record in records {
			match record.subject {
				Subject::Collection { collection } => {
					named.collections.insert(collection);
				}
				Subject::Item { collection, item } => {
					named.collections.insert(collection);
					named.items.insert((collection, item));
				}
				Subject::Work { work } => {
					named.works.insert(work);
				}
				Subject::RightsUnit { unit } => {
					named.units.insert(unit);
				}
				Subject::Licence { licence } => {
					named.licences.insert(licence);
				}
				Subject::Alert { alert } if record.kind == "alertClosed" => {
					named
						.closed
						.push((alert, record.authorized_by.clone(), record.block));
				}
				_ => {}
			}
			match &record.detail {
				Detail::Split {
					part, remainder, ..
				} => {
					named.units.extend([*part, *remainder]);
				}
				Detail::Assignment { successor, .. } => {
					named.units.insert(*successor);
				}
				Detail::Licence { unit, .. } => {
					named.units.insert(*unit);
				}
				_ => {}
			}
		}
		named
	}
}

/// Refreshes what `records` name, as the node reads it now; `as_of` is the proven block of
/// the batch, which the node's finalized head is at or after.
pub(super) async fn refresh(
	tx: &Transaction<'_>,
	node: &RegistryClient,
	records: &[AuditRecord],
	as_of: u32,
) -> Result<(), Failure> {
	let named = Named::of(records);
	let as_of = i64::from(as_of);
	let api = node.node();

	let collections: Vec<Collection> = stream::iter(named.collections.iter().copied())
		.map(|collection| async move { api.get_collection(collection).await })
		.buffer_unordered(IN_FLIGHT)
		.try_collect()
		.await
		.map_err(Error::from)?;
	upsert_collections(tx, &collections, as_of).await?;

	let items: Vec<Item> = stream::iter(named.items.iter().copied())
		.map(|(collection, item)| async move { api.get_item(collection, item).await })
		.buffer_unordered(IN_FLIGHT)
		.try_collect()
		.await
		.map_err(Error::from)?;
	upsert_items(tx, &items, as_of).await?;

	// Units and licences are refreshed through their work's rights map.
	let mut works = named.works.clone();
	let mut unknown_units = Vec::new();
	let units: Vec<i64> = named.units.iter().map(|u| to_i64(*u)).collect();
	let known: BTreeMap<i64, i64> = tx
		.query(
			"SELECT unit_id, work_id FROM units WHERE unit_id = ANY($1)",
			&[&units],
		)
		.await?
		.iter()
		.map(|row| (row.get(0), row.get(1)))
		.collect();
	for unit in &named.units {
		match known.get(&to_i64(*unit)) {
			Some(work) => {
				works.insert(u64::try_from(*work).unwrap_or_default());
			}
			None => unknown_units.push(*unit),
		}
	}
	let licences: Vec<i64> = named.licences.iter().map(|l| to_i64(*l)).collect();
	for row in tx
		.query(
			"SELECT work_id FROM licences WHERE licence_id = ANY($1)",
			&[&licences],
		)
		.await?
	{
		works.insert(u64::try_from(row.get::<_, i64>(0)).unwrap_or_default());
	}
	// A unit seen for the first time: its chain of title names its work.
	let titles: Vec<Vec<Unit>> = stream::iter(unknown_units.iter().copied())
		.map(|unit| async move { api.chain_of_title(unit).await })
		.buffer_unordered(IN_FLIGHT)
		.try_collect()
		.await
		.map_err(Error::from)?;
	let mut ended: Vec<Unit> = Vec::new();
	for title in titles {
		if let Some(unit) = title.into_iter().next() {
			works.insert(unit.work);
			if unit.ended_at_block.is_some() {
				ended.push(unit);
			}
		}
	}

	let maps: Vec<(Work, Rights)> = stream::iter(works.iter().copied())
		.map(|work| async move {
			let view = api.get_work(work).await?;
			let rights = node.rights_of(work, None).await?;
			Ok::<_, Error>((view, rights))
		})
		.buffer_unordered(IN_FLIGHT)
		.try_collect()
		.await?;
	for (work, rights) in &maps {
		upsert_work(tx, work, as_of).await?;
		upsert_units(tx, rights.units.iter(), as_of).await?;
		// Units no longer in the map were ended by a split or an assignment.
		let live: Vec<i64> = rights.units.iter().map(|u| to_i64(u.unit)).collect();
		tx.execute(
			"UPDATE units SET live = false, as_of_block = $3 \
			 WHERE work_id = $1 AND live AND NOT (unit_id = ANY($2))",
			&[&to_i64(work.work), &live, &as_of],
		)
		.await?;
		upsert_licences(tx, &rights.licences, as_of).await?;
		let live: Vec<i64> = rights.licences.iter().map(|l| to_i64(l.licence)).collect();
		tx.execute(
			"UPDATE licences SET live = false, as_of_block = $3 \
			 WHERE work_id = $1 AND live AND NOT (licence_id = ANY($2))",
			&[&to_i64(work.work), &live, &as_of],
		)
		.await?;
	}
	// Ended units a record named but the map no longer holds.
	upsert_units(tx, ended.iter(), as_of).await?;

	for (alert, by, block) in &named.closed {
		tx.execute(
			"UPDATE alerts SET status = 'closed', closed_by = $2, closed_at_block = $3 \
			 WHERE alert_id = $1",
			&[&to_i64(*alert), by, &i64::from(*block)],
		)
		.await?;
	}
	Ok(())
}

/// Takes the alerts raised since the newest one held, whose transfers the warehouse holds.
/// Alerts are numbered in the order their transfers were recorded, and the node lists them
/// newest first.
pub(super) async fn alerts(
	warehouse: &mut Warehouse,
	node: &RegistryClient,
) -> Result<(), WarehouseError> {
	let newest: Option<i64> = warehouse
		.query_one("SELECT max(alert_id) FROM alerts", &[])
		.await?
		.get(0);
	let next_seq = warehouse.cursor.next_seq;
	let mut new = Vec::new();
	let mut cursor = None;
	'pages: loop {
		let page: AlertsPage = node
			.node()
			.audit_alerts(Some("all".into()), cursor, Some(100))
			.await
			.map_err(Error::from)?;
		for alert in page.alerts {
			if newest.is_some_and(|newest| to_i64(alert.alert) <= newest) {
				break 'pages;
			}
			// Raised by a transfer not taken yet: the next round takes it.
			if alert.seq < next_seq {
				new.push(alert);
			}
		}
		match page.next_cursor {
			Some(next) if Some(next) != cursor => cursor = Some(next),
			_ => break,
		}
	}
	if new.is_empty() {
		return Ok(());
	}
	let place = warehouse.place.clone();
	let tx = warehouse
		.db
		.transaction()
		.await
		.map_err(|e| super::sql_error(&place, e))?;
	for alert in &new {
		tx.execute(
			"INSERT INTO alerts (alert_id, rule, subject, seq, block, status, closed_by, \
			 closed_at_block, data) \
			 VALUES ($1, $2::text::jsonb, $3, $4, $5, $6, $7, $8, $9::text::jsonb) \
			 ON CONFLICT (alert_id) DO NOTHING",
			&[
				&to_i64(alert.alert),
				&json(&alert.rule),
				&alert.subject.to_string(),
				&to_i64(alert.seq),
				&i64::from(alert.block),
				&alert.status,
				&alert.closed_by,
				&alert.closed_at_block.map(i64::from),
				&json(alert),
			],
		)
		.await
		.map_err(|e| super::sql_error(&place, e))?;
	}
	tx.commit().await.map_err(|e| super::sql_error(&place, e))
}

fn json(value: &impl serde::Serialize) -> String {
	serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

async fn upsert_collections(
	tx: &Transaction<'_>,
	collections: &[Collection],
	as_of: i64,
) -> Result<(), tokio_postgres::Error> {
	for c in collections {
		tx.execute(
			"INSERT INTO collections (collection_id, name, custodian, minted, max_supply, data, \
			 as_of_block) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7) \
			 ON CONFLICT (collection_id) DO UPDATE SET name = EXCLUDED.name, \
			 custodian = EXCLUDED.custodian, minted = EXCLUDED.minted, \
			 max_supply = EXCLUDED.max_supply, data = EXCLUDED.data, \
			 as_of_block = EXCLUDED.as_of_block",
			&[
				&i64::from(c.collection),
				&c.name,
				&c.custodian,
				&i64::from(c.minted),
				&i64::from(c.max_supply),
				&json(c),
				&as_of,
			],
		)
		.await?;
	}
	Ok(())
}

/// Items with one statement, as imports name thousands at a time.
async fn upsert_items(
	tx: &Transaction<'_>,
	items: &[Item],
	as_of: i64,
) -> Result<(), tokio_postgres::Error> {
	if items.is_empty() {
		return Ok(());
	}
	let collection: Vec<i64> = items.iter().map(|i| i64::from(i.collection)).collect();
	let item: Vec<i64> = items.iter().map(|i| i64::from(i.item)).collect();
	let sha256: Vec<&str> = items.iter().map(|i| i.content_sha256.as_str()).collect();
	let sm3: Vec<Option<&str>> = items.iter().map(|i| i.content_sm3.as_deref()).collect();
	let holder: Vec<&str> = items.iter().map(|i| i.owner.as_str()).collect();
	let creator: Vec<&str> = items.iter().map(|i| i.creator.as_str()).collect();
	let state: Vec<&str> = items.iter().map(|i| i.state.as_str()).collect();
	let frozen: Vec<bool> = items.iter().map(|i| i.frozen.is_some()).collect();
	let minted: Vec<i64> = items.iter().map(|i| i64::from(i.minted_at_block)).collect();
	let data: Vec<String> = items.iter().map(json).collect();
	tx.execute(
		"INSERT INTO items (collection_id, item_id, content_sha256, content_sm3, holder, \
		 creator, state, frozen, minted_at_block, data, as_of_block) \
		 SELECT c, i, sha, sm3, holder, creator, state, frozen, minted, data::jsonb, $11 \
		 FROM UNNEST($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], \
		 $6::text[], $7::text[], $8::boolean[], $9::bigint[], $10::text[]) \
		 AS t(c, i, sha, sm3, holder, creator, state, frozen, minted, data) \
		 ON CONFLICT (collection_id, item_id) DO UPDATE SET \
		 content_sha256 = EXCLUDED.content_sha256, content_sm3 = EXCLUDED.content_sm3, \
		 holder = EXCLUDED.holder, creator = EXCLUDED.creator, state = EXCLUDED.state, \
		 frozen = EXCLUDED.frozen, minted_at_block = EXCLUDED.minted_at_block, \
		 data = EXCLUDED.data, as_of_block = EXCLUDED.as_of_block",
		&[
			&collection,
			&item,
			&sha256,
			&sm3,
			&holder,
			&creator,
			&state,
			&frozen,
			&minted,
			&data,
			&as_of,
		],
	)
	.await?;
	Ok(())
}

async fn upsert_work(
	tx: &Transaction<'_>,
	work: &Work,
	as_of: i64,
) -> Result<(), tokio_postgres::Error> {
	tx.execute(
		"INSERT INTO works (work_id, content_sha256, title, registrant, registered_at_block, \
		 data, as_of_block) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7) \
		 ON CONFLICT (work_id) DO UPDATE SET content_sha256 = EXCLUDED.content_sha256, \
		 title = EXCLUDED.title, registrant = EXCLUDED.registrant, \
		 registered_at_block = EXCLUDED.registered_at_block, data = EXCLUDED.data, \
		 as_of_block = EXCLUDED.as_of_block",
		&[
			&to_i64(work.work),
			&work.content_sha256,
			&work.title,
			&work.registrant,
			&i64::from(work.registered_at_block),
			&json(work),
			&as_of,
		],
	)
	.await?;
	Ok(())
}

async fn upsert_units<'a>(
	tx: &Transaction<'_>,
	units: impl Iterator<Item = &'a Unit>,
	as_of: i64,
) -> Result<(), tokio_postgres::Error> {
	for unit in units {
		tx.execute(
			"INSERT INTO units (unit_id, work_id, holders, threshold, parent, created_by, live, \
			 data, as_of_block) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9) \
			 ON CONFLICT (unit_id) DO UPDATE SET work_id = EXCLUDED.work_id, \
			 holders = EXCLUDED.holders, threshold = EXCLUDED.threshold, \
			 parent = EXCLUDED.parent, created_by = EXCLUDED.created_by, \
			 live = EXCLUDED.live, data = EXCLUDED.data, as_of_block = EXCLUDED.as_of_block",
			&[
				&to_i64(unit.unit),
				&to_i64(unit.work),
				&unit.holders,
				&i32::try_from(unit.threshold).unwrap_or(i32::MAX),
				&unit.parent.map(to_i64),
				&unit.created_by,
				&unit.ended_at_block.is_none(),
				&json(unit),
				&as_of,
			],
		)
		.await?;
	}
	Ok(())
}

async fn upsert_licences(
	tx: &Transaction<'_>,
	licences: &[registry_rpc_types::Licence],
	as_of: i64,
) -> Result<(), tokio_postgres::Error> {
	for licence in licences {
		tx.execute(
			"INSERT INTO licences (licence_id, work_id, unit_id, licensee, exclusive, live, \
			 data, as_of_block) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8) \
			 ON CONFLICT (licence_id) DO UPDATE SET licensee = EXCLUDED.licensee, \
			 exclusive = EXCLUDED.exclusive, live = EXCLUDED.live, data = EXCLUDED.data, \
			 as_of_block = EXCLUDED.as_of_block",
			&[
				&to_i64(licence.licence),
				&to_i64(licence.work),
				&to_i64(licence.unit),
				&licence.licensee,
				&licence.exclusive,
				&licence.revoked.is_none(),
				&json(licence),
				&as_of,
			],
		)
		.await?;
	}
	Ok(())
}
