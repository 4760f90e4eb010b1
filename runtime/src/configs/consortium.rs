//! The consortium's control of the chain: the council, its membership, the consortium origin,
//! the validator set through sessions, and the admitted peers.

use crate::{
	AccountId, BlockNumber, Council, CouncilMembership, Members, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, SessionKeys, Validators, DAYS,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{self, hold},
			tokens::{
				DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
			},
			ConstU128, ConstU32, Contains, EitherOfDiverse, UnfilteredDispatchable,
		},
		weights::Weight,
	},
	frame_system::{self, EnsureNever, EnsureRoot},
	pallet_collective, pallet_grandpa, pallet_membership, pallet_node_authorization,
	pallet_session,
	sp_runtime::{
		traits::{ConvertInto, OpaqueKeys, StaticLookup},
		DispatchError, DispatchResult, Perbill, TokenError,
	},
};
use registry_primitives::MemberRoles;

/// The consortium: calls enacted through `Consortium::enact`, the one path by which the
/// council acts. Root is accepted too, but with no sudo root exists only inside `enact`, for
/// the runtime upgrades listed in [`RootCalls`].
pub type ConsortiumOrigin =
	EitherOfDiverse<EnsureRoot<AccountId>, pallet_consortium::EnsureConsortium>;

/// Two thirds of the council: who may enact.
pub type CouncilMajority =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// The council's collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

parameter_types! {
	/// A motion closes after three days; it passes earlier once enough members voted aye.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A council motion may use up to half a block.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * super::RuntimeBlockWeights::get().max_block;
}

/// The council's largest size.
pub const MAX_COUNCIL: u32 = 100;

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<MAX_COUNCIL>;
	// A member who did not vote never counts as an aye, whatever the prime voted.
	type DefaultVote = AbsentVotesNo;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// The membership pallet sets the members; nobody else, not even root.
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = ConsortiumOrigin;
	type KillOrigin = ConsortiumOrigin;
	// Proposals cost nothing: there is no currency.
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = ConsortiumOrigin;
	type RemoveOrigin = ConsortiumOrigin;
	type SwapOrigin = ConsortiumOrigin;
	type ResetOrigin = ConsortiumOrigin;
	type PrimeOrigin = ConsortiumOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<MAX_COUNCIL>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<256>;
	// A libp2p PeerId is 38 bytes for an ed25519 node key; the bound is exclusive.
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = ConsortiumOrigin;
	type RemoveOrigin = ConsortiumOrigin;
	type SwapOrigin = ConsortiumOrigin;
	type ResetOrigin = ConsortiumOrigin;
	type WeightInfo = ();
}

/// A council member who did not vote by the end of a motion voted no: silence never passes a
/// motion.
pub struct AbsentVotesNo;

impl pallet_collective::DefaultVote for AbsentVotesNo {
	fn default_vote(_prime: Option<bool>, _yes: u32, _no: u32, _len: u32) -> bool {
		false
	}
}

/// The largest remark a member may send: enough for a note, too little to stuff blocks.
pub const MAX_REMARK_LENGTH: usize = 256;

/// Whether `call` is a remark over [`MAX_REMARK_LENGTH`] bytes: refused at the pool and by the
/// call filter alike.
fn is_oversized_remark(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::System(
			frame_system::Call::remark { remark }
			| frame_system::Call::remark_with_event { remark },
		) if remark.len() > MAX_REMARK_LENGTH
	)
}

/// Calls that would undo the consortium's control, refused whoever signs them:
/// - `Session::purge_keys`: validators that drop their keys drop out of GRANDPA, and a set
///   whose members all did so would stop finality; a validator leaves through the council.
/// - `NodeAuthorization::claim_node`, `add_connections` and `remove_claim`: they let any
///   account open its node to peers the council never admitted. Only the council's list of
///   well-known nodes decides who connects.
pub struct ConsortiumCallFilter;

impl Contains<RuntimeCall> for ConsortiumCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_membership::Call as Seats;
		use pallet_node_authorization::Call as Nodes;
		match call {
			RuntimeCall::Session(pallet_session::Call::purge_keys { .. })
			| RuntimeCall::NodeAuthorization(
				Nodes::claim_node { .. }
				| Nodes::add_connections { .. }
				| Nodes::remove_claim { .. },
			) => false,
			call if is_oversized_remark(call) => false,
			// A council seat goes to an active member only.
			RuntimeCall::CouncilMembership(
				Seats::add_member { who } | Seats::swap_member { add: who, .. },
			) => is_active(who),
			RuntimeCall::CouncilMembership(Seats::reset_members { members }) => {
				members.iter().all(|who| Members::is_active_member(who))
			}
			// A node passes to an active member only.
			RuntimeCall::NodeAuthorization(Nodes::transfer_node { owner, .. }) => is_active(owner),
			_ => true,
		}
	}
}

