//! What an insider might try against the chain, each refused where it would be tried: through
//! the pool and the runtime's extensions and call filter, by real signed transactions and
//! council motions.

use crate::{
	harness::{account, Chain, Outcome},
	Address, Runtime, RuntimeCall, DAYS,
};
use pallet_members::{extension::codes, RateLimit, Role};
use polkadot_sdk::{
	frame_support::{dispatch::GetDispatchInfo, BoundedVec},
	frame_system, pallet_collective, pallet_membership, pallet_node_authorization, pallet_session,
	sp_core::{OpaquePeerId, H256},
	sp_keyring::Ed25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie, One},
	sp_runtime::{
		generic::Era,
		traits::TransactionExtension,
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		DispatchError,
	},
};
use registry_primitives::AuditKind;

type MembersError = pallet_members::Error<Runtime>;
type CollectiblesError = pallet_collectibles::Error<Runtime>;
type RightsError = pallet_rights::Error<Runtime>;
type ConsortiumError = pallet_consortium::Error<Runtime>;

/// An account no one admitted.
fn stranger() -> crate::AccountId {
	crate::AccountId::from([9u8; 32])
}

fn ok(outcome: Outcome) {
	assert_eq!(outcome, Ok(Ok(())));
}

fn fails(outcome: Outcome, error: impl Into<DispatchError>) {
	assert_eq!(outcome, Ok(Err(error.into())));
}

fn refused(outcome: Outcome, code: u8) {
	assert_eq!(
		outcome,
		Err(TransactionValidityError::Invalid(
			InvalidTransaction::Custom(code)
		))
	);
}

fn remark(len: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark {
		remark: vec![7; len],
	})
}

fn admit(who: crate::AccountId, roles: &[Role]) -> RuntimeCall {
	RuntimeCall::Members(pallet_members::Call::admit {
		who,
		roles: BoundedVec::truncate_from(roles.to_vec()),
		identity_hash: H256::repeat_byte(1),
	})
}

fn suspend(who: Ed25519Keyring) -> RuntimeCall {
	RuntimeCall::Members(pallet_members::Call::suspend { who: account(who) })
}

fn remove(who: Ed25519Keyring) -> RuntimeCall {
	RuntimeCall::Members(pallet_members::Call::remove { who: account(who) })
}

fn is_member(chain: &mut Chain, who: &crate::AccountId) -> bool {
	chain.read(|| pallet_members::Members::<Runtime>::contains_key(who))
}

fn council(chain: &mut Chain) -> Vec<crate::AccountId> {
	chain.read(pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get)
}

fn set_rate_limit(role: Role, limit: RateLimit<u32>) -> RuntimeCall {
	RuntimeCall::Members(pallet_members::Call::set_rate_limit {
		role,
		limit: Some(limit),
	})
}

fn metadata() -> pallet_collectibles::MetadataOf<Runtime> {
	pallet_collectibles::MetadataRef {
		uri: BoundedVec::truncate_from(b"https://museum.example/m.json".to_vec()),
		sha256: H256::repeat_byte(3),
	}
}

pub(super) fn create_collection(editions: u32) -> RuntimeCall {
	RuntimeCall::Collectibles(pallet_collectibles::Call::create_collection {
		name: BoundedVec::truncate_from(b"Ceramics".to_vec()),
		description: BoundedVec::new(),
		metadata: metadata(),
		max_supply: 10_000,
		editions,
		policy: pallet_collectibles::TransferPolicy {
			transferable: true,
			min_holding_blocks: 0,
			max_transfers_per_window: 0,
			window_blocks: 0,
		},
		co_issuers: BoundedVec::new(),
		custodian: None,
	})
}

fn request(
	serial: u32,
	content: H256,
	owner: Ed25519Keyring,
) -> pallet_collectibles::pallet::MintRequestOf<Runtime> {
	pallet_collectibles::MintRequest {
		content,
		metadata: metadata(),
		serial,
		creator: account(owner),
		catalogue_number: None,
		owner: account(owner),
		fingerprints: Default::default(),
	}
}

pub(super) fn mint(collection: u32, serial: u32, content: H256, draft: bool) -> RuntimeCall {
	mint_fingerprinted(collection, serial, content, Default::default(), draft)
}

