//! Registrations similar to a content: what `registry_findSimilar` finds near its content
//! code, told as people read it. Registering a near copy of a registered work is allowed (a
//! new edition, a translation, a restoration), but the registrant should know first.

use subxt::utils::H256;

use crate::{
	fingerprint::ContentCode,
	types::{hex0x, SimilarContent},
	Error, RegistryApiClient, RegistryClient,
};

/// Bits two 64-bit content codes may differ in and still be reported as similar unless told
/// otherwise: re-encoded or resized images and lightly edited texts land within it, unrelated
/// contents (32 bits apart on average) practically never.
pub const DEFAULT_DISTANCE: u32 = 8;

/// Similar contents asked for per code.
const SHOWN: u32 = 10;

impl RegistryClient {
	/// The registered contents other than `content` whose code lies within `max_distance`
	/// bits of `code`, nearest first.
	pub async fn similar_to(
		&self,
		code: &ContentCode,
		max_distance: u32,
		content: H256,
	) -> Result<Vec<SimilarContent>, Error> {
		let found = self
			.node()
			.find_similar(code.iscc.clone(), Some(max_distance), Some(SHOWN))
			.await?;
		let own = hex0x(content.as_bytes());
		Ok(found
			.matches
			.into_iter()
			.filter(|found| found.content_sha256 != own)
			.collect())
	}
}

/// A similar content in one line per registration of it: its items and its work, with who
/// holds or registered them, when, and how far its code lies.
pub fn describe(found: &SimilarContent) -> Vec<String> {
	let apart = match found.distance {
		0 => "the same content code".to_string(),
		1 => "1 bit apart".to_string(),
		n => format!("{n} bits apart"),
	};
	let mut lines: Vec<String> = found
		.collectibles
		.iter()
		.map(|item| {
			format!(
				"item {} of collection {}, held by {}, minted at block {} ({apart}; content {})",
				item.item, item.collection, item.owner, item.minted_at_block, found.content_sha256
			)
		})
		.collect();
	if let Some(work) = &found.work {
		lines.push(format!(
			"work {} \"{}\", registered by {} at block {} ({apart}; content {})",
			work.work, work.title, work.registrant, work.registered_at_block, found.content_sha256
		));
	}
	lines
}

/// The registrations of `found` in a few words, for a report's cell: `item 0:3 (2 bits);
/// work 5 (2 bits)`.
pub fn summary(found: &[SimilarContent]) -> String {
	found
		.iter()
		.flat_map(|content| {
			let bits = content.distance;
			content
				.collectibles
				.iter()
				.map(move |item| format!("item {}:{} ({bits} bits)", item.collection, item.item))
				.chain(
					content
						.work
						.iter()
						.map(move |work| format!("work {} ({bits} bits)", work.work)),
				)
		})
		.collect::<Vec<_>>()
		.join("; ")
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::types::{SimilarItem, SimilarWork};

	fn found() -> SimilarContent {
		SimilarContent {
			distance: 3,
			content_sha256: format!("0x{}", "ab".repeat(32)),
			content_code: "ISCC:EEA".into(),
			collectibles: vec![SimilarItem {
				collection: 2,
				item: 7,
				owner: "5Owner".into(),
				creator: "5Creator".into(),
				minted_at_block: 40,
				state: "issued".into(),
			}],
			work: Some(SimilarWork {
				work: 5,
				title: "Spring".into(),
				registrant: "5Registrant".into(),
				authors: vec!["5Registrant".into()],
				registered_at_block: 41,
			}),
		}
	}

	#[test]
	fn similar_registrations_name_holder_registrant_block_and_distance() {
		let lines = describe(&found());
		assert_eq!(lines.len(), 2);
		assert!(lines[0].starts_with(
			"item 7 of collection 2, held by 5Owner, minted at block 40 (3 bits apart"
		));
		assert!(lines[1]
			.starts_with("work 5 \"Spring\", registered by 5Registrant at block 41 (3 bits apart"));
		assert_eq!(summary(&[found()]), "item 2:7 (3 bits); work 5 (3 bits)");
		assert_eq!(summary(&[]), "");
	}
}
