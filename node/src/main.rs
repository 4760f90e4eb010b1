//! `registry-node`: a node of the permissioned registry chain.

mod chain_spec;
mod cli;
mod command;
mod metrics;
mod rpc;
mod screen;
mod service;
mod shutdown;
mod similar;

fn main() -> sc_cli::Result<()> {
	command::run()
}
