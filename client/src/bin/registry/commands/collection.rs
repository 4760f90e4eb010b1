//! `registry collection`: create and show collections.

use registry_client::{
	collectibles::{CollectionId, CollectionInfo, TransferPolicy},
	explain::Subject,
	runtime::{self, collectibles::events::CollectionCreated},
	AccountId32,
};
use serde_json::json;

use crate::{
	args::{account, MetadataArgs},
	context::Context,
	errors::CliError,
	output::{hex32, table, text_of, Output},
};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Create a collection. The signer, an active institution, becomes its first issuer.
	Create(CreateArgs),
	/// Show a collection.
	Show {
		/// The collection's number.
		collection: CollectionId,
	},
	/// List the collections, by number: name, items minted of the maximum, issuers.
	List {
		/// Collections in the page, 1 to 1,000.
		#[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1000))]
		limit: u32,
		/// Start after this collection: the `next` of the previous page.
		#[arg(long, value_name = "COLLECTION")]
		after: Option<CollectionId>,
	},
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
	/// The collection's name.
	#[arg(long)]
	name: String,
	/// What it holds, for people.
	#[arg(long, default_value = "")]
	description: String,
	#[command(flatten)]
	metadata: MetadataArgs,
	/// Items can never exceed this number, retired ones included.
	#[arg(long, value_name = "N")]
	max_supply: u32,
	/// Limited editions: one content may be minted as up to N numbered items (1 to N). The
	/// default, 1, gives every item content of its own, registered once on the chain.
	#[arg(long, value_name = "N", default_value_t = 1)]
	editions: u32,
	/// Items may never change hands after they are minted.
	#[arg(long)]
	not_transferable: bool,
	/// Blocks a holder keeps an item before giving it on (2 s each).
	#[arg(long, value_name = "BLOCKS", default_value_t = 0)]
	min_holding_blocks: u32,
	/// At most this many gifts of one item per window; 0 for no cap.
	#[arg(long, value_name = "N", default_value_t = 0)]
	max_transfers_per_window: u32,
	/// The window's length in blocks, for --max-transfers-per-window.
	#[arg(long, value_name = "BLOCKS", default_value_t = 0)]
	window_blocks: u32,
	/// Another institution issuing with the signer; repeat for several.
	#[arg(long = "co-issuer", value_name = "ACCOUNT", value_parser = account)]
	co_issuers: Vec<AccountId32>,
	/// The member holding the physical original, if any.
	#[arg(long, value_name = "ACCOUNT", value_parser = account)]
	custodian: Option<AccountId32>,
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Create(args) => create(args, context).await,
		Command::Show { collection } => {
			let client = context.connect().await?;
			let info = client
				.collection(collection)
				.await?
				.ok_or_else(|| unknown(collection))?;
			Ok(shown(&info))
		}
		Command::List { limit, after } => {
			let client = context.connect().await?;
			let count = client
				.fetch(runtime::storage().collectibles().next_collection_id(), ())
				.await?
				.unwrap_or(0);
			let first = after.map_or(0, |after| after.saturating_add(1));
			let last = first.saturating_add(limit).min(count);
			let mut lines = Vec::new();
			let mut entries = Vec::new();
			for number in first..last {
				let Some(info) = client.collection(number).await? else {
					continue;
				};
				let name = registry_client::types::text(&info.name);
				lines.push(format!(
					"{number:>6}  \"{name}\"  {} of {} minted, issued by {}",
					info.minted,
					info.max_supply,
					info.issuers
						.iter()
						.map(|a| a.to_string())
						.collect::<Vec<_>>()
						.join(", ")
				));
				entries.push(json!({
					"collection": number,
					"name": name,
					"minted": info.minted,
					"max_supply": info.max_supply,
					"issuers": info.issuers.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
				}));
			}
			let next = (last < count && last > first).then(|| last - 1);
			let mut text = if lines.is_empty() {
				"No collection.".to_string()
			} else {
				format!(
					"Collections {first} to {} of {count}:\n{}",
					last.saturating_sub(1),
					lines.join("\n")
				)
			};
			if let Some(next) = next {
				text.push_str(&format!("\nMore: --after {next}"));
			}
			Ok(Output::new(
				text,
				json!({ "count": count, "collections": entries, "next": next }),
			))
		}
	}
}

