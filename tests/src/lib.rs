//! Starts real `registry-node` processes on loopback for end-to-end tests.
//!
//! Each node gets free ports and a temporary base path; it is killed when its [`Node`] is
//! dropped, and its log is printed if the test failed.

use std::{
	fs::File,
	io::{BufRead, BufReader, Read, Write},
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::Mutex,
	time::{Duration, Instant},
};

use tempfile::TempDir;

pub mod browser;
pub mod cli;
pub mod lying;
pub mod postgres;

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
	/// The address its RPC and libp2p ports listen on: 127.0.0.1, or its own in a network
	/// namespace.
	pub host: String,
	/// Its JSON-RPC (WebSocket and HTTP) port.
	pub rpc_port: u16,
	/// Its libp2p port.
	pub p2p_port: u16,
	/// How it was started, for a restart on the same database.
	command: Vec<String>,
	child: Child,
	log: PathBuf,
	_base: TempDir,
}

/// How to start a node.
pub struct NodeConfig {
	name: String,
	args: Vec<String>,
	base_path: Option<PathBuf>,
	netns: Option<(String, String)>,
	/// The port of its Prometheus exporter; `None` starts it with none.
	prometheus_port: Option<u16>,
}

impl NodeConfig {
	/// A single-validator development node.
	pub fn dev() -> Self {
		Self {
			name: "dev".into(),
			args: vec!["--dev".into()],
			base_path: None,
			netns: None,
			prometheus_port: None,
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
			base_path: None,
			netns: None,
			prometheus_port: None,
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
			base_path: None,
			netns: None,
			prometheus_port: None,
		}
	}

	/// Adds command-line arguments.
	pub fn arg(mut self, arg: impl Into<String>) -> Self {
		self.args.push(arg.into());
		self
	}

	/// Keeps the node's database in `dir` (which outlives the node) instead of a temporary
	/// directory; its log stays in one.
	pub fn base_path(mut self, dir: impl Into<PathBuf>) -> Self {
		self.base_path = Some(dir.into());
		self
	}

	/// Runs the node in network namespace `netns`, listening on its address `host`.
	pub fn in_netns(mut self, netns: &str, host: &str) -> Self {
		self.netns = Some((netns.into(), host.into()));
		self
	}

	/// Exports the node's Prometheus metrics on `port` of 127.0.0.1, at `/metrics`; without
	/// this a node exports none.
	pub fn prometheus(mut self, port: u16) -> Self {
		self.prometheus_port = Some(port);
		self
	}

	/// Starts the node and waits until its RPC port answers.
	pub fn start(self) -> Node {
		let base = TempDir::new().expect("a temporary directory");
		let data = self.base_path.unwrap_or_else(|| base.path().join("data"));
		let rpc_port = free_port();
		let p2p_port = free_port();
		let host = self
			.netns
			.as_ref()
			.map_or("127.0.0.1".into(), |(_, host)| host.clone());
		let mut command = Vec::new();
		if let Some((netns, _)) = &self.netns {
			command.extend(["ip", "netns", "exec", netns].map(String::from));
		}
		command.push(node_binary().display().to_string());
		command.extend(self.args);
		command.extend([
			"--base-path".into(),
			data.display().to_string(),
			"--rpc-port".into(),
			rpc_port.to_string(),
			"--listen-addr".into(),
			format!("/ip4/{host}/tcp/{p2p_port}"),
			"--no-telemetry".into(),
			"--no-mdns".into(),
			"--rpc-cors".into(),
			"all".into(),
		]);
		match self.prometheus_port {
			Some(port) => command.extend(["--prometheus-port".into(), port.to_string()]),
			None => command.push("--no-prometheus".into()),
		}
		if self.netns.is_some() {
			// The namespace's loopback is its own: listen where the tests can reach it.
			command.extend([
				"--rpc-external".into(),
				"--rpc-methods".into(),
				"safe".into(),
			]);
		}
		let log = base.path().join("node.log");
		let child = spawn(&command, &log);
		let mut node = Node {
			name: self.name,
			host,
			rpc_port,
			p2p_port,
			command,
			child,
			log,
			_base: base,
		};
		node.wait_for_rpc(0);
		node
	}
}

