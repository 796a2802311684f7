// The editors of a release's fields, made from its JSON Schema (GET /api/schema).
//
// Every editor is {el, get}: `el` its DOM, `get()` its value as JSON (undefined: leave out).
// Every input and group carries data-path, the field path drafter's problems name
// ("contacts.people[0].email"), so each problem is shown next to its field. Labels, help and
// examples come from the message table in the officer's language (messages.js).
"use strict";

import { h, isObject, messageKey, nextId } from "./dom.js";
import { field, languageName, ui } from "./messages.js";
import { OVERRIDES, isParagraph, isReference } from "./layout.js";
import { arrayEditor, mapEditor } from "./lists.js";
import { overrideEditor, paragraphEditor, referenceEditor } from "./special.js";

const FILL_IN = /^<<FILL IN: (.*)>>$/s;

const humanise = (key) => {
  if (/^[a-z]{2,3}$/.test(String(key))) return String(key).toUpperCase();  // eu, url
  const words = String(key).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The editors for one schema, in one language; `ctx.changed()` is told of every change. */
export function makeEditors(ctx) {
  const lang = ctx.lang;
  // An item of a list has its own words ("contacts.people[]": Contact), not the list's.
  const words = (path) => field(lang, messageKey(path) + (path.endsWith("]") ? "[]" : ""));
  // The schema's descriptions are English: shown only to an officer who reads the form in English.
  const described = (path, s) => words(path).help || (lang === "en" ? s.description : undefined);

  function lookup(ref) {
    let node = ctx.schema;
    for (const part of ref.replace(/^#\//, "").split("/")) node = node && node[part];
    return node || {};
  }

  // A field's schema with $ref followed and `X | None` unwrapped; the field's own
  // description and default win over the referenced definition's.
  function resolve(s) {
    let result = { ...(s || {}) };
    for (let guard = 0; guard < 20; guard += 1) {
      if (result.$ref) {
        const { $ref, ...own } = result;
        result = { defName: $ref.split("/").pop(), ...lookup($ref), ...own };
        delete result.$ref;
      } else if (Array.isArray(result.anyOf)) {
        const others = result.anyOf.filter((option) => option.type !== "null");
        if (others.length !== 1) break;
        const { anyOf, ...own } = result;
        result = { ...others[0], ...own, nullable: others.length < anyOf.length };
      } else break;
    }
    return result;
  }

  function kind(s) {
    if (Array.isArray(s.enum)) return "enum";
    if (s.type === "object" && isObject(s.properties)) return "object";
    if (s.type === "object" && isObject(s.additionalProperties)) return "map";
    if (s.type === "array" && isObject(s.items)) return "array";
    if (s.type === "string") return s.format === "date" ? "date" : "string";
    if (s.type === "integer" || s.type === "number") return "number";
    if (s.type === "boolean") return "boolean";
    return "generic";
  }

  // A value written in a shorter form than the schema's (one name instead of a list) in
  // the schema's form; anything else is left as it is.
  function coerce(s, value) {
    if (value === undefined || value === null) return value;
    const k = kind(s);
    if (k === "array" && !Array.isArray(value)) return [value];
    if (k === "object" && typeof value !== "object") {
      const required = s.required || [];
      const only = required.length === 1 ? resolve(s.properties[required[0]]) : null;
      if (only && only.type === "string") return { [required[0]]: String(value) };
    }
    return value;
  }

  function fits(k, value) {
    if (value === undefined || value === null) return true;
    if (k === "object" || k === "map") return isObject(value);
    if (k === "array") return Array.isArray(value);
    if (k === "boolean") return typeof value === "boolean" || value === "true" || value === "false";
    return typeof value !== "object";
  }

  function help(text) {
    return text ? h("p", { class: "help", id: nextId(), text }) : null;
  }

  function labelled(tag, label, required) {
    const el = h(tag, { class: "label", text: label });
    if (required) el.append(h("span", { "aria-hidden": "true", text: " *" }));
    return el;
  }

  function editor(raw, value, path, label, required) {
    if (path in OVERRIDES) return overrideEditor(api, value, path, OVERRIDES[path]);
    if (isParagraph(path) && (typeof value === "string" || value === undefined || plainRuns(value))) {
      return paragraphEditor(api, value, path, label);
    }
    if (isReference(path)) return referenceEditor(api, value, path);
    const s = resolve(raw);
    if (Array.isArray(s.anyOf)) return choiceEditor(s, value, path, label, required);
    let k = kind(s);
    value = coerce(s, value);
    if (!fits(k, value)) k = "generic";
    const make = { enum: enumEditor, object: objectEditor,
      map: (...args) => mapEditor(api, ...args), array: (...args) => arrayEditor(api, ...args),
      date: dateEditor, string: stringEditor, number: numberEditor, boolean: booleanEditor,
      generic: genericEditor }[k];
    const optionalGroup = (k === "object" || k === "map") && (!required || s.nullable);
    return optionalGroup ? optional(s, value, path, label, make) : make(s, value, path, label, required);
  }

  const plainRuns = (v) => Array.isArray(v) && v.length === 1 && isObject(v[0])
    && typeof v[0].text === "string" && !v[0].bold && !v[0].italic && !v[0].url;

  /** A labelled control with its help; `value` a `drafter next` placeholder shows its hint. */
  function scalarField(s, path, label, required, control) {
    const id = nextId();
    const note = help(described(path, s));
    control.id = id;
    control.dataset.path = path;
    if (required) control.setAttribute("aria-required", "true");
    if (note) control.setAttribute("aria-describedby", note.id);
    const example = words(path).example;
    if (example && !control.placeholder) control.placeholder = example;
    const name = labelled("label", label, required);
    name.setAttribute("for", id);
    return h("div", { class: "field" }, name, note, control);
  }

  // A placeholder left by `drafter next` is shown as an empty field with its hint; until
  // the officer types, the field keeps it, so that validation names the field to fill in.
  function fillIn(control, value) {
    const match = typeof value === "string" ? FILL_IN.exec(value) : null;
    if (!match) return value;
    control.placeholder = match[1];
    control.dataset.fill = value;
    control.classList.add("to-fill");
    control.addEventListener("input", () => { delete control.dataset.fill; control.classList.remove("to-fill"); }, { once: true });
    return "";
  }
  const kept = (control) => (control.value === "" && control.dataset.fill ? control.dataset.fill : undefined);
  // A text box's value: its placeholder kept, else its text (trimmed if `trim`), none if blank.
  const textValue = (control, trim = false) => kept(control)
    ?? (control.value.trim() === "" ? undefined : trim ? control.value.trim() : control.value);

  function textControl(long) {
    return long ? h("textarea", { rows: 4 }) : h("input", { type: "text" });
  }

  function stringEditor(s, value, path, label, required) {
    const control = textControl((s.maxLength || 0) >= 5000);
    if (s.maxLength) control.maxLength = s.maxLength;
    control.value = fillIn(control, value) ?? "";
    const el = scalarField(s, path, label, required, control);
    return { el, get: () => textValue(control) };
  }

  function dateEditor(s, value, path, label, required) {
    const control = h("input", { type: "date" });
    const text = fillIn(control, value === undefined || value === null ? "" : String(value));
    control.value = text;
    // A value that is no date (2012-06-31) is kept as text, to be corrected.
    if (control.value !== text) { control.type = "text"; control.value = text; }
    const el = scalarField(s, path, label, required, control);
    return { el, get: () => kept(control) ?? (control.value === "" ? undefined : control.value) };
  }

  function numberEditor(s, value, path, label, required) {
    const control = h("input", { type: "text", inputmode: "numeric" });
    control.value = fillIn(control, value) ?? "";
    const el = scalarField(s, path, label, required, control);
    const get = () => {
      const text = control.value.trim();
      if (text === "") return kept(control);
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    };
    return { el, get };
  }

  function booleanEditor(s, value, path, label) {
    const id = nextId();
    const note = help(described(path, s));
    const control = h("input", { type: "checkbox", id });
    control.dataset.path = path;
    control.checked = value === undefined || value === null ? s.default === true : value === true || value === "true";
    if (note) control.setAttribute("aria-describedby", note.id);
    const el = h("div", { class: "field check" }, control, h("label", { for: id, text: ` ${label}` }), note);
    const get = () => (control.checked === (s.default === true) && s.default !== undefined ? undefined : control.checked);
    return { el, get };
  }

  function enumEditor(s, value, path, label, required) {
    const control = h("select");
    const options = [...s.enum];
    const blank = !options.includes("") && (!required || s.nullable) && s.default === undefined;
    const named = (o) => (path === "language" ? languageName(lang, String(o)) : String(o));
    const optionText = (o) => field(lang, `${messageKey(path)}=${o}`).label || (o === "" ? ui(lang, "none") : named(o));
    if (blank) control.append(h("option", { value: "", text: ui(lang, "none") }));
    for (const option of options) control.append(h("option", { value: String(option), text: optionText(option) }));
    const chosen = String(value ?? s.default ?? "");
    if (!options.map(String).includes(chosen) && !(blank && chosen === "")) {
      // A value that is none of the choices is kept (and shown) until it is corrected.
      control.append(h("option", { value: chosen, text: `${chosen} (?)` }));
    }
    control.value = chosen;
    const el = scalarField(s, path, label, required, control);
    return { el, get: () => (control.value === "" && !options.includes("") ? undefined : control.value) };
  }

  // A field of several forms (a contact written out, or a shared contact's key): a choice
  // of form, then that form's editor; the form that fits the value comes first.
  const choices = (s) => s.anyOf.filter((option) => option.type !== "null").map(resolve);
  const formName = (o) => {
    const key = `form.${o.defName || o.type}`;
    return ui(lang, key) === key ? humanise(o.defName || o.type) : ui(lang, key);
  };

  function choiceEditor(s, value, path, label, required) {
    const options = choices(s);
    const fitting = options.findIndex((o) => value !== undefined && fits(kind(o), coerce(o, value)));
    const box = h("div", { class: "choice" });
    const select = h("select", { "aria-label": ui(lang, "form.of", { label }) });
    options.forEach((o, index) => select.append(h("option", { value: index, text: formName(o) })));
    select.value = String(Math.max(fitting, 0));
    let inner = null;
    const show = (v) => {
      const option = { ...options[Number(select.value)], description: s.description };
      inner = editor(option, v, path, label, required);
      box.replaceChildren(h("div", { class: "field" }, select), inner.el);
    };
    select.addEventListener("change", () => { show(undefined); ctx.changed(); });
    show(value);
    return { el: box, get: () => inner.get() };
  }

  function genericEditor(s, value, path, label, required) {
    const control = h("textarea", { rows: 3, class: "generic" });
    control.value = value === undefined || value === null ? "" : JSON.stringify(value, null, 2);
    const el = scalarField({ description: `${s.description ? `${s.description} ` : ""}(JSON)` }, path, label, required, control);
    const get = () => {
      const text = control.value.trim();
      if (text === "") return undefined;
      try { return JSON.parse(text); } catch (error) { return text; }
    };
    return { el, get };
  }

  function group(s, path, label, required) {
    const box = h("fieldset", { class: "group", id: nextId() });
    box.dataset.path = path;
    box.append(labelled("legend", label, required));
    const note = s.inner ? null : help(described(path, s));  // an optional group's box says it once
    if (note) box.append(note);
    return box;
  }

  const childLabel = (path, key) => words(path).label || humanise(key);

  // The fields of an object, each in the place the layout gives it (ctx.slot) or here.
  function objectEditor(s, value, path, label, required) {
    const box = path === "" ? h("div") : group(s, path, label, required);
    const data = isObject(value) ? value : {};
    const needed = new Set(s.required || []);
    const parts = [];
    const put = (childPath, el) => (ctx.slot(childPath) || box).append(el);
    for (const [key, sub] of Object.entries(s.properties)) {
      const childPath = path ? `${path}.${key}` : key;
      const child = editor(sub, data[key], childPath, childLabel(childPath, key), needed.has(key));
      parts.push([key, child]);
      put(childPath, child.el);
    }
    for (const key of Object.keys(data).filter((key) => !(key in s.properties))) {
      const childPath = path ? `${path}.${key}` : key;
      const child = genericEditor({ description: "Not a field of a release: correct or remove it." }, data[key], childPath, key, false);
      parts.push([key, child]);
      put(childPath, child.el);
    }
    if (path && !box.querySelector("[data-path]:not(fieldset)")) box.hidden = true;  // all placed elsewhere
    const get = () => {
      const out = {};
      for (const [key, child] of parts) {
        const v = child.get();
        if (v !== undefined) out[key] = v;
      }
      return out;
    };
    return { el: box, get };
  }

  function optional(s, value, path, label, make) {
    const id = nextId();
    const toggle = h("input", { type: "checkbox", id });
    const wrap = h("div", { class: "field optional" },
      h("div", { class: "check" }, toggle, h("label", { for: id, class: "label", text: ` ${label}` })));
    wrap.dataset.path = path;
    const hint = help(described(path, s));
    if (hint) { wrap.append(hint); toggle.setAttribute("aria-describedby", hint.id); }
    let inner = null;
    // The path names the group inside when it is shown, else this checkbox's box.
    const sync = () => { if (toggle.checked) delete wrap.dataset.path; else wrap.dataset.path = path; };
    toggle.checked = value !== undefined && value !== null;
    const plain = { ...s, description: undefined, inner: true };
    const open = (v) => { inner = make(plain, v, path, label, false); inner.el.classList.add("inner"); wrap.append(inner.el); };
    if (toggle.checked) open(value);
    sync();
    toggle.addEventListener("change", () => {
      if (toggle.checked && !inner) open(s.default ?? {});
      if (inner) inner.el.hidden = !toggle.checked;
      sync();
    });
    return { el: wrap, get: () => (toggle.checked && inner ? inner.get() : undefined) };
  }

  const api = { ctx, lang, editor, scalarField, fillIn, textValue, textControl, help, words, group, resolve, kind };
  return api;
}
