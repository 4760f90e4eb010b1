//! Tests of collections, minting, metadata, transfers under policy, freezing and retiring.

use crate::{
	mock::*, Collections, Error, Event, ItemRef, ItemState, Items, ItemsByContent, ItemsByOwner,
	MetadataHistory, MetadataRef, MintRequest, TransferPolicy, MAX_SUPPLY_CAP,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_core::H256,
};

type Policy = TransferPolicy<u64>;

fn open_policy() -> Policy {
	Policy {
		transferable: true,
		min_holding_blocks: 0,
		max_transfers_per_window: 0,
		window_blocks: 0,
	}
}

fn meta(n: u8) -> MetadataRef<polkadot_sdk::frame_support::traits::ConstU32<64>> {
	MetadataRef {
		uri: BoundedVec::truncate_from(format!("ipfs://meta/{n}").into_bytes()),
		sha256: H256::repeat_byte(n),
	}
}

fn request(serial: u32, content: u8) -> crate::pallet::MintRequestOf<Test> {
	MintRequest {
		content: H256::repeat_byte(content),
		metadata: meta(content),
		serial,
		creator: ARTIST,
		catalogue_number: Some(BoundedVec::truncate_from(b"INV-1".to_vec())),
		owner: ARTIST,
		fingerprints: Default::default(),
	}
}

fn create(policy: Policy, max_supply: u32) -> u32 {
	let id = crate::NextCollectionId::<Test>::get();
	assert_ok!(Collectibles::create_collection(
		RuntimeOrigin::signed(MUSEUM),
		BoundedVec::truncate_from(b"Song dynasty ceramics".to_vec()),
		BoundedVec::truncate_from(b"Digital editions".to_vec()),
		meta(200),
		max_supply,
		1,
		policy,
		BoundedVec::truncate_from(vec![LIBRARY]),
		Some(MUSEUM),
	));
	id
}

fn mint_one(collection: u32, serial: u32, content: u8) -> u32 {
	let item = Collections::<Test>::get(collection).unwrap().minted;
	assert_ok!(Collectibles::mint(
		RuntimeOrigin::signed(MUSEUM),
		collection,
		request(serial, content),
		false
	));
	item
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Collectibles(e) => Some(e),
			_ => None,
		})
		.expect("a collectibles event")
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

// --- collections ---

#[test]
fn an_institution_creates_a_co_issued_collection() {
	new_test_ext(|| {
		let c = create(open_policy(), 100);
		let record = Collections::<Test>::get(c).unwrap();
		assert_eq!(record.issuers.to_vec(), vec![MUSEUM, LIBRARY]);
		assert_eq!(record.custodian, Some(MUSEUM));
		assert_eq!(record.max_supply, 100);
		assert_eq!(
			last_event(),
			Event::CollectionCreated {
				collection: c,
				issuers: vec![MUSEUM, LIBRARY],
				max_supply: 100,
				authorized_by: MUSEUM
			}
		);
		assert_eq!(create(open_policy(), 1), c + 1, "numbers follow each other");
	});
}

fn try_create(
	who: u64,
	max_supply: u32,
	policy: Policy,
	co: Vec<u64>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Collectibles::create_collection(
		signed(who),
		BoundedVec::truncate_from(b"n".to_vec()),
		BoundedVec::truncate_from(b"d".to_vec()),
		meta(1),
		max_supply,
		1,
		policy,
		BoundedVec::truncate_from(co),
		None,
	)
}

#[test]
fn only_institutions_create_collections() {
	new_test_ext(|| {
		assert_noop!(
			try_create(ARTIST, 10, open_policy(), vec![]),
			Error::<Test>::NotInstitution
		);
		assert_noop!(
			try_create(STRANGER, 10, open_policy(), vec![]),
			Error::<Test>::NotInstitution
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			MUSEUM
		));
		assert_noop!(
			try_create(MUSEUM, 10, open_policy(), vec![]),
			Error::<Test>::NotInstitution
		);
	});
}

