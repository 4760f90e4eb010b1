//! The runtime's records turned into the RPC's readable JSON ([`registry_rpc_types`]): SS58
//! addresses, `0x` hashes, text where the chain holds text, dates, and enums by name.

use polkadot_sdk::sp_core::{crypto::Ss58Codec, H256};
use registry_rpc_types as json;

use crate::similar::kind_number;
use registry_runtime::{
	pallet_audit::{AlertStatusView, AlertView, ChainHead, HashedRecord, Rule},
	pallet_collectibles::{CollectionInfo, Freeze, ItemInfo, ItemState, TransferPolicy},
	pallet_fingerprints::Fingerprints,
	pallet_rights::{
		AttestationView, AuthorVersionView, DisputeStatus, DisputeView, LicenceView, Revocation,
		RightSet, RightsCursor, RightsPage, ScopeView, TerritoryView, UnitSource, UnitView,
		WorkList, WorkView,
	},
	AccountId, BlockNumber,
};

/// An account as its SS58 address.
pub fn address(account: &AccountId) -> String {
	account.to_ss58check()
}

/// A hash as `0x` and 64 hex digits.
pub fn hex_hash(hash: &H256) -> String {
	registry_rpc_types::hex0x(hash.as_bytes())
}

/// Bytes the chain holds as text (names, titles, URIs): the text when it is UTF-8, else `0x`
/// and hex, so nothing is lost.
pub use json::text;

fn rights(set: RightSet) -> Vec<String> {
	json::right_names(set.0)
}

fn metadata(uri: &[u8], sha256: &H256) -> json::Metadata {
	json::Metadata {
		uri: text(uri),
		sha256: hex_hash(sha256),
	}
}

fn freeze(freeze: &Freeze<AccountId, BlockNumber>) -> json::Freeze {
	json::Freeze {
		by: address(&freeze.by),
		reason: freeze.reason,
		evidence: hex_hash(&freeze.evidence),
		at_block: freeze.at,
	}
}

/// A collectible.
pub fn item(item: &ItemInfo<AccountId, BlockNumber>) -> json::Item {
	let (state, retired_reason) = match item.state {
		ItemState::Draft => ("draft", None),
		ItemState::Issued => ("issued", None),
		ItemState::Retired { reason } => ("retired", Some(reason)),
	};
	json::Item {
		collection: item.collection,
		item: item.item,
		content_sha256: hex_hash(&item.content),
		metadata: metadata(&item.metadata_uri, &item.metadata_sha256),
		metadata_version: item.metadata_version,
		serial: item.serial,
		edition: item.edition,
		creator: address(&item.creator),
		catalogue_number: item.catalogue_number.as_deref().map(text),
		owner: address(&item.owner),
		minted_at_block: item.minted_at,
		held_since_block: item.held_since,
		transferable_from_block: item.transferable_from,
		state: state.into(),
		retired_reason,
		frozen: item.frozen.as_ref().map(freeze),
		content_sm3: None,
		content_code: None,
	}
}

/// A content's SM3 digest and content code as text, `(None, None)` for what it lacks.
pub fn fingerprints(fingerprints: &Fingerprints) -> (Option<String>, Option<String>) {
	(
		fingerprints.sm3.as_ref().map(hex_hash),
		fingerprints.content_code.as_ref().and_then(|code| {
			code.as_u64()
				.map(|bits| registry_rpc_types::iscc::encode(kind_number(code.kind), bits))
		}),
	)
}

fn policy(policy: &TransferPolicy<BlockNumber>) -> json::Policy {
	json::Policy {
		transferable: policy.transferable,
		// There is no consideration anywhere: every transfer is a gift.
		gift_only: true,
		min_holding_blocks: policy.min_holding_blocks,
		max_transfers_per_window: policy.max_transfers_per_window,
		window_blocks: policy.window_blocks,
	}
}

/// A collection.
pub fn collection(collection: &CollectionInfo<AccountId, BlockNumber>) -> json::Collection {
	json::Collection {
		collection: collection.collection,
		issuers: collection.issuers.iter().map(address).collect(),
		name: text(&collection.name),
		description: text(&collection.description),
		metadata: metadata(&collection.metadata_uri, &collection.metadata_sha256),
		max_supply: collection.max_supply,
		minted: collection.minted,
		editions: collection.editions,
		policy: policy(&collection.policy),
		custodian: collection.custodian.as_ref().map(address),
		created_at_block: collection.created_at,
	}
}

fn scope(scope: &ScopeView) -> json::Scope {
	let (including, countries) = match &scope.territory {
		TerritoryView::Including(list) => (true, list),
		TerritoryView::Excluding(list) => (false, list),
	};
	json::Scope::of(
		scope.rights.0,
		including,
		countries,
		scope.term.start,
		scope.term.end,
	)
}

