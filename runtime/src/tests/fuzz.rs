//! Random calls through the real runtime: any call of any pallet, with arguments drawn from the
//! call's own type information, signed by members, strangers, suspended members and the council,
//! block after block. After every block the registry's pallets must still hold their invariants;
//! nothing may panic.
//!
//! Structured random, not coverage-guided: coverage instrumentation would build the runtime's
//! whole dependency graph a second time (about half an hour on two cores) for every change,
//! where this runs in the ordinary test build. The arguments are drawn from small sets (a few accounts, hashes, numbers
//! and lengths) so that calls keep meeting each other's state: the collection one call made is
//! the one the next mints into, and a council member's motion is the one another votes on.
//! Calls that succeeded join a corpus, and a third of the draws mutate one of them by a byte:
//! a success is the nearest thing to new ground this harness can see.
//!
//! `FUZZ_CALLS` (default 1,500) sets how many calls, `FUZZ_SEED` the seed (default 1);
//! `scripts/faults.sh fuzz` runs a long campaign and prints calls per second.

use codec::{Compact, DecodeAll, Encode};
use polkadot_sdk::{
	sp_keyring::Ed25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two},
	sp_runtime::generic::Era,
};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};
use std::time::Instant;

use super::hardening::{
	attest, create_collection, mint, mint_batch, mint_fingerprinted, register_work,
};
use crate::{
	harness::{account, Chain},
	Runtime, RuntimeCall,
};

/// Who signs: members with every role (Alice) or institutions and creators, the council (Alice,
/// Bob, Charlie) and two accounts no one admitted.
const SIGNERS: [Ed25519Keyring; 8] = [Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two];

/// Calls in one block, at most.
const PER_BLOCK: usize = 8;

/// Successful calls kept for mutation, at most.
const CORPUS: usize = 256;

/// Calls that succeed on the local chain, to start the corpus from.
fn seeds() -> Vec<Vec<u8>> {
	use polkadot_sdk::sp_core::H256;
	[
		create_collection(1),
		create_collection(3),
		mint(0, 1, H256::repeat_byte(1), false),
		mint(0, 2, H256::repeat_byte(2), true),
		mint_batch(0, 10, 4),
		register_work(H256::repeat_byte(3)),
		attest(0),
		mint_fingerprinted(
			0,
			3,
			H256::repeat_byte(4),
			pallet_fingerprints::Fingerprints {
				sm3: Some(H256::repeat_byte(5)),
				content_code: Some(pallet_fingerprints::ContentCode {
					kind: pallet_fingerprints::ContentKind::Image,
					bits: polkadot_sdk::frame_support::BoundedVec::truncate_from(vec![6; 8]),
				}),
			},
			false,
		),
	]
	.iter()
	.map(Encode::encode)
	.collect()
}

/// `call` with one byte of its arguments changed, or unchanged (a replay of a success).
fn mutate(call: &[u8], rng: &mut Rng) -> Vec<u8> {
	let mut bytes = call.to_vec();
	// The first two bytes choose pallet and call; the rest are arguments.
	if bytes.len() > 2 && !rng.chance(10) {
		let at = 2 + rng.below(bytes.len() as u64 - 2) as usize;
		bytes[at] = match rng.below(4) {
			0 => 0,
			1 => 0xff,
			2 => bytes[at].wrapping_add(1),
			_ => rng.below(256) as u8,
		};
	}
	bytes
}

/// A xorshift generator: reproducible from its seed, no dependency.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}

	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}

	fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
}

/// Draws encoded values of the runtime's types.
struct Draw<'a> {
	types: &'a PortableRegistry,
	rng: &'a mut Rng,
}

