//! The consortium's control of the chain: the council, its membership, the consortium origin,
//! the validator set through sessions, and the admitted peers.

use crate::{
	AccountId, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, SessionKeys, Validators, DAYS,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{self, hold},
			tokens::{
				DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
			},
			ConstU128, ConstU32, Contains, EitherOfDiverse,
		},
		weights::Weight,
	},
	frame_system::{EnsureNever, EnsureRoot},
	pallet_collective, pallet_membership, pallet_node_authorization, pallet_session,
	sp_runtime::{
		traits::{ConvertInto, OpaqueKeys},
		DispatchError, DispatchResult, Perbill, TokenError,
	},
};

/// Two thirds of the council. With no sudo, root exists only inside `Consortium::enact`, which
/// this same majority calls.
pub type ConsortiumOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

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
	type DefaultVote = pallet_collective::PrimeDefaultVote;
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

/// Calls that would undo the consortium's control, refused whoever signs them:
/// - `Session::purge_keys`: validators that drop their keys drop out of GRANDPA, and a set
///   whose members all did so would stop finality; a validator leaves through the council.
/// - `NodeAuthorization::claim_node`, `add_connections` and `remove_claim`: they let any
///   account open its node to peers the council never admitted. Only the council's list of
///   well-known nodes decides who connects.
pub struct ConsortiumCallFilter;

impl Contains<RuntimeCall> for ConsortiumCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::Session(pallet_session::Call::purge_keys { .. })
				| RuntimeCall::NodeAuthorization(
					pallet_node_authorization::Call::claim_node { .. }
						| pallet_node_authorization::Call::add_connections { .. }
						| pallet_node_authorization::Call::remove_claim { .. }
				)
		)
	}
}

impl pallet_consortium::Config for Runtime {
	type ConsortiumOrigin = ConsortiumOrigin;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
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
