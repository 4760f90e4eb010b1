//! `registry work`: register a work, attest it, dispute it, resolve disputes, and show it.

use std::path::PathBuf;

use registry_client::{
	explain::Subject,
	rights::{Day, DisputeId, NewWork, WorkId},
	runtime::{
		self,
		rights::events::{AuthorsCorrected, DisputeOpened, DisputeResolved, WorkRegistered},
	},
	types::{date, Work},
	AccountId32, RegistryApiClient, H256,
};
use serde_json::json;

use crate::{
	args::{
		account, hash_file, sha256, today, ContentArgs, EvidenceArgs, MetadataArgs, SimilarArgs,
	},
	context::Context,
	errors::CliError,
	output::{hex32, table, Output},
};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Register a work by its content's SHA-256: the first filing of a content holds it. The
	/// signer is a creator, who becomes the first author, or an institution filing for a
	/// creator (--on-behalf-of).
	Register(RegisterArgs),
	/// Attest a work's authorship claim. The signer is an institution or an arbiter.
	Attest {
		/// The work's number.
		work: WorkId,
		#[command(flatten)]
		claim: ClaimArgs,
		#[command(flatten)]
		evidence: OptionalEvidence,
	},
	/// Revoke the signer's attestation of a work; the record stays, with the reason.
	RevokeAttestation {
		/// The work's number.
		work: WorkId,
		/// The reason code agreed by the consortium.
		#[arg(long, value_name = "CODE")]
		reason: u16,
	},
	/// Dispute a work's authorship. The signer is any active member.
	Dispute {
		/// The work's number.
		work: WorkId,
		#[command(flatten)]
		evidence: EvidenceArgs,
	},
	/// Resolve a dispute: uphold it with the corrected authors, or reject it. The signer is
	/// an arbiter.
	Resolve(ResolveArgs),
	/// Show a work: authors, attestations, disputes, units and licences.
	Show {
		/// The work's number.
		work: WorkId,
	},
	/// List the works, by number: title, registrant and block.
	List {
		/// Works in the page, 1 to 100.
		#[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=100))]
		limit: u64,
		/// Start after this work: the `next` of the previous page.
		#[arg(long, value_name = "WORK")]
		after: Option<WorkId>,
	},
}

#[derive(Debug, clap::Args)]
pub struct RegisterArgs {
	#[command(flatten)]
	content: ContentArgs,
	#[command(flatten)]
	similar: SimilarArgs,
	/// The work's title.
	#[arg(long)]
	title: String,
	#[command(flatten)]
	metadata: MetadataArgs,
	/// The day the work was created; default today (UTC). Never after today.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	created_on: Option<Day>,
	/// Another author, an active member; repeat or separate with commas.
	#[arg(
		long = "co-author",
		value_name = "ACCOUNT",
		value_parser = account,
		value_delimiter = ','
	)]
	co_authors: Vec<AccountId32>,
	/// A registered work this one derives from; repeat or separate with commas.
	#[arg(long = "parent", value_name = "WORK", value_delimiter = ',')]
	parents: Vec<WorkId>,
	/// The creator an institution registers the work for; the signer is then the institution.
	#[arg(long, value_name = "ACCOUNT", value_parser = account)]
	on_behalf_of: Option<AccountId32>,
}

/// The claim attested: its hash or the file to hash.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct ClaimArgs {
	/// The SHA-256 of the authorship claim attested, which stays off chain.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	claim: Option<H256>,
	/// The claim's file, to hash.
	#[arg(long, value_name = "FILE")]
	claim_file: Option<PathBuf>,
}

