//! `registry member`: admission, suspension, reinstatement, removal, and member reads.

use registry_client::{
	explain::Subject,
	members::{AuthorizedBy, MemberStatus, Role},
	runtime,
	subxt::transactions::Payload,
	AccountId32, H256,
};
use serde_json::json;

use crate::{
	args::{account, sha256},
	context::Context,
	errors::CliError,
	output::{hex32, table, Output},
};

/// A role, as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
	Registrar,
	Institution,
	Creator,
	Regulator,
	Arbiter,
}

impl From<RoleArg> for Role {
	fn from(role: RoleArg) -> Self {
		match role {
			RoleArg::Registrar => Role::Registrar,
			RoleArg::Institution => Role::Institution,
			RoleArg::Creator => Role::Creator,
			RoleArg::Regulator => Role::Regulator,
			RoleArg::Arbiter => Role::Arbiter,
		}
	}
}

/// Roles given on the command line, each once, in the order given.
#[derive(Debug, clap::Args)]
pub struct Roles {
	/// A role; repeat or separate with commas for several.
	#[arg(
		long = "role",
		value_name = "ROLE",
		required = true,
		value_delimiter = ','
	)]
	roles: Vec<RoleArg>,
}

impl Roles {
	/// The chain's roles.
	pub fn to_chain(&self) -> Vec<Role> {
		let mut roles: Vec<Role> = Vec::new();
		for role in self.roles.iter().copied().map(Role::from) {
			if !roles.contains(&role) {
				roles.push(role);
			}
		}
		roles
	}
}

/// Roles by name, e.g. "Institution, Creator".
pub fn role_names(roles: &[Role]) -> String {
	roles.iter().map(Role::name).collect::<Vec<_>>().join(", ")
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Admit an account with roles. The signer is a registrar; only the consortium grants
	/// the registrar and regulator roles.
	Admit {
		/// The account to admit.
		#[arg(value_parser = account)]
		account: AccountId32,
		#[command(flatten)]
		roles: Roles,
		/// Salted SHA-256 of the off-chain real-name record, which stays off chain.
		#[arg(long, value_name = "HASH", value_parser = sha256)]
		identity_hash: H256,
	},
	/// Give a member more roles, keeping its membership and history. The signer is a
	/// registrar; only the consortium grants the registrar and regulator roles (`registry
	/// council propose set-roles`).
	AddRole {
		#[arg(value_parser = account)]
		account: AccountId32,
		#[command(flatten)]
		roles: Roles,
	},
	/// Take roles from a member; it keeps at least one. The signer is a registrar; only the
	/// consortium takes the registrar and regulator roles.
	RemoveRole {
		#[arg(value_parser = account)]
		account: AccountId32,
		#[command(flatten)]
		roles: Roles,
	},
	/// Suspend a member: the pool refuses its transactions until it is reinstated.
	Suspend {
		#[arg(value_parser = account)]
		account: AccountId32,
	},
	/// Reinstate a suspended member.
	Reinstate {
		#[arg(value_parser = account)]
		account: AccountId32,
	},
	/// Remove a member; its history stays in past events.
	Remove {
		#[arg(value_parser = account)]
		account: AccountId32,
	},
	/// List the members: account, roles and status, by account.
	List,
	/// Show a member: roles, status, and who admitted it.
	Show {
		#[arg(value_parser = account)]
		account: AccountId32,
	},
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Show { account } => show(account, context).await,
		Command::List => list(context).await,
		Command::Admit {
			account,
			roles,
			identity_hash,
		} => {
			let roles = roles.to_chain();
			let done = format!("Admitted {account} as {}.", role_names(&roles));
			let call = runtime::tx()
				.members()
				.admit(account.clone(), roles, identity_hash);
			submit(context, &call, account, done).await
		}
		Command::AddRole { account, roles } => change_roles(context, account, roles, true).await,
		Command::RemoveRole { account, roles } => {
			change_roles(context, account, roles, false).await
		}
		Command::Suspend { account } => {
			let done =
				format!("Suspended {account}: the pool refuses its transactions until reinstated.");
			let call = runtime::tx().members().suspend(account.clone());
			submit(context, &call, account, done).await
		}
		Command::Reinstate { account } => {
			let done = format!("Reinstated {account}.");
			let call = runtime::tx().members().reinstate(account.clone());
			submit(context, &call, account, done).await
		}
		Command::Remove { account } => {
			let done = format!("Removed {account}.");
			let call = runtime::tx().members().remove(account.clone());
			submit(context, &call, account, done).await
		}
	}
}

