//! The client's typed calls, events and storage are generated from `client/metadata.scale`
//! (subxt's codegen). This test keeps that file the runtime's own metadata.

use crate::Runtime;

/// The metadata version the client is generated from: the newest subxt reads.
const VERSION: u32 = 16;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../client/metadata.scale");

#[test]
fn the_clients_metadata_file_is_the_runtimes_metadata() {
	let metadata = Runtime::metadata_at_version(VERSION).expect("the runtime offers version 16");
	let current: &[u8] = &metadata;
	if std::env::var_os("UPDATE_METADATA").is_some() {
		std::fs::write(FILE, current).expect("client/metadata.scale is writable");
		return;
	}
	let checked_in = std::fs::read(FILE).unwrap_or_default();
	assert!(
		checked_in == current,
		"client/metadata.scale is not the runtime's metadata: the runtime changed. Write it \
		 again with `UPDATE_METADATA=1 cargo test --release --workspace metadata_file`, then \
		 rebuild the client"
	);
}