#[test]
fn collection_parameters_are_checked() {
	new_test_ext(|| {
		assert_noop!(
			try_create(MUSEUM, 0, open_policy(), vec![]),
			Error::<Test>::InvalidMaxSupply
		);
		assert_noop!(
			try_create(MUSEUM, MAX_SUPPLY_CAP + 1, open_policy(), vec![]),
			Error::<Test>::InvalidMaxSupply
		);
		assert_ok!(try_create(MUSEUM, MAX_SUPPLY_CAP, open_policy(), vec![]));
		let capped_without_window = Policy {
			max_transfers_per_window: 2,
			window_blocks: 0,
			..open_policy()
		};
		assert_noop!(
			try_create(MUSEUM, 10, capped_without_window, vec![]),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			try_create(MUSEUM, 10, open_policy(), vec![ARTIST]),
			Error::<Test>::CoIssuerNotInstitution
		);
		assert_noop!(
			try_create(MUSEUM, 10, open_policy(), vec![LIBRARY, LIBRARY]),
			Error::<Test>::DuplicateIssuer
		);
		assert_noop!(
			try_create(MUSEUM, 10, open_policy(), vec![MUSEUM]),
			Error::<Test>::DuplicateIssuer
		);
		assert_noop!(
			try_create(MUSEUM, 10, open_policy(), vec![LIBRARY, ARCHIVE, REGULATOR]),
			Error::<Test>::TooManyIssuers
		);
	});
}

// --- minting ---

#[test]
fn an_issuer_mints_an_item_with_its_indices() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 7, 1);
		let record = Items::<Test>::get(c, item).unwrap();
		assert_eq!(record.content, H256::repeat_byte(1));
		assert_eq!(record.serial, 7);
		assert_eq!(record.owner, ARTIST);
		assert_eq!(record.minted_at, 1);
		assert_eq!(record.state, ItemState::Issued);
		assert!(ItemsByOwner::<Test>::contains_key((ARTIST, c, item)));
		assert!(ItemsByContent::<Test>::contains_key((
			H256::repeat_byte(1),
			c,
			item
		)));
		assert_eq!(
			last_event(),
			Event::ItemMinted {
				collection: c,
				item,
				serial: 7,
				content: H256::repeat_byte(1),
				owner: ARTIST,
				authorized_by: MUSEUM
			}
		);
		// A co-issuer mints too.
		assert_ok!(Collectibles::mint(signed(LIBRARY), c, request(8, 2), true));
		assert_eq!(
			Items::<Test>::get(c, item + 1).unwrap().state,
			ItemState::Draft
		);
	});
}

#[test]
fn minting_checks_issuer_collection_and_holder() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		assert_noop!(
			Collectibles::mint(signed(ARCHIVE), c, request(1, 1), false),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c + 5, request(1, 1), false),
			Error::<Test>::UnknownCollection
		);
		let mut to_stranger = request(1, 1);
		to_stranger.owner = STRANGER;
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c, to_stranger, false),
			Error::<Test>::ReceiverNotMember
		);
		// An issuer who lost the institution role may no longer mint.
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			LIBRARY
		));
		assert_noop!(
			Collectibles::mint(signed(LIBRARY), c, request(1, 1), false),
			Error::<Test>::NotIssuer
		);
	});
}

#[test]
fn a_duplicate_serial_or_content_is_refused_and_names_the_item() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		mint_one(c, 1, 1);
		let second = mint_one(c, 2, 2);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c, request(1, 3), false),
			Error::<Test>::DuplicateSerial
		);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c, request(3, 2), false),
			Error::<Test>::ContentAlreadyMinted {
				item: ItemRef::from(second)
			}
		);
		assert_eq!(ItemRef::from(second).item(), second);
	});
}

#[test]
fn a_content_hash_is_registered_once_on_the_whole_chain() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let first = mint_one(c, 1, 2);
		// Another collection, even of another issuer, is refused the same content.
		let other = create(open_policy(), 10);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), other, request(1, 2), false),
			Error::<Test>::ContentAlreadyMinted {
				item: ItemRef::from(first)
			}
		);
		// So is a limited-edition collection: editions share a content only among
		// themselves.
		let limited = create_editions(3);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), limited, request(1, 2), false),
			Error::<Test>::ContentAlreadyMinted {
				item: ItemRef::from(first)
			}
		);
		// A frozen or retired item keeps its content.
		assert_ok!(Collectibles::retire(signed(MUSEUM), c, first, 1));
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), other, request(2, 2), false),
			Error::<Test>::ContentAlreadyMinted {
				item: ItemRef::from(first)
			}
		);
	});
}

