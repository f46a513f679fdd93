// The peer a web developer would write instead: a small hand-written plain-JavaScript page
// rendering the same JSON (catalog, issue, language modes, jurisdiction filter, contents),
// with the DOM built by createElement/textContent. Used only by bench/run.mjs. With
// `?minimal`, the filter only toggles `hidden` on the cards (the least any page can do).
"use strict";

const params = new URLSearchParams(location.search);
let lang = params.get("lang") || "zh";
let filter = new Set((params.get("j") || "").split(",").filter(Boolean));
let issue = null;
const minimal = params.has("minimal");

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function pick(text, l) {
  return text[l] ?? text[l === "zh" ? "en" : "zh"] ?? "";
}

function langsOf(mode) {
  return mode === "both" ? ["zh", "en"] : [mode];
}

// The markup: blank lines, *emphasis*, [words](http...) links.
function inline(s) {
  const out = [];
  const re = /\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g;
  let last = 0;
  for (const m of s.matchAll(re)) {
    if (m.index > last) out.push(s.slice(last, m.index));
    out.push(m[1] !== undefined ? el("em", null, m[1]) : el("a", { href: m[3] }, m[2]));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

function block(text) {
  const frag = document.createDocumentFragment();
  for (const l of langsOf(lang)) {
    const div = el("div", { lang: l, class: "block" });
    for (const p of pick(text, l).split(/\n\s*\n/)) div.append(el("p", null, ...inline(p)));
    frag.append(div);
  }
  return frag;
}

function line(text) {
  const frag = document.createDocumentFragment();
  for (const l of langsOf(lang)) frag.append(el("span", { lang: l }, ...inline(pick(text, l))));
  return frag;
}

function shows(code) {
  return filter.size === 0 || filter.has(code) || filter.has(code.split("-")[0]);
}

function name(code) {
  const t = issue.jurisdictions?.[code];
  return t ? line(t) : code;
}

function renderIssue() {
  const main = document.getElementById("main");
  main.textContent = "";
  main.append(el("h1", null, line(issue.publication || { en: issue.id })));
  for (const section of issue.sections) {
    const sec = el("section", null, el("h2", null, line(section.title)));
    for (const item of section.items) {
      const card = el(
        "article",
        { id: item.id, "data-j": item.jurisdiction },
        el("h3", null, line(item.title)),
        el("p", { class: "meta" }, item.date || "", " ", item.regulator ? line(item.regulator) : "", " ", name(item.jurisdiction)),
        block(item.body),
        item.source ? el("a", { href: item.source }, "Source") : null,
      );
      card.hidden = !shows(item.jurisdiction);
      sec.append(card);
    }
    main.append(sec);
  }
  renderContents();
}

function renderContents() {
  const nav = document.getElementById("contents");
  nav.textContent = "";
  const ol = el("ol");
  for (const section of issue.sections) {
    const items = section.items.filter((i) => shows(i.jurisdiction));
    if (!items.length) continue;
    const inner = el("ol");
    for (const i of items) inner.append(el("li", null, el("a", { href: `#${i.id}` }, line(i.title))));
    ol.append(el("li", null, line(section.title), inner));
  }
  nav.append(ol);
}

function renderFilter() {
  const box = document.getElementById("filter");
  box.textContent = "";
  const counts = new Map();
  for (const s of issue.sections)
    for (const i of s.items) {
      const country = i.jurisdiction.split("-")[0];
      counts.set(country, (counts.get(country) || 0) + 1);
      if (country !== i.jurisdiction) counts.set(i.jurisdiction, (counts.get(i.jurisdiction) || 0) + 1);
    }
  for (const [code, n] of counts) {
    const input = el("input", { type: "checkbox", "data-code": code });
    input.checked = filter.has(code);
    input.addEventListener("change", () => {
      input.checked ? filter.add(code) : filter.delete(code);
      applyFilter();
    });
    box.append(el("label", null, input, name(code), ` ${n}`));
  }
}

function applyFilter() {
  for (const card of document.querySelectorAll("article")) card.hidden = !shows(card.dataset.j);
  if (!minimal) renderContents();
}

function renderClear() {
  const button = el("button", { id: "clear" }, "Clear");
  button.addEventListener("click", () => {
    filter.clear();
    for (const input of document.querySelectorAll("#filter input")) input.checked = false;
    applyFilter();
  });
  document.getElementById("langs").append(button);
}

async function open(entry) {
  issue = await (await fetch(`issues/${entry.file}`)).json();
  renderFilter();
  renderIssue();
}

function renderLangs() {
  const box = document.getElementById("langs");
  for (const mode of ["zh", "en", "both"]) {
    const b = el("button", { "data-lang": mode }, mode);
    b.addEventListener("click", () => {
      lang = mode;
      document.documentElement.lang = mode === "en" ? "en" : "zh";
      renderFilter();
      renderIssue();
    });
    box.append(b);
  }
}

async function main() {
  const catalog = await (await fetch("issues/index.json")).json();
  const issues = [...catalog.issues].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const select = document.getElementById("issue");
  for (const entry of issues) {
    select.append(el("option", { value: entry.id }, `No.${entry.number ?? ""} · ${entry.date} · ${pick(entry.title || {}, lang === "en" ? "en" : "zh")}`));
  }
  const wanted = issues.find((e) => e.id === params.get("issue")) || issues[0];
  select.value = wanted.id;
  select.addEventListener("change", () => open(issues.find((e) => e.id === select.value)));
  renderLangs();
  renderClear();
  await open(wanted);
}

main();
