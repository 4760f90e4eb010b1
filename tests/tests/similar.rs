//! Near-duplicates end to end: an image and a text are registered by file with their SM3
//! digests and content codes; a resized, re-encoded copy of the image and a lightly edited copy
//! of the text are stopped with a warning naming the original, until `--allow-similar`; the
//! node's index answers `registry_findSimilar`, and is rebuilt from the chain after a restart.

use std::path::Path;

use image::{imageops::FilterType, ImageFormat, Rgb, RgbImage};
use registry_client::{fingerprint, RegistryApiClient, RegistryClient};
use registry_tests::{
	cli::{self, account_of, minted, sha256_hex, words, Run},
	NodeConfig,
};
use serde_json::Value;

fn registry(line: &str) -> Run {
	cli::run(&words(line))
}

fn signed(node: &str, key: &str, line: &str) -> Run {
	registry(&format!(
		"{line} --node {node} --key-uri {key} --output json"
	))
}

/// A picture with gradients, bands and a disc: structure an image code can see.
fn picture() -> RgbImage {
	RgbImage::from_fn(480, 320, |x, y| {
		let (fx, fy) = (x as f32 / 480.0, y as f32 / 320.0);
		let disc = (fx - 0.62).powi(2) + (fy - 0.45).powi(2) < 0.04;
		let band = (y / 40) % 2 == 0 && x < 200;
		if disc {
			Rgb([230, 190, 40])
		} else if band {
			Rgb([20, 40, (fx * 200.0) as u8])
		} else {
			Rgb([(fx * 255.0) as u8, (fy * 180.0) as u8, 120])
		}
	})
}

/// A few hundred words of text, the same for the same seed.
fn prose(seed: u64, words: usize) -> String {
	const VOCABULARY: [&str; 24] = [
		"river", "mountain", "lantern", "willow", "autumn", "silk", "moon", "harbour", "pine",
		"crane", "mist", "bamboo", "stone", "garden", "bell", "cloud", "plum", "snow", "path",
		"temple", "wind", "boat", "reed", "evening",
	];
	let mut state = seed;
	let mut text = String::new();
	for n in 0..words {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		text.push_str(VOCABULARY[(state % 24) as usize]);
		text.push(if n % 12 == 11 { '\n' } else { ' ' });
	}
	text
}

fn path(dir: &Path, name: &str) -> String {
	dir.join(name).display().to_string()
}

