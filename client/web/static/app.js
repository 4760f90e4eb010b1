// The verifier page: files hashed and certificates checked in the browser (WebAssembly from
// the same Rust the `registry` CLI runs), everything else asked of the node through the
// `registry web` server that serves this page. Views are chosen by the URL's fragment, so
// every one can be shared: #/content/0x…, #/item/3/17, #/work/5, #/account/5F…,
// #/collection/3, #/unit/4.

import init, { Fingerprinter, verify_certificate } from "./verify.js";
import { messages } from "./i18n.js";

const CHUNK = 4 * 1024 * 1024;
const HISTORY_PAGE = 100;

// ---- Words -------------------------------------------------------------------------------

let lang = localStorage.getItem("registry-lang")
	|| (navigator.language && navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en");

function t(key, vars = {}) {
	const text = messages[lang][key] ?? messages.en[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

function applyLanguage() {
	document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
	document.title = t("title");
	for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
	const q = document.getElementById("q");
	q.placeholder = t("search.placeholder");
	const button = document.getElementById("lang");
	button.textContent = t("lang.switch");
	button.setAttribute("aria-label", t("lang.label"));
}

// ---- Building the page, never from HTML strings: everything shown from the chain is text ---

function h(tag, attrs = {}, ...children) {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (value === undefined || value === null || value === false) continue;
		if (name === "class") el.className = value;
		else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
		else el.setAttribute(name, value === true ? "" : value);
	}
	for (const child of children.flat()) {
		if (child === undefined || child === null || child === false) continue;
		el.append(child instanceof Node ? child : String(child));
	}
	return el;
}

// Moves keyboard focus to the new view, with the page at its top.
function focusMain() {
	document.getElementById("main").focus({ preventScroll: true });
	window.scrollTo(0, 0);
}

function show(...sections) {
	const main = document.getElementById("main");
	main.replaceChildren(...sections);
}

function facts(rows) {
	return h("dl", { class: "facts" },
		rows.filter((row) => row && row[1] !== undefined && row[1] !== null)
			.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]));
}

const link = (href, text, cls) => h("a", { href, class: cls }, text);
const account = (address) => link(`#/account/${address}`, address, "account");
const accounts = (list) => list.length
	? list.flatMap((a, i) => (i ? [", ", account(a)] : [account(a)]))
	: t("work.none");
const hash = (text) => h("span", { class: "hash" }, text);

// Block numbers with their dates where the page has seen them (from audit records).
const blockTimes = new Map();

function when(block) {
	const time = blockTimes.get(block);
	return h("span", {}, t("block", { block }),
		time ? h("span", { class: "when" }, ` · ${formatTime(time)}`) : null);
}

function formatTime(iso) {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
		dateStyle: "medium", timeStyle: "short", timeZone: "UTC",
	}).format(date) + " UTC";
}

function formatBytes(n) {
	if (n < 1024) return `${n} B`;
	const units = ["KiB", "MiB", "GiB", "TiB"];
	let value = n / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
	return `${value.toFixed(1)} ${units[unit]}`;
}

// ---- The node -----------------------------------------------------------------------------

class RpcError extends Error {
	constructor(code, message) { super(message); this.code = code; }
}
// The code `registry web` answers with when it cannot reach the node.
const NODE_UNREACHABLE = -32050;
const PAGE_UNREACHABLE = "page-unreachable";
// The node's code for parameters that name nothing on the chain.
const NOT_FOUND = 1000;

let nextId = 1;

async function rpc(method, params = []) {
	let response;
	try {
		response = await fetch("rpc", {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
		});
	} catch (e) {
		nodeDown(t("page.unreachable"));
		throw new RpcError(PAGE_UNREACHABLE, t("page.unreachable"));
	}
	let body;
	try {
		body = await response.json();
	} catch (e) {
		nodeDown(t("page.unreachable"));
		throw new RpcError(PAGE_UNREACHABLE, t("page.unreachable"));
	}
	if (body.error) {
		if (body.error.code === NODE_UNREACHABLE) nodeDown(t("node.unreachable", { reason: body.error.message }));
		throw new RpcError(body.error.code, body.error.message);
	}
	nodeUp();
	return body.result;
}

