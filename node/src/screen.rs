//! A native screen in front of the transaction pool for what RPC submits.
//!
//! The pool validates every submission by calling the runtime, in wasm. A transaction signed by
//! an account that is not a member, or is suspended, is refused there by `CheckMember`; the
//! screen gives the same answer first, with a decode and one storage read, so that a flood from
//! outsiders costs the node little and its members' transactions keep their share of the cores.
//!
//! It speaks only for the runtime it was built with: while the chain runs another (a different
//! spec or transaction version, after an upgrade), it lets everything through to the pool.
//! It never accepts anything: what it lets through, the runtime still validates.

use std::sync::{Arc, Mutex};

use codec::{Decode, DecodeLimit, Encode};
use polkadot_sdk::{
	sc_client_api::{StorageKey, StorageProvider},
	sc_transaction_pool_api::error::Error as PoolError,
	sp_core::traits::CallContext,
	sp_runtime::{
		generic::Preamble, traits::Block as BlockT, transaction_validity::InvalidTransaction,
		MultiAddress,
	},
};
use registry_runtime::{
	opaque::{Block, UncheckedExtrinsic as OpaqueExtrinsic},
	pallet_members::{MemberRecord, MemberStatus, Members},
	AccountId, BlockNumber, Runtime, UncheckedExtrinsic, VERSION,
};

use crate::service::FullClient;

/// A block hash of the chain.
type Hash = <Block as BlockT>::Hash;

/// How deep a call may nest when decoded, as the runtime allows (`sp_api`'s
/// `MAX_EXTRINSIC_DEPTH`).
const MAX_EXTRINSIC_DEPTH: u32 = 256;

/// What the screen found of a submission.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
	/// The pool validates it, with the runtime.
	Validate,
	/// The runtime would refuse it with this, whatever else it holds.
	Refuse(InvalidTransaction),
}

/// Screens submissions against the state of the block they are submitted at.
pub struct Screen {
	client: Arc<FullClient>,
	/// The last block asked about, and whether the chain ran the native runtime there.
	native_at: Mutex<Option<(Hash, bool)>>,
}

impl Screen {
	pub fn new(client: Arc<FullClient>) -> Self {
		Self {
			client,
			native_at: Mutex::new(None),
		}
	}

	/// Whether the pool should validate `xt` at `at`, or the runtime's refusal.
	pub fn check(&self, at: Hash, xt: &OpaqueExtrinsic) -> Verdict {
		if !self.is_native(at) {
			return Verdict::Validate;
		}
		let Some(signer) = signer(xt) else {
			return Verdict::Validate;
		};
		let key = StorageKey(Members::<Runtime>::hashed_key_for(&signer));
		match self.client.storage(at, &key) {
			Ok(record) => verdict(record.map(|data| data.0).as_deref()),
			// The runtime reads the same state and will say what is wrong with it.
			Err(_) => Verdict::Validate,
		}
	}

	/// Whether the chain runs, at `at`, the runtime this node was built with.
	fn is_native(&self, at: Hash) -> bool {
		let mut last = self.native_at.lock().unwrap_or_else(|e| e.into_inner());
		if let Some((hash, native)) = *last {
			if hash == at {
				return native;
			}
		}
		let native = self
			.client
			.runtime_version_at(at, CallContext::Offchain)
			.is_ok_and(|version| {
				version.spec_name == VERSION.spec_name
					&& version.spec_version == VERSION.spec_version
					&& version.transaction_version == VERSION.transaction_version
			});
		*last = Some((at, native));
		native
	}
}

/// The account that signed `xt`, named by its id; `None` for a transaction the screen leaves to
/// the runtime: one that does not decode, is not signed, or names its signer otherwise.
pub fn signer(xt: &OpaqueExtrinsic) -> Option<AccountId> {
	// The opaque form encodes to the bytes the runtime decodes, length prefix included.
	let encoded = xt.encode();
	let decoded =
		UncheckedExtrinsic::decode_all_with_depth_limit(MAX_EXTRINSIC_DEPTH, &mut &encoded[..])
			.ok()?;
	match decoded.preamble {
		Preamble::Signed(MultiAddress::Id(signer), ..) => Some(signer),
		_ => None,
	}
}

