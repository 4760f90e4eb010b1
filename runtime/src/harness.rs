//! A chain in memory that applies signed transactions through the real runtime: the pool's
//! validation, the transaction extensions and the call filter exactly as the runtime wires
//! them, block after block, with Aura slots and timestamps as a node would set them.
//!
//! Tests of the chain's rules use it so that a refusal is shown where an attacker would meet
//! it, not by calling one pallet or extension directly.

use crate::{
	genesis_config_presets, AccountId, Address, Executive, Header, Nonce, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeGenesisConfig, SessionKeys, Signature, SignedPayload, System, TxExtension,
	UncheckedExtrinsic, SLOT_DURATION, VERSION,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		dispatch::GetDispatchInfo,
		storage::{with_transaction, TransactionOutcome},
	},
	frame_system, pallet_collective, pallet_timestamp,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::H256,
	sp_io::TestExternalities,
	sp_keyring::Ed25519Keyring,
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::{
		generic::{Digest, DigestItem, Era},
		traits::{Hash, Header as _},
		transaction_validity::{
			InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
			ValidTransaction,
		},
		BuildStorage, DispatchError, DispatchResult,
	},
};
use serde_json::Value;

/// What became of a transaction: refused by the pool, or included with its call's result.
pub type Outcome = Result<DispatchResult, TransactionValidityError>;

/// A chain built from one of the runtime's genesis presets.
pub struct Chain {
	ext: TestExternalities,
	parent_hash: H256,
}

/// Writes `patch` over `base`, as the node does with a preset.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

impl Chain {
	/// The `development` preset: Alice validates and is the council.
	pub fn dev() -> Self {
		Self::from_preset(genesis_config_presets::development_genesis())
	}

	/// The `local_testnet` preset: four validators, a council of Alice, Bob and Charlie.
	pub fn local() -> Self {
		Self::from_preset(genesis_config_presets::local_testnet_genesis())
	}

	fn from_preset(patch: Value) -> Self {
		let mut config =
			serde_json::to_value(RuntimeGenesisConfig::default()).expect("genesis serializes");
		merge(&mut config, patch);
		let config: RuntimeGenesisConfig =
			serde_json::from_value(config).expect("the preset is a valid genesis");
		let storage = config.build_storage().expect("the genesis builds");
		let mut ext = TestExternalities::new(storage);
		// For session keys generated in tests, with their proofs of possession.
		ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
		let parent_hash = ext.execute_with(|| System::block_hash(0));
		let mut chain = Self { ext, parent_hash };
		chain.produce(vec![]);
		chain
	}

	/// Runs `f` on the chain's state between blocks.
	pub fn read<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// The number of the last block.
	pub fn block_number(&mut self) -> u32 {
		self.read(System::block_number)
	}

	/// Moves the clock on by `blocks` empty blocks without producing them, as if the chain
	/// had been idle: for waiting out a motion or a window.
	pub fn skip(&mut self, blocks: u32) {
		self.read(|| System::set_block_number(System::block_number() + blocks));
	}

