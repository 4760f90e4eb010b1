//! Tests of enacting calls as root.

use crate::{mock::*, Event};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system,
	sp_core::storage::well_known_keys,
	sp_io,
	sp_runtime::{traits::Hash, DispatchError},
};

fn set_heap_pages(pages: u64) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages {
		pages,
	}))
}

#[test]
fn the_consortium_enacts_a_root_call() {
	new_test_ext(|| {
		let call = set_heap_pages(64);
		let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		// Without the consortium, the call itself is refused to a signed origin.
		assert_noop!(
			System::set_heap_pages(RuntimeOrigin::signed(1), 64),
			DispatchError::BadOrigin
		);
		assert_ok!(Consortium::enact(RuntimeOrigin::signed(1), call));
		assert_eq!(
			System::events().iter().rev().find_map(|r| match &r.event {
				RuntimeEvent::Consortium(e) => Some(e.clone()),
				_ => None,
			}),
			Some(Event::Enacted {
				call_hash,
				result: Ok(())
			})
		);
		// The root call ran: the heap pages are set.
		assert_eq!(
			sp_io::storage::get(well_known_keys::HEAP_PAGES).map(|v| v.to_vec()),
			Some(64u64.encode())
		);
	});
}

#[test]
fn others_cannot_enact() {
	new_test_ext(|| {
		assert_noop!(
			Consortium::enact(RuntimeOrigin::signed(2), set_heap_pages(64)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Consortium::enact(RuntimeOrigin::none(), set_heap_pages(64)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_failing_call_is_reported_in_the_event() {
	new_test_ext(|| {
		// Applying an upgrade nobody authorized fails inside; the enactment itself is recorded.
		let call = Box::new(RuntimeCall::System(
			frame_system::Call::apply_authorized_upgrade {
				code: vec![1, 2, 3],
			},
		));
		assert_ok!(Consortium::enact(RuntimeOrigin::signed(1), call));
		let event = System::events().pop().map(|r| r.event);
		assert!(matches!(
			event,
			Some(RuntimeEvent::Consortium(Event::Enacted {
				result: Err(DispatchError::Module(_)),
				..
			}))
		));
	});
}
