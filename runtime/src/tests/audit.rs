//! The audit log covers every call: the coverage table against the runtime's metadata, and the
//! records that governance calls write through the transaction extension and through
//! `Consortium::enact`.

use crate::{
	audit::{coverage, Coverage, COVERAGE, REASON_PRIME},
	harness::{account, Chain},
	AccountId, Runtime, RuntimeCall,
};
use pallet_members::Role;
use polkadot_sdk::{
	frame_support::{traits::GetCallMetadata, BoundedVec},
	frame_system, pallet_membership, pallet_node_authorization,
	sp_core::{OpaquePeerId, H256},
	sp_keyring::Ed25519Keyring::{Alice, Bob, Charlie},
	sp_runtime::traits::{BlakeTwo256, Hash},
};
use registry_primitives::{AuditKind, AuthorizedBy, Detail, Subject};

type Record = pallet_audit::AuditRecordOf<Runtime>;

/// The records written since `from`, in order.
fn records_since(chain: &mut Chain, from: u64) -> Vec<Record> {
	chain.read(|| {
		let head = pallet_audit::Head::<Runtime>::get();
		(from..head.next_seq)
			.filter_map(pallet_audit::Records::<Runtime>::get)
			.collect()
	})
}

fn next_seq(chain: &mut Chain) -> u64 {
	chain.read(|| pallet_audit::Head::<Runtime>::get().next_seq)
}

fn kinds(records: &[Record]) -> Vec<AuditKind> {
	records.iter().map(|record| record.entry.kind).collect()
}

/// The kinds the table lists for `call`.
fn listed(call: &RuntimeCall) -> &'static [AuditKind] {
	let metadata = call.get_call_metadata();
	match coverage(metadata.pallet_name, metadata.function_name) {
		Some(Coverage::Records(kinds)) => kinds,
		other => panic!("{metadata:?} is listed as {other:?}"),
	}
}

#[test]
fn every_call_of_the_runtime_is_listed_with_its_records_or_a_reason() {
	let mut in_metadata = Vec::new();
	for pallet in RuntimeCall::get_module_names() {
		for call in RuntimeCall::get_call_names(pallet) {
			in_metadata.push((*pallet, *call));
			match coverage(pallet, call) {
				None => panic!("{pallet}::{call} is not in the audit coverage table"),
				Some(Coverage::Records(kinds)) => {
					assert!(!kinds.is_empty(), "{pallet}::{call} lists no record")
				}
				Some(Coverage::NotAuditable(why)) => {
					assert!(!why.is_empty(), "{pallet}::{call} gives no reason")
				}
			}
		}
	}
	for (pallet, call, _) in COVERAGE {
		assert!(
			in_metadata.contains(&(*pallet, *call)),
			"{pallet}::{call} is in the table but not in the runtime"
		);
	}
	assert_eq!(in_metadata.len(), COVERAGE.len(), "no call is listed twice");
	// Every kind of record is written by some call, or by the runtime on a member's
	// departure.
	for kind in AuditKind::ALL {
		let written = COVERAGE.iter().any(
			|(_, _, coverage)| matches!(coverage, Coverage::Records(kinds) if kinds.contains(&kind)),
		);
		assert!(written, "no call writes {kind:?}");
	}
}

#[test]
fn a_registrar_admission_is_recorded_with_its_signer_and_roles() {
	let mut chain = Chain::local();
	let from = next_seq(&mut chain);
	let call = RuntimeCall::Members(pallet_members::Call::admit {
		who: crate::AccountId::from([9u8; 32]),
		roles: BoundedVec::truncate_from(vec![Role::Creator]),
		identity_hash: H256::repeat_byte(1),
	});
	assert_eq!(chain.submit(Alice, call.clone()), Ok(Ok(())));
	let records = records_since(&mut chain, from);
	assert_eq!(kinds(&records), listed(&call));
	let admitted = &records[0];
	assert_eq!(admitted.entry.subject, Subject::Members);
	assert_eq!(admitted.entry.to, Some(crate::AccountId::from([9u8; 32])));
	assert_eq!(
		admitted.entry.authorized_by,
		AuthorizedBy::Account(account(Alice))
	);
	assert_eq!(
		admitted.entry.detail,
		Detail::Roles {
			roles: BoundedVec::truncate_from(vec![Role::Creator])
		}
	);
	assert!(admitted.extrinsic.is_some());

	// The same admission again fails, and a failed call writes nothing.
	let from = next_seq(&mut chain);
	assert!(matches!(chain.submit(Alice, call), Ok(Err(_))));
	assert!(records_since(&mut chain, from).is_empty());
}