fn create_editions(editions: u32) -> u32 {
	let id = crate::NextCollectionId::<Test>::get();
	assert_ok!(Collectibles::create_collection(
		signed(MUSEUM),
		BoundedVec::truncate_from(b"Prints".to_vec()),
		BoundedVec::truncate_from(b"Numbered editions".to_vec()),
		meta(7),
		100,
		editions,
		open_policy(),
		BoundedVec::new(),
		None,
	));
	id
}

#[test]
fn a_limited_edition_issues_one_content_as_numbered_editions_up_to_its_declared_number() {
	new_test_ext(|| {
		// From 1 to `MaxEditions` (5 here).
		for editions in [0, 6] {
			assert_noop!(
				Collectibles::create_collection(
					signed(MUSEUM),
					BoundedVec::truncate_from(b"n".to_vec()),
					BoundedVec::truncate_from(b"d".to_vec()),
					meta(1),
					10,
					editions,
					open_policy(),
					BoundedVec::new(),
					None,
				),
				Error::<Test>::InvalidEditions
			);
		}
		let c = create_editions(3);
		let batch = vec![request(1, 9), request(2, 9), request(3, 9)];
		assert_ok!(Collectibles::mint_batch(
			signed(MUSEUM),
			c,
			BoundedVec::truncate_from(batch),
			false
		));
		let editions: Vec<u32> = (0..3)
			.map(|i| Items::<Test>::get(c, i).unwrap().edition)
			.collect();
		assert_eq!(editions, vec![1, 2, 3]);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c, request(4, 9), false),
			Error::<Test>::EditionsExhausted
		);
		// Other contents of the same collection have their own editions.
		assert_ok!(Collectibles::mint(signed(MUSEUM), c, request(4, 10), false));
		assert_eq!(Items::<Test>::get(c, 3).unwrap().edition, 1);
	});
}

#[test]
fn a_batch_is_all_or_nothing() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let batch: Vec<_> = (0..5).map(|i| request(100 + i, 10 + i as u8)).collect();
		assert_ok!(Collectibles::mint_batch(
			signed(MUSEUM),
			c,
			BoundedVec::truncate_from(batch),
			false
		));
		assert_eq!(Collections::<Test>::get(c).unwrap().minted, 5);
		// One event for the batch, naming its range; no event per item.
		let minted: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Collectibles(e) => Some(e),
				_ => None,
			})
			.filter(|e| matches!(e, Event::ItemMinted { .. } | Event::BatchMinted { .. }))
			.collect();
		assert_eq!(
			minted,
			vec![Event::BatchMinted {
				collection: c,
				first_item: 0,
				count: 5,
				authorized_by: MUSEUM
			}]
		);

		// The last request repeats the content of the first: nothing of the batch stays.
		let bad = vec![request(200, 50), request(201, 51), request(202, 50)];
		assert_noop!(
			Collectibles::mint_batch(signed(MUSEUM), c, BoundedVec::truncate_from(bad), false),
			Error::<Test>::ContentAlreadyMinted {
				item: ItemRef::from(5)
			}
		);
		let repeated_serial = vec![request(300, 60), request(300, 61)];
		assert_noop!(
			Collectibles::mint_batch(
				signed(MUSEUM),
				c,
				BoundedVec::truncate_from(repeated_serial),
				false
			),
			Error::<Test>::DuplicateSerial
		);
		assert_noop!(
			Collectibles::mint_batch(signed(MUSEUM), c, BoundedVec::truncate_from(vec![]), false),
			Error::<Test>::EmptyBatch
		);
	});
}