#[test]
fn a_near_copy_is_stopped_with_the_original_named_until_allowed() {
	let mut node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let meta = "0x".to_string() + &sha256_hex(b"metadata");
	let alice = account_of("//Alice");
	let bob = account_of("//Bob");
	let by_alice = |line: &str| signed(&url, "//Alice", line);

	// The original as PNG; a copy at a third of the size, as JPEG; another at half, as PNG.
	let original = picture();
	original
		.save_with_format(dir.path().join("original.png"), ImageFormat::Png)
		.unwrap();
	image::imageops::resize(&original, 160, 107, FilterType::Triangle)
		.save_with_format(dir.path().join("copy.jpg"), ImageFormat::Jpeg)
		.unwrap();
	image::imageops::resize(&original, 240, 160, FilterType::Lanczos3)
		.save_with_format(dir.path().join("copy.png"), ImageFormat::Png)
		.unwrap();
	let (original_png, copy_jpg) = (
		path(dir.path(), "original.png"),
		path(dir.path(), "copy.jpg"),
	);

	by_alice(&format!(
		"collection create --name Prints --metadata-uri u --metadata-sha256 {meta} --max-supply 10"
	))
	.ok();
	let mint = |serial: u32, file: &str, extra: &str| {
		by_alice(&format!(
			"item mint --collection 0 --serial {serial} --file {file} --metadata-uri u \
			 --metadata-sha256 {meta}{extra}"
		))
	};
	let minted_original = mint(1, &original_png, "").ok().json();
	let code = minted_original["content_code"]
		.as_str()
		.unwrap()
		.to_string();
	assert!(code.starts_with("ISCC:EE"), "an Image-Code: {code}");
	let digests = fingerprint::digests_file(dir.path().join("original.png")).unwrap();
	let sm3 = format!("0x{}", hex::encode(digests.sm3));
	assert_eq!(minted_original["content_sm3"], sm3.as_str());
	let shown = by_alice("item show 0 0").ok().json();
	assert_eq!(
		(
			shown["content_sm3"].as_str(),
			shown["content_code"].as_str()
		),
		(Some(sm3.as_str()), Some(code.as_str()))
	);

	// The copy is stopped before anything is submitted, naming the original and its holder.
	let stopped = mint(2, &copy_jpg, "").failed();
	assert_eq!(stopped.kind(), "similar");
	let warning = stopped.error();
	assert!(
		warning.contains(&format!(
			"item 0 of collection 0, held by {alice}, minted at block"
		)),
		"{warning}"
	);
	assert!(warning.contains("--allow-similar"), "{warning}");
	assert_eq!(block_on(minted(&url, 0)), 1);

	// `registry find` shows the same, exact and similar matches apart.
	let found = by_alice(&format!("find {copy_jpg}")).ok().json();
	assert_eq!(found["items"], Value::Array(vec![]));
	let similar = &found["similar"][0];
	assert_eq!(similar["collectibles"][0]["item"], 0);
	let distance = similar["distance"].as_u64().unwrap();
	assert!(distance <= 8, "{found}");
	let exact = by_alice(&format!("find {original_png}")).ok().json();
	assert_eq!(exact["items"][0]["item"], 0);
	assert_eq!(exact["similar"], Value::Array(vec![]));
	let by_sm3 = by_alice(&format!("find sm3:{sm3}")).ok().json();
	assert_eq!(by_sm3["items"][0]["item"], 0);

	// Allowed, it is registered, and the output still says what it is like.
	let allowed = mint(2, &copy_jpg, " --allow-similar").ok().json();
	assert_eq!(allowed["item"], 1);
	assert!(
		allowed["similar"][0]
			.as_str()
			.unwrap()
			.contains("item 0 of collection 0"),
		"{allowed}"
	);

	// A file with no content code is registered by its digests, with a sentence saying so.
	std::fs::write(dir.path().join("scan.raw"), [0u8, 159, 146, 150, 1, 2, 3]).unwrap();
	let raw = mint(3, &path(dir.path(), "scan.raw"), "").ok();
	assert_eq!(raw.json()["content_code"], Value::Null);
	assert!(raw.stderr.contains("no content code"), "{}", raw.stderr);

	// A text and a lightly edited copy: three words of 300 changed.
	let poem = prose(7, 300);
	let mut edited: Vec<&str> = poem.split(' ').collect();
	for at in [40, 140, 240] {
		edited[at] = "lotus";
	}
	std::fs::write(dir.path().join("poem.txt"), &poem).unwrap();
	std::fs::write(dir.path().join("edited.txt"), edited.join(" ")).unwrap();
	let register = |key: &str, file: &str, title: &str| {
		signed(
			&url,
			key,
			&format!(
				"work register --file {} --title {title} --metadata-uri u --metadata-sha256 {meta}",
				path(dir.path(), file)
			),
		)
	};
	let poem_work = register("//Bob", "poem.txt", "Spring").ok().json();
	assert!(poem_work["content_code"]
		.as_str()
		.unwrap()
		.starts_with("ISCC:EA"));
	let stopped = register("//Alice", "edited.txt", "Spring2").failed();
	assert_eq!(stopped.kind(), "similar");
	assert!(
		stopped
			.error()
			.contains(&format!("work 0 \"Spring\", registered by {bob} at block")),
		"{}",
		stopped.error()
	);

	// An import lists its similar rows and submits nothing, then registers them when allowed.
	std::fs::write(
		dir.path().join("prints.csv"),
		format!("serial,file,metadata_uri,metadata_sha256\n10,copy.png,u,{meta}\n"),
	)
	.unwrap();
	let import = format!("import {} --collection 0", path(dir.path(), "prints.csv"));
	let stopped = by_alice(&import).failed();
	assert_eq!(stopped.kind(), "similar");
	assert!(
		stopped
			.error()
			.contains("row 1 (line 2): like item 0 of collection 0"),
		"{}",
		stopped.error()
	);
	assert_eq!(block_on(minted(&url, 0)), 3);
	by_alice(&format!("{import} --allow-similar")).ok();
	let report = std::fs::read_to_string(dir.path().join("prints.report.csv")).unwrap();
	let row = report.lines().nth(1).unwrap();
	assert!(row.contains(",item 3,"), "{row}");
	assert!(row.contains("item 0:0 ("), "{row}");

	// The index is rebuilt from the chain when the node starts again.
	node.restart();
	let answer = block_on(async {
		let client = RegistryClient::connect(&url).await.unwrap();
		// The node answers while it reads the chain's codes; it says how many it holds.
		let mut found = None;
		for _ in 0..60 {
			let answer = client
				.node()
				.find_similar(code.clone(), Some(8), None)
				.await
				.unwrap();
			if answer.indexed_codes >= 4 {
				found = Some(answer);
				break;
			}
			tokio::time::sleep(std::time::Duration::from_millis(500)).await;
		}
		let found = found.expect("the index holds every code within 30 s");
		let item = client.node().get_item(0, 0).await.unwrap();
		let wrong_length = client
			.node()
			.find_similar(
				iscc_lib::gen_text_code_v0(&poem, 128).unwrap().iscc,
				None,
				None,
			)
			.await
			.unwrap_err()
			.to_string();
		let too_far = client
			.node()
			.find_similar(code.clone(), Some(17), None)
			.await
			.unwrap_err()
			.to_string();
		(found, item, wrong_length, too_far)
	});
	let (found, item, wrong_length, too_far) = answer;
	assert!(found.indexed_codes >= 4, "{found:?}");
	let contents: Vec<&str> = found
		.matches
		.iter()
		.map(|m| m.content_sha256.as_str())
		.collect();
	assert_eq!(
		contents[0],
		format!("0x{}", hex::encode(digests.sha256)),
		"the original first, at distance 0: {found:?}"
	);
	assert!(
		contents.len() >= 3,
		"the original and both copies: {found:?}"
	);
	assert_eq!(item.content_sm3.as_deref(), Some(sm3.as_str()));
	assert_eq!(item.content_code.as_deref(), Some(code.as_str()));
	assert!(wrong_length.contains("64-bit"), "{wrong_length}");
	assert!(too_far.contains("maxDistance"), "{too_far}");
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
	tokio::runtime::Builder::new_current_thread()
		.enable_all()
		.build()
		.unwrap()
		.block_on(future)
}
