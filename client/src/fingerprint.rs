//! Content fingerprints. Digests (SHA-256, and SM3 of GB/T 32905-2016 beside it) are computed
//! by streaming, so files of any size fit in memory. The ISCC Content-Code (ISO 24138:2024) of
//! an image or a text is a similarity-preserving code: copies re-encoded, resized or lightly
//! edited land a few bits away from their original.

use std::{fs::File, io::Read, path::Path};

use sha2::{Digest, Sha256};
use sm3::Sm3;

use crate::{
	collectibles::{ChainContentCode, ChainContentKind, Fingerprints},
	Error,
};

/// Read size: large enough to keep the hasher busy, small enough to stay in cache.
const CHUNK: usize = 1 << 20;

/// Bits of a content code's body: the ISCC's default, and what the chain stores.
pub const CONTENT_CODE_BITS: u32 = 64;

/// Largest text file read for a content code: beyond it, a file is not a text a person wrote.
const MAX_TEXT_BYTES: u64 = 64 << 20;

/// Feeds everything `reader` yields to `update`, a chunk at a time.
fn stream(mut reader: impl Read, mut update: impl FnMut(&[u8])) -> std::io::Result<()> {
	let mut buffer = vec![0u8; CHUNK];
	loop {
		match reader.read(&mut buffer) {
			Ok(0) => return Ok(()),
			Ok(n) => update(&buffer[..n]),
			Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
			Err(e) => return Err(e),
		}
	}
}

fn open(path: &Path) -> Result<File, Error> {
	File::open(path).map_err(|source| io_error(path, source))
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
	Error::Io {
		path: path.display().to_string(),
		source,
	}
}

/// The SHA-256 of everything `reader` yields.
pub fn sha256_reader(reader: impl Read) -> std::io::Result<[u8; 32]> {
	let mut hasher = Sha256::new();
	stream(reader, |chunk| hasher.update(chunk))?;
	Ok(hasher.finalize().into())
}

/// The SHA-256 content fingerprint of a file.
pub fn sha256_file(path: impl AsRef<Path>) -> Result<[u8; 32], Error> {
	let path = path.as_ref();
	sha256_reader(open(path)?).map_err(|source| io_error(path, source))
}

/// Both digests of one content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digests {
	pub sha256: [u8; 32],
	pub sm3: [u8; 32],
}

/// SHA-256 and SM3 of everything `reader` yields, in one pass.
pub fn digests_reader(reader: impl Read) -> std::io::Result<Digests> {
	let (mut sha256, mut sm3) = (Sha256::new(), Sm3::new());
	stream(reader, |chunk| {
		sha256.update(chunk);
		sm3.update(chunk);
	})?;
	Ok(Digests {
		sha256: sha256.finalize().into(),
		sm3: sm3.finalize().into(),
	})
}

/// SHA-256 and SM3 of a file.
pub fn digests_file(path: impl AsRef<Path>) -> Result<Digests, Error> {
	let path = path.as_ref();
	digests_reader(open(path)?).map_err(|source| io_error(path, source))
}

/// What a content code was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentKind {
	Text,
	Image,
}

impl ContentKind {
	pub fn name(self) -> &'static str {
		match self {
			ContentKind::Text => "text",
			ContentKind::Image => "image",
		}
	}
}

/// An ISCC Content-Code of 64 bits: its kind, its canonical form (`ISCC:E...`) and its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentCode {
	pub kind: ContentKind,
	pub iscc: String,
	pub body: [u8; 8],
}

impl ContentCode {
	/// Reads a canonical ISCC Content-Code of a text or an image, of 64 bits.
	pub fn parse(iscc: &str) -> Result<Self, String> {
		use iscc_lib::codec::{MainType, SubType};
		let (main, sub, _version, _length, body) =
			iscc_lib::iscc_decode(iscc).map_err(|e| format!("{iscc} is not an ISCC: {e}"))?;
		if main != MainType::Content as u8 {
			return Err(format!("{iscc} is an ISCC, but not a Content-Code"));
		}
		let kind = match sub {
			s if s == SubType::None as u8 => ContentKind::Text,
			s if s == SubType::Image as u8 => ContentKind::Image,
			_ => {
				return Err(format!(
					"{iscc} is the Content-Code of neither a text nor an image"
				))
			}
		};
		let body: [u8; 8] = body.try_into().map_err(|body: Vec<u8>| {
			format!(
				"{iscc} has {} bits; the registry keeps {CONTENT_CODE_BITS}-bit codes",
				body.len() * 8
			)
		})?;
		Ok(Self {
			kind,
			iscc: iscc.to_owned(),
			body,
		})
	}

	/// Bits in which two codes of the same kind differ; codes of different kinds are not
	/// comparable.
	pub fn distance(&self, other: &ContentCode) -> Option<u32> {
		(self.kind == other.kind)
			.then(|| (u64::from_be_bytes(self.body) ^ u64::from_be_bytes(other.body)).count_ones())
	}
}

