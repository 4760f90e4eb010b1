//! `registry certificate`: an authorship certificate of a file, which `registry verify` checks
//! with no node.

use std::path::{Path, PathBuf};

use registry_client::{certificate::Certificate, fingerprint, Error, H256};
use serde_json::json;

use crate::{
	context::Context,
	errors::CliError,
	output::{hex32, Output},
};

pub const LONG_ABOUT: &str = "\
Make an authorship certificate of a file: what the chain records for its content at a \
finalized block (the work that filed it, its authors and attestations, the collectibles that \
carry it), with the block's header, its GRANDPA finality proof and the storage proof that \
make it checkable offline by `registry verify`.

The certificate is read at the newest finalized block; a later revocation or dispute is not \
in it. Content that no work and no collectible carries gets no certificate.";

#[derive(Debug, clap::Args)]
pub struct Args {
	/// The file whose content to certify.
	#[arg(value_name = "FILE")]
	file: PathBuf,
	/// Where to write the certificate; default FILE's name with .cert.json, beside it.
	#[arg(long, value_name = "CERT.json")]
	out: Option<PathBuf>,
}

pub async fn run(args: Args, context: &Context) -> Result<Output, CliError> {
	let content = fingerprint::sha256_file(&args.file)
		.map(H256)
		.map_err(|e| {
			let reason = match &e {
				Error::Io { source, .. } => source.to_string(),
				other => other.to_string(),
			};
			CliError::new(
				"io",
				format!("cannot read {}: {reason}", args.file.display()),
			)
		})?;
	let client = context.connect().await?;
	let certificate = client
		.certificate_for(content)
		.await
		.map_err(|e| refused(e, &args.file, content))?;
	let out = args.out.unwrap_or_else(|| default_out(&args.file));
	let text = serde_json::to_string_pretty(&certificate).unwrap_or_default();
	std::fs::write(&out, text + "\n")
		.map_err(|e| CliError::new("io", format!("cannot write {}: {e}", out.display())))?;
	Ok(described(&certificate, &args.file, &out))
}

/// `poem.txt` → `poem.cert.json`, beside it.
fn default_out(file: &Path) -> PathBuf {
	let stem = file
		.file_stem()
		.map(|s| s.to_string_lossy().into_owned())
		.unwrap_or_else(|| "content".into());
	file.with_file_name(format!("{stem}.cert.json"))
}

fn refused(error: Error, file: &Path, content: H256) -> CliError {
	match error {
		// The node's own lookup comes first and answers 1000 when nothing carries the content.
		Error::Rpc {
			code: registry_client::types::api::NOT_FOUND,
			..
		} => CliError::not_found(format!(
			"nothing is registered with the content of {} ({}): no work and no collectible \
			 carries it, so there is nothing to certify; register it first, e.g. with \
			 `registry work register --file {}`",
			file.display(),
			hex32(&content),
			file.display()
		)),
		other => CliError::from(other),
	}
}

fn described(certificate: &Certificate, file: &Path, out: &Path) -> Output {
	let proof = &certificate.proof;
	let mut lines = vec![format!(
		"Wrote {}: the certificate of {} ({}) at finalized block {}.",
		out.display(),
		file.display(),
		certificate.content_sha256,
		proof.block_number
	)];
	if let Some(sm3) = &certificate.content_sm3 {
		lines.push(format!("Its SM3 digest, proven with it: {sm3}."));
	}
	if let Some(work) = &certificate.work {
		let attested = work
			.attestations
			.iter()
			.filter(|a| a.revoked.is_none())
			.count();
		lines.push(format!(
			"Work {} \"{}\" by {}, registered by {} at block {}; {attested} attestation{} in \
			 force.",
			work.work,
			work.title,
			work.authors.join(", "),
			work.registrant,
			work.registered_at_block,
			if attested == 1 { "" } else { "s" }
		));
	}
	for item in &certificate.collectibles {
		lines.push(format!(
			"Item {} of collection {}, serial {}, held by {}.",
			item.item, item.collection, item.serial, item.owner
		));
	}
	lines.push(format!(
		"Finalized by GRANDPA authority set {} ({} key{}). Check it anywhere, with no node: \
		 `registry verify {} {}`.",
		proof.set_id,
		proof.authorities.len(),
		if proof.authorities.len() == 1 {
			""
		} else {
			"s"
		},
		out.display(),
		file.display()
	));
	Output::new(
		lines.join("\n"),
		json!({
			"certificate": out.display().to_string(),
			"file": file.display().to_string(),
			"content": certificate.content_sha256,
			"content_sm3": certificate.content_sm3,
			"work": certificate.work.as_ref().map(|w| w.work),
			"collectibles": certificate
				.collectibles
				.iter()
				.map(|i| json!({ "collection": i.collection, "item": i.item }))
				.collect::<Vec<_>>(),
			"block_number": proof.block_number,
			"block_hash": proof.block_hash,
			"set_id": proof.set_id,
		}),
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_certificate_goes_beside_the_file() {
		assert_eq!(
			default_out(Path::new("/poems/poem.txt")),
			PathBuf::from("/poems/poem.cert.json")
		);
		assert_eq!(
			default_out(Path::new("scan")),
			PathBuf::from("scan.cert.json")
		);
	}
}
