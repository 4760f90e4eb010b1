//! `registry item`: one command per call of an item's life, and item reads.

use registry_client::{
	clock::ChainClock,
	collectibles::{CollectionId, ItemId, ItemInfo, ItemState, MintRequest},
	explain::Subject,
	runtime::{
		self,
		collectibles::events::{ItemMinted, MetadataUpdated},
	},
	AccountId32, Ed25519Signer, RegistryClient,
};
use serde_json::{json, Value};

use crate::{
	args::{account, item_ref, ContentArgs, ItemArgs, MetadataArgs, ReasonArgs, SimilarArgs},
	context::Context,
	errors::CliError,
	output::{hex32, table, text_of, Output},
};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Mint one item. The signer is an issuer of the collection.
	Mint(MintArgs),
	/// Show an item.
	Show(ItemArgs),
	/// List the items an account holds, a page at a time.
	List {
		/// The holder; default the signer of --key or --key-uri.
		#[arg(long, value_name = "ACCOUNT", value_parser = account)]
		owner: Option<AccountId32>,
		/// Items in the page, 1 to 1,000, ordered by collection and item.
		#[arg(long, default_value_t = 100,
			value_parser = clap::value_parser!(u32).range(1..=i64::from(LIST_BOUND)))]
		limit: u32,
		/// Start after this item, as COLLECTION:ITEM: the `next` of the previous page.
		#[arg(long, value_name = "COLLECTION:ITEM", value_parser = item_ref)]
		after: Option<(CollectionId, ItemId)>,
	},
	/// Give an item to another active member. The signer holds it. There is no price.
	Transfer {
		#[command(flatten)]
		item: ItemArgs,
		/// The receiver, an active member.
		#[arg(long, value_name = "ACCOUNT", value_parser = account)]
		to: AccountId32,
	},
	/// Freeze an item: nothing may happen to it until it is unfrozen. The signer is a
	/// regulator.
	Freeze {
		#[command(flatten)]
		item: ItemArgs,
		#[command(flatten)]
		reason: ReasonArgs,
	},
	/// Unfreeze an item. The signer is a regulator.
	Unfreeze {
		#[command(flatten)]
		item: ItemArgs,
		#[command(flatten)]
		reason: ReasonArgs,
	},
	/// Retire (burn) an item; its record stays. The signer holds it or issues its
	/// collection.
	Retire {
		#[command(flatten)]
		item: ItemArgs,
		/// The reason code agreed by the consortium.
		#[arg(long, value_name = "CODE")]
		reason: u16,
	},
	/// Issue a draft item: its metadata is fixed from then on. The signer is an issuer.
	Issue(ItemArgs),
	/// Set an item's metadata: in place for a draft, as a new version once issued. The signer
	/// is an issuer.
	SetMetadata {
		#[command(flatten)]
		item: ItemArgs,
		#[command(flatten)]
		metadata: MetadataArgs,
	},
}

