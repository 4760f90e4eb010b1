//! The near-duplicate index behind `registry_findSimilar`.
//!
//! Content codes of 64 bits are compared by Hamming distance: two codes within a few bits of
//! each other come from similar content. Finding every code within `d` bits of a query without
//! comparing it to all of them uses multi-index hashing (Norouzi, Punjani and Fleet, 2012): the
//! code is cut into four bands of 16 bits, and each band indexes the codes by its value. Two
//! codes within `d` bits differ in at most `d / 4` bits in at least one band (pigeonhole), so
//! the candidates are the codes found under the query's band values and their variants within
//! `d / 4` bits; only those are compared whole.
//!
//! Codes of different kinds (text, image, ...) are never compared: each kind has its own bands.

use std::collections::HashMap;

/// Bits of an indexed code.
pub const CODE_BITS: u32 = 64;
/// Bands a code is cut into.
const BANDS: usize = 4;
/// Values of one band.
const BAND_VALUES: usize = 1 << 16;
/// The largest distance a query may ask for: up to 4 bits per band, a few thousand probes per
/// band. Beyond it, 64-bit codes match unrelated content.
pub const MAX_DISTANCE: u32 = 16;

/// Where an indexed code came from: the content's SHA-256.
pub type ContentId = [u8; 32];

/// One kind's bands: for each band, the entries under each of its 65,536 values.
struct Bands {
	buckets: Vec<Vec<Vec<u32>>>,
}

impl Bands {
	fn new() -> Self {
		Self {
			buckets: (0..BANDS).map(|_| vec![Vec::new(); BAND_VALUES]).collect(),
		}
	}
}

/// The 16-bit value of band `band` of `code`.
fn band(code: u64, band: usize) -> u16 {
	(code >> (16 * band)) as u16
}

/// A match: the content and its code's distance to the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
	pub distance: u32,
	pub content: ContentId,
	pub code: u64,
	/// The entry's place in the index, the order codes were added in.
	pub position: u32,
}

/// Content codes by kind, each findable by distance.
#[derive(Default)]
pub struct SimilarIndex {
	codes: Vec<u64>,
	contents: Vec<ContentId>,
	kinds: Vec<u8>,
	bands: HashMap<u8, Bands>,
}

impl SimilarIndex {
	/// An empty index.
	pub fn new() -> Self {
		Self::default()
	}

	/// Codes indexed.
	pub fn len(&self) -> usize {
		self.codes.len()
	}

	/// Whether nothing is indexed.
	pub fn is_empty(&self) -> bool {
		self.codes.is_empty()
	}

	/// Adds the code of `content`, of kind `kind`.
	///
	/// The index holds at most `u32::MAX` codes; beyond that, codes are not added.
	pub fn insert(&mut self, kind: u8, code: u64, content: ContentId) {
		let Ok(position) = u32::try_from(self.codes.len()) else {
			return;
		};
		self.codes.push(code);
		self.contents.push(content);
		self.kinds.push(kind);
		let bands = self.bands.entry(kind).or_insert_with(Bands::new);
		for (b, buckets) in bands.buckets.iter_mut().enumerate() {
			buckets[usize::from(band(code, b))].push(position);
		}
	}

	/// Every code of kind `kind` within `max_distance` bits of `code` (at most
	/// [`MAX_DISTANCE`]), nearest first, then in the order they were added; at most `limit`.
	pub fn find(&self, kind: u8, code: u64, max_distance: u32, limit: usize) -> Vec<Match> {
		let max_distance = max_distance.min(MAX_DISTANCE);
		let Some(bands) = self.bands.get(&kind) else {
			return Vec::new();
		};
		let radius = max_distance / BANDS as u32;
		let mut found: Vec<(u32, u32)> = Vec::new();
		let variants = variants_within(radius);
		for (b, buckets) in bands.buckets.iter().enumerate() {
			let value = band(code, b);
			for flip in variants {
				for &position in &buckets[usize::from(value ^ flip)] {
					let distance = (self.codes[position as usize] ^ code).count_ones();
					if distance <= max_distance {
						found.push((distance, position));
					}
				}
			}
		}
		// A code close in several bands was found under each of them.
		found.sort_unstable();
		found.dedup();
		found
			.into_iter()
			.take(limit)
			.map(|(distance, position)| Match {
				distance,
				content: self.contents[position as usize],
				code: self.codes[position as usize],
				position,
			})
			.collect()
	}

