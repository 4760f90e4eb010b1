//! The node's Prometheus exporter on a development chain: the registry's own numbers beside
//! the SDK's, scraped after real activity and checked against what the chain itself answers.

use std::{
	io::{Read, Write},
	net::TcpStream,
	time::{Duration, Instant},
};

use registry_client::{
	collectibles::{Fingerprints, MetadataRef, MintRequest},
	AuditRpcClient, Ed25519Signer, Error, RegistryClient, Rejection, H256,
};
use registry_tests::{create_collection, free_port, runtime, settle, tx, NodeConfig};

/// Items the test mints.
const MINTED: u32 = 3;

fn request(serial: u32, museum: &Ed25519Signer) -> MintRequest {
	MintRequest {
		content: H256::repeat_byte(0x40 + serial as u8),
		metadata: MetadataRef {
			uri: format!("https://museum.example/metrics/{serial}.json").into_bytes(),
			sha256: H256::repeat_byte(1),
		},
		serial,
		creator: museum.account_id(),
		catalogue_number: None,
		owner: museum.account_id(),
		fingerprints: Fingerprints::NONE,
	}
}

/// The exporter's text, fetched with a plain HTTP/1.1 GET.
fn scrape(port: u16) -> String {
	let mut stream =
		TcpStream::connect(("127.0.0.1", port)).expect("the node's Prometheus port answers");
	stream
		.set_read_timeout(Some(Duration::from_secs(30)))
		.expect("a read timeout");
	stream
		.write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
		.expect("the request is sent");
	let mut answer = String::new();
	stream
		.read_to_string(&mut answer)
		.expect("the exporter answers in text");
	let (head, body) = answer
		.split_once("\r\n\r\n")
		.expect("headers, then the body");
	assert!(head.starts_with("HTTP/1.1 200"), "{head}");
	body.to_string()
}

/// The value of the series `name` whose labels include all of `labels`, from Prometheus's
/// text format; `None` if there is none.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
	text.lines()
		.filter(|line| !line.starts_with('#'))
		.find_map(|line| {
			let (series, value) = line.rsplit_once(' ')?;
			let (series_name, series_labels) = match series.split_once('{') {
				Some((series_name, rest)) => (series_name, rest.strip_suffix('}')?),
				None => (series, ""),
			};
			let matches = series_name == name
				&& labels.iter().all(|(key, wanted)| {
					let pair = format!("{key}=\"{wanted}\"");
					series_labels.split(',').any(|label| label == pair)
				});
			if matches {
				value.parse().ok()
			} else {
				None
			}
		})
}

/// The value of gauge `name`, which must be exported.
fn gauge(text: &str, name: &str) -> u64 {
	sample(text, name, &[]).unwrap_or_else(|| panic!("{name} is not exported:\n{text}")) as u64
}