let nodeInfo = null;

function nodeDown(text) {
	const el = document.getElementById("node");
	el.className = "down";
	el.textContent = text;
	nodeInfo = null;
}

function nodeUp() {
	const el = document.getElementById("node");
	if (el.className === "down") {
		el.className = "";
		el.textContent = "";
		refreshNode();
	}
}

async function refreshNode() {
	try {
		const response = await fetch("api/node");
		const info = await response.json();
		const el = document.getElementById("node");
		if (info.error) {
			nodeDown(t("node.unreachable", { reason: info.error }));
			return null;
		}
		nodeInfo = info;
		el.className = "";
		el.textContent = t("node.connected", { chain: info.chain, block: info.finalizedBlock });
		return info;
	} catch (e) {
		nodeDown(t("page.unreachable"));
		return null;
	}
}

function failure(error) {
	let text = error.message;
	if (error instanceof RpcError) {
		// The status line names the unreachable node; here, what still works.
		if (error.code === NODE_UNREACHABLE) text = t("node.down.hint");
		else if (error.code !== PAGE_UNREACHABLE) text = t("error.rpc", { message: error.message });
	}
	return h("p", { class: "error", role: "alert" }, text);
}

// Every page of a subject's history, newest first, up to `limit` records.
async function history(of, limit = HISTORY_PAGE) {
	const page = await rpc("audit_history", [of, Math.min(limit, 100), null, null, null, null, null]);
	for (const record of page.records) blockTimes.set(record.block, record.time);
	return page;
}

// ---- Views --------------------------------------------------------------------------------

let lastFingerprint = null;

function home() {
	const fileInput = h("input", { id: "file-input", type: "file", class: "visually-hidden" });
	const fileProgress = h("div", { id: "file-progress", "aria-live": "polite" });
	fileInput.addEventListener("change", () => fileInput.files[0] && lookUpFile(fileInput.files[0], fileProgress));

	const certInput = h("input", { id: "cert-input", type: "file", accept: ".json,application/json", class: "visually-hidden" });
	const certFile = h("input", { id: "cert-file", type: "file" });
	const keys = h("textarea", { id: "trusted-keys", placeholder: t("home.cert.keys.placeholder"), "aria-label": t("home.cert.trust.keys") });
	const trust = (value, checked) => h("label", {},
		h("input", { type: "radio", name: "trust", value, checked }), " ", t(`home.cert.trust.${value}`));
	const certProgress = h("div", { id: "cert-progress", "aria-live": "polite" });
	certInput.addEventListener("change", () => certInput.files[0] && verifyCertificate(certInput.files[0], certProgress));

	show(h("div", { class: "cards" },
		h("section", { id: "check-file" },
			h("h1", {}, t("home.file.title")),
			dropZone(fileInput, t("home.file.text"), (file) => lookUpFile(file, fileProgress)),
			fileProgress),
		h("section", { id: "check-certificate" },
			h("h1", {}, t("home.cert.title")),
			dropZone(certInput, t("home.cert.text"), (file) => verifyCertificate(file, certProgress)),
			h("label", { for: "cert-file" }, t("home.cert.file")), h("br"), certFile,
			h("fieldset", {}, h("legend", {}, t("home.cert.trust")),
				trust("node", true), h("br"), trust("keys"), h("br"), keys, h("br"), trust("none")),
			certProgress)));
}

function dropZone(input, text, onFile) {
	const zone = h("label", { class: "drop", for: input.id, tabindex: 0, role: "button" }, text, input);
	zone.addEventListener("keydown", (event) => {
		if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
	});
	zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
	zone.addEventListener("dragleave", () => zone.classList.remove("over"));
	zone.addEventListener("drop", (event) => {
		event.preventDefault();
		zone.classList.remove("over");
		const file = event.dataTransfer.files[0];
		if (file) onFile(file);
	});
	return zone;
}

