//! # registry-verify-wasm
//!
//! What the verifier page computes in the browser, never sending a file anywhere: the
//! SHA-256 and SM3 of a file fed in chunks ([`Fingerprinter`]), and the offline check of an
//! authorship certificate ([`verify_certificate`]) with the same code the `registry verify`
//! command runs. Results cross to JavaScript as JSON text.

use registry_verify::certificate::{self, Certificate, Stage, Trust, TrustedAuthorities};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sm3::Sm3;
use wasm_bindgen::prelude::wasm_bindgen;

/// The SHA-256 and SM3 of a file, fed chunk by chunk so that no file is ever held whole.
#[wasm_bindgen]
#[derive(Default)]
pub struct Fingerprinter {
	sha256: Sha256,
	sm3: Sm3,
	bytes: u64,
}

#[wasm_bindgen]
impl Fingerprinter {
	/// A fingerprinter that has seen nothing.
	#[wasm_bindgen(constructor)]
	pub fn new() -> Self {
		Self::default()
	}

	/// Adds the next chunk of the file.
	pub fn update(&mut self, chunk: &[u8]) {
		self.sha256.update(chunk);
		self.sm3.update(chunk);
		self.bytes += chunk.len() as u64;
	}

	/// `{"sha256": "0x…", "sm3": "0x…", "bytes": n}` of everything fed.
	pub fn finish(self) -> String {
		serde_json::json!({
			"sha256": format!("0x{}", hex::encode(self.sha256.finalize())),
			"sm3": format!("0x{}", hex::encode(self.sm3.finalize())),
			"bytes": self.bytes,
		})
		.to_string()
	}
}

/// The outcome of one check.
#[derive(Serialize, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
	/// The check was made and held.
	Passed,
	/// The check was made and failed: `detail` says why.
	Failed,
	/// The check was not asked for (no file given).
	Skipped,
	/// An earlier check failed.
	NotReached,
}

/// One check, as the page lists it.
#[derive(Serialize, Debug)]
pub struct CheckReport {
	/// [`Stage::name`].
	pub check: &'static str,
	pub outcome: Outcome,
	/// Why it failed, or a note on how it passed.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub detail: Option<String>,
}

/// Everything the page shows of a verification.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Report {
	/// Whether every check that was made passed.
	pub verified: bool,
	/// The failure, as a sentence.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub error: Option<String>,
	/// Every check in order.
	pub checks: Vec<CheckReport>,
	/// Whether the finality proof was checked against a trusted set.
	pub pinned: bool,
	/// The set id the proof was checked with.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub set_id: Option<u64>,
	/// The weight of the valid precommits and the weight needed.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub signed_weight: Option<u64>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub threshold: Option<u64>,
	/// The certificate as read, when it could be read.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub certificate: Option<Certificate>,
}

/// Checks the certificate `certificate` (its JSON text) offline. `trusted` is the trusted
/// authority set as JSON (`{"setId": 0, "authorities": [{"publicKey": "0x…", "weight": 1}]}`),
/// or none to rely on the certificate's own set; `file_sha256` the SHA-256 of the file it is
/// said to be for, if one was given. Returns a [`Report`] as JSON.
#[wasm_bindgen]
pub fn verify_certificate(
	certificate: &str,
	trusted: Option<String>,
	file_sha256: Option<String>,
) -> String {
	serde_json::to_string(&report(
		certificate,
		trusted.as_deref(),
		file_sha256.as_deref(),
	))
	.unwrap_or_else(|e| format!("{{\"verified\":false,\"error\":\"{e}\",\"checks\":[]}}"))
}

/// [`verify_certificate`]'s report, before it becomes JSON.
pub fn report(text: &str, trusted: Option<&str>, file_sha256: Option<&str>) -> Report {
	let failed_at = |stage: Stage, error: String, certificate: Option<Certificate>| Report {
		verified: false,
		checks: checks(Some(stage), Some(error.clone()), file_sha256.is_some()),
		error: Some(error),
		pinned: trusted.is_some(),
		set_id: None,
		signed_weight: None,
		threshold: None,
		certificate,
	};

	let json: serde_json::Value = match serde_json::from_str(text) {
		Ok(json) => json,
		Err(e) => {
			return failed_at(
				Stage::Format,
				format!("This file is not JSON, so it is not a certificate ({e})."),
				None,
			)
		}
	};
	let format = json
		.get("format")
		.and_then(|f| f.as_str())
		.unwrap_or_default();
	if format != certificate::FORMAT {
		return failed_at(
			Stage::Format,
			format!(
				"This JSON is not an authorship certificate: its format is {format:?}, a \
				 certificate's is {:?}.",
				certificate::FORMAT
			),
			None,
		);
	}
	let certificate: Certificate = match serde_json::from_value(json) {
		Ok(certificate) => certificate,
		Err(e) => {
			return failed_at(
				Stage::Format,
				format!("This certificate is not one this verifier reads: {e}."),
				None,
			)
		}
	};
	let trusted = match trusted
		.map(serde_json::from_str::<TrustedAuthorities>)
		.transpose()
	{
		Ok(trusted) => trusted,
		Err(e) => {
			return failed_at(
				Stage::Authorities,
				format!(
					"The trusted keys are not an authority set: {e}. Give {{\"authorities\": \
					 [{{\"publicKey\": \"0x…\", \"weight\": 1}}]}}."
				),
				Some(certificate),
			)
		}
	};
	let file = match file_sha256.map(digest).transpose() {
		Ok(file) => file,
		Err(e) => return failed_at(Stage::File, e, Some(certificate)),
	};

	match certificate::verify_content(&certificate, file, trusted.as_ref()) {
		Ok(verified) => {
			let set_id = match &verified.trust {
				Trust::Pinned { set_id } | Trust::Unpinned { set_id, .. } => *set_id,
			};
			Report {
				verified: true,
				error: None,
				checks: checks(None, None, file.is_some()),
				pinned: matches!(verified.trust, Trust::Pinned { .. }),
				set_id: Some(set_id),
				signed_weight: Some(verified.signed_weight),
				threshold: Some(verified.threshold),
				certificate: Some(certificate),
			}
		}
		Err(e) => failed_at(e.stage(), capitalised(&e.to_string()), Some(certificate)),
	}
}

