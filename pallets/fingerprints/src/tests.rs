use crate::{mock::*, pallet::*, ContentCode, ContentKind, FingerprintRegistry, Fingerprints};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_core::H256,
};

type Registry = crate::Pallet<Test>;

fn code(kind: ContentKind, bits: &[u8]) -> ContentCode {
	ContentCode {
		kind,
		bits: BoundedVec::try_from(bits.to_vec()).expect("within the bound"),
	}
}

fn both(sm3: u8, bits: u8) -> Fingerprints {
	Fingerprints {
		sm3: Some(H256::repeat_byte(sm3)),
		content_code: Some(code(ContentKind::Image, &[bits; 8])),
	}
}

#[test]
fn fingerprints_are_recorded_by_content_and_logged_once() {
	new_test_ext(|| {
		let content = H256::repeat_byte(1);
		assert_ok!(Registry::record(content, &both(0xa1, 0x0f)));
		assert_eq!(Registry::fingerprints_of(content), both(0xa1, 0x0f));
		assert_eq!(
			Registry::content_of_sm3(H256::repeat_byte(0xa1)),
			Some(content)
		);
		// The same fingerprints again (another edition, or the work of an item): nothing new.
		assert_ok!(Registry::record(content, &both(0xa1, 0x0f)));
		// Without fingerprints, or with only some of them: the known ones stay.
		assert_ok!(Registry::record(content, &Fingerprints::default()));
		assert_eq!(Registry::fingerprints_of(content), both(0xa1, 0x0f));
		assert_eq!(CodeCount::<Test>::get(), 1);
		let (entries, count) = Registry::code_log(0, 10);
		assert_eq!(count, 1);
		assert_eq!(
			entries,
			vec![(content, code(ContentKind::Image, &[0x0f; 8]))]
		);
	});
}

#[test]
fn nothing_recorded_records_nothing() {
	new_test_ext(|| {
		assert_ok!(Registry::record(
			H256::repeat_byte(1),
			&Fingerprints::default()
		));
		assert_eq!(
			Registry::fingerprints_of(H256::repeat_byte(1)),
			Fingerprints::default()
		);
		assert_eq!(CodeCount::<Test>::get(), 0);
		assert_eq!(Sm3Of::<Test>::iter().count(), 0);
	});
}

#[test]
fn an_sm3_digest_names_one_content() {
	new_test_ext(|| {
		assert_ok!(Registry::record(H256::repeat_byte(1), &both(0xa1, 0x0f)));
		assert_noop!(
			Registry::record(H256::repeat_byte(2), &both(0xa1, 0x10)),
			Error::<Test>::Sm3AlreadyRegistered
		);
		assert_eq!(CodeCount::<Test>::get(), 1);
	});
}

#[test]
fn a_content_keeps_its_first_sm3_and_code() {
	new_test_ext(|| {
		let content = H256::repeat_byte(1);
		assert_ok!(Registry::record(content, &both(0xa1, 0x0f)));
		assert_noop!(
			Registry::record(content, &both(0xa2, 0x0f)),
			Error::<Test>::Sm3Mismatch
		);
		assert_noop!(
			Registry::record(content, &both(0xa1, 0x10)),
			Error::<Test>::ContentCodeMismatch
		);
		let other_kind = Fingerprints {
			sm3: None,
			content_code: Some(code(ContentKind::Text, &[0x0f; 8])),
		};
		assert_noop!(
			Registry::record(content, &other_kind),
			Error::<Test>::ContentCodeMismatch
		);
	});
}

#[test]
fn a_code_of_another_length_is_refused_and_nothing_written() {
	new_test_ext(|| {
		for length in [0usize, 4, 7, 9, 16, 32] {
			let fingerprints = Fingerprints {
				sm3: Some(H256::repeat_byte(0xa1)),
				content_code: Some(code(ContentKind::Text, &vec![1; length])),
			};
			assert_noop!(
				Registry::record(H256::repeat_byte(1), &fingerprints),
				Error::<Test>::InvalidContentCodeLength
			);
		}
		assert_eq!(Registry::content_of_sm3(H256::repeat_byte(0xa1)), None);
	});
}

#[test]
fn the_log_pages_from_where_a_reader_stopped() {
	new_test_ext(|| {
		for n in 1..=25u8 {
			assert_ok!(Registry::record(H256::repeat_byte(n), &both(0x80 + n, n)));
		}
		let mut read = Vec::new();
		let mut next = 0;
		loop {
			let (entries, count) = Registry::code_log(next, 10);
			assert_eq!(count, 25);
			if entries.is_empty() {
				break;
			}
			next += entries.len() as u64;
			read.extend(entries);
		}
		let contents: Vec<H256> = read.iter().map(|(content, _)| *content).collect();
		assert_eq!(
			contents,
			(1..=25u8).map(H256::repeat_byte).collect::<Vec<_>>()
		);
		assert_eq!(read[24].1.as_u64(), Some(u64::from_be_bytes([25; 8])));
		// Past the end, and a limit past the page's bound.
		assert_eq!(Registry::code_log(30, 10), (vec![], 25));
		assert_eq!(Registry::code_log(0, u32::MAX).0.len(), 25);
	});
}
