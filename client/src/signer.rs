//! An ed25519 signer on `ed25519-dalek`, compatible with Substrate's key derivation.

use ed25519_dalek::{Signer as _, SigningKey};
use subxt::{
	transactions::Signer,
	utils::{AccountId32, MultiSignature},
};
use zeroize::Zeroizing;

use crate::{config::RegistryConfig, Error};

/// The public development mnemonic behind `//Alice`, `//Bob` and the other development keys.
pub const DEV_PHRASE: &str =
	"bottom drive obey lake curtain smoke basket hold race lonely fit walk";

/// An ed25519 key that signs registry transactions.
#[derive(Clone)]
pub struct Ed25519Signer {
	key: SigningKey,
}

impl std::fmt::Debug for Ed25519Signer {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		// Never print the secret.
		write!(f, "Ed25519Signer({})", self.account_id())
	}
}

impl Ed25519Signer {
	/// A signer from a 32-byte secret seed.
	pub fn from_seed(seed: [u8; 32]) -> Self {
		Self {
			key: SigningKey::from_bytes(&seed),
		}
	}

	/// A new random key.
	pub fn generate() -> Result<Self, Error> {
		let mut seed = Zeroizing::new([0u8; 32]);
		getrandom::getrandom(seed.as_mut())
			.map_err(|e| Error::Key(format!("the system's random source failed: {e}")))?;
		Ok(Self::from_seed(*seed))
	}

	/// A signer from a secret URI, as Substrate's `subkey` reads them:
	/// - `0x` and 64 hex digits: the secret seed itself;
	/// - a BIP-39 mnemonic, optionally followed by hard junctions (`//name`) and a password
	///   (`///password`);
	/// - junctions alone, such as `//Alice`, derive from the public development mnemonic.
	///
	/// Soft junctions (`/name`) do not exist for ed25519 and are refused.
	pub fn from_uri(uri: &str) -> Result<Self, Error> {
		let uri = uri.trim();
		let (rest, password) = match uri.split_once("///") {
			Some((rest, password)) => (rest, Some(password)),
			None => (uri, None),
		};
		let (phrase, path) = match rest.find("//") {
			Some(start) => (&rest[..start], &rest[start..]),
			None => (rest, ""),
		};
		let phrase = phrase.trim();
		let mut seed = Zeroizing::new(if let Some(hex_seed) = phrase.strip_prefix("0x") {
			let bytes = hex::decode(hex_seed)
				.map_err(|_| Error::Key("the secret seed is not valid hex".into()))?;
			bytes.try_into().map_err(|_| {
				Error::Key("a secret seed is 32 bytes: 0x followed by 64 hex digits".into())
			})?
		} else {
			let phrase = if phrase.is_empty() {
				DEV_PHRASE
			} else {
				phrase
			};
			seed_from_phrase(phrase, password.unwrap_or(""))?
		});
		for junction in path.split("//").filter(|j| !j.is_empty()) {
			if junction.contains('/') {
				return Err(Error::Key(format!(
					"`{junction}` holds a soft junction; ed25519 keys only derive with `//`"
				)));
			}
			*seed = derive_hard(&seed, junction);
		}
		Ok(Self::from_seed(*seed))
	}

	/// The account this key signs for: its public key.
	pub fn account_id(&self) -> AccountId32 {
		AccountId32(self.public_key())
	}

	/// The 32-byte public key.
	pub fn public_key(&self) -> [u8; 32] {
		self.key.verifying_key().to_bytes()
	}

	/// The 32-byte secret seed. Keep it secret.
	pub fn secret_seed(&self) -> [u8; 32] {
		self.key.to_bytes()
	}

	/// Signs a message.
	pub fn sign_bytes(&self, message: &[u8]) -> [u8; 64] {
		self.key.sign(message).to_bytes()
	}
}

impl Signer<RegistryConfig> for Ed25519Signer {
	fn account_id(&self) -> AccountId32 {
		Ed25519Signer::account_id(self)
	}

