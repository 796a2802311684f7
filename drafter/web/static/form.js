// The press officer's form: steps in the order of the work, the live preview, the problems,
// the downloads, and the draft kept in this browser. Plain JavaScript modules, no framework,
// nothing loaded from anywhere but this server.
"use strict";

import { h, isObject } from "./dom.js";
import { makeEditors } from "./editors.js";
import { STEPS } from "./layout.js";
import { LANGUAGES, startLanguage, ui } from "./messages.js";
import { showProblems } from "./problems.js";

const DEBOUNCE_MS = 200;
const DRAFT_KEY = "drafter.draft";
const LANGUAGE_KEY = "drafter.form-language";
const $ = (id) => document.getElementById(id);
const form = $("release");
const preview = $("preview");
const summary = $("summary");

// `started`: the officer has chosen where to start (until then nothing is checked or kept).
const state = { schema: null, root: null, lang: "en", step: "start", sentences: {}, errors: 0,
  timer: null, sequence: 0, archive: [], started: false };

const say = (text) => { $("status").textContent = text; };
const release = () => (state.root ? state.root.get() : {});
const post = (url, body, type = "application/json") =>
  fetch(url, { method: "POST", headers: { "Content-Type": type }, body });

// --- steps ------------------------------------------------------------------------------
function showStep(id, focus = true) {
  state.step = id;
  if (id !== "start" && !state.started) { state.started = true; changed(); }  // a blank release
  for (const section of document.querySelectorAll("[data-step]")) section.hidden = section.dataset.step !== id;
  for (const button of $("steps").querySelectorAll("button")) {
    if (button.dataset.goto === id) button.setAttribute("aria-current", "step");
    else button.removeAttribute("aria-current");
  }
  if (focus) $(`h-${id}`).focus();
  keep();
}

function stepNav() {
  $("steps").replaceChildren(...STEPS.map((step, index) => {
    const button = h("button", { type: "button", "data-goto": step.id },
      h("span", { text: `${index + 1}. ${ui(state.lang, `step.${step.id}`)}` }), h("span", { class: "count" }));
    button.addEventListener("click", () => showStep(step.id));
    return h("li", {}, button);
  }));
}

// One section a step, with a slot for each of its fields in order, the rarely changed ones
// folded in <details>; the fields the layout names nowhere go under "Other fields".
function stepSections() {
  const slots = new Map();
  const slot = (parent, path) => { const el = h("div", { class: "slot" }); slots.set(path, el); parent.append(el); };
  const sections = STEPS.slice(1).map((step, index) => {
    const section = h("section", { class: "step", "data-step": step.id, "aria-labelledby": `h-${step.id}` },
      h("h2", { id: `h-${step.id}`, tabindex: "-1", text: ui(state.lang, `step.${step.id}`) }),
      h("p", { class: "intro", text: ui(state.lang, `intro.${step.id}`) }));
    for (const path of step.fields || []) slot(section, path);
    if (step.folded) {
      const details = h("details", { class: "folded" }, h("summary", { text: ui(state.lang, "folded") }));
      for (const path of step.folded) slot(details, path);
      section.append(details);
    }
    section.append(navButtons(index + 1));
    return section;
  });
  return { sections, slots };
}

function navButtons(index) {
  const tools = h("div", { class: "step-tools" });
  const back = h("button", { type: "button", text: ui(state.lang, "back") });
  back.addEventListener("click", () => showStep(STEPS[index - 1].id));
  tools.append(back);
  if (index + 1 < STEPS.length) {
    const next = h("button", { type: "button", class: "primary", text: ui(state.lang, "next") });
    next.addEventListener("click", () => showStep(STEPS[index + 1].id));
    tools.append(next);
  }
  return tools;
}

// --- building the form ------------------------------------------------------------------
function build(data, problems = []) {
  state.root = null;
  const { sections, slots } = stepSections();
  const ctx = { schema: state.schema, lang: state.lang, slot: (path) => slots.get(path) || null,
    changed, sentence: (key) => state.sentences[key] };
  const made = makeEditors(ctx).editor(state.schema, isObject(data) ? data : {}, "", "", true);
  const other = h("details", { class: "folded other" }, h("summary", { text: ui(state.lang, "other") }), made.el);
  other.hidden = [...made.el.children].every((child) => child.hidden);
  sections[sections.length - 1].insertBefore(other, sections[sections.length - 1].lastChild);
  form.replaceChildren(...sections);
  state.root = made;
  showStep(state.step, false);
  mark({ problems });
  changed();
}

