//! # Collectibles
//!
//! Non-monetary digital collectibles (数字藏品): collections issued by cultural institutions,
//! and items bound to the SHA-256 fingerprint of their content.
//!
//! ## Overview
//!
//! A collectible here is a record of custody, never a financial asset. By construction this
//! pallet has no price, currency, bid, sale, swap or consideration of any kind: a transfer is a
//! gift, and each collection's [`TransferPolicy`] decides whether gifts are allowed at all,
//! after how long a holding period, and how often. Receivers must be active members, so every
//! holder is a real-name member of the consortium.
//!
//! Items live through [`ItemState`]: `Draft` (metadata may still be corrected, the item cannot
//! be given away), `Issued` and `Retired` (burned, with the record kept). Every metadata
//! change is a new version, and earlier versions stay readable. A content hash is registered
//! once on the whole chain, unless its collection was created for limited editions. A regulator may freeze and unfreeze any item, each
//! time with a reason code and an evidence hash.
//!
//! ## Interface
//!
//! For institutions:
//! - [`Pallet::create_collection`]: create a collection, optionally with co-issuers.
//! - [`Pallet::mint`], [`Pallet::mint_batch`]: mint items, a batch being all or nothing.
//! - [`Pallet::set_metadata`], [`Pallet::issue`]: correct metadata and fix it.
//!
//! For holders: [`Pallet::transfer`] (a gift) and [`Pallet::retire`].
//!
//! For regulators: [`Pallet::freeze`] and [`Pallet::unfreeze`].
//!
//! Every event names the account that authorized the change.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod queries;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
// A glob, because the runtime API macro adds a declaration module beside the trait.
pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// The largest `max_supply` of a collection: item numbers must fit in three bytes so that an
/// error can name the item that already holds a content hash.
pub const MAX_SUPPLY_CAP: u32 = (1 << 24) - 1;

/// An item number carried inside an error (three bytes, little-endian).
#[derive(
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	scale_info::TypeInfo,
	frame_support::PalletError,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct ItemRef(pub [u8; 3]);

impl ItemRef {
	/// The item number.
	pub fn item(&self) -> ItemId {
		u32::from_le_bytes([self.0[0], self.0[1], self.0[2], 0])
	}
}

impl From<ItemId> for ItemRef {
	fn from(item: ItemId) -> Self {
		let [a, b, c, _] = item.to_le_bytes();
		ItemRef([a, b, c])
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::features::MintEvents;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_core::H256;
	use registry_primitives::{AuditReporter, FingerprintRegistry, MemberRoles};

	/// A collection as stored.
	pub type CollectionOf<T> = Collection<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxIssuers,
		<T as Config>::MaxNameLength,
		<T as Config>::MaxDescriptionLength,
		<T as Config>::MaxUriLength,
	>;
	/// An item as stored.
	pub type ItemOf<T> = Item<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxCatalogueLength,
	>;
	/// A metadata reference with this runtime's bound.
	pub type MetadataOf<T> = MetadataRef<<T as Config>::MaxUriLength>;
	/// A mint request with this runtime's bounds.
	pub type MintRequestOf<T> = MintRequest<
		<T as frame_system::Config>::AccountId,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxCatalogueLength,
	>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// Who is a member, and in which roles.
		type Members: MemberRoles<Self::AccountId>;
		/// Where every change is reported for the audit log.
		type Audit: AuditReporter<Self::AccountId>;
		/// Where the fingerprints an item carries beside its SHA-256 (SM3, content code) are
		/// recorded and checked.
		type Fingerprints: FingerprintRegistry;
		/// Issuers of one collection, the creator included.
		#[pallet::constant]
		type MaxIssuers: Get<u32>;
		/// Bytes of a collection name.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;
		/// Bytes of a collection description.
		#[pallet::constant]
		type MaxDescriptionLength: Get<u32>;
		/// Bytes of a metadata URI.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;
		/// Bytes of a catalogue number.
		#[pallet::constant]
		type MaxCatalogueLength: Get<u32>;
		/// Items in one `mint_batch`.
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;
		/// Editions one content may be issued as in a limited-edition collection.
		#[pallet::constant]
		type MaxEditions: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The number the next collection gets.
	#[pallet::storage]
	pub type NextCollectionId<T: Config> = StorageValue<_, CollectionId, ValueQuery>;

	/// Collections by number.
	#[pallet::storage]
	pub type Collections<T: Config> =
		StorageMap<_, Blake2_128Concat, CollectionId, CollectionOf<T>, OptionQuery>;

	/// Items by collection and number.
	#[pallet::storage]
	pub type Items<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CollectionId,
		Blake2_128Concat,
		ItemId,
		ItemOf<T>,
		OptionQuery,
	>;

	/// Serial numbers taken in each collection, so that a serial is unique there.
	#[pallet::storage]
	pub type Serials<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CollectionId,
		Blake2_128Concat,
		u32,
		ItemId,
		OptionQuery,
	>;

	/// Items by content hash, so that a file's items can be found, and so that a content hash
	/// is registered once on the whole chain (editions of one content excepted).
	/// `Identity` for the hash: it is already a cryptographic digest, uniform and not chosen
	/// freely by the submitter.
	#[pallet::storage]
	pub type ItemsByContent<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Identity, H256>,
			NMapKey<Blake2_128Concat, CollectionId>,
			NMapKey<Blake2_128Concat, ItemId>,
		),
		(),
		OptionQuery,
	>;

