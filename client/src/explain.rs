//! Errors as sentences a person can act on, naming the collection, item or account involved.
//!
//! [`Error`]'s own messages name the pallet error (`Collectibles::ItemFrozen`); [`sentence`]
//! says what it means for the thing the caller was acting on, and what to do about it. A pallet
//! error's sentence is its doc comment, which the chain's metadata carries; the table here
//! holds only the sentences that name the caller's collection, item, account, work, unit,
//! licence, dispute or alert.

use subxt::utils::{AccountId32, H256};

use crate::{
	collectibles::{CollectionId, ItemId},
	rights::{DisputeId, LicenceId, UnitId, WorkId},
	Error, Rejection,
};

/// What a call was about, for the sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
	/// The signing account.
	pub signer: Option<AccountId32>,
	pub collection: Option<CollectionId>,
	pub item: Option<ItemId>,
	/// The other account: the receiver of a gift, the member admitted or suspended, the
	/// licensee.
	pub account: Option<AccountId32>,
	pub work: Option<WorkId>,
	pub unit: Option<UnitId>,
	pub licence: Option<LicenceId>,
	pub dispute: Option<DisputeId>,
	/// An audit alert's number.
	pub alert: Option<u64>,
	/// The SHA-256 of the content registered.
	pub content: Option<H256>,
}

impl Subject {
	/// An item of a collection.
	pub fn item(collection: CollectionId, item: ItemId) -> Self {
		Self {
			collection: Some(collection),
			item: Some(item),
			..Default::default()
		}
	}

	/// A collection.
	pub fn collection(collection: CollectionId) -> Self {
		Self {
			collection: Some(collection),
			..Default::default()
		}
	}

	/// Another account.
	pub fn account(account: AccountId32) -> Self {
		Self {
			account: Some(account),
			..Default::default()
		}
	}

	/// A registered work.
	pub fn work(work: WorkId) -> Self {
		Self {
			work: Some(work),
			..Default::default()
		}
	}

	/// A unit of economic rights.
	pub fn unit(unit: UnitId) -> Self {
		Self {
			unit: Some(unit),
			..Default::default()
		}
	}

	/// A licence.
	pub fn licence(licence: LicenceId) -> Self {
		Self {
			licence: Some(licence),
			..Default::default()
		}
	}

	/// An authorship dispute.
	pub fn dispute(dispute: DisputeId) -> Self {
		Self {
			dispute: Some(dispute),
			..Default::default()
		}
	}

	/// An audit alert.
	pub fn alert(alert: u64) -> Self {
		Self {
			alert: Some(alert),
			..Default::default()
		}
	}

	/// The same, signed by `signer`.
	pub fn signed_by(mut self, signer: AccountId32) -> Self {
		self.signer = Some(signer);
		self
	}

	/// The same subject, about the content with this SHA-256.
	pub fn with_content(mut self, content: H256) -> Self {
		self.content = Some(content);
		self
	}

	fn item_name(&self) -> String {
		match (self.item, self.collection) {
			(Some(item), Some(collection)) => format!("item {item} of collection {collection}"),
			(Some(item), None) => format!("item {item}"),
			_ => "the item".into(),
		}
	}

	fn collection_name(&self) -> String {
		match self.collection {
			Some(collection) => format!("collection {collection}"),
			None => "the collection".into(),
		}
	}

	fn signer_name(&self) -> String {
		match &self.signer {
			Some(signer) => format!("the signing account {signer}"),
			None => "the signing account".into(),
		}
	}

	fn account_name(&self) -> String {
		match &self.account {
			Some(account) => account.to_string(),
			None => "the account".into(),
		}
	}

	fn work_name(&self) -> String {
		match self.work {
			Some(work) => format!("work {work}"),
			None => "the work".into(),
		}
	}

	fn unit_name(&self) -> String {
		match self.unit {
			Some(unit) => format!("unit {unit}"),
			None => "the unit".into(),
		}
	}