function mark(found) {
  state.errors = showProblems(form, summary, found, state.lang, showStep);
  summary.hidden = !state.started;
  for (const button of $("steps").querySelectorAll("button")) {
    const section = document.querySelector(`[data-step="${button.dataset.goto}"]`);
    const count = section ? section.querySelectorAll(".error, .warning").length : 0;
    button.querySelector(".count").textContent = count ? ` (${count})` : "";
  }
  const final = release().status === "final";
  for (const button of document.querySelectorAll("[data-format]")) {
    button.disabled = button.dataset.format !== "yaml" && state.errors > 0;
  }
  $("blocked").hidden = !(final && state.errors > 0);
  $("blocked").textContent = ui(state.lang, "final.blocked");
}

// --- the draft kept in this browser -----------------------------------------------------
function keep() {
  if (!state.root || !state.started) return;
  try { localStorage.setItem(DRAFT_KEY, JSON.stringify({ data: release(), step: state.step })); } catch (error) { /* full: keep going */ }
}

function kept() {
  try { return JSON.parse(localStorage.getItem(DRAFT_KEY) || "null"); } catch (error) { return null; }
}

// --- preview, sentences, problems -------------------------------------------------------
function changed() {
  if (!state.root || !state.started) return;
  keep();
  clearTimeout(state.timer);
  state.timer = setTimeout(() => { refresh().catch((error) => say(`${error}`)); }, DEBOUNCE_MS);
}

// The preview first, as soon as it is made; the sentences and the house-style check beside.
async function refresh() {
  const mine = ++state.sequence;
  const data = release();
  const body = JSON.stringify(data);
  previewLanguages(data);
  const asked = [post(`/api/render?format=html${inLanguage()}`, body), post("/api/sentences", body), post("/api/check", body)];
  const rendered = await asked[0];
  if (mine !== state.sequence) return;
  if (rendered.ok) {
    preview.srcdoc = await rendered.text();
    say(ui(state.lang, "status.preview"));
  }
  const [sentences, checked] = await Promise.all(asked.slice(1));
  if (mine !== state.sequence) return;
  showSentences(sentences.ok ? await sentences.json() : {});
  if (!rendered.ok) { await refusal(rendered); return; }
  const findings = checked.ok ? (await checked.json()).findings || [] : [];
  if (mine === state.sequence) mark({ findings });
}

// The languages the release is in (its own and its translations'), to preview and download.
function previewLanguages(data) {
  const select = $("preview-language");
  const codes = [data.language || "en", ...Object.keys(isObject(data.translations) ? data.translations : {})];
  const chosen = codes.includes(select.value) ? select.value : codes[0];
  if (select.options.length !== codes.length || [...select.options].some((o, i) => o.value !== codes[i])) {
    select.replaceChildren(...codes.map((code) => h("option", { value: code, text: code.toUpperCase() })));
  }
  select.value = chosen;
}

const inLanguage = () => {
  const select = $("preview-language");
  return select.selectedIndex > 0 ? `&language=${encodeURIComponent(select.value)}` : "";
};

function showSentences(sentences) {
  state.sentences = sentences;
  for (const el of form.querySelectorAll("[data-sentence]")) {
    el.textContent = sentences[el.dataset.sentence] || ui(state.lang, "generated.none");
  }
}

async function refusal(response) {
  let answer = {};
  try { answer = await response.json(); } catch (error) { answer = {}; }
  if (response.status === 422 && Array.isArray(answer.problems)) {
    mark({ problems: answer.problems });
    say(ui(state.lang, "status.problems", { n: answer.problems.length }));
  } else say(answer.detail || `${response.status}`);
}