pub fn unknown(collection: CollectionId) -> CliError {
	CliError::not_found(format!("collection {collection} does not exist"))
}

async fn create(args: CreateArgs, context: &Context) -> Result<Output, CliError> {
	let signer = context.signer()?;
	let client = context.connect().await?;
	let limits = client.collectibles_limits().await?;
	for (flag, value, max) in [
		("--name", &args.name, limits.max_name_length),
		(
			"--description",
			&args.description,
			limits.max_description_length,
		),
	] {
		if value.len() > max as usize {
			return Err(CliError::input(format!(
				"{flag} is {} bytes long; the chain takes at most {max}",
				value.len()
			)));
		}
	}
	if args.co_issuers.len() + 1 > limits.max_issuers as usize {
		return Err(CliError::input(format!(
			"a collection has at most {} issuers, the signer included; drop some --co-issuer",
			limits.max_issuers
		)));
	}
	if args.max_transfers_per_window > 0 && args.window_blocks == 0 {
		return Err(CliError::input(
			"--max-transfers-per-window needs --window-blocks of at least 1",
		));
	}
	let metadata = args.metadata.resolve(limits.max_uri_length)?;
	let policy = TransferPolicy {
		transferable: !args.not_transferable,
		min_holding_blocks: args.min_holding_blocks,
		max_transfers_per_window: args.max_transfers_per_window,
		window_blocks: args.window_blocks,
	};
	let call = runtime::tx().collectibles().create_collection(
		args.name.clone().into_bytes(),
		args.description.into_bytes(),
		metadata,
		args.max_supply,
		args.editions,
		policy,
		args.co_issuers,
		args.custodian,
	);
	let subject = Subject::default().signed_by(signer.account_id());
	let done = client
		.submit(&call, &signer)
		.await
		.map_err(|e| CliError::chain(&e, &subject))?;
	let collection = done
		.event::<CollectionCreated>()
		.ok()
		.map(|created| created.collection);
	let number = collection.map_or_else(|| "?".into(), |c| c.to_string());
	Ok(Output::transaction(
		format!(
			"Created collection {number} \"{}\" (max supply {}).",
			args.name, args.max_supply
		),
		&done,
		json!({ "collection": collection }),
	))
}

fn shown(info: &CollectionInfo) -> Output {
	let issuers: Vec<String> = info.issuers.iter().map(|a| a.to_string()).collect();
	let policy = &info.policy;
	let transfers = if !policy.transferable {
		"not transferable".to_string()
	} else {
		let mut text = format!(
			"transferable after {} blocks of holding",
			policy.min_holding_blocks
		);
		if policy.max_transfers_per_window > 0 {
			text.push_str(&format!(
				", at most {} per {} blocks",
				policy.max_transfers_per_window, policy.window_blocks
			));
		}
		text
	};
	let custodian = info.custodian.as_ref().map(|c| c.to_string());
	Output::new(
		table(&[
			("Collection", info.collection.to_string()),
			("Name", or_none(text_of(&info.name))),
			("Description", or_none(text_of(&info.description))),
			("Issuers", issuers.join(", ")),
			("Minted", format!("{} of {}", info.minted, info.max_supply)),
			("Transfers", transfers),
			("Metadata", text_of(&info.metadata_uri)),
			("Metadata SHA-256", hex32(&info.metadata_sha256)),
			(
				"Custodian",
				custodian.clone().unwrap_or_else(|| "none".into()),
			),
			("Created at block", info.created_at.to_string()),
		]),
		json!({
			"collection": info.collection,
			"name": text_of(&info.name),
			"description": text_of(&info.description),
			"issuers": issuers,
			"minted": info.minted,
			"max_supply": info.max_supply,
			"policy": {
				"transferable": policy.transferable,
				"min_holding_blocks": policy.min_holding_blocks,
				"max_transfers_per_window": policy.max_transfers_per_window,
				"window_blocks": policy.window_blocks,
			},
			"metadata_uri": text_of(&info.metadata_uri),
			"metadata_sha256": hex32(&info.metadata_sha256),
			"custodian": custodian,
			"created_at": info.created_at,
		}),
	)
}

fn or_none(text: String) -> String {
	if text.is_empty() {
		"none".into()
	} else {
		text
	}
}