#[test]
fn supply_never_exceeds_the_maximum() {
	new_test_ext(|| {
		let c = create(open_policy(), 3);
		mint_one(c, 1, 1);
		let batch = vec![request(2, 2), request(3, 3), request(4, 4)];
		assert_noop!(
			Collectibles::mint_batch(signed(MUSEUM), c, BoundedVec::truncate_from(batch), false),
			Error::<Test>::SupplyExceeded
		);
		mint_one(c, 2, 2);
		mint_one(c, 3, 3);
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c, request(4, 4), false),
			Error::<Test>::SupplyExceeded
		);
	});
}

// --- metadata and lifecycle ---

#[test]
fn a_draft_keeps_every_metadata_version_and_cannot_be_given_away() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		assert_ok!(Collectibles::mint(signed(MUSEUM), c, request(1, 1), true));
		assert_ok!(Collectibles::set_metadata(signed(MUSEUM), c, 0, meta(9)));
		let record = Items::<Test>::get(c, 0).unwrap();
		assert_eq!(
			(record.metadata.clone(), record.metadata_version),
			(meta(9), 1)
		);
		assert_eq!(
			MetadataHistory::<Test>::get((c, 0, 0)),
			Some(meta(1)),
			"a draft's earlier metadata stays readable"
		);
		// Drafts stay with their first holder until issued.
		run_to(5);
		let holder = record.owner;
		assert_noop!(
			Collectibles::transfer(signed(holder), c, 0, MUSEUM),
			Error::<Test>::DraftNotTransferable
		);
		assert_ok!(Collectibles::issue(signed(LIBRARY), c, 0));
		assert_eq!(
			last_event(),
			Event::ItemIssued {
				collection: c,
				item: 0,
				authorized_by: LIBRARY
			}
		);
		assert_noop!(
			Collectibles::issue(signed(MUSEUM), c, 0),
			Error::<Test>::NotDraft
		);
	});
}

#[test]
fn an_issued_items_correction_is_a_new_version() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 1, 1);
		assert_ok!(Collectibles::set_metadata(signed(MUSEUM), c, item, meta(2)));
		assert_ok!(Collectibles::set_metadata(signed(MUSEUM), c, item, meta(3)));
		let record = Items::<Test>::get(c, item).unwrap();
		assert_eq!((record.metadata, record.metadata_version), (meta(3), 2));
		assert_eq!(MetadataHistory::<Test>::get((c, item, 0)), Some(meta(1)));
		assert_eq!(MetadataHistory::<Test>::get((c, item, 1)), Some(meta(2)));
		assert_eq!(
			last_event(),
			Event::MetadataUpdated {
				collection: c,
				item,
				version: 2,
				sha256: H256::repeat_byte(3),
				authorized_by: MUSEUM
			}
		);
	});
}

#[test]
fn metadata_and_issue_need_an_issuer_and_an_item() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 1, 1);
		assert_noop!(
			Collectibles::set_metadata(signed(ARTIST), c, item, meta(2)),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Collectibles::set_metadata(signed(MUSEUM), c, 42, meta(2)),
			Error::<Test>::UnknownItem
		);
		assert_noop!(
			Collectibles::issue(signed(ARCHIVE), c, item),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Collectibles::issue(signed(MUSEUM), c, 42),
			Error::<Test>::UnknownItem
		);
	});
}