// SHA-256 and SM3 of a file, read in chunks: never whole in memory.
async function fingerprint(file, progressEl) {
	await wasmReady;
	const hasher = new Fingerprinter();
	const bar = h("progress", { max: file.size || 1, value: 0 });
	const label = h("div", {});
	progressEl.replaceChildren(label, bar);
	for (let offset = 0; offset < file.size; offset += CHUNK) {
		const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
		hasher.update(chunk);
		bar.value = Math.min(file.size, offset + CHUNK);
		label.textContent = t("hashing", {
			name: file.name, done: formatBytes(bar.value), total: formatBytes(file.size),
		});
	}
	const digests = JSON.parse(hasher.finish());
	progressEl.replaceChildren(h("div", {}, t("hashed", { name: file.name, size: formatBytes(file.size) })));
	return { name: file.name, size: file.size, ...digests };
}

async function lookUpFile(file, progressEl) {
	try {
		lastFingerprint = await fingerprint(file, progressEl);
	} catch (e) {
		progressEl.replaceChildren(failure(e));
		return;
	}
	location.hash = `#/content/${lastFingerprint.sha256}`;
}

async function contentView(content) {
	// The node answers "not found" for a content nothing has: that is this view's answer.
	const matches = await rpc("registry_findByContentHash", [content, 100, null]).catch((e) => {
		if (e.code === NOT_FOUND) return { collectibles: [], work: null };
		throw e;
	});
	const known = lastFingerprint && (lastFingerprint.sha256 === content || `sm3:${lastFingerprint.sm3}` === content)
		? lastFingerprint : null;
	const bySm3 = content.startsWith("sm3:");
	const sha256 = known ? known.sha256 : bySm3 ? matches.work?.contentSha256 ?? matches.collectibles[0]?.contentSha256 : content;
	const sm3 = known ? known.sm3 : bySm3 ? content.slice(4) : null;
	const digests = facts([
		known ? [t("content.file"), `${known.name} · ${formatBytes(known.size)}`] : null,
		sha256 ? [t("content.sha256"), hash(sha256)] : null,
		sm3 ? [t("content.sm3"), hash(sm3)] : null,
	]);
	if (!matches.work && matches.collectibles.length === 0) {
		show(h("section", { id: "unknown" },
			h("h1", {}, t("unknown.title")),
			h("p", {}, t("unknown.text")),
			digests));
		return;
	}
	const sections = [h("section", { id: "content" }, h("h1", {}, t("content.title")), digests)];
	if (matches.work) sections.push(...await workSections(matches.work));
	for (const item of matches.collectibles) sections.push(...await itemSections(item));
	show(...sections);
}

async function itemSections(item) {
	const [collection, records] = await Promise.all([
		rpc("registry_getCollection", [item.collection]).catch(() => null),
		history(`item:${item.collection}:${item.item}`),
	]);
	const id = `${item.collection}:${item.item}`;
	return [
		h("section", { class: "item", "data-item": id },
			h("h2", {}, link(`#/item/${item.collection}/${item.item}`, t("item.title", { collection: item.collection, item: item.item })),
				" ", stateBadge(item)),
			facts([
				[t("item.collection"), link(`#/collection/${item.collection}`,
					collection ? `${item.collection} · ${collection.name}` : String(item.collection))],
				[t("item.holder"), account(item.owner)],
				[t("item.creator"), account(item.creator)],
				[t("item.issuers"), collection ? accounts(collection.issuers) : null],
				[t("item.state"), stateText(item)],
				[t("item.serial"), String(item.serial)],
				[t("item.edition"), String(item.edition)],
				[t("item.catalogue"), item.catalogueNumber],
				[t("item.minted"), when(item.mintedAtBlock)],
				[t("item.heldSince"), when(item.heldSinceBlock)],
				[t("item.transferableFrom"), when(item.transferableFromBlock)],
				[t("item.metadata"), h("span", {}, item.metadata.uri, " ", hash(item.metadata.sha256))],
				[t("content.sha256"), link(`#/content/${item.contentSha256}`, item.contentSha256, "hash")],
				[t("content.sm3"), item.contentSm3 ? hash(item.contentSm3) : null],
				[t("content.code"), item.contentCode ? hash(item.contentCode) : null],
			])),
		timeline(records),
	];
}