#[derive(Debug, clap::Args)]
pub struct MintArgs {
	/// The collection to mint in.
	#[arg(long)]
	collection: CollectionId,
	/// Edition or serial number, unique in the collection.
	#[arg(long)]
	serial: u32,
	#[command(flatten)]
	content: ContentArgs,
	#[command(flatten)]
	similar: SimilarArgs,
	#[command(flatten)]
	metadata: MetadataArgs,
	/// Catalogue number of the physical object.
	#[arg(long, value_name = "TEXT")]
	catalogue_number: Option<String>,
	/// The content's creator; default the signer.
	#[arg(long, value_name = "ACCOUNT", value_parser = account)]
	creator: Option<AccountId32>,
	/// The first holder, an active member; default the signer.
	#[arg(long, value_name = "ACCOUNT", value_parser = account)]
	owner: Option<AccountId32>,
	/// Mint as a draft, whose metadata may still be corrected in place.
	#[arg(long)]
	draft: bool,
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Mint(args) => mint(args, context).await,
		Command::Show(ItemArgs { collection, item }) => {
			let client = context.connect().await?;
			let info = read(&client, collection, item).await?;
			let clock = client.clock().await?;
			// The node's answer carries the fingerprints recorded with the content.
			let fingerprints = {
				use registry_client::RegistryApiClient;
				client
					.node()
					.get_item(collection, item)
					.await
					.map(|found| (found.content_sm3, found.content_code))
					.unwrap_or_default()
			};
			Ok(shown(&info, &clock, fingerprints))
		}
		Command::List {
			owner,
			limit,
			after,
		} => list(owner, limit, after, context).await,
		Command::Transfer { item, to } => {
			let call =
				runtime::tx()
					.collectibles()
					.transfer(item.collection, item.item, to.clone());
			let mut subject = Subject::item(item.collection, item.item);
			subject.account = Some(to.clone());
			let done = context.submit(&call, subject).await?;
			Ok(Output::transaction(
				format!(
					"Gave item {} of collection {} to {to}.",
					item.item, item.collection
				),
				&done,
				json!({ "collection": item.collection, "item": item.item, "to": to.to_string() }),
			))
		}
		Command::Freeze { item, reason } => freeze(item, reason, true, context).await,
		Command::Unfreeze { item, reason } => freeze(item, reason, false, context).await,
		Command::Retire { item, reason } => {
			let call = runtime::tx()
				.collectibles()
				.retire(item.collection, item.item, reason);
			let done = context
				.submit(&call, Subject::item(item.collection, item.item))
				.await?;
			Ok(Output::transaction(
				format!(
					"Retired item {} of collection {} (reason {reason}); its record stays.",
					item.item, item.collection
				),
				&done,
				json!({ "collection": item.collection, "item": item.item, "reason": reason }),
			))
		}
		Command::Issue(item) => {
			let call = runtime::tx()
				.collectibles()
				.issue(item.collection, item.item);
			let done = context
				.submit(&call, Subject::item(item.collection, item.item))
				.await?;
			Ok(Output::transaction(
				format!(
					"Issued item {} of collection {}: its metadata is now fixed.",
					item.item, item.collection
				),
				&done,
				json!({ "collection": item.collection, "item": item.item }),
			))
		}
		Command::SetMetadata { item, metadata } => {
			let client = context.connect().await?;
			let limits = client.collectibles_limits().await?;
			let metadata = metadata.resolve(limits.max_uri_length)?;
			let sha256 = metadata.sha256;
			let call =
				runtime::tx()
					.collectibles()
					.set_metadata(item.collection, item.item, metadata);
			let done = context
				.submit(&call, Subject::item(item.collection, item.item))
				.await?;
			let version = done
				.event::<MetadataUpdated>()
				.ok()
				.map(|updated| updated.version);
			Ok(Output::transaction(
				format!(
					"Set the metadata of item {} of collection {} (version {}).",
					item.item,
					item.collection,
					version.map_or_else(|| "?".into(), |v| v.to_string())
				),
				&done,
				json!({ "collection": item.collection, "item": item.item, "version": version, "metadata_sha256": hex32(&sha256) }),
			))
		}
	}
}

/// Freezes an item, or unfreezes it, with the regulator's reason and evidence.
async fn freeze(
	item: ItemArgs,
	reason: ReasonArgs,
	freeze: bool,
	context: &Context,
) -> Result<Output, CliError> {
	let evidence = reason.evidence.resolve()?;
	let (collection, number, code) = (item.collection, item.item, reason.reason);
	let calls = runtime::tx().collectibles();
	let subject = Subject::item(collection, number);
	let (done, verb) = if freeze {
		let call = calls.freeze(collection, number, code, evidence);
		(context.submit(&call, subject).await?, "Froze")
	} else {
		let call = calls.unfreeze(collection, number, code, evidence);
		(context.submit(&call, subject).await?, "Unfroze")
	};
	Ok(Output::transaction(
		format!("{verb} item {number} of collection {collection} (reason {code})."),
		&done,
		json!({ "collection": collection, "item": number, "reason": code, "evidence": hex32(&evidence) }),
	))
}