#[test]
fn a_regulator_freezes_and_unfreezes_with_reasons() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 1, 1);
		let evidence = H256::repeat_byte(0xee);
		assert_noop!(
			Collectibles::freeze(signed(MUSEUM), c, item, 3, evidence),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Collectibles::unfreeze(signed(REGULATOR), c, item, 3, evidence),
			Error::<Test>::NotFrozen
		);
		assert_ok!(Collectibles::freeze(
			signed(REGULATOR),
			c,
			item,
			3,
			evidence
		));
		assert_eq!(
			last_event(),
			Event::ItemFrozen {
				collection: c,
				item,
				reason: 3,
				evidence,
				authorized_by: REGULATOR
			}
		);
		let freeze = Items::<Test>::get(c, item).unwrap().frozen.unwrap();
		assert_eq!(
			(freeze.by, freeze.reason, freeze.evidence, freeze.at),
			(REGULATOR, 3, evidence, 1)
		);

		// Frozen: no transfer, no metadata, no retirement, no second freeze.
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR),
			Error::<Test>::ItemFrozen
		);
		assert_noop!(
			Collectibles::set_metadata(signed(MUSEUM), c, item, meta(2)),
			Error::<Test>::ItemFrozen
		);
		assert_noop!(
			Collectibles::retire(signed(ARTIST), c, item, 1),
			Error::<Test>::ItemFrozen
		);
		assert_noop!(
			Collectibles::freeze(signed(REGULATOR), c, item, 4, evidence),
			Error::<Test>::ItemFrozen
		);

		assert_noop!(
			Collectibles::unfreeze(signed(ARTIST), c, item, 5, evidence),
			Error::<Test>::NotRegulator
		);
		assert_ok!(Collectibles::unfreeze(
			signed(REGULATOR),
			c,
			item,
			5,
			evidence
		));
		assert_eq!(
			last_event(),
			Event::ItemUnfrozen {
				collection: c,
				item,
				reason: 5,
				evidence,
				authorized_by: REGULATOR
			}
		);
		assert_ok!(Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR));
		assert_noop!(
			Collectibles::freeze(signed(REGULATOR), c, 42, 1, evidence),
			Error::<Test>::UnknownItem
		);
	});
}

#[test]
fn the_holder_or_an_issuer_retires_and_the_record_stays() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let first = mint_one(c, 1, 1);
		let second = mint_one(c, 2, 2);
		assert_noop!(
			Collectibles::retire(signed(COLLECTOR), c, first, 1),
			Error::<Test>::NotOwnerOrIssuer
		);
		assert_ok!(Collectibles::retire(signed(ARTIST), c, first, 7));
		assert_eq!(
			last_event(),
			Event::ItemRetired {
				collection: c,
				item: first,
				reason: 7,
				authorized_by: ARTIST
			}
		);
		assert_ok!(Collectibles::retire(signed(LIBRARY), c, second, 8));
		let record = Items::<Test>::get(c, first).expect("the record stays");
		assert_eq!(record.state, ItemState::Retired { reason: 7 });
		// Retired: nothing else happens to it.
		assert_noop!(
			Collectibles::retire(signed(ARTIST), c, first, 1),
			Error::<Test>::ItemRetired
		);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, first, COLLECTOR),
			Error::<Test>::ItemRetired
		);
		assert_noop!(
			Collectibles::set_metadata(signed(MUSEUM), c, first, meta(3)),
			Error::<Test>::ItemRetired
		);
		assert_noop!(
			Collectibles::freeze(signed(REGULATOR), c, first, 1, H256::zero()),
			Error::<Test>::ItemRetired
		);
		assert_noop!(
			Collectibles::retire(signed(ARTIST), c, 42, 1),
			Error::<Test>::UnknownItem
		);
		// Retired items still count against the supply and keep their content.
		assert_noop!(
			Collectibles::mint(signed(MUSEUM), c, request(3, 1), false),
			Error::<Test>::ContentAlreadyMinted {
				item: ItemRef::from(first)
			}
		);
	});
}

// --- transfers under policy ---

#[test]
fn a_gift_moves_the_item_and_its_index() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 1, 1);
		run_to(5);
		assert_ok!(Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR));
		let record = Items::<Test>::get(c, item).unwrap();
		assert_eq!((record.owner, record.held_since), (COLLECTOR, 5));
		assert!(!ItemsByOwner::<Test>::contains_key((ARTIST, c, item)));
		assert!(ItemsByOwner::<Test>::contains_key((COLLECTOR, c, item)));
		assert_eq!(
			last_event(),
			Event::Transferred {
				collection: c,
				item,
				from: ARTIST,
				to: COLLECTOR,
				authorized_by: ARTIST
			}
		);
	});
}