/// Bob's mint of `content` carrying `fingerprints`.
pub(super) fn mint_fingerprinted(
	collection: u32,
	serial: u32,
	content: H256,
	fingerprints: pallet_fingerprints::Fingerprints,
	draft: bool,
) -> RuntimeCall {
	RuntimeCall::Collectibles(pallet_collectibles::Call::mint {
		collection,
		request: pallet_collectibles::MintRequest {
			fingerprints,
			..request(serial, content, Bob)
		},
		draft,
	})
}

pub(super) fn mint_batch(collection: u32, first_serial: u32, count: u32) -> RuntimeCall {
	let requests = (first_serial..first_serial + count)
		.map(|serial| request(serial, H256::from_low_u64_be(u64::from(serial)), Bob))
		.collect();
	RuntimeCall::Collectibles(pallet_collectibles::Call::mint_batch {
		collection,
		requests: BoundedVec::truncate_from(requests),
		draft: false,
	})
}

fn next_collection(chain: &mut Chain) -> u32 {
	chain.read(pallet_collectibles::NextCollectionId::<Runtime>::get)
}

// --- 1. council capture ---

#[test]
fn a_registrar_cannot_suspend_or_remove_council_members_or_validators() {
	let mut chain = Chain::local();
	// Alice is a registrar; Bob and Charlie sit on the council; Dave validates.
	for who in [Bob, Charlie, Dave] {
		fails(chain.submit(Alice, suspend(who)), MembersError::Protected);
		fails(chain.submit(Alice, remove(who)), MembersError::Protected);
	}
	// Ferdie holds no seat: a registrar may suspend him.
	ok(chain.submit(Alice, suspend(Ferdie)));
	// The council keeps its two-thirds majority and still acts.
	assert_eq!(
		chain.council_decides(admit(stranger(), &[Role::Creator]), 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	assert!(is_member(&mut chain, &stranger()));
}

#[test]
fn a_council_seat_goes_only_to_an_active_member_and_suspension_vacates_it() {
	let mut chain = Chain::local();
	let seat = |who: crate::AccountId| {
		RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
			who: Address::Id(who),
		})
	};
	assert_eq!(
		chain.council_decides(seat(stranger()), 2, &[Alice, Bob]),
		Some(Err(frame_system::Error::<Runtime>::CallFiltered.into()))
	);
	assert_eq!(
		chain.council_decides(seat(account(Eve)), 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	assert!(council(&mut chain).contains(&account(Eve)));
	// The consortium suspends a councillor: the seat goes with it.
	assert_eq!(
		chain.council_decides(suspend(Charlie), 2, &[Alice, Bob, Eve]),
		Some(Ok(()))
	);
	assert!(!council(&mut chain).contains(&account(Charlie)));
}

#[test]
fn the_council_acts_only_through_enact() {
	let mut chain = Chain::local();
	// A motion that carries the call itself, not `Consortium::enact` of it, has no power.
	assert_eq!(
		chain.motion(admit(stranger(), &[Role::Creator]), 2, &[Alice, Bob], 0),
		Some(Err(DispatchError::BadOrigin))
	);
	assert!(!is_member(&mut chain, &stranger()));
}

#[test]
fn an_absent_vote_never_counts_as_an_aye() {
	let mut chain = Chain::local();
	// Alice is made prime: with the SDK's prime-default rule, silence would follow her aye.
	let prime = RuntimeCall::CouncilMembership(pallet_membership::Call::set_prime {
		who: Address::Id(account(Alice)),
	});
	assert_eq!(chain.council_decides(prime, 2, &[Alice, Bob]), Some(Ok(())));
	let enact = RuntimeCall::Consortium(pallet_consortium::Call::enact {
		call: Box::new(admit(stranger(), &[Role::Creator])),
	});
	// Alice votes aye; Bob and Charlie say nothing until the motion ends.
	assert_eq!(chain.motion(enact, 2, &[Alice], 3 * DAYS + 1), None);
	assert!(!is_member(&mut chain, &stranger()));
}

// --- 2. block stuffing ---

#[test]
fn an_oversized_remark_is_refused_at_the_pool() {
	let mut chain = Chain::dev();
	refused(
		chain.submit(Bob, remark(crate::configs::MAX_REMARK_LENGTH + 1)),
		codes::CALL_NOT_ALLOWED,
	);
	ok(chain.submit(Bob, remark(crate::configs::MAX_REMARK_LENGTH)));
	// The filter holds for the consortium too, whose origin is not root.
	let big = remark(crate::configs::MAX_REMARK_LENGTH + 1);
	assert_eq!(
		chain.council_decides(big, 1, &[]),
		Some(Err(frame_system::Error::<Runtime>::CallFiltered.into()))
	);
}

#[test]
fn a_limit_bounds_the_weight_a_member_sends_per_window() {
	let mut chain = Chain::dev();
	let collection = next_collection(&mut chain);
	ok(chain.submit(Bob, create_collection(1)));
	// One batch of 50, with the extensions' weight, as the pool counts it.
	let batch = mint_batch(collection, 0, 50);
	let weight = chain
		.sign(Bob, batch)
		.get_dispatch_info()
		.total_weight()
		.ref_time();
	let limit = RateLimit {
		max_transactions: 1_000,
		max_weight: weight * 5 / 2,
		max_bytes: 64 << 20,
		window_blocks: 100,
	};
	assert_eq!(
		chain.council_decides(set_rate_limit(Role::Institution, limit), 1, &[]),
		Some(Ok(()))
	);
	ok(chain.submit(Bob, mint_batch(collection, 0, 50)));
	ok(chain.submit(Bob, mint_batch(collection, 50, 50)));
	// The third would go past two and a half batches' weight.
	refused(
		chain.submit(Bob, mint_batch(collection, 100, 50)),
		codes::RATE_LIMITED,
	);
	// Another institution has its own window.
	ok(chain.submit(Charlie, create_collection(1)));
}

#[test]
fn a_limit_bounds_the_bytes_a_member_sends_per_window() {
	let mut chain = Chain::dev();
	let limit = RateLimit {
		max_transactions: 1_000,
		max_weight: u64::MAX,
		max_bytes: 1_000,
		window_blocks: 100,
	};
	assert_eq!(
		chain.council_decides(set_rate_limit(Role::Institution, limit), 1, &[]),
		Some(Ok(()))
	);
	for _ in 0..3 {
		ok(chain.submit(Bob, remark(200)));
	}
	// Each is about 300 bytes with its signature: the fourth does not fit.
	refused(chain.submit(Bob, remark(200)), codes::RATE_LIMITED);
}

#[test]
fn the_pool_holds_no_more_of_a_members_transactions_than_its_window_allows() {
	let mut chain = Chain::dev();
	ok(chain.submit(Alice, admit(account(One), &[Role::Creator])));
	let limit = RateLimit {
		max_transactions: 3,
		max_weight: u64::MAX,
		max_bytes: u32::MAX,
		window_blocks: 100,
	};
	assert_eq!(
		chain.council_decides(set_rate_limit(Role::Creator, limit), 1, &[]),
		Some(Ok(()))
	);
	let era = Era::mortal(64, u64::from(chain.block_number()));
	for nonce in 0..3 {
		let xt = chain.sign_with(One, remark(1), nonce, era);
		assert!(chain.validate(&xt).is_ok(), "nonce {nonce}");
	}
	let fourth = chain.sign_with(One, remark(1), 3, era);
	assert_eq!(
		chain.validate(&fourth),
		Err(InvalidTransaction::Custom(codes::TOO_MANY_PENDING).into())
	);
}

#[test]
fn a_member_flooding_its_window_goes_after_one_who_has_sent_little() {
	let mut chain = Chain::dev();
	let collection = next_collection(&mut chain);
	ok(chain.submit(Bob, create_collection(1)));
	for n in 0..4 {
		ok(chain.submit(Bob, mint_batch(collection, n * 250, 250)));
	}
	let flood = chain.sign(Bob, remark(10));
	let newcomer = chain.sign(Charlie, remark(10));
	let flood = chain.validate(&flood).expect("still within its limit");
	let newcomer = chain.validate(&newcomer).expect("valid");
	assert!(
		newcomer.priority > flood.priority,
		"{} should go before {}",
		newcomer.priority,
		flood.priority
	);
}

// --- 3. members that cannot be removed ---

#[test]
fn only_a_named_candidate_sets_session_keys_and_removal_clears_them() {
	let mut chain = Chain::local();
	let (keys, proof) = chain.session_keys(&account(Eve));
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof });
	refused(chain.submit(Eve, set_keys.clone()), codes::CALL_NOT_ALLOWED);

	let candidate =
		RuntimeCall::Validators(pallet_validators::Call::add_candidate { who: account(Eve) });
	assert_eq!(
		chain.council_decides(candidate, 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	ok(chain.submit(Eve, set_keys));
	let has_keys = |chain: &mut Chain, who| {
		chain.read(|| pallet_session::NextKeys::<Runtime>::contains_key(account(who)))
	};
	assert!(has_keys(&mut chain, Eve));
	// A registrar removes her: the keys go, and nothing keeps the removal from happening.
	ok(chain.submit(Alice, remove(Eve)));
	assert!(!has_keys(&mut chain, Eve));
	assert!(!is_member(&mut chain, &account(Eve)));
}

#[test]
fn a_former_validator_can_be_removed() {
	let mut chain = Chain::local();
	let drop =
		RuntimeCall::Validators(pallet_validators::Call::remove_validator { who: account(Dave) });
	assert_eq!(chain.council_decides(drop, 2, &[Alice, Bob]), Some(Ok(())));
	assert!(!chain.read(|| pallet_session::NextKeys::<Runtime>::contains_key(account(Dave))));
	ok(chain.submit(Alice, remove(Dave)));
	assert!(!is_member(&mut chain, &account(Dave)));
}

// --- 4. replay after re-admission ---

#[test]
fn a_readmitted_member_keeps_its_nonce_so_old_transactions_stay_spent() {
	let mut chain = Chain::dev();
	let xt = chain.sign(Eve, remark(5));
	ok(chain.send(xt.clone()));
	ok(chain.submit(Alice, remove(Eve)));
	ok(chain.submit(Alice, admit(account(Eve), &[Role::Creator])));
	assert_eq!(chain.nonce(Eve), 1);
	assert_eq!(chain.send(xt), Err(InvalidTransaction::Stale.into()));
}

#[test]
fn immortal_transactions_are_refused() {
	let mut chain = Chain::dev();
	let nonce = chain.nonce(Bob);
	let xt = chain.sign_with(Bob, remark(5), nonce, Era::Immortal);
	refused(chain.send(xt), codes::IMMORTAL);
}

// --- 5. self-judging ---

pub(super) fn register_work(content: H256) -> RuntimeCall {
	register_work_fingerprinted(content, Default::default())
}

/// A work of `content` carrying `fingerprints`, its signer the only author.
pub(super) fn register_work_fingerprinted(
	content: H256,
	fingerprints: pallet_fingerprints::Fingerprints,
) -> RuntimeCall {
	RuntimeCall::Rights(pallet_rights::Call::register_work {
		content,
		title: BoundedVec::truncate_from(b"Poem".to_vec()),
		metadata: pallet_rights::MetadataRef {
			uri: BoundedVec::truncate_from(b"u".to_vec()),
			sha256: H256::repeat_byte(4),
		},
		created_on: 0,
		co_authors: BoundedVec::new(),
		parents: BoundedVec::new(),
		on_behalf_of: None,
		fingerprints,
	})
}

pub(super) fn attest(work: u64) -> RuntimeCall {
	RuntimeCall::Rights(pallet_rights::Call::attest {
		work,
		claim_hash: H256::repeat_byte(5),
		evidence: None,
	})
}

#[test]
fn nobody_attests_their_own_work() {
	let mut chain = Chain::dev();
	// Bob is a creator and an institution: he registers a work, then tries to vouch for it.
	ok(chain.submit(Bob, register_work(H256::repeat_byte(1))));
	fails(chain.submit(Bob, attest(0)), RightsError::SelfAttestation);
	ok(chain.submit(Charlie, attest(0)));
}

#[test]
fn an_arbiter_does_not_rule_on_its_own_dispute_or_work() {
	let mut chain = Chain::dev();
	ok(chain.submit(Bob, register_work(H256::repeat_byte(1))));
	// Alice, the only arbiter, opens a dispute and tries to rule herself the author.
	let open = RuntimeCall::Rights(pallet_rights::Call::open_dispute {
		work: 0,
		evidence: H256::repeat_byte(6),
	});
	ok(chain.submit(Alice, open));
	let uphold = RuntimeCall::Rights(pallet_rights::Call::resolve_dispute {
		dispute: 0,
		upheld: true,
		corrected_authors: Some(BoundedVec::truncate_from(vec![account(Alice)])),
		ruling_hash: H256::repeat_byte(8),
	});
	fails(chain.submit(Alice, uphold), RightsError::ArbiterIsParty);
	// Nor on a work she registered, whoever opened the dispute.
	ok(chain.submit(Alice, register_work(H256::repeat_byte(2))));
	let open = RuntimeCall::Rights(pallet_rights::Call::open_dispute {
		work: 1,
		evidence: H256::repeat_byte(6),
	});
	ok(chain.submit(Bob, open));
	let reject = RuntimeCall::Rights(pallet_rights::Call::resolve_dispute {
		dispute: 1,
		upheld: false,
		corrected_authors: None,
		ruling_hash: H256::repeat_byte(8),
	});
	fails(chain.submit(Alice, reject), RightsError::ArbiterIsParty);
}

// --- 6. duplicate content ---

#[test]
fn a_content_hash_is_registered_once_unless_declared_as_editions() {
	let mut chain = Chain::dev();
	let first = next_collection(&mut chain);
	ok(chain.submit(Bob, create_collection(1)));
	ok(chain.submit(Charlie, create_collection(1)));
	let content = H256::repeat_byte(42);
	ok(chain.submit(Bob, mint(first, 1, content, false)));
	// Charlie's collection may not register it again, nor may a retired item free it.
	let charlie_mint = |serial| {
		RuntimeCall::Collectibles(pallet_collectibles::Call::mint {
			collection: first + 1,
			request: request(serial, content, Charlie),
			draft: false,
		})
	};
	fails(
		chain.submit(Charlie, charlie_mint(1)),
		CollectiblesError::ContentAlreadyMinted { item: 0u32.into() },
	);
	let retire = RuntimeCall::Collectibles(pallet_collectibles::Call::retire {
		collection: first,
		item: 0,
		reason: 1,
	});
	ok(chain.submit(Bob, retire));
	fails(
		chain.submit(Charlie, charlie_mint(2)),
		CollectiblesError::ContentAlreadyMinted { item: 0u32.into() },
	);

	// A limited edition declared at creation: three numbered editions of one content.
	let prints = next_collection(&mut chain);
	ok(chain.submit(Bob, create_collection(3)));
	let print = H256::repeat_byte(43);
	for serial in 1..=3 {
		ok(chain.submit(Bob, mint(prints, serial, print, false)));
	}
	fails(
		chain.submit(Bob, mint(prints, 4, print, false)),
		CollectiblesError::EditionsExhausted,
	);
	let editions: Vec<u32> = chain.read(|| {
		(0..3)
			.filter_map(|item| pallet_collectibles::Items::<Runtime>::get(prints, item))
			.map(|item| item.edition)
			.collect()
	});
	assert_eq!(editions, vec![1, 2, 3]);
}

// --- 7. drafts ---

#[test]
fn a_draft_cannot_be_given_away_and_its_metadata_keeps_every_version() {
	let mut chain = Chain::dev();
	let collection = next_collection(&mut chain);
	ok(chain.submit(Bob, create_collection(1)));
	ok(chain.submit(Bob, mint(collection, 1, H256::repeat_byte(1), true)));
	let gift = RuntimeCall::Collectibles(pallet_collectibles::Call::transfer {
		collection,
		item: 0,
		to: account(Charlie),
	});
	fails(
		chain.submit(Bob, gift),
		CollectiblesError::DraftNotTransferable,
	);
	let mut corrected = metadata();
	corrected.sha256 = H256::repeat_byte(9);
	let correct = RuntimeCall::Collectibles(pallet_collectibles::Call::set_metadata {
		collection,
		item: 0,
		metadata: corrected,
	});
	ok(chain.submit(Bob, correct));
	let (version, earlier) = chain.read(|| {
		(
			pallet_collectibles::Items::<Runtime>::get(collection, 0).map(|i| i.metadata_version),
			pallet_collectibles::MetadataHistory::<Runtime>::get((collection, 0, 0)),
		)
	});
	assert_eq!(version, Some(1));
	assert_eq!(earlier, Some(metadata()));
}

// --- 8. rewriting history by decree ---

#[test]
fn the_council_cannot_write_storage_directly_even_nested() {
	let mut chain = Chain::local();
	ok(chain.submit(Bob, remark(5)));
	let head_key = pallet_audit::Head::<Runtime>::hashed_key().to_vec();
	let head = chain.read(pallet_audit::Head::<Runtime>::get);
	let decrees = [
		RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(head_key.clone(), vec![0; 40])],
		}),
		RuntimeCall::System(frame_system::Call::kill_storage {
			keys: vec![head_key.clone()],
		}),
		RuntimeCall::System(frame_system::Call::kill_prefix {
			prefix: head_key[..16].to_vec(),
			subkeys: 1_000,
		}),
		RuntimeCall::Consortium(pallet_consortium::Call::enact {
			call: Box::new(RuntimeCall::System(frame_system::Call::kill_storage {
				keys: vec![head_key],
			})),
		}),
	];
	for decree in decrees {
		assert_eq!(
			chain.council_decides(decree, 2, &[Alice, Bob, Charlie]),
			Some(Err(ConsortiumError::CallNotAllowed.into()))
		);
	}
	// The log only grew, by the council's motions, none of which was enacted; it still
	// chains from where it was.
	let (after, added) = chain.read(|| {
		let after = pallet_audit::Head::<Runtime>::get();
		let added: Vec<_> = (head.next_seq..after.next_seq)
			.filter_map(pallet_audit::Records::<Runtime>::get)
			.map(|record| pallet_audit::HashedRecord {
				hash: pallet_audit::record_hash(&record),
				record,
			})
			.collect();
		(after, added)
	});
	assert!(!added.is_empty());
	assert!(added.iter().all(|hashed| matches!(
		hashed.record.entry.kind,
		AuditKind::MotionProposed | AuditKind::MotionVoted | AuditKind::MotionClosed
	)));
	assert_eq!(
		pallet_audit::verify_chain(head.last_hash, &added),
		Ok(after.last_hash)
	);

	// Runtime upgrades still pass, as root.
	let upgrade = RuntimeCall::System(frame_system::Call::authorize_upgrade {
		code_hash: H256::repeat_byte(0xab),
	});
	assert_eq!(
		chain.council_decides(upgrade, 2, &[Alice, Bob]),
		Some(Ok(()))
	);
}

