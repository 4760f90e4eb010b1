//! Anti-speculation rules: who sets them, which are valid, and when a transfer breaks one.

use super::*;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

fn try_set(rules: &[Rule<u64>]) -> polkadot_sdk::sp_runtime::DispatchResult {
	Audit::set_rules(
		RuntimeOrigin::root(),
		BoundedVec::truncate_from(rules.to_vec()),
	)
}

#[test]
fn the_genesis_sets_the_first_rules() {
	let rules = vec![burst(3, 10), back_and_forth(20)];
	genesis_with_rules(rules.clone()).execute_with(|| {
		assert_eq!(Rules::<Test>::get().to_vec(), rules);
		Audit::do_try_state().expect("audit invariants hold");
	});
}

#[test]
#[should_panic(expected = "a genesis audit rule can never match")]
fn a_genesis_rule_that_can_never_match_is_refused() {
	genesis_with_rules(vec![burst(0, 10)]);
}

#[test]
fn the_consortium_sets_the_rules() {
	new_test_ext(|| {
		let rules = vec![burst(3, 10), back_and_forth(20)];
		assert_ok!(try_set(&rules));
		assert_eq!(Rules::<Test>::get().to_vec(), rules);
		assert_eq!(
			last_event(),
			Event::RulesSet {
				rules: rules.clone(),
				authorized_by: AuthorizedBy::Consortium
			}
		);
		// The change is in the log, with a digest of the rules set.
		let logged = record(Audit::head().next_seq - 1);
		assert_eq!(logged.entry.kind, AuditKind::RulesSet);
		assert_eq!(logged.entry.subject, Subject::AuditRules);
		assert_eq!(logged.entry.authorized_by, AuthorizedBy::Consortium);
		let encoded = rules.encode();
		assert_eq!(
			logged.entry.detail,
			Detail::Digest {
				sha256: polkadot_sdk::sp_core::H256(polkadot_sdk::sp_crypto_hashing::sha2_256(
					&encoded
				))
			}
		);

		// Replaced as a whole; empty stops the watch.
		assert_ok!(try_set(&[]));
		assert!(Rules::<Test>::get().is_empty());
	});
}