/// Adds `roles` to, or takes them from, the roles `account` holds now, and sets the result.
async fn change_roles(
	context: &Context,
	account: AccountId32,
	roles: Roles,
	add: bool,
) -> Result<Output, CliError> {
	let client = context.connect().await?;
	let record = client.member(&account).await?.ok_or_else(|| {
		CliError::not_found(format!(
			"{account} is not a member: admit it with `registry member admit`"
		))
	})?;
	let asked = roles.to_chain();
	let names = role_names;
	let mut held = record.roles.clone();
	if add {
		let new: Vec<Role> = asked
			.iter()
			.filter(|r| !held.contains(r))
			.copied()
			.collect();
		if new.is_empty() {
			return Err(CliError::input(format!(
				"{account} already holds {}",
				names(&asked)
			)));
		}
		held.extend(new);
	} else {
		let missing: Vec<Role> = asked
			.iter()
			.filter(|r| !held.contains(r))
			.copied()
			.collect();
		if !missing.is_empty() {
			return Err(CliError::input(format!(
				"{account} does not hold {}; it holds {}",
				names(&missing),
				names(&held)
			)));
		}
		held.retain(|role| !asked.contains(role));
		if held.is_empty() {
			return Err(CliError::input(format!(
				"a member keeps at least one role: {account} holds only {}; remove the member \
				 instead (`registry member remove`)",
				names(&asked)
			)));
		}
	}
	held.sort();
	let call = runtime::tx()
		.members()
		.set_roles(account.clone(), held.clone());
	let finalized = context
		.submit(&call, Subject::account(account.clone()))
		.await?;
	let held_names: Vec<String> = held.iter().map(Role::name).collect();
	Ok(Output::transaction(
		format!("{account} now holds {}.", held_names.join(", ")),
		&finalized,
		json!({ "account": account.to_string(), "roles": held_names }),
	))
}

async fn submit<Call: Payload>(
	context: &Context,
	call: &Call,
	account: AccountId32,
	done: String,
) -> Result<Output, CliError> {
	let finalized = context
		.submit(call, Subject::account(account.clone()))
		.await?;
	Ok(Output::transaction(
		done,
		&finalized,
		json!({ "account": account.to_string() }),
	))
}

async fn list(context: &Context) -> Result<Output, CliError> {
	let client = context.connect().await?;
	let members = client.members().await?;
	let mut lines = Vec::new();
	let mut entries = Vec::new();
	for (account, record) in &members {
		let roles: Vec<String> = record.roles.iter().map(Role::name).collect();
		let status = match record.status {
			MemberStatus::Active => "active",
			MemberStatus::Suspended => "suspended",
		};
		lines.push(format!("{account}  {status:<9}  {}", roles.join(", ")));
		entries.push(json!({ "account": account.to_string(), "roles": roles, "status": status }));
	}
	Ok(Output::new(
		format!(
			"{} member{}:\n{}",
			members.len(),
			if members.len() == 1 { "" } else { "s" },
			lines.join("\n")
		),
		json!({ "members": entries }),
	))
}

async fn show(account: AccountId32, context: &Context) -> Result<Output, CliError> {
	let client = context.connect().await?;
	let record = client
		.member(&account)
		.await?
		.ok_or_else(|| CliError::not_found(format!("{account} is not a member")))?;
	let roles: Vec<String> = record.roles.iter().map(Role::name).collect();
	let status = match record.status {
		MemberStatus::Active => "active",
		MemberStatus::Suspended => "suspended",
	};
	let admitted_by = match &record.admitted_by {
		AuthorizedBy::Genesis => "genesis".to_string(),
		AuthorizedBy::Consortium => "the consortium".to_string(),
		AuthorizedBy::Account(registrar) => format!("registrar {registrar}"),
	};
	let identity = record.identity_hash.as_ref().map(hex32);
	Ok(Output::new(
		table(&[
			("Account", account.to_string()),
			("Roles", roles.join(", ")),
			("Status", status.into()),
			("Admitted by", admitted_by.clone()),
			("Admitted at block", record.admitted_at.to_string()),
			(
				"Identity hash",
				identity.clone().unwrap_or_else(|| "none".into()),
			),
		]),
		json!({
			"account": account.to_string(),
			"roles": roles,
			"status": status,
			"admitted_by": admitted_by,
			"admitted_at": record.admitted_at,
			"identity_hash": identity,
		}),
	))
}
