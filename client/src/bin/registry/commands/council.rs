//! `registry council`: the consortium's decisions. A council member proposes a call, the
//! members vote, and once two thirds voted aye the motion is closed and the call runs with the
//! consortium's origin. On a development chain, whose council is Alice alone, a proposal runs
//! at once.

use registry_client::{
	consortium::Motion,
	explain::Subject,
	runtime::{
		self,
		runtime_types::{
			pallet_members::pallet::Call as MembersCall,
			pallet_validators::pallet::Call as ValidatorsCall,
		},
	},
	AccountId32, H256,
};
use serde_json::json;

use crate::{
	args::{account, sha256},
	commands::member::{role_names, Roles},
	context::Context,
	errors::CliError,
	output::{hex32, Output},
};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
	/// Propose a consortium decision. The signer is a council member; the motion needs two
	/// thirds of the council's votes unless --threshold says otherwise.
	Propose {
		/// Aye votes the motion needs before it can be closed; default two thirds of the
		/// council, rounded up.
		#[arg(long, value_name = "N")]
		threshold: Option<u32>,
		#[command(subcommand)]
		decision: Decision,
	},
	/// Vote on a pending motion (see `council motions`). The signer is a council member.
	Vote {
		/// The motion's hash.
		#[arg(value_parser = sha256)]
		motion: H256,
		/// Vote aye; without it, the vote is nay.
		#[arg(long)]
		aye: bool,
	},
	/// Close a motion that has its votes: its call runs.
	Close {
		/// The motion's hash.
		#[arg(value_parser = sha256)]
		motion: H256,
	},
	/// List the motions waiting for votes, with what each would do and who voted.
	Motions,
}

/// What the consortium decides.
#[derive(Debug, clap::Subcommand)]
pub enum Decision {
	/// Admit an account with roles, the registrar and regulator roles included.
	Admit {
		#[arg(value_parser = account)]
		account: AccountId32,
		#[command(flatten)]
		roles: Roles,
		/// Salted SHA-256 of the off-chain real-name record, which stays off chain.
		#[arg(long, value_name = "HASH", value_parser = sha256)]
		identity_hash: H256,
	},
	/// Remove a member.
	Remove {
		#[arg(value_parser = account)]
		account: AccountId32,
	},
	/// Set a member's roles to exactly these, e.g. to make it a regulator.
	SetRoles {
		#[arg(value_parser = account)]
		account: AccountId32,
		#[command(flatten)]
		roles: Roles,
	},
}

impl Decision {
	fn call(&self) -> runtime::Call {
		match self {
			Decision::Admit {
				account,
				roles,
				identity_hash,
			} => runtime::Call::Members(MembersCall::admit {
				who: account.clone(),
				roles: roles.to_chain(),
				identity_hash: *identity_hash,
			}),
			Decision::Remove { account } => runtime::Call::Members(MembersCall::remove {
				who: account.clone(),
			}),
			Decision::SetRoles { account, roles } => {
				runtime::Call::Members(MembersCall::set_roles {
					who: account.clone(),
					roles: roles.to_chain(),
				})
			}
		}
	}

	fn described(&self) -> String {
		match self {
			Decision::Admit { account, roles, .. } => {
				format!("admit {account} as {}", role_names(&roles.to_chain()))
			}
			Decision::Remove { account } => format!("remove {account}"),
			Decision::SetRoles { account, roles } => {
				format!("give {account} the roles {}", role_names(&roles.to_chain()))
			}
		}
	}
}

/// What a motion's call does, in words.
fn motion_call(motion: &Motion) -> String {
	use registry_client::runtime::runtime_types::pallet_consortium::pallet::Call as Enact;
	let inner = match &motion.call {
		Some(runtime::Call::Consortium(Enact::enact { call })) => call.as_ref(),
		Some(_) => return "a call outside the consortium's path".into(),
		None => return "a call the chain no longer holds".into(),
	};
	match inner {
		runtime::Call::Members(MembersCall::admit { who, roles, .. }) => {
			format!("admit {who} as {}", role_names(roles))
		}
		runtime::Call::Members(MembersCall::remove { who }) => format!("remove member {who}"),
		runtime::Call::Members(MembersCall::set_roles { who, roles }) => {
			format!("give member {who} the roles {}", role_names(roles))
		}
		runtime::Call::Validators(ValidatorsCall::add_validator { who }) => {
			format!("add validator {who}")
		}
		runtime::Call::Validators(ValidatorsCall::remove_validator { who }) => {
			format!("remove validator {who}")
		}
		_ => format!("another consortium call ({} bytes)", motion.length),
	}
}

