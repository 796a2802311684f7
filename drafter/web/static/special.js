// Editors the schema alone would make badly: a sentence drafter writes with the officer's
// own as an explicit choice, a body paragraph as one text box, a reference as printed.
"use strict";

import { h, isObject, nextId } from "./dom.js";
import { ui } from "./messages.js";

/**
 * A sentence drafter writes from the facts (`key` of POST /api/sentences), shown live, and
 * "write my own sentence": a checkbox that opens the field `path`, filled with drafter's.
 */
export function overrideEditor(api, value, path, key) {
  const { ctx, lang } = api;
  const control = h("textarea", { rows: 3 });
  const text = api.fillIn(control, value) ?? "";
  const own = text.trim() !== "" || Boolean(control.dataset.fill);
  const shown = h("p", { class: "generated", id: nextId(), "data-sentence": key,
    text: ctx.sentence(key) || ui(lang, "generated.none") });
  const toggle = h("input", { type: "checkbox", id: nextId(), "aria-describedby": shown.id });
  toggle.checked = own;
  const ownKey = `own.${key}`;
  const ownLabel = ui(lang, ownKey) === ownKey ? ui(lang, "own") : ui(lang, ownKey);
  control.value = text;
  const fieldEl = api.scalarField({}, path, api.words(path).label || path, false, control);
  fieldEl.hidden = !own;
  toggle.addEventListener("change", () => {
    fieldEl.hidden = !toggle.checked;
    if (toggle.checked) {
      if (control.value === "") control.value = ctx.sentence(key) || "";
      control.focus();
    }
    ctx.changed();
  });
  const el = h("div", { class: "sentence" },
    h("p", { class: "generated-label", text: ui(lang, "generated") }), shown,
    h("div", { class: "check" }, toggle, h("label", { for: toggle.id, text: ` ${ownLabel}` })),
    fieldEl);
  el.dataset.sentenceFor = path;
  const get = () => {
    if (!toggle.checked) return undefined;
    return api.textValue(control);
  };
  return { el, get };
}

/** A body paragraph of plain text as one text box (the example shown in the first). */
export function paragraphEditor(api, value, path, label) {
  const control = h("textarea", { rows: 5, id: nextId(), class: "paragraph" });
  const text = Array.isArray(value) ? value[0].text : value;
  control.value = api.fillIn(control, text) ?? "";
  control.dataset.path = path;
  if (!control.placeholder && /\[0\]$/.test(path)) control.placeholder = api.words("body[0]").example || "";
  const name = h("label", { for: control.id, class: "label", text: label });
  const el = h("div", { class: "field" }, name, control);
  return { el, get: () => api.textValue(control) };
}

/** A reference written as printed: "A 350/12" (the data's series, number and year). */
export function referenceEditor(api, value, path) {
  const control = h("input", { type: "text" });
  let text = value ?? "";
  if (isObject(value)) {
    const year = String(value.year ?? "").slice(-2);
    text = `${value.series ? `${value.series} ` : ""}${value.number ?? ""}/${year}`;
  }
  control.value = api.fillIn(control, text) ?? "";
  const el = api.scalarField({}, path, api.words(path).label || path, false, control);
  return { el, get: () => api.textValue(control, true) };
}
