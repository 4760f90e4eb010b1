//! The client's ISCC content codes against the reference implementation, `iscc-core` (Python,
//! from PyPI), over the `iscc-samples` media set and generated inputs.
//!
//! Texts and pixels must give the same code bit for bit. Whole image files are decoded and
//! resampled by different libraries on each side (`image` here, Pillow there), so their codes
//! may differ by a few bits: the test allows `IMAGE_TOLERANCE`. Audio and video are out of
//! reach: their features come from external decoders (ffmpeg, Chromaprint) that cannot be
//! installed here. Text formats other than plain text and Markdown need an extractor (Apache
//! Tika in the reference SDK) and are left out for the same reason.

use std::{
	path::{Path, PathBuf},
	process::{Command, Stdio},
};

use registry_client::fingerprint::{self, ContentKind};
use serde_json::{json, Value};

/// Bits of 64 in which a whole image file's code may differ from the reference's.
const IMAGE_TOLERANCE: u32 = 6;

/// A Python environment with the reference and its samples, made once under the target
/// directory; `None` (and the reason) when PyPI cannot be reached.
fn reference_python() -> Result<PathBuf, String> {
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| {
			registry_tests::node_binary()
				.parent()
				.and_then(Path::parent)
				.expect("the node lives in <target>/release")
				.to_path_buf()
		});
	let venv = target.join("iscc-reference");
	let python = venv.join("bin/python");
	let ready = |python: &Path| {
		Command::new(python)
			.args(["-c", "import iscc_core, iscc_samples, PIL"])
			.stderr(Stdio::null())
			.status()
			.is_ok_and(|status| status.success())
	};
	if ready(&python) {
		return Ok(python);
	}
	let run = |program: &Path, args: &[&str]| -> Result<(), String> {
		let output = Command::new(program)
			.args(args)
			.output()
			.map_err(|e| format!("{} cannot run: {e}", program.display()))?;
		if output.status.success() {
			Ok(())
		} else {
			Err(String::from_utf8_lossy(&output.stderr).into_owned())
		}
	};
	run(
		Path::new("python3"),
		&["-m", "venv", &venv.display().to_string()],
	)?;
	run(
		&python,
		&[
			"-m",
			"pip",
			"install",
			"--quiet",
			"iscc-core==1.1.0",
			"iscc-samples==0.6.0",
			"pillow",
		],
	)?;
	Ok(python)
}

fn ask(python: &Path, request: &Value) -> Value {
	use std::io::Write;
	let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/iscc_reference.py");
	let mut child = Command::new(python)
		.arg(script)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.spawn()
		.expect("the reference runs");
	child
		.stdin
		.take()
		.unwrap()
		.write_all(request.to_string().as_bytes())
		.unwrap();
	let output = child.wait_with_output().unwrap();
	assert!(output.status.success(), "the reference failed");
	serde_json::from_slice(&output.stdout).expect("the reference answers JSON")
}

fn strings(value: &Value) -> Vec<Option<String>> {
	value
		.as_array()
		.expect("a list")
		.iter()
		.map(|v| v.as_str().map(str::to_owned))
		.collect()
}

#[test]
fn content_codes_match_the_iscc_reference() {
	let python = match reference_python() {
		Ok(python) => python,
		Err(why) => {
			eprintln!("skipped: the ISCC reference could not be installed from PyPI: {why}");
			return;
		}
	};
	let samples =
		ask(&python, &json!({ "texts": [], "pixels": [], "images": [] }))["samples"].clone();
	let sample_texts: Vec<PathBuf> = strings(&samples["texts"])
		.into_iter()
		.flatten()
		.map(PathBuf::from)
		.filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
		.collect();
	let sample_images: Vec<PathBuf> = strings(&samples["images"])
		.into_iter()
		.flatten()
		.map(PathBuf::from)
		.collect();
	assert!(
		!sample_texts.is_empty() && sample_images.len() >= 5,
		"{samples}"
	);

	// Texts: the samples, and generated ones with Unicode, spacing and control characters.
	let mut texts: Vec<String> = sample_texts
		.iter()
		.map(|path| std::fs::read_to_string(path).expect("a UTF-8 sample"))
		.collect();
	let mut seed = 0x2545_F491_4F6C_DD1Du64;
	let mut next = move || {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		seed
	};
	const WORDS: [&str; 12] = [
		"museum",
		"Café",
		"版权",
		"登记",
		"  ",
		"\n\n",
		"ÅNGSTRÖM",
		"naïve",
		"\t",
		"数字藏品",
		"IX.",
		"-",
	];
	while texts.len() < sample_texts.len() + 40 {
		let len = 1 + next() % 200;
		let text = (0..len)
			.map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
			.collect::<Vec<_>>()
			.join(" ");
		// Spaces and punctuation alone have no words, and the client gives them no code.
		if text.chars().any(char::is_alphanumeric) {
			texts.push(text);
		}
	}
	// Pixels: what each sample image decodes to here, and generated ones.
	let mut pixels: Vec<Vec<u8>> = Vec::new();
	let mut decoded_images = Vec::new();
	for path in &sample_images {
		match fingerprint::image_pixels(path) {
			Ok(p) => {
				pixels.push(p);
				decoded_images.push(path.clone());
			}
			Err(why) => eprintln!("{}: not decoded here: {why}", path.display()),
		}
	}
	for _ in 0..40 {
		pixels.push((0..1024).map(|_| (next() % 256) as u8).collect());
	}
	pixels.push(vec![0; 1024]);
	pixels.push(vec![255; 1024]);

	let reference = ask(
		&python,
		&json!({ "texts": texts, "pixels": pixels, "images": decoded_images }),
	);

	for (text, expected) in texts.iter().zip(strings(&reference["texts"])) {
		let ours = fingerprint::text_code(text).unwrap();
		assert_eq!(
			Some(ours.iscc),
			expected,
			"text {:?}",
			&text[..text.len().min(60)]
		);
	}
	for (pixels, expected) in pixels.iter().zip(strings(&reference["pixels"])) {
		let ours = fingerprint::image_code(pixels).unwrap();
		assert_eq!(Some(ours.iscc), expected, "pixels {:?}..", &pixels[..8]);
	}
	let mut distances = Vec::new();
	for (path, expected) in decoded_images.iter().zip(strings(&reference["images"])) {
		let Some(expected) = expected else {
			eprintln!("{}: the reference does not read it", path.display());
			continue;
		};
		let ours = fingerprint::content_code_file(path).unwrap();
		assert_eq!(ours.kind, ContentKind::Image);
		let theirs = fingerprint::ContentCode::parse(&expected).unwrap();
		let distance = ours.distance(&theirs).unwrap();
		assert!(
			distance <= IMAGE_TOLERANCE,
			"{}: {} here, {} by the reference: {distance} bits apart",
			path.display(),
			ours.iscc,
			theirs.iscc
		);
		distances.push(format!(
			"{} {distance}",
			path.file_name().unwrap().to_string_lossy()
		));
	}
	println!(
		"ISCC conformance: {} texts and {} pixel sets bit for bit; whole images within \
		 {IMAGE_TOLERANCE} bits: {}",
		texts.len(),
		pixels.len(),
		distances.join(", ")
	);
}