impl ContentCode {
	/// The code as the chain stores it.
	pub fn to_chain(&self) -> ChainContentCode {
		ChainContentCode {
			kind: match self.kind {
				ContentKind::Text => ChainContentKind::Text,
				ContentKind::Image => ChainContentKind::Image,
			},
			bits: self.body.to_vec(),
		}
	}
}

/// What the registry records of a file: both digests and its content code, or the sentence
/// saying why it has none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFingerprints {
	pub digests: Digests,
	pub content_code: Result<ContentCode, String>,
}

impl FileFingerprints {
	/// The fingerprints a registration of the file carries beside its SHA-256.
	pub fn to_chain(&self) -> Fingerprints {
		Fingerprints {
			sm3: Some(subxt::utils::H256(self.digests.sm3)),
			content_code: self.content_code.as_ref().ok().map(ContentCode::to_chain),
		}
	}
}

/// Both digests and the content code of a file. Only a file that cannot be read is an error;
/// a file with no content code (not an image nor a text, or a corrupt image) has the reason.
pub fn file_fingerprints(path: impl AsRef<Path>) -> Result<FileFingerprints, Error> {
	let path = path.as_ref();
	let digests = digests_file(path)?;
	Ok(FileFingerprints {
		digests,
		content_code: content_code_file(path),
	})
}

/// The Text-Code of `text`; none for a text without a word, whose code would say nothing.
pub fn text_code(text: &str) -> Result<ContentCode, String> {
	if iscc_lib::text_collapse(text).is_empty() {
		return Err("no content code: the text has no words".into());
	}
	let code = iscc_lib::gen_text_code_v0(text, CONTENT_CODE_BITS).map_err(|e| e.to_string())?;
	ContentCode::parse(&code.iscc)
}

/// The Image-Code of 32 × 32 grey pixels, row by row.
pub fn image_code(pixels: &[u8]) -> Result<ContentCode, String> {
	let code = iscc_lib::gen_image_code_v0(pixels, CONTENT_CODE_BITS).map_err(|e| e.to_string())?;
	ContentCode::parse(&code.iscc)
}

/// An image brought to what its code is computed from, as the ISCC reference does: turned
/// upright by its orientation tag, transparency over white, grey by ITU-R 601 luma, then
/// 32 × 32 pixels by bicubic resampling.
pub fn image_pixels(path: &Path) -> Result<Vec<u8>, String> {
	use image::{imageops::FilterType, DynamicImage, GrayImage, ImageDecoder, ImageReader};
	let reader = ImageReader::open(path)
		.and_then(|reader| reader.with_guessed_format())
		.map_err(|e| e.to_string())?;
	if reader.format().is_none() {
		return Err("not an image format the registry reads".into());
	}
	let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
	let orientation = decoder.orientation().ok();
	let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
	if let Some(orientation) = orientation {
		picture.apply_orientation(orientation);
	}
	let rgba = picture.to_rgba8();
	let grey = GrayImage::from_fn(rgba.width(), rgba.height(), |x, y| {
		let [r, g, b, a] = rgba.get_pixel(x, y).0.map(u32::from);
		// Over white, then the luma Pillow's "L" conversion computes.
		let over_white = |c: u32| (c * a + 255 * (255 - a) + 127) / 255;
		let (r, g, b) = (over_white(r), over_white(g), over_white(b));
		image::Luma([((r * 19_595 + g * 38_470 + b * 7_471 + 0x8000) >> 16) as u8])
	});
	let small = image::imageops::resize(&grey, 32, 32, FilterType::CatmullRom);
	Ok(small.into_raw())
}