impl Draw<'_> {
	/// A value of type `id`, appended to `out`; `depth` bounds nested calls and collections.
	fn value(&mut self, id: u32, depth: u32, out: &mut Vec<u8>) {
		let Some(ty) = self.types.resolve(id) else {
			return;
		};
		let path = ty.path.segments.join("::");
		if path.ends_with("AccountId32") {
			let who = SIGNERS[self.rng.below(SIGNERS.len() as u64) as usize];
			out.extend_from_slice(account(who).as_ref());
			return;
		}
		if path.ends_with("H256") {
			out.extend_from_slice(&[self.rng.below(4) as u8; 32]);
			return;
		}
		// A call inside a call (a motion, an enactment): a few levels, then a remark.
		if path.ends_with("RuntimeCall") && depth >= 3 {
			RuntimeCall::System(polkadot_sdk::frame_system::Call::remark { remark: vec![] })
				.encode_to(out);
			return;
		}
		match &ty.type_def {
			TypeDef::Composite(composite) => {
				for field in &composite.fields {
					self.value(field.ty.id, depth + 1, out);
				}
			}
			TypeDef::Variant(variants) => {
				if variants.variants.is_empty() {
					return;
				}
				let variant = self.variant(&path, &variants.variants);
				out.push(variant.index);
				for field in &variant.fields {
					self.value(field.ty.id, depth + 1, out);
				}
			}
			TypeDef::Sequence(sequence) => {
				let len = self.length(depth);
				Compact(len).encode_to(out);
				for _ in 0..len {
					self.value(sequence.type_param.id, depth + 1, out);
				}
			}
			TypeDef::Array(array) => {
				for _ in 0..array.len {
					self.value(array.type_param.id, depth + 1, out);
				}
			}
			TypeDef::Tuple(tuple) => {
				for field in &tuple.fields {
					self.value(field.id, depth + 1, out);
				}
			}
			TypeDef::Primitive(primitive) => self.primitive(primitive, out),
			TypeDef::Compact(_) => Compact(self.number()).encode_to(out),
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
	}

	/// A variant; the runtime's own calls twice as often as the SDK's.
	fn variant<'v>(
		&mut self,
		path: &str,
		variants: &'v [scale_info::Variant<PortableForm>],
	) -> &'v scale_info::Variant<PortableForm> {
		const REGISTRY: [&str; 6] = [
			"Members",
			"Collectibles",
			"Rights",
			"Audit",
			"Validators",
			"Consortium",
		];
		if path.ends_with("RuntimeCall") && self.rng.chance(66) {
			let ours: Vec<_> = variants
				.iter()
				.filter(|v| REGISTRY.contains(&v.name.as_str()))
				.collect();
			if !ours.is_empty() {
				return ours[self.rng.below(ours.len() as u64) as usize];
			}
		}
		&variants[self.rng.below(variants.len() as u64) as usize]
	}

	/// Mostly short: collections meet each other's contents; sometimes long, for the bounds.
	fn length(&mut self, depth: u32) -> u32 {
		match self.rng.below(20) {
			0 if depth < 4 => 40 + self.rng.below(300) as u32,
			1..=4 => 0,
			_ => 1 + self.rng.below(3) as u32,
		}
	}

	/// Mostly small numbers, which name the things calls make; sometimes the extremes.
	fn number(&mut self) -> u64 {
		match self.rng.below(20) {
			0 => u64::MAX,
			1 => self.rng.next(),
			2 => 20_000 + self.rng.below(2_000),
			_ => self.rng.below(5),
		}
	}

	fn primitive(&mut self, primitive: &TypeDefPrimitive, out: &mut Vec<u8>) {
		let n = self.number();
		match primitive {
			TypeDefPrimitive::Bool => out.push(self.rng.below(2) as u8),
			TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => out.push(n as u8),
			TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => (n as u16).encode_to(out),
			TypeDefPrimitive::U32 | TypeDefPrimitive::I32 | TypeDefPrimitive::Char => {
				(n as u32).encode_to(out)
			}
			TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => n.encode_to(out),
			TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => u128::from(n).encode_to(out),
			TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => out.extend_from_slice(&[0; 32]),
			TypeDefPrimitive::Str => {
				let len = self.length(4);
				Compact(len).encode_to(out);
				out.extend((0..len).map(|i| b'a' + (i % 26) as u8));
			}
		}
	}
}

/// How a campaign went.
#[derive(Default, Debug)]
struct Tally {
	drawn: u64,
	undecodable: u64,
	refused_by_pool: u64,
	included_ok: u64,
	included_failed: u64,
	blocks: u64,
	mutated: u64,
}

