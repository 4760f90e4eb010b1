//! The WebSocket connection to a node.
//!
//! The SDK's RPC server leaves Nagle's algorithm on for the sockets it accepts. When it writes
//! several frames in a row, a subscription's notification and then an answer, the answer waits
//! in the node's kernel until the client acknowledges what went before. Linux delays that
//! acknowledgement by up to 40 ms while it waits for data to send back with it. A client that
//! only reads sends nothing, so every such answer took about 40 ms more: nearly every command
//! of the CLI paid it once, and an import paid it on every round trip.
//!
//! The client therefore asks its kernel to acknowledge at once (`TCP_QUICKACK`). Linux clears
//! that setting as the connection goes on, so it is set again after every read. `TCP_NODELAY`
//! keeps the client's own frames from waiting in the same way. `wss://` URLs go through
//! jsonrpsee's TLS transport as they are.

use std::{
	io,
	pin::Pin,
	task::{Context, Poll},
};

use std::sync::Arc;

use jsonrpsee::{
	async_client::{Client, ClientBuilder},
	client_transport::ws::{Url, WsTransportClientBuilder},
};
use tokio::{
	io::{AsyncRead, AsyncWrite, ReadBuf},
	net::TcpStream,
};

/// A TCP stream that acknowledges what it reads at once.
struct QuickAck(TcpStream);

impl QuickAck {
	fn rearm(&self) {
		// Only a hint to the kernel: a failure costs latency, never data.
		#[cfg(target_os = "linux")]
		let _ = socket2::SockRef::from(&self.0).set_tcp_quickack(true);
	}
}

impl AsyncRead for QuickAck {
	fn poll_read(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &mut ReadBuf<'_>,
	) -> Poll<io::Result<()>> {
		let read = Pin::new(&mut self.0).poll_read(cx, buf);
		if read.is_ready() {
			self.rearm();
		}
		read
	}
}

impl AsyncWrite for QuickAck {
	fn poll_write(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &[u8],
	) -> Poll<io::Result<usize>> {
		Pin::new(&mut self.0).poll_write(cx, buf)
	}

	fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
		Pin::new(&mut self.0).poll_flush(cx)
	}

	fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
		Pin::new(&mut self.0).poll_shutdown(cx)
	}
}

/// A JSON-RPC client connected to the node at `url`; the error says why not.
pub async fn connect(url: &str) -> Result<Arc<Client>, String> {
	let parsed = Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
	let client = ClientBuilder::default().max_buffer_capacity_per_subscription(4096);
	if parsed.scheme() != "ws" {
		let (sender, receiver) = WsTransportClientBuilder::default()
			.build(parsed)
			.await
			.map_err(|e| e.to_string())?;
		return Ok(Arc::new(client.build_with_tokio(sender, receiver)));
	}
	let host = parsed
		.host_str()
		.ok_or_else(|| "the URL names no host".to_string())?;
	let port = parsed.port_or_known_default().unwrap_or(80);
	// IPv6 literals come bracketed in URLs.
	let host = host.trim_start_matches('[').trim_end_matches(']');
	let socket = TcpStream::connect((host, port))
		.await
		.map_err(|e| e.to_string())?;
	socket.set_nodelay(true).map_err(|e| e.to_string())?;
	let stream = QuickAck(socket);
	stream.rearm();
	let (sender, receiver) = WsTransportClientBuilder::default()
		.build_with_stream(parsed, stream)
		.await
		.map_err(|e| e.to_string())?;
	Ok(Arc::new(client.build_with_tokio(sender, receiver)))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn a_bad_url_or_a_closed_port_is_an_error_not_a_panic() {
		assert!(connect("not a url")
			.await
			.unwrap_err()
			.contains("not a URL"));
		// Port 1 on loopback has no listener.
		assert!(connect("ws://127.0.0.1:1").await.is_err());
	}

	#[tokio::test]
	async fn the_client_speaks_json_rpc_over_its_own_socket() {
		// A JSON-RPC server of the kind the node runs, answering one method.
		let server = jsonrpsee::server::Server::builder()
			.build("127.0.0.1:0")
			.await
			.unwrap();
		let address = server.local_addr().unwrap();
		let mut module = jsonrpsee::RpcModule::new(());
		module
			.register_method("registry_ping", |_, _, _| "pong")
			.unwrap();
		let handle = server.start(module);

		let client = connect(&format!("ws://{address}")).await.unwrap();
		let answer: String = jsonrpsee::core::client::ClientT::request(
			&*client,
			"registry_ping",
			jsonrpsee::rpc_params![],
		)
		.await
		.unwrap();
		assert_eq!(answer, "pong");
		handle.stop().unwrap();
	}
}