// --- downloads and uploads --------------------------------------------------------------
function fileName(response, format) {
  const header = response.headers.get("Content-Disposition") || "";
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (exact) return decodeURIComponent(exact[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : `release.${format}`;
}

function save(blob, name) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  say(ui(state.lang, "status.downloaded", { name }));
}

async function download(format) {
  say(ui(state.lang, "status.making", { format: format.toUpperCase() }));
  const language = format === "yaml" ? "" : inLanguage();  // the YAML file holds every language
  const response = await post(`/api/render?format=${format}${language}`, JSON.stringify(release()));
  if (response.ok) { save(await response.blob(), fileName(response, format)); return; }
  if (format === "yaml" && response.status === 422) {
    // A draft not yet valid is kept as it is: JSON is YAML, and opens again here.
    save(new Blob([JSON.stringify(release(), null, 2)], { type: "application/yaml" }), "draft.yaml");
    return;
  }
  await refusal(response);
}

async function open(answer, step = "meeting") {
  state.started = true;
  if (answer.data === null || answer.data === undefined) { mark({ problems: answer.problems }); return; }
  state.step = step;
  build(answer.data, answer.problems);
  showStep(step);
}

async function upload(file) {
  say(ui(state.lang, "status.reading", { name: file.name }));
  const response = await post("/api/parse", await file.text(), "application/yaml");
  if (response.ok) await open(await response.json());
  else await refusal(response);
}

async function draftNext() {
  say(ui(state.lang, "status.drafting"));
  const query = new URLSearchParams({ file: $("archive").value });
  if ($("next-date").value) query.set("date", $("next-date").value);
  const response = await post(`/api/next?${query}`, "");
  if (response.ok) await open(await response.json());
  else await refusal(response);
}

// --- the officer's language -------------------------------------------------------------
function applyLanguage() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = `drafter: ${ui(lang, "title")}`;
  for (const el of document.querySelectorAll("[data-ui]")) el.textContent = ui(lang, el.dataset.ui);
  $("steps-nav").setAttribute("aria-label", ui(lang, "steps"));
  preview.title = ui(lang, "preview.title");
  $("archive").replaceChildren(...state.archive.map((entry) => h("option", { value: entry.file,
    text: `${entry.title}, ${entry.meeting_date}${entry.round ? ` (${entry.round})` : ""}${entry.reference ? `, ${entry.reference}` : ""}` })));
  stepNav();
}

function switchLanguage(lang) {
  const data = release();
  state.lang = lang;
  try { localStorage.setItem(LANGUAGE_KEY, lang); } catch (error) { /* not kept */ }
  applyLanguage();
  build(data);
}

// --- start ------------------------------------------------------------------------------
async function start() {
  const [schema, initial, archive] = await Promise.all(
    ["/api/schema", "/api/initial", "/api/archive"].map((url) => fetch(url).then((r) => r.json())));
  state.schema = schema;
  state.archive = archive;
  let language = null;
  try { language = localStorage.getItem(LANGUAGE_KEY); } catch (error) { language = null; }
  state.lang = startLanguage(language);
  const switcher = $("ui-language");
  switcher.replaceChildren(...Object.entries(LANGUAGES).map(([code, name]) => h("option", { value: code, text: name, lang: code })));
  switcher.value = state.lang;
  switcher.addEventListener("change", () => switchLanguage(switcher.value));
  applyLanguage();
  $("archive-empty").hidden = archive.length > 0;
  document.querySelector(".start-archive").hidden = archive.length === 0;
  const draft = kept();
  state.started = Boolean(initial.data) || Boolean(draft && isObject(draft.data));
  if (draft && isObject(draft.data)) {
    state.step = draft.step || "meeting";
    build(draft.data);
    say(ui(state.lang, "start.restored"));
  } else {
    state.step = initial.data ? "meeting" : "start";
    build(initial.data, initial.problems);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const button of document.querySelectorAll("[data-format]")) {
    button.addEventListener("click", () => download(button.dataset.format).catch((error) => say(`${error}`)));
  }
  $("preview-language").addEventListener("change", changed);
  $("draft-next").addEventListener("click", () => draftNext().catch((error) => say(`${error}`)));
  $("blank").addEventListener("click", () => open({ data: {}, problems: [] }));
  $("initial").hidden = !initial.data;
  $("initial").addEventListener("click", () => open(initial));
  const picker = $("upload");
  picker.addEventListener("change", () => {
    if (picker.files.length) upload(picker.files[0]).catch((error) => say(`${error}`));
    picker.value = "";
  });
  document.body.dataset.ready = "true";
}


start().catch((error) => say(`The form could not start: ${error}`));