/// The registry's invariants, as each pallet states them.
fn invariants_hold(chain: &mut Chain, when: &str) {
	chain.read(|| {
		let checks = [
			("Members", pallet_members::Pallet::<Runtime>::do_try_state()),
			(
				"Validators",
				pallet_validators::Pallet::<Runtime>::do_try_state(),
			),
			(
				"Collectibles",
				pallet_collectibles::Pallet::<Runtime>::do_try_state(),
			),
			("Rights", pallet_rights::Pallet::<Runtime>::do_try_state()),
			(
				"Fingerprints",
				pallet_fingerprints::Pallet::<Runtime>::do_try_state(),
			),
			("Audit", pallet_audit::Pallet::<Runtime>::do_try_state()),
		];
		for (pallet, check) in checks {
			assert!(
				check.is_ok(),
				"{pallet}'s invariants broke {when}: {check:?}"
			);
		}
	});
}

fn setting(name: &str, default: u64) -> u64 {
	std::env::var(name)
		.ok()
		.and_then(|value| value.parse().ok())
		.unwrap_or(default)
}

#[test]
fn random_calls_from_anyone_never_panic_and_keep_every_invariant() {
	let calls = setting("FUZZ_CALLS", 1_500);
	let seed = setting("FUZZ_SEED", 1).max(1);
	let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
	let mut registry = scale_info::Registry::new();
	let call_type = registry
		.register_type(&scale_info::meta_type::<RuntimeCall>())
		.id;
	let types = PortableRegistry::from(registry);

	let mut chain = Chain::local();
	let mut tally = Tally::default();
	let mut corpus = seeds();
	let started = Instant::now();
	while tally.drawn < calls {
		let mut block = Vec::new();
		let mut sent = Vec::new();
		for _ in 0..1 + rng.below(PER_BLOCK as u64) {
			tally.drawn += 1;
			let bytes = if rng.chance(33) {
				tally.mutated += 1;
				let parent = &corpus[rng.below(corpus.len() as u64) as usize];
				mutate(parent, &mut rng)
			} else {
				let mut bytes = Vec::new();
				Draw {
					types: &types,
					rng: &mut rng,
				}
				.value(call_type, 0, &mut bytes);
				bytes
			};
			// Bounded vectors refuse too many elements, enums unknown indices: such bytes are
			// no call at all, and no signer could send them.
			let Ok(call) = RuntimeCall::decode_all(&mut &bytes[..]) else {
				tally.undecodable += 1;
				continue;
			};
			let signer = SIGNERS[rng.below(SIGNERS.len() as u64) as usize];
			let xt = match rng.below(10) {
				// A stale or future nonce, or an immortal transaction.
				0 => {
					let nonce = chain
						.nonce(signer)
						.wrapping_add(rng.below(3) as u32)
						.wrapping_sub(1);
					let last = u64::from(chain.block_number());
					chain.sign_with(signer, call, nonce, Era::mortal(64, last))
				}
				1 => {
					let nonce = chain.nonce(signer);
					chain.sign_with(signer, call, nonce, Era::Immortal)
				}
				_ => chain.sign(signer, call),
			};
			match chain.validate(&xt) {
				Ok(_) => {
					block.push(xt);
					sent.push(bytes);
				}
				Err(_) => tally.refused_by_pool += 1,
			}
		}
		let step = tally.drawn;
		let results = chain.produce(block);
		tally.blocks += 1;
		for (result, bytes) in results.into_iter().zip(sent) {
			match result {
				Ok(Ok(())) => {
					tally.included_ok += 1;
					if corpus.len() < CORPUS && !corpus.contains(&bytes) {
						corpus.push(bytes);
					}
				}
				Ok(Err(_)) => tally.included_failed += 1,
				// Valid in the pool, out of room or out of turn in the block: dropped.
				Err(_) => tally.refused_by_pool += 1,
			}
		}
		invariants_hold(&mut chain, &format!("at call {step} (FUZZ_SEED={seed})"));
	}
	let seconds = started.elapsed().as_secs_f64();
	println!(
		"fuzz: seed {seed}, {} calls drawn ({} mutated from a corpus of {}) in {} blocks, {:.1} s, \
		 {:.0} calls/s: {} included and succeeded, {} included and failed, {} refused before a \
		 block, {} not decodable",
		tally.drawn,
		tally.mutated,
		corpus.len(),
		tally.blocks,
		seconds,
		tally.drawn as f64 / seconds,
		tally.included_ok,
		tally.included_failed,
		tally.refused_by_pool,
		tally.undecodable
	);
	// The campaign reached the chain: calls were included, some of them succeeding.
	assert!(
		tally.included_ok > 0 && tally.included_failed > 0,
		"{tally:?}"
	);
}
