//! Builds the verifier page's WebAssembly: `registry-verify-wasm` for
//! `wasm32-unknown-unknown`, by a cargo of its own in a target directory of its own beside
//! this build's, then `wasm-bindgen` for its JavaScript glue. Both land in `OUT_DIR/pkg`,
//! which `src/lib.rs` embeds. `SKIP_WASM_BUILD` leaves a page whose verifier says it was not
//! built, as the runtime's wasm is skipped.

use std::{
	env,
	path::{Path, PathBuf},
	process::Command,
};

/// The `wasm-bindgen` crate's version in Cargo.lock; the command-line tool must be the same.
const WASM_BINDGEN_VERSION: &str = "0.2.130";

fn main() {
	let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
	let root = manifest.join("../..");
	let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
	let pkg = out.join("pkg");
	std::fs::create_dir_all(&pkg).expect("OUT_DIR is writable");

	for path in [
		"client/web/wasm",
		"client/verify/src",
		"client/verify/Cargo.toml",
		"node/rpc-types/src",
		"pallets/audit-record/src",
		"Cargo.lock",
	] {
		println!("cargo:rerun-if-changed={}", root.join(path).display());
	}
	println!("cargo:rerun-if-env-changed=SKIP_WASM_BUILD");
	println!("cargo:rerun-if-env-changed=WASM_BINDGEN");

	if env::var_os("SKIP_WASM_BUILD").is_some() {
		std::fs::write(pkg.join("verify_bg.wasm"), b"").expect("OUT_DIR is writable");
		std::fs::write(
			pkg.join("verify.js"),
			"export default async function init() { throw new Error('This build of the page \
			 has no certificate verifier: it was built with SKIP_WASM_BUILD.'); }\n",
		)
		.expect("OUT_DIR is writable");
		return;
	}

	// OUT_DIR is <target>/release/build/registry-web-…/out: build beside it, never in the
	// outer build's own directory, whose lock the outer cargo holds.
	let profile_dir = out
		.ancestors()
		.nth(3)
		.expect("OUT_DIR is inside the target directory");
	let wasm_target = profile_dir.join("verifier-wasm");
	let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
	let status = Command::new(cargo)
		.args([
			"build",
			"--release",
			"--target=wasm32-unknown-unknown",
			"-p",
			"registry-verify-wasm",
		])
		.arg("--manifest-path")
		.arg(root.join("Cargo.toml"))
		.env("CARGO_TARGET_DIR", &wasm_target)
		// Small code over fast code: the page downloads it.
		.env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "s")
		.env("CARGO_PROFILE_RELEASE_PANIC", "abort")
		.env_remove("CARGO_ENCODED_RUSTFLAGS")
		.env_remove("RUSTC_WORKSPACE_WRAPPER")
		.status()
		.unwrap_or_else(|e| panic!("cannot run cargo to build the verifier's wasm: {e}"));
	assert!(
		status.success(),
		"building registry-verify-wasm for wasm32-unknown-unknown failed"
	);

	let wasm = wasm_target.join("wasm32-unknown-unknown/release/registry_verify_wasm.wasm");
	let bindgen = wasm_bindgen();
	let status = Command::new(&bindgen)
		.args([
			"--target",
			"web",
			"--no-typescript",
			"--out-name",
			"verify",
			"--out-dir",
		])
		.arg(&pkg)
		.arg(&wasm)
		.status()
		.unwrap_or_else(|e| panic!("cannot run {}: {e}", bindgen.display()));
	assert!(
		status.success(),
		"wasm-bindgen failed on {}",
		wasm.display()
	);
}

/// The `wasm-bindgen` command: `WASM_BINDGEN`, the one `scripts/setup.sh` installs, or the
/// one on the PATH; it must be [`WASM_BINDGEN_VERSION`].
fn wasm_bindgen() -> PathBuf {
	let installed = env::var_os("HOME")
		.map(|home| Path::new(&home).join(".cache/registry/tools/bin/wasm-bindgen"));
	let bindgen = env::var_os("WASM_BINDGEN")
		.map(PathBuf::from)
		.or(installed.filter(|path| path.exists()))
		.unwrap_or_else(|| PathBuf::from("wasm-bindgen"));
	let version = Command::new(&bindgen)
		.arg("--version")
		.output()
		.map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
		.unwrap_or_else(|e| {
			panic!(
				"cannot run {}: {e}. Run scripts/setup.sh, which installs wasm-bindgen-cli \
				 {WASM_BINDGEN_VERSION}, or set WASM_BINDGEN to its path",
				bindgen.display()
			)
		});
	assert!(
		version.ends_with(WASM_BINDGEN_VERSION),
		"{} is `{version}`; the page needs wasm-bindgen {WASM_BINDGEN_VERSION} (run \
		 scripts/setup.sh)",
		bindgen.display()
	);
	bindgen
}