/// Evidence that may be left out.
#[derive(Debug, clap::Args)]
#[group(required = false, multiple = false)]
pub struct OptionalEvidence {
	/// The SHA-256 of the evidence, which stays off chain.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	evidence: Option<H256>,
	/// The evidence's file, to hash.
	#[arg(long, value_name = "FILE")]
	evidence_file: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
	/// The dispute's number.
	dispute: DisputeId,
	/// Uphold the dispute: the authors become those of --author.
	#[arg(long, conflicts_with = "reject", required_unless_present = "reject")]
	uphold: bool,
	/// Reject the dispute: the authors stay as they are.
	#[arg(long)]
	reject: bool,
	/// A corrected author, an active member; repeat or separate with commas. With --uphold.
	#[arg(
		long = "author",
		value_name = "ACCOUNT",
		value_parser = account,
		value_delimiter = ',',
		requires = "uphold"
	)]
	authors: Vec<AccountId32>,
	#[command(flatten)]
	ruling: RulingArgs,
}

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct RulingArgs {
	/// The SHA-256 of the ruling, which stays off chain.
	#[arg(long, value_name = "HASH", value_parser = sha256)]
	ruling: Option<H256>,
	/// The ruling's file, to hash.
	#[arg(long, value_name = "FILE")]
	ruling_file: Option<PathBuf>,
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Register(args) => register(args, context).await,
		Command::Attest {
			work,
			claim,
			evidence,
		} => {
			let claim = match (claim.claim, &claim.claim_file) {
				(Some(hash), _) => hash,
				(None, Some(file)) => hash_file("--claim-file", file)?,
				(None, None) => {
					return Err(CliError::usage("give --claim HASH or --claim-file FILE"))
				}
			};
			let evidence = match (evidence.evidence, &evidence.evidence_file) {
				(Some(hash), _) => Some(hash),
				(None, Some(file)) => Some(hash_file("--evidence-file", file)?),
				(None, None) => None,
			};
			let signer = context.signer()?;
			let call = runtime::tx().rights().attest(work, claim, evidence);
			let done = context.submit(&call, Subject::work(work)).await?;
			Ok(Output::transaction(
				format!("Attested the authorship claim of work {work}."),
				&done,
				json!({
					"work": work,
					"attester": signer.account_id().to_string(),
					"claim": hex32(&claim),
					"evidence": evidence.as_ref().map(hex32),
				}),
			))
		}
		Command::RevokeAttestation { work, reason } => {
			let call = runtime::tx().rights().revoke_attestation(work, reason);
			let done = context.submit(&call, Subject::work(work)).await?;
			Ok(Output::transaction(
				format!(
					"Revoked the attestation of work {work} (reason {reason}); the record stays."
				),
				&done,
				json!({ "work": work, "reason": reason }),
			))
		}
		Command::Dispute { work, evidence } => {
			let evidence = evidence.resolve()?;
			let call = runtime::tx().rights().open_dispute(work, evidence);
			let done = context.submit(&call, Subject::work(work)).await?;
			let dispute = done.event::<DisputeOpened>().ok().map(|e| e.dispute);
			Ok(Output::transaction(
				format!(
					"Opened dispute {} about the authorship of work {work}; an arbiter resolves it.",
					number(dispute)
				),
				&done,
				json!({ "work": work, "dispute": dispute, "evidence": hex32(&evidence) }),
			))
		}
		Command::Resolve(args) => resolve(args, context).await,
		Command::List { limit, after } => {
			let client = context.connect().await?;
			let count = client
				.fetch(runtime::storage().rights().next_work_id(), ())
				.await?
				.unwrap_or(0);
			let first = after.map_or(0, |after| after.saturating_add(1));
			let last = first.saturating_add(limit).min(count);
			let mut lines = Vec::new();
			let mut entries = Vec::new();
			for number in first..last {
				let work = client
					.node()
					.get_work(number)
					.await
					.map_err(|e| CliError::chain(&e.into(), &Subject::work(number)))?;
				lines.push(format!(
					"{number:>6}  \"{}\"  registered by {} at block {}",
					work.title, work.registrant, work.registered_at_block
				));
				entries.push(json!({
					"work": number,
					"title": work.title,
					"registrant": work.registrant,
					"registered_at_block": work.registered_at_block,
					"authors": work.authors,
				}));
			}
			let next = (last < count && last > first).then(|| last - 1);
			let mut text = if lines.is_empty() {
				"No work.".to_string()
			} else {
				format!(
					"Works {first} to {} of {count}:\n{}",
					last.saturating_sub(1),
					lines.join("\n")
				)
			};
			if let Some(next) = next {
				text.push_str(&format!("\nMore: --after {next}"));
			}
			Ok(Output::new(
				text,
				json!({ "count": count, "works": entries, "next": next }),
			))
		}
		Command::Show { work } => {
			let client = context.connect().await?;
			let record = client
				.node()
				.get_work(work)
				.await
				.map_err(|e| CliError::chain(&e.into(), &Subject::work(work)))?;
			let mut output = shown(&record);
			let co_held: Vec<u64> = record
				.units
				.iter()
				.filter(|unit| unit.holders.len() > 1)
				.map(|unit| unit.unit)
				.collect();
			crate::commands::rights::with_pending(&mut output, &client, &co_held).await?;
			Ok(output)
		}
	}
}

