//! `registry rights`: a work's rights map, and splits, assignments and licences of its units
//! of economic rights.
//!
//! A unit held by several members acts by agreement: each co-holder makes the same call, and
//! the chain records an approval until `threshold` of them have, when the action takes effect.

use registry_client::{
	explain::Subject,
	rights::{Day, LicenceId, RightSet, Scope, SplitSpec, Term, Territory, UnitId, WorkId},
	runtime::{
		self,
		rights::events::{
			ApprovalCancelled, LicenceGranted, ProposalApproved, UnitAssigned, UnitSplit,
		},
	},
	types::{self, date, right_names, Licence, Rights, Unit},
	AccountId32, Finalized, H256,
};
use serde_json::json;

use crate::{
	args::{account, codes_text, countries, country, right, right_set, sha256, today},
	commands::work::number,
	context::Context,
	errors::CliError,
	output::{hex32, Output},
};

const RIGHTS_HELP: &str = "Economic rights by name, comma-separated, in any case or kebab-case: \
	reproduction, distribution, rental, exhibition, performance, projection, broadcasting, \
	information-network-dissemination, cinematography, adaptation, translation, compilation";

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Show a work's rights map: the moral rights, the live units of economic rights and the
	/// licences in force, now or as they stood at the end of a block.
	Show {
		/// The work's number.
		work: WorkId,
		/// Read the map as it stood at the end of this finalized block.
		#[arg(long, value_name = "BLOCK")]
		at_block: Option<u32>,
	},
	/// Split a unit in one dimension into two units, the part and the remainder. The signer
	/// holds the unit.
	Split {
		/// The unit's number.
		unit: UnitId,
		#[command(flatten)]
		by: SplitBy,
	},
	/// Assign a unit to other members: it ends, and a successor held by them takes its place.
	/// The signer holds the unit.
	Assign {
		/// The unit's number.
		unit: UnitId,
		/// The new holders, active members; repeat or separate with commas.
		#[arg(
			long,
			value_name = "ACCOUNT",
			value_parser = account,
			value_delimiter = ',',
			required = true
		)]
		to: Vec<AccountId32>,
		/// How many of the new holders must make a call for it to take effect; default all
		/// of them.
		#[arg(long, value_name = "N")]
		threshold: Option<u32>,
	},
	/// Grant a licence from a unit, within its rights, territory and term. The signer holds
	/// the unit.
	#[command(visible_alias = "licence")]
	License(LicenseArgs),
	/// Revoke a licence before it expires; the record stays, with the reason. The signer was
	/// one of its grantors.
	#[command(visible_alias = "revoke-license")]
	RevokeLicence {
		/// The licence's number.
		licence: LicenceId,
		/// The reason code agreed by the consortium.
		#[arg(long, value_name = "CODE")]
		reason: u16,
	},
	/// Withdraw the signer's approval of an action on a co-held unit.
	CancelApproval {
		/// The unit's number.
		unit: UnitId,
		/// The action's hash, as printed when the approval was recorded.
		#[arg(value_name = "ACTION_HASH", value_parser = sha256)]
		action_hash: H256,
	},
	/// Show the chain of title of a unit: the unit, the unit it came from, and so on back to
	/// its work's registration.
	Title {
		/// The unit's number.
		unit: UnitId,
	},
}

/// The part to split off, in one dimension.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct SplitBy {
	// `help` rather than a doc comment: the valid names belong in the help.
	#[arg(
		long,
		value_name = "RIGHTS",
		value_parser = right,
		value_delimiter = ',',
		help = RIGHTS_HELP
	)]
	rights: Vec<RightSet>,
	/// These countries (ISO 3166-1 alpha-2, comma-separated), from the rest of the territory.
	#[arg(long, value_name = "CODES", value_parser = country, value_delimiter = ',')]
	countries: Vec<[u8; 2]>,
	/// The days from this one on, from the days before.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	from_date: Option<Day>,
}

