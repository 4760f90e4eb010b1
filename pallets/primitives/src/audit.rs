//! What the registry's pallets report to the audit log.
//!
//! A pallet that changes ownership, rights or status builds an [`AuditEntry`] and hands it to
//! the [`AuditReporter`] in its `Config`. The audit pallet implements the trait; `()` ignores
//! every entry, for tests and for chains without a log.

use codec::{Decode, Encode};
use polkadot_sdk::{frame_support::weights::Weight, sp_core::H256};
pub use registry_audit_record::{
	scope, AuditKind, AuthorizedBy, Detail, Name, Named, PeerIdBytes, RateLimitDetail, RoleList,
	Subject, MAX_NAMED, MAX_TERRITORIES,
};
use scale_info::TypeInfo;

/// One change, as a pallet reports it. The audit log adds the sequence number, block,
/// extrinsic index and the previous record's hash.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AuditEntry<AccountId> {
	/// What happened.
	pub kind: AuditKind,
	/// What it happened to.
	pub subject: Subject,
	/// The holder before the change, if it has one.
	pub from: Option<AccountId>,
	/// The holder after the change, if it has one.
	pub to: Option<AccountId>,
	/// Who authorized the change.
	pub authorized_by: AuthorizedBy<AccountId>,
	/// A reason code (for freezes, retirements, revocations, rulings); 0 when none applies.
	pub reason: u16,
	/// The hash of off-chain evidence, when the change rests on some.
	pub evidence: Option<H256>,
	/// What the record says beyond its kind and subject.
	pub detail: Detail<AccountId>,
}

impl<AccountId> AuditEntry<AccountId> {
	/// An entry signed by `authorized_by`, with no holders, reason, evidence or detail; fill
	/// in what applies.
	pub fn new(kind: AuditKind, subject: Subject, authorized_by: AccountId) -> Self {
		Self::by(kind, subject, AuthorizedBy::Account(authorized_by))
	}

	/// An entry authorized by `authorized_by`, the consortium's or genesis included.
	pub fn by(kind: AuditKind, subject: Subject, authorized_by: AuthorizedBy<AccountId>) -> Self {
		Self {
			kind,
			subject,
			from: None,
			to: None,
			authorized_by,
			reason: 0,
			evidence: None,
			detail: Detail::None,
		}
	}

	/// What the record says beyond its kind and subject.
	pub fn detail(mut self, detail: Detail<AccountId>) -> Self {
		self.detail = detail;
		self
	}

	/// The holder before the change.
	pub fn from(mut self, from: AccountId) -> Self {
		self.from = Some(from);
		self
	}

	/// The holder after the change.
	pub fn to(mut self, to: AccountId) -> Self {
		self.to = Some(to);
		self
	}

	/// The reason code.
	pub fn reason(mut self, reason: u16) -> Self {
		self.reason = reason;
		self
	}

	/// The evidence hash.
	pub fn evidence(mut self, evidence: H256) -> Self {
		self.evidence = Some(evidence);
		self
	}
}

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
