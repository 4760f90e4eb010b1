//! `registry web`: serves the verifier page and relays its read-only JSON-RPC to the node.
//!
//! The page's files are embedded in this binary (`registry-web`); it needs no CDN and, for
//! certificates checked against keys the user gives, no node. The page asks the chain only
//! through this server (same origin, so the node needs no CORS setting), and only the
//! registry's read methods pass: nothing submits a transaction through a public page.

use std::{
	convert::Infallible,
	net::SocketAddr,
	sync::Arc,
	time::{Duration, Instant},
};

use codec::DecodeAll;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{
	body::{Bytes, Incoming},
	header, Method, Request, Response, StatusCode,
};
use hyper_util::rt::TokioIo;
use jsonrpsee::{
	async_client::Client,
	core::{client::ClientT, params::ArrayParams, ClientError},
	rpc_params,
};
use registry_client::{certificate::TrustedAuthorities, transport};
use serde_json::{json, Value};
use tokio::{net::TcpListener, sync::Mutex};

use crate::{context::Context, errors::CliError, output::Output};

pub const LONG_ABOUT: &str = "\
Serve the verifier page: drop a file to see what the chain records for it (the file is hashed \
in the browser and never uploaded), drop an authorship certificate to verify it in the \
browser, and search by content hash, item (collection:item), work or account. Every view has \
its own address (e.g. http://127.0.0.1:8080/#/item/3/17) to share.

The page talks to the node of --node through this server, which relays the registry's read \
methods only (registry_*, audit_* and the chain's name, head and genesis). Certificates are \
checked in the browser, against the node's current validators or keys the user gives, even \
when the node is down.

Runs until stopped with Ctrl-C or SIGTERM.";

/// The JSON-RPC error code the page reads as "the node is not reachable".
const NODE_UNREACHABLE: i32 = -32050;
/// The JSON-RPC error code of a method the relay does not pass.
const METHOD_NOT_RELAYED: i32 = -32601;
/// The largest request the page sends is a few hundred bytes.
const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// How long the relay waits for the node to accept a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The node's methods the page may call: read-only, answered at the finalized head.
const CHAIN_METHODS: [&str; 4] = [
	"system_chain",
	"chain_getFinalizedHead",
	"chain_getHeader",
	"chain_getBlockHash",
];

#[derive(Debug, clap::Args)]
pub struct Args {
	/// The address to serve the page on. Anything but a loopback address makes the page (and
	/// the node's read methods) reachable from other machines.
	#[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
	listen: SocketAddr,
}

pub async fn run(args: Args, context: &Context) -> Result<Output, CliError> {
	let listener = TcpListener::bind(args.listen).await.map_err(|e| {
		CliError::new(
			"io",
			format!(
				"cannot serve on {}: {e}; give --listen another address or port",
				args.listen
			),
		)
	})?;
	let address = listener
		.local_addr()
		.map_err(|e| CliError::new("io", format!("cannot serve on {}: {e}", args.listen)))?;
	let relay = Arc::new(Relay {
		url: context.node_url().to_string(),
		client: Mutex::new(None),
	});
	let started = Instant::now();
	// Said at once, not at the end: this command runs until stopped.
	println!(
		"Serving the verifier page at http://{address}/ for the node at {} ({} KiB of page). \
		 Stop with Ctrl-C.",
		relay.url,
		registry_web::page_bytes() / 1024
	);

	let mut served = 0u64;
	let shutdown = shutdown_signal();
	tokio::pin!(shutdown);
	loop {
		let (stream, _) = tokio::select! {
			accepted = listener.accept() => match accepted {
				Ok(connection) => connection,
				// A connection that failed before it was accepted is the client's problem.
				Err(_) => continue,
			},
			_ = &mut shutdown => break,
		};
		served += 1;
		let relay = relay.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |request| {
				let relay = relay.clone();
				async move { Ok::<_, Infallible>(relay.answer(request).await) }
			});
			// A browser that goes away mid-answer ends its connection, nothing else.
			let _ = hyper::server::conn::http1::Builder::new()
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
	Ok(Output::new(
		format!(
			"Stopped serving the verifier page after {} s and {served} connection(s).",
			started.elapsed().as_secs()
		),
		json!({ "listen": address.to_string(), "connections": served }),
	))
}