	/// How many editions of a content a limited-edition collection has minted. Only contents
	/// of such collections have an entry: a collection of unique items writes nothing here.
	/// `Identity`: the key is a cryptographic digest.
	#[pallet::storage]
	pub type EditionsMinted<T: Config> = StorageMap<_, Identity, H256, u32, ValueQuery>;

	/// Items by holder, so that an account's items can be listed.
	#[pallet::storage]
	pub type ItemsByOwner<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, CollectionId>,
			NMapKey<Blake2_128Concat, ItemId>,
		),
		(),
		OptionQuery,
	>;

	/// Earlier metadata versions of issued items, by collection, item and version.
	#[pallet::storage]
	pub type MetadataHistory<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CollectionId>,
			NMapKey<Blake2_128Concat, ItemId>,
			NMapKey<Blake2_128Concat, u32>,
		),
		MetadataOf<T>,
		OptionQuery,
	>;

	/// Transfers of each item in its current window, for the policy's cap.
	#[pallet::storage]
	pub type TransferWindows<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CollectionId,
		Blake2_128Concat,
		ItemId,
		TransferWindow<BlockNumberFor<T>>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A collection was created.
		CollectionCreated {
			collection: CollectionId,
			issuers: alloc::vec::Vec<T::AccountId>,
			max_supply: u32,
			authorized_by: T::AccountId,
		},
		/// An item was minted to its first holder.
		ItemMinted {
			collection: CollectionId,
			item: ItemId,
			serial: u32,
			content: H256,
			owner: T::AccountId,
			authorized_by: T::AccountId,
		},
		/// A batch of items was minted: items `first_item` to `first_item + count - 1`, in the
		/// order of the batch's requests, whose serials, contents and holders the call and each
		/// item's audit record carry.
		BatchMinted {
			collection: CollectionId,
			first_item: ItemId,
			count: u32,
			authorized_by: T::AccountId,
		},
		/// An item's metadata changed; `version` is the new current version.
		MetadataUpdated {
			collection: CollectionId,
			item: ItemId,
			version: u32,
			sha256: H256,
			authorized_by: T::AccountId,
		},
		/// A draft item was issued: its metadata is now fixed.
		ItemIssued {
			collection: CollectionId,
			item: ItemId,
			authorized_by: T::AccountId,
		},
		/// An item was given to another member.
		Transferred {
			collection: CollectionId,
			item: ItemId,
			from: T::AccountId,
			to: T::AccountId,
			authorized_by: T::AccountId,
		},
		/// A regulator froze an item.
		ItemFrozen {
			collection: CollectionId,
			item: ItemId,
			reason: u16,
			evidence: H256,
			authorized_by: T::AccountId,
		},
		/// A regulator unfroze an item.
		ItemUnfrozen {
			collection: CollectionId,
			item: ItemId,
			reason: u16,
			evidence: H256,
			authorized_by: T::AccountId,
		},
		/// An item was retired; its record stays.
		ItemRetired {
			collection: CollectionId,
			item: ItemId,
			reason: u16,
			authorized_by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not an active institution.
		NotInstitution,
		/// A co-issuer is not an active institution; every issuer must be one.
		CoIssuerNotInstitution,
		/// An issuer is named twice (the signer is always the first issuer).
		DuplicateIssuer,
		/// The signer and the co-issuers are more issuers than the chain allows.
		TooManyIssuers,
		/// The caller is not an issuer of this collection.
		NotIssuer,
		/// The caller is not an active regulator.
		NotRegulator,
		/// The caller does not hold this item.
		NotOwner,
		/// The caller may not retire this item: only its holder or an issuer may.
		NotOwnerOrIssuer,
		/// No collection has this number.
		UnknownCollection,
		/// The collection has no item with this number.
		UnknownItem,
		/// The maximum supply must be from 1 to 16777215.
		InvalidMaxSupply,
		/// A cap on transfers per window needs a window of at least one block.
		InvalidPolicy,
		/// Minting would exceed the collection's maximum supply.
		SupplyExceeded,
		/// There is nothing to mint.
		EmptyBatch,
		/// Another item of the collection has this serial number.
		DuplicateSerial,
		/// The item of this number (in this or another collection; `registry find` names
		/// both) already holds this content hash, which is registered once on the chain.
		ContentAlreadyMinted { item: ItemRef },
		/// Every edition of this content the collection declared has been minted.
		EditionsExhausted,
		/// A collection issues each content from 1 to 1000 times (its editions).
		InvalidEditions,
		/// A draft cannot be given away: issue it first.
		DraftNotTransferable,
		/// The collection's items are not transferable.
		NotTransferable,
		/// The holding period has not ended yet.
		HoldingPeriod,
		/// The item reached its cap of transfers in the current window.
		TransferCapReached,
		/// The receiver is not an active member.
		ReceiverNotMember,
		/// The item would go to its own holder.
		SelfTransfer,
		/// The item is frozen.
		ItemFrozen,
		/// The item is not frozen.
		NotFrozen,
		/// The item is retired.
		ItemRetired,
		/// The item is not a draft.
		NotDraft,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a collection.
		///
		/// The origin is an active institution, which becomes the first issuer.
		///
		/// - `name`, `description`: shown to people.
		/// - `metadata`: the collection's metadata document and its SHA-256.
		/// - `max_supply`: items can never exceed it; at most [`MAX_SUPPLY_CAP`].
		/// - `editions`: 1 for unique items; N for limited editions, where one content may be
		///   minted as up to N items numbered 1 to N. Declared once, here.
		/// - `policy`: the rules every transfer passes.
		/// - `co_issuers`: other institutions issuing with the caller.
		/// - `custodian`: the member holding the physical original, if any.
		///
		/// Emits [`Event::CollectionCreated`]. Weight: [`WeightInfo::create_collection`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_collection(co_issuers.len() as u32))]
		pub fn create_collection(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLength>,
			description: BoundedVec<u8, T::MaxDescriptionLength>,
			metadata: MetadataOf<T>,
			max_supply: u32,
			editions: u32,
			policy: TransferPolicy<BlockNumberFor<T>>,
			co_issuers: BoundedVec<T::AccountId, T::MaxIssuers>,
			custodian: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_collection(
				who,
				name,
				description,
				metadata,
				max_supply,
				editions,
				policy,
				co_issuers,
				custodian,
			)
		}

		/// Mint one item.
		///
		/// The origin is an issuer of the collection, still an active institution.
		///
		/// - `collection`: where to mint.
		/// - `request`: content hash, metadata, serial, creator, catalogue number, first holder,
		///   and the content's SM3 digest and ISCC content code where the issuer computed them
		///   (an SM3 digest is unique like the SHA-256).
		/// - `draft`: mint as a draft whose metadata may still be corrected in place.
		///
		/// Emits [`Event::ItemMinted`]. Weight: [`WeightInfo::mint`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::mint().saturating_add(
			T::Fingerprints::calls_weight(core::iter::once(&request.fingerprints))
		))]
		pub fn mint(
			origin: OriginFor<T>,
			collection: CollectionId,
			request: MintRequestOf<T>,
			draft: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mint(
				who,
				collection,
				alloc::vec![request],
				draft,
				MintEvents::EachItem,
			)
		}

		/// Mint a batch of items: all of them, or none if any fails.
		///
		/// The origin is as for [`Pallet::mint`].
		///
		/// - `collection`: where to mint.
		/// - `requests`: up to `MaxBatchSize` items.
		/// - `draft`: mint them as drafts.
		///
		/// Emits one [`Event::BatchMinted`] for the batch. Weight: [`WeightInfo::mint_batch`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::mint_batch(requests.len() as u32).saturating_add(
			T::Fingerprints::calls_weight(requests.iter().map(|r| &r.fingerprints))
		))]
		pub fn mint_batch(
			origin: OriginFor<T>,
			collection: CollectionId,
			requests: BoundedVec<MintRequestOf<T>, T::MaxBatchSize>,
			draft: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!requests.is_empty(), Error::<T>::EmptyBatch);
			Self::do_mint(
				who,
				collection,
				requests.into_inner(),
				draft,
				MintEvents::OneForBatch,
			)
		}

		/// Set an item's metadata as a new version; every earlier version stays readable,
		/// a draft's as well as an issued item's.
		///
		/// The origin is an issuer of the collection.
		///
		/// - `collection`, `item`: the item.
		/// - `metadata`: the new metadata document and its SHA-256.
		///
		/// Emits [`Event::MetadataUpdated`]. Weight: [`WeightInfo::set_metadata`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_metadata())]
		pub fn set_metadata(
			origin: OriginFor<T>,
			collection: CollectionId,
			item: ItemId,
			metadata: MetadataOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_metadata(who, collection, item, metadata)
		}

		/// Issue a draft item: its metadata is fixed from now on.
		///
		/// The origin is an issuer of the collection.
		///
		/// Emits [`Event::ItemIssued`]. Weight: [`WeightInfo::issue`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::issue())]
		pub fn issue(
			origin: OriginFor<T>,
			collection: CollectionId,
			item: ItemId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue(who, collection, item)
		}

		/// Give an item to another active member, as the collection's policy allows. Drafts
		/// cannot be given away.
		///
		/// The origin is the item's holder. There is no price: this is a gift.
		///
		/// - `collection`, `item`: the item.
		/// - `to`: the receiver, an active member.
		///
		/// Emits [`Event::Transferred`]. Weight: [`WeightInfo::transfer`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::transfer().saturating_add(T::Audit::transfer_alerts_weight()))]
		pub fn transfer(
			origin: OriginFor<T>,
			collection: CollectionId,
			item: ItemId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, collection, item, to)
		}

		/// Freeze an item: nothing may happen to it until it is unfrozen.
		///
		/// The origin is an active regulator.
		///
		/// - `reason`: a reason code agreed with the regulators.
		/// - `evidence`: SHA-256 of the evidence, kept off chain.
		///
		/// Emits [`Event::ItemFrozen`]. Weight: [`WeightInfo::freeze`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(
			origin: OriginFor<T>,
			collection: CollectionId,
			item: ItemId,
			reason: u16,
			evidence: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_freeze(who, collection, item, reason, evidence)
		}

		/// Unfreeze an item.
		///
		/// The origin is an active regulator.
		///
		/// - `reason`: a reason code agreed with the regulators.
		/// - `evidence`: SHA-256 of the evidence, kept off chain.
		///
		/// Emits [`Event::ItemUnfrozen`]. Weight: [`WeightInfo::unfreeze`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(
			origin: OriginFor<T>,
			collection: CollectionId,
			item: ItemId,
			reason: u16,
			evidence: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unfreeze(who, collection, item, reason, evidence)
		}

		/// Retire (burn) an item. Its record and history stay on chain.
		///
		/// The origin is the item's holder or an issuer of its collection.
		///
		/// - `reason`: a reason code agreed by the consortium.
		///
		/// Emits [`Event::ItemRetired`]. Weight: [`WeightInfo::retire`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::retire())]
		pub fn retire(
			origin: OriginFor<T>,
			collection: CollectionId,
			item: ItemId,
			reason: u16,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_retire(who, collection, item, reason)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