	/// Bytes the index holds on the heap, roughly: its vectors' capacity.
	pub fn heap_bytes(&self) -> usize {
		use std::mem::size_of;
		let entries = self.codes.capacity() * size_of::<u64>()
			+ self.contents.capacity() * size_of::<ContentId>()
			+ self.kinds.capacity();
		let bands: usize = self
			.bands
			.values()
			.flat_map(|bands| bands.buckets.iter())
			.map(|buckets| {
				buckets.capacity() * size_of::<Vec<u32>>()
					+ buckets
						.iter()
						.map(|b| b.capacity() * size_of::<u32>())
						.sum::<usize>()
			})
			.sum();
		entries + bands
	}
}

/// The 16-bit masks of at most `radius` bits (up to 4): the variants of a band value to
/// probe, computed once.
fn variants_within(radius: u32) -> &'static [u16] {
	static VARIANTS: std::sync::OnceLock<Vec<Vec<u16>>> = std::sync::OnceLock::new();
	let all = VARIANTS.get_or_init(|| {
		(0..=MAX_DISTANCE / BANDS as u32)
			.map(|radius| {
				(0..=u16::MAX)
					.filter(|mask| mask.count_ones() <= radius)
					.collect()
			})
			.collect()
	});
	&all[radius.min(MAX_DISTANCE / BANDS as u32) as usize]
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A xorshift generator: reproducible, no dependency.
	struct Rng(u64);
	impl Rng {
		fn next(&mut self) -> u64 {
			self.0 ^= self.0 << 13;
			self.0 ^= self.0 >> 7;
			self.0 ^= self.0 << 17;
			self.0
		}
	}

	fn content(n: usize) -> ContentId {
		let mut id = [0u8; 32];
		id[..8].copy_from_slice(&(n as u64).to_le_bytes());
		id
	}

	/// `code` with `bits` bits flipped, spread over the bands as `rng` chooses.
	fn flip(code: u64, bits: u32, rng: &mut Rng) -> u64 {
		let mut flipped = code;
		while (flipped ^ code).count_ones() < bits {
			flipped ^= 1 << (rng.next() % 64);
		}
		flipped
	}

	#[test]
	fn finds_exactly_the_codes_a_scan_finds() {
		let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
		let mut index = SimilarIndex::new();
		let mut all = Vec::new();
		for n in 0..20_000 {
			// Clusters of near copies, as re-encoded files make, among unrelated codes.
			let code = if n % 10 == 0 || all.is_empty() {
				rng.next()
			} else {
				let (_, base): (u8, u64) = all[all.len() - 1 - (n % 7).min(all.len() - 1)];
				let bits = (rng.next() % 12) as u32;
				flip(base, bits, &mut rng)
			};
			let kind = (n % 3 == 0) as u8;
			index.insert(kind, code, content(n));
			all.push((kind, code));
		}
		for q in 0..300 {
			let (kind, base) = all[(rng.next() as usize) % all.len()];
			let query = if q % 2 == 0 {
				flip(base, (q % 9) as u32, &mut rng)
			} else {
				rng.next()
			};
			for max_distance in [0, 3, 4, 7, 8, 12, 16] {
				let found = index.find(kind, query, max_distance, usize::MAX);
				let mut scanned: Vec<(u32, u32)> = all
					.iter()
					.enumerate()
					.filter(|(_, (k, _))| *k == kind)
					.map(|(position, (_, code))| ((code ^ query).count_ones(), position as u32))
					.filter(|(distance, _)| *distance <= max_distance)
					.collect();
				scanned.sort_unstable();
				let got: Vec<(u32, u32)> = found.iter().map(|m| (m.distance, m.position)).collect();
				assert_eq!(got, scanned, "query {query:016x} within {max_distance}");
				for m in &found {
					assert_eq!(m.content, content(m.position as usize));
				}
			}
		}
	}

	#[test]
	fn kinds_are_apart_and_limits_hold() {
		let mut index = SimilarIndex::new();
		index.insert(0, 0xffff_0000_ffff_0000, content(1));
		index.insert(1, 0xffff_0000_ffff_0000, content(2));
		index.insert(1, 0xffff_0000_ffff_0001, content(3));
		let found = index.find(1, 0xffff_0000_ffff_0000, 2, 10);
		let positions: Vec<u32> = found.iter().map(|m| m.position).collect();
		assert_eq!(positions, vec![1, 2]);
		assert_eq!(found[1].distance, 1);
		assert_eq!(index.find(1, 0xffff_0000_ffff_0000, 2, 1).len(), 1);
		assert!(index.find(4, 0, 16, 10).is_empty());
		// A distance past the bound is read as the bound.
		assert_eq!(
			index.find(0, 0xffff_0000_ffff_0000 ^ 0xffff, 40, 10).len(),
			1
		);
		assert_eq!(
			index.find(0, 0xffff_0000_ffff_0000 ^ 0x1ffff, 40, 10).len(),
			0
		);
	}
}