/// The content code of a file: an image's if it is one the registry decodes, else a text's if
/// it is UTF-8 text; otherwise a sentence saying why there is none.
pub fn content_code_file(path: impl AsRef<Path>) -> Result<ContentCode, String> {
	let path = path.as_ref();
	match image_pixels(path) {
		Ok(pixels) => return image_code(&pixels),
		Err(reason) if !reason.starts_with("not an image") => {
			return Err(format!(
				"no content code: the image cannot be decoded ({reason})"
			))
		}
		Err(_) => {}
	}
	let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
	if size > MAX_TEXT_BYTES {
		return Err("no content code: neither an image the registry reads nor a text".into());
	}
	let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
	match String::from_utf8(bytes) {
		Ok(text) if !text.contains('\0') => text_code(&text),
		_ => Err("no content code: neither an image the registry reads nor UTF-8 text".into()),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::io::Write;

	#[test]
	fn known_digests() {
		assert_eq!(
			hex::encode(sha256_reader(&b""[..]).unwrap()),
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		);
		assert_eq!(
			hex::encode(sha256_reader(&b"abc"[..]).unwrap()),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
	}

	#[test]
	fn a_file_larger_than_one_chunk_hashes_like_its_bytes() {
		let data: Vec<u8> = (0..(3 * CHUNK + 17))
			.map(|i| (i * 31 % 251) as u8)
			.collect();
		let mut file = tempfile::NamedTempFile::new().unwrap();
		file.write_all(&data).unwrap();
		let expected: [u8; 32] = Sha256::digest(&data).into();
		assert_eq!(sha256_file(file.path()).unwrap(), expected);
	}

	/// GB/T 32905-2016, appendix A: the two examples.
	#[test]
	fn sm3_gives_the_standards_examples() {
		let abc = digests_reader(&b"abc"[..]).unwrap();
		assert_eq!(
			hex::encode(abc.sm3),
			"66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
		);
		let sixteen = b"abcd".repeat(16);
		assert_eq!(
			hex::encode(digests_reader(&sixteen[..]).unwrap().sm3),
			"debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
		);
		assert_eq!(abc.sha256, sha256_reader(&b"abc"[..]).unwrap());
	}

	#[test]
	fn both_digests_of_a_file_larger_than_one_chunk_match_its_bytes() {
		let data: Vec<u8> = (0..(2 * CHUNK + 5)).map(|i| (i % 253) as u8).collect();
		let mut file = tempfile::NamedTempFile::new().unwrap();
		file.write_all(&data).unwrap();
		let digests = digests_file(file.path()).unwrap();
		assert_eq!(digests.sha256, <[u8; 32]>::from(Sha256::digest(&data)));
		assert_eq!(digests.sm3, <[u8; 32]>::from(Sm3::digest(&data)));
	}

	#[test]
	fn a_lightly_edited_text_is_near_its_original_and_another_text_is_far() {
		let original = "The Peony Pavilion, a play in fifty-five scenes, tells of Du Liniang, who \
			dreams of a young scholar in a garden, pines for him and dies; three years later the \
			scholar finds her portrait, and her ghost returns to him.";
		let edited = original
			.replace("fifty-five", "55")
			.replace("pines", "longs");
		let other = "A catalogue of ceramics from the Song dynasty: celadon bowls, Jun ware \
			dishes and Ding porcelain, with glaze, kiln and provenance for every piece.";
		let (a, b, c) = (
			text_code(original).unwrap(),
			text_code(&edited).unwrap(),
			text_code(other).unwrap(),
		);
		assert_eq!(a.kind, ContentKind::Text);
		assert!(a.iscc.starts_with("ISCC:"), "{}", a.iscc);
		let near = a.distance(&b).unwrap();
		let far = a.distance(&c).unwrap();
		assert!(near < far, "edited {near} bits away, another text {far}");
		assert!(near <= 16, "an edited text is {near} bits away");
	}

	#[test]
	fn a_resized_copy_of_an_image_is_near_its_original() {
		let dir = tempfile::tempdir().unwrap();
		// Gradients and a disc: what a photograph looks like at 32 × 32.
		let picture = image::RgbImage::from_fn(320, 240, |x, y| {
			let disc = (x as i32 - 110).pow(2) + (y as i32 - 130).pow(2) < 70 * 70;
			image::Rgb([
				(x * 255 / 320) as u8,
				(y * 255 / 240) as u8,
				if disc { 230 } else { 20 },
			])
		});
		let original = dir.path().join("original.png");
		picture.save(&original).unwrap();
		let smaller = dir.path().join("smaller.jpg");
		image::imageops::resize(&picture, 200, 150, image::imageops::FilterType::Triangle)
			.save(&smaller)
			.unwrap();
		let (a, b) = (
			content_code_file(&original).unwrap(),
			content_code_file(&smaller).unwrap(),
		);
		assert_eq!(a.kind, ContentKind::Image);
		assert!(a.distance(&b).unwrap() <= 8, "{} and {}", a.iscc, b.iscc);
		assert_eq!(a.distance(&text_code("words").unwrap()), None);
	}

	#[test]
	fn a_file_with_no_content_code_says_why() {
		let dir = tempfile::tempdir().unwrap();
		let binary = dir.path().join("scan.bin");
		std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
		let why = content_code_file(&binary).unwrap_err();
		assert!(why.contains("neither an image"), "{why}");
		let broken = dir.path().join("broken.png");
		std::fs::write(&broken, b"\x89PNG\r\n\x1a\n and then nothing").unwrap();
		let why = content_code_file(&broken).unwrap_err();
		assert!(why.contains("cannot be decoded"), "{why}");
	}

	#[test]
	fn a_code_of_another_length_or_type_is_refused() {
		let code = text_code("a short poem about the sea").unwrap();
		assert_eq!(ContentCode::parse(&code.iscc).unwrap(), code);
		let wide = iscc_lib::gen_text_code_v0("a short poem about the sea", 128).unwrap();
		assert!(ContentCode::parse(&wide.iscc)
			.unwrap_err()
			.contains("64-bit"));
		let data = iscc_lib::gen_data_code_v0(b"a short poem about the sea", 64).unwrap();
		assert!(ContentCode::parse(&data.iscc)
			.unwrap_err()
			.contains("not a Content-Code"));
		assert!(ContentCode::parse("ISCC:nonsense").is_err());
		assert!(text_code(" \n\t ").unwrap_err().contains("no words"));
	}

	#[test]
	fn a_missing_file_names_its_path() {
		let error = sha256_file("/nonexistent/registry-item.bin")
			.unwrap_err()
			.to_string();
		assert!(error.contains("/nonexistent/registry-item.bin"), "{error}");
	}
}