#[test]
fn only_the_consortium_sets_rules() {
	new_test_ext(|| {
		for who in [REGULATOR, REGISTRAR, STRANGER] {
			assert_noop!(
				Audit::set_rules(signed(who), BoundedVec::truncate_from(vec![burst(3, 10)])),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn rules_that_cannot_match_are_refused() {
	new_test_ext(|| {
		for rule in [
			burst(3, 0),
			burst(0, 10),
			// The tracked transfers must hold one more than the burst allows.
			burst(TRACKED, 10),
			back_and_forth(0),
		] {
			assert_noop!(
				try_set(&[back_and_forth(5), rule]),
				Error::<Test>::InvalidRule
			);
		}
		assert_ok!(try_set(&[
			burst(TRACKED - 1, 10),
			burst(1, 1),
			back_and_forth(1)
		]));
	});
}

#[test]
fn a_rule_given_twice_is_refused() {
	new_test_ext(|| {
		assert_noop!(
			try_set(&[burst(2, 10), back_and_forth(5), burst(2, 10)]),
			Error::<Test>::DuplicateRule
		);
		assert_ok!(try_set(&[burst(2, 10), burst(2, 11), burst(3, 10)]));
	});
}

/// Gives item `n` back and forth between ALICE and BOB at each block of `blocks`.
fn shuttle(n: u32, blocks: &[u64]) -> Vec<Seq> {
	blocks
		.iter()
		.enumerate()
		.map(|(i, block)| {
			run_to(*block);
			if i % 2 == 0 {
				transfer(n, ALICE, BOB)
			} else {
				transfer(n, BOB, ALICE)
			}
		})
		.collect()
}

#[test]
fn a_burst_alerts_at_one_transfer_more_than_allowed_within_the_window() {
	new_test_ext(|| {
		set_rules(&[burst(3, 10)]);
		// Three transfers in blocks 1..=3 are allowed.
		shuttle(0, &[1, 2, 3]);
		assert!(raised().is_empty());
		// A fourth in block 10: blocks 1..=10 are a window of 10.
		run_to(10);
		let seq = transfer(0, BOB, CAROL);
		assert_eq!(raised(), vec![0]);
		assert_eq!(
			last_event(),
			Event::AlertRaised {
				alert: 0,
				rule: burst(3, 10),
				subject: item(0),
				seq
			}
		);
		let alert = Alerts::<Test>::get(0).unwrap();
		assert_eq!(
			(alert.rule, alert.subject, alert.seq, alert.block),
			(burst(3, 10), item(0), seq, 10)
		);
		assert_eq!(alert.status, AlertStatus::Open);
		assert!(OpenAlerts::<Test>::contains_key(0));
		assert_eq!(OpenAlertCount::<Test>::get(), 1);
	});
}

#[test]
fn a_burst_spread_over_more_than_the_window_is_not_alerted() {
	new_test_ext(|| {
		set_rules(&[burst(3, 10)]);
		// The fourth transfer in block 11: the window 2..=11 holds three.
		shuttle(0, &[1, 2, 3, 11]);
		assert!(raised().is_empty());
		// A fifth in block 11 makes four in 2..=11.
		transfer(0, BOB, CAROL);
		assert_eq!(raised(), vec![0]);
	});
}

#[test]
fn bursts_are_counted_per_item() {
	new_test_ext(|| {
		set_rules(&[burst(2, 10)]);
		shuttle(0, &[1, 2]);
		shuttle(1, &[3, 4]);
		assert!(raised().is_empty());
		shuttle(2, &[5, 5, 5]);
		assert_eq!(raised(), vec![0]);
		assert_eq!(Alerts::<Test>::get(0).unwrap().subject, item(2));
	});
}

#[test]
fn only_transfers_are_checked() {
	new_test_ext(|| {
		set_rules(&[burst(1, 10)]);
		mint(0, ALICE);
		report(AuditEntry::new(AuditKind::MetadataChanged, item(0), MUSEUM));
		report(AuditEntry::new(AuditKind::Frozen, item(0), REGULATOR).reason(1));
		report(AuditEntry::new(AuditKind::Unfrozen, item(0), REGULATOR).reason(1));
		transfer(0, ALICE, BOB);
		assert!(raised().is_empty());
		assert_eq!(RecentTransfers::<Test>::get(item(0)).len(), 1);
		transfer(0, BOB, CAROL);
		assert_eq!(raised(), vec![0]);
	});
}

#[test]
fn a_return_within_the_window_is_alerted() {
	new_test_ext(|| {
		set_rules(&[back_and_forth(10)]);
		run_to(5);
		transfer(0, ALICE, BOB);
		// Block 14: blocks 5..=14 are a window of 10.
		run_to(14);
		let seq = transfer(0, BOB, ALICE);
		assert_eq!(
			last_event(),
			Event::AlertRaised {
				alert: 0,
				rule: back_and_forth(10),
				subject: item(0),
				seq
			}
		);
	});
}

#[test]
fn a_return_after_the_window_is_not_alerted() {
	new_test_ext(|| {
		set_rules(&[back_and_forth(10)]);
		run_to(5);
		transfer(0, ALICE, BOB);
		run_to(15);
		transfer(0, BOB, ALICE);
		assert!(raised().is_empty());
	});
}

#[test]
fn passing_an_item_on_is_not_a_return() {
	new_test_ext(|| {
		set_rules(&[back_and_forth(10)]);
		transfer(0, ALICE, BOB);
		transfer(0, BOB, CAROL);
		transfer(0, CAROL, BOB);
		// CAROL -> BOB returned BOB -> CAROL: one alert, for the third transfer only.
		assert_eq!(raised(), vec![0]);
		// Record 0 is the rules' own; the third transfer is record 3.
		assert_eq!(Alerts::<Test>::get(0).unwrap().seq, 3);
		// ALICE -> BOB comes back as BOB -> ALICE, with other holders in between.
		transfer(0, BOB, ALICE);
		assert_eq!(raised(), vec![0, 1]);
	});
}

#[test]
fn every_broken_rule_raises_its_own_alert() {
	new_test_ext(|| {
		set_rules(&[burst(1, 10), back_and_forth(10), burst(2, 10)]);
		transfer(0, ALICE, BOB);
		transfer(0, BOB, ALICE);
		let rules: Vec<_> = (0..2)
			.map(|id| Alerts::<Test>::get(id).unwrap().rule)
			.collect();
		assert_eq!(rules, vec![burst(1, 10), back_and_forth(10)]);
		assert_eq!(OpenAlertCount::<Test>::get(), 2);
		assert_eq!(NextAlertId::<Test>::get(), 2);
	});
}

#[test]
fn the_last_tracked_transfers_are_kept_oldest_first() {
	new_test_ext(|| {
		let blocks: Vec<u64> = (1..=7).collect();
		shuttle(0, &blocks);
		let kept: Vec<u64> = RecentTransfers::<Test>::get(item(0))
			.iter()
			.map(|mark| mark.block)
			.collect();
		assert_eq!(kept, vec![3, 4, 5, 6, 7]);
		assert_eq!(kept.len() as u32, TRACKED);
	});
}

#[test]
fn rules_apply_over_transfers_tracked_before_they_were_set() {
	new_test_ext(|| {
		shuttle(0, &[1, 2]);
		set_rules(&[burst(2, 10)]);
		transfer(0, ALICE, CAROL);
		assert_eq!(raised(), vec![0]);
	});
}

#[test]
fn a_transfer_is_weighed_for_an_alert_per_rule_in_force() {
	use crate::WeightInfo;
	use polkadot_sdk::frame_support::weights::Weight;

	new_test_ext(|| {
		let alerts = <Audit as AuditReporter<u64>>::transfer_alerts_weight;
		assert_eq!(alerts(), Weight::zero());

		assert_ok!(try_set(&[burst(3, 10), back_and_forth(20)]));
		let one = <() as WeightInfo>::raise_alert();
		assert!(one.ref_time() > 0);
		assert_eq!(alerts(), one.saturating_mul(2));

		assert_ok!(try_set(&[burst(3, 10)]));
		assert_eq!(alerts(), one);
	});
}