function stateBadge(item) {
	if (item.frozen) return h("span", { class: "badge frozen" }, t("kind.frozen"));
	return h("span", { class: `badge ${item.state}` }, t(`state.${item.state}`, { reason: item.retiredReason }));
}

function stateText(item) {
	const state = t(`state.${item.state}`, { reason: item.retiredReason ?? "" });
	if (!item.frozen) return state;
	return h("span", {}, state, "; ",
		h("strong", {}, t("state.frozen", { by: item.frozen.by, block: item.frozen.atBlock, reason: item.frozen.reason })));
}

async function workSections(work) {
	const records = await history(`work:${work.work}`);
	const attestation = (a) => h("li", {},
		account(a.attester), " · ", when(a.atBlock),
		a.revoked ? h("span", { class: "when" }, ` (${t("work.attestation.revoked", { block: a.revoked.atBlock })})`) : null);
	const dispute = (d) => h("li", {}, t("work.dispute", {
		dispute: d.dispute, by: d.openedBy, block: d.openedAtBlock, status: d.status,
	}));
	return [
		h("section", { class: "work", "data-work": work.work },
			h("h2", {}, link(`#/work/${work.work}`, t("work.title", { work: work.work, title: work.title }))),
			facts([
				[t("work.authors"), accounts(work.authors)],
				[t("work.moral"), rightNames(work.moralRights)],
				[t("work.registrant"), account(work.registrant)],
				[t("work.registered"), when(work.registeredAtBlock)],
				[t("work.createdOn"), work.createdOn],
				[t("work.parents"), work.parents.length ? work.parents.flatMap((p, i) => [i ? ", " : "", link(`#/work/${p}`, String(p))]) : null],
				[t("content.sha256"), link(`#/content/${work.contentSha256}`, work.contentSha256, "hash")],
				[t("content.sm3"), work.contentSm3 ? hash(work.contentSm3) : null],
				[t("item.metadata"), h("span", {}, work.metadata.uri, " ", hash(work.metadata.sha256))],
			]),
			h("h3", {}, t("work.attestations")),
			work.attestations.length ? h("ul", { class: "plain attestations" }, work.attestations.map(attestation)) : h("p", {}, t("work.none")),
			h("h3", {}, t("work.disputes")),
			work.disputes.length ? h("ul", { class: "plain disputes" }, work.disputes.map(dispute)) : h("p", {}, t("work.none"))),
		rightsMap(work),
		timeline(records),
	];
}

// Rights by their names in the page's language (the Copyright Law's, in Chinese).
const rightNames = (names) => names.map((name) => t(`right.${name}`)).join(lang === "zh" ? "、" : ", ");

function scope(s) {
	const territory = s.territory.worldwide
		? t("rights.worldwide") + (s.territory.excluding?.length ? ` − ${s.territory.excluding.join(", ")}` : "")
		: (s.territory.including ?? []).join(", ");
	return [
		[t("rights.rights"), rightNames(s.rights)],
		[t("rights.territory"), territory],
		[t("rights.term"), `${s.term.start} – ${s.term.end ?? "…"}`],
	];
}