#[derive(Debug, clap::Args)]
pub struct LicenseArgs {
	/// The unit's number.
	unit: UnitId,
	/// The licensee, an active member.
	#[arg(long, value_name = "ACCOUNT", value_parser = account)]
	to: AccountId32,
	#[arg(
		long,
		value_name = "RIGHTS",
		value_parser = right,
		value_delimiter = ',',
		required = true,
		help = RIGHTS_HELP
	)]
	rights: Vec<RightSet>,
	/// Only in these countries (ISO 3166-1 alpha-2, comma-separated); default worldwide.
	#[arg(
		long,
		value_name = "CODES",
		value_parser = country,
		value_delimiter = ',',
		conflicts_with = "except"
	)]
	countries: Vec<[u8; 2]>,
	/// Worldwide except these countries.
	#[arg(long, value_name = "CODES", value_parser = country, value_delimiter = ',')]
	except: Vec<[u8; 2]>,
	/// The first day it applies; default today (UTC).
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	from: Option<Day>,
	/// The day it expires: it applies up to the day before. Default: no end.
	#[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::args::date)]
	until: Option<Day>,
	/// Make it exclusive: no other licence in force may overlap it.
	#[arg(long)]
	exclusive: bool,
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Show { work, at_block } => {
			let client = context.connect().await?;
			let map = client
				.rights_of(work, at_block)
				.await
				.map_err(|e| CliError::chain(&e, &Subject::work(work)))?;
			let mut output = map_shown(&map, at_block.is_some());
			// Approvals waiting now; a past map has none to act on.
			if at_block.is_none() {
				let units: Vec<UnitId> = map
					.units
					.iter()
					.filter(|unit| unit.holders.len() > 1)
					.map(|unit| unit.unit)
					.collect();
				with_pending(&mut output, &client, &units).await?;
			}
			Ok(output)
		}
		Command::Split { unit, by } => split(unit, by, context).await,
		Command::Assign {
			unit,
			to,
			threshold,
		} => {
			let threshold = threshold.unwrap_or(to.len() as u32);
			let holders: Vec<String> = to.iter().map(|a| a.to_string()).collect();
			let call = runtime::tx().rights().assign(unit, to, threshold);
			let done = context.submit(&call, Subject::unit(unit)).await?;
			if let Some(pending) = pending(&done, unit, "assignment") {
				return Ok(pending);
			}
			let successor = done.event::<UnitAssigned>().ok().map(|e| e.successor);
			Ok(Output::transaction(
				format!(
					"Assigned unit {unit} to {} (threshold {threshold}): it ended, and unit {} \
					 holds its rights now.",
					holders.join(", "),
					number(successor)
				),
				&done,
				json!({
					"unit": unit,
					"status": "done",
					"successor": successor,
					"holders": holders,
					"threshold": threshold,
				}),
			))
		}
		Command::License(args) => license(args, context).await,
		Command::RevokeLicence { licence, reason } => {
			let call = runtime::tx().rights().revoke_licence(licence, reason);
			let done = context.submit(&call, Subject::licence(licence)).await?;
			Ok(Output::transaction(
				format!("Revoked licence {licence} (reason {reason}); the record stays."),
				&done,
				json!({ "licence": licence, "reason": reason }),
			))
		}
		Command::CancelApproval { unit, action_hash } => {
			let call = runtime::tx().rights().cancel_approval(unit, action_hash);
			let done = context.submit(&call, Subject::unit(unit)).await?;
			let left = done.event::<ApprovalCancelled>().ok().map(|e| e.approvals);
			Ok(Output::transaction(
				format!(
					"Withdrew the approval of action {} on unit {unit}; {} approval(s) of it \
					 remain.",
					hex32(&action_hash),
					number(left)
				),
				&done,
				json!({ "unit": unit, "action_hash": hex32(&action_hash), "approvals": left }),
			))
		}
		Command::Title { unit } => {
			let client = context.connect().await?;
			let chain = client
				.chain_of_title(unit)
				.await
				.map_err(|e| CliError::chain(&e, &Subject::unit(unit)))?;
			let mut output = title_shown(unit, &chain);
			with_pending(&mut output, &client, &[unit]).await?;
			Ok(output)
		}
	}
}

/// Adds to `output` the actions on `units` that wait for more approvals, with what the other
/// holders run.
pub async fn with_pending(
	output: &mut Output,
	client: &registry_client::RegistryClient,
	units: &[UnitId],
) -> Result<(), CliError> {
	let mut lines = Vec::new();
	let mut entries = Vec::new();
	for unit in units {
		for (action, approvers) in client.pending_approvals(*unit).await? {
			let approvers: Vec<String> = approvers.iter().map(|a| a.to_string()).collect();
			lines.push(format!(
				"  unit {unit}: action {} approved by {}; the other holders approve it by making \
				 the same call (the same `registry rights` command), and an approver withdraws \
				 with `registry rights cancel-approval {unit} {}`",
				hex32(&action),
				approvers.join(", "),
				hex32(&action)
			));
			entries.push(
				json!({ "unit": unit, "action_hash": hex32(&action), "approved_by": approvers }),
			);
		}
	}
	if !lines.is_empty() {
		output.text.push_str("\nWaiting for approvals:\n");
		output.text.push_str(&lines.join("\n"));
	}
	if let Some(doc) = output.json.as_object_mut() {
		doc.insert("pending".into(), json!(entries));
	}
	Ok(())
}

