//! `registry find`: what is registered for a content (its items and its work), and what is
//! registered that is similar to it.

use std::path::{Path, PathBuf};

use registry_client::{
	fingerprint::{self, ContentCode},
	similar,
	types::{api::NOT_FOUND, ContentMatches},
	Error, H256,
};
use serde_json::{json, Value};

use crate::{
	args::sha256,
	context::Context,
	errors::CliError,
	output::{hex32, Output},
};

#[derive(Debug, clap::Args)]
pub struct Args {
	/// What to look for: a file, the content's SHA-256, or its SM3 digest as sm3:HASH.
	#[arg(value_name = "FILE|HASH|sm3:HASH", required_unless_present = "file")]
	what: Option<String>,
	/// A file, to fingerprint and look up (the same as giving it as the argument).
	#[arg(long, value_name = "FILE", conflicts_with = "what")]
	file: Option<PathBuf>,
	/// Bits two content codes may differ in to count as similar (0 to 16).
	#[arg(long, value_name = "BITS", default_value_t = similar::DEFAULT_DISTANCE,
		value_parser = clap::value_parser!(u32).range(0..=16))]
	similar_distance: u32,
}

/// What was asked about.
enum Query {
	Sha256(H256),
	Sm3(H256),
	File {
		sha256: H256,
		sm3: H256,
		code: Result<ContentCode, String>,
	},
}

fn query(args: &Args) -> Result<Query, CliError> {
	let file = match (&args.what, &args.file) {
		(_, Some(file)) => file.clone(),
		(Some(what), None) => {
			if let Some(digest) = what.trim().strip_prefix("sm3:") {
				return sha256(digest).map(Query::Sm3).map_err(|_| {
					CliError::usage(format!(
						"`{what}` is not an SM3 digest: expected sm3: and 64 hex digits"
					))
				});
			}
			// A hash unless a file has that name.
			if !Path::new(what).exists() {
				return sha256(what).map(Query::Sha256).map_err(|_| {
					CliError::usage(format!(
						"`{what}` is neither a file nor a SHA-256 (64 hex digits); an SM3 \
						 digest is written sm3:HASH"
					))
				});
			}
			PathBuf::from(what)
		}
		(None, None) => return Err(CliError::usage("give a FILE, a HASH or sm3:HASH")),
	};
	let found = fingerprint::file_fingerprints(&file).map_err(|e| {
		let reason = match &e {
			Error::Io { source, .. } => source.to_string(),
			other => other.to_string(),
		};
		CliError::new("io", format!("{}: {reason}", file.display()))
	})?;
	Ok(Query::File {
		sha256: H256(found.digests.sha256),
		sm3: H256(found.digests.sm3),
		code: found.content_code,
	})
}

/// Lists the items and the work registered for the content, and for a file the registrations
/// similar to it. Finding nothing is not an error: the answer is that the content is not
/// registered.
pub async fn run(args: Args, context: &Context) -> Result<Output, CliError> {
	let query = query(&args)?;
	let client = context.connect().await?;
	let subject = registry_client::explain::Subject::default();
	let exact = match &query {
		Query::Sha256(hash) | Query::File { sha256: hash, .. } => {
			client.find_by_content_hash(*hash).await
		}
		Query::Sm3(sm3) => client.find_by_sm3(*sm3).await,
	};
	let exact = match exact {
		Ok(found) => Some(found),
		Err(Error::Rpc {
			code: NOT_FOUND, ..
		}) => None,
		Err(e) => return Err(CliError::chain(&e, &subject)),
	};
	let (named, mut json) = match &query {
		Query::Sha256(hash) => (
			format!("content {}", hex32(hash)),
			json!({ "content": hex32(hash) }),
		),
		Query::Sm3(sm3) => (
			format!("SM3 {}", hex32(sm3)),
			json!({ "sm3": hex32(sm3), "content": exact.as_ref().map(|f| f.content_sha256.clone()) }),
		),
		Query::File { sha256, sm3, code } => (
			format!("content {}", hex32(sha256)),
			json!({
				"content": hex32(sha256),
				"sm3": hex32(sm3),
				"content_code": code.as_ref().ok().map(|c| c.iscc.clone()),
			}),
		),
	};
	let mut lines = Vec::new();
	match &exact {
		Some(found) => lines.extend(registered(found)),
		None => lines.push(format!("Nothing is registered with {named}.")),
	}
	json["items"] = exact
		.as_ref()
		.map(|found| found.collectibles.iter().map(item_json).collect())
		.unwrap_or_else(|| json!([]));
	json["work"] = exact
		.as_ref()
		.and_then(|found| found.work.as_ref())
		.map(|work| json!({ "work": work.work, "title": work.title, "registrant": work.registrant, "registered_at_block": work.registered_at_block }))
		.unwrap_or(Value::Null);

	if let Query::File { sha256, code, .. } = &query {
		match code {
			Ok(code) => {
				let found = client
					.similar_to(code, args.similar_distance, *sha256)
					.await
					.map_err(|e| CliError::chain(&e, &subject))?;
				let similar: Vec<String> = found.iter().flat_map(similar::describe).collect();
				if similar.is_empty() {
					lines.push(format!(
						"Nothing registered is similar (content code {}, within {} bits).",
						code.iscc, args.similar_distance
					));
				} else {
					lines.push(format!(
						"Similar registrations (content code {}, within {} bits):",
						code.iscc, args.similar_distance
					));
					lines.extend(similar.into_iter().map(|line| format!("  {line}")));
				}
				json["similar"] = serde_json::to_value(&found).unwrap_or(Value::Null);
			}
			Err(reason) => {
				lines.push(format!("{reason}: similar content cannot be looked for."));
				json["similar"] = Value::Null;
				json["no_content_code"] = json!(reason);
			}
		}
	}
	Ok(Output::new(lines.join("\n"), json))
}

/// The registrations of one content, a line each.
fn registered(found: &ContentMatches) -> Vec<String> {
	let mut lines = vec![match &found.content_sm3 {
		Some(sm3) => format!("Content {} (SM3 {sm3}):", found.content_sha256),
		None => format!("Content {}:", found.content_sha256),
	}];
	for item in &found.collectibles {
		lines.push(format!(
			"  item {} of collection {}: serial {}, held by {}, {}",
			item.item, item.collection, item.serial, item.owner, item.state
		));
	}
	if let Some(work) = &found.work {
		lines.push(format!(
			"  work {} \"{}\": registered by {} at block {}",
			work.work, work.title, work.registrant, work.registered_at_block
		));
	}
	lines
}

fn item_json(item: &registry_client::types::Item) -> Value {
	json!({
		"collection": item.collection,
		"item": item.item,
		"serial": item.serial,
		"owner": item.owner,
		"state": item.state,
		"frozen": item.frozen.is_some(),
	})
}