#[test]
fn transfers_check_holder_receiver_and_item() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 1, 1);
		assert_noop!(
			Collectibles::transfer(signed(COLLECTOR), c, item, MUSEUM),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, ARTIST),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, STRANGER),
			Error::<Test>::ReceiverNotMember
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			COLLECTOR
		));
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR),
			Error::<Test>::ReceiverNotMember
		);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, 42, MUSEUM),
			Error::<Test>::UnknownItem
		);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c + 1, item, MUSEUM),
			Error::<Test>::UnknownCollection
		);
	});
}

#[test]
fn a_non_transferable_collection_refuses_gifts() {
	new_test_ext(|| {
		let c = create(
			Policy {
				transferable: false,
				..open_policy()
			},
			10,
		);
		let item = mint_one(c, 1, 1);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR),
			Error::<Test>::NotTransferable
		);
	});
}

#[test]
fn the_holding_period_ends_exactly_at_its_boundary() {
	new_test_ext(|| {
		let c = create(
			Policy {
				min_holding_blocks: 180,
				..open_policy()
			},
			10,
		);
		let item = mint_one(c, 1, 1);
		assert_eq!(Collectibles::holding_period_ends(c, item), Some(181));
		run_to(180);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR),
			Error::<Test>::HoldingPeriod
		);
		run_to(181);
		assert_ok!(Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR));
		// The receiver's own holding period starts now.
		run_to(360);
		assert_noop!(
			Collectibles::transfer(signed(COLLECTOR), c, item, ARTIST),
			Error::<Test>::HoldingPeriod
		);
		run_to(361);
		assert_ok!(Collectibles::transfer(signed(COLLECTOR), c, item, ARTIST));
	});
}

#[test]
fn the_transfer_cap_counts_per_window() {
	new_test_ext(|| {
		let c = create(
			Policy {
				max_transfers_per_window: 2,
				window_blocks: 10,
				..open_policy()
			},
			10,
		);
		let item = mint_one(c, 1, 1);
		run_to(3);
		assert_ok!(Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR));
		run_to(4);
		assert_ok!(Collectibles::transfer(signed(COLLECTOR), c, item, ARTIST));
		run_to(12);
		assert_noop!(
			Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR),
			Error::<Test>::TransferCapReached
		);
		// The window opened at block 3 closes at block 13.
		run_to(13);
		assert_ok!(Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR));
	});
}

// --- queries ---

#[test]
fn an_owners_items_come_in_pages_that_cover_them_once() {
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let batch: Vec<_> = (0..7).map(|i| request(i, 1 + i as u8)).collect();
		assert_ok!(Collectibles::mint_batch(
			signed(MUSEUM),
			c,
			BoundedVec::truncate_from(batch),
			false
		));
		let mut seen = Vec::new();
		let mut cursor = None;
		loop {
			let page = Collectibles::items_of_owner(ARTIST, cursor, 3);
			assert!(page.len() <= 3);
			if page.is_empty() {
				break;
			}
			cursor = page.last().copied();
			seen.extend(page);
		}
		seen.sort();
		assert_eq!(seen, (0..7).map(|i| (c, i)).collect::<Vec<_>>());
		assert!(Collectibles::items_of_owner(COLLECTOR, None, 3).is_empty());
	});
}

#[test]
fn a_content_hash_finds_its_item_or_all_its_editions() {
	new_test_ext(|| {
		let first = create(open_policy(), 10);
		let prints = create_editions(3);
		mint_one(first, 1, 9);
		assert_ok!(Collectibles::mint(
			signed(MUSEUM),
			prints,
			request(1, 8),
			false
		));
		assert_ok!(Collectibles::mint(
			signed(MUSEUM),
			prints,
			request(2, 8),
			false
		));
		let by_content = |byte: u8, after, limit| {
			Collectibles::items_by_content(H256::repeat_byte(byte), after, limit)
		};
		assert_eq!(by_content(9, None, 10), vec![(first, 0)]);
		let mut found = by_content(8, None, 10);
		found.sort();
		assert_eq!(found, vec![(prints, 0), (prints, 1)]);
		assert!(by_content(7, None, 10).is_empty());

		// Paged: one at a time, the second page starting after the first.
		let page = by_content(8, None, 1);
		assert_eq!(page.len(), 1);
		let rest = by_content(8, Some(page[0]), 10);
		assert_eq!(rest.len(), 1);
		assert_ne!(rest, page);
		assert!(by_content(8, Some(rest[0]), 10).is_empty());
	});
}

