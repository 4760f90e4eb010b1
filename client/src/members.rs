//! The `Members` pallet's types and reads. Its calls are `runtime::tx().members()`; the types
//! are generated from the chain's metadata.

use subxt::utils::AccountId32;

use crate::{
	runtime::{self, runtime_types},
	Error, RegistryClient,
};

pub use runtime_types::pallet_members::types::MemberStatus;
pub use runtime_types::registry_audit_record::detail::Role;
/// Who admitted a member: a registrar's account, the consortium or the genesis configuration.
pub type AuthorizedBy = runtime_types::registry_audit_record::detail::AuthorizedBy<AccountId32>;
/// A member as stored.
pub type MemberRecord = runtime_types::pallet_members::types::MemberRecord<AccountId32, u32>;

impl Role {
	/// The role's name on chain, e.g. `Institution`.
	pub fn name(&self) -> String {
		format!("{self:?}")
	}
}

impl RegistryClient {
	/// The member record of `who` at the finalized head, if it is a member.
	pub async fn member(&self, who: &AccountId32) -> Result<Option<MemberRecord>, Error> {
		self.fetch(runtime::storage().members().members(), (who.clone(),))
			.await
	}

	/// Every member with its record at the finalized head, by account.
	pub async fn members(&self) -> Result<Vec<(AccountId32, MemberRecord)>, Error> {
		fn failed(e: impl std::fmt::Display) -> Error {
			Error::Metadata(format!("Members::Members: {e}"))
		}
		let at = self.at_head().await?;
		let mut entries = at
			.storage()
			.iter(runtime::storage().members().members(), ())
			.await
			.map_err(failed)?;
		let mut members = Vec::new();
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(failed)?;
			let (account,) = entry.key().and_then(|key| key.decode()).map_err(failed)?;
			members.push((account, entry.value().decode().map_err(failed)?));
		}
		members.sort_by(|a, b| a.0.to_string().cmp(&b.0.to_string()));
		Ok(members)
	}
}