/// Ctrl-C or SIGTERM.
pub(crate) async fn shutdown_signal() {
	#[cfg(unix)]
	{
		use tokio::signal::unix::{signal, SignalKind};
		match signal(SignalKind::terminate()) {
			Ok(mut term) => {
				tokio::select! {
					_ = tokio::signal::ctrl_c() => {},
					_ = term.recv() => {},
				}
			}
			Err(_) => {
				let _ = tokio::signal::ctrl_c().await;
			}
		}
	}
	#[cfg(not(unix))]
	{
		let _ = tokio::signal::ctrl_c().await;
	}
}

/// The page's server: its files, and one connection to the node, remade when it breaks.
struct Relay {
	url: String,
	client: Mutex<Option<Arc<Client>>>,
}

impl Relay {
	async fn answer(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
		match (request.method(), request.uri().path()) {
			(&Method::POST, "/rpc") => match read_body(request).await {
				Ok(body) => json_response(StatusCode::OK, self.relay(&body).await),
				Err(message) => json_response(
					StatusCode::PAYLOAD_TOO_LARGE,
					rpc_error(Value::Null, -32600, &message),
				),
			},
			(&Method::GET, "/api/node") => json_response(StatusCode::OK, self.node_info().await),
			(&Method::GET, "/api/authorities") => {
				json_response(StatusCode::OK, self.authorities().await)
			}
			(&Method::GET | &Method::HEAD, path) => match registry_web::asset(path) {
				Some(asset) => respond(StatusCode::OK, asset.content_type, asset.body.into()),
				None => respond(
					StatusCode::NOT_FOUND,
					"text/plain; charset=utf-8",
					format!("Nothing at {path}: the verifier page is at /.").into(),
				),
			},
			_ => respond(
				StatusCode::METHOD_NOT_ALLOWED,
				"text/plain; charset=utf-8",
				"The verifier page takes GET, and POST to /rpc.".into(),
			),
		}
	}

	/// One JSON-RPC request from the page, passed to the node when it is a read method.
	async fn relay(&self, body: &[u8]) -> Value {
		let request: Value = match serde_json::from_slice(body) {
			Ok(request) => request,
			Err(e) => return rpc_error(Value::Null, -32700, &format!("not JSON: {e}")),
		};
		let id = request.get("id").cloned().unwrap_or(Value::Null);
		let Some(method) = request.get("method").and_then(Value::as_str) else {
			return rpc_error(id, -32600, "the request names no method");
		};
		let relayed = method.starts_with("registry_")
			|| method.starts_with("audit_")
			|| CHAIN_METHODS.contains(&method);
		if !relayed {
			return rpc_error(
				id,
				METHOD_NOT_RELAYED,
				&format!(
					"registry web relays the registry's read methods only (registry_*, audit_* \
					 and {}); {method} is not one of them",
					CHAIN_METHODS.join(", ")
				),
			);
		}
		let mut params = ArrayParams::new();
		match request.get("params") {
			None | Some(Value::Null) => {}
			Some(Value::Array(values)) => {
				for value in values {
					if let Err(e) = params.insert(value) {
						return rpc_error(id, -32602, &e.to_string());
					}
				}
			}
			Some(_) => return rpc_error(id, -32602, "params must be an array"),
		}
		match self.call::<Value>(method, params).await {
			Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
			Err(error) => json!({ "jsonrpc": "2.0", "id": id, "error": error }),
		}
	}

	/// The chain's name, genesis hash and finalized height, for the page's status line.
	async fn node_info(&self) -> Value {
		match self.chain().await {
			Ok((chain, genesis, number, _)) => json!({
				"node": self.url,
				"chain": chain,
				"genesisHash": genesis,
				"finalizedBlock": number,
			}),
			Err(error) => json!({ "error": error["message"] }),
		}
	}

	async fn chain(&self) -> Result<(String, String, u64, String), Value> {
		let chain: String = self.call("system_chain", rpc_params![]).await?;
		let genesis: String = self.call("chain_getBlockHash", rpc_params![0]).await?;
		let head: String = self.call("chain_getFinalizedHead", rpc_params![]).await?;
		let header: Value = self.call("chain_getHeader", rpc_params![&head]).await?;
		let number = header["number"]
			.as_str()
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.unwrap_or_default();
		Ok((chain, genesis, number, head))
	}

