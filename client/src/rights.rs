//! The `Rights` pallet's types: works, attestations, disputes, and units of economic rights
//! with their licences. Its calls are `runtime::tx().rights()`, its events
//! `runtime::rights::events`; reads go through the node's `registry_*` RPC methods
//! ([`crate::rpc`]). The types are generated from the chain's metadata.

use subxt::utils::{AccountId32, H256};

use crate::{
	runtime::{self, runtime_types::registry_audit_record::scope},
	types, Error, RegistryClient,
};

pub use crate::collectibles::{Fingerprints, MetadataRef};
pub use scope::{RightSet, Scope, SplitSpec, Term, Territory};

/// A work's number.
pub type WorkId = u64;
/// A unit of economic rights' number.
pub type UnitId = u64;
/// A licence's number.
pub type LicenceId = u64;
/// A dispute's number.
pub type DisputeId = u64;
/// A day counted from 1970-01-01, UTC.
pub type Day = u32;

impl RightSet {
	/// The twelve economic rights.
	pub const ECONOMIC: Self = Self(0x0FFF);

	/// The rights named, e.g. `["reproduction", "adaptation"]`; the error is the first name
	/// that is not a right.
	pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
		types::right_bits(names).map(Self).map_err(|unknown| {
			format!(
				"{unknown:?} is not a right; the rights are {}",
				types::RIGHT_NAMES.join(", ")
			)
		})
	}
}

/// A work to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWork {
	/// SHA-256 of the work's bytes.
	pub content: H256,
	/// Its title.
	pub title: String,
	/// Its metadata document.
	pub metadata: MetadataRef,
	/// The day it was created.
	pub created_on: Day,
	/// The other authors.
	pub co_authors: Vec<AccountId32>,
	/// Registered works it derives from.
	pub parents: Vec<WorkId>,
	/// The creator an institution registers for; `None` when a creator files for themself.
	pub on_behalf_of: Option<AccountId32>,
	/// Its SM3 digest and content code, as far as they were computed.
	pub fingerprints: Fingerprints,
}

impl NewWork {
	/// `Rights::register_work` for this work.
	pub fn register(
		self,
	) -> subxt::transactions::StaticPayload<runtime::rights::calls::RegisterWork> {
		runtime::tx().rights().register_work(
			self.content,
			self.title.into_bytes(),
			self.metadata,
			self.created_on,
			self.co_authors,
			self.parents,
			self.on_behalf_of,
			self.fingerprints,
		)
	}
}

impl RegistryClient {
	/// The actions on co-held `unit` that wait for more approvals, at the finalized head: each
	/// action's hash and the holders who approved it.
	pub async fn pending_approvals(
		&self,
		unit: UnitId,
	) -> Result<Vec<(H256, Vec<AccountId32>)>, Error> {
		fn failed(e: impl std::fmt::Display) -> Error {
			Error::Metadata(format!("Rights::Pending: {e}"))
		}
		let at = self.at_head().await?;
		let mut entries = at
			.storage()
			.iter(runtime::storage().rights().pending(), (unit,))
			.await
			.map_err(failed)?;
		let mut pending = Vec::new();
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(failed)?;
			let (_, action) = entry.key().and_then(|key| key.decode()).map_err(failed)?;
			let approvers = entry.value().decode().map_err(failed)?;
			pending.push((action, approvers));
		}
		Ok(pending)
	}

	/// The chain of title of `unit` at the finalized head: the unit, the unit it came from,
	/// and so on back to its work's first unit, as `registry_chainOfTitle` answers.
	pub async fn chain_of_title(&self, unit: UnitId) -> Result<Vec<types::Unit>, Error> {
		use crate::RegistryApiClient;
		Ok(self.node().chain_of_title(unit).await?)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rights_are_named_and_unknown_names_are_explained() {
		assert_eq!(
			RightSet::from_names(["reproduction", "informationNetworkDissemination"]),
			Ok(RightSet(0b1 | 1 << 7))
		);
		let error = RightSet::from_names(["resale"]).unwrap_err();
		assert!(error.contains("\"resale\" is not a right"), "{error}");
		assert!(error.contains("adaptation"), "{error}");
	}
}