/// What the node logs when its RPC server listens.
const RPC_STARTED: &str = "Running JSON-RPC server: addr=";

/// Runs `command` with its standard error appended to `log`.
fn spawn(command: &[String], log: &Path) -> Child {
	let log_file = File::options()
		.create(true)
		.append(true)
		.open(log)
		.expect("the log file can be opened");
	Command::new(&command[0])
		.args(&command[1..])
		.stdout(Stdio::null())
		.stderr(log_file)
		.spawn()
		.expect("registry-node starts")
}

impl Node {
	/// The node's process id.
	pub fn pid(&self) -> u32 {
		self.child.id()
	}

	/// The node's WebSocket RPC address.
	pub fn ws_url(&self) -> String {
		format!("ws://{}:{}", self.host, self.rpc_port)
	}

	/// Kills the node with SIGKILL, as a crash or a power cut would, and waits for it to die.
	pub fn kill(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}

	/// Starts the node again as it was started, on the same database and ports, and waits
	/// until its RPC port answers.
	pub fn restart(&mut self) {
		self.kill();
		let starts = self.rpc_starts();
		self.child = spawn(&self.command, &self.log);
		self.wait_for_rpc(starts);
	}

	/// Waits up to `within` for the process to end by itself; whether it did.
	pub fn exits_within(&mut self, within: Duration) -> bool {
		let deadline = Instant::now() + within;
		while Instant::now() < deadline {
			if !self.is_running() {
				return true;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		false
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
			"/ip4/{}/tcp/{}/p2p/{}",
			self.host,
			self.p2p_port,
			self.peer_id()
		)
	}

	/// How many times the log says the RPC server started.
	fn rpc_starts(&self) -> usize {
		self.log().matches(RPC_STARTED).count()
	}

	/// Waits until the node's RPC server started for the time after `starts` and answers.
	fn wait_for_rpc(&mut self, starts: usize) {
		let deadline = Instant::now() + Duration::from_secs(60);
		// The log line proves that this node, not another process, holds the port.
		let port = format!(":{}", self.rpc_port);
		while self.rpc_starts() <= starts
			|| !self.log().contains(&port)
			|| std::net::TcpStream::connect((self.host.as_str(), self.rpc_port)).is_err()
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

/// A number from the environment variable `name`, else `default`: how the fault and load
/// scenarios scale from their short form in CI to the long runs of `scripts/faults.sh`.
pub fn setting(name: &str, default: u64) -> u64 {
	std::env::var(name)
		.ok()
		.and_then(|value| value.parse().ok())
		.unwrap_or(default)
}

/// A xorshift generator: random moments and choices that a seed reproduces.
pub struct Rng(u64);

impl Rng {
	/// A generator from `seed`, which is printed so that a failing run can be repeated.
	pub fn new(seed: u64) -> Self {
		eprintln!("random seed {seed}");
		Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
	}

	/// A generator seeded by `FAULT_SEED`, or by the clock.
	pub fn from_env() -> Self {
		let clock = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map_or(1, |elapsed| elapsed.as_nanos() as u64);
		Self::new(setting("FAULT_SEED", clock))
	}

	/// A number below `n`.
	pub fn below(&mut self, n: u64) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0 % n.max(1)
	}
}

/// JSON-RPC over HTTP/1.1 on one kept-alive connection.
pub struct Http {
	reader: BufReader<TcpStream>,
}

impl Http {
	pub fn connect(host: &str, port: u16) -> Self {
		let stream = TcpStream::connect((host, port)).expect("the node's RPC port");
		stream.set_nodelay(true).expect("TCP_NODELAY");
		Self {
			reader: BufReader::new(stream),
		}
	}

	/// Posts `body` and returns the answer's body.
	pub fn post(&mut self, body: &str) -> String {
		let request = format!(
			"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
			 Content-Length: {}\r\n\r\n{body}",
			body.len()
		);
		self.reader
			.get_mut()
			.write_all(request.as_bytes())
			.expect("the request is sent");
		let mut length = 0;
		loop {
			let mut line = String::new();
			self.reader.read_line(&mut line).expect("a header line");
			let line = line.trim_end();
			if line.is_empty() {
				break;
			}
			if let Some((name, value)) = line.split_once(':') {
				if name.eq_ignore_ascii_case("content-length") {
					length = value.trim().parse().expect("a length");
				}
			}
		}
		let mut answer = vec![0; length];
		self.reader.read_exact(&mut answer).expect("the body");
		String::from_utf8(answer).expect("JSON is UTF-8")
	}
}

/// Whether this process runs as root, as network namespaces and mounts need.
pub fn is_root() -> bool {
	std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
		status
			.lines()
			.any(|line| line.starts_with("Uid:") && line.split_whitespace().nth(1) == Some("0"))
	})
}

