//! Reading a registration out of a storage proof.
//!
//! The builder and the verifier share this: the builder makes the summary from the proof it
//! got, the verifier makes it again and compares. Every read goes through the trie from the
//! state root, so a value, a node or a key that is not the chain's is not found.

use codec::{Decode, DecodeAll};
use polkadot_sdk::{
	sp_core::{
		crypto::{AccountId32, Ss58Codec},
		Blake2Hasher, H256,
	},
	sp_trie::{self, LayoutV1, MemoryDB, StorageProof, TrieDBBuilder, TrieDBKeyIterator},
};
use registry_rpc_types::text;

use crate::{
	certificate::{
		Attestation, Freeze, ItemSummary, Metadata, Revocation, StorageEntry, WorkSummary,
	},
	header::Hash,
	hex0x, keys, stored, VerifyError,
};

/// The chain's trie layout: state version 1, where values over 32 bytes hang off their leaf
/// by hash. Reading handles both versions' nodes alike.
type Layout = LayoutV1<Blake2Hasher>;

/// The part of a block's state a proof holds.
pub struct ProvenState {
	db: MemoryDB<Blake2Hasher>,
	root: H256,
	block: u32,
}

impl ProvenState {
	/// The state of block `block`, with state root `root`, as far as `nodes` reach.
	pub fn new(block: u32, root: Hash, nodes: Vec<Vec<u8>>) -> Self {
		Self {
			db: StorageProof::new(nodes).into_memory_db(),
			root: H256(root),
			block,
		}
	}

	/// The value at `key`; `None` if the proof shows there is none.
	pub fn read(&self, key: &[u8]) -> Result<Option<Vec<u8>>, VerifyError> {
		sp_trie::read_trie_value::<Layout, _>(&self.db, &self.root, key, None, None)
			.map_err(|e| self.broken(*e))
	}

	/// Every key that starts with `prefix`, in order. Fails unless the proof holds the whole
	/// subtrie, so a key cannot be left out.
	pub fn keys_under(&self, prefix: &[u8]) -> Result<Vec<Vec<u8>>, VerifyError> {
		let trie = TrieDBBuilder::<Layout>::new(&self.db, &self.root).build();
		TrieDBKeyIterator::new_prefixed(&trie, prefix)
			.map_err(|e| self.broken(*e))?
			.map(|key| key.map_err(|e| self.broken(*e)))
			.collect()
	}

	fn broken(&self, error: sp_trie::TrieError<Layout>) -> VerifyError {
		let reason = match error {
			sp_trie::TrieError::<Layout>::InvalidStateRoot(_) => {
				"it holds no node that hashes to the state root".to_string()
			}
			sp_trie::TrieError::<Layout>::IncompleteDatabase(hash) => {
				format!("it lacks the trie node {hash:?}, or holds it altered")
			}
			// Debug: trie-db formats its errors for people only with its `std` feature.
			other => format!("{other:?}"),
		};
		VerifyError::StorageProof {
			block: self.block,
			reason,
		}
	}
}

/// The registration of a content hash, read from a proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
	/// The work that filed it.
	pub work: Option<WorkSummary>,
	/// The collectibles that carry it, by collection and item.
	pub collectibles: Vec<ItemSummary>,
	/// Its SM3 digest, where the proof reaches it and the chain records one.
	pub sm3: Option<[u8; 32]>,
	/// The entries read, in order.
	pub entries: Vec<StorageEntry>,
}

/// Reads what is registered with `content` from `state`.
pub fn read_registration(
	content: &[u8; 32],
	state: &ProvenState,
) -> Result<Registration, VerifyError> {
	let mut reader = Reader {
		state,
		entries: Vec::new(),
	};
	let work = match reader.read("Rights::WorkByContent", keys::work_by_content(content))? {
		None => None,
		Some(value) => {
			let number: u64 = decode("Rights::WorkByContent", &value)?;
			Some(read_work(&mut reader, content, number)?)
		}
	};

	let mut numbers = Vec::new();
	for key in state.keys_under(&keys::items_by_content_of(content))? {
		numbers.push(
			keys::item_in(&key, content).ok_or_else(|| VerifyError::Record {
				entry: "Collectibles::ItemsByContent".into(),
				reason: format!("the key {} is not one of its keys", hex0x(&key)),
			})?,
		);
	}
	numbers.sort_unstable();
	let mut collectibles = Vec::new();
	for (collection, item) in numbers {
		let index = reader.read(
			"Collectibles::ItemsByContent",
			keys::item_by_content(content, collection, item),
		)?;
		if index.as_deref() != Some(&[]) {
			return Err(VerifyError::Record {
				entry: format!("Collectibles::ItemsByContent({collection}, {item})"),
				reason: "it holds a value where the index holds none".into(),
			});
		}
		let entry = format!("Collectibles::Items({collection}, {item})");
		let record: stored::Item = required(
			&entry,
			reader.read("Collectibles::Items", keys::item(collection, item))?,
		)?;
		if record.content != *content {
			return Err(VerifyError::Record {
				entry,
				reason: format!(
					"the item's content is {}, not {}",
					hex0x(&record.content),
					hex0x(content)
				),
			});
		}
		collectibles.push(item_summary(collection, item, &record));
	}

	if work.is_none() && collectibles.is_empty() {
		return Err(VerifyError::NothingRegistered {
			content: hex0x(content),
			block: state.block,
		});
	}
	// Certificates made before the chain kept SM3 digests do not reach the entry: they
	// claim no digest, and still verify.
	let sm3 = match reader.read_if_proven("Fingerprints::Sm3Of", keys::sm3_of(content))? {
		Some(Some(value)) => Some(decode::<[u8; 32]>("Fingerprints::Sm3Of", &value)?),
		_ => None,
	};
	Ok(Registration {
		work,
		collectibles,
		sm3,
		entries: reader.entries,
	})
}

