//! The README's own commands, read from the README and run as written: the quick start's
//! development chain, the four-validator network through `scripts/local-network.sh`, the same
//! four nodes started by hand, and `build-spec` to a file and back with `--raw`. Each network
//! must peer, author and finalize.

use std::{
	path::{Path, PathBuf},
	process::{Child, Command, Output, Stdio},
	time::Duration,
};

use registry_client::{subxt::rpcs::rpc_params, RegistryClient};
use registry_tests::{dev_node_key, free_port, node_binary, wait_for_finalized};
use tempfile::TempDir;

fn repository() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR"))
		.parent()
		.expect("the tests live in the repository")
		.to_path_buf()
}

/// The target directory the node was built into: what the README's commands expect in
/// `CARGO_TARGET_DIR`.
fn target_dir() -> PathBuf {
	node_binary()
		.parent()
		.and_then(Path::parent)
		.expect("the node lives in <target>/release")
		.to_path_buf()
}

/// The `sh` code blocks of the README section under `heading`, up to the next `## `.
fn sh_blocks(heading: &str) -> Vec<Vec<String>> {
	let readme = std::fs::read_to_string(repository().join("README.md")).expect("a README");
	let start = readme
		.find(&format!("\n{heading}\n"))
		.unwrap_or_else(|| panic!("the README has a section {heading:?}"));
	let section = &readme[start + heading.len() + 2..];
	let section = &section[..section.find("\n## ").unwrap_or(section.len())];
	let mut blocks = Vec::new();
	let mut lines = section.lines();
	while let Some(line) = lines.next() {
		if line.trim() == "```sh" {
			blocks.push(
				lines
					.by_ref()
					.take_while(|line| line.trim() != "```")
					.map(str::to_string)
					.collect(),
			);
		}
	}
	blocks
}

/// A shell in the repository with the README's environment: the target directory, and
/// `extra` variables.
fn shell(script: &str, extra: &[(&str, &str)]) -> Command {
	let mut command = Command::new("bash");
	command
		.args(["-c", script])
		.current_dir(repository())
		.env("CARGO_TARGET_DIR", target_dir())
		.envs(extra.iter().copied());
	command
}

fn run(script: &str, extra: &[(&str, &str)]) -> Output {
	shell(script, extra).output().expect("bash runs")
}

fn text(output: &Output) -> String {
	format!(
		"status {:?}\nstdout:\n{}\nstderr:\n{}",
		output.status,
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	)
}

async fn connect(port: u16) -> RegistryClient {
	let url = format!("ws://127.0.0.1:{port}");
	for _ in 0..120 {
		if let Ok(client) = RegistryClient::connect(&url).await {
			return client;
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	panic!("no node answers at {url}");
}

/// Waits until the node at `port` has `peers` peers and has finalized block 2.
async fn peers_and_finalizes(port: u16, peers: u64) {
	let client = connect(port).await;
	wait_for_finalized(&client, 2, Duration::from_secs(120)).await;
	let health: serde_json::Value = client
		.raw_request("system_health", rpc_params![])
		.await
		.expect("the node answers");
	assert!(
		health["peers"].as_u64() >= Some(peers),
		"the node at {port} has {health}"
	);
}

/// Stops the script's network when the test ends, however it ends.
struct Network<'a> {
	dir: &'a Path,
	chain: Option<String>,
}

impl Network<'_> {
	fn env(&self) -> Vec<(&str, &str)> {
		let mut env = vec![(
			"LOCAL_NETWORK_DIR",
			self.dir.to_str().expect("a UTF-8 path"),
		)];
		if let Some(chain) = &self.chain {
			env.push(("CHAIN", chain.as_str()));
		}
		env
	}

	fn script(&self, command: &str) -> Output {
		run(&format!("scripts/local-network.sh {command}"), &self.env())
	}
}

impl Drop for Network<'_> {
	fn drop(&mut self) {
		self.script("stop");
	}
}

/// Processes started by hand, killed when the test ends.
struct Nodes(Vec<Child>);