	/// Produces a block holding `extrinsics` after the timestamp; returns each one's result.
	pub fn produce(
		&mut self,
		extrinsics: Vec<UncheckedExtrinsic>,
	) -> Vec<Result<DispatchResult, TransactionValidityError>> {
		let parent_hash = self.parent_hash;
		let (results, hash) = self.ext.execute_with(|| {
			let number = System::block_number() + 1;
			let slot = u64::from(number);
			let digest = Digest {
				logs: vec![DigestItem::PreRuntime(
					AURA_ENGINE_ID,
					Slot::from(slot).encode(),
				)],
			};
			let header = Header::new(
				number,
				Default::default(),
				Default::default(),
				parent_hash,
				digest,
			);
			Executive::initialize_block(&header);
			let now = RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now: slot * SLOT_DURATION,
			});
			Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(now))
				.expect("the timestamp is valid")
				.expect("the timestamp applies");
			// As the node's block builder does, an extrinsic the block refuses leaves nothing
			// behind.
			let results: Vec<_> = extrinsics
				.into_iter()
				.map(|xt| {
					with_transaction(|| {
						let result = Executive::apply_extrinsic(xt);
						if result.is_ok() {
							TransactionOutcome::Commit(Ok::<_, DispatchError>(result))
						} else {
							TransactionOutcome::Rollback(Ok(result))
						}
					})
					.expect("applying runs")
				})
				.collect();
			let header = Executive::finalize_block();
			(results, header.hash())
		});
		self.parent_hash = hash;
		results
	}

	/// The next nonce of `who`.
	pub fn nonce(&mut self, who: Ed25519Keyring) -> Nonce {
		self.read(|| System::account_nonce(who.to_account_id()))
	}

	/// `call` signed by `who` with its next nonce, mortal for 64 blocks from the last one.
	pub fn sign(&mut self, who: Ed25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
		let nonce = self.nonce(who);
		let last = self.block_number();
		self.sign_with(who, call, nonce, Era::mortal(64, u64::from(last)))
	}

	/// `call` signed by `who` with this nonce and era.
	pub fn sign_with(
		&mut self,
		who: Ed25519Keyring,
		call: RuntimeCall,
		nonce: Nonce,
		era: Era,
	) -> UncheckedExtrinsic {
		let birth_hash = if era.is_immortal() {
			self.read(|| System::block_hash(0))
		} else {
			// Mortal eras here are born at the last block, whose hash the chain records
			// only when the next block starts.
			self.parent_hash
		};
		self.read(|| {
			let extension: TxExtension = (
				frame_system::CheckNonZeroSender::new(),
				frame_system::CheckSpecVersion::new(),
				frame_system::CheckTxVersion::new(),
				frame_system::CheckGenesis::new(),
				pallet_members::CheckMortality::from(era),
				pallet_members::CheckMember::new(),
				pallet_members::CheckNonce::from(nonce),
				frame_system::CheckWeight::new(),
				crate::audit::AuditCall,
			);
			let implicit = (
				(),
				VERSION.spec_version,
				VERSION.transaction_version,
				System::block_hash(0),
				birth_hash,
				(),
				(),
				(),
				(),
			);
			let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
			let signature = payload.using_encoded(|bytes| who.sign(bytes));
			UncheckedExtrinsic::new_signed(
				call,
				Address::Id(who.to_account_id()),
				Signature::from(signature),
				extension,
			)
		})
	}

	/// What the transaction pool answers for `xt` on top of the last block.
	pub fn validate(&mut self, xt: &UncheckedExtrinsic) -> TransactionValidity {
		let parent_hash = self.parent_hash;
		let xt = xt.clone();
		self.read(|| {
			// The pool validates on a copy of the state: nothing it writes stays.
			with_transaction(|| {
				let validity =
					Executive::validate_transaction(TransactionSource::External, xt, parent_hash);
				TransactionOutcome::Rollback(Ok::<_, DispatchError>(validity))
			})
			.expect("validation runs")
		})
	}

	/// Sends `xt` as a node would: the pool validates it, and if it takes it, the next block
	/// with room holds it. (A session change fills its block, as the session pallet reports
	/// its weight; the pool keeps the transaction for the block after.)
	pub fn send(&mut self, xt: UncheckedExtrinsic) -> Outcome {
		let _: ValidTransaction = self.validate(&xt)?;
		let no_room = Err(TransactionValidityError::Invalid(
			InvalidTransaction::ExhaustsResources,
		));
		for _ in 0..3 {
			let outcome = self
				.produce(vec![xt.clone()])
				.pop()
				.expect("one extrinsic, one result");
			if outcome != no_room {
				return outcome;
			}
		}
		no_room
	}

	/// Signs `call` by `who` and sends it.
	pub fn submit(&mut self, who: Ed25519Keyring, call: RuntimeCall) -> Outcome {
		let xt = self.sign(who, call);
		self.send(xt)
	}

	/// Fresh session keys for `owner` in the chain's keystore, with the proof that `owner`
	/// holds them, as `author_rotateKeysWithOwner` makes them.
	pub fn session_keys(&mut self, owner: &AccountId) -> (SessionKeys, Vec<u8>) {
		self.read(|| {
			let generated = SessionKeys::generate(&owner.encode(), None);
			(generated.keys, generated.proof.encode())
		})
	}

	/// The events of the last block.
	pub fn events(&mut self) -> Vec<RuntimeEvent> {
		self.read(|| System::events().into_iter().map(|r| r.event).collect())
	}

	/// Has the council decide `call` the one way it can: Alice proposes `Consortium::enact`
	/// of it with `threshold`, `ayes` vote aye, and Alice closes the motion. Returns what
	/// the council's execution of the motion gave, or `None` if the motion did not pass.
	pub fn council_decides(
		&mut self,
		call: RuntimeCall,
		threshold: u32,
		ayes: &[Ed25519Keyring],
	) -> Option<DispatchResult> {
		let enact = RuntimeCall::Consortium(pallet_consortium::Call::enact {
			call: Box::new(call),
		});
		self.motion(enact, threshold, ayes, 0)
	}

	/// A council motion on `proposal` as it is, voted by `ayes` and closed after `wait`
	/// blocks. Returns the execution's result, or `None` if the motion did not pass.
	pub fn motion(
		&mut self,
		proposal: RuntimeCall,
		threshold: u32,
		ayes: &[Ed25519Keyring],
		wait: u32,
	) -> Option<DispatchResult> {
		let length = proposal.encoded_size() as u32;
		let weight = proposal.get_dispatch_info().call_weight;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&proposal);
		let propose = RuntimeCall::Council(pallet_collective::Call::propose {
			threshold,
			proposal: Box::new(proposal),
			length_bound: length,
		});
		self.submit(Ed25519Keyring::Alice, propose)
			.expect("the pool takes the proposal")
			.expect("the proposal is accepted");
		if threshold <= 1 {
			return self.executed();
		}
		let index = self.read(|| {
			pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get() - 1
		});
		for voter in ayes {
			let vote = RuntimeCall::Council(pallet_collective::Call::vote {
				proposal: hash,
				index,
				approve: true,
			});
			self.submit(*voter, vote)
				.expect("the pool takes the vote")
				.expect("the vote counts");
		}
		self.skip(wait);
		let close = RuntimeCall::Council(pallet_collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight,
			length_bound: length,
		});
		self.submit(Ed25519Keyring::Alice, close)
			.expect("the pool takes the close")
			.expect("the motion closes");
		self.executed()
	}

	/// The result of the council motion executed in the last block, if one was.
	fn executed(&mut self) -> Option<DispatchResult> {
		self.events().into_iter().find_map(|event| match event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(result)
			}
			_ => None,
		})
	}
}

/// The development account of a keyring name, as the runtime knows it.
pub fn account(who: Ed25519Keyring) -> AccountId {
	who.to_account_id()
}
