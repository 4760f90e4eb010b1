//! The node's `registry_*` and `audit_*` methods where one answer takes several pages.
//!
//! Single calls go through [`RegistryClient::node`] with the traits generated from the node's
//! own definition ([`crate::RegistryApiClient`], [`crate::AuditRpcClient`]). A refusal comes
//! back as [`Error::Rpc`] with the node's sentence, e.g. "collection 3 has no item 9".

use registry_rpc_types::{
	api::{AuditRpcClient, RegistryApiClient},
	hex0x, AuditExport, ContentMatches, Rights,
};
use registry_verify::export::verify_export;
use subxt::utils::H256;

use crate::{Error, RegistryClient};

impl RegistryClient {
	/// `registry_findByContentHash`: the collectibles and the work with this content, every
	/// page of collectibles joined.
	pub async fn find_by_content_hash(&self, content: H256) -> Result<ContentMatches, Error> {
		self.find_content(hex0x(&content.0)).await
	}

	/// `registry_findByContentHash` by the content's SM3 digest.
	pub async fn find_by_sm3(&self, sm3: H256) -> Result<ContentMatches, Error> {
		self.find_content(format!("sm3:{}", hex0x(&sm3.0))).await
	}

	async fn find_content(&self, content: String) -> Result<ContentMatches, Error> {
		let node = self.node();
		let mut found = node
			.find_by_content_hash_page(content.clone(), None, None)
			.await?;
		// A content has at most one collectible per edition: a bounded number of pages.
		while let Some(cursor) = found.next_cursor.take() {
			let page = node
				.find_by_content_hash_page(content.clone(), None, Some(cursor))
				.await?;
			found.collectibles.extend(page.collectibles);
			found.next_cursor = page.next_cursor.filter(|next| *next != cursor);
		}
		Ok(found)
	}

	/// `registry_rightsOf`: a work's whole rights map, now or as of block `at_block`, every
	/// page joined and read at one block.
	pub async fn rights_of(&self, work: u64, at_block: Option<u32>) -> Result<Rights, Error> {
		let node = self.node();
		let mut map = node.rights_page(work, at_block, None, None).await?;
		// Later pages are read at the first page's block, so that the map is one snapshot.
		let at_block = Some(map.at_block);
		while let Some(cursor) = map.next_cursor.take() {
			let page = node.rights_page(work, at_block, None, Some(cursor)).await?;
			map.units.extend(page.units);
			map.licences.extend(page.licences);
			map.next_cursor = page.next_cursor.filter(|next| *next != cursor);
		}
		map.units.sort_by_key(|unit| unit.unit);
		map.licences.sort_by_key(|licence| licence.licence);
		Ok(map)
	}

	/// Every record of blocks `from` to `to`, following the export's cursor until the end;
	/// each part is checked with [`verify_export`] and must continue the one before.
	pub async fn audit_export_all(&self, from: u32, to: u32) -> Result<AuditExport, Error> {
		let node = self.node();
		let mut whole = node.audit_export(from, to, None, None).await?;
		verify_export(&whole).map_err(Error::Metadata)?;
		while let Some(cursor) = whole.next_cursor {
			let part = node.audit_export(from, to, Some(cursor), None).await?;
			verify_export(&part).map_err(Error::Metadata)?;
			if part.prev_hash != whole.last_hash {
				return Err(Error::Metadata(format!(
					"the export's part from record {cursor} does not continue the records before"
				)));
			}
			whole.records.extend(part.records);
			whole.last_hash = part.last_hash;
			whole.next_cursor = part.next_cursor;
		}
		Ok(whole)
	}
}
