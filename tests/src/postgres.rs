//! A PostgreSQL server of the test's own: Debian's `postgresql` binaries, a new cluster in a
//! temporary directory, listening on a free loopback port, stopped and removed when dropped.
//!
//! `initdb` refuses to run as root, so as root the cluster belongs to the `postgres` user the
//! package creates, and `initdb` and the server run as that user.

use std::{
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use tempfile::TempDir;
use tokio_postgres::{Client, NoTls};

use crate::{free_port, is_root};

/// The superuser of the test cluster, and its password (loopback connections need it).
pub const USER: &str = "registry";
pub const PASSWORD: &str = "registry-test-password";

/// A running PostgreSQL server.
pub struct Postgres {
	pub port: u16,
	child: Child,
	dir: TempDir,
}

impl Postgres {
	/// Makes a cluster and starts its server; waits until it takes connections.
	pub fn start() -> Self {
		let bin = binaries();
		let dir = tempfile::Builder::new()
			.prefix("registry-pg-")
			.tempdir()
			.expect("a temporary directory");
		let data = dir.path().join("data");
		let password_file = dir.path().join("password");
		std::fs::write(&password_file, PASSWORD).unwrap();
		if is_root() {
			// The server's user must own its directories and read the password file.
			let status = Command::new("chown")
				.args(["-R", "postgres:postgres"])
				.arg(dir.path())
				.status()
				.expect("chown runs");
			assert!(
				status.success(),
				"cannot give {} to postgres",
				dir.path().display()
			);
		}
		let initdb = as_server_user(&bin.join("initdb"))
			.arg("-D")
			.arg(&data)
			.args([
				"-U",
				USER,
				"--auth-local=trust",
				"--auth-host=scram-sha-256",
			])
			.arg(format!("--pwfile={}", password_file.display()))
			.args(["-E", "UTF8", "--locale=C.UTF-8"])
			.stdout(Stdio::null())
			.output()
			.expect("initdb runs");
		assert!(
			initdb.status.success(),
			"initdb failed: {}",
			String::from_utf8_lossy(&initdb.stderr)
		);
		let port = free_port();
		let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
		let child = as_server_user(&bin.join("postgres"))
			.arg("-D")
			.arg(&data)
			.args(["-p", &port.to_string(), "-k"])
			.arg(dir.path())
			.args(["-c", "listen_addresses=127.0.0.1"])
			// A test cluster need not survive a power cut.
			.args(["-c", "fsync=off", "-c", "synchronous_commit=off"])
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.expect("postgres starts");
		let server = Self { port, child, dir };
		server.wait_ready();
		server
	}

	/// The URL of database `name` as the superuser.
	pub fn url(&self, name: &str) -> String {
		format!(
			"postgres://{USER}:{PASSWORD}@127.0.0.1:{}/{name}",
			self.port
		)
	}

	/// Makes an empty database; returns its URL.
	pub async fn create_database(&self, name: &str) -> String {
		let admin = self.connect("postgres").await;
		admin
			.batch_execute(&format!("CREATE DATABASE \"{name}\""))
			.await
			.unwrap_or_else(|e| panic!("cannot create database {name}: {e}"));
		self.url(name)
	}

	/// A connection to database `name`.
	pub async fn connect(&self, name: &str) -> Client {
		let (client, connection) = tokio_postgres::connect(&self.url(name), NoTls)
			.await
			.unwrap_or_else(|e| panic!("cannot connect to {name}: {e}"));
		tokio::spawn(async move {
			let _ = connection.await;
		});
		client
	}

	/// The server's log so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
	}

	fn wait_ready(&self) {
		let started = Instant::now();
		while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
			assert!(
				started.elapsed() < Duration::from_secs(60),
				"PostgreSQL did not start within a minute:\n{}",
				self.log()
			);
			std::thread::sleep(Duration::from_millis(100));
		}
	}
}

impl Drop for Postgres {
	fn drop(&mut self) {
		// SIGINT is PostgreSQL's fast shutdown: it ends connections and stops at once.
		let _ = Command::new("kill")
			.args(["-s", "INT", &self.child.id().to_string()])
			.status();
		let started = Instant::now();
		while started.elapsed() < Duration::from_secs(20) {
			if let Ok(Some(_)) = self.child.try_wait() {
				return;
			}
			std::thread::sleep(Duration::from_millis(50));
		}
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// The directory of the newest PostgreSQL's binaries Debian installed.
fn binaries() -> PathBuf {
	let root = Path::new("/usr/lib/postgresql");
	let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
		.unwrap_or_else(|e| {
			panic!(
				"{} cannot be read ({e}): install PostgreSQL with scripts/setup.sh \
				 (Debian's postgresql package)",
				root.display()
			)
		})
		.flatten()
		.filter_map(|entry| {
			let version = entry.file_name().to_str()?.parse().ok()?;
			let bin = entry.path().join("bin");
			bin.join("initdb").exists().then_some((version, bin))
		})
		.collect();
	versions.sort();
	versions
		.pop()
		.map(|(_, bin)| bin)
		.expect("a PostgreSQL server under /usr/lib/postgresql: run scripts/setup.sh")
}

/// `program`, run as the `postgres` user when the test runs as root. The server is started
/// as that user itself, not under `runuser`, so that the process the test signals is the
/// server's: `runuser` ignores SIGINT, and killing it would leave the server running.
fn as_server_user(program: &Path) -> Command {
	let mut command = Command::new(program);
	if is_root() {
		use std::os::unix::process::CommandExt;
		let (uid, gid) = server_user();
		command.uid(uid).gid(gid);
	}
	command
}

/// The uid and gid of the `postgres` user Debian's package creates.
fn server_user() -> (u32, u32) {
	let passwd = std::fs::read_to_string("/etc/passwd").expect("/etc/passwd is readable");
	passwd
		.lines()
		.find_map(|line| {
			let fields: Vec<&str> = line.split(':').collect();
			(fields.first() == Some(&"postgres"))
				.then(|| Some((fields.get(2)?.parse().ok()?, fields.get(3)?.parse().ok()?)))
				.flatten()
		})
		.expect("a postgres user: install PostgreSQL with scripts/setup.sh")
}
