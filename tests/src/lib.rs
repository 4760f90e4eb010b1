//! Starts real `registry-node` processes on loopback for end-to-end tests.
//!
//! Each node gets free ports and a temporary base path; it is killed when its [`Node`] is
//! dropped, and its log is printed if the test failed.

use std::{
	fs::File,
	io::{BufRead, BufReader, Read},
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::Mutex,
	time::{Duration, Instant},
};

use tempfile::TempDir;

pub mod cli;

/// The `registry-node` binary: `REGISTRY_NODE` if set, else the one built beside the tests.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("REGISTRY_NODE") {
		return PathBuf::from(path);
	}
	// Test executables live in `<target>/<profile>/deps/`; binaries, this crate's own among
	// them, in `<target>/<profile>/`.
	let exe = std::env::current_exe().expect("the test executable has a path");
	let dir = exe.parent().expect("an executable lives in a directory");
	let binary = [Some(dir), dir.parent()]
		.into_iter()
		.flatten()
		.map(|dir| dir.join("registry-node"))
		.find(|binary| binary.exists())
		.unwrap_or_else(|| dir.join("registry-node"));
	assert!(
		binary.exists(),
		"{} does not exist: build it first with `cargo build --release -p registry-node`, \
		 or set REGISTRY_NODE",
		binary.display()
	);
	binary
}

/// The `registry` command-line binary: `REGISTRY_CLI` if set, else the one built beside the
/// tests (`cargo build --release -p registry-client --bins`).
pub fn registry_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("REGISTRY_CLI") {
		return PathBuf::from(path);
	}
	let exe = std::env::current_exe().expect("the test executable has a path");
	let binary = exe
		.parent()
		.and_then(Path::parent)
		.expect("tests run from a target dir")
		.join("registry");
	assert!(
		binary.exists(),
		"{} does not exist: build it first with `cargo build --release -p registry-client \
		 --bins`, or set REGISTRY_CLI",
		binary.display()
	);
	binary
}

/// A port that was free a moment ago and that no other node of this test process got.
///
/// The system may hand out a released port again, so the ports given out are remembered:
/// two nodes started side by side never share one.
pub fn free_port() -> u16 {
	static GIVEN: Mutex<Vec<u16>> = Mutex::new(Vec::new());
	let mut given = GIVEN
		.lock()
		.unwrap_or_else(|poisoned| poisoned.into_inner());
	loop {
		let port = TcpListener::bind("127.0.0.1:0")
			.and_then(|l| l.local_addr())
			.map(|a| a.port())
			.expect("the loopback interface has a free port");
		if !given.contains(&port) {
			given.push(port);
			return port;
		}
	}
}

/// A running node.
pub struct Node {
	/// A name for the logs.
	pub name: String,
	/// Its JSON-RPC (WebSocket and HTTP) port.
	pub rpc_port: u16,
	/// Its libp2p port.
	pub p2p_port: u16,
	child: Child,
	log: PathBuf,
	_base: TempDir,
}

/// How to start a node.
pub struct NodeConfig {
	name: String,
	args: Vec<String>,
}

impl NodeConfig {
	/// A single-validator development node.
	pub fn dev() -> Self {
		Self {
			name: "dev".into(),
			args: vec!["--dev".into()],
		}
	}

	/// A validator of the four-validator `local` chain: `alice`, `bob`, `charlie` or `dave`.
	/// `node_key` is its libp2p secret key as hex.
	pub fn local_validator(name: &str, node_key: &str) -> Self {
		Self {
			name: name.into(),
			args: vec![
				"--chain".into(),
				"local".into(),
				format!("--{name}"),
				"--node-key".into(),
				node_key.into(),
			],
		}
	}

	/// A node of the `local` chain that does not validate, with libp2p secret key `node_key`.
	pub fn local_full_node(name: &str, node_key: &str) -> Self {
		Self {
			name: name.into(),
			args: vec![
				"--chain".into(),
				"local".into(),
				"--node-key".into(),
				node_key.into(),
			],
		}
	}

	/// Adds command-line arguments.
	pub fn arg(mut self, arg: impl Into<String>) -> Self {
		self.args.push(arg.into());
		self
	}

	/// Starts the node and waits until its RPC port answers.
	pub fn start(self) -> Node {
		let base = TempDir::new().expect("a temporary directory");
		let rpc_port = free_port();
		let p2p_port = free_port();
		let log = base.path().join("node.log");
		let log_file = File::create(&log).expect("the log file can be created");
		let child = Command::new(node_binary())
			.args(&self.args)
			.arg("--base-path")
			.arg(base.path().join("data"))
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.args(["--rpc-cors", "all"])
			.stdout(Stdio::null())
			.stderr(log_file)
			.spawn()
			.expect("registry-node starts");
		let mut node = Node {
			name: self.name,
			rpc_port,
			p2p_port,
			child,
			log,
			_base: base,
		};
		node.wait_for_rpc();
		node
	}
}

impl Node {
	/// The node's WebSocket RPC address.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's whole log so far.
	pub fn log(&self) -> String {
		let mut text = String::new();
		if let Ok(mut file) = File::open(&self.log) {
			let _ = file.read_to_string(&mut text);
		}
		text
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		matches!(self.child.try_wait(), Ok(None))
	}

