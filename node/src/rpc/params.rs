//! Parsing of RPC parameters, and the errors every registry method answers with.
//!
//! Bad input never reaches the runtime: it is refused here with JSON-RPC error
//! [`INVALID_PARAMS`] and a sentence that says what was wrong and what is expected.

use jsonrpsee::types::ErrorObjectOwned;
use polkadot_sdk::sp_core::{crypto::Ss58Codec, H256};
use registry_runtime::{AccountId, BlockNumber};

pub use registry_rpc_types::api::{CHAIN_ERROR, INVALID_PARAMS, NOT_FOUND};

/// An [`INVALID_PARAMS`] error with `message`.
pub fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS, message.into(), None::<()>)
}

/// A [`NOT_FOUND`] error with `message`.
pub fn not_found(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(NOT_FOUND, message.into(), None::<()>)
}

/// A [`CHAIN_ERROR`] for a failed runtime API call.
pub fn chain_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		CHAIN_ERROR,
		format!("the node could not read the chain: {error}"),
		None::<()>,
	)
}

/// An account from its SS58 address.
pub fn account(name: &str, text: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(text.trim()).map_err(|e| {
		invalid(format!(
			"`{name}` is not an SS58 account address ({e:?}): {text:?}; expected e.g. \
			 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu"
		))
	})
}

/// A 32-byte hash from `0x` and 64 hex digits.
pub fn hash(name: &str, text: &str) -> Result<H256, ErrorObjectOwned> {
	let digits = text.trim().strip_prefix("0x").unwrap_or(text.trim());
	let bytes = hex::decode(digits)
		.ok()
		.filter(|b| b.len() == 32)
		.ok_or_else(|| {
			invalid(format!(
				"`{name}` is not a 32-byte hash: {text:?}; expected 0x followed by 64 hex digits"
			))
		})?;
	Ok(H256::from_slice(&bytes))
}

/// A page size: 1 to `max`, `default` when absent.
pub fn page_size(given: Option<u32>, default: u32, max: u32) -> Result<u32, ErrorObjectOwned> {
	match given {
		None => Ok(default),
		Some(0) => Err(invalid("`pageSize` must be at least 1")),
		Some(n) if n > max => Err(invalid(format!(
			"`pageSize` {n} is over the bound of {max}; ask for at most {max} and follow the \
			 cursor"
		))),
		Some(n) => Ok(n),
	}
}

/// A block range whose ends are in order.
pub fn block_range(
	from: Option<BlockNumber>,
	to: Option<BlockNumber>,
) -> Result<Option<(BlockNumber, BlockNumber)>, ErrorObjectOwned> {
	match (from, to) {
		(None, None) => Ok(None),
		(from, to) => {
			let from = from.unwrap_or(0);
			let to = to.unwrap_or(BlockNumber::MAX);
			if from > to {
				return Err(invalid(format!(
					"the block range is inverted: `fromBlock` {from} is after `toBlock` {to}"
				)));
			}
			Ok(Some((from, to)))
		}
	}
}

/// A range of whole days (`YYYY-MM-DD`, UTC) as milliseconds since the Unix epoch, from the
/// first day's start to the last day's end; `None` when neither end is given.
pub fn date_range(
	from: Option<String>,
	to: Option<String>,
) -> Result<Option<(Option<u64>, Option<u64>)>, ErrorObjectOwned> {
	let day = |name: &str, text: &str| {
		registry_rpc_types::day_of(text).ok_or_else(|| {
			invalid(format!(
				"`{name}` is {text:?}; expected a date as YYYY-MM-DD, e.g. 2026-03-31"
			))
		})
	};
	let from = from
		.as_deref()
		.map(|text| day("fromDate", text))
		.transpose()?;
	let to = to.as_deref().map(|text| day("toDate", text)).transpose()?;
	if let (Some(from), Some(to)) = (from, to) {
		if from > to {
			return Err(invalid(format!(
				"the dates are inverted: `fromDate` {} is after `toDate` {}",
				registry_rpc_types::date(from),
				registry_rpc_types::date(to)
			)));
		}
	}
	if from.is_none() && to.is_none() {
		return Ok(None);
	}
	Ok(Some(registry_rpc_types::days_in_ms(from, to)))
}

#[cfg(test)]
mod tests {
	use super::*;
	use registry_rpc_types::DAY_MS;

	#[test]
	fn dates_cover_whole_days_and_bad_ones_are_named() {
		let day = |text: &str| u64::from(registry_rpc_types::day_of(text).unwrap()) * DAY_MS;
		assert_eq!(date_range(None, None).unwrap(), None);
		assert_eq!(
			date_range(Some("2026-01-01".into()), Some("2026-03-31".into())).unwrap(),
			Some((Some(day("2026-01-01")), Some(day("2026-04-01") - 1)))
		);
		assert_eq!(
			date_range(None, Some("2026-03-31".into())).unwrap(),
			Some((None, Some(day("2026-04-01") - 1)))
		);
		let error = date_range(Some("31/03/2026".into()), None).unwrap_err();
		assert!(
			error.message().contains("`fromDate`"),
			"{}",
			error.message()
		);
		let error = date_range(Some("2026-04-01".into()), Some("2026-03-31".into())).unwrap_err();
		assert!(error.message().contains("inverted"), "{}", error.message());
	}

	#[test]
	fn an_ss58_address_parses_and_garbage_is_refused_with_the_parameter_name() {
		let alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
		assert_eq!(account("owner", alice).unwrap().to_ss58check(), alice);
		let error = account("owner", "5Fnot-an-address").unwrap_err();
		assert_eq!(error.code(), INVALID_PARAMS);
		assert!(error.message().contains("`owner`"), "{}", error.message());
	}

	#[test]
	fn a_hash_needs_exactly_32_bytes_of_hex() {
		let text = format!("0x{}", "ab".repeat(32));
		assert_eq!(hash("content", &text).unwrap(), H256::repeat_byte(0xab));
		assert_eq!(
			hash("content", &"ab".repeat(32)).unwrap(),
			H256::repeat_byte(0xab)
		);
		for bad in ["0x1234", "0xzz", "", &format!("0x{}", "ab".repeat(33))] {
			let error = hash("content", bad).unwrap_err();
			assert_eq!(error.code(), INVALID_PARAMS, "{bad}");
			assert!(error.message().contains("64 hex digits"));
		}
	}

	#[test]
	fn page_sizes_and_block_ranges_are_bounded() {
		assert_eq!(page_size(None, 50, 100).unwrap(), 50);
		assert_eq!(page_size(Some(100), 50, 100).unwrap(), 100);
		assert!(page_size(Some(101), 50, 100)
			.unwrap_err()
			.message()
			.contains("over the bound of 100"));
		assert!(page_size(Some(0), 50, 100).is_err());
		assert_eq!(block_range(None, None).unwrap(), None);
		assert_eq!(
			block_range(Some(5), None).unwrap(),
			Some((5, BlockNumber::MAX))
		);
		assert_eq!(block_range(Some(5), Some(5)).unwrap(), Some((5, 5)));
		assert!(block_range(Some(6), Some(5))
			.unwrap_err()
			.message()
			.contains("inverted"));
	}
}
