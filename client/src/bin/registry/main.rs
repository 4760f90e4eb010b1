//! `registry`: the registry chain from the command line.
//!
//! One command per call of the chain, read commands beside them, `import` for whole
//! catalogues, certificates checked offline, and the audit log for regulators. Each command
//! group lives in its own module under `commands/`, exposes a clap `Command` (or `Args`) and
//! an async `run`, and is one line in [`Command`] and in [`run`].

mod args;
mod commands;
mod context;
mod errors;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::{
	audit, certificate, collection, council, find, hash, import, item, key, member, rights, verify,
	web, work,
};
use context::{Context, Global};

const AFTER_HELP: &str = "\
Every command that talks to the chain takes --node (or REGISTRY_NODE_URL); commands that \
sign take --key FILE (or REGISTRY_KEY), a file written by `registry key generate`, or \
--key-uri URI (or REGISTRY_KEY_URI), e.g. //Alice on a development chain.

`registry verify`, `registry hash`, `registry key` and `registry audit verify` work offline.

Exit status: 0 on success, 1 when the command failed (the message says why), 2 when the \
command line itself is wrong.";

/// The registry chain from the command line: keys, fingerprints, collections, items, members,
/// catalogue imports, works and their rights, certificates, and the audit log.
#[derive(Parser)]
#[command(name = "registry", version, after_help = AFTER_HELP)]
struct Cli {
	#[command(flatten)]
	global: Global,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Make and inspect ed25519 signing keys.
	#[command(subcommand)]
	Key(key::Command),
	/// Print files' fingerprints: SHA-256, SM3 and ISCC content code, of files of any size.
	Hash(hash::Args),
	/// Create, list and show collections.
	#[command(subcommand)]
	Collection(collection::Command),
	/// Mint, show, list, give away, freeze, unfreeze, issue, correct and retire items.
	#[command(subcommand)]
	Item(item::Command),
	/// Admit, suspend, reinstate, remove, list and show members.
	#[command(subcommand)]
	Member(member::Command),
	/// The consortium's decisions: propose, vote on and close council motions, and list the
	/// pending ones.
	#[command(subcommand)]
	Council(council::Command),
	/// Find what is registered for a file or a content hash (items and work), and what is
	/// registered that is similar to a file.
	Find(find::Args),
	/// Register a whole catalogue from a CSV or JSON manifest, resuming where it stopped.
	#[command(long_about = import::LONG_ABOUT)]
	Import(import::Args),
	/// Register works, attest and dispute their authorship, and show them.
	#[command(subcommand)]
	Work(work::Command),
	/// Show, split, assign and license the economic rights in works.
	#[command(subcommand)]
	Rights(rights::Command),
	/// Make an authorship certificate of a file, checkable offline.
	#[command(long_about = certificate::LONG_ABOUT)]
	Certificate(certificate::Args),
	/// Check an authorship certificate offline, with no node.
	#[command(long_about = verify::LONG_ABOUT)]
	Verify(verify::Args),
	/// Read and export the audit log, and close anti-speculation alerts.
	#[command(subcommand)]
	Audit(audit::Command),
	/// Serve the verifier page: look up files, verify certificates and search, in a browser.
	#[command(long_about = web::LONG_ABOUT)]
	Web(web::Args),
}

async fn run(command: Command, context: &Context) -> Result<output::Output, errors::CliError> {
	match command {
		Command::Key(command) => key::run(command, context).await,
		Command::Hash(args) => hash::run(args, context).await,
		Command::Collection(command) => collection::run(command, context).await,
		Command::Item(command) => item::run(command, context).await,
		Command::Member(command) => member::run(command, context).await,
		Command::Council(command) => council::run(command, context).await,
		Command::Find(args) => find::run(args, context).await,
		Command::Import(args) => import::run(args, context).await,
		Command::Work(command) => work::run(command, context).await,
		Command::Rights(command) => rights::run(command, context).await,
		Command::Certificate(args) => certificate::run(args, context).await,
		Command::Verify(args) => verify::run(args, context).await,
		Command::Audit(command) => audit::run(command, context).await,
		Command::Web(args) => web::run(args, context).await,
	}
}

/// Whether the command line asks for JSON, read before it is parsed: a command line clap
/// refuses still gets its error as JSON.
fn asks_for_json() -> bool {
	let args: Vec<String> = std::env::args().collect();
	args.iter().any(|arg| arg == "--output=json")
		|| args
			.windows(2)
			.any(|pair| pair[0] == "--output" && pair[1] == "json")
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = match Cli::try_parse() {
		Ok(cli) => cli,
		Err(error) => {
			use clap::error::ErrorKind;
			let help = matches!(
				error.kind(),
				ErrorKind::DisplayHelp
					| ErrorKind::DisplayVersion
					| ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
			);
			if help || !asks_for_json() {
				let _ = error.print();
				return if help {
					ExitCode::SUCCESS
				} else {
					ExitCode::from(output::USAGE_STATUS)
				};
			}
			let message = error.render().to_string();
			let message = message
				.trim()
				.trim_start_matches("error: ")
				.lines()
				.filter(|line| !line.trim().is_empty())
				.collect::<Vec<_>>()
				.join(" ");
			output::say(serde_json::json!({ "error": { "kind": "usage", "message": message } }));
			return ExitCode::from(output::USAGE_STATUS);
		}
	};
	let context = Context::new(cli.global);
	let result = run(cli.command, &context).await;
	output::finish(result, context.json())
}