/// Whether an address names an active member.
fn is_active(who: &crate::Address) -> bool {
	<Runtime as frame_system::Config>::Lookup::lookup(who.clone())
		.is_ok_and(|who| Members::is_active_member(&who))
}

/// Calls the consortium never enacts, at any depth: raw storage writes, which could rewrite
/// the audit log or anything else outside the pallets' rules.
pub struct NeverEnacted;

impl Contains<RuntimeCall> for NeverEnacted {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::System(
				frame_system::Call::set_storage { .. }
				| frame_system::Call::kill_storage { .. }
				| frame_system::Call::kill_prefix { .. },
			) => true,
			RuntimeCall::Consortium(pallet_consortium::Call::enact { call }) => {
				Self::contains(call)
			}
			RuntimeCall::Council(
				pallet_collective::Call::propose { proposal, .. }
				| pallet_collective::Call::execute { proposal, .. },
			) => Self::contains(proposal),
			_ => false,
		}
	}
}

/// The calls an enactment runs as root: runtime upgrades, and GRANDPA's recovery from a stall.
/// Everything else runs with the consortium's origin, under the call filter.
pub struct RootCalls;

impl Contains<RuntimeCall> for RootCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(
				frame_system::Call::set_code { .. }
					| frame_system::Call::set_code_without_checks { .. }
					| frame_system::Call::authorize_upgrade { .. }
					| frame_system::Call::authorize_upgrade_without_checks { .. }
			) | RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled { .. })
		)
	}
}

impl pallet_consortium::Config for Runtime {
	type EnactOrigin = CouncilMajority;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type EnactFilter = NeverEnacted;
	type RootCalls = RootCalls;
	type Log = crate::audit::EnactmentAudit;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
}

/// Council members and validators: only the consortium suspends or removes them, or a
/// registrar could block every council majority.
pub struct CouncilAndValidators;

impl Contains<AccountId> for CouncilAndValidators {
	fn contains(who: &AccountId) -> bool {
		pallet_collective::Members::<Runtime, CouncilCollective>::get().contains(who)
			|| Validators::is_validator(who)
	}
}

/// A suspended or removed member leaves its council seat and the validator set (from the
/// next session), and a removed one loses its session keys.
pub struct VacateSeats;

impl pallet_members::OnDeparture<AccountId> for VacateSeats {
	fn on_departure(who: &AccountId, removed: bool) -> DispatchResult {
		use registry_primitives::{AuditEntry, AuditKind, AuditReporter, AuthorizedBy, Subject};
		// Only the consortium suspends or removes a council member or a validator.
		let vacated = |kind, subject| {
			<crate::Audit as AuditReporter<AccountId>>::report(
				AuditEntry::by(kind, subject, AuthorizedBy::Consortium).from(who.clone()),
			)
		};
		if pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().contains(who)
		{
			CouncilMembership::remove_member(
				RuntimeOrigin::root(),
				<Runtime as frame_system::Config>::Lookup::unlookup(who.clone()),
			)
			.map_err(|e| e.error)?;
			vacated(AuditKind::CouncilChanged, Subject::Council);
		}
		let was_validator = Validators::is_validator(who);
		Validators::on_member_departure(who, removed)?;
		if was_validator && !Validators::is_validator(who) {
			vacated(AuditKind::ValidatorRemoved, Subject::Validators);
		}
		Ok(())
	}

	fn weight() -> Weight {
		use pallet_audit::WeightInfo as _;
		use pallet_membership::WeightInfo as _;
		<Runtime as pallet_membership::Config<pallet_membership::Instance1>>::WeightInfo::remove_member(MAX_COUNCIL)
			.saturating_add(Validators::departure_weight())
			.saturating_add(
				<Runtime as pallet_audit::Config>::WeightInfo::report()
					.saturating_mul(2),
			)
	}
}

/// Signed calls refused at the pool (`InvalidTransaction::Custom(6)`), before they take any
/// room in a block: session keys from an account that is neither a validator candidate nor a
/// validator, and remarks over [`MAX_REMARK_LENGTH`] bytes.
pub struct SignedCallPolicy;