/// Every check's outcome when the check `failed` failed with `error`, or none failed.
fn checks(failed: Option<Stage>, error: Option<String>, with_file: bool) -> Vec<CheckReport> {
	Stage::ALL
		.iter()
		.map(|&stage| {
			let outcome = match failed {
				Some(f) if stage == f => Outcome::Failed,
				Some(f) if stage > f => Outcome::NotReached,
				_ if stage == Stage::File && !with_file => Outcome::Skipped,
				_ => Outcome::Passed,
			};
			CheckReport {
				check: stage.name(),
				detail: (outcome == Outcome::Failed)
					.then(|| error.clone())
					.flatten(),
				outcome,
			}
		})
		.collect()
}

fn digest(text: &str) -> Result<[u8; 32], String> {
	hex::decode(text.trim_start_matches("0x"))
		.ok()
		.and_then(|bytes| bytes.try_into().ok())
		.ok_or_else(|| format!("The file's SHA-256 {text:?} is not 64 hex digits."))
}

fn capitalised(sentence: &str) -> String {
	let mut chars = sentence.chars();
	let first = chars
		.next()
		.map(|c| c.to_uppercase().collect::<String>())
		.unwrap_or_default();
	format!("{first}{}.", chars.as_str().trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn outcomes(report: &Report) -> Vec<(&'static str, &Outcome)> {
		report
			.checks
			.iter()
			.map(|c| (c.check, &c.outcome))
			.collect()
	}

	#[test]
	fn text_that_is_not_json_fails_the_format_check_with_a_sentence() {
		let report = report("this is not a certificate", None, None);
		assert!(!report.verified);
		assert!(report
			.error
			.as_deref()
			.unwrap()
			.starts_with("This file is not JSON"));
		assert_eq!(report.checks[0].outcome, Outcome::Failed);
		assert!(report.checks[1..]
			.iter()
			.all(|c| c.outcome == Outcome::NotReached));
	}

	#[test]
	fn other_json_is_named_by_its_format() {
		let report = report(r#"{"format": "invoice", "total": 3}"#, None, None);
		let error = report.error.unwrap();
		assert!(
			error.contains("\"invoice\"") && error.contains(certificate::FORMAT),
			"{error}"
		);
	}

	#[test]
	fn a_certificate_with_an_unknown_field_is_refused_naming_it() {
		let text = format!(r#"{{"format": "{}", "surprise": 1}}"#, certificate::FORMAT);
		let error = report(&text, None, None).error.unwrap();
		assert!(error.contains("not one this verifier reads"), "{error}");
	}

	#[test]
	fn a_failure_marks_the_checks_before_it_passed_and_after_it_not_reached() {
		let checks = checks(Some(Stage::Finality), Some("too few".into()), false);
		let failed: Vec<_> = checks
			.iter()
			.filter(|c| c.outcome == Outcome::Failed)
			.collect();
		assert_eq!(failed.len(), 1);
		assert_eq!(failed[0].check, "finality");
		assert_eq!(failed[0].detail.as_deref(), Some("too few"));
		let report = Report {
			verified: false,
			error: None,
			checks,
			pinned: false,
			set_id: None,
			signed_weight: None,
			threshold: None,
			certificate: None,
		};
		assert_eq!(
			outcomes(&report),
			vec![
				("format", &Outcome::Passed),
				("file", &Outcome::Skipped),
				("block", &Outcome::Passed),
				("authorities", &Outcome::Passed),
				("finality", &Outcome::Failed),
				("storage", &Outcome::NotReached),
				("summary", &Outcome::NotReached),
			]
		);
	}

	#[test]
	fn chunks_hash_as_the_whole_file_does() {
		let data: Vec<u8> = (0..100_000u32).map(|n| (n % 251) as u8).collect();
		let mut chunked = Fingerprinter::new();
		for chunk in data.chunks(4096 + 7) {
			chunked.update(chunk);
		}
		let chunked: serde_json::Value = serde_json::from_str(&chunked.finish()).unwrap();
		assert_eq!(
			chunked["sha256"],
			format!("0x{}", hex::encode(Sha256::digest(&data)))
		);
		assert_eq!(
			chunked["sm3"],
			format!("0x{}", hex::encode(Sm3::digest(&data)))
		);
		assert_eq!(chunked["bytes"], 100_000);
		// GB/T 32905-2016, example 1.
		let mut abc = Fingerprinter::new();
		abc.update(b"abc");
		let abc: serde_json::Value = serde_json::from_str(&abc.finish()).unwrap();
		assert_eq!(
			abc["sm3"],
			"0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
		);
	}
}