#[test]
fn an_enactment_is_recorded_with_the_motion_that_passed_it() {
	let mut chain = Chain::local();
	let from = next_seq(&mut chain);
	let peer = OpaquePeerId(vec![0, 36, 8, 1, 18, 32, 7, 7]);
	let call =
		RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_well_known_node {
			node: peer.clone(),
			owner: crate::Address::Id(account(Charlie)),
		});
	let call_hash = BlakeTwo256::hash_of(&call);
	assert_eq!(
		chain.council_decides(call.clone(), 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	let records = records_since(&mut chain, from);
	assert_eq!(
		kinds(&records),
		vec![
			AuditKind::MotionProposed,
			AuditKind::MotionVoted,
			AuditKind::MotionVoted,
			AuditKind::Enacted,
			AuditKind::NodeAdmitted,
			AuditKind::MotionClosed,
		]
	);
	// Who moved, who voted, who closed: each by its signature.
	assert_eq!(
		records[0].entry.authorized_by,
		AuthorizedBy::Account(account(Alice))
	);
	assert_eq!(
		records[2].entry.authorized_by,
		AuthorizedBy::Account(account(Bob))
	);
	let Detail::Call {
		pallet,
		call: name,
		hash: motion,
	} = &records[0].entry.detail
	else {
		panic!("a motion names its call: {:?}", records[0].entry.detail);
	};
	assert_eq!(
		(&pallet[..], &name[..]),
		(&b"Consortium"[..], &b"enact"[..])
	);
	assert_eq!(
		records[1].entry.detail,
		Detail::Vote {
			motion: *motion,
			aye: true
		}
	);
	assert_eq!(records[5].entry.detail, Detail::Digest { sha256: *motion });
	// The enactment names the call it ran, and the change follows under the consortium.
	assert_eq!(records[3].entry.authorized_by, AuthorizedBy::Consortium);
	assert_eq!(
		records[3].entry.detail,
		Detail::Call {
			pallet: BoundedVec::truncate_from(b"NodeAuthorization".to_vec()),
			call: BoundedVec::truncate_from(b"add_well_known_node".to_vec()),
			hash: call_hash,
		}
	);
	assert_eq!(kinds(&records[4..5]), listed(&call));
	assert_eq!(records[4].entry.authorized_by, AuthorizedBy::Consortium);
	assert_eq!(records[4].entry.to, Some(account(Charlie)));
	assert_eq!(
		records[4].entry.detail,
		Detail::Peer {
			peer_id: BoundedVec::truncate_from(peer.0)
		}
	);
}

#[test]
fn removing_a_council_member_records_the_seat_it_vacates() {
	let mut chain = Chain::local();
	let from = next_seq(&mut chain);
	let remove = RuntimeCall::Members(pallet_members::Call::remove {
		who: account(Charlie),
	});
	assert_eq!(
		chain.council_decides(remove, 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	let records = records_since(&mut chain, from);
	let consortium: Vec<(AuditKind, Option<AccountId>)> = records
		.iter()
		.filter(|record| record.entry.authorized_by == AuthorizedBy::Consortium)
		.map(|record| (record.entry.kind, record.entry.from.clone()))
		.collect();
	assert!(consortium.contains(&(AuditKind::MemberRemoved, Some(account(Charlie)))));
	assert!(consortium.contains(&(AuditKind::CouncilChanged, Some(account(Charlie)))));
}

#[test]
fn council_records_say_whether_they_concern_the_prime() {
	let mut chain = Chain::local();
	let from = next_seq(&mut chain);
	let prime = RuntimeCall::CouncilMembership(pallet_membership::Call::set_prime {
		who: crate::Address::Id(account(Bob)),
	});
	assert_eq!(chain.council_decides(prime, 2, &[Alice, Bob]), Some(Ok(())));
	let records = records_since(&mut chain, from);
	let seat = records
		.iter()
		.find(|record| record.entry.kind == AuditKind::CouncilChanged)
		.expect("the prime's record");
	assert_eq!(seat.entry.reason, REASON_PRIME);
	assert_eq!(seat.entry.to, Some(account(Bob)));
}

#[test]
fn a_remark_changes_nothing_the_log_follows() {
	let mut chain = Chain::local();
	let from = next_seq(&mut chain);
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
	assert_eq!(chain.submit(Bob, remark), Ok(Ok(())));
	assert!(records_since(&mut chain, from).is_empty());
}

#[test]
fn an_unsigned_upgrade_is_recorded_as_the_consortiums() {
	let mut chain = Chain::local();
	let code = b"a runtime the consortium authorized".to_vec();
	let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade_without_checks {
		code_hash: BlakeTwo256::hash(&code),
	});
	assert_eq!(
		chain.council_decides(authorize, 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	let from = next_seq(&mut chain);
	let apply =
		RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { code: code.clone() });
	let xt = crate::UncheckedExtrinsic::new_bare(apply.clone());
	assert_eq!(chain.send(xt), Ok(Ok(())));
	let records = records_since(&mut chain, from);
	assert_eq!(kinds(&records), listed(&apply));
	assert_eq!(records[0].entry.authorized_by, AuthorizedBy::Consortium);
	assert_eq!(records[0].entry.subject, Subject::Chain);
	assert_eq!(
		records[0].entry.detail,
		Detail::Digest {
			sha256: H256(polkadot_sdk::sp_io::hashing::sha2_256(&code))
		}
	);
	assert!(
		chain
			.read(|| polkadot_sdk::frame_support::storage::unhashed::get_raw(
				b":registry:audit:pending-bare-records"
			))
			.is_none(),
		"nothing is left waiting"
	);
}

#[test]
fn a_change_of_roles_is_recorded_with_the_roles_held_after_it() {
	use polkadot_sdk::sp_keyring::Ed25519Keyring::{Dave, Eve};
	let set_roles = |who, roles: &[Role]| {
		RuntimeCall::Members(pallet_members::Call::set_roles {
			who,
			roles: BoundedVec::truncate_from(roles.to_vec()),
		})
	};

	// A registrar makes an institution an arbiter as well.
	let mut chain = Chain::dev();
	let from = next_seq(&mut chain);
	let call = set_roles(
		account(Eve),
		&[
			Role::Arbiter,
			Role::Creator,
			Role::Institution,
			Role::Creator,
		],
	);
	assert_eq!(chain.submit(Alice, call.clone()), Ok(Ok(())));
	let records = records_since(&mut chain, from);
	assert_eq!(kinds(&records), listed(&call));
	assert_eq!(records[0].entry.to, Some(account(Eve)));
	assert_eq!(
		records[0].entry.authorized_by,
		AuthorizedBy::Account(account(Alice))
	);
	assert_eq!(
		records[0].entry.detail,
		Detail::Roles {
			roles: BoundedVec::truncate_from(vec![Role::Institution, Role::Creator, Role::Arbiter])
		}
	);
	// A registrar cannot make a regulator: that is the consortium's decision.
	assert_eq!(
		chain.submit(
			Alice,
			set_roles(account(Eve), &[Role::Institution, Role::Regulator])
		),
		Ok(Err(pallet_members::Error::<Runtime>::ConsortiumOnly.into()))
	);

	// The council makes one, and the record says so.
	let mut chain = Chain::local();
	let from = next_seq(&mut chain);
	let call = set_roles(
		account(Dave),
		&[Role::Institution, Role::Creator, Role::Regulator],
	);
	assert_eq!(chain.council_decides(call, 2, &[Alice, Bob]), Some(Ok(())));
	let records = records_since(&mut chain, from);
	assert!(records
		.iter()
		.any(|record| record.entry.kind == AuditKind::MemberRolesSet
			&& record.entry.authorized_by == AuthorizedBy::Consortium
			&& record.entry.to == Some(account(Dave))));
	assert!(chain.read(|| {
		<pallet_members::Pallet<Runtime> as registry_primitives::MemberRoles<AccountId>>::has_role(
			&account(Dave),
			Role::Regulator,
		)
	}));
}
