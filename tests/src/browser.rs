//! A headless Chromium driven over WebDriver (Debian's `chromium` and `chromium-driver`,
//! which `scripts/setup.sh` installs), and `registry web` serving the verifier page: both
//! on free loopback ports, both stopped when dropped.

use std::{
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{free_port, registry_binary};

/// How long a view may take to show what a test waits for.
pub const VIEW_TIMEOUT: Duration = Duration::from_secs(30);

/// Kills a process group when dropped: the process and whatever it started.
struct Group(Child);

impl Drop for Group {
	fn drop(&mut self) {
		// `--` first: some `kill`s read `-KILL -<pgid>` as signals, not as a group.
		let _ = Command::new("kill")
			.args(["-s", "KILL", "--", &format!("-{}", self.0.id())])
			.status();
		let _ = self.0.wait();
	}
}

fn spawn_group(command: &mut Command, log: &Path) -> Group {
	let log = std::fs::File::create(log).expect("a log file");
	let child = command
		.stdout(log.try_clone().expect("the log file"))
		.stderr(log)
		.stdin(Stdio::null())
		// Its own group, so that dropping it also ends the browsers chromedriver starts.
		.process_group(0)
		.spawn()
		.unwrap_or_else(|e| panic!("cannot start {command:?}: {e}; run scripts/setup.sh"));
	Group(child)
}

fn wait_for_port(port: u16, what: &str, log: &Path) {
	let deadline = Instant::now() + Duration::from_secs(30);
	while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
		assert!(
			Instant::now() < deadline,
			"{what} did not listen on port {port}: {}",
			std::fs::read_to_string(log).unwrap_or_default()
		);
		std::thread::sleep(Duration::from_millis(100));
	}
}

/// `registry web` for the node at `node`.
pub struct WebServer {
	pub port: u16,
	_process: Group,
	_dir: TempDir,
}

impl WebServer {
	pub fn start(node: &str) -> Self {
		let dir = TempDir::new().expect("a temporary directory");
		let port = free_port();
		let log = dir.path().join("web.log");
		let process = spawn_group(
			Command::new(registry_binary()).args([
				"web",
				"--node",
				node,
				"--listen",
				&format!("127.0.0.1:{port}"),
			]),
			&log,
		);
		wait_for_port(port, "registry web", &log);
		Self {
			port,
			_process: process,
			_dir: dir,
		}
	}

	/// The page's address, with `view` as its fragment (`""`, `"#/item/0/0"`).
	pub fn url(&self, view: &str) -> String {
		format!("http://127.0.0.1:{}/{view}", self.port)
	}
}

/// A headless Chromium session.
pub struct Browser {
	pub client: Client,
	_driver: Group,
	_profile: TempDir,
}

impl Browser {
	/// Starts chromedriver and a headless Chromium of `width`×`height` pixels.
	pub async fn start(width: u32, height: u32) -> Self {
		let profile = TempDir::new().expect("a temporary directory");
		let port = free_port();
		let log = profile.path().join("chromedriver.log");
		let driver = spawn_group(
			Command::new(binary("chromedriver")).arg(format!("--port={port}")),
			&log,
		);
		wait_for_port(port, "chromedriver", &log);
		let mut capabilities = serde_json::Map::new();
		capabilities.insert(
			"goog:chromeOptions".into(),
			json!({
				"binary": binary("chromium"),
				"args": [
					"--headless=new",
					// Chromium refuses to run as root inside its sandbox; CI runs as root.
					"--no-sandbox",
					"--disable-gpu",
					"--disable-dev-shm-usage",
					"--no-first-run",
					format!("--window-size={width},{height}"),
					format!("--user-data-dir={}", profile.path().join("profile").display()),
				],
			}),
		);
		let client = ClientBuilder::new(HttpConnector::new())
			.capabilities(capabilities)
			.connect(&format!("http://127.0.0.1:{port}"))
			.await
			.unwrap_or_else(|e| {
				panic!(
					"cannot start a Chromium session: {e}; chromedriver said: {}",
					std::fs::read_to_string(&log).unwrap_or_default()
				)
			});
		Self {
			client,
			_driver: driver,
			_profile: profile,
		}
	}

	pub async fn goto(&self, url: &str) {
		self.client.goto(url).await.expect("the page opens");
	}

	/// The first element matching `css`, waiting for it to appear.
	pub async fn element(&self, css: &str) -> Element {
		self.client
			.wait()
			.at_most(VIEW_TIMEOUT)
			.for_element(Locator::Css(css))
			.await
			.unwrap_or_else(|e| panic!("no {css} within {VIEW_TIMEOUT:?}: {e}"))
	}

	/// The text of the first element matching `css` once it satisfies `ready`.
	pub async fn text_when(&self, css: &str, ready: impl Fn(&str) -> bool) -> String {
		let deadline = Instant::now() + VIEW_TIMEOUT;
		let mut last = String::new();
		while Instant::now() < deadline {
			if let Ok(element) = self.client.find(Locator::Css(css)).await {
				if let Ok(text) = element.text().await {
					if ready(&text) {
						return text;
					}
					last = text;
				}
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		let page = match self.client.find(Locator::Css("body")).await {
			Ok(body) => body.text().await.unwrap_or_default(),
			Err(_) => String::new(),
		};
		panic!(
			"{css} never became what the test waits for; it last read: {last:?}; the page \
			 reads: {page}"
		);
	}

	/// Gives `file` to the file input `css`, as choosing it in the dialog would.
	pub async fn choose_file(&self, css: &str, file: &Path) {
		self.element(css)
			.await
			.send_keys(&file.display().to_string())
			.await
			.unwrap_or_else(|e| panic!("cannot give {} to {css}: {e}", file.display()));
	}

	/// Runs `script` in the page (a returned promise is awaited).
	pub async fn run(&self, script: &str, args: Vec<Value>) -> Value {
		self.client
			.execute(script, args)
			.await
			.unwrap_or_else(|e| panic!("the script failed: {e}"))
	}

	/// Saves a screenshot of the window as `dir/name`.
	pub async fn screenshot(&self, dir: &Path, name: &str) -> PathBuf {
		let png = self.client.screenshot().await.expect("a screenshot");
		std::fs::create_dir_all(dir).expect("the screenshot directory");
		let path = dir.join(name);
		std::fs::write(&path, png).expect("the screenshot is written");
		path
	}

	pub async fn close(self) {
		let _ = self.client.close().await;
	}
}

/// A program from the PATH, with the sentence to act on when it is missing.
fn binary(name: &str) -> String {
	for dir in std::env::var("PATH").unwrap_or_default().split(':') {
		let path = Path::new(dir).join(name);
		if path.exists() {
			return path.display().to_string();
		}
	}
	panic!("{name} is not installed: run scripts/setup.sh, which installs chromium and chromium-driver");
}