fn read_work(
	reader: &mut Reader,
	content: &[u8; 32],
	number: u64,
) -> Result<WorkSummary, VerifyError> {
	let entry = format!("Rights::Works({number})");
	let work: stored::Work = required(&entry, reader.read("Rights::Works", keys::work(number))?)?;
	if work.content != *content {
		return Err(VerifyError::Record {
			entry,
			reason: format!(
				"the work's content is {}, not {}",
				hex0x(&work.content),
				hex0x(content)
			),
		});
	}
	let moral: stored::MoralRights = required(
		&format!("Rights::MoralRights({number})"),
		reader.read("Rights::MoralRights", keys::moral_rights(number))?,
	)?;

	let mut attestations = Vec::new();
	for key in reader.state.keys_under(&keys::attestations_of(number))? {
		let attester = keys::attester_in(&key, number).ok_or_else(|| VerifyError::Record {
			entry: "Rights::Attestations".into(),
			reason: format!("the key {} is not one of its keys", hex0x(&key)),
		})?;
		let attestation: stored::Attestation = required(
			&format!("Rights::Attestations({number}, {})", account(&attester)),
			reader.read("Rights::Attestations", key)?,
		)?;
		attestations.push(Attestation {
			attester: account(&attester),
			claim_hash: hex0x(&attestation.claim),
			evidence: attestation.evidence.as_ref().map(|e| hex0x(e)),
			at_block: attestation.at,
			revoked: attestation.revoked.map(|r| Revocation {
				reason: r.reason,
				at_block: r.at,
			}),
		});
	}
	// Trie order follows hashed keys; people read attestations in the order given.
	attestations.sort_by(|a, b| (a.at_block, &a.attester).cmp(&(b.at_block, &b.attester)));

	Ok(WorkSummary {
		work: number,
		title: text(&work.title),
		metadata: metadata(&work.metadata),
		created_on: registry_rpc_types::date(work.created_on),
		registrant: account(&work.registrant),
		registered_at_block: work.registered_at,
		authors: moral.authors.iter().map(account).collect(),
		author_list_version: moral.version,
		parents: work.parents,
		open_disputes: work.open_disputes,
		attestations,
	})
}

fn item_summary(collection: u32, item: u32, record: &stored::Item) -> ItemSummary {
	let (state, retired_reason) = match record.state {
		stored::ItemState::Draft => ("draft", None),
		stored::ItemState::Issued => ("issued", None),
		stored::ItemState::Retired { reason } => ("retired", Some(reason)),
	};
	ItemSummary {
		collection,
		item,
		serial: record.serial,
		creator: account(&record.creator),
		owner: account(&record.owner),
		metadata: metadata(&record.metadata),
		metadata_version: record.metadata_version,
		catalogue_number: record.catalogue_number.as_deref().map(text),
		minted_at_block: record.minted_at,
		held_since_block: record.held_since,
		state: state.into(),
		retired_reason,
		frozen: record.frozen.as_ref().map(|f| Freeze {
			by: account(&f.by),
			reason: f.reason,
			evidence: hex0x(&f.evidence),
			at_block: f.at,
		}),
	}
}

/// Reads entries and notes each one read.
struct Reader<'a> {
	state: &'a ProvenState,
	entries: Vec<StorageEntry>,
}

impl Reader<'_> {
	/// [`Reader::read`], or `None` (nothing noted) when the proof does not reach `key`.
	fn read_if_proven(
		&mut self,
		entry: &str,
		key: Vec<u8>,
	) -> Result<Option<Option<Vec<u8>>>, VerifyError> {
		match self.state.read(&key) {
			Err(VerifyError::StorageProof { .. }) => Ok(None),
			Err(other) => Err(other),
			Ok(_) => self.read(entry, key).map(Some),
		}
	}

	fn read(&mut self, entry: &str, key: Vec<u8>) -> Result<Option<Vec<u8>>, VerifyError> {
		let value = self.state.read(&key)?;
		self.entries.push(StorageEntry {
			entry: entry.into(),
			key: hex0x(&key),
			value: value.as_deref().map(hex0x),
		});
		Ok(value)
	}
}

fn decode<T: Decode>(entry: &str, value: &[u8]) -> Result<T, VerifyError> {
	T::decode_all(&mut &value[..]).map_err(|e| VerifyError::Record {
		entry: entry.into(),
		reason: format!(
			"its value does not decode as this client expects ({e}); the runtime may be newer"
		),
	})
}

fn required<T: Decode>(entry: &str, value: Option<Vec<u8>>) -> Result<T, VerifyError> {
	match value {
		Some(value) => decode(entry, &value),
		None => Err(VerifyError::Record {
			entry: entry.into(),
			reason: "the proof shows it does not exist, though the index points to it".into(),
		}),
	}
}

fn account(bytes: &[u8; 32]) -> String {
	AccountId32::new(*bytes).to_ss58check()
}

fn metadata(metadata: &stored::MetadataRef) -> Metadata {
	Metadata {
		uri: text(&metadata.uri),
		sha256: hex0x(&metadata.sha256),
	}
}
