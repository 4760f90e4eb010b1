//! An ordinary stop that reads as one. On SIGTERM or Ctrl-C the node says so, and once
//! stopped says that too; the transaction pool's background tasks, which end by themselves as
//! the client they watch closes, are not reported as failed essential tasks.

use std::{sync::OnceLock, time::Duration};

use futures::{future::BoxFuture, FutureExt};
use polkadot_sdk::sp_core::traits::SpawnEssentialNamed;

/// How long an ended pool task waits before its end counts as a failure: longer than the
/// shutdown takes to drop it, short enough that a real failure still stops the node.
const GRACE: Duration = Duration::from_secs(10);

/// The essential spawner, for the transaction pool. A pool task that ends still stops the
/// node, [`GRACE`] later; during a shutdown the task manager drops it first, quietly.
#[derive(Clone)]
pub struct GracefulSpawner<S>(pub S);

impl<S: SpawnEssentialNamed + Clone> SpawnEssentialNamed for GracefulSpawner<S> {
	fn spawn_essential_blocking(
		&self,
		name: &'static str,
		group: Option<&'static str>,
		future: BoxFuture<'static, ()>,
	) {
		self.0.spawn_essential_blocking(name, group, graced(future));
	}

	fn spawn_essential(
		&self,
		name: &'static str,
		group: Option<&'static str>,
		future: BoxFuture<'static, ()>,
	) {
		self.0.spawn_essential(name, group, graced(future));
	}
}

fn graced(task: BoxFuture<'static, ()>) -> BoxFuture<'static, ()> {
	async move {
		task.await;
		// A timer of its own thread: tokio's refuses to start on a runtime shutting down,
		// which is when these tasks end.
		futures_timer::Delay::new(GRACE).await;
	}
	.boxed()
}

/// The signal that asked the node to stop, once one has.
static STOP_SIGNAL: OnceLock<&'static str> = OnceLock::new();

/// Says, at the moment a stop is asked for, that the node is stopping and why. The shutdown
/// may drop this task before it runs: [`say_stopped`] is the line that always comes.
pub async fn announce_stop() {
	let signal = {
		#[cfg(unix)]
		{
			use tokio::signal::unix::{signal, SignalKind};
			match signal(SignalKind::terminate()) {
				Ok(mut term) => tokio::select! {
					_ = tokio::signal::ctrl_c() => "Ctrl-C",
					_ = term.recv() => "SIGTERM",
				},
				Err(_) => {
					let _ = tokio::signal::ctrl_c().await;
					"Ctrl-C"
				}
			}
		}
		#[cfg(not(unix))]
		{
			let _ = tokio::signal::ctrl_c().await;
			"Ctrl-C"
		}
	};
	let _ = STOP_SIGNAL.set(signal);
	log::info!("Stopping on {signal}: finishing the work in hand and closing the database.");
}

/// The last line of an ordinary stop, once every task has ended and the database is closed.
pub fn say_stopped() {
	match STOP_SIGNAL.get() {
		Some(signal) => {
			log::info!("Stopped on {signal}: every task ended, the database is closed.")
		}
		None => log::info!("Stopped on request: every task ended, the database is closed."),
	}
}
