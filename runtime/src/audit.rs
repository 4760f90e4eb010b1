//! What the audit log records of the calls whose pallets cannot report to it: the SDK's
//! (session, council, council membership, node authorization, system) and the consortium's
//! own decisions (members, validators).
//!
//! Two paths write these records, both through [`records_of`]:
//! - [`AuditCall`], a transaction extension, classifies a signed call in `prepare` and writes
//!   its records in `post_dispatch`, only if the call succeeded;
//! - [`EnactmentAudit`], told by `Consortium::enact` of every call the consortium enacts,
//!   writes an `enacted` record and then the call's own, inside the enactment's
//!   transactional layer.
//!
//! The collectibles, rights and audit pallets report their own changes. [`COVERAGE`] lists, for
//! every call of the runtime, the records it writes or why it writes none.

use crate::{AccountId, Address, Audit, Runtime, RuntimeCall, RuntimeOrigin};
use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode};
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchInfo,
		pallet_prelude::TransactionSource,
		storage,
		traits::{GetCallMetadata, OriginTrait},
		weights::Weight,
	},
	frame_system, pallet_collective, pallet_membership, pallet_node_authorization, pallet_session,
	sp_core::H256,
	sp_io,
	sp_runtime::{
		traits::{
			BlakeTwo256, DispatchInfoOf, Hash, PostDispatchInfoOf, StaticLookup,
			TransactionExtension, ValidateResult,
		},
		transaction_validity::{TransactionValidityError, ValidTransaction},
		DispatchResult,
	},
};
use registry_primitives::{
	AuditEntry, AuditKind, AuditReporter, AuthorizedBy, Detail, RateLimitDetail, Subject,
};
use scale_info::TypeInfo;

/// A record of this runtime.
pub type Entry = AuditEntry<AccountId>;

/// The reason code of a council record about the prime member rather than a seat.
pub const REASON_PRIME: u16 = 1;