/// The result of a call on a co-held unit that recorded an approval and waits for more.
fn pending(done: &Finalized, unit: UnitId, action: &str) -> Option<Output> {
	let approved = done.event::<ProposalApproved>().ok()?;
	let (approvals, threshold) = (Some(approved.approvals), Some(approved.threshold));
	let hash = Some(approved.action_hash);
	let hash_text = hash.as_ref().map_or_else(|| "?".into(), hex32);
	Some(Output::transaction(
		format!(
			"Approval recorded: {} of {}. Unit {unit} is co-held: the {action} takes effect once \
			 {} of its holders have made this same call.\nWithdraw this approval with \
			 `registry rights cancel-approval {unit} {hash_text}`.",
			number(approvals),
			number(threshold),
			number(threshold),
		),
		done,
		json!({
			"unit": unit,
			"status": "pending",
			"action": action,
			"approvals": approvals,
			"threshold": threshold,
			"action_hash": hash.as_ref().map(hex32),
		}),
	))
}

async fn split(unit: UnitId, by: SplitBy, context: &Context) -> Result<Output, CliError> {
	let (spec, part_text) = if !by.rights.is_empty() {
		let set = right_set(&by.rights);
		(SplitSpec::Rights(set), right_names(set.0).join(", "))
	} else if !by.countries.is_empty() {
		let codes = countries(by.countries);
		let text = codes_text(&codes);
		(SplitSpec::Territory(codes), text)
	} else if let Some(day) = by.from_date {
		(
			SplitSpec::Term(day),
			format!("the days before {}", date(day)),
		)
	} else {
		return Err(CliError::usage(
			"give --rights RIGHTS, --countries CODES or --from-date YYYY-MM-DD",
		));
	};
	let call = runtime::tx().rights().split(unit, spec);
	let done = context.submit(&call, Subject::unit(unit)).await?;
	if let Some(pending) = pending(&done, unit, "split") {
		return Ok(pending);
	}
	let split = done.event::<UnitSplit>().ok();
	let part = split.as_ref().map(|e| e.part);
	let remainder = split.as_ref().map(|e| e.remainder);
	Ok(Output::transaction(
		format!(
			"Split unit {unit}: unit {} holds {part_text}, unit {} the rest. Unit {unit} has \
			 ended; its licences stay in force.",
			number(part),
			number(remainder)
		),
		&done,
		json!({ "unit": unit, "status": "done", "part": part, "remainder": remainder }),
	))
}

async fn license(args: LicenseArgs, context: &Context) -> Result<Output, CliError> {
	let set = right_set(&args.rights);
	let territory = if !args.countries.is_empty() {
		Territory::Including(countries(args.countries))
	} else {
		Territory::Excluding(countries(args.except))
	};
	let start = args.from.unwrap_or_else(today);
	if let Some(end) = args.until {
		if end <= start {
			return Err(CliError::input(format!(
				"--until {} is not after the first day {}: a licence lasts at least a day",
				date(end),
				date(start)
			)));
		}
	}
	let scope = Scope {
		rights: set,
		territory,
		term: Term {
			start,
			end: args.until,
		},
	};
	let scope_json = scope_of(&scope);
	let licensee = args.to;
	let mut subject = Subject::unit(args.unit);
	subject.account = Some(licensee.clone());
	let call =
		runtime::tx()
			.rights()
			.grant_licence(args.unit, licensee.clone(), scope, args.exclusive);
	let done = match context.submit(&call, subject).await {
		Ok(done) => done,
		Err(mut error) if error.kind == "Rights::OverlapsExclusiveLicence" => {
			if let Some(other) =
				overlapping_licence(context, args.unit, &scope_json, args.exclusive).await
			{
				error.message = format!(
					"{} It overlaps {}.",
					error.message.trim_end(),
					licence_text(&other)
				);
			}
			return Err(error);
		}
		Err(error) => return Err(error),
	};
	if let Some(pending) = pending(&done, args.unit, "licence") {
		return Ok(pending);
	}
	let licence = done.event::<LicenceGranted>().ok().map(|e| e.licence);
	Ok(Output::transaction(
		format!(
			"Granted {}licence {} from unit {} to {licensee}: {}.",
			if args.exclusive { "exclusive " } else { "" },
			number(licence),
			args.unit,
			scope_text(&scope_json)
		),
		&done,
		json!({
			"unit": args.unit,
			"status": "done",
			"licence": licence,
			"licensee": licensee.to_string(),
			"exclusive": args.exclusive,
			"scope": scope_json,
		}),
	))
}