pub async fn run(command: Command, context: &Context) -> Result<Output, CliError> {
	match command {
		Command::Propose {
			threshold,
			decision,
		} => {
			let signer = context.signer()?;
			let client = context.connect().await?;
			let council = client.council_members().await?;
			if !council.contains(&signer.account_id()) {
				return Err(CliError::input(format!(
					"{} is not a council member; only the council proposes consortium \
					 decisions",
					signer.account_id()
				)));
			}
			let needed = (2 * council.len() as u32).div_ceil(3).max(1);
			let threshold = threshold.unwrap_or(needed);
			let subject = Subject::default();
			let (done, motion) = client
				.propose(decision.call(), threshold, &signer)
				.await
				.map_err(|e| CliError::chain(&e, &subject))?;
			let what = decision.described();
			let text = match &motion {
				None => format!(
					"The consortium decided to {what}: the motion needed one vote and ran at once."
				),
				Some((hash, _)) => format!(
					"Proposed to {what}: motion {}, needing {threshold} aye votes of {}. \
					 Members vote with `registry council vote {} --aye`; then \
					 `registry council close {}`.",
					hex32(hash),
					council.len(),
					hex32(hash),
					hex32(hash)
				),
			};
			Ok(Output::transaction(
				text,
				&done,
				json!({
					"decision": what,
					"motion": motion.map(|(hash, _)| hex32(&hash)),
					"threshold": threshold,
					"executed": motion.is_none(),
				}),
			))
		}
		Command::Vote { motion, aye } => {
			let client = context.connect().await?;
			let found = pending(&client, motion).await?;
			let call = runtime::tx().council().vote(motion, found.index, aye);
			let done = context.submit(&call, Subject::default()).await?;
			let (ayes, nays) = (
				found.ayes.len() + usize::from(aye),
				found.nays.len() + usize::from(!aye),
			);
			Ok(Output::transaction(
				format!(
					"Voted {} on motion {} ({}): {ayes} aye, {nays} nay of {} needed.",
					if aye { "aye" } else { "nay" },
					hex32(&motion),
					motion_call(&found),
					found.threshold
				),
				&done,
				json!({ "motion": hex32(&motion), "aye": aye }),
			))
		}
		Command::Close { motion } => {
			let signer = context.signer()?;
			let client = context.connect().await?;
			let found = pending(&client, motion).await?;
			let (done, ran) = client
				.close_motion(&found, &signer)
				.await
				.map_err(|e| CliError::chain(&e, &Subject::default()))?;
			let outcome = if ran {
				format!("the consortium decided to {}", motion_call(&found))
			} else {
				format!(
					"it can no longer get {} aye votes, so it is dropped and nothing was done \
					 ({})",
					found.threshold,
					motion_call(&found)
				)
			};
			Ok(Output::transaction(
				format!("Closed motion {}: {outcome}.", hex32(&motion)),
				&done,
				json!({ "motion": hex32(&motion), "call": motion_call(&found), "executed": ran }),
			))
		}
		Command::Motions => {
			let client = context.connect().await?;
			let motions = client.motions().await?;
			let lines: Vec<String> = motions
				.iter()
				.map(|motion| {
					format!(
						"{}  {}: {} aye, {} nay of {} needed; voting ends at block {}",
						hex32(&motion.hash),
						motion_call(motion),
						motion.ayes.len(),
						motion.nays.len(),
						motion.threshold,
						motion.end
					)
				})
				.collect();
			let text = if lines.is_empty() {
				"No motion is waiting.".to_string()
			} else {
				format!("Motions waiting:\n{}", lines.join("\n"))
			};
			Ok(Output::new(
				text,
				json!({ "motions": motions.iter().map(|motion| json!({
					"motion": hex32(&motion.hash),
					"call": motion_call(motion),
					"threshold": motion.threshold,
					"ayes": motion.ayes.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
					"nays": motion.nays.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
					"end": motion.end,
				})).collect::<Vec<_>>() }),
			))
		}
	}
}

/// The motion `hash`, or an error saying it is not waiting.
async fn pending(client: &registry_client::RegistryClient, hash: H256) -> Result<Motion, CliError> {
	client
		.motions()
		.await?
		.into_iter()
		.find(|motion| motion.hash == hash)
		.ok_or_else(|| {
			CliError::not_found(format!(
				"no motion {} is waiting; `registry council motions` lists them",
				hex32(&hash)
			))
		})
}
