//! # registry-web
//!
//! The verifier page, embedded: its HTML, script and style, and the certificate verifier and
//! file hashing compiled to WebAssembly from `registry-verify-wasm` (see `build.rs`). The
//! `registry web` command serves these files and relays the page's JSON-RPC to a node; the
//! page needs nothing else, no CDN and no network beyond that command.

/// One file of the page.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
	/// Its path under the page's root, e.g. `/app.js`.
	pub path: &'static str,
	/// Its `Content-Type`.
	pub content_type: &'static str,
	/// Its bytes.
	pub body: &'static [u8],
}

/// Every file of the page; `/` is the page itself.
pub const ASSETS: &[Asset] = &[
	Asset {
		path: "/",
		content_type: "text/html; charset=utf-8",
		body: include_bytes!("../static/index.html"),
	},
	Asset {
		path: "/app.js",
		content_type: "text/javascript; charset=utf-8",
		body: include_bytes!("../static/app.js"),
	},
	Asset {
		path: "/i18n.js",
		content_type: "text/javascript; charset=utf-8",
		body: include_bytes!("../static/i18n.js"),
	},
	Asset {
		path: "/style.css",
		content_type: "text/css; charset=utf-8",
		body: include_bytes!("../static/style.css"),
	},
	Asset {
		path: "/verify.js",
		content_type: "text/javascript; charset=utf-8",
		body: include_bytes!(concat!(env!("OUT_DIR"), "/pkg/verify.js")),
	},
	Asset {
		path: "/verify_bg.wasm",
		content_type: "application/wasm",
		body: include_bytes!(concat!(env!("OUT_DIR"), "/pkg/verify_bg.wasm")),
	},
];

/// The file at `path`, `/index.html` being `/`.
pub fn asset(path: &str) -> Option<&'static Asset> {
	let path = if path == "/index.html" { "/" } else { path };
	ASSETS.iter().find(|asset| asset.path == path)
}

/// The page's total size in bytes, as a browser downloads it.
pub fn page_bytes() -> usize {
	ASSETS.iter().map(|asset| asset.body.len()).sum()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_file_is_there_and_the_page_loads_its_scripts() {
		let page = std::str::from_utf8(asset("/").unwrap().body).unwrap();
		assert!(page.contains("app.js") && page.contains("style.css"));
		let app = std::str::from_utf8(asset("/app.js").unwrap().body).unwrap();
		assert!(app.contains("./verify.js") && app.contains("./i18n.js"));
		assert!(asset("/index.html").is_some());
		assert!(asset("/nothing").is_none());
		if std::env::var_os("SKIP_WASM_BUILD").is_none() {
			// A WebAssembly module starts with `\0asm`.
			assert_eq!(&asset("/verify_bg.wasm").unwrap().body[..4], b"\0asm");
		}
	}
}