/// A scope as the node writes it.
fn scope_of(scope: &Scope) -> types::Scope {
	let (including, countries) = match &scope.territory {
		Territory::Including(list) => (true, list),
		Territory::Excluding(list) => (false, list),
	};
	types::Scope::of(
		scope.rights.0,
		including,
		countries,
		scope.term.start,
		scope.term.end,
	)
}

/// A scope for people: `reproduction, adaptation; in CN, FR; from 2026-03-01 until
/// 2027-03-01`.
pub fn scope_text(scope: &types::Scope) -> String {
	let rights = if scope.rights.len() == 12 {
		"every economic right".to_string()
	} else {
		scope.rights.join(", ")
	};
	let territory = match (&scope.territory.including, &scope.territory.excluding) {
		(Some(list), _) => format!("in {}", list.join(", ")),
		(None, Some(list)) if !list.is_empty() => format!("worldwide except {}", list.join(", ")),
		_ => "worldwide".to_string(),
	};
	let term = match &scope.term.end {
		Some(end) => format!("from {} until {end}", scope.term.start),
		None => format!("from {} on", scope.term.start),
	};
	format!("{rights}; {territory}; {term}")
}

fn holders_text(unit: &Unit) -> String {
	if unit.holders.len() == 1 {
		format!("held by {}", unit.holders[0])
	} else {
		format!(
			"held by {} ({} of them must agree)",
			unit.holders.join(", "),
			unit.threshold
		)
	}
}

/// The licence in force on `unit`'s work that a licence of `scope` would collide with: one
/// of the two exclusive, and their scopes sharing a right, a country and a day. Read after the
/// chain refused the grant, to name what it collided with; none if the read fails.
async fn overlapping_licence(
	context: &Context,
	unit: UnitId,
	scope: &types::Scope,
	exclusive: bool,
) -> Option<Licence> {
	let client = context.connect().await.ok()?;
	let work = client.chain_of_title(unit).await.ok()?.first()?.work;
	let today = date(today());
	client
		.rights_of(work, None)
		.await
		.ok()?
		.licences
		.into_iter()
		.find(|other| {
			let in_force = other.revoked.is_none()
				&& other.scope.term.end.as_ref().is_none_or(|end| *end > today);
			in_force && (exclusive || other.exclusive) && other.scope.overlaps(scope)
		})
}

fn licence_text(licence: &Licence) -> String {
	let mut text = format!(
		"licence {}{} from unit {} to {}: {}",
		licence.licence,
		if licence.exclusive {
			" (exclusive)"
		} else {
			""
		},
		licence.unit,
		licence.licensee,
		scope_text(&licence.scope)
	);
	if let Some(revoked) = &licence.revoked {
		text.push_str(&format!(
			"; revoked at block {} (reason {})",
			revoked.at_block, revoked.reason
		));
	}
	text
}

fn map_shown(map: &Rights, as_of: bool) -> Output {
	let mut lines = vec![
		format!(
			"Rights in work {} {} block {}:",
			map.work,
			if as_of {
				"as they stood at the end of"
			} else {
				"at"
			},
			map.at_block
		),
		format!(
			"Moral rights ({}) stay with the authors: {}.",
			map.moral_rights.join(", "),
			map.authors.join(", ")
		),
	];
	if map.units.is_empty() {
		lines.push("No unit of economic rights was live then.".into());
	} else {
		lines.push("Units of economic rights:".into());
		for unit in &map.units {
			lines.push(format!(
				"  unit {}: {}; {}",
				unit.unit,
				scope_text(&unit.scope),
				holders_text(unit)
			));
		}
	}
	if map.licences.is_empty() {
		lines.push("No licence.".into());
	} else {
		lines.push("Licences:".into());
		for licence in &map.licences {
			lines.push(format!("  {}", licence_text(licence)));
		}
		if as_of {
			lines.push(
				"Licences expire by day: compare each term with the date of interest.".into(),
			);
		}
	}
	Output::new(
		lines.join("\n"),
		serde_json::to_value(map).unwrap_or_default(),
	)
}

fn title_shown(unit: UnitId, chain: &[Unit]) -> Output {
	let mut lines = vec![format!(
		"Chain of title of unit {unit} of work {}, newest first:",
		chain[0].work
	)];
	for link in chain {
		let status = match link.ended_at_block {
			Some(block) => format!("ended at block {block}"),
			None => "live".to_string(),
		};
		lines.push(format!(
			"  unit {}: by {} at block {}, {}; {status}\n    {}",
			link.unit,
			link.created_by,
			link.created_at_block,
			holders_text(link),
			scope_text(&link.scope)
		));
	}
	Output::new(
		lines.join("\n"),
		json!({ "unit": unit, "work": chain[0].work, "chain": chain }),
	)
}