// --- 10. loose ends ---

#[test]
fn a_suspended_validator_stops_validating_at_the_next_session() {
	let mut chain = Chain::local();
	assert_eq!(
		chain.council_decides(suspend(Dave), 2, &[Alice, Bob]),
		Some(Ok(()))
	);
	assert!(
		!chain.read(|| pallet_validators::Validators::<Runtime>::get().contains(&account(Dave)))
	);
	// Two session changes later the session pallet's active set no longer has Dave.
	for _ in 0..25 {
		chain.produce(vec![]);
	}
	let active = chain.read(pallet_session::Validators::<Runtime>::get);
	assert!(!active.contains(&account(Dave)), "{active:?}");
	assert_eq!(active.len(), 3);
}

#[test]
fn a_node_passes_only_to_an_active_member() {
	let mut chain = Chain::local();
	// Alice owns the node with key 0x00…01 in the `local` genesis.
	let node = chain.read(|| {
		pallet_node_authorization::WellKnownNodes::<Runtime>::get()
			.into_iter()
			.find(|node| {
				pallet_node_authorization::Owners::<Runtime>::get(node) == Some(account(Alice))
			})
			.expect("Alice owns a node")
	});
	let transfer = |owner: crate::AccountId, node: OpaquePeerId| {
		RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::transfer_node {
			node,
			owner: Address::Id(owner),
		})
	};
	fails(
		chain.submit(Alice, transfer(stranger(), node.clone())),
		frame_system::Error::<Runtime>::CallFiltered,
	);
	ok(chain.submit(Alice, transfer(account(Eve), node)));
}

#[test]
fn the_member_check_weighs_its_reads_and_its_write() {
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	let check = pallet_members::CheckMember::<Runtime>::new().weight(&remark(1));
	assert!(
		check.ref_time() >= db.reads_writes(7, 1).ref_time(),
		"{check:?}"
	);
}