	fn sign(&self, signer_payload: &[u8]) -> MultiSignature {
		MultiSignature::Ed25519(self.sign_bytes(signer_payload))
	}
}

/// The ed25519 secret seed of a mnemonic: the first half of its BIP-39 seed computed from
/// the mnemonic's entropy, as Substrate does.
fn seed_from_phrase(phrase: &str, password: &str) -> Result<[u8; 32], Error> {
	let mnemonic = bip39::Mnemonic::parse_in(bip39::Language::English, phrase)
		.map_err(|e| Error::Key(format!("not a valid secret phrase or seed: {e}")))?;
	let big_seed = substrate_bip39::seed_from_entropy(&mnemonic.to_entropy(), password)
		.map_err(|_| Error::Key("the secret phrase has an invalid length".into()))?;
	let mut seed = [0u8; 32];
	seed.copy_from_slice(&big_seed[..32]);
	Ok(seed)
}

/// Substrate's hard derivation for ed25519: Blake2-256 over the SCALE encoding of
/// `("Ed25519HDKD", seed, chain_code)`.
fn derive_hard(seed: &[u8; 32], junction: &str) -> [u8; 32] {
	use codec::Encode;
	("Ed25519HDKD", seed, chain_code(junction)).using_encoded(sp_crypto_hashing::blake2_256)
}

/// A junction's 32-byte chain code: a number is its little-endian `u64`, anything else its
/// SCALE-encoded string; either is zero-padded, or hashed when longer than 32 bytes.
fn chain_code(junction: &str) -> [u8; 32] {
	use codec::Encode;
	let encoded = match junction.parse::<u64>() {
		Ok(n) => n.encode(),
		Err(_) => junction.encode(),
	};
	if encoded.len() > 32 {
		return sp_crypto_hashing::blake2_256(&encoded);
	}
	let mut code = [0u8; 32];
	code[..encoded.len()].copy_from_slice(&encoded);
	code
}

#[cfg(test)]
mod tests {
	use super::*;

	// Public keys printed by `subkey inspect --scheme ed25519` for the development keys.
	const ALICE_ED25519: &str = "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee";
	const BOB_ED25519: &str = "d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69";

	#[test]
	fn dev_accounts_match_substrate() {
		assert_eq!(
			hex::encode(Ed25519Signer::from_uri("//Alice").unwrap().public_key()),
			ALICE_ED25519
		);
		assert_eq!(
			hex::encode(Ed25519Signer::from_uri("//Bob").unwrap().public_key()),
			BOB_ED25519
		);
		let explicit = Ed25519Signer::from_uri(&format!("{DEV_PHRASE}//Alice")).unwrap();
		assert_eq!(hex::encode(explicit.public_key()), ALICE_ED25519);
	}

	#[test]
	fn hex_seed_round_trips() {
		let signer = Ed25519Signer::generate().unwrap();
		let uri = format!("0x{}", hex::encode(signer.secret_seed()));
		assert_eq!(
			Ed25519Signer::from_uri(&uri).unwrap().public_key(),
			signer.public_key()
		);
	}

	#[test]
	fn signatures_verify() {
		use ed25519_dalek::{Signature, Verifier, VerifyingKey};
		let signer = Ed25519Signer::from_uri("//Alice").unwrap();
		let signature = signer.sign_bytes(b"registry");
		let key = VerifyingKey::from_bytes(&signer.public_key()).unwrap();
		assert!(key
			.verify(b"registry", &Signature::from_bytes(&signature))
			.is_ok());
	}

	#[test]
	fn bad_uris_are_refused_with_a_reason() {
		for (uri, hint) in [
			("0x1234", "32 bytes"),
			("0xzz", "hex"),
			("not a real phrase at all", "secret phrase"),
			("//Alice/soft", "soft junction"),
		] {
			let error = Ed25519Signer::from_uri(uri).unwrap_err().to_string();
			assert!(error.contains(hint), "{uri}: {error}");
		}
	}
}