/// What the log holds for one call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Coverage {
	/// The records a successful call writes, of these kinds.
	Records(&'static [AuditKind]),
	/// No record, and why.
	NotAuditable(&'static str),
}

use AuditKind as K;
use Coverage::{NotAuditable, Records};

const ROOT_ONLY: &str = "root only, and no enactment runs it as root";
const FILTERED: &str =
	"refused to every origin by the call filter: only the council's list decides who connects";

/// Every call of the runtime, by pallet and call name as the metadata gives them, and what
/// the audit log holds for it; calls that run only as root through `Consortium::enact` are
/// covered by its `enacted` record, which names them. Calls that only record a co-holder's approval of a pending
/// action write their record when the last approval lands and the action happens.
pub const COVERAGE: &[(&str, &str, Coverage)] = &[
	("System", "remark", NotAuditable("changes no state; the remark stays in the block body")),
	(
		"System",
		"set_heap_pages",
		NotAuditable(ROOT_ONLY),
	),
	("System", "set_code", Records(&[K::Enacted])),
	("System", "set_code_without_checks", Records(&[K::Enacted])),
	("System", "set_storage", NotAuditable("never enacted, at any depth, and no other root exists")),
	("System", "kill_storage", NotAuditable("never enacted, at any depth, and no other root exists")),
	("System", "kill_prefix", NotAuditable("never enacted, at any depth, and no other root exists")),
	(
		"System",
		"remark_with_event",
		NotAuditable("changes no state; the remark stays in the block body and its event"),
	),
	("System", "authorize_upgrade", Records(&[K::Enacted])),
	("System", "authorize_upgrade_without_checks", Records(&[K::Enacted])),
	("System", "apply_authorized_upgrade", Records(&[K::CodeUpgraded])),
	(
		"Timestamp",
		"set",
		NotAuditable("the block author's inherent; every record carries the time it sets"),
	),
	("Members", "admit", Records(&[K::MemberAdmitted])),
	("Members", "suspend", Records(&[K::MemberSuspended])),
	("Members", "reinstate", Records(&[K::MemberReinstated])),
	("Members", "remove", Records(&[K::MemberRemoved])),
	("Members", "set_rate_limit", Records(&[K::RateLimitSet])),
	("Members", "set_roles", Records(&[K::MemberRolesSet])),
	("Validators", "add_validator", Records(&[K::ValidatorAdded])),
	("Validators", "remove_validator", Records(&[K::ValidatorRemoved])),
	("Validators", "set_session_length", Records(&[K::SessionLengthSet])),
	("Validators", "add_candidate", Records(&[K::CandidateAdded])),
	("Session", "set_keys", Records(&[K::SessionKeysSet])),
	(
		"Session",
		"purge_keys",
		NotAuditable(
			"refused to every origin by the call filter; the runtime purges a removed member's keys, which its `memberRemoved` record covers",
		),
	),
	(
		"Grandpa",
		"report_equivocation",
		NotAuditable("changes no state: the chain keeps no key-ownership proofs and no offences"),
	),
	(
		"Grandpa",
		"report_equivocation_unsigned",
		NotAuditable("changes no state: the chain keeps no key-ownership proofs and no offences"),
	),
	("Grandpa", "note_stalled", Records(&[K::Enacted])),
	(
		"Council",
		"set_members",
		NotAuditable("no origin may call it: the council membership pallet sets the members"),
	),
	("Council", "execute", Records(&[K::MotionProposed])),
	("Council", "propose", Records(&[K::MotionProposed])),
	("Council", "vote", Records(&[K::MotionVoted])),
	("Council", "disapprove_proposal", Records(&[K::MotionDisapproved])),
	("Council", "close", Records(&[K::MotionClosed])),
	("Council", "kill", Records(&[K::MotionDisapproved])),
	(
		"Council",
		"release_proposal_cost",
		NotAuditable("proposals cost nothing on this chain: there is nothing to release"),
	),
	("CouncilMembership", "add_member", Records(&[K::CouncilChanged])),
	("CouncilMembership", "remove_member", Records(&[K::CouncilChanged])),
	("CouncilMembership", "swap_member", Records(&[K::CouncilChanged])),
	("CouncilMembership", "reset_members", Records(&[K::CouncilChanged])),
	("CouncilMembership", "change_key", Records(&[K::CouncilChanged])),
	("CouncilMembership", "set_prime", Records(&[K::CouncilChanged])),
	("CouncilMembership", "clear_prime", Records(&[K::CouncilChanged])),
	("Consortium", "enact", Records(&[K::Enacted])),
	("NodeAuthorization", "add_well_known_node", Records(&[K::NodeAdmitted])),
	("NodeAuthorization", "remove_well_known_node", Records(&[K::NodeRemoved])),
	(
		"NodeAuthorization",
		"swap_well_known_node",
		Records(&[K::NodeRemoved, K::NodeAdmitted]),
	),
	("NodeAuthorization", "reset_well_known_nodes", Records(&[K::NodeChanged])),
	("NodeAuthorization", "claim_node", NotAuditable(FILTERED)),
	("NodeAuthorization", "remove_claim", NotAuditable(FILTERED)),
	("NodeAuthorization", "transfer_node", Records(&[K::NodeChanged])),
	("NodeAuthorization", "add_connections", NotAuditable(FILTERED)),
	("NodeAuthorization", "remove_connections", Records(&[K::NodeChanged])),
	("Collectibles", "create_collection", Records(&[K::CollectionCreated])),
	("Collectibles", "mint", Records(&[K::Minted])),
	("Collectibles", "mint_batch", Records(&[K::Minted])),
	("Collectibles", "set_metadata", Records(&[K::MetadataChanged])),
	("Collectibles", "issue", Records(&[K::Issued])),
	("Collectibles", "transfer", Records(&[K::Transferred])),
	("Collectibles", "freeze", Records(&[K::Frozen])),
	("Collectibles", "unfreeze", Records(&[K::Unfrozen])),
	("Collectibles", "retire", Records(&[K::Retired])),
	("Rights", "register_work", Records(&[K::WorkRegistered])),
	("Rights", "attest", Records(&[K::Attested])),
	("Rights", "revoke_attestation", Records(&[K::AttestationRevoked])),
	("Rights", "open_dispute", Records(&[K::DisputeOpened])),
	("Rights", "resolve_dispute", Records(&[K::DisputeResolved])),
	("Rights", "split", Records(&[K::Split])),
	("Rights", "assign", Records(&[K::Assigned])),
	("Rights", "grant_licence", Records(&[K::Licensed])),
	("Rights", "revoke_licence", Records(&[K::LicenceRevoked])),
	(
		"Rights",
		"cancel_approval",
		NotAuditable("withdraws a co-holder's approval of a pending action: no right changes"),
	),
	("Audit", "set_rules", Records(&[K::RulesSet])),
	("Audit", "close_alert", Records(&[K::AlertClosed])),
];

/// The coverage of `pallet`'s call `call`, if the table lists it.
pub fn coverage(pallet: &str, call: &str) -> Option<Coverage> {
	COVERAGE
		.iter()
		.find(|(p, c, _)| *p == pallet && *c == call)
		.map(|(_, _, coverage)| *coverage)
}

fn sha256(bytes: &[u8]) -> H256 {
	H256(sp_io::hashing::sha2_256(bytes))
}

fn account(address: &Address) -> Option<AccountId> {
	<Runtime as frame_system::Config>::Lookup::lookup(address.clone()).ok()
}

fn name(text: &str) -> registry_primitives::Name {
	registry_primitives::Name::truncate_from(text.as_bytes().to_vec())
}

/// A call as a record names it: pallet, call and the BLAKE2-256 hash of its encoding.
pub fn call_detail(call: &RuntimeCall, hash: H256) -> Detail<AccountId> {
	let metadata = call.get_call_metadata();
	Detail::Call {
		pallet: name(metadata.pallet_name),
		call: name(metadata.function_name),
		hash,
	}
}

fn peer(node: &polkadot_sdk::sp_core::OpaquePeerId) -> Detail<AccountId> {
	Detail::Peer {
		peer_id: registry_primitives::PeerIdBytes::truncate_from(node.0.clone()),
	}
}

/// The records `call` writes when it succeeds, authorized by `by`; none for calls whose pallet
/// reports on its own or that change nothing the log follows.
pub fn records_of(call: &RuntimeCall, by: AuthorizedBy<AccountId>) -> Vec<Entry> {
	use pallet_collective::Call as Motions;
	use pallet_members::Call as Members;
	use pallet_membership::Call as Seats;
	use pallet_node_authorization::Call as Nodes;
	use pallet_validators::Call as Validators;
	let signer = by.account().cloned();
	let entry = |kind, subject| Entry::by(kind, subject, by.clone());
	let member = |kind| entry(kind, Subject::Members);
	let seat = || entry(K::CouncilChanged, Subject::Council);
	let motion = |kind| entry(kind, Subject::Council);
	let node = |kind| entry(kind, Subject::Nodes);
	let one = |entry: Entry| vec![entry];
	let with_from = |entry: Entry, from: Option<AccountId>| match from {
		Some(from) => entry.from(from),
		None => entry,
	};
	let with_to = |entry: Entry, to: Option<AccountId>| match to {
		Some(to) => entry.to(to),
		None => entry,
	};
	match call {
		RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { code }) => {
			one(
				entry(K::CodeUpgraded, Subject::Chain).detail(Detail::Digest {
					sha256: sha256(code),
				}),
			)
		}
		RuntimeCall::Members(call) => match call {
			Members::admit { who, roles, .. } => one(member(K::MemberAdmitted)
				.to(who.clone())
				.detail(Detail::Roles {
					roles: registry_primitives::RoleList::truncate_from(roles.to_vec()),
				})),
			Members::suspend { who } => one(member(K::MemberSuspended).to(who.clone())),
			Members::reinstate { who } => one(member(K::MemberReinstated).to(who.clone())),
			Members::remove { who } => one(member(K::MemberRemoved).from(who.clone())),
			Members::set_roles { who, roles } => {
				// The roles held after the change, as a set: each once, in the roles' order.
				let mut held = roles.to_vec();
				held.sort();
				held.dedup();
				one(member(K::MemberRolesSet)
					.to(who.clone())
					.detail(Detail::Roles {
						roles: registry_primitives::RoleList::truncate_from(held),
					}))
			}
			Members::set_rate_limit { role, limit } => {
				one(member(K::RateLimitSet).detail(Detail::RateLimit {
					role: *role,
					limit: limit.map(|limit| RateLimitDetail {
						max_transactions: limit.max_transactions,
						max_weight: limit.max_weight,
						max_bytes: limit.max_bytes,
						window_blocks: limit.window_blocks.into(),
					}),
				}))
			}
			_ => Vec::new(),
		},
		RuntimeCall::Validators(call) => {
			let validators = |kind| entry(kind, Subject::Validators);
			match call {
				Validators::add_validator { who } => {
					one(validators(K::ValidatorAdded).to(who.clone()))
				}
				Validators::remove_validator { who } => {
					one(validators(K::ValidatorRemoved).from(who.clone()))
				}
				Validators::add_candidate { who } => {
					one(validators(K::CandidateAdded).to(who.clone()))
				}
				Validators::set_session_length { blocks } => one(validators(K::SessionLengthSet)
					.detail(Detail::Blocks {
						blocks: (*blocks).into(),
					})),
				_ => Vec::new(),
			}
		}
		RuntimeCall::Session(pallet_session::Call::set_keys { keys, .. }) => one(with_to(
			entry(K::SessionKeysSet, Subject::Validators).detail(Detail::Digest {
				sha256: sha256(&keys.encode()),
			}),
			signer,
		)),
		RuntimeCall::Council(call) => match call {
			Motions::propose { proposal, .. } | Motions::execute { proposal, .. } => {
				one(motion(K::MotionProposed)
					.detail(call_detail(proposal, BlakeTwo256::hash_of(proposal))))
			}
			Motions::vote {
				proposal, approve, ..
			} => one(motion(K::MotionVoted).detail(Detail::Vote {
				motion: *proposal,
				aye: *approve,
			})),
			Motions::close { proposal_hash, .. } => {
				one(motion(K::MotionClosed).detail(Detail::Digest {
					sha256: *proposal_hash,
				}))
			}
			Motions::disapprove_proposal { proposal_hash } | Motions::kill { proposal_hash } => {
				one(motion(K::MotionDisapproved).detail(Detail::Digest {
					sha256: *proposal_hash,
				}))
			}
			_ => Vec::new(),
		},
		RuntimeCall::CouncilMembership(call) => match call {
			Seats::add_member { who } => one(with_to(seat(), account(who))),
			Seats::remove_member { who } => one(with_from(seat(), account(who))),
			Seats::swap_member { remove, add } => {
				one(with_to(with_from(seat(), account(remove)), account(add)))
			}
			Seats::reset_members { members } => one(seat().detail(Detail::Digest {
				sha256: sha256(&members.encode()),
			})),
			Seats::change_key { new } => one(with_to(with_from(seat(), signer), account(new))),
			Seats::set_prime { who } => one(with_to(seat(), account(who)).reason(REASON_PRIME)),
			Seats::clear_prime {} => one(seat().reason(REASON_PRIME)),
			_ => Vec::new(),
		},
		RuntimeCall::NodeAuthorization(call) => match call {
			Nodes::add_well_known_node {
				node: peer_id,
				owner,
			} => one(with_to(node(K::NodeAdmitted), account(owner)).detail(peer(peer_id))),
			Nodes::remove_well_known_node { node: peer_id } => {
				one(node(K::NodeRemoved).detail(peer(peer_id)))
			}
			Nodes::swap_well_known_node { remove, add } => vec![
				node(K::NodeRemoved).detail(peer(remove)),
				node(K::NodeAdmitted).detail(peer(add)),
			],
			Nodes::reset_well_known_nodes { nodes } => {
				one(node(K::NodeChanged).detail(Detail::Digest {
					sha256: sha256(&nodes.encode()),
				}))
			}
			Nodes::transfer_node {
				node: peer_id,
				owner,
			} => one(
				with_to(with_from(node(K::NodeChanged), signer), account(owner))
					.detail(peer(peer_id)),
			),
			Nodes::remove_connections { node: peer_id, .. } => {
				one(with_from(node(K::NodeChanged), signer).detail(peer(peer_id)))
			}
			_ => Vec::new(),
		},
		_ => Vec::new(),
	}
}

