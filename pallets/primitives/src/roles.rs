//! Member roles, and how other pallets ask about them.

pub use registry_audit_record::Role;

/// What other pallets may ask about members, implemented by the members pallet.
pub trait MemberRoles<AccountId> {
	/// Whether `who` is a member who may transact now.
	fn is_active_member(who: &AccountId) -> bool;
	/// Whether `who` is an active member holding `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;

	/// Makes `who` an active member holding `roles`, for benchmarks of other pallets.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId, roles: &[Role]);
}
