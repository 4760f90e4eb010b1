//! `registry find`: the items registered for a content hash.

use std::path::PathBuf;

use registry_client::H256;
use serde_json::json;

use crate::{
	args::{hash_file, sha256},
	commands::item::summary_json,
	context::Context,
	errors::CliError,
	output::{hex32, Output},
};

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct Args {
	/// The content's SHA-256.
	#[arg(value_name = "HASH", value_parser = sha256)]
	hash: Option<H256>,
	/// A file, to hash and look up.
	#[arg(long, value_name = "FILE")]
	file: Option<PathBuf>,
}

/// Lists every item, in every collection, whose content has the hash. Finding nothing is not
/// an error: the answer is that the content is not registered.
pub async fn run(args: Args, context: &Context) -> Result<Output, CliError> {
	let content = match (&args.hash, &args.file) {
		(Some(hash), _) => *hash,
		(None, Some(file)) => hash_file("--file", file)?,
		(None, None) => return Err(CliError::usage("give a HASH or --file FILE")),
	};
	let client = context.connect().await?;
	let found = client.items_by_content(content).await?;
	let mut lines = Vec::new();
	let mut entries = Vec::new();
	for (collection, item) in found {
		if let Some(info) = client.item(collection, item).await? {
			lines.push(format!(
				"item {item} of collection {collection}: serial {}, held by {}",
				info.serial, info.owner
			));
			entries.push(summary_json(&info));
		}
	}
	let text = if lines.is_empty() {
		format!("No item has content {}.", hex32(&content))
	} else {
		format!("Content {}:\n{}", hex32(&content), lines.join("\n"))
	};
	Ok(Output::new(
		text,
		json!({ "content": hex32(&content), "items": entries }),
	))
}