impl Drop for Nodes {
	fn drop(&mut self) {
		for child in &mut self.0 {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_quick_start_starts_a_development_chain_that_finalizes() {
	let blocks = sh_blocks("## Quick start");
	assert_eq!(
		blocks[0],
		vec!["scripts/dev.sh"],
		"the quick start's first command"
	);
	assert_eq!(
		blocks[1],
		vec!["scripts/test.sh"],
		"the quick start's second command"
	);
	let (rpc, p2p) = (free_port(), free_port());
	let mut dev = Nodes(vec![shell(
		&format!("{} --rpc-port {rpc} --port {p2p}", blocks[0][0]),
		// Built already; the script would otherwise wait for this test's own cargo.
		&[("REGISTRY_NO_BUILD", "1")],
	)
	.stdout(Stdio::null())
	.stderr(Stdio::null())
	.spawn()
	.expect("the script starts")]);
	let client = connect(rpc).await;
	wait_for_finalized(&client, 2, Duration::from_secs(60)).await;
	assert!(
		dev.0[0].try_wait().expect("a child").is_none(),
		"the chain keeps running"
	);

	// The third command serves the verifier page for that chain.
	let [web] = &blocks[2][..] else {
		panic!(
			"the quick start's third block is one command: {:?}",
			blocks[2]
		);
	};
	assert!(web.ends_with("/release/registry\" web"), "{web}");
	let page_port = free_port();
	dev.0.push(
		shell(
			&format!("exec {web} --node ws://127.0.0.1:{rpc} --listen 127.0.0.1:{page_port}"),
			&[],
		)
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.spawn()
		.expect("registry web starts"),
	);
	let mut page = String::new();
	for _ in 0..100 {
		if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", page_port)) {
			use std::io::{Read, Write};
			stream
				.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.expect("the request is sent");
			stream.read_to_string(&mut page).expect("the page is read");
			break;
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
	assert!(
		page.starts_with("HTTP/1.1 200") && page.contains("<title>Registry verifier</title>"),
		"{page}"
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_four_validator_network_runs_as_the_readme_says() {
	const HEADING: &str = "## A four-validator network on one machine";
	let blocks = sh_blocks(HEADING);
	let [start, by_hand, build_spec] = &blocks[..] else {
		panic!("the section has three command blocks: {blocks:?}");
	};
	let dir = TempDir::new().expect("a temporary directory");
	let rpc_ports = [9944u16, 9945, 9946, 9947];

	// The script, as written: it peers and finalizes, says so, and refuses a second start.
	{
		assert_eq!(start, &vec!["scripts/local-network.sh start".to_string()]);
		let network = Network {
			dir: &dir.path().join("script"),
			chain: None,
		};
		let started = run(&start[0], &network.env());
		assert!(started.status.success(), "{}", text(&started));
		assert!(
			String::from_utf8_lossy(&started.stdout).contains("ws://127.0.0.1:9947"),
			"{}",
			text(&started)
		);
		for port in rpc_ports {
			peers_and_finalizes(port, 3).await;
		}
		let status = network.script("status");
		assert!(status.status.success(), "{}", text(&status));
		assert_eq!(
			String::from_utf8_lossy(&status.stdout)
				.matches(": running")
				.count(),
			4,
			"{}",
			text(&status)
		);
		let again = run(&start[0], &network.env());
		assert!(!again.status.success());
		assert!(
			String::from_utf8_lossy(&again.stderr).contains("already running"),
			"{}",
			text(&again)
		);
		let stopped = network.script("stop");
		assert!(stopped.status.success(), "{}", text(&stopped));
		assert!(
			!network.script("status").status.success(),
			"nothing runs after stop"
		);
	}

	// By hand, line by line: the admitted node keys, in order, and a finalizing network.
	{
		let node_lines: Vec<&String> = by_hand
			.iter()
			.filter(|line| line.starts_with("$NODE"))
			.collect();
		assert_eq!(node_lines.len(), 4, "{by_hand:?}");
		for (i, line) in node_lines.iter().enumerate() {
			let key = dev_node_key(i as u8 + 1);
			assert!(
				line.contains(&format!("--node-key {}", key.trim_start_matches("0x"))),
				"node {} must use the admitted key {key}: {line}",
				i + 1
			);
		}
		let hand = dir.path().join("hand");
		let prelude: Vec<String> = by_hand
			.iter()
			.filter(|line| !line.starts_with("$NODE"))
			.cloned()
			.collect();
		let mut nodes = Nodes(Vec::new());
		for line in node_lines {
			let line = line.replace("/tmp/", &format!("{}/", hand.display()));
			let script = format!("{}\nexec {line}", prelude.join("\n"));
			nodes.0.push(
				shell(&script, &[])
					.stdout(Stdio::null())
					.stderr(Stdio::null())
					.spawn()
					.expect("a node starts"),
			);
		}
		for port in rpc_ports {
			peers_and_finalizes(port, 3).await;
		}
	}

	// The chain specification to a file and back with --raw, then the network from it.
	let specs = dir.path().join("specs");
	std::fs::create_dir_all(&specs).expect("a directory");
	let node = format!("NODE={}", node_binary().display());
	for line in build_spec {
		let output = shell(&format!("{node}\n{line}"), &[])
			.current_dir(&specs)
			.output()
			.expect("bash runs");
		assert!(output.status.success(), "{line}: {}", text(&output));
	}
	let raw = specs.join("local-raw.json");
	let spec: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&raw).expect("the raw spec")).expect("JSON");
	assert!(spec["genesis"]["raw"].is_object(), "a raw chain spec");
	let network = Network {
		dir: &dir.path().join("raw"),
		chain: Some(raw.display().to_string()),
	};
	let started = network.script("start");
	assert!(started.status.success(), "{}", text(&started));
	for port in rpc_ports {
		peers_and_finalizes(port, 3).await;
	}
}

/// The `$ registry …` command lines of the README, continuation lines joined.
fn registry_lines() -> Vec<String> {
	let readme = std::fs::read_to_string(repository().join("README.md")).expect("a README");
	let mut lines = Vec::new();
	let mut current: Option<String> = None;
	for line in readme.lines() {
		if let Some(mut open) = current.take() {
			open.push(' ');
			open.push_str(line.trim().trim_end_matches('\\'));
			if line.trim_end().ends_with('\\') {
				current = Some(open);
			} else {
				lines.push(open);
			}
			continue;
		}
		if let Some(command) = line.strip_prefix("$ registry ") {
			let command = command.trim_end();
			if command.ends_with('\\') {
				current = Some(command.trim_end_matches('\\').to_string());
			} else {
				lines.push(command.to_string());
			}
		}
	}
	lines
}

/// A command line split into words, quotes kept together.
fn shell_words(line: &str) -> Vec<String> {
	let mut words = Vec::new();
	let mut word = String::new();
	let mut quoted = false;
	for c in line.chars() {
		match c {
			'"' => quoted = !quoted,
			' ' if !quoted => {
				if !word.is_empty() {
					words.push(std::mem::take(&mut word));
				}
			}
			c => word.push(c),
		}
	}
	if !word.is_empty() {
		words.push(word);
	}
	words
}

/// The help text of `registry <path> --help`, if that is a command.
fn help(path: &[String]) -> Option<String> {
	let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
	args.push("--help");
	let output = registry_tests::cli::command(&args).output().ok()?;
	output
		.status
		.success()
		.then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn every_registry_command_in_the_readme_names_a_command_and_flags_it_has() {
	let lines = registry_lines();
	assert!(lines.len() >= 20, "the README shows the CLI: {lines:?}");
	let global = help(&[]).expect("registry --help");
	for line in &lines {
		let words = shell_words(line);
		// The command: the longest run of leading words that the CLI lists as subcommands.
		let mut path: Vec<String> = Vec::new();
		let mut text = global.clone();
		for word in &words {
			if word.starts_with('-') || !text.contains(&format!("\n  {word} ")) {
				break;
			}
			path.push(word.clone());
			text =
				help(&path).unwrap_or_else(|| panic!("`registry {}` has no help", path.join(" ")));
		}
		assert!(!path.is_empty(), "`registry {line}` names no command");
		for flag in words.iter().filter(|word| word.starts_with("--")) {
			let flag = flag.split('=').next().unwrap_or(flag);
			assert!(
				text.contains(&format!("{flag} "))
					|| text.contains(&format!("{flag}\n"))
					|| global.contains(&format!("{flag} ")),
				"`registry {line}`: `registry {}` has no flag {flag}",
				path.join(" ")
			);
		}
	}
}