	/// The GRANDPA set at the node's finalized head, as a trusted set for certificates.
	async fn authorities(&self) -> Value {
		let answer = async {
			let (chain, genesis, number, head) = self.chain().await?;
			let set_id: u64 = self
				.runtime_call("GrandpaApi_current_set_id", &head)
				.await?;
			let keys: Vec<([u8; 32], u64)> = self
				.runtime_call("GrandpaApi_grandpa_authorities", &head)
				.await?;
			let mut trusted = TrustedAuthorities::from_public_keys(keys.iter().map(|(k, _)| *k));
			trusted.set_id = Some(set_id);
			for (authority, (_, weight)) in trusted.authorities.iter_mut().zip(&keys) {
				authority.weight = *weight;
			}
			Ok::<_, Value>(json!({
				"chain": chain,
				"genesisHash": genesis,
				"atBlock": number,
				"trusted": trusted,
			}))
		};
		answer
			.await
			.unwrap_or_else(|error| json!({ "error": error["message"] }))
	}

	async fn runtime_call<T: DecodeAll>(&self, method: &str, at: &str) -> Result<T, Value> {
		let bytes: String = self
			.call("state_call", rpc_params![method, "0x", at])
			.await?;
		hex::decode(bytes.trim_start_matches("0x"))
			.ok()
			.and_then(|bytes| T::decode_all(&mut &bytes[..]).ok())
			.ok_or_else(
				|| json!({ "code": -32603, "message": format!("the node's {method} does not decode") }),
			)
	}

	/// Calls the node, connecting first when there is no live connection. A call the node
	/// answered with an error keeps its code and sentence; a node that cannot be reached is
	/// [`NODE_UNREACHABLE`] with a sentence naming it.
	async fn call<T: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: ArrayParams,
	) -> Result<T, Value> {
		let client = self.client().await?;
		match client.request::<T, _>(method, params).await {
			Ok(result) => Ok(result),
			Err(ClientError::Call(error)) => Err(json!({
				"code": error.code(),
				"message": error.message(),
				"data": error.data(),
			})),
			Err(other) => {
				*self.client.lock().await = None;
				Err(self.unreachable(&other.to_string()))
			}
		}
	}

	async fn client(&self) -> Result<Arc<Client>, Value> {
		let mut slot = self.client.lock().await;
		if let Some(client) = slot.as_ref().filter(|client| client.is_connected()) {
			return Ok(client.clone());
		}
		let client = tokio::time::timeout(CONNECT_TIMEOUT, transport::connect(&self.url))
			.await
			.map_err(|_| format!("no answer within {} s", CONNECT_TIMEOUT.as_secs()))
			.and_then(|connected| connected)
			.map_err(|reason| self.unreachable(&reason))?;
		*slot = Some(client.clone());
		Ok(client)
	}

	fn unreachable(&self, reason: &str) -> Value {
		json!({
			"code": NODE_UNREACHABLE,
			"message": format!(
				"The node at {} is not reachable ({reason}). Start it, or restart registry web \
				 with --node naming a running node.",
				self.url
			),
		})
	}
}

async fn read_body(request: Request<Incoming>) -> Result<Bytes, String> {
	Limited::new(request.into_body(), MAX_REQUEST_BYTES)
		.collect()
		.await
		.map(|body| body.to_bytes())
		.map_err(|_| format!("a request to /rpc holds at most {MAX_REQUEST_BYTES} bytes"))
}

fn rpc_error(id: Value, code: i32, message: &str) -> Value {
	json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

fn json_response(status: StatusCode, body: Value) -> Response<Full<Bytes>> {
	respond(status, "application/json", body.to_string().into())
}

fn respond(status: StatusCode, content_type: &str, body: Bytes) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(body));
	*response.status_mut() = status;
	let headers = response.headers_mut();
	let mut set = |name, value: &str| {
		if let Ok(value) = header::HeaderValue::from_str(value) {
			headers.insert(name, value);
		}
	};
	set(header::CONTENT_TYPE, content_type);
	set(header::CACHE_CONTROL, "no-cache");
	set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
	// Only the page's own files run: no inline script, no other origin, WebAssembly allowed.
	set(
		header::CONTENT_SECURITY_POLICY,
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
		 img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
	);
	response
}