/// A number from an event, or `?` if the event did not say.
pub fn number<N: std::fmt::Display>(value: Option<N>) -> String {
	value.map_or_else(|| "?".into(), |n| n.to_string())
}

async fn register(args: RegisterArgs, context: &Context) -> Result<Output, CliError> {
	let signer = context.signer()?;
	let resolved = args.content.resolve()?;
	let content = resolved.sha256;
	let client = context.connect().await?;
	let constants = runtime::constants().rights();
	let max_title = client.constant(constants.max_title_length()).await?;
	if args.title.len() > max_title as usize {
		return Err(CliError::input(format!(
			"--title is {} bytes long; the chain takes at most {max_title}",
			args.title.len()
		)));
	}
	let max_uri = client.constant(constants.max_uri_length()).await?;
	let metadata = args.metadata.resolve(max_uri)?;
	let created_on = args.created_on.unwrap_or_else(today);
	let me = signer.account_id();
	let first_author = args.on_behalf_of.clone().unwrap_or_else(|| me.clone());
	let authors: Vec<String> = std::iter::once(&first_author)
		.chain(&args.co_authors)
		.map(|a| a.to_string())
		.collect();
	let call = NewWork {
		content,
		title: args.title.clone(),
		metadata,
		created_on,
		co_authors: args.co_authors,
		parents: args.parents.clone(),
		on_behalf_of: args.on_behalf_of,
		fingerprints: resolved.fingerprints.clone(),
	}
	.register();
	let notes = args.similar.check(&client, &resolved).await?;
	let subject = Subject::account(first_author).with_content(content);
	let done = context.submit(&call, subject).await?;
	let registered = done.event::<WorkRegistered>().ok();
	let work = registered.as_ref().map(|e| e.work);
	let root = registered.as_ref().map(|e| e.root_unit);
	let mut output = Output::transaction(
		format!(
			"Registered work {} \"{}\", created on {}, content {}.\nIts economic rights start \
			 as unit {}, held by its authors: {}.",
			number(work),
			args.title,
			date(created_on),
			hex32(&content),
			number(root),
			authors.join(", ")
		),
		&done,
		json!({
			"work": work,
			"root_unit": root,
			"content": hex32(&content),
			"title": args.title,
			"created_on": date(created_on),
			"authors": authors,
			"parents": args.parents,
			"content_sm3": resolved.fingerprints.sm3.as_ref().map(hex32),
			"content_code": resolved.code.as_ref().map(|code| code.iscc.clone()),
			"similar": notes,
		}),
	);
	output.notes.extend(notes);
	Ok(output)
}