async fn mint(args: MintArgs, context: &Context) -> Result<Output, CliError> {
	let signer = context.signer()?;
	let client = context.connect().await?;
	let limits = client.collectibles_limits().await?;
	let resolved = args.content.resolve()?;
	let content = resolved.sha256;
	let metadata = args.metadata.resolve(limits.max_uri_length)?;
	if let Some(number) = &args.catalogue_number {
		if number.len() > limits.max_catalogue_length as usize {
			return Err(CliError::input(format!(
				"--catalogue-number is {} bytes long; the chain takes at most {}",
				number.len(),
				limits.max_catalogue_length
			)));
		}
	}
	let me = signer.account_id();
	let request = MintRequest {
		content,
		metadata,
		serial: args.serial,
		creator: args.creator.unwrap_or_else(|| me.clone()),
		catalogue_number: args.catalogue_number.map(String::into_bytes),
		owner: args.owner.clone().unwrap_or_else(|| me.clone()),
		fingerprints: resolved.fingerprints.clone(),
	};
	let notes = args.similar.check(&client, &resolved).await?;
	let owner = request.owner.clone();
	let call = runtime::tx()
		.collectibles()
		.mint(args.collection, request, args.draft);
	let mut subject = Subject::collection(args.collection).with_content(content);
	subject.account = Some(owner.clone());
	let done = context.submit(&call, subject).await?;
	let item = done.event::<ItemMinted>().ok().map(|minted| minted.item);
	let mut output = Output::transaction(
		format!(
			"Minted item {} of collection {} (serial {}) to {owner}.",
			item.map_or_else(|| "?".into(), |i| i.to_string()),
			args.collection,
			args.serial
		),
		&done,
		json!({
			"collection": args.collection,
			"item": item,
			"serial": args.serial,
			"content": hex32(&content),
			"content_sm3": resolved.fingerprints.sm3.as_ref().map(hex32),
			"content_code": resolved.code.as_ref().map(|code| code.iscc.clone()),
			"owner": owner.to_string(),
			"similar": notes,
		}),
	);
	output.notes.extend(notes);
	Ok(output)
}

/// An item, or an error saying it does not exist.
pub async fn read(
	client: &RegistryClient,
	collection: CollectionId,
	item: ItemId,
) -> Result<ItemInfo, CliError> {
	match client.item(collection, item).await? {
		Some(info) => Ok(info),
		None if client.collection(collection).await?.is_none() => {
			Err(crate::commands::collection::unknown(collection))
		}
		None => Err(CliError::not_found(format!(
			"collection {collection} has no item {item}"
		))),
	}
}

fn state_name(state: &ItemState) -> String {
	match state {
		ItemState::Draft => "draft".into(),
		ItemState::Issued => "issued".into(),
		ItemState::Retired { reason } => format!("retired (reason {reason})"),
	}
}

/// An item in brief, for listings.
pub fn summary_json(info: &ItemInfo) -> Value {
	json!({
		"collection": info.collection,
		"item": info.item,
		"serial": info.serial,
		"owner": info.owner.to_string(),
		"state": state_name(&info.state),
		"frozen": info.frozen.is_some(),
	})
}

