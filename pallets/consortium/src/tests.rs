//! Tests of enacting calls: root calls as root, others with the consortium's origin under the
//! call filter, refused calls never.

use crate::{mock::*, Error, Event, Origin};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::EnsureOrigin},
	frame_system,
	sp_core::storage::well_known_keys,
	sp_io,
	sp_runtime::{
		traits::{Dispatchable, Hash},
		DispatchError,
	},
};

fn set_heap_pages(pages: u64) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages {
		pages,
	}))
}

fn set_storage() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"key".to_vec(), b"value".to_vec())],
	}))
}

fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(1)
}

/// Enacts `call` for the council; the error alone, without its weight.
fn enact(call: Box<RuntimeCall>) -> Result<(), DispatchError> {
	Consortium::enact(council(), call)
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn the_consortium_enacts_a_root_call_as_root() {
	new_test_ext(|| {
		let call = set_heap_pages(64);
		let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		// Without the consortium, the call itself is refused to a signed origin.
		assert_noop!(
			System::set_heap_pages(RuntimeOrigin::signed(1), 64),
			DispatchError::BadOrigin
		);
		assert_ok!(Consortium::enact(council(), call));
		assert_eq!(
			System::events().pop().map(|r| r.event),
			Some(RuntimeEvent::Consortium(Event::Enacted {
				call_hash,
				as_root: true
			}))
		);
		assert_eq!(EnactedHashes::logged(), vec![call_hash], "the log is told");
		assert_eq!(
			sp_io::storage::get(well_known_keys::HEAP_PAGES).map(|v| v.to_vec()),
			Some(64u64.encode())
		);
	});
}

#[test]
fn other_calls_run_with_the_consortium_origin_under_the_call_filter() {
	new_test_ext(|| {
		// Not root: a root-only call that is not a root call of the runtime is refused it.
		let root_only = Box::new(RuntimeCall::System(frame_system::Call::kill_storage {
			keys: vec![b"key".to_vec()],
		}));
		assert_eq!(enact(root_only), Err(DispatchError::BadOrigin));
		// A call open to any origin runs.
		let remark = Box::new(RuntimeCall::System(frame_system::Call::remark {
			remark: vec![1],
		}));
		assert_eq!(enact(remark), Ok(()));
		// And the base call filter applies to it, as to any non-root origin.
		let filtered = Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: vec![1],
		}));
		assert_eq!(
			enact(filtered),
			Err(frame_system::Error::<Test>::CallFiltered.into())
		);
		// The origin it gets is the one `EnsureConsortium` accepts, and only that one.
		assert!(
			crate::EnsureConsortium::try_origin(RuntimeOrigin::from(Origin::Consortium)).is_ok()
		);
		assert!(crate::EnsureConsortium::try_origin(RuntimeOrigin::root()).is_err());
		assert!(crate::EnsureConsortium::try_origin(RuntimeOrigin::signed(1)).is_err());
	});
}

#[test]
fn raw_storage_writes_are_never_enacted_even_nested() {
	new_test_ext(|| {
		assert_eq!(
			enact(set_storage()),
			Err(Error::<Test>::CallNotAllowed.into())
		);
		let nested = Box::new(RuntimeCall::Consortium(crate::Call::enact {
			call: set_storage(),
		}));
		assert_eq!(enact(nested), Err(Error::<Test>::CallNotAllowed.into()));
		assert_eq!(sp_io::storage::get(b"key"), None);
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
fn a_failing_call_fails_the_enactment_with_its_error() {
	new_test_ext(|| {
		// Applying an upgrade nobody authorized fails inside; so does the enactment.
		let call = Box::new(RuntimeCall::System(
			frame_system::Call::apply_authorized_upgrade {
				code: vec![1, 2, 3],
			},
		));
		let enactment = RuntimeCall::Consortium(crate::Call::enact { call });
		let result = enactment.dispatch(council());
		assert!(matches!(
			result.map_err(|e| e.error),
			Err(DispatchError::Module(_))
		));
		assert!(
			EnactedHashes::logged().is_empty(),
			"the record of a failed enactment is rolled back with it"
		);
	});
}
