#!/usr/bin/env bash
# Installs what building and testing need, when it is missing: clang and libclang (RocksDB),
# protoc (libp2p), Chromium and its WebDriver (the verifier page's tests), PostgreSQL (the
# warehouse's tests), the Rust targets and components of rust-toolchain.toml, and
# wasm-bindgen (the verifier page's WebAssembly).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
# bindgen loads an unversioned `libclang.so`, which only the -dev package installs.
compgen -G '/usr/lib/llvm-*/lib/libclang.so' >/dev/null || missing+=(libclang-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
# scripts/local-network.sh asks the nodes over JSON-RPC.
command -v curl >/dev/null 2>&1 || missing+=(curl)
# The verifier page's tests drive a headless Chromium.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# The page's Chinese, legible in its screenshots.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# The warehouse's tests start PostgreSQL servers of their own; psql for the README's session.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# rustup installs a missing pinned toolchain by itself, but not a target missing from an
# already installed one.
toolchain=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
rustup toolchain install "$toolchain" --profile minimal >/dev/null 2>&1 || true
installed=$(rustup +"$toolchain" target list --installed)
for target in wasm32-unknown-unknown wasm32v1-none; do
	grep -qx "$target" <<<"$installed" || rustup +"$toolchain" target add "$target"
done
rustup +"$toolchain" component list --installed | grep -q '^rust-src' \
	|| rustup +"$toolchain" component add rust-src

# The verifier page's JavaScript glue: the same version as the wasm-bindgen crate in
# Cargo.lock, installed beside the shared target directory so that later runs find it.
bindgen_version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
tools="$HOME/.cache/registry/tools"
if [ "$("$tools/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
	echo "setup: installing wasm-bindgen-cli $bindgen_version"
	env -u CARGO_TARGET_DIR cargo +"$toolchain" install --quiet --force \
		wasm-bindgen-cli --version "$bindgen_version" --root "$tools"
fi
