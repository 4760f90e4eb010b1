//! Measures the near-duplicate index alone: building it, its memory, and the latency of a
//! query at several distances, with 100,000 and 1,000,000 codes (or the counts given as
//! arguments). `scripts/bench-similar.sh` runs it, then the end-to-end RPC measurement.
//!
//! The codes mimic a registry's: nine in ten are unrelated (uniform), one in ten a near copy of
//! an earlier code (1 to 10 bits flipped), half of them texts and half images. Queries are
//! near copies of registered codes (0 to 8 bits flipped) and unrelated codes, half each.

use std::time::{Duration, Instant};

use registry_similar::SimilarIndex;

/// Queries timed per distance.
const QUERIES: usize = 2_000;
/// Matches a query asks for: a page of the RPC method, and one more.
const PAGE: usize = 21;

/// A xorshift generator: reproducible, no dependency.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}

	/// `code` with `bits` distinct bits flipped.
	fn flip(&mut self, code: u64, bits: u32) -> u64 {
		let mut flipped = code;
		while (flipped ^ code).count_ones() < bits {
			flipped ^= 1 << (self.next() % 64);
		}
		flipped
	}
}

/// The resident memory of this process, in MiB.
fn rss_mib() -> f64 {
	let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
	status
		.lines()
		.find_map(|line| line.strip_prefix("VmRSS:"))
		.and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
		.map_or(0.0, |kb| kb / 1024.0)
}

fn ms(duration: Duration) -> f64 {
	duration.as_secs_f64() * 1_000.0
}

fn main() {
	let counts: Vec<usize> = std::env::args()
		.skip(1)
		.filter_map(|n| n.replace(['_', ','], "").parse().ok())
		.collect();
	let counts = if counts.is_empty() {
		vec![100_000, 1_000_000]
	} else {
		counts
	};
	println!("registry-similar: multi-index hashing over 4 bands of 16 bits, 64-bit codes");
	println!(
		"{:>9} {:>9} {:>10} {:>10} {:>6} {:>9} {:>9} {:>9} {:>8}",
		"codes", "build s", "heap MiB", "rss MiB", "dist", "p50 µs", "p99 µs", "max µs", "found"
	);
	for count in counts {
		let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ count as u64);
		let before = rss_mib();
		let started = Instant::now();
		let mut index = SimilarIndex::new();
		let mut codes: Vec<(u8, u64)> = Vec::with_capacity(count);
		for n in 0..count {
			let kind = (n % 2) as u8;
			let code = if n % 10 == 9 && !codes.is_empty() {
				let (_, base) = codes[(rng.next() as usize) % codes.len()];
				let bits = 1 + (rng.next() % 10) as u32;
				rng.flip(base, bits)
			} else {
				rng.next()
			};
			let mut content = [0u8; 32];
			content[..8].copy_from_slice(&(n as u64).to_le_bytes());
			index.insert(kind, code, content);
			codes.push((kind, code));
		}
		let build = started.elapsed().as_secs_f64();
		let heap = index.heap_bytes() as f64 / (1 << 20) as f64;
		let rss = rss_mib() - before;
		for distance in [4u32, 8, 12, 16] {
			let mut samples = Vec::with_capacity(QUERIES);
			let mut found = 0usize;
			for q in 0..QUERIES {
				let (kind, base) = codes[(rng.next() as usize) % codes.len()];
				let query = if q % 2 == 0 {
					let bits = (rng.next() % 9) as u32;
					rng.flip(base, bits)
				} else {
					rng.next()
				};
				let start = Instant::now();
				let matches = index.find(kind, query, distance, PAGE);
				samples.push(start.elapsed());
				found += matches.len();
			}
			samples.sort();
			let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
			println!(
				"{:>9} {:>9.2} {:>10.1} {:>10.1} {:>6} {:>9.1} {:>9.1} {:>9.1} {:>8.2}",
				count,
				build,
				heap,
				rss,
				distance,
				at(0.50) * 1_000.0,
				at(0.99) * 1_000.0,
				ms(samples[samples.len() - 1]) * 1_000.0,
				found as f64 / QUERIES as f64
			);
		}
		drop(index);
	}
	println!("found: matches per query on average (a page holds at most {PAGE})");
}
