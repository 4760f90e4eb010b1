//! What the registry's pallets report to the audit log.
//!
//! A pallet that changes ownership, rights or status builds an [`AuditEntry`] and hands it to
//! the [`AuditReporter`] in its `Config`. The audit pallet implements the trait; `()` ignores
//! every entry, for tests and for chains without a log.

use polkadot_sdk::frame_support::weights::Weight;
pub use registry_audit_record::{
	scope, AuditEntry, AuditKind, AuthorizedBy, Detail, Name, Named, PeerIdBytes, RateLimitDetail,
	RoleList, Subject, MAX_NAMED, MAX_TERRITORIES,
};

/// Receives the audit entries of a pallet's state changes.
///
/// Reporting is part of each call's weight: the calls are benchmarked in the runtime, with
/// the reporter the runtime wires, so their generated weights include the log's writes.
///
/// A transfer may also break anti-speculation rules, each raising an alert. How many depends
/// on the rules in force and the item's history, which a transfer's benchmark does not set
/// up: [`AuditReporter::transfer_alerts_weight`] bounds that extra work, to be added to the
/// weight of every call that reports a transfer.
pub trait AuditReporter<AccountId> {
	/// Appends `entry` to the log. It must not fail: the change it describes has happened.
	fn report(entry: AuditEntry<AccountId>);

	/// The most a transfer's report can cost beyond a transfer that breaks no rule: an alert
	/// for every rule that may be in force.
	fn transfer_alerts_weight() -> Weight {
		Weight::zero()
	}
}

impl<AccountId> AuditReporter<AccountId> for () {
	fn report(_entry: AuditEntry<AccountId>) {}
}
