//! Block numbers as dates, for messages that tell a person when to come back.

use crate::{runtime, Error, RegistryClient};

/// The chain's clock at its finalized head: a block number, that block's timestamp and the
/// block time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainClock {
	/// The finalized head's number.
	pub head: u64,
	/// Its timestamp, in milliseconds since the Unix epoch.
	pub now_ms: u64,
	/// Milliseconds between blocks.
	pub block_ms: u64,
}

/// The block time when the chain does not say: Aura's two-second slots.
const DEFAULT_BLOCK_MS: u64 = 2000;

impl ChainClock {
	/// When block `number` is expected (or was made, approximately, if it is past), in
	/// milliseconds since the Unix epoch, assuming one block per slot from now on.
	pub fn time_of(&self, number: u64) -> u64 {
		if number >= self.head {
			self.now_ms
				.saturating_add((number - self.head).saturating_mul(self.block_ms))
		} else {
			self.now_ms
				.saturating_sub((self.head - number).saturating_mul(self.block_ms))
		}
	}

	/// [`Self::time_of`] as a UTC date to the minute, e.g. `2026-03-01 14:05 UTC`.
	pub fn date_of(&self, number: u64) -> String {
		format_utc(self.time_of(number))
	}
}

/// Milliseconds since the Unix epoch as a UTC date to the minute.
pub fn format_utc(ms: u64) -> String {
	match chrono::DateTime::from_timestamp_millis(ms.min(i64::MAX as u64) as i64) {
		Some(time) => time.format("%Y-%m-%d %H:%M UTC").to_string(),
		None => format!("{ms} ms after 1970"),
	}
}

impl RegistryClient {
	/// The chain's clock at the finalized head, from the `Timestamp` pallet and Aura's slot
	/// duration.
	pub async fn clock(&self) -> Result<ChainClock, Error> {
		let (head, _) = self.finalized_head().await?;
		let now_ms = self
			.fetch(runtime::storage().timestamp().now(), ())
			.await?
			.unwrap_or_default();
		// A chain without Aura's API still has blocks: fall back to the usual slot.
		let block_ms = self
			.call_api(runtime::runtime_apis().aura_api().slot_duration())
			.await
			.ok()
			.map(|duration| duration.0)
			.filter(|ms| *ms > 0)
			.unwrap_or(DEFAULT_BLOCK_MS);
		Ok(ChainClock {
			head,
			now_ms,
			block_ms,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn future_and_past_blocks_are_dated_from_the_head() {
		let clock = ChainClock {
			head: 100,
			// 2026-01-01 00:00:00 UTC
			now_ms: 1_767_225_600_000,
			block_ms: 2000,
		};
		assert_eq!(clock.date_of(100), "2026-01-01 00:00 UTC");
		// 1,800 blocks of two seconds: one hour.
		assert_eq!(clock.date_of(1900), "2026-01-01 01:00 UTC");
		assert_eq!(clock.date_of(70), "2025-12-31 23:59 UTC");
	}
}
