// The release form, built from the release's JSON Schema (GET /api/schema): plain JavaScript,
// no framework, nothing loaded from anywhere but this server.
//
// Every editor is {el, get}: `el` its DOM, `get()` its value as JSON (undefined: leave out).
// Every input and group carries data-path, the field path drafter's problems name
// ("contacts.people[0].email"), so each problem is shown next to its field.
"use strict";

(() => {
  const DEBOUNCE_MS = 200;
  const form = document.getElementById("release");
  const preview = document.getElementById("preview");
  const status = document.getElementById("status");
  const summary = document.getElementById("summary");
  const findings = document.getElementById("findings");
  let schema = null;
  let root = null;
  let uid = 0;
  let timer = null;
  let sequence = 0;

  // --- small helpers ------------------------------------------------------------------
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") el.textContent = value;
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child) el.append(child);
    return el;
  }

  const nextId = () => `f${++uid}`;
  const humanise = (key) => {
    if (/^[a-z]{2,3}$/.test(String(key))) return String(key).toUpperCase();  // eu, url
    const words = String(key).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  const singular = (label) => (/[^s]s$/.test(label) ? label.slice(0, -1) : label);
  // What one item of a list is called: its definition's name, else the plural the list's
  // description starts with ("Paragraphs after …" gives "Paragraph"), else the list's name.
  const itemName = (s, label) => {
    const first = /^([A-Z][a-z]+s)\b/.exec(s.description || "");
    return first ? singular(first[1]) : singular(label);
  };
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

  function lookup(ref) {
    let node = schema;
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
        const name = $ref.split("/").pop();
        result = { defName: name, ...lookup($ref), ...own };
        delete result.$ref;
        if (!own.title) result.title = undefined;
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

  // A value written in a shorter form than the schema's (a file's paragraph as text, one
  // name instead of a list) in the schema's form; anything else is left as it is.
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

  function help(s) {
    if (!s.description) return null;
    return h("p", { class: "help", id: nextId(), text: s.description });
  }

  function labelled(tag, label, required) {
    const el = h(tag, { class: "label" });
    el.textContent = label;
    if (required) el.append(h("span", { "aria-hidden": "true", text: " *" }));
    return el;
  }

  // --- editors --------------------------------------------------------------------------
  function editor(raw, value, path, label, required) {
    const s = resolve(raw);
    if (Array.isArray(s.anyOf)) return choiceEditor(s, value, path, label, required);
    let k = kind(s);
    value = coerce(s, value);
    if (!fits(k, value)) k = "generic";
    const make = { enum: enumEditor, object: objectEditor, map: mapEditor, array: arrayEditor,
      date: dateEditor, string: stringEditor, number: numberEditor, boolean: booleanEditor,
      generic: genericEditor }[k];
    const optionalGroup = (k === "object" || k === "map") && (!required || s.nullable);
    return optionalGroup
      ? optional(s, value, path, label, make)
      : make(s, value, path, label, required);
  }

  function scalarField(s, path, label, required, control) {
    const id = nextId();
    const note = help(s);
    control.id = id;
    control.dataset.path = path;
    if (required) control.setAttribute("aria-required", "true");
    if (note) control.setAttribute("aria-describedby", note.id);
    const name = labelled("label", label, required);
    name.setAttribute("for", id);
    return h("div", { class: "field" }, name, note, control);
  }

  function stringEditor(s, value, path, label, required) {
    const long = (s.maxLength || 0) >= 5000;
    const control = long ? h("textarea", { rows: 4 }) : h("input", { type: "text" });
    if (s.maxLength) control.maxLength = s.maxLength;
    control.value = value ?? "";
    const el = scalarField(s, path, label, required, control);
    return { el, get: () => (control.value.trim() === "" ? undefined : control.value) };
  }

  function dateEditor(s, value, path, label, required) {
    const text = value === undefined || value === null ? "" : String(value);
    const control = h("input", { type: "date", placeholder: "YYYY-MM-DD" });
    control.value = text;
    // A value that is no date (2012-06-31, a placeholder) is kept as text, to be corrected.
    if (control.value !== text) {
      control.type = "text";
      control.value = text;
    }
    const el = scalarField(s, path, label, required, control);
    return { el, get: () => (control.value === "" ? undefined : control.value) };
  }

  function numberEditor(s, value, path, label, required) {
    const control = h("input", { type: "text", inputmode: "numeric" });
    control.value = value ?? "";
    const el = scalarField(s, path, label, required, control);
    const get = () => {
      const text = control.value.trim();
      if (text === "") return undefined;
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    };
    return { el, get };
  }

  function booleanEditor(s, value, path, label) {
    const id = nextId();
    const note = help(s);
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
    if (blank) control.append(h("option", { value: "", text: "(none)" }));
    for (const option of options) {
      control.append(h("option", { value: String(option), text: option === "" ? "(none)" : String(option) }));
    }
    const chosen = String(value ?? s.default ?? "");
    if (!options.map(String).includes(chosen) && !(blank && chosen === "")) {
      // A value that is none of the choices is kept (and shown) until it is corrected.
      control.append(h("option", { value: chosen, text: `${chosen} (not one of the choices)` }));
    }
    control.value = chosen;
    const el = scalarField(s, path, label, required, control);
    return { el, get: () => (control.value === "" && !options.includes("") ? undefined : control.value) };
  }

  // A field of several forms (a contact written out, or a shared contact's key): a choice
  // of form, then that form's editor; the form that fits the value comes first.
  const choices = (s) => s.anyOf.filter((option) => option.type !== "null").map(resolve);
  const formName = (o) => (o.defName ? humanise(o.defName) : o.description || humanise(o.type));

  function choiceEditor(s, value, path, label, required) {
    const options = choices(s);
    const fitting = options.findIndex((o) => value !== undefined && fits(kind(o), coerce(o, value)));
    const box = h("div", { class: "choice" });
    const select = h("select", { "aria-label": `Form of ${label}` });
    options.forEach((o, index) => select.append(h("option", { value: index, text: formName(o) })));
    select.value = String(Math.max(fitting, 0));
    let inner = null;
    const show = (v) => {
      const option = { ...options[Number(select.value)], description: s.description };
      inner = editor(option, v, path, label, required);
      box.replaceChildren(h("div", { class: "field" }, select), inner.el);
    };
    select.addEventListener("change", () => { show(undefined); changed(); });
    show(value);
    return { el: box, get: () => inner.get() };
  }

  function genericEditor(s, value, path, label, required) {
    const control = h("textarea", { rows: 3, class: "generic" });
    control.value = value === undefined || value === null ? "" : JSON.stringify(value, null, 2);
    const el = scalarField({ description: (s.description ? `${s.description} ` : "") + "(as JSON)" },
      path, label, required, control);
    const get = () => {
      const text = control.value.trim();
      if (text === "") return undefined;
      try { return JSON.parse(text); } catch (error) { return text; }
    };
    return { el, get };
  }

  function group(s, path, label, required) {
    const box = h("fieldset", { class: "group" });
    box.dataset.path = path;
    box.append(labelled("legend", label, required));
    const note = help(s);
    if (note) box.append(note);
    return box;
  }

  function objectEditor(s, value, path, label, required) {
    const box = path === "" ? h("div") : group(s, path, label, required);
    const data = isObject(value) ? value : {};
    const needed = new Set(s.required || []);
    const parts = [];
    for (const [key, sub] of Object.entries(s.properties)) {
      const child = editor(sub, data[key], path ? `${path}.${key}` : key, humanise(key), needed.has(key));
      parts.push([key, child]);
      box.append(child.el);
    }
    for (const key of Object.keys(data).filter((key) => !(key in s.properties))) {
      const child = genericEditor({ description: "Not a field of a release: correct or remove it." },
        data[key], path ? `${path}.${key}` : key, key, false);
      parts.push([key, child]);
      box.append(child.el);
    }
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
      h("div", { class: "check" }, toggle, h("label", { for: id, text: ` ${label}` })));
    wrap.dataset.path = path;
    const hint = help(s);
    if (hint) { wrap.append(hint); toggle.setAttribute("aria-describedby", hint.id); }
    let inner = null;
    // The path names the group inside when it is shown, else this checkbox's box.
    const sync = () => { if (toggle.checked) delete wrap.dataset.path; else wrap.dataset.path = path; };
    toggle.checked = value !== undefined && value !== null;
    // The box inside repeats neither the label's asterisk nor the help text.
    const plain = { ...s, description: undefined };
    if (toggle.checked) { inner = make(plain, value, path, label, false); wrap.append(inner.el); }
    sync();
    toggle.addEventListener("change", () => {
      if (toggle.checked && !inner) { inner = make(plain, s.default ?? {}, path, label, false); wrap.append(inner.el); }
      if (inner) inner.el.hidden = !toggle.checked;
      sync();
    });
    return { el: wrap, get: () => (toggle.checked && inner ? inner.get() : undefined) };
  }

  function arrayEditor(s, value, path, label, required) {
    const box = group(s, path, label, required);
    const itemSchema = resolve(s.items);
    const named = Array.isArray(itemSchema.anyOf) ? choices(itemSchema)[0] : itemSchema;
    const itemLabel = named.defName ? humanise(named.defName) : itemName(s, label);
    const list = h("div", { class: "items" });
    const add = h("button", { type: "button", text: `Add ${itemLabel.toLowerCase()}` });
    box.append(list, h("div", { class: "list-tools" }, add));
    let items = [];

    const render = (values, focus) => {
      list.replaceChildren();
      items = values.map((v, index) => {
        const child = editor(s.items, v, `${path}[${index}]`, `${itemLabel} ${index + 1}`, true);
        const tools = h("div", { class: "item-tools" });
        const name = `${itemLabel} ${index + 1}`;
        const buttons = [
          ["Up", `Move ${name} up`, index > 0, () => move(index, -1)],
          ["Down", `Move ${name} down`, index < values.length - 1, () => move(index, 1)],
          ["Remove", `Remove ${name}`, true, () => remove(index)],
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
        const target = list.querySelectorAll(".item")[focus.index];
        const control = target && target.querySelector(focus.selector);
        if (control) control.focus();
      }
      changed();
    };
    const current = () => items.map((child) => child.get());
    const move = (index, step) => {
      const values = current();
      [values[index], values[index + step]] = [values[index + step], values[index]];
      render(values, { index: index + step, selector: step < 0 ? "button" : "button:nth-of-type(2)" });
    };
    const remove = (index) => {
      const values = current();
      values.splice(index, 1);
      render(values, null);
      add.focus();
    };
    add.addEventListener("click", () => {
      const values = current();
      values.push(kind(itemSchema) === "object" || kind(itemSchema) === "array" ? {} : undefined);
      render(values, { index: values.length - 1, selector: "input, textarea, select" });
    });
    render(Array.isArray(value) ? value : [], null);
    const get = () => {
      const values = items.map((child) => child.get()).filter((v) => v !== undefined);
      return values.length === 0 && !required ? undefined : values;
    };
    return { el: box, get };
  }

  function mapEditor(s, value, path, label, required) {
    const box = group(s, path, label, required);
    const keys = s.propertyNames && Array.isArray(resolve(s.propertyNames).enum)
      ? resolve(s.propertyNames).enum : null;
    const list = h("div", { class: "items" });
    const add = h("button", { type: "button", text: `Add to ${label.toLowerCase()}` });
    box.append(list, h("div", { class: "list-tools" }, add));
    let rows = [];

    const render = (entries) => {
      list.replaceChildren();
      rows = entries.map(([key, v], index) => {
        const id = nextId();
        const keyControl = keys ? h("select", { id }) : h("input", { type: "text", id });
        if (keys) for (const option of keys) keyControl.append(h("option", { value: option, text: option }));
        keyControl.value = key;
        keyControl.dataset.path = `${path}.${key}`;
        const child = editor(s.additionalProperties, v, `${path}.${key}`, `${label}: ${key}`, true);
        const removeButton = h("button", { type: "button", text: "Remove", "aria-label": `Remove ${key}` });
        removeButton.addEventListener("click", () => {
          const kept = current();
          kept.splice(index, 1);
          render(kept);
          add.focus();
        });
        keyControl.addEventListener("change", () => render(current()));
        const keyField = h("div", { class: "field" }, h("label", { for: id, text: "Key" }), keyControl);
        list.append(h("div", { class: "item" }, keyField, child.el, h("div", { class: "item-tools" }, removeButton)));
        return { keyControl, child };
      });
      changed();
    };
    const current = () => rows.map(({ keyControl, child }) => [keyControl.value, child.get()]);
    add.addEventListener("click", () => {
      const used = new Set(current().map(([key]) => key));
      const free = keys ? keys.find((key) => !used.has(key)) : "";
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

  // --- problems next to their fields ----------------------------------------------------
  function parentPath(path) {
    const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
    return cut > 0 ? path.slice(0, cut) : "";
  }

  function findField(path) {
    for (let p = path; p; p = parentPath(p)) {
      const found = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (found) return found;
    }
    return null;
  }

  function clearProblems() {
    for (const el of form.querySelectorAll(".error")) el.remove();
    for (const el of form.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      const kept = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.startsWith("e"));
      if (kept.length) el.setAttribute("aria-describedby", kept.join(" "));
      else el.removeAttribute("aria-describedby");
    }
    summary.hidden = true;
    summary.replaceChildren();
  }

  function showProblems(problems) {
    clearProblems();
    const unplaced = [];
    for (const problem of problems) {
      const target = findField(problem.field || "");
      const where = problem.field && problem.field !== "(top level)" ? `${problem.field}: ` : "";
      if (!target) { unplaced.push(`${where}${problem.message}`); continue; }
      const message = h("p", { class: "error", id: `e${++uid}`, text: target.dataset.path === problem.field ? problem.message : `${where}${problem.message}` });
      if (target.matches("input, select, textarea")) {
        target.setAttribute("aria-invalid", "true");
        const described = target.getAttribute("aria-describedby");
        target.setAttribute("aria-describedby", described ? `${described} ${message.id}` : message.id);
        target.after(message);
      } else {
        const legend = target.querySelector(":scope > legend, :scope > .check");
        if (legend) legend.after(message); else target.prepend(message);
      }
    }
    if (unplaced.length) {
      summary.append(h("p", { text: "Problems:" }), h("ul", {}, ...unplaced.map((text) => h("li", { text }))));
      summary.hidden = false;
    }
    const count = problems.length;
    if (count) say(`${count} problem${count === 1 ? "" : "s"}: see the marked fields.`);
  }

  const say = (text) => { status.textContent = text; };

  // The house-style findings of a valid release (as `drafter check`), listed with their
  // fields; an error-level one keeps the release from being marked final.
  function showFindings(list) {
    findings.replaceChildren();
    findings.hidden = list.length === 0;
    if (!list.length) return;
    const items = list.map((f) => h("li", { class: f.level,
      text: `${f.level} [${f.rule}] ${f.field}: ${f.message}${f.suggestion ? ` (${f.suggestion})` : ""}` }));
    findings.append(h("p", { text: "House style:" }), h("ul", {}, ...items));
  }

  async function check(mine) {
    const response = await post("/api/check", JSON.stringify(release()));
    if (mine !== sequence || !response.ok) return;
    const answer = await response.json();
    if (mine === sequence) showFindings(answer.findings || []);
  }

  // --- talking to the server ------------------------------------------------------------
  const release = () => root.get();

  async function post(url, body, type = "application/json") {
    return fetch(url, { method: "POST", headers: { "Content-Type": type }, body });
  }

  async function refusal(response) {
    let answer = {};
    try { answer = await response.json(); } catch (error) { answer = {}; }
    if (response.status === 422 && Array.isArray(answer.problems)) showProblems(answer.problems);
    else say(answer.detail || `The server answered ${response.status}.`);
  }

  async function refresh() {
    const mine = ++sequence;
    const response = await post("/api/render?format=html", JSON.stringify(release()));
    if (mine !== sequence) return;
    if (response.ok) {
      const html = await response.text();
      if (mine !== sequence) return;
      clearProblems();
      preview.srcdoc = html;
      say("Preview up to date.");
      await check(mine);
    } else {
      showFindings([]);
      await refusal(response);
    }
  }

  function changed() {
    if (!root) return;
    clearTimeout(timer);
    timer = setTimeout(() => { refresh().catch((error) => say(`Preview failed: ${error}`)); }, DEBOUNCE_MS);
  }

  function fileName(response, format) {
    const header = response.headers.get("Content-Disposition") || "";
    const exact = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (exact) return decodeURIComponent(exact[1]);
    const plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : `release.${format}`;
  }

  async function download(format) {
    say(`Making the ${format.toUpperCase()}…`);
    const response = await post(`/api/render?format=${format}`, JSON.stringify(release()));
    if (!response.ok) { await refusal(response); return; }
    const link = h("a", { href: URL.createObjectURL(await response.blob()), download: fileName(response, format) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    say(`Downloaded ${link.download}.`);
  }

  function build(data, problems) {
    root = null;
    form.replaceChildren();
    const made = editor(schema, isObject(data) ? data : {}, "", "Release", true);
    form.append(made.el);
    root = made;
    showProblems(problems || []);
    changed();
  }

  async function upload(file) {
    say(`Reading ${file.name}…`);
    const response = await post("/api/parse", await file.text(), "application/yaml");
    if (!response.ok) { await refusal(response); return; }
    const answer = await response.json();
    if (answer.data === null || answer.data === undefined) showProblems(answer.problems);
    else build(answer.data, answer.problems);
  }

  async function start() {
    const [schemaResponse, initialResponse] = await Promise.all([fetch("/api/schema"), fetch("/api/initial")]);
    schema = await schemaResponse.json();
    const initial = await initialResponse.json();
    build(initial.data, initial.problems);
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", (event) => event.preventDefault());
    for (const button of document.querySelectorAll("[data-format]")) {
      button.addEventListener("click", () => download(button.dataset.format).catch((error) => say(`Download failed: ${error}`)));
    }
    const picker = document.getElementById("upload");
    picker.addEventListener("change", () => {
      if (picker.files.length) upload(picker.files[0]).catch((error) => say(`Reading failed: ${error}`));
      picker.value = "";
    });
    document.body.dataset.ready = "true";
  }

  start().catch((error) => say(`The form could not start: ${error}`));
})();