	fn licence_name(&self) -> String {
		match self.licence {
			Some(licence) => format!("licence {licence}"),
			None => "the licence".into(),
		}
	}

	fn dispute_name(&self) -> String {
		match self.dispute {
			Some(dispute) => format!("dispute {dispute}"),
			None => "the dispute".into(),
		}
	}

	fn alert_name(&self) -> String {
		match self.alert {
			Some(alert) => format!("alert {alert}"),
			None => "the alert".into(),
		}
	}

	/// "no work has number 7", or a sentence without the number.
	fn no_such(&self, what: &str, number: Option<u64>) -> String {
		match number {
			Some(number) => format!("no {what} has number {number}"),
			None => format!("there is no such {what}"),
		}
	}
}

/// The error in a sentence about `subject`.
pub fn sentence(error: &Error, subject: &Subject) -> String {
	match error {
		Error::Dispatch {
			pallet,
			error,
			docs,
			..
		} => dispatch_sentence(pallet, error, docs, subject)
			.unwrap_or_else(|| format!("the call failed: {pallet}::{error}")),
		Error::Rejected(rejection) => match (rejection, &subject.signer) {
			(Rejection::NotAMember | Rejection::Suspended | Rejection::RateLimited, Some(s)) => {
				format!("the node refused the transaction of {s}: {rejection}")
			}
			_ => format!("the node refused the transaction: {rejection}"),
		},
		other => other.to_string(),
	}
}

/// The sentence for a pallet error: the table's, naming `s`, else the error's doc comment
/// (`docs`, from the metadata) as a clause; `None` for an undocumented error the table lacks.
pub fn dispatch_sentence(pallet: &str, error: &str, docs: &str, s: &Subject) -> Option<String> {
	about_subject(pallet, error, s).or_else(|| clause(docs))
}

/// A doc comment as a clause: "The item is frozen." reads "the item is frozen".
fn clause(docs: &str) -> Option<String> {
	let text = docs.trim().trim_end_matches('.');
	let mut chars = text.chars();
	let first = chars.next()?;
	// "SS58 …" keeps its capitals; "The …" does not.
	let lower = chars.next().is_none_or(|second| !second.is_uppercase());
	Some(match lower {
		true => first
			.to_lowercase()
			.chain(text[first.len_utf8()..].chars())
			.collect(),
		false => text.to_string(),
	})
}

