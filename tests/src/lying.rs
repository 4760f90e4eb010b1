//! A node that lies: a WebSocket proxy on loopback in front of a real node, which passes every
//! message on and lets the test rewrite the node's answers on their way back.

use futures::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::{net::TcpListener, task::JoinHandle};
use tokio_tungstenite::tungstenite::Message;

/// Rewrites one answer of the node, as JSON.
pub type Rewrite = fn(&mut Value);

/// A proxy that rewrites answers; stops when dropped.
pub struct LyingNode {
	/// Its WebSocket address, to give to clients instead of the node's.
	pub url: String,
	task: JoinHandle<()>,
}

impl LyingNode {
	/// A proxy in front of the node at `node_url` whose answers pass through `rewrite`.
	pub async fn start(node_url: &str, rewrite: Rewrite) -> Self {
		let listener = TcpListener::bind("127.0.0.1:0")
			.await
			.expect("a loopback port");
		let url = format!("ws://{}", listener.local_addr().unwrap());
		let node_url = node_url.to_string();
		let task = tokio::spawn(async move {
			while let Ok((stream, _)) = listener.accept().await {
				let node_url = node_url.clone();
				tokio::spawn(async move {
					let Ok(client) = tokio_tungstenite::accept_async(stream).await else {
						return;
					};
					let Ok((node, _)) = tokio_tungstenite::connect_async(&node_url).await else {
						return;
					};
					let (mut to_client, mut from_client) = client.split();
					let (mut to_node, mut from_node) = node.split();
					let upstream = async {
						while let Some(Ok(message)) = from_client.next().await {
							if to_node.send(message).await.is_err() {
								break;
							}
						}
					};
					let downstream = async {
						while let Some(Ok(message)) = from_node.next().await {
							let message = match message {
								Message::Text(text) => {
									match serde_json::from_str::<Value>(text.as_str()) {
										Ok(mut answer) => {
											rewrite(&mut answer);
											Message::Text(answer.to_string().into())
										}
										Err(_) => Message::Text(text),
									}
								}
								other => other,
							};
							if to_client.send(message).await.is_err() {
								break;
							}
						}
					};
					tokio::select! {
						_ = upstream => {},
						_ = downstream => {},
					}
				});
			}
		});
		Self { url, task }
	}
}

impl Drop for LyingNode {
	fn drop(&mut self) {
		self.task.abort();
	}
}