/// A unit of economic rights.
pub fn unit(unit: &UnitView<AccountId, BlockNumber>) -> json::Unit {
	json::Unit {
		unit: unit.unit,
		work: unit.work,
		scope: scope(&unit.scope),
		holders: unit.holders.iter().map(address).collect(),
		threshold: unit.threshold,
		parent: unit.parent,
		created_at_block: unit.created_at,
		created_by: match unit.created_by_action {
			UnitSource::Registration => "registration",
			UnitSource::Split => "split",
			UnitSource::Assignment => "assignment",
		}
		.into(),
		ended_at_block: unit.ended_at,
	}
}

fn revocation(revocation: &Revocation<BlockNumber>) -> json::Revocation {
	json::Revocation {
		reason: revocation.reason,
		at_block: revocation.at,
	}
}

/// A licence.
pub fn licence(licence: &LicenceView<AccountId, BlockNumber>) -> json::Licence {
	json::Licence {
		licence: licence.licence,
		work: licence.work,
		unit: licence.unit,
		grantors: licence.grantors.iter().map(address).collect(),
		licensee: address(&licence.licensee),
		scope: scope(&licence.scope),
		exclusive: licence.exclusive,
		expires_on: licence.expires_on.map(json::date),
		granted_at_block: licence.granted_at,
		revoked: licence.revoked.as_ref().map(revocation),
	}
}

fn attestation(attestation: &AttestationView<AccountId, BlockNumber>) -> json::Attestation {
	json::Attestation {
		attester: address(&attestation.attester),
		claim_hash: hex_hash(&attestation.claim_hash),
		evidence: attestation.evidence.as_ref().map(hex_hash),
		at_block: attestation.at,
		revoked: attestation.revoked.as_ref().map(revocation),
	}
}

fn dispute(dispute: &DisputeView<AccountId, BlockNumber>) -> json::Dispute {
	let (status, arbiter, ruling, at, version) = match &dispute.status {
		DisputeStatus::Open => ("open", None, None, None, None),
		DisputeStatus::Upheld {
			by,
			ruling,
			at,
			version,
		} => ("upheld", Some(by), Some(ruling), Some(*at), Some(*version)),
		DisputeStatus::Rejected { by, ruling, at } => {
			("rejected", Some(by), Some(ruling), Some(*at), None)
		}
	};
	json::Dispute {
		dispute: dispute.dispute,
		opened_by: address(&dispute.opened_by),
		evidence: hex_hash(&dispute.evidence),
		opened_at_block: dispute.opened_at,
		status: status.into(),
		arbiter: arbiter.map(address),
		ruling_hash: ruling.map(hex_hash),
		ruled_at_block: at,
		author_version: version,
	}
}

fn author_version(version: &AuthorVersionView<AccountId, BlockNumber>) -> json::AuthorVersion {
	json::AuthorVersion {
		version: version.version,
		authors: version.authors.iter().map(address).collect(),
		at_block: version.at,
		dispute: version.dispute,
	}
}

/// A work with everything recorded about it.
pub fn work(work: &WorkView<AccountId, BlockNumber>) -> json::Work {
	json::Work {
		work: work.work,
		content_sha256: hex_hash(&work.content),
		title: text(&work.title),
		metadata: metadata(&work.metadata_uri, &work.metadata_sha256),
		created_on: json::date(work.created_on),
		registrant: address(&work.registrant),
		registered_at_block: work.registered_at,
		parents: work.parents.clone(),
		derivatives: work.derivatives.clone(),
		authors: work.authors.iter().map(address).collect(),
		moral_rights: rights(work.moral_rights),
		author_history: work.author_history.iter().map(author_version).collect(),
		attestations: work.attestations.iter().map(attestation).collect(),
		disputes: work.disputes.iter().map(dispute).collect(),
		units: work.units.iter().map(unit).collect(),
		licences: work.licences.iter().map(licence).collect(),
		truncated: work
			.truncated
			.iter()
			.map(|list| work_list(*list).to_owned())
			.collect(),
		content_sm3: None,
		content_code: None,
	}
}

/// A list of a work's view by its JSON field's name.
pub fn work_list(list: WorkList) -> &'static str {
	match list {
		WorkList::AuthorHistory => "authorHistory",
		WorkList::Derivatives => "derivatives",
		WorkList::Attestations => "attestations",
		WorkList::Disputes => "disputes",
		WorkList::Units => "units",
		WorkList::Licences => "licences",
	}
}

