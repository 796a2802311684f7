// The editors of lists and mappings (paragraphs, contacts, previous rounds, translations),
// made with the field editors of editors.js (`api`).
"use strict";

import { h, isObject, messageKey, nextId } from "./dom.js";
import { field, ui } from "./messages.js";
import { isParagraph } from "./layout.js";

const singular = (label) => (/[^s]s$/.test(label) ? label.slice(0, -1) : label);

function itemLabelOf(lang, s, path, label) {
  const own = field(lang, `${messageKey(path)}[]`).label;
  if (own) return own;
  if (isParagraph(`${path}[0]`)) return ui(lang, "paragraph");
  const first = /^([A-Z][a-z]+s)\b/.exec(s.description || "");
  return first ? singular(first[1]) : singular(label);
}

/** A list: its items, each with Up, Down and Remove, and an Add button. */
export function arrayEditor(api, s, value, path, label, required) {
  const { ctx, lang, editor, group, resolve, kind } = api;
  const box = group(s, path, label, required);
  const itemSchema = resolve(s.items);
  const itemLabel = itemLabelOf(lang, s, path, label);
  const list = h("div", { class: "items" });
  const add = h("button", { type: "button", class: "add", text: ui(lang, "add", { item: itemLabel.toLowerCase() }) });
  box.append(list, h("div", { class: "list-tools" }, add));
  let items = [];

  const render = (values, focus) => {
    list.replaceChildren();
    items = values.map((v, index) => {
      const name = `${itemLabel} ${index + 1}`;
      const child = editor(s.items, v, `${path}[${index}]`, name, true);
      const tools = h("div", { class: "item-tools" });
      const buttons = [
        [ui(lang, "up"), ui(lang, "up.item", { item: name }), index > 0, () => move(index, -1)],
        [ui(lang, "down"), ui(lang, "down.item", { item: name }), index < values.length - 1, () => move(index, 1)],
        [ui(lang, "remove"), ui(lang, "remove.item", { item: name }), true, () => remove(index)],
      ];
      for (const [text, aria, enabled, action] of buttons) {
        const button = h("button", { type: "button", text, "aria-label": aria, disabled: !enabled });
        button.addEventListener("click", action);
        tools.append(button);
      }
      list.append(h("div", { class: "item" }, child.el, tools));
      return child;
    });
    if (focus) {
      const target = list.querySelectorAll(":scope > .item")[focus.index];
      const control = target && target.querySelector(focus.selector);
      if (control) control.focus();
    }
    ctx.changed();
  };
  const current = () => items.map((child) => child.get());
  const move = (index, step) => {
    const values = current();
    [values[index], values[index + step]] = [values[index + step], values[index]];
    render(values, { index: index + step, selector: step < 0 ? ".item-tools button" : ".item-tools button:nth-of-type(2)" });
  };
  const remove = (index) => {
    const values = current();
    values.splice(index, 1);
    render(values, null);
    add.focus();
  };
  add.addEventListener("click", () => {
    const values = current();
    values.push(kind(itemSchema) === "object" ? {} : undefined);
    render(values, { index: values.length - 1, selector: "input, textarea, select" });
  });
  render(Array.isArray(value) ? value : [], null);
  const get = () => {
    const values = current().filter((v) => v !== undefined);
    return values.length === 0 && !required ? undefined : values;
  };
  return { el: box, get };
}

/** A mapping (the translations): a key and its value a row, with Remove, and an Add button. */
export function mapEditor(api, s, value, path, label, required) {
  const { ctx, lang, editor, group, resolve } = api;
  const box = group(s, path, label, required);
  const keys = s.propertyNames && resolve(s.propertyNames).enum;
  const names = Array.isArray(keys) ? keys : null;
  const list = h("div", { class: "items" });
  const add = h("button", { type: "button", class: "add", text: ui(lang, "add", { item: label.toLowerCase() }) });
  box.append(list, h("div", { class: "list-tools" }, add));
  let rows = [];

  const render = (entries) => {
    list.replaceChildren();
    rows = entries.map(([key, v], index) => {
      const id = nextId();
      const keyControl = names ? h("select", { id }) : h("input", { type: "text", id });
      if (names) for (const option of names) keyControl.append(h("option", { value: option, text: option }));
      keyControl.value = key;
      keyControl.dataset.path = `${path}.${key}`;
      const child = editor(s.additionalProperties, v, `${path}.${key}`, `${label}: ${key}`, true);
      const removeButton = h("button", { type: "button", text: ui(lang, "remove"), "aria-label": ui(lang, "remove.item", { item: key }) });
      removeButton.addEventListener("click", () => {
        const left = current();
        left.splice(index, 1);
        render(left);
        add.focus();
      });
      keyControl.addEventListener("change", () => render(current()));
      const keyField = h("div", { class: "field" }, h("label", { for: id, text: ui(lang, "key") }), keyControl);
      list.append(h("div", { class: "item" }, keyField, child.el, h("div", { class: "item-tools" }, removeButton)));
      return { keyControl, child };
    });
    ctx.changed();
  };
  const current = () => rows.map(({ keyControl, child }) => [keyControl.value, child.get()]);
  add.addEventListener("click", () => {
    const used = new Set(current().map(([key]) => key));
    const free = names ? names.find((key) => !used.has(key)) : "";
    render([...current(), [free ?? "", {}]]);
  });
  render(isObject(value) ? Object.entries(value) : []);
  const get = () => {
    const out = {};
    for (const [key, v] of current()) if (key !== "" && v !== undefined) out[key] = v;
    return Object.keys(out).length === 0 && !required ? undefined : out;
  };
  return { el: box, get };
}