async fn resolve(args: ResolveArgs, context: &Context) -> Result<Output, CliError> {
	if args.uphold && args.authors.is_empty() {
		return Err(CliError::usage(
			"--uphold needs the corrected authors: give --author ACCOUNT, repeated or \
			 comma-separated",
		));
	}
	let ruling = match (args.ruling.ruling, &args.ruling.ruling_file) {
		(Some(hash), _) => hash,
		(None, Some(file)) => hash_file("--ruling-file", file)?,
		(None, None) => return Err(CliError::usage("give --ruling HASH or --ruling-file FILE")),
	};
	let corrected = args.uphold.then(|| args.authors.clone());
	let call = runtime::tx()
		.rights()
		.resolve_dispute(args.dispute, args.uphold, corrected, ruling);
	let done = context
		.submit(&call, Subject::dispute(args.dispute))
		.await?;
	let work = done.event::<DisputeResolved>().ok().map(|e| e.work);
	let version = done.event::<AuthorsCorrected>().ok().map(|e| e.version);
	let authors: Vec<String> = args.authors.iter().map(|a| a.to_string()).collect();
	let text = if args.uphold {
		format!(
			"Upheld dispute {}: the authors of work {} are now {} (author list version {}).",
			args.dispute,
			number(work),
			authors.join(", "),
			number(version)
		)
	} else {
		format!(
			"Rejected dispute {}: the authors of work {} stay as they are.",
			args.dispute,
			number(work)
		)
	};
	Ok(Output::transaction(
		text,
		&done,
		json!({
			"dispute": args.dispute,
			"work": work,
			"upheld": args.uphold,
			"authors": args.uphold.then_some(authors),
			"author_version": version,
			"ruling": hex32(&ruling),
		}),
	))
}

fn none_if_empty(list: Vec<String>) -> String {
	if list.is_empty() {
		"none".into()
	} else {
		list.join("; ")
	}
}

fn shown(work: &Work) -> Output {
	let attestations = work
		.attestations
		.iter()
		.map(|a| {
			let mut text = format!("{} at block {}", a.attester, a.at_block);
			if let Some(revoked) = &a.revoked {
				text.push_str(&format!(
					", revoked at block {} (reason {})",
					revoked.at_block, revoked.reason
				));
			}
			text
		})
		.collect();
	let disputes = work
		.disputes
		.iter()
		.map(|d| {
			let mut text = format!(
				"{} by {} at block {}: {}",
				d.dispute, d.opened_by, d.opened_at_block, d.status
			);
			if let (Some(arbiter), Some(at)) = (&d.arbiter, d.ruled_at_block) {
				text.push_str(&format!(" by {arbiter} at block {at}"));
			}
			text
		})
		.collect();
	let version = work.author_history.last().map_or(0, |v| v.version);
	let numbers = |list: &[u64]| list.iter().map(u64::to_string).collect::<Vec<_>>();
	let units = work.units.iter().map(|u| u.unit).collect::<Vec<_>>();
	let licences = work.licences.iter().map(|l| l.licence).collect::<Vec<_>>();
	let rows = [
		("Work", format!("{} \"{}\"", work.work, work.title)),
		("Content SHA-256", work.content_sha256.clone()),
		(
			"Content SM3",
			work.content_sm3
				.clone()
				.unwrap_or_else(|| "none recorded".into()),
		),
		(
			"Content code",
			work.content_code
				.clone()
				.unwrap_or_else(|| "none recorded".into()),
		),
		(
			"Metadata",
			format!("{} (SHA-256 {})", work.metadata.uri, work.metadata.sha256),
		),
		("Created on", work.created_on.clone()),
		("Registrant", work.registrant.clone()),
		("Registered at block", work.registered_at_block.to_string()),
		(
			"Authors",
			format!("{} (list version {version})", work.authors.join(", ")),
		),
		(
			"Moral rights",
			format!("{}, with the authors", work.moral_rights.join(", ")),
		),
		("Derives from", none_if_empty(numbers(&work.parents))),
		("Derivatives", none_if_empty(numbers(&work.derivatives))),
		("Attestations", none_if_empty(attestations)),
		("Disputes", none_if_empty(disputes)),
		(
			"Units in force",
			none_if_empty(units.iter().map(|u| format!("unit {u}")).collect()),
		),
		(
			"Licences in force",
			none_if_empty(licences.iter().map(|l| format!("licence {l}")).collect()),
		),
	];
	let mut text = table(&rows);
	text.push_str(&format!(
		"\nThe rights map: `registry rights show {}`.",
		work.work
	));
	if !work.truncated.is_empty() {
		text.push_str(&format!(
			"\nOnly the first {} entries are shown of: {}. `registry rights show {}` lists every \
			 unit and licence.",
			registry_rpc_types::WORK_LIST,
			work.truncated.join(", "),
			work.work
		));
	}
	Output::new(text, serde_json::to_value(work).unwrap_or_default())
}
