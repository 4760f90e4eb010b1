//! Audit exports that prove themselves: the records of a block range, with a storage proof
//! and a GRANDPA justification that tie them to the chain.
//!
//! The format and its offline check are [`registry_verify::export`], re-exported here; this
//! module makes proven exports from a node's answers
//! ([`RegistryClient::audit_export_proven`]).

pub use registry_verify::export::*;
use registry_verify::{
	certificate::{Justified, StorageEntry},
	keys,
	state::ProvenState,
};

use crate::{types::hex0x, Error, RegistryClient};

impl RegistryClient {
	/// Every record of blocks `from` to `to` (default: the newest justified block), with the
	/// proof that ties them to the chain; checked with [`verify_proven_export`] before it is
	/// returned.
	pub async fn audit_export_proven(
		&self,
		from: u32,
		to: Option<u32>,
	) -> Result<ProvenExport, Error> {
		let justified: Justified = self.newest_justified().await?;
		let newest = justified.header.number;
		let to = match to {
			Some(to) if to > newest => return Err(Error::NotJustifiedYet { asked: to, newest }),
			Some(to) => to,
			None => newest,
		};
		let export = self.audit_export_all(from, to).await?;
		let start = export.start_seq;
		let end = start + export.records.len() as u64;

		let mut entries = vec![("Audit::Head", keys::audit_head())];
		if let Some(before) = start.checked_sub(1) {
			entries.push(("Audit::Records", keys::audit_record(before)));
		}
		if let Some(last) = end.checked_sub(1).filter(|_| end > start) {
			entries.push(("Audit::Records", keys::audit_record(last)));
		}
		entries.push(("Audit::Records", keys::audit_record(end)));
		let keys: Vec<Vec<u8>> = entries.iter().map(|(_, key)| key.clone()).collect();
		let proven = self.prove_at(&justified, &keys).await?;

		let state = ProvenState::new(
			newest,
			justified.header.state_root,
			proven.trie_nodes.clone(),
		);
		let mut storage = Vec::with_capacity(entries.len());
		for (name, key) in entries {
			let value = state
				.read(&key)
				.map_err(|e| Error::Export(format!("the proof: {e}")))?;
			storage.push(StorageEntry {
				entry: name.into(),
				key: hex0x(&key),
				value: value.map(|value| hex0x(&value)),
			});
		}
		let file = ProvenExport {
			format: FORMAT.into(),
			version: VERSION,
			export,
			proof: proven.proof(&justified, storage),
		};
		verify_proven_export(&file, None).map_err(Error::Export)?;
		Ok(file)
	}
}
