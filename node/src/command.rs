//! Dispatches the command line to the node or to a subcommand.

use std::ffi::OsString;

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use polkadot_sdk::{sc_consensus_grandpa, sc_network, sp_runtime};
use registry_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Registry Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"the consortium's operators".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			path => Box::new(
				chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))
					.map_err(|e| format!("cannot read the chain specification {path}: {e}"))?,
			),
		})
	}
}

/// The command line, with the registry's defaults when running the node:
/// - libp2p as the network backend, on whose reserved-peer handling the consortium's peer
///   admission was first built (litep2p enforces it too);
/// - offchain workers on every node, not only validators: the node-authorization worker is
///   what keeps peers the council has not admitted out.
///
/// - 256 MiB each for the trie cache and RocksDB's cache (the SDK gives 1 GiB each), which
///   keeps a node holding a million items within 1 GiB of memory.
///
/// An explicit `--network-backend`, `--offchain-worker`, `--trie-cache-size` or `--db-cache`
/// still wins.
fn args_with_network_default() -> Vec<OsString> {
	let mut args: Vec<OsString> = std::env::args_os().collect();
	let runs_node = args
		.get(1)
		.is_none_or(|first| first.to_string_lossy().starts_with('-'));
	let chosen = args
		.iter()
		.any(|a| a.to_string_lossy().starts_with("--network-backend"));
	if runs_node && !chosen {
		args.push("--network-backend=libp2p".into());
	}
	let offchain_chosen = args
		.iter()
		.any(|a| a.to_string_lossy().starts_with("--offchain-worker"));
	if runs_node && !offchain_chosen {
		args.push("--offchain-worker=always".into());
	}
	for (option, default) in [
		("--trie-cache-size", "--trie-cache-size=268435456"),
		("--db-cache", "--db-cache=256"),
	] {
		let chosen = args.iter().any(|a| a.to_string_lossy().starts_with(option));
		if runs_node && !chosen {
			args.push(default.into());
		}
	}
	args
}

/// Parses the command line and runs it.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_iter(args_with_network_default());

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client,
					task_manager,
					import_queue,
					..
				} = service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client,
					task_manager,
					..
				} = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client,
					task_manager,
					..
				} = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client,
					task_manager,
					import_queue,
					..
				} = service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client,
					task_manager,
					backend,
					..
				} = service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		#[cfg(feature = "benchmark")]
		Some(Subcommand::Benchmark(cmd)) => benchmark(&cli, cmd),
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let stopped = runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					}
				}
			});
			if stopped.is_ok() {
				crate::shutdown::say_stopped();
			}
			stopped
		}
	}
}

/// Runs one of the SDK's machine benchmarks against this node's database and runtime.
#[cfg(feature = "benchmark")]
fn benchmark(cli: &Cli, cmd: &frame_benchmarking_cli::BenchmarkCmd) -> sc_cli::Result<()> {
	use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Storage(cmd) => {
			let PartialComponents {
				client, backend, ..
			} = service::new_partial(&config)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_cache)
		}
		BenchmarkCmd::Block(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		}
		// The SDK's overhead benchmark signs immortal remarks without this chain's transaction
		// extensions, which the pool and the block builder refuse; the runtime keeps the SDK's
		// base weights of a block and a transaction.
		BenchmarkCmd::Overhead(_) => Err("`benchmark overhead` is not offered: it signs \
			transactions without an era and without this chain's extensions, which the chain \
			refuses"
			.into()),
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		// Runs the benchmarks of the runtime given with `--runtime`, one built with the
		// `runtime-benchmarks` feature (scripts/bench.sh does both).
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
		}
		BenchmarkCmd::Extrinsic(_) => Err(
			"`benchmark extrinsic` is not offered: `benchmark overhead` measures the base costs"
				.into(),
		),
	})
}