/// What `CheckMember` answers for a signer whose `Members` entry is `record`.
pub fn verdict(record: Option<&[u8]>) -> Verdict {
	let Some(mut bytes) = record else {
		return Verdict::Refuse(InvalidTransaction::Custom(registry_refusals::NOT_A_MEMBER));
	};
	match MemberRecord::<AccountId, BlockNumber>::decode(&mut bytes) {
		Ok(record) if record.status == MemberStatus::Suspended => {
			Verdict::Refuse(InvalidTransaction::Custom(registry_refusals::SUSPENDED))
		}
		_ => Verdict::Validate,
	}
}

impl Verdict {
	/// The pool's error for a refusal, as the runtime's validation would give it.
	pub fn into_error(self) -> Option<PoolError> {
		match self {
			Verdict::Validate => None,
			Verdict::Refuse(invalid) => Some(PoolError::InvalidTransaction(invalid)),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use polkadot_sdk::{
		sp_core::{ed25519, Pair},
		sp_runtime::{generic::Era, MultiSignature},
	};
	use registry_runtime::{RuntimeCall, TxExtension};

	fn remark() -> RuntimeCall {
		RuntimeCall::System(polkadot_sdk::frame_system::Call::remark {
			remark: b"hello".to_vec(),
		})
	}

	fn extension() -> TxExtension {
		(
			polkadot_sdk::frame_system::CheckNonZeroSender::new(),
			polkadot_sdk::frame_system::CheckSpecVersion::new(),
			polkadot_sdk::frame_system::CheckTxVersion::new(),
			polkadot_sdk::frame_system::CheckGenesis::new(),
			registry_runtime::pallet_members::CheckMortality::from(Era::mortal(64, 1)),
			registry_runtime::pallet_members::CheckMember::new(),
			registry_runtime::pallet_members::CheckNonce::from(0),
			polkadot_sdk::frame_system::CheckWeight::new(),
			registry_runtime::audit::AuditCall,
		)
	}

	fn opaque(xt: UncheckedExtrinsic) -> OpaqueExtrinsic {
		OpaqueExtrinsic::decode(&mut &xt.encode()[..]).expect("an extrinsic is opaque")
	}

	#[test]
	fn the_signer_of_a_signed_transaction_is_read() {
		let pair = ed25519::Pair::from_seed(&[7; 32]);
		let account: AccountId = pair.public().into();
		let signature = MultiSignature::from(pair.sign(b"not the payload"));
		let xt = UncheckedExtrinsic::new_signed(
			remark(),
			MultiAddress::Id(account.clone()),
			signature,
			extension(),
		);
		assert_eq!(signer(&opaque(xt)), Some(account));
	}

	#[test]
	fn unsigned_and_undecodable_transactions_are_left_to_the_runtime() {
		let bare = UncheckedExtrinsic::new_bare(remark());
		assert_eq!(signer(&opaque(bare)), None);
		let garbage = OpaqueExtrinsic::decode(&mut &[12u8, 1, 2, 3][..]).expect("three bytes");
		assert_eq!(signer(&garbage), None);
	}

	#[test]
	fn a_stranger_and_a_suspended_member_are_refused_as_the_runtime_refuses_them() {
		use registry_runtime::pallet_members::{AuthorizedBy, RoleSet};
		assert_eq!(
			verdict(None),
			Verdict::Refuse(InvalidTransaction::Custom(registry_refusals::NOT_A_MEMBER))
		);
		let record = |status| {
			MemberRecord::<AccountId, BlockNumber> {
				roles: RoleSet::default(),
				status,
				identity_hash: None,
				admitted_by: AuthorizedBy::Genesis,
				admitted_at: 0,
			}
			.encode()
		};
		assert_eq!(
			verdict(Some(&record(MemberStatus::Suspended))),
			Verdict::Refuse(InvalidTransaction::Custom(registry_refusals::SUSPENDED))
		);
		assert_eq!(
			verdict(Some(&record(MemberStatus::Active))),
			Verdict::Validate
		);
		// A record this node cannot read is the runtime's to judge.
		assert_eq!(verdict(Some(&[0xff])), Verdict::Validate);
	}
}