/// The sentences that name what the call was about.
fn about_subject(pallet: &str, error: &str, s: &Subject) -> Option<String> {
	let text = match (pallet, error) {
		("Collectibles", "NotInstitution") => format!(
			"{} is not an active institution; only institutions create collections and mint",
			s.signer_name()
		),
		("Collectibles", "NotIssuer") => format!(
			"{} is not an issuer of {}; only its issuers mint and edit its items",
			s.signer_name(),
			s.collection_name()
		),
		("Collectibles", "NotRegulator") => format!(
			"{} is not an active regulator; only regulators freeze and unfreeze items",
			s.signer_name()
		),
		("Collectibles", "NotOwner") => {
			format!("{} does not hold {}", s.signer_name(), s.item_name())
		}
		("Collectibles", "NotOwnerOrIssuer") => format!(
			"only the holder of {} or an issuer of its collection may retire it",
			s.item_name()
		),
		("Collectibles", "UnknownCollection") => {
			format!("{} does not exist", s.collection_name())
		}
		("Collectibles", "UnknownItem") => match (s.collection, s.item) {
			(Some(collection), Some(item)) => {
				format!("collection {collection} has no item {item}")
			}
			_ => "there is no such item".into(),
		},
		("Collectibles", "EditionsExhausted") => format!(
			"every edition of this content that {} declared is minted",
			s.collection_name()
		),
		("Collectibles", "DraftNotTransferable") => format!(
			"{} is a draft; an issuer must issue it before it can be given away",
			s.item_name()
		),
		("Collectibles", "SupplyExceeded") => format!(
			"{} has reached its maximum supply; no more items fit",
			s.collection_name()
		),
		("Collectibles", "DuplicateSerial") => format!(
			"{} already has an item with this serial number",
			s.collection_name()
		),
		("Collectibles", "ContentAlreadyMinted") => {
			"this content is already registered (a content hash is registered once on the \
			 chain); `registry find` shows which item holds it"
				.into()
		}
		("Collectibles", "NotTransferable") => format!(
			"the items of {} cannot be given away: its policy makes them not transferable",
			s.collection_name()
		),
		("Collectibles", "HoldingPeriod") => format!(
			"{} is still in its holding period; its holder may give it away later",
			s.item_name()
		),
		("Collectibles", "TransferCapReached") => format!(
			"{} has been given away as often as its collection allows in the current window; \
			 try again when the window ends",
			s.item_name()
		),
		("Collectibles", "ReceiverNotMember") => format!(
			"{} is not an active member; items only go to members",
			match &s.account {
				Some(account) => account.to_string(),
				None => "the receiving account".into(),
			}
		),
		("Collectibles", "SelfTransfer") => {
			format!("{} already belongs to the receiver", s.item_name())
		}
		("Collectibles", "ItemFrozen") => format!(
			"{} is frozen by a regulator; nothing may happen to it until a regulator unfreezes it",
			s.item_name()
		),
		("Collectibles", "NotFrozen") => format!("{} is not frozen", s.item_name()),
		("Collectibles", "ItemRetired") => format!(
			"{} is retired; its record stays but nothing may happen to it",
			s.item_name()
		),
		("Collectibles", "NotDraft") => format!(
			"{} is already issued; only drafts are issued or corrected in place",
			s.item_name()
		),
		("Members", "NotRegistrar") => format!(
			"{} is not an active registrar; only registrars admit, suspend and remove members",
			s.signer_name()
		),
		("Members", "AlreadyMember") => format!("{} is already a member", s.account_name()),
		("Members", "NotMember") => format!("{} is not a member", s.account_name()),
		("Members", "AlreadySuspended") => {
			format!("{} is already suspended", s.account_name())
		}
		("Members", "NotSuspended") => format!("{} is not suspended", s.account_name()),
		("Members", "LastRegistrar") => format!(
			"{} is the last active registrar; admit another registrar first",
			s.account_name()
		),
		("Members", "Protected") => format!(
			"{} sits on the council or validates; only the consortium suspends or removes it \
			 (`registry council propose`)",
			s.account_name()
		),
		("Rights", "NotCreator") => format!(
			"{} is not an active creator, or the creator it registers for is not; works are \
			 registered by creators, or by institutions on their behalf",
			s.signer_name()
		),
		("Rights", "NotInstitution") => format!(
			"only an active institution registers a work on a creator's behalf, and {} is not \
			 one",
			s.signer_name()
		),
		("Rights", "UnknownWork") => s.no_such("work", s.work),
		("Rights", "NotAttester") => format!(
			"{} is not an active institution or arbiter; only they attest authorship",
			s.signer_name()
		),
		("Rights", "SelfAttestation") => format!(
			"{} registered or authors {}; an attestation must come from a third party",
			s.signer_name(),
			s.work_name()
		),
		("Rights", "ArbiterIsParty") => format!(
			"{} opened this dispute or is a party to its work; another arbiter must rule",
			s.signer_name()
		),
		("Rights", "AssignmentToSelf") => format!(
			"{} already has exactly these holders and threshold; nothing would change",
			s.unit_name()
		),
		("Rights", "AlreadyAttested") => {
			format!("{} has already attested {}", s.signer_name(), s.work_name())
		}
		("Rights", "AttesterRevoked") => format!(
			"{} revoked its attestation of {} and cannot attest it again",
			s.signer_name(),
			s.work_name()
		),
		("Rights", "NoAttestation") => format!(
			"{} has no attestation of {} to revoke",
			s.signer_name(),
			s.work_name()
		),
		("Rights", "AlreadyRevoked") => match s.licence {
			Some(_) => format!("{} is already revoked", s.licence_name()),
			None => format!(
				"the attestation of {} by {} is already revoked",
				s.work_name(),
				s.signer_name()
			),
		},
		("Rights", "NotMember") => format!("{} is not an active member", s.signer_name()),
		("Rights", "DisputeAlreadyOpen") => format!(
			"{} already has an open dispute about {}; one at a time",
			s.signer_name(),
			s.work_name()
		),
		("Rights", "TooManyOpenDisputes") => format!(
			"{} has as many open disputes as the chain allows; an arbiter must resolve one first",
			s.work_name()
		),
		("Rights", "UnknownDispute") => s.no_such("dispute", s.dispute),
		("Rights", "NotArbiter") => format!(
			"{} is not an active arbiter; only arbiters resolve disputes",
			s.signer_name()
		),
		("Rights", "DisputeClosed") => format!("{} is already resolved", s.dispute_name()),
		("Rights", "UnknownUnit") => s.no_such("unit", s.unit),
		("Rights", "UnitEnded") => format!(
			"{} was split or assigned and holds nothing now; the work's rights map lists its \
			 live units",
			s.unit_name()
		),
		("Rights", "NotHolder") => {
			format!("{} does not hold {}", s.signer_name(), s.unit_name())
		}
		("Rights", "SplitNotWithinUnit") => format!(
			"the part to split off is not within {}: it names rights, countries or days the \
			 unit does not cover",
			s.unit_name()
		),
		("Rights", "NothingToSplit") => format!(
			"the part to split off is the whole of {} or nothing of it; a split leaves two \
			 parts, neither empty",
			s.unit_name()
		),
		("Rights", "OutsideUnit") => format!(
			"the licence reaches beyond {}: its rights, territory and term must lie within the \
			 unit's",
			s.unit_name()
		),
		("Rights", "LicenseeNotMember") => format!(
			"{} is not an active member; licences go to members only",
			match &s.account {
				Some(account) => account.to_string(),
				None => "the licensee".into(),
			}
		),
		("Rights", "UnknownLicence") => s.no_such("licence", s.licence),
		("Rights", "NotGrantor") => format!(
			"{} was not among the holders who granted {}; only they may revoke it",
			s.signer_name(),
			s.licence_name()
		),
		("Rights", "LicenceExpired") => format!("{} has expired", s.licence_name()),
		("Rights", "AlreadyApproved") => format!(
			"{} has already approved this action on {}; it waits for the other holders to make \
			 the same call",
			s.signer_name(),
			s.unit_name()
		),
		("Rights", "NotApproved") => format!(
			"{} has no approval of this action on {} to withdraw",
			s.signer_name(),
			s.unit_name()
		),
		("Rights", "TooManyPendingActions") => format!(
			"{} has as many actions waiting for approvals as the chain allows; approve or \
			 withdraw one of them first",
			s.unit_name()
		),
		("Audit", "NotRegulator") => format!(
			"{} is not an active regulator; only regulators close alerts",
			s.signer_name()
		),
		("Audit", "UnknownAlert") => s.no_such("alert", s.alert),
		("Audit", "AlreadyClosed") => format!("{} is already closed", s.alert_name()),
		_ => return None,
	};
	Some(text)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn dispatch(pallet: &str, error: &str) -> Error {
		Error::Dispatch {
			pallet: pallet.into(),
			error: error.into(),
			docs: String::new(),
			block_hash: "0x00".into(),
		}
	}

	fn documented(pallet: &str, error: &str, docs: &str) -> Error {
		Error::Dispatch {
			pallet: pallet.into(),
			error: error.into(),
			docs: docs.into(),
			block_hash: "0x00".into(),
		}
	}

	#[test]
	fn pallet_errors_name_what_they_are_about() {
		let item = Subject::item(3, 7);
		assert_eq!(
			sentence(&dispatch("Collectibles", "UnknownItem"), &item),
			"collection 3 has no item 7"
		);
		assert!(sentence(&dispatch("Collectibles", "ItemFrozen"), &item)
			.starts_with("item 7 of collection 3 is frozen"));
		let bob = AccountId32([1; 32]);
		assert_eq!(
			sentence(
				&dispatch("Members", "NotMember"),
				&Subject::account(bob.clone())
			),
			format!("{bob} is not a member")
		);
	}

	#[test]
	fn unknown_errors_still_name_the_pallet_error() {
		assert_eq!(
			sentence(&dispatch("Rights", "Whatever"), &Subject::default()),
			"the call failed: Rights::Whatever"
		);
	}

	#[test]
	fn rights_and_audit_errors_name_their_work_unit_licence_or_alert() {
		assert_eq!(
			sentence(&dispatch("Rights", "UnknownWork"), &Subject::work(7)),
			"no work has number 7"
		);
		assert!(
			sentence(&dispatch("Rights", "NotHolder"), &Subject::unit(4))
				.ends_with("does not hold unit 4")
		);
		assert_eq!(
			sentence(&dispatch("Rights", "AlreadyRevoked"), &Subject::licence(2)),
			"licence 2 is already revoked"
		);
		assert_eq!(
			sentence(&dispatch("Audit", "AlreadyClosed"), &Subject::alert(9)),
			"alert 9 is already closed"
		);
	}

	/// The client's metadata is the runtime's (a runtime test keeps it so): every error any
	/// pallet of the chain can return reads as a sentence.
	#[test]
	fn every_error_in_the_chains_metadata_has_a_sentence() {
		use codec::Decode;
		let metadata = subxt::Metadata::decode(&mut &include_bytes!("../metadata.scale")[..])
			.expect("the chain's metadata decodes");
		let mut errors = 0;
		let mut silent = Vec::new();
		for pallet in metadata.pallets() {
			for variant in pallet.error_variants().unwrap_or_default() {
				errors += 1;
				let docs: Vec<&str> = variant.docs.iter().map(|line| line.trim()).collect();
				let sentence = dispatch_sentence(
					pallet.name(),
					&variant.name,
					&docs.join(" "),
					&Subject::default(),
				);
				if sentence.is_none_or(|text| text.trim().is_empty()) {
					silent.push(format!("{}::{}", pallet.name(), variant.name));
				}
			}
		}
		// The registry's six pallets alone declare more than a hundred errors.
		assert!(errors > 100, "only {errors} errors in the metadata");
		assert!(silent.is_empty(), "errors without a sentence: {silent:?}");
	}

	#[test]
	fn an_error_without_a_sentence_here_reads_as_its_doc_comment() {
		let docs = " The territory covers no country. ";
		assert_eq!(
			sentence(
				&documented("Rights", "EmptyTerritory", docs),
				&Subject::unit(4)
			),
			"the territory covers no country"
		);
		assert_eq!(
			sentence(&documented("X", "Y", "SS58 is wrong."), &Subject::default()),
			"SS58 is wrong"
		);
		// The table's sentence, which names the subject, wins over the doc comment.
		assert_eq!(
			sentence(
				&documented("Rights", "UnknownWork", "No such work."),
				&Subject::work(7)
			),
			"no work has number 7"
		);
	}

	#[test]
	fn refusals_name_the_signer() {
		let alice = AccountId32([2; 32]);
		let text = sentence(
			&Error::Rejected(Rejection::NotAMember),
			&Subject::default().signed_by(alice.clone()),
		);
		assert!(text.contains(&alice.to_string()), "{text}");
		assert!(text.contains("not a member"), "{text}");
	}
}