/// A page of a work's rights map, read at block `at_block`: `page` of the work `work`.
pub fn rights_map(
	work: &WorkView<AccountId, BlockNumber>,
	page: &RightsPage<AccountId, BlockNumber>,
	at_block: BlockNumber,
) -> json::Rights {
	json::Rights {
		work: page.work,
		at_block,
		moral_rights: rights(work.moral_rights),
		authors: work.authors.iter().map(address).collect(),
		units: page.units.iter().map(unit).collect(),
		licences: page.licences.iter().map(licence).collect(),
		next_cursor: page.next.map(rights_cursor),
	}
}

/// A cursor into a work's rights, as JSON.
pub fn rights_cursor(cursor: RightsCursor) -> json::RightsCursor {
	match cursor {
		RightsCursor::Units(after) => json::RightsCursor::Units(after),
		RightsCursor::Licences(after) => json::RightsCursor::Licences(after),
	}
}

/// A cursor into a work's rights, from JSON.
pub fn chain_rights_cursor(cursor: json::RightsCursor) -> RightsCursor {
	match cursor {
		json::RightsCursor::Units(after) => RightsCursor::Units(after),
		json::RightsCursor::Licences(after) => RightsCursor::Licences(after),
	}
}

/// An audit record with its hash and the bytes hashed: the JSON the record's own crate
/// defines, with accounts as SS58 addresses.
pub fn audit_record(hashed: &HashedRecord<AccountId, BlockNumber>) -> json::AuditRecord {
	let record = hashed.record.clone().map_accounts(<[u8; 32]>::from);
	json::AuditRecord::of(&record, |account| address(&AccountId::from(*account)))
}

fn rule(rule: &Rule<BlockNumber>) -> json::Rule {
	match *rule {
		Rule::TransferBurst {
			max_transfers,
			window_blocks,
		} => json::Rule::TransferBurst {
			max_transfers,
			window_blocks,
		},
		Rule::BackAndForth { window_blocks } => json::Rule::BackAndForth { window_blocks },
	}
}

/// An alert.
pub fn alert(alert: &AlertView<AccountId, BlockNumber>) -> json::Alert {
	let (status, closed_by, note, closed_at) = match &alert.status {
		AlertStatusView::Open => ("open", None, None, None),
		AlertStatusView::Closed { by, note, at } => {
			("closed", Some(address(by)), Some(text(note)), Some(*at))
		}
	};
	json::Alert {
		alert: alert.alert,
		rule: rule(&alert.rule),
		subject: alert.subject.into(),
		seq: alert.seq,
		block: alert.block,
		status: status.into(),
		closed_by,
		note,
		closed_at_block: closed_at,
	}
}

/// The end of the audit log.
pub fn audit_head(head: &ChainHead<BlockNumber>) -> json::AuditHead {
	json::AuditHead {
		next_seq: head.next_seq,
		last_hash: hex_hash(&head.last_hash),
		last_block: head.last_block,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use registry_primitives::Subject;

	#[test]
	fn a_record_is_shown_with_its_hash_and_the_bytes_hashed() {
		let record = registry_runtime::pallet_audit::AuditRecord {
			seq: 1,
			block: 2,
			timestamp: 3,
			extrinsic: Some(0),
			entry: registry_primitives::AuditEntry {
				kind: registry_primitives::AuditKind::Minted,
				subject: Subject::Item(1, 2),
				from: None,
				to: Some(AccountId::from([7u8; 32])),
				authorized_by: registry_primitives::AuthorizedBy::Account(AccountId::from(
					[8u8; 32],
				)),
				reason: 0,
				evidence: None,
				detail: registry_primitives::Detail::Content {
					sha256: H256::repeat_byte(4),
				},
			},
			prev: H256::zero(),
		};
		let hashed = HashedRecord {
			hash: registry_runtime::pallet_audit::record_hash(&record),
			record: record.clone(),
		};
		let json = audit_record(&hashed);
		assert_eq!(json.hash, hex_hash(&hashed.hash));
		assert_eq!(json.encoded, format!("0x{}", hex::encode(record.encode())));
		assert_eq!(json.to, Some(address(&AccountId::from([7u8; 32]))));
		assert_eq!(json.kind, "minted");
		assert_eq!(json.authorized_by, address(&AccountId::from([8u8; 32])));
		assert_eq!(
			json.detail,
			registry_primitives::Detail::Content {
				sha256: H256::repeat_byte(4),
			}
		);
	}

	#[test]
	fn the_runtime_right_bits_match_the_names() {
		assert_eq!(
			rights(RightSet::NETWORK_DISSEMINATION),
			vec!["informationNetworkDissemination"]
		);
		assert_eq!(rights(RightSet::COMPILATION), vec!["compilation"]);
		assert_eq!(rights(RightSet::INTEGRITY), vec!["integrity"]);
		assert_eq!(rights(RightSet::ECONOMIC).len(), 12);
	}
}