impl pallet_members::SignedCallPolicy<AccountId, RuntimeCall> for SignedCallPolicy {
	fn allows(who: &AccountId, call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Session(pallet_session::Call::set_keys { .. }) => {
				Validators::may_set_keys(who)
			}
			call if is_oversized_remark(call) => false,
			_ => true,
		}
	}
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Validators;
	type NextSessionRotation = Validators;
	type SessionManager = Validators;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = NoDeposits;
	// Registering keys costs nothing.
	type KeyDeposit = ConstU128<0>;
}

impl pallet_validators::Config for Runtime {
	type ConsortiumOrigin = ConsortiumOrigin;
	type Members = crate::Members;
	type SessionKeys = RegisteredSessionKeys;
	type MaxValidators = ConstU32<32>;
	// At least a minute of blocks, so that keys are queued before they are needed.
	type MinSessionLength = polkadot_sdk::frame_support::traits::ConstU32<10>;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
}

/// Accounts that registered session keys with `Session::set_keys`.
pub struct RegisteredSessionKeys;

impl pallet_validators::KeysRegistry<AccountId> for RegisteredSessionKeys {
	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}

	fn purge(who: &AccountId) {
		if Self::has_keys(who) {
			// `purge_keys` is filtered for everyone, so that a validator cannot drop out of
			// GRANDPA on its own; the runtime calls it past the filter for a departing account.
			let call = RuntimeCall::Session(pallet_session::Call::purge_keys {});
			let _ = call.dispatch_bypass_filter(RuntimeOrigin::signed(who.clone()));
		}
	}

	fn purge_weight() -> Weight {
		use pallet_session::WeightInfo as _;
		<Runtime as pallet_session::Config>::WeightInfo::purge_keys()
			.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(1))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId) {
		use polkadot_sdk::{
			sp_consensus_aura, sp_consensus_grandpa, sp_core::crypto::UncheckedFrom,
		};
		let seed: [u8; 32] = *AsRef::<[u8; 32]>::as_ref(who);
		let keys = SessionKeys {
			aura: sp_consensus_aura::sr25519::AuthorityId::unchecked_from(seed),
			grandpa: sp_consensus_grandpa::AuthorityId::unchecked_from(seed),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

/// The session pallet's deposit currency on a chain without one: every balance is zero, and
/// any attempt to hold or write a non-zero amount fails. The key deposit is zero, so setting
/// keys never touches it.
pub struct NoDeposits;

impl fungible::Inspect<AccountId> for NoDeposits {
	type Balance = u128;
	fn total_issuance() -> u128 {
		0
	}
	fn minimum_balance() -> u128 {
		0
	}
	fn total_balance(_: &AccountId) -> u128 {
		0
	}
	fn balance(_: &AccountId) -> u128 {
		0
	}
	fn reducible_balance(_: &AccountId, _: Preservation, _: Fortitude) -> u128 {
		0
	}
	fn can_deposit(_: &AccountId, amount: u128, _: Provenance) -> DepositConsequence {
		if amount == 0 {
			DepositConsequence::Success
		} else {
			DepositConsequence::UnknownAsset
		}
	}
	fn can_withdraw(_: &AccountId, amount: u128) -> WithdrawConsequence<u128> {
		if amount == 0 {
			WithdrawConsequence::Success
		} else {
			WithdrawConsequence::BalanceLow
		}
	}
}

impl fungible::Unbalanced<AccountId> for NoDeposits {
	fn handle_dust(_: fungible::Dust<AccountId, Self>) {}
	fn write_balance(_: &AccountId, amount: u128) -> Result<Option<u128>, DispatchError> {
		if amount == 0 {
			Ok(None)
		} else {
			Err(TokenError::Unsupported.into())
		}
	}
	fn set_total_issuance(_: u128) {}
}

impl fungible::Mutate<AccountId> for NoDeposits {}

impl hold::Inspect<AccountId> for NoDeposits {
	type Reason = RuntimeHoldReason;
	fn total_balance_on_hold(_: &AccountId) -> u128 {
		0
	}
	fn balance_on_hold(_: &Self::Reason, _: &AccountId) -> u128 {
		0
	}
}

impl hold::Unbalanced<AccountId> for NoDeposits {
	fn set_balance_on_hold(_: &Self::Reason, _: &AccountId, amount: u128) -> DispatchResult {
		if amount == 0 {
			Ok(())
		} else {
			Err(TokenError::Unsupported.into())
		}
	}
}

impl hold::Mutate<AccountId> for NoDeposits {}