/// The weight of writing `records` records.
fn records_weight(records: usize) -> Weight {
	use pallet_audit::WeightInfo as _;
	<Runtime as pallet_audit::Config>::WeightInfo::report()
		.saturating_mul(u64::try_from(records).unwrap_or(u64::MAX))
}

/// Where the records of an unsigned call wait while it runs; empty between extrinsics.
const PENDING_BARE_RECORDS: &[u8] = b":registry:audit:pending-bare-records";

/// Writes the records of the signed calls that [`records_of`] classifies, once they succeed,
/// and of an unsigned `System::apply_authorized_upgrade`, as the consortium's.
/// It carries no data, so clients that do not know it sign as before.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, Default, TypeInfo)]
pub struct AuditCall;

impl core::fmt::Debug for AuditCall {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "AuditCall")
	}
}

impl TransactionExtension<RuntimeCall> for AuditCall {
	const IDENTIFIER: &'static str = "AuditCall";
	type Implicit = ();
	type Val = ();
	/// The records to write if the call succeeds.
	type Pre = Vec<Entry>;

	fn weight(&self, call: &RuntimeCall) -> Weight {
		// The authority does not change how many records a call writes.
		records_weight(records_of(call, AuthorizedBy::Consortium).len())
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		_call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<(), RuntimeCall> {
		Ok((ValidTransaction::default(), (), origin))
	}

	fn prepare(
		self,
		_val: (),
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
	) -> Result<Vec<Entry>, TransactionValidityError> {
		Ok(match origin.as_signer() {
			Some(who) => records_of(call, AuthorizedBy::Account(who.clone())),
			None => Vec::new(),
		})
	}

	fn bare_validate_and_prepare(
		call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
	) -> Result<(), TransactionValidityError> {
		// An unsigned `apply_authorized_upgrade` carries out what the consortium authorized.
		// Bare extrinsics have no `Pre`: the records wait in storage until the call is done.
		let records = records_of(call, AuthorizedBy::Consortium);
		if !records.is_empty() {
			storage::unhashed::put(PENDING_BARE_RECORDS, &records);
		}
		Ok(())
	}

	fn bare_post_dispatch(
		_info: &DispatchInfoOf<RuntimeCall>,
		_post_info: &mut PostDispatchInfoOf<RuntimeCall>,
		_len: usize,
		result: &DispatchResult,
	) -> Result<(), TransactionValidityError> {
		let records: Option<Vec<Entry>> = storage::unhashed::take(PENDING_BARE_RECORDS);
		if result.is_ok() {
			for record in records.unwrap_or_default() {
				<Audit as AuditReporter<AccountId>>::report(record);
			}
		}
		Ok(())
	}

	fn post_dispatch_details(
		records: Vec<Entry>,
		_info: &DispatchInfo,
		_post_info: &PostDispatchInfoOf<RuntimeCall>,
		_len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		if result.is_err() {
			// Nothing changed: the weight charged for the records is unused.
			return Ok(records_weight(records.len()));
		}
		for record in records {
			<Audit as AuditReporter<AccountId>>::report(record);
		}
		Ok(Weight::zero())
	}
}

/// The log of the consortium's enactments: an `enacted` record naming the call, then the
/// records of what the call changes where its pallet does not report them.
pub struct EnactmentAudit;

impl pallet_consortium::EnactmentLog<RuntimeCall, H256> for EnactmentAudit {
	fn enacted(call: &RuntimeCall, call_hash: &H256) {
		let enacted = Entry::by(K::Enacted, Subject::Chain, AuthorizedBy::Consortium)
			.detail(call_detail(call, *call_hash));
		<Audit as AuditReporter<AccountId>>::report(enacted);
		for record in records_of(call, AuthorizedBy::Consortium) {
			<Audit as AuditReporter<AccountId>>::report(record);
		}
	}

	fn weight(call: &RuntimeCall) -> Weight {
		records_weight(1 + records_of(call, AuthorizedBy::Consortium).len())
	}
}
