// Problems where they are: each validation problem and house-style finding next to its
// field (aria-invalid, aria-describedby) and in the summary at the top, whose links go to it.
"use strict";

import { h, nextId, parentPath, reveal } from "./dom.js";
import { ui } from "./messages.js";

// The server's commonest messages in the officer's language; the others as they come.
function localise(message, lang) {
  const fill = /^is a placeholder from `drafter next`; fill it in \((.*)\)$/s.exec(message);
  if (fill) return ui(lang, "problem.fill", { hint: fill[1] });
  if (/^is required but missing\b/.test(message)) return ui(lang, "problem.missing");
  return message;
}

function findField(form, path) {
  for (let p = path; p; p = parentPath(p)) {
    const found = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (found) return found;
  }
  return null;
}

/** Every problem mark taken off the form. */
export function clearMarks(form) {
  for (const el of form.querySelectorAll(".error, .warning")) el.remove();
  for (const el of form.querySelectorAll("[aria-invalid], [data-marked]")) {
    el.removeAttribute("aria-invalid");
    delete el.dataset.marked;
    const own = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.startsWith("e"));
    if (own.length) el.setAttribute("aria-describedby", own.join(" "));
    else el.removeAttribute("aria-describedby");
  }
}

function nameOf(target) {
  const label = target.id && document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
  const legend = target.querySelector && target.querySelector(":scope > legend, :scope > .check label");
  return ((label || legend || {}).textContent || "").replace(/\s*\*$/, "").trim();
}

function mark(target, text, level) {
  const note = h("p", { class: level, id: nextId("e"), text });
  if (target.matches("input, select, textarea")) {
    if (level === "error") target.setAttribute("aria-invalid", "true");
    target.dataset.marked = "true";
    const described = target.getAttribute("aria-describedby");
    target.setAttribute("aria-describedby", described ? `${described} ${note.id}` : note.id);
    target.after(note);
  } else {
    const head = target.querySelector(":scope > legend, :scope > .check");
    if (head) head.after(note); else target.prepend(note);
  }
}

/**
 * Show `problems` ({field, message}) and `findings` ({field, message, level, rule,
 * suggestion}) at their fields and in `summary`; `showStep(id)` opens a field's step.
 */
export function showProblems(form, summary, { problems = [], findings = [] }, lang, showStep) {
  clearMarks(form);
  const items = [];
  const all = [
    ...problems.map((p) => ({ field: p.field, text: localise(p.message, lang), level: "error" })),
    ...findings.map((f) => ({ field: f.field, level: f.level,
      text: `${ui(lang, "problems.house")} (${ui(lang, `level.${f.level}`)}, ${f.rule}): ${f.message}${f.suggestion ? `; ${f.suggestion}` : ""}` })),
  ];
  for (const problem of all) {
    const target = findField(form, problem.field || "");
    const where = target ? nameOf(target) : problem.field && problem.field !== "(top level)" ? problem.field : "";
    const line = `${where ? `${where}: ` : ""}${problem.text}`;
    if (!target) { items.push(h("li", { class: problem.level, text: line })); continue; }
    mark(target, target.dataset.path === problem.field ? problem.text : line, problem.level);
    if (!target.id) target.id = nextId();
    const link = h("a", { href: `#${target.id}`, text: line });
    link.addEventListener("click", (event) => { event.preventDefault(); reveal(target, showStep); });
    items.push(h("li", { class: problem.level }, link));
  }
  summary.replaceChildren();
  const count = all.filter((p) => p.level === "error").length;
  const heading = h("h2", { id: "summary-heading", text: items.length ? ui(lang, "problems.some", { n: items.length }) : ui(lang, "problems.none") });
  summary.append(heading);
  if (items.length) summary.append(h("ul", {}, ...items));
  summary.className = `summary ${count ? "has-errors" : items.length ? "has-warnings" : "clean"}`;
  return count;
}