fn shown(
	info: &ItemInfo,
	clock: &ChainClock,
	(sm3, code): (Option<String>, Option<String>),
) -> Output {
	let transferable = if u64::from(info.transferable_from) <= clock.head {
		format!("since block {}", info.transferable_from)
	} else {
		format!(
			"from block {} ({})",
			info.transferable_from,
			clock.date_of(info.transferable_from.into())
		)
	};
	let frozen = info.frozen.as_ref().map(|f| {
		format!(
			"by {} at block {} (reason {}, evidence {})",
			f.by,
			f.at,
			f.reason,
			hex32(&f.evidence)
		)
	});
	let catalogue = info.catalogue_number.as_deref().map(text_of);
	Output::new(
		table(&[
			(
				"Item",
				format!("{} of collection {}", info.item, info.collection),
			),
			("Serial", info.serial.to_string()),
			("Content SHA-256", hex32(&info.content)),
			(
				"Content SM3",
				sm3.clone().unwrap_or_else(|| "none recorded".into()),
			),
			(
				"Content code",
				code.clone().unwrap_or_else(|| "none recorded".into()),
			),
			("State", state_name(&info.state)),
			("Frozen", frozen.clone().unwrap_or_else(|| "no".into())),
			("Owner", info.owner.to_string()),
			("Creator", info.creator.to_string()),
			(
				"Catalogue number",
				catalogue.clone().unwrap_or_else(|| "none".into()),
			),
			("Metadata", text_of(&info.metadata_uri)),
			("Metadata SHA-256", hex32(&info.metadata_sha256)),
			("Metadata version", info.metadata_version.to_string()),
			("Minted at block", info.minted_at.to_string()),
			("Held since block", info.held_since.to_string()),
			("Transferable", transferable),
		]),
		json!({
			"collection": info.collection,
			"item": info.item,
			"serial": info.serial,
			"content": hex32(&info.content),
			"content_sm3": sm3,
			"content_code": code,
			"state": state_name(&info.state),
			"frozen": info.frozen.as_ref().map(|f| json!({
				"by": f.by.to_string(),
				"at": f.at,
				"reason": f.reason,
				"evidence": hex32(&f.evidence),
			})),
			"owner": info.owner.to_string(),
			"creator": info.creator.to_string(),
			"catalogue_number": catalogue,
			"metadata_uri": text_of(&info.metadata_uri),
			"metadata_sha256": hex32(&info.metadata_sha256),
			"metadata_version": info.metadata_version,
			"minted_at": info.minted_at,
			"held_since": info.held_since,
			"transferable_from": info.transferable_from,
		}),
	)
}

/// Items one page of `item list` shows at most; also the page the chain reads.
const LIST_BOUND: u32 = 1_000;
/// Items of one holder `item list` reads at most.
const MAX_HELD: usize = 100_000;

async fn list(
	owner: Option<AccountId32>,
	limit: u32,
	after: Option<(CollectionId, ItemId)>,
	context: &Context,
) -> Result<Output, CliError> {
	let owner = match owner {
		Some(owner) => owner,
		None => match context.signer_if_given()? {
			Some(signer) => Ed25519Signer::account_id(&signer),
			None => {
				return Err(CliError::usage(
					"whose items? give --owner ACCOUNT, or --key/--key-uri for your own",
				))
			}
		},
	};
	let client = context.connect().await?;
	// The chain keeps an owner's items in hash order: read them all, then page in order.
	let mut held: Vec<(CollectionId, ItemId)> = Vec::new();
	loop {
		let read = client
			.items_of_owner(&owner, held.last().copied(), LIST_BOUND)
			.await?;
		let full = read.len() as u32 >= LIST_BOUND;
		held.extend(read);
		if !full {
			break;
		}
		if held.len() >= MAX_HELD {
			return Err(CliError::input(format!(
				"{owner} holds more than {MAX_HELD} items, more than this command lists; read \
				 them page by page with the registry_itemsByOwner RPC method"
			)));
		}
	}
	held.sort_unstable();
	let start = after.map_or(0, |after| held.partition_point(|key| *key <= after));
	let page: Vec<(CollectionId, ItemId)> = held
		.iter()
		.skip(start)
		.take(limit as usize)
		.copied()
		.collect();
	let next = (start + page.len() < held.len())
		.then(|| page.last().map(|(c, i)| format!("{c}:{i}")))
		.flatten();
	let mut lines = Vec::new();
	let mut entries = Vec::new();
	for (collection, item) in &page {
		if let Some(info) = client.item(*collection, *item).await? {
			lines.push(format!(
				"{:>12}  serial {:<10}  {}{}",
				format!("{collection}:{item}"),
				info.serial,
				state_name(&info.state),
				if info.frozen.is_some() {
					", frozen"
				} else {
					""
				}
			));
			entries.push(summary_json(&info));
		}
	}
	let mut text = if lines.is_empty() {
		format!(
			"{owner} holds no items{}.",
			if after.is_some() {
				" after that point"
			} else {
				""
			}
		)
	} else {
		format!("Items held by {owner}:\n{}", lines.join("\n"))
	};
	if let Some(next) = &next {
		text.push_str(&format!("\nMore: --after {next}"));
	}
	Ok(Output::new(
		text,
		json!({ "owner": owner.to_string(), "items": entries, "next": next }),
	))
}
