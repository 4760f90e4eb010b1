//! Typed calls and reads of the `Members` pallet.

use subxt::{
	dynamic::Value,
	ext::scale_decode::{self, DecodeAsType},
	transactions::DynamicPayload,
	utils::{AccountId32, H256},
};

use crate::{Error, RegistryClient};

/// A member's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub enum Role {
	/// Admits, suspends and removes members.
	Registrar,
	/// Issues collections and attests authorship.
	Institution,
	/// Registers works and manages their rights.
	Creator,
	/// Audits histories and freezes items.
	Regulator,
	/// Resolves authorship disputes.
	Arbiter,
}

impl Role {
	/// Every role, in the chain's order.
	pub const ALL: [Role; 5] = [
		Role::Registrar,
		Role::Institution,
		Role::Creator,
		Role::Regulator,
		Role::Arbiter,
	];

	/// The variant's name on chain, e.g. `Institution`.
	pub fn name(&self) -> &'static str {
		match self {
			Role::Registrar => "Registrar",
			Role::Institution => "Institution",
			Role::Creator => "Creator",
			Role::Regulator => "Regulator",
			Role::Arbiter => "Arbiter",
		}
	}
}

/// Whether a member may transact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub enum MemberStatus {
	Active,
	Suspended,
}

/// Who admitted a member.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub enum AuthorizedBy {
	/// The chain's genesis configuration.
	Genesis,
	/// A council decision.
	Consortium,
	/// A registrar, by its signature.
	Account(AccountId32),
}

/// A member as stored.
#[derive(Debug, Clone, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct MemberRecord {
	pub roles: Vec<Role>,
	pub status: MemberStatus,
	/// Salted hash of the off-chain real-name record; `None` for genesis members.
	pub identity_hash: Option<H256>,
	pub admitted_by: AuthorizedBy,
	pub admitted_at: u32,
}

fn role_values(roles: &[Role]) -> Vec<Value> {
	roles
		.iter()
		.map(|role| Value::unnamed_variant(role.name(), vec![]))
		.collect()
}

/// `Members::admit`: `who` joins with `roles`, bound to the salted hash of its off-chain
/// real-name record.
pub fn admit(
	who: AccountId32,
	roles: &[Role],
	identity_hash: H256,
) -> DynamicPayload<(AccountId32, Vec<Value>, H256)> {
	subxt::dynamic::transaction("Members", "admit", (who, role_values(roles), identity_hash))
}

/// `Members::suspend`.
pub fn suspend(who: AccountId32) -> DynamicPayload<(AccountId32,)> {
	subxt::dynamic::transaction("Members", "suspend", (who,))
}

/// `Members::reinstate`.
pub fn reinstate(who: AccountId32) -> DynamicPayload<(AccountId32,)> {
	subxt::dynamic::transaction("Members", "reinstate", (who,))
}

/// `Members::remove`.
pub fn remove(who: AccountId32) -> DynamicPayload<(AccountId32,)> {
	subxt::dynamic::transaction("Members", "remove", (who,))
}

impl RegistryClient {
	/// The member record of `who` at the finalized head, if it is a member.
	pub async fn member(&self, who: &AccountId32) -> Result<Option<MemberRecord>, Error> {
		self.storage("Members", "Members", (who.clone(),)).await
	}
}