function rightsMap(work) {
	const units = work.units.map((unit) => h("li", { class: "unit" },
		h("h3", {}, link(`#/unit/${unit.unit}`, t("rights.unit", { unit: unit.unit })),
			unit.endedAtBlock != null ? h("span", { class: "when" }, ` (${t("rights.ended", { block: unit.endedAtBlock })})`) : null),
		facts([
			...scope(unit.scope),
			[t("rights.holders"), h("span", {}, accounts(unit.holders),
				unit.holders.length > 1 ? ` (${t("rights.threshold", { threshold: unit.threshold, count: unit.holders.length })})` : "")],
		])));
	const licences = work.licences.map((l) => h("li", { class: "licence" },
		h("h3", {}, t("rights.licence", { licence: l.licence, licensee: l.licensee })),
		facts([
			...scope(l.scope),
			[t("rights.unit", { unit: "" }).trim(), link(`#/unit/${l.unit}`, String(l.unit))],
			["", [l.exclusive ? t("rights.exclusive") : t("rights.nonExclusive"),
				l.expiresOn ? `, ${t("rights.expires", { date: l.expiresOn })}` : "",
				l.revoked ? `, ${t("rights.revoked", { block: l.revoked.atBlock })}` : ""].join("")],
		])));
	return h("section", { class: "rights" },
		h("h2", {}, t("rights.title")),
		units.length ? h("ul", { class: "plain" }, units) : h("p", {}, t("rights.none")),
		licences.length ? h("ul", { class: "plain" }, licences) : null);
}

function timeline(page) {
	const describe = (r) => {
		const parts = [h("span", { class: "kind" }, t(`kind.${r.kind}`) === `kind.${r.kind}` ? r.kind : t(`kind.${r.kind}`))];
		if (r.from && r.to) parts.push(" ", t("history.fromTo", { from: r.from, to: r.to }));
		else if (r.to) parts.push(" ", t("history.to", { to: r.to }));
		else if (r.from) parts.push(" ", t("history.from", { from: r.from }));
		parts.push(" ", h("span", { class: "when" }, t("history.by", { who: r.authorizedBy })));
		return parts;
	};
	const items = page.records.map((r) => h("li", { "data-kind": r.kind },
		h("div", { class: "when" }, h("time", { datetime: r.time }, formatTime(r.time)), " · ", t("block", { block: r.block })),
		h("div", {}, describe(r))));
	return h("section", { class: "history" },
		h("h2", {}, t("history.title")),
		items.length ? h("ol", { class: "timeline" }, items) : h("p", {}, t("history.none")),
		page.total > page.records.length ? h("p", { class: "when" }, t("history.more", { shown: page.records.length, total: page.total })) : null);
}

async function itemView(collection, item) {
	const found = await rpc("registry_getItem", [collection, item]);
	show(...await itemSections(found));
}

async function workView(work) {
	const found = await rpc("registry_getWork", [work]);
	show(...await workSections(found));
}

async function accountView(address) {
	const [page, records] = await Promise.all([
		rpc("registry_itemsByOwner", [address, 100, null]),
		history(address),
	]);
	const items = page.items.map((item) => h("li", {},
		link(`#/item/${item.collection}/${item.item}`, t("item.title", { collection: item.collection, item: item.item })),
		" ", stateBadge(item)));
	show(h("section", { class: "account-view" },
			h("h1", {}, t("account.title", { account: "" }).trim(), " ", h("span", { class: "account" }, address)),
			h("h2", {}, t("account.items")),
			items.length ? h("ul", { class: "plain" }, items) : h("p", {}, t("account.noItems"))),
		timeline(records));
}

async function collectionView(collection) {
	const [found, records] = await Promise.all([
		rpc("registry_getCollection", [collection]),
		history(`collection:${collection}`),
	]);
	const p = found.policy;
	show(h("section", {},
			h("h1", {}, t("collection.title", { collection, name: found.name })),
			h("p", {}, found.description),
			facts([
				[t("item.issuers"), accounts(found.issuers)],
				[t("collection.minted"), `${found.minted} / ${found.maxSupply}`],
				[t("collection.policy"), t("collection.policy.text", {
					gift: p.giftOnly ? t("yes") : t("no"), blocks: p.minHoldingBlocks,
					max: p.maxTransfersPerWindow, window: p.windowBlocks,
				})],
				[t("work.registered"), when(found.createdAtBlock)],
			])),
		timeline(records));
}

async function unitView(unit) {
	const chain = await rpc("registry_chainOfTitle", [unit]);
	show(h("section", {},
		h("h1", {}, t("unit.title", { unit })),
		h("ol", { class: "timeline" }, chain.map((u) => h("li", {},
			h("div", {}, link(`#/unit/${u.unit}`, t("rights.unit", { unit: u.unit })), " · ",
				link(`#/work/${u.work}`, `work ${u.work}`), " · ", when(u.createdAtBlock)),
			facts([...scope(u.scope), [t("rights.holders"), accounts(u.holders)]]))))));
}