/// Scrapes until the registry's gauges were read at finalized block `block` or a later one.
async fn scrape_from(port: u16, block: u64) -> String {
	let deadline = Instant::now() + Duration::from_secs(60);
	loop {
		let text = scrape(port);
		if sample(&text, "registry_metrics_block", &[]).is_some_and(|at| at as u64 >= block) {
			return text;
		}
		assert!(
			Instant::now() < deadline,
			"the registry's gauges stayed below block {block}:\n{text}"
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn prometheus_shows_what_the_registry_holds_and_what_the_pool_refused() {
	let port = free_port();
	let node = NodeConfig::dev().prometheus(port).start();
	let client = RegistryClient::connect(&node.ws_url()).await.unwrap();
	let museum = Ed25519Signer::from_uri("//Alice").unwrap();

	// A collection with a few items.
	let collection = create_collection(&client, &museum, "Instruments", 10).await;
	let requests = (0..MINTED).map(|serial| request(serial, &museum)).collect();
	client
		.submit(
			&tx().collectibles().mint_batch(collection, requests, false),
			&museum,
		)
		.await
		.expect("the items are minted");

	// A stranger's transaction, which the pool refuses.
	let stranger = Ed25519Signer::generate().unwrap();
	let refused = client
		.sign(
			&tx().system().remark_with_event(b"let me in".to_vec()),
			&stranger,
		)
		.await
		.unwrap();
	match client.submit_without_waiting(&refused).await {
		Err(Error::Rejected(Rejection::NotAMember)) => {}
		other => panic!("expected a NotAMember rejection, got {other:?}"),
	}
	settle(&client).await;

	// What the chain answers at its finalized head, which no transaction changes any more.
	let collections = client
		.fetch(runtime::storage().collectibles().next_collection_id(), ())
		.await
		.unwrap()
		.unwrap_or(0);
	let mut items = 0;
	for number in 0..collections {
		items += client
			.collection(number)
			.await
			.unwrap()
			.map_or(0, |collection| u64::from(collection.minted));
	}
	assert!(
		items >= u64::from(MINTED),
		"the chain counts the items just minted: {items}"
	);
	let works = client
		.fetch(runtime::storage().rights().next_work_id(), ())
		.await
		.unwrap()
		.unwrap_or(0);
	let units = client
		.fetch(runtime::storage().rights().next_unit_id(), ())
		.await
		.unwrap()
		.unwrap_or(0);
	let licences = client
		.fetch(runtime::storage().rights().next_licence_id(), ())
		.await
		.unwrap()
		.unwrap_or(0);
	let open_alerts = client
		.fetch(runtime::storage().audit().open_alert_count(), ())
		.await
		.unwrap()
		.unwrap_or(0);
	let audit = client.node().audit_head().await.unwrap();
	assert!(audit.next_seq > 0, "creating and minting are audited");
	// Read after the audit head: the block that answered it, or a later one.
	let (finalized, _) = client.finalized_head().await.unwrap();

	let text = scrape_from(port, finalized).await;
	assert_eq!(gauge(&text, "registry_items"), items);
	assert_eq!(gauge(&text, "registry_collections"), u64::from(collections));
	assert_eq!(gauge(&text, "registry_works"), works);
	assert_eq!(gauge(&text, "registry_rights_units"), units);
	assert_eq!(gauge(&text, "registry_licences"), licences);
	assert_eq!(gauge(&text, "registry_open_alerts"), open_alerts);
	assert_eq!(gauge(&text, "registry_audit_records"), audit.next_seq);

	// The refusal, under the chain's reason; the chain's other reasons are exported at 0.
	let not_a_member = sample(
		&text,
		"registry_pool_refusals_total",
		&[("reason", "not_a_member")],
	);
	assert!(
		not_a_member.is_some_and(|count| count >= 1.0),
		"the stranger's refusal is counted: {not_a_member:?}\n{text}"
	);
	for reason in ["suspended", "rate_limited", "too_many_pending"] {
		assert_eq!(
			sample(&text, "registry_pool_refusals_total", &[("reason", reason)]),
			Some(0.0),
			"{reason} is exported before any such refusal"
		);
	}

	// The SDK's per-method RPC latency, beside the registry's numbers.
	let audit_head_calls = sample(
		&text,
		"substrate_rpc_calls_time_count",
		&[("method", "audit_head")],
	);
	assert!(
		audit_head_calls.is_some_and(|calls| calls >= 1.0),
		"the audit_head call is timed: {audit_head_calls:?}"
	);
	// Every series the Grafana dashboard in the repository plots is one the node exports.
	let dashboard =
		std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/grafana/registry-node.json");
	let dashboard: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(&dashboard).unwrap()).unwrap();
	let names = dashboard_metrics(&dashboard);
	assert!(names.len() >= 10, "the dashboard plots {names:?}");
	for name in names {
		assert!(
			text.lines()
				.any(|line| line.starts_with(&format!("{name}{{"))
					|| line.starts_with(&format!("{name} "))),
			"the dashboard plots {name}, which the node does not export"
		);
	}
}

/// The metric names the dashboard's queries name: words of `registry_` or `substrate_`
/// and more (a method pattern such as `registry_.*` is not one).
fn dashboard_metrics(dashboard: &serde_json::Value) -> std::collections::BTreeSet<String> {
	let mut names = std::collections::BTreeSet::new();
	for panel in dashboard["panels"].as_array().expect("panels") {
		for target in panel["targets"].as_array().into_iter().flatten() {
			let expr = target["expr"].as_str().unwrap_or_default();
			for word in expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
				let named = ["registry_", "substrate_"]
					.iter()
					.any(|prefix| word.starts_with(prefix) && word.len() > prefix.len());
				if named {
					names.insert(word.to_string());
				}
			}
		}
	}
	names
}
