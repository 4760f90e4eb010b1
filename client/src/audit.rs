//! Typed calls of the `Audit` pallet. Reads of the log go through the node's `audit_*` RPC
//! methods ([`crate::rpc`]); the rules are set by the consortium through a council motion.

use subxt::transactions::DynamicPayload;

/// An alert's number.
pub type AlertId = u64;

/// `Audit::close_alert`: a regulator closes an open alert with what they found.
pub fn close_alert(alert: AlertId, note: &str) -> DynamicPayload<(AlertId, Vec<u8>)> {
	subxt::dynamic::transaction("Audit", "close_alert", (alert, note.as_bytes().to_vec()))
}
