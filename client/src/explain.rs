//! Errors as sentences a person can act on, naming the collection, item or account involved.
//!
//! [`Error`]'s own messages name the pallet error (`Collectibles::ItemFrozen`); [`sentence`]
//! says what it means for the thing the caller was acting on, and what to do about it.

use subxt::utils::AccountId32;

use crate::{
	collectibles::{CollectionId, ItemId},
	Error, Rejection,
};

/// What a call was about, for the sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
	/// The signing account.
	pub signer: Option<AccountId32>,
	pub collection: Option<CollectionId>,
	pub item: Option<ItemId>,
	/// The other account: the receiver of a gift, the member admitted or suspended.
	pub account: Option<AccountId32>,
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

	/// The same, signed by `signer`.
	pub fn signed_by(mut self, signer: AccountId32) -> Self {
		self.signer = Some(signer);
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
}

/// The error in a sentence about `subject`.
pub fn sentence(error: &Error, subject: &Subject) -> String {
	match error {
		Error::Dispatch { pallet, error, .. } => dispatch_sentence(pallet, error, subject)
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

/// The sentence for a pallet error, if it is one this client knows.
pub fn dispatch_sentence(pallet: &str, error: &str, s: &Subject) -> Option<String> {
	let text = match (pallet, error) {
		("Collectibles", "NotInstitution") => format!(
			"{} is not an active institution; only institutions create collections and mint",
			s.signer_name()
		),
		("Collectibles", "CoIssuerNotInstitution") => {
			"a co-issuer is not an active institution; every issuer must be one".into()
		}
		("Collectibles", "DuplicateIssuer") => {
			"an issuer is named twice (the signer is always the first issuer)".into()
		}
		("Collectibles", "TooManyIssuers") => {
			"the signer and the co-issuers are more issuers than the chain allows".into()
		}
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
		("Collectibles", "InvalidMaxSupply") => {
			format!("the maximum supply must be from 1 to {}", (1u32 << 24) - 1)
		}
		("Collectibles", "InvalidPolicy") => {
			"a cap on transfers per window needs a window of at least one block".into()
		}
		("Collectibles", "SupplyExceeded") => format!(
			"{} has reached its maximum supply; no more items fit",
			s.collection_name()
		),
		("Collectibles", "EmptyBatch") => "there is nothing to mint".into(),
		("Collectibles", "DuplicateSerial") => format!(
			"{} already has an item with this serial number",
			s.collection_name()
		),
		("Collectibles", "ContentAlreadyMinted") => format!(
			"{} already holds an item with this content; `registry find` shows which",
			s.collection_name()
		),
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
		("Members", "ConsortiumOnly") => {
			"only the consortium, by a council decision, grants or takes away the registrar and \
			 regulator roles and acts on members holding them"
				.into()
		}
		("Members", "AlreadyMember") => format!("{} is already a member", s.account_name()),
		("Members", "NotMember") => format!("{} is not a member", s.account_name()),
		("Members", "NoRoles") => "a member needs at least one role".into(),
		("Members", "AlreadySuspended") => {
			format!("{} is already suspended", s.account_name())
		}
		("Members", "NotSuspended") => format!("{} is not suspended", s.account_name()),
		("Members", "LastRegistrar") => format!(
			"{} is the last active registrar; admit another registrar first",
			s.account_name()
		),
		("Members", "StillReferenced") => format!(
			"{} is still referenced by other records and cannot be removed; suspend it instead",
			s.account_name()
		),
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
