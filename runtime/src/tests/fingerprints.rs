//! SM3 digests and content codes recorded with items and works through real transactions.

use super::hardening::{
	create_collection, mint_batch, mint_fingerprinted, register_work_fingerprinted,
};
use crate::{
	harness::{Chain, Outcome},
	Runtime, RuntimeCall,
};
use pallet_fingerprints::{ContentCode, ContentKind, Fingerprints};
use polkadot_sdk::{
	frame_support::{dispatch::GetDispatchInfo, BoundedVec},
	sp_core::H256,
	sp_keyring::Ed25519Keyring::{Bob, Charlie},
	sp_runtime::DispatchError,
};

type FingerprintsError = pallet_fingerprints::Error<Runtime>;

fn ok(outcome: Outcome) {
	assert_eq!(outcome, Ok(Ok(())));
}

fn fails(outcome: Outcome, error: impl Into<DispatchError>) {
	assert_eq!(outcome, Ok(Err(error.into())));
}

fn image(bits: u8) -> ContentCode {
	ContentCode {
		kind: ContentKind::Image,
		bits: BoundedVec::truncate_from(vec![bits; 8]),
	}
}

fn fingerprints(sm3: u8, code: u8) -> Fingerprints {
	Fingerprints {
		sm3: Some(H256::repeat_byte(sm3)),
		content_code: Some(image(code)),
	}
}

fn items(chain: &mut Chain) -> usize {
	chain.read(|| pallet_collectibles::Items::<Runtime>::iter().count())
}

#[test]
fn an_item_and_its_work_share_the_fingerprints_of_their_content() {
	let mut chain = Chain::dev();
	ok(chain.submit(Bob, create_collection(1)));
	let content = H256::repeat_byte(1);
	ok(chain.submit(
		Bob,
		mint_fingerprinted(0, 1, content, fingerprints(0xa1, 0x0f), false),
	));
	let stored = chain.read(|| pallet_fingerprints::Pallet::<Runtime>::fingerprints_of(content));
	assert_eq!(stored, fingerprints(0xa1, 0x0f));
	// The work of the same bytes carries the same digests.
	ok(chain.submit(
		Bob,
		register_work_fingerprinted(content, fingerprints(0xa1, 0x0f)),
	));
	let (log, count) = chain.read(|| pallet_fingerprints::Pallet::<Runtime>::code_log(0, 10));
	assert_eq!((log, count), (vec![(content, image(0x0f))], 1));
}

#[test]
fn an_sm3_digest_of_another_content_refuses_the_registration() {
	let mut chain = Chain::dev();
	ok(chain.submit(Bob, create_collection(1)));
	ok(chain.submit(
		Bob,
		mint_fingerprinted(0, 1, H256::repeat_byte(1), fingerprints(0xa1, 0x0f), false),
	));
	fails(
		chain.submit(
			Bob,
			mint_fingerprinted(0, 2, H256::repeat_byte(2), fingerprints(0xa1, 0x10), false),
		),
		FingerprintsError::Sm3AlreadyRegistered,
	);
	fails(
		chain.submit(
			Charlie,
			register_work_fingerprinted(H256::repeat_byte(3), fingerprints(0xa1, 0x11)),
		),
		FingerprintsError::Sm3AlreadyRegistered,
	);
	// Nothing of the refused registrations was written: not the item, not the work.
	assert_eq!(items(&mut chain), 1);
	assert_eq!(
		chain.read(|| pallet_rights::WorkByContent::<Runtime>::get(H256::repeat_byte(3))),
		None
	);
}

#[test]
fn a_known_content_with_other_fingerprints_is_refused() {
	let mut chain = Chain::dev();
	// Three editions of one print share its fingerprints.
	ok(chain.submit(Bob, create_collection(3)));
	let print = H256::repeat_byte(7);
	ok(chain.submit(
		Bob,
		mint_fingerprinted(0, 1, print, fingerprints(0xb1, 0x20), false),
	));
	ok(chain.submit(
		Bob,
		mint_fingerprinted(0, 2, print, fingerprints(0xb1, 0x20), false),
	));
	fails(
		chain.submit(
			Bob,
			mint_fingerprinted(0, 3, print, fingerprints(0xb2, 0x20), false),
		),
		FingerprintsError::Sm3Mismatch,
	);
	fails(
		chain.submit(
			Bob,
			mint_fingerprinted(0, 3, print, fingerprints(0xb1, 0x21), false),
		),
		FingerprintsError::ContentCodeMismatch,
	);
	assert_eq!(items(&mut chain), 2);
}

#[test]
fn a_content_code_of_the_wrong_length_is_refused_by_the_chain() {
	let mut chain = Chain::dev();
	ok(chain.submit(Bob, create_collection(1)));
	for length in [4usize, 16] {
		let wrong = Fingerprints {
			sm3: None,
			content_code: Some(ContentCode {
				kind: ContentKind::Text,
				bits: BoundedVec::truncate_from(vec![1; length]),
			}),
		};
		fails(
			chain.submit(
				Bob,
				mint_fingerprinted(0, 1, H256::repeat_byte(1), wrong, false),
			),
			FingerprintsError::InvalidContentCodeLength,
		);
	}
	assert_eq!(items(&mut chain), 0);
}

#[test]
fn fingerprints_weigh_what_they_write() {
	let plain = mint_batch(0, 1, 100).get_dispatch_info().call_weight;
	let RuntimeCall::Collectibles(pallet_collectibles::Call::mint_batch {
		collection,
		mut requests,
		draft,
	}) = mint_batch(0, 1, 100)
	else {
		panic!("mint_batch builds a mint_batch call");
	};
	for (n, request) in requests.iter_mut().enumerate() {
		request.fingerprints = fingerprints(n as u8, n as u8);
	}
	let fingerprinted = RuntimeCall::Collectibles(pallet_collectibles::Call::mint_batch {
		collection,
		requests,
		draft,
	})
	.get_dispatch_info()
	.call_weight;
	let db = <Runtime as polkadot_sdk::frame_system::Config>::DbWeight::get();
	// Per item: 3 reads and 4 writes, and the log's counter once.
	let extra = fingerprinted.ref_time() - plain.ref_time();
	let expected = db.reads_writes(300, 400).ref_time() + db.reads_writes(1, 1).ref_time();
	assert!(
		extra >= expected && extra <= expected + 100 * 5_000_000,
		"fingerprints add {extra} to a batch of 100, expected about {expected}"
	);
}
