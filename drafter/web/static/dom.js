// Small DOM helpers shared by the form's modules. Text is always set as text, never as HTML.
"use strict";

let uid = 0;

/** A new id for an element ("f12"). */
export const nextId = (prefix = "f") => `${prefix}${++uid}`;

export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** An element with attributes ("text" sets its text) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") el.textContent = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A field path without its list indices and map keys' brackets: "contacts.people.name". */
export const messageKey = (path) => String(path).replace(/\[\d+\]/g, "");

/** "meeting.date" from "meeting.date", "" from "date"; the parent of "body[0]" is "body". */
export function parentPath(path) {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut > 0 ? path.slice(0, cut) : "";
}

/** Open the step and the folded parts holding `el`, scroll to it and give it the focus. */
export function reveal(el, showStep) {
  const step = el.closest("[data-step]");
  if (step && showStep) showStep(step.dataset.step, false);
  for (let d = el.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  const target = el.matches("input, select, textarea, button") ? el
    : el.querySelector("input, select, textarea, button") || el;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}