/// Runs a setup command as root; panics with its output if it fails.
pub fn sh(command: &str) {
	let output = Command::new("sh")
		.args(["-c", command])
		.output()
		.expect("sh runs");
	assert!(
		output.status.success(),
		"`{command}` failed: {}",
		String::from_utf8_lossy(&output.stderr)
	);
}

/// Test hosts in network namespaces of their own, each linked to a bridge in this namespace
/// (`10.77.0.254`) through a veth pair: host `i` is `10.77.0.{i + 1}`. Removed when dropped.
pub struct TestNet {
	tag: String,
	hosts: usize,
}

impl TestNet {
	/// `hosts` namespaces on one bridge.
	pub fn new(hosts: usize) -> Self {
		let tag = format!("rg{}", std::process::id() % 100_000);
		let net = Self { tag, hosts };
		let bridge = net.bridge();
		sh(&format!(
			"ip link add {bridge} type bridge && ip addr add 10.77.0.254/24 dev {bridge} && \
			 ip link set {bridge} up"
		));
		for i in 0..hosts {
			let (ns, outside) = (net.netns(i), net.link(i));
			sh(&format!(
				"ip netns add {ns} && ip link add {outside} type veth peer name eth0 netns {ns} \
				 && ip link set {outside} master {bridge} up && \
				 ip -n {ns} addr add {}/24 dev eth0 && ip -n {ns} link set eth0 up && \
				 ip -n {ns} link set lo up",
				net.host(i)
			));
		}
		net
	}

	/// The namespace of host `i`.
	pub fn netns(&self, i: usize) -> String {
		format!("{}n{i}", self.tag)
	}

	/// The address of host `i`.
	pub fn host(&self, i: usize) -> String {
		format!("10.77.0.{}", i + 1)
	}

	fn bridge(&self) -> String {
		format!("{}b", self.tag)
	}

	fn link(&self, i: usize) -> String {
		format!("{}v{i}", self.tag)
	}

	/// Cuts host `i` off the network, or puts it back.
	pub fn connect(&self, i: usize, up: bool) {
		let state = if up { "up" } else { "down" };
		sh(&format!("ip link set {} {state}", self.link(i)));
	}

	/// Splits the hosts in two: those in `apart` keep a bridge of their own, out of reach of
	/// the others and of this namespace. `heal` puts them back.
	pub fn split(&self, apart: &[usize]) {
		let other = format!("{}c", self.tag);
		sh(&format!(
			"ip link show {other} >/dev/null 2>&1 || \
			 (ip link add {other} type bridge && ip link set {other} up)"
		));
		for i in apart {
			sh(&format!("ip link set {} master {other}", self.link(*i)));
		}
	}

	/// Joins every host to the one bridge again.
	pub fn heal(&self) {
		for i in 0..self.hosts {
			sh(&format!(
				"ip link set {} master {} up",
				self.link(i),
				self.bridge()
			));
		}
	}
}

impl Drop for TestNet {
	fn drop(&mut self) {
		for i in 0..self.hosts {
			let _ = Command::new("ip")
				.args(["netns", "del", &self.netns(i)])
				.status();
			let _ = Command::new("ip")
				.args(["link", "del", &self.link(i)])
				.stderr(Stdio::null())
				.status();
		}
		for bridge in [self.bridge(), format!("{}c", self.tag)] {
			let _ = Command::new("ip")
				.args(["link", "del", &bridge])
				.stderr(Stdio::null())
				.status();
		}
	}
}