	/// The node's libp2p identity, read from its log.
	pub fn peer_id(&self) -> String {
		let deadline = Instant::now() + Duration::from_secs(30);
		loop {
			if let Ok(file) = File::open(&self.log) {
				for line in BufReader::new(file).lines().map_while(Result::ok) {
					if let Some(rest) = line.split("Local node identity is: ").nth(1) {
						return rest.trim().to_string();
					}
				}
			}
			assert!(
				Instant::now() < deadline,
				"{} never logged its identity",
				self.name
			);
			std::thread::sleep(Duration::from_millis(200));
		}
	}

	/// The multiaddress other nodes use to reach this one.
	pub fn multiaddr(&self) -> String {
		format!(
			"/ip4/127.0.0.1/tcp/{}/p2p/{}",
			self.p2p_port,
			self.peer_id()
		)
	}

	fn wait_for_rpc(&mut self) {
		let deadline = Instant::now() + Duration::from_secs(60);
		// The log line proves that this node, not another process, holds the port.
		let serving = format!("Running JSON-RPC server: addr=127.0.0.1:{}", self.rpc_port);
		while !self.log().contains(&serving)
			|| std::net::TcpStream::connect(("127.0.0.1", self.rpc_port)).is_err()
		{
			assert!(
				self.is_running(),
				"{} exited at start; its log:\n{}",
				self.name,
				self.log()
			);
			assert!(
				Instant::now() < deadline,
				"{} did not open its RPC port in 60 s; its log:\n{}",
				self.name,
				self.log()
			);
			std::thread::sleep(Duration::from_millis(100));
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
		if std::thread::panicking() {
			let log = self.log();
			let tail: Vec<&str> = log.lines().rev().take(80).collect();
			eprintln!("---- last lines of {}'s log ----", self.name);
			for line in tail.iter().rev() {
				eprintln!("{line}");
			}
		}
	}
}

/// The libp2p secret key of development node `n` as hex: the README's four-validator network
/// starts Alice's to Dave's nodes with 1 to 4, which the `local` chain admits at genesis.
pub fn dev_node_key(n: u8) -> String {
	format!("{n:064x}")
}

/// Starts the `local` chain's four validators, Alice's node first as the others' bootnode.
pub fn local_validators() -> Vec<Node> {
	let alice = NodeConfig::local_validator("alice", &dev_node_key(1)).start();
	let bootnode = alice.multiaddr();
	let mut nodes = vec![alice];
	for (name, key) in [("bob", 2u8), ("charlie", 3), ("dave", 4)] {
		nodes.push(
			NodeConfig::local_validator(name, &dev_node_key(key))
				.arg("--bootnodes")
				.arg(bootnode.clone())
				.start(),
		);
	}
	nodes
}

/// Waits until `client`'s finalized head reaches `number`; returns it.
pub async fn wait_for_finalized(
	client: &registry_client::RegistryClient,
	number: u64,
	within: Duration,
) -> (u64, registry_client::H256) {
	let deadline = Instant::now() + within;
	loop {
		let head = client.finalized_head().await.expect("the node answers");
		if head.0 >= number {
			return head;
		}
		assert!(
			Instant::now() < deadline,
			"finality stayed at block {} for {within:?}, below {number}",
			head.0
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Waits until the node's transaction pool is empty and its best block is finalized: every
/// transaction handed to it has been applied, or dropped, for good.
pub async fn settle(client: &registry_client::RegistryClient) {
	use registry_client::subxt::rpcs::rpc_params;
	loop {
		let pending: Vec<String> = client
			.raw_request("author_pendingExtrinsics", rpc_params![])
			.await
			.expect("the node answers");
		if pending.is_empty() {
			break;
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let best: serde_json::Value = client
		.raw_request("chain_getHeader", rpc_params![])
		.await
		.expect("the node answers");
	let number = best["number"].as_str().expect("a hex block number");
	let number = u64::from_str_radix(number.trim_start_matches("0x"), 16).expect("hex");
	wait_for_finalized(client, number, Duration::from_secs(120)).await;
}

/// Today, in days since 1970-01-01: the unit of the rights pallet's terms and expiries.
pub use registry_client::types::today;

/// The chain's calls, events and types, generated from its metadata.
pub use registry_client::runtime::{self, tx};

/// `Collectibles::create_collection` of up to `max_supply` unique items that a holder may give
/// away at once, with no co-issuer: what most tests need.
pub fn open_collection(
	name: &str,
	max_supply: u32,
) -> registry_client::subxt::transactions::StaticPayload<
	runtime::collectibles::calls::CreateCollection,
> {
	use registry_client::collectibles::{MetadataRef, TransferPolicy};
	tx().collectibles().create_collection(
		name.into(),
		Vec::new(),
		MetadataRef {
			uri: format!("https://museum.example/{name}.json").into_bytes(),
			sha256: registry_client::H256::zero(),
		},
		max_supply,
		1,
		TransferPolicy {
			transferable: true,
			min_holding_blocks: 0,
			max_transfers_per_window: 0,
			window_blocks: 0,
		},
		vec![],
		None,
	)
}

/// Creates an [`open_collection`] signed by `owner` and returns its number.
pub async fn create_collection(
	client: &registry_client::RegistryClient,
	owner: &registry_client::Ed25519Signer,
	name: &str,
	max_supply: u32,
) -> u32 {
	let created = client
		.submit(&open_collection(name, max_supply), owner)
		.await
		.expect("the collection is created");
	created
		.event::<runtime::collectibles::events::CollectionCreated>()
		.expect("a collection was created")
		.collection
}