// ---- Certificates ---------------------------------------------------------------------------

async function trustedKeys() {
	const choice = document.querySelector("input[name=trust]:checked")?.value ?? "node";
	if (choice === "none") return { source: "none" };
	if (choice === "keys") {
		const text = document.getElementById("trusted-keys").value.trim();
		if (text.startsWith("{")) return { source: "keys", json: text };
		const keys = text.split(/[\s,]+/).filter(Boolean);
		const bad = keys.find((k) => !/^(0x)?[0-9a-fA-F]{64}$/.test(k));
		if (bad !== undefined || keys.length === 0) {
			return { source: "keys", error: t("cert.badKeys", { key: bad ?? "—" }) };
		}
		const authorities = keys.map((k) => ({ publicKey: `0x${k.replace(/^0x/, "").toLowerCase()}`, weight: 1 }));
		return { source: "keys", json: JSON.stringify({ authorities }) };
	}
	try {
		const response = await fetch("api/authorities");
		const body = await response.json();
		if (body.error) return { source: "none", unavailable: body.error };
		return { source: "node", json: JSON.stringify(body.trusted), node: body };
	} catch (e) {
		return { source: "none", unavailable: t("page.unreachable") };
	}
}

async function verifyCertificate(file, progressEl) {
	let report;
	const notes = [];
	try {
		await wasmReady;
		const text = await file.text();
		const trust = await trustedKeys();
		if (trust.error) {
			show(h("section", { id: "certificate" }, h("h1", {}, t("cert.bad")), h("p", { class: "error", role: "alert" }, trust.error)));
			return;
		}
		if (trust.unavailable) notes.push(h("p", { class: "warning" }, t("cert.nodeKeysUnavailable", { reason: trust.unavailable })));
		const certified = document.getElementById("cert-file")?.files?.[0];
		const digest = certified ? (await fingerprint(certified, progressEl)).sha256 : undefined;
		report = JSON.parse(verify_certificate(text, trust.json, digest));
		report.source = trust.source;
		if (trust.node && report.certificate && report.certificate.genesisHash !== trust.node.genesisHash) {
			notes.push(h("p", { class: "warning" }, t("cert.otherChain", {
				chain: report.certificate.chain, genesis: report.certificate.genesisHash, node: trust.node.genesisHash,
			})));
		}
	} catch (e) {
		show(h("section", { id: "certificate" }, h("h1", {}, t("cert.bad")), failure(e)));
		return;
	}
	showReport(report, notes);
}

function showReport(report, notes) {
	const marks = { passed: "✓", failed: "✗", skipped: "–", "not-reached": "·" };
	const checks = report.checks.map((c) => h("li", { class: c.outcome, "data-check": c.check },
		h("span", { class: "mark", "aria-hidden": "true" }, marks[c.outcome]),
		t(`check.${c.check}`), ": ", h("strong", {}, t(`outcome.${c.outcome}`)),
		c.detail ? h("div", { class: "detail" }, c.detail) : null));
	const cert = report.certificate;
	const trustNote = report.verified
		? (report.pinned
			? h("p", {}, t("cert.pinned", { source: t(`cert.source.${report.source}`), set: report.setId }))
			: h("p", { class: "warning" }, t("cert.unpinned", { set: report.setId })))
		: null;
	const summary = cert ? facts([
		[t("content.sha256"), link(`#/content/${cert.contentSha256}`, cert.contentSha256, "hash")],
		[t("content.sm3"), cert.contentSm3 ? hash(cert.contentSm3) : null],
		[t("work.title", { work: "", title: "" }).replace(/[:：\s]+$/, ""), cert.work
			? h("span", {}, link(`#/work/${cert.work.work}`, `${cert.work.work} · ${cert.work.title}`),
				" — ", t("work.authors"), ": ", accounts(cert.work.authors))
			: t("work.none")],
		[t("work.attestations"), cert.work && cert.work.attestations.length
			? accounts(cert.work.attestations.map((a) => a.attester)) : null],
		[t("cert.collectibles"), cert.collectibles.length
			? cert.collectibles.flatMap((i, n) => [n ? ", " : "", link(`#/item/${i.collection}/${i.item}`, `${i.collection}:${i.item}`)])
			: t("work.none")],
		["", t("cert.block", { block: cert.proof.blockNumber, hash: cert.proof.blockHash })],
	]) : null;
	show(h("section", { id: "certificate", "data-verified": String(report.verified) },
		h("h1", { class: `verdict ${report.verified ? "good" : "bad"}` }, report.verified ? t("cert.ok") : t("cert.bad")),
		report.error ? h("p", { class: "error", role: "alert" }, report.error) : null,
		...notes,
		trustNote,
		report.verified && report.signedWeight != null ? h("p", {}, t("cert.signed", { signed: report.signedWeight, threshold: report.threshold })) : null,
		h("h2", {}, t("cert.checks")),
		h("ul", { class: "checks" }, checks),
		summary ? h("h2", {}, t("cert.says")) : null,
		summary));
	focusMain();
}

