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
}