#[test]
fn item_and_collection_views_read_the_records() {
	new_test_ext(|| {
		let c = create(
			Policy {
				min_holding_blocks: 50,
				..open_policy()
			},
			10,
		);
		let item = mint_one(c, 4, 1);
		let info = Collectibles::item_info(c, item).unwrap();
		assert_eq!(
			(info.serial, info.owner, info.transferable_from),
			(4, ARTIST, 51)
		);
		assert_eq!(info.metadata_uri, b"ipfs://meta/1".to_vec());
		assert_eq!(info.catalogue_number, Some(b"INV-1".to_vec()));
		assert!(Collectibles::item_info(c, 9).is_none());
		let collection = Collectibles::collection_info(c).unwrap();
		assert_eq!(
			(collection.minted, collection.issuers),
			(1, vec![MUSEUM, LIBRARY])
		);
		assert!(Collectibles::collection_info(c + 1).is_none());
	});
}

// --- audit reporting ---

#[test]
fn every_change_is_reported_for_the_audit_log() {
	use registry_primitives::{AuditKind, Subject};
	new_test_ext(|| {
		let c = create(open_policy(), 10);
		let item = mint_one(c, 1, 1);
		let evidence = H256::repeat_byte(0xee);
		assert_ok!(Collectibles::set_metadata(signed(MUSEUM), c, item, meta(2)));
		assert_ok!(Collectibles::transfer(signed(ARTIST), c, item, COLLECTOR));
		assert_ok!(Collectibles::freeze(
			signed(REGULATOR),
			c,
			item,
			3,
			evidence
		));
		assert_ok!(Collectibles::unfreeze(
			signed(REGULATOR),
			c,
			item,
			4,
			evidence
		));
		assert_ok!(Collectibles::retire(signed(COLLECTOR), c, item, 9));
		// A refused call reports nothing.
		assert_noop!(
			Collectibles::retire(signed(COLLECTOR), c, item, 9),
			Error::<Test>::ItemRetired
		);

		let entries = take_reported();
		// The mint names the content, the metadata change the new document and its version.
		assert_eq!(
			entries[1].detail,
			registry_primitives::Detail::Content {
				sha256: request(1, 1).content
			}
		);
		assert_eq!(
			entries[2].detail,
			registry_primitives::Detail::Document {
				sha256: H256::repeat_byte(2),
				version: 1
			}
		);
		let reported: Vec<_> = entries
			.into_iter()
			.map(|e| {
				(
					e.kind,
					e.subject,
					e.from,
					e.to,
					e.authorized_by.account().copied().unwrap_or_default(),
					e.reason,
					e.evidence,
				)
			})
			.collect();
		let on_item = Subject::Item(c, item);
		assert_eq!(
			reported,
			vec![
				(
					AuditKind::CollectionCreated,
					Subject::Collection(c),
					None,
					None,
					MUSEUM,
					0,
					None
				),
				(
					AuditKind::Minted,
					on_item,
					None,
					Some(ARTIST),
					MUSEUM,
					0,
					None
				),
				(
					AuditKind::MetadataChanged,
					on_item,
					None,
					None,
					MUSEUM,
					0,
					None
				),
				(
					AuditKind::Transferred,
					on_item,
					Some(ARTIST),
					Some(COLLECTOR),
					ARTIST,
					0,
					None
				),
				(
					AuditKind::Frozen,
					on_item,
					Some(COLLECTOR),
					None,
					REGULATOR,
					3,
					Some(evidence)
				),
				(
					AuditKind::Unfrozen,
					on_item,
					Some(COLLECTOR),
					None,
					REGULATOR,
					4,
					Some(evidence)
				),
				(
					AuditKind::Retired,
					on_item,
					Some(COLLECTOR),
					None,
					COLLECTOR,
					9,
					None
				),
			]
		);
	});
}