// ---- Search and routing ---------------------------------------------------------------------

function route(query) {
	const q = query.trim();
	let m;
	if ((m = q.match(/^(sm3:)?(0x)?([0-9a-fA-F]{64})$/))) return `#/content/${m[1] ?? ""}0x${m[3].toLowerCase()}`;
	if ((m = q.match(/^(?:item:)?(\d+)[:/](\d+)$/))) return `#/item/${m[1]}/${m[2]}`;
	if ((m = q.match(/^(?:work:?\s*)?(\d+)$/i))) return `#/work/${m[1]}`;
	if ((m = q.match(/^collection:(\d+)$/i))) return `#/collection/${m[1]}`;
	if ((m = q.match(/^unit:(\d+)$/i))) return `#/unit/${m[1]}`;
	if (/^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(q)) return `#/account/${q}`;
	return null;
}

async function render() {
	const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
	const [view, ...args] = parts;
	const number = (text) => (/^\d+$/.test(text ?? "") ? Number(text) : null);
	try {
		switch (view) {
			case undefined:
				home();
				return;
			case "content":
				show(h("p", { class: "when" }, t("loading")));
				await contentView(args[0]);
				break;
			case "item":
				if (number(args[0]) === null || number(args[1]) === null) throw new Error(t("search.help"));
				show(h("p", { class: "when" }, t("loading")));
				await itemView(number(args[0]), number(args[1]));
				break;
			case "work":
				if (number(args[0]) === null) throw new Error(t("search.help"));
				show(h("p", { class: "when" }, t("loading")));
				await workView(number(args[0]));
				break;
			case "collection":
				if (number(args[0]) === null) throw new Error(t("search.help"));
				await collectionView(number(args[0]));
				break;
			case "unit":
				if (number(args[0]) === null) throw new Error(t("search.help"));
				await unitView(number(args[0]));
				break;
			case "account":
				await accountView(args[0]);
				break;
			default:
				throw new Error(t("search.help"));
		}
	} catch (e) {
		show(failure(e));
	}
	focusMain();
}

const wasmReady = init().catch((e) => {
	const el = document.getElementById("node");
	el.className = "down";
	el.textContent = t("verifier.missing", { reason: e.message });
	throw e;
});

document.getElementById("search").addEventListener("submit", (event) => {
	event.preventDefault();
	const target = route(document.getElementById("q").value);
	if (target) {
		if (location.hash === target) render(); else location.hash = target;
	} else {
		show(h("p", { class: "error", role: "alert" }, t("search.help")));
	}
});

document.getElementById("lang").addEventListener("click", () => {
	lang = lang === "zh" ? "en" : "zh";
	localStorage.setItem("registry-lang", lang);
	applyLanguage();
	if (nodeInfo) refreshNode();
	render();
});

window.addEventListener("hashchange", render);
applyLanguage();
refreshNode();
render();
