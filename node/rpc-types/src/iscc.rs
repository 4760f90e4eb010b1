//! The canonical text of a 64-bit ISCC Content-Code (ISO 24138:2024): `ISCC:` and the base32
//! (RFC 4648, no padding) of a two-byte header and the code's eight bytes. The header's four
//! nibbles are the main type (2, Content), the subtype (the kind: 0 text, 1 image, 2 audio,
//! 3 video, 4 mixed), the version (0) and the length (1: 64 bits).

use data_encoding::BASE32_NOPAD;

/// The main type of a Content-Code.
const MAIN_TYPE_CONTENT: u8 = 2;
/// The length nibble of a 64-bit code: (64 / 32) - 1.
const LENGTH_64_BITS: u8 = 1;
/// The kinds' names, by subtype.
pub const KINDS: [&str; 5] = ["text", "image", "audio", "video", "mixed"];

/// The canonical text of the code `bits` of kind `kind`.
pub fn encode(kind: u8, bits: u64) -> String {
	let mut bytes = Vec::with_capacity(10);
	bytes.push(MAIN_TYPE_CONTENT << 4 | (kind & 0x0f));
	bytes.push(LENGTH_64_BITS);
	bytes.extend_from_slice(&bits.to_be_bytes());
	format!("ISCC:{}", BASE32_NOPAD.encode(&bytes))
}

/// The kind and bits of a 64-bit Content-Code's canonical text (the `ISCC:` prefix may be
/// left out; letters in either case), or a sentence saying why it is not one.
pub fn decode(text: &str) -> Result<(u8, u64), String> {
	let trimmed = text.trim();
	let body = trimmed
		.strip_prefix("ISCC:")
		.or_else(|| trimmed.strip_prefix("iscc:"))
		.unwrap_or(trimmed)
		.to_ascii_uppercase();
	let bytes = BASE32_NOPAD
		.decode(body.as_bytes())
		.map_err(|_| format!("{text:?} is not an ISCC code: expected ISCC: and base32 letters"))?;
	let [header, length, code @ ..] = bytes.as_slice() else {
		return Err(format!("{text:?} is too short to be an ISCC code"));
	};
	if header >> 4 != MAIN_TYPE_CONTENT {
		return Err(format!(
			"{text:?} is an ISCC code, but not a Content-Code (main type {})",
			header >> 4
		));
	}
	let kind = header & 0x0f;
	if usize::from(kind) >= KINDS.len() {
		return Err(format!(
			"{text:?} has an unknown Content-Code subtype {kind}"
		));
	}
	// The version nibble, then the length nibble.
	if length >> 4 != 0 {
		return Err(format!(
			"{text:?} is of an unknown ISCC version {}",
			length >> 4
		));
	}
	let bits: [u8; 8] = code.try_into().map_err(|_| {
		format!(
			"{text:?} has {} bits; the registry keeps 64-bit content codes",
			code.len() * 8
		)
	})?;
	if length & 0x0f != LENGTH_64_BITS {
		return Err(format!(
			"{text:?} declares {} bits; the registry keeps 64-bit content codes",
			(u32::from(length & 0x0f) + 1) * 32
		));
	}
	Ok((kind, u64::from_be_bytes(bits)))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn codes_read_back_as_written() {
		// The ISCC reference's Text-Code of "Hello World".
		let hello = "ISCC:EAASKDNZNYGUUF5A";
		let (kind, bits) = decode(hello).expect("a Text-Code");
		assert_eq!((kind, encode(kind, bits)), (0, hello.to_owned()));
		for (kind, bits) in [(0u8, 0x1234_5678_9abc_def0u64), (1, u64::MAX), (4, 0)] {
			let text = encode(kind, bits);
			assert_eq!(decode(&text), Ok((kind, bits)));
			assert_eq!(decode(&text.to_lowercase()), Ok((kind, bits)));
		}
		assert!(encode(0, 0).starts_with("ISCC:EAA"));
		assert!(encode(1, 0).starts_with("ISCC:EEA"));
	}

	#[test]
	fn other_codes_are_refused_with_a_reason() {
		let longer = format!(
			"ISCC:{}",
			BASE32_NOPAD
				.encode(&[0x21, 0x03, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])
		);
		assert!(decode(&longer).unwrap_err().contains("128 bits"));
		let meta = format!(
			"ISCC:{}",
			BASE32_NOPAD.encode(&[0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8])
		);
		assert!(decode(&meta).unwrap_err().contains("not a Content-Code"));
		assert!(decode("ISCC:!!").unwrap_err().contains("base32"));
		assert!(decode("").unwrap_err().contains("too short"));
	}
}
