//! The verifier page in a real browser: headless Chromium against `registry web` and a dev
//! node. A registered file shows its item, work, rights and history; an unknown file says so;
//! a certificate verifies in the browser and a tampered one is refused with the failed check
//! named; views have addresses of their own; the page speaks Chinese; and with the node
//! stopped it says so and still verifies certificates. Screenshots of the main views are
//! kept in `<target>/release/web-screenshots/`.

use std::path::{Path, PathBuf};

use registry_client::Ed25519Signer;
use registry_tests::{
	browser::{Browser, WebServer},
	cli::{account_of, run as registry, sha256_hex, words, Run},
	node_binary, NodeConfig,
};
use serde_json::{json, Value};

fn signed(node: &str, key: &str, line: &str) -> Run {
	let mut args = words(line);
	args.extend(["--node", node, "--key-uri", key, "--output", "json"].map(String::from));
	registry(&args)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
	let path = dir.join(name);
	std::fs::write(&path, bytes).unwrap();
	path
}

fn screenshots() -> PathBuf {
	node_binary()
		.parent()
		.expect("the binary's directory")
		.join("web-screenshots")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_verifier_page_finds_files_verifies_certificates_and_survives_a_stopped_node() {
	let mut node = NodeConfig::dev().start();
	let url = node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let meta = format!("0x{}", sha256_hex(b"metadata"));
	let alice = account_of("//Alice");
	let bob = account_of("//Bob");

	// A print minted by Alice's museum; a poem registered by Bob and attested by
	// Alice; a file nobody registered.
	let print = write(
		dir.path(),
		"print.tif",
		b"a scan of the print, in lieu of pixels",
	);
	let poem = write(
		dir.path(),
		"poem.txt",
		b"River at dusk: the poem, as first written",
	);
	// Three and a bit of the page's 4 MiB chunks.
	let unknown_bytes: Vec<u8> = (0..12 * 1024 * 1024 + 3).map(|n| (n % 253) as u8).collect();
	let unknown = write(dir.path(), "unknown.bin", &unknown_bytes);
	signed(
		&url,
		"//Alice",
		&format!(
			"collection create --name Prints --metadata-uri u --metadata-sha256 {meta} \
			 --max-supply 10"
		),
	)
	.ok();
	signed(
		&url,
		"//Alice",
		&format!(
			"item mint --collection 0 --serial 1 --file {} --metadata-uri u \
			 --metadata-sha256 {meta}",
			print.display()
		),
	)
	.ok();
	signed(
		&url,
		"//Bob",
		&format!(
			"work register --file {} --title Dusk --metadata-uri u --metadata-sha256 {meta}",
			poem.display()
		),
	)
	.ok();
	signed(
		&url,
		"//Alice",
		&format!("work attest 0 --claim-file {}", poem.display()),
	)
	.ok();
	let made = registry(&words(&format!(
		"certificate {} --node {url} --output json",
		poem.display()
	)))
	.ok()
	.json();
	let certificate = PathBuf::from(made["certificate"].as_str().unwrap());
	let mut tampered: Value =
		serde_json::from_str(&std::fs::read_to_string(&certificate).unwrap()).unwrap();
	tampered["work"]["title"] = json!("Dawn");
	let tampered = write(
		dir.path(),
		"tampered.cert.json",
		tampered.to_string().as_bytes(),
	);
	let not_json = write(dir.path(), "notes.cert.json", b"this is not a certificate");
	let mut elsewhere: Value =
		serde_json::from_str(&std::fs::read_to_string(&certificate).unwrap()).unwrap();
	elsewhere["chain"] = json!("Another Registry");
	elsewhere["genesisHash"] = json!(format!("0x{}", "ab".repeat(32)));
	let elsewhere = write(
		dir.path(),
		"elsewhere.cert.json",
		elsewhere.to_string().as_bytes(),
	);

	let web = WebServer::start(&url);
	let browser = Browser::start(1200, 1000).await;
	let shots = screenshots();

	// The page loads with the node's status line, and says how long it took.
	browser.goto(&web.url("")).await;
	browser
		.text_when("#node", |text| text.contains("Registry Development"))
		.await;
	let load = browser
		.run(
			"const n = performance.getEntriesByType('navigation')[0]; \
			 const bytes = performance.getEntriesByType('resource') \
			   .reduce((sum, r) => sum + r.decodedBodySize, n.decodedBodySize); \
			 return { ms: n.loadEventEnd - n.startTime, bytes };",
			vec![],
		)
		.await;
	println!(
		"verifier page: loaded in {:.0} ms, {} KiB",
		load["ms"].as_f64().unwrap(),
		load["bytes"].as_u64().unwrap() / 1024
	);
	browser.screenshot(&shots, "home.png").await;

	// A registered file: its item with holder, issuer, creator, state and history.
	browser.choose_file("#file-input", &print).await;
	let item = browser
		.text_when("section.item[data-item='0:0']", |text| {
			text.contains(&alice)
		})
		.await;
	assert!(item.contains("issued"), "{item}");
	assert!(item.contains("Prints"), "the collection's name: {item}");
	assert!(item.contains(&sha256_hex(b"a scan of the print, in lieu of pixels")));
	let history = browser
		.text_when("section.history", |t| t.contains("minted"))
		.await;
	assert!(history.contains("block"), "{history}");
	assert!(
		browser
			.run("return location.hash", vec![])
			.await
			.as_str()
			.unwrap()
			.starts_with("#/content/0x"),
		"the view has an address"
	);
	let shot = browser.screenshot(&shots, "file-registered.png").await;
	println!("screenshot: {}", shot.display());

	// The poem: its work, authors, attestation, rights map and history.
	browser.goto(&web.url("")).await;
	browser.choose_file("#file-input", &poem).await;
	let work = browser
		.text_when("section.work[data-work='0']", |text| text.contains("Dusk"))
		.await;
	assert!(work.contains(&bob), "the author: {work}");
	let attestations = browser
		.text_when("ul.attestations", |t| t.contains(&alice))
		.await;
	assert!(attestations.contains("block"), "{attestations}");
	let rights = browser
		.text_when("section.rights", |t| t.contains("Unit 0"))
		.await;
	assert!(
		rights.contains("worldwide") && rights.contains(&bob),
		"{rights}"
	);
	browser
		.text_when("section.history", |t| t.contains("work registered"))
		.await;
	browser.screenshot(&shots, "work.png").await;

	// An unknown file says so plainly, with its fingerprints.
	browser.goto(&web.url("")).await;
	browser.choose_file("#file-input", &unknown).await;
	let said = browser
		.text_when("#unknown", |t| t.contains("Nothing is registered"))
		.await;
	assert!(
		said.contains(&sha256_hex(&unknown_bytes)),
		"hashed in chunks: {said}"
	);
	assert!(said.contains("SM3"), "{said}");

	// A certificate verifies in the browser against the node's validators.
	browser.goto(&web.url("")).await;
	browser.choose_file("#cert-file", &poem).await;
	browser.choose_file("#cert-input", &certificate).await;
	let verdict = browser
		.text_when("#certificate", |t| t.contains("verif"))
		.await;
	assert!(verdict.contains("The certificate verifies"), "{verdict}");
	assert!(verdict.contains("current validators"), "pinned: {verdict}");
	for check in [
		"format",
		"file",
		"block",
		"authorities",
		"finality",
		"storage",
		"summary",
	] {
		browser
			.element(&format!("ul.checks li.passed[data-check='{check}']"))
			.await;
	}
	let shot = browser.screenshot(&shots, "certificate-verified.png").await;
	println!("screenshot: {}", shot.display());

	// A tampered one is refused, the failing check named, the later ones not reached.
	browser.goto(&web.url("")).await;
	browser.choose_file("#cert-input", &tampered).await;
	let refused = browser
		.text_when("#certificate[data-verified='false']", |t| {
			t.contains("Dawn")
		})
		.await;
	assert!(refused.contains("does not verify"), "{refused}");
	browser
		.element("ul.checks li.failed[data-check='summary']")
		.await;
	browser
		.element("ul.checks li.passed[data-check='storage']")
		.await;
	browser.screenshot(&shots, "certificate-refused.png").await;

	// Not JSON at all: a sentence, not a stack trace.
	browser.goto(&web.url("")).await;
	browser.choose_file("#cert-input", &not_json).await;
	let refused = browser
		.text_when("#certificate", |t| t.contains("not JSON"))
		.await;
	assert!(refused.contains("not a certificate"), "{refused}");
	browser
		.element("ul.checks li.failed[data-check='format']")
		.await;

	// A certificate labelled with another chain: the labels are not signed, so it is said.
	browser.goto(&web.url("")).await;
	browser.choose_file("#cert-input", &elsewhere).await;
	let warned = browser
		.text_when("#certificate", |t| t.contains("Another Registry"))
		.await;
	assert!(
		warned.contains("not the chain of the node this page talks to"),
		"{warned}"
	);

	// Views have addresses; search finds items, works and accounts.
	browser.goto(&web.url("#/item/0/0")).await;
	browser
		.text_when("section.item[data-item='0:0']", |t| t.contains(&alice))
		.await;
	let search = browser.element("#q").await;
	search.send_keys("0").await.unwrap();
	browser
		.element("#search button")
		.await
		.click()
		.await
		.unwrap();
	browser
		.text_when("section.work[data-work='0']", |t| t.contains("Dusk"))
		.await;
	browser.goto(&web.url(&format!("#/account/{bob}"))).await;
	browser
		.text_when("section.history", |t| t.contains("work registered"))
		.await;
	browser.goto(&web.url("#/item/0/9")).await;
	let missing = browser.text_when("main .error", |t| !t.is_empty()).await;
	assert!(
		missing.contains("collection 0 has no item 9"),
		"the node's sentence: {missing}"
	);

	// Chinese, and back.
	browser.goto(&web.url("#/item/0/0")).await;
	browser.element("section.item").await;
	browser.element("#lang").await.click().await.unwrap();
	browser
		.text_when("section.item h2", |t| t.contains("藏品"))
		.await;
	browser.screenshot(&shots, "item-zh.png").await;
	browser.element("#lang").await.click().await.unwrap();
	browser
		.text_when("section.item h2", |t| t.contains("Item"))
		.await;

	// On a phone's screen, nothing is wider than the screen.
	browser.client.set_window_size(390, 844).await.unwrap();
	browser.goto(&web.url("#/work/0")).await;
	browser.element("section.rights").await;
	let overflow = browser
		.run(
			"return document.documentElement.scrollWidth - document.documentElement.clientWidth",
			vec![],
		)
		.await;
	browser.screenshot(&shots, "work-phone.png").await;
	assert!(
		overflow.as_i64().unwrap() <= 0,
		"the page scrolls sideways by {overflow} px"
	);
	browser.client.set_window_size(1200, 1000).await.unwrap();

	// The relay passes read methods only.
	let refused = browser
		.run(
			"return fetch('rpc', { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', \
			 id: 1, method: 'author_submitExtrinsic', params: ['0x00'] }) }) \
			 .then((r) => r.json())",
			vec![],
		)
		.await;
	assert_eq!(refused["error"]["code"], -32601, "{refused}");

	// The node stops: the page says so, and certificates still verify against given keys.
	node.kill();
	browser.goto(&web.url("#/collection/0")).await;
	let down = browser
		.text_when("#node", |t| t.contains("not reachable"))
		.await;
	assert!(down.contains(&url), "names the node: {down}");
	browser
		.text_when("main .error", |t| {
			t.contains("Certificates can still be verified")
		})
		.await;
	browser.screenshot(&shots, "node-down.png").await;
	browser.goto(&web.url("")).await;
	browser
		.element("input[name=trust][value=keys]")
		.await
		.click()
		.await
		.unwrap();
	let alice_grandpa = hex::encode(Ed25519Signer::from_uri("//Alice").unwrap().public_key());
	browser
		.element("#trusted-keys")
		.await
		.send_keys(&format!("0x{alice_grandpa}"))
		.await
		.unwrap();
	browser.choose_file("#cert-input", &certificate).await;
	let verdict = browser
		.text_when("#certificate", |t| t.contains("verif"))
		.await;
	assert!(verdict.contains("The certificate verifies"), "{verdict}");
	assert!(verdict.contains("the keys you gave"), "{verdict}");

	browser.close().await;
}
