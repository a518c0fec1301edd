// « Et si… ? »: the reader changes a hypothesis and every figure that depends on it moves.
// Evaluates the article's formula graph (calcul/scenario.json, publication/views/scenario.py)
// with the build's rules: base units, interval arithmetic as calculators/figure.py, spread =
// median with min–max range, a calculation's requirements (`r`) checked on central values;
// formats as macros/formatting.py (significant digits, « environ », « plus de », « moins de »,
// narrow no-break spaces); checks the article's checked sentences as
// calculators/comparisons.py. A change recomputes only the nodes below the changed input, in
// an order computed once, and writes only the texts that changed. No library; text only
// (textContent).
"use strict";
(() => {
  const NNBSP = "\u202f", NBSP = "\u00a0";
  const QUALIFIERS = { nearest: "environ", down: "plus de", up: "moins de" };
  const MAX_PARAMS = 20;
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  // -- evaluation -----------------------------------------------------------------------------

  // A calculation without value: `fail` is the editor's message (a requirement, `r`, not met),
  // or "" when the arithmetic itself fails (a division by zero, a share above 100 %).
  class Incalculable extends Error {
    constructor(fail) { super(fail); this.fail = fail; }
  }
  const failed = (r) => r.fail !== undefined;
  const OPS = { "<": (a, b) => a < b, ">": (a, b) => a > b, "<=": (a, b) => a <= b,
                ">=": (a, b) => a >= b };

  // The names a tree reads (a chain's operators are strings too: skip them).
  function namesOf(node, out) {
    if (typeof node === "string") out.add(node);
    else if (typeof node === "number") return out;
    else if (node[0] === "c") for (let i = 1; i < node.length; i += 2) namesOf(node[i], out);
    else if (node[0] === "p") namesOf(node[1], out);
    else for (let i = 1; i < node.length; i++) namesOf(node[i], out);
    return out;
  }

  // Once per graph: each node's position in an order where a node comes after what it reads,
  // and who reads it, to recompute only what depends on a changed input.
  const prepared = new WeakMap();
  function prepare(graph) {
    let p = prepared.get(graph);
    if (p) return p;
    const order = [], readers = new Map(), reads = new Map();
    const visit = (key) => {
      if (reads.has(key)) return;
      const node = graph.n[key], names = new Set();
      reads.set(key, []);
      if (node.f !== undefined) namesOf(node.f, names);
      for (const [, left, right] of node.r || []) { namesOf(left, names); namesOf(right, names); }
      names.delete(key);
      for (const name of names) {
        if (!own(graph.n, name)) continue;
        visit(name);
        if (!readers.has(name)) readers.set(name, []);
        readers.get(name).push(key);
      }
      reads.set(key, [...names]);
      order.push(key);
    };
    for (const key of Object.keys(graph.n)) visit(key);
    const index = new Map(order.map((key, i) => [key, i]));
    p = { order, readers, reads, index, below: new Map() };
    prepared.set(graph, p);
    return p;
  }

  // The nodes that depend on `keys` (themselves included), in evaluation order; cached.
  function below(graph, keys) {
    const p = prepare(graph), id = keys.slice().sort().join(" ");
    let out = p.below.get(id);
    if (out) return out;
    const found = new Set(), pending = keys.filter((k) => own(graph.n, k));
    while (pending.length) {
      const key = pending.pop();
      if (found.has(key)) continue;
      found.add(key);
      for (const reader of p.readers.get(key) || []) pending.push(reader);
    }
    out = [...found].sort((a, b) => p.index.get(a) - p.index.get(b));
    p.below.set(id, out);
    return out;
  }

  // One node's value from the values of what it reads: {v, lo, hi} in base units, or
  // {fail} when it cannot be computed. As the build (calculators/catalog.py), what the formula
  // and then the conditions read comes first: the first of them without value gives its reason.
  function one(graph, key, values, overrides) {
    const node = graph.n[key];
    if (node.f === undefined) {
      if (own(overrides, key)) { const v = overrides[key]; return { v, lo: v, hi: v }; }
      return { v: node.v, lo: node.lo, hi: node.hi };
    }
    for (const name of prepare(graph).reads.get(key)) {
      const r = own(values, name) ? values[name] : null;
      if (!r) return { fail: "" };
      if (failed(r)) return { fail: r.fail };
    }
    const get = (name) => {
      const r = own(values, name) ? values[name] : null;
      if (!r) throw new Incalculable("");
      if (failed(r)) throw new Incalculable(r.fail);
      return r;
    };
    try {
      const r = tree(node.f, get);
      if (!(isFinite(r.v) && isFinite(r.lo) && isFinite(r.hi))) return { fail: "" };
      for (const [op, left, right, message] of node.r || []) {
        const self = (name) => (name === key ? r : get(name));
        if (!OPS[op](tree(left, self).v, tree(right, self).v)) return { fail: String(message) };
      }
      return r;
    } catch (error) {
      return { fail: error instanceof Incalculable ? error.fail : "" };
    }
  }

  // Every node of the graph (or only `keys` and what depends on them, from `values`).
  function evaluate(graph, overrides, values, keys) {
    const out = values ? Object.assign({}, values) : {};
    for (const key of keys ? below(graph, keys) : prepare(graph).order) {
      out[key] = one(graph, key, out, overrides);
    }
    return out;
  }

  function span(bounds, v) {
    return { v, lo: Math.min(...bounds), hi: Math.max(...bounds) };
  }

  function tree(node, get) {
    if (typeof node === "string") return get(node);
    if (typeof node === "number") return { v: node, lo: node, hi: node };
    const head = node[0];
    if (head === "p") {
      const a = tree(node[1], get), n = node[2];
      let lo = Math.min(a.lo ** n, a.hi ** n);
      const hi = Math.max(a.lo ** n, a.hi ** n);
      if (n % 2 === 0 && a.lo < 0 && 0 < a.hi) lo = 0;
      return { v: a.v ** n, lo, hi };
    }
    if (head === "share") {
      const a = tree(node[1], get);
      if (a.hi > 1) throw new Incalculable("");
      return a; // in base units a fraction and its percentage are one number
    }
    if (head === "spread") {
      const values = node.slice(1).map((r) => tree(r, get).v).sort((x, y) => x - y);
      const m = values.length >> 1;
      const v = values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
      return { v, lo: values[0], hi: values[values.length - 1] };
    }
    if (head !== "c") throw new Incalculable("");
    let a = tree(node[1], get);
    for (let i = 2; i < node.length; i += 2) {
      const op = node[i], b = tree(node[i + 1], get);
      if (op === "+") a = span([a.lo + b.lo, a.hi + b.hi], a.v + b.v);
      else if (op === "-") a = span([a.lo - b.hi, a.hi - b.lo], a.v - b.v);
      else if (op === "*") a = span([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi], a.v * b.v);
      else {
        if (b.lo <= 0 && 0 <= b.hi) throw new Incalculable("");
        a = span([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi], a.v / b.v);
      }
    }
    return a;
  }

  // -- formatting -----------------------------------------------------------------------------

  // x rounded to `digits` significant digits after snapping it to twelve (float noise), in the
  // direction `mode`, as Python's Decimal does: {text: plain decimal, exact}.
  function roundSignificant(x, digits, mode) {
    if (x === 0 || !isFinite(x)) return { text: "0", exact: true };
    const negative = x < 0;
    const [mantissa, e] = Math.abs(x).toExponential(11).split("e");
    const all = mantissa.replace(".", "");
    if (/^0+$/.test(all)) return { text: "0", exact: true };
    let keep = BigInt(all.slice(0, digits)), up = false;
    const rest = all.slice(digits);
    const inexact = /[1-9]/.test(rest);
    if (inexact) {
      if (mode === "nearest") {
        const tail = /[1-9]/.test(rest.slice(1));
        up = rest[0] > "5" || (rest[0] === "5" && (tail || keep % 2n === 1n));
      } else up = (mode === "up") !== negative;
    }
    if (up) keep += 1n;
    const exponent = Number(e) - digits + 1;
    let text = keep.toString();
    if (exponent >= 0) text += "0".repeat(exponent);
    else {
      text = text.padStart(-exponent + 1, "0");
      text = text.slice(0, exponent) + "." + text.slice(exponent);
      text = text.replace(/0+$/, "").replace(/\.$/, "");
    }
    if (text === "0") return { text, exact: !inexact };
    return { text: (negative ? "-" : "") + text, exact: !inexact };
  }

  const numberFormats = new Map();
  function formatNumber(text) {
    // Below a thousand there is no group to separate: Intl.NumberFormat would only change the
    // decimal point (its construction and calls are a tenth of an update).
    if (/^-?\d{1,3}(\.\d+)?$/.test(text)) return text.replace(".", ",");
    const decimals = text.includes(".") ? text.split(".")[1].length : 0;
    let format = numberFormats.get(decimals);
    if (!format) {
      format = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: decimals,
                                                minimumFractionDigits: 0 });
      numberFormats.set(decimals, format);
    }
    return format.format(Number(text));
  }

  let compact;
  function inWords(text, unit) {
    compact = compact || new Intl.NumberFormat("fr-FR", {
      notation: "compact", compactDisplay: "long", maximumFractionDigits: 2 });
    const number = compact.format(Number(text)).replace(/ /g, NBSP);
    const words = unit[3];
    if (!words) return number;
    const elided = "aeéèêiîoôuh".includes(words[0].toLowerCase());
    return number + NBSP + (elided ? "d’" : "de ") + words;
  }

  function withUnit(number, unit, long, plural) {
    const text = long ? unit[plural ? 3 : 2] : unit[1];
    if (!text) return number;
    return number + (long || unit[4] ? NBSP : NNBSP) + text;
  }

  function formatQuantity(magnitude, unit, digits, rounding, long, qualify) {
    const rounded = roundSignificant(magnitude * unit[0], digits, rounding);
    const value = Math.abs(Number(rounded.text));
    const text = long && value >= 1e6 ? inWords(rounded.text, unit)
      : withUnit(formatNumber(rounded.text), unit, long, value >= 2);
    return qualify && !rounded.exact ? QUALIFIERS[rounding] + " " + text : text;
  }

  function formatRange(low, high, unit, digits, long) {
    const lowR = roundSignificant(low * unit[0], digits, "nearest");
    const highR = roundSignificant(high * unit[0], digits, "nearest");
    const upper = withUnit(formatNumber(highR.text), unit, long,
                           Math.abs(Number(highR.text)) >= 2);
    return "entre " + formatNumber(lowR.text) + " et " + upper;
  }

  // The texts the build prints for one figure's value `r` (base units): `what` is `article`
  // (as the text writes it), `value` and `range` (its block), `input` and `inputRange` (as an
  // input of another block); null for a range the figure has not.
  function text(graph, key, r, what) {
    const f = graph.fig[key], u = graph.u;
    if (what === "article") {
      if (!f.a) return null;
      const [kind, unit, factor, digits, rounding, long] = f.a;
      return kind === "range"
        ? formatRange(r.lo / factor, r.hi / factor, u[unit], digits, !!long)
        : formatQuantity(r.v / factor, u[unit], digits, rounding, !!long, true);
    }
    const [unit, factor] = what === "value" || what === "range" ? f.d : f.o;
    if (what === "value" || what === "input") {
      return formatQuantity(r.v / factor, u[unit], 4, "nearest", false, what === "input");
    }
    if (r.lo === r.v && r.hi === r.v) return null;
    return formatRange(r.lo / factor, r.hi / factor, u[unit], 3, false);
  }

  const WHATS = ["article", "value", "range", "input", "inputRange"];
  function texts(graph, key, r) {
    const out = {};
    for (const what of WHATS) {
      if (what !== "article" || graph.fig[key].a) out[what] = text(graph, key, r, what);
    }
    return out;
  }

  function incalculable(r) {
    return r && r.fail ? "incalculable" + NNBSP + ": " + r.fail : "incalculable avec ces valeurs";
  }

  // -- checked sentences ----------------------------------------------------------------------

  const RELATION_WORDS = { above: "au-dessus de", at_least: "au moins égal à",
                           below: "en dessous de", at_most: "au plus égal à" };
  // The build's rule (calculators/comparisons.py): the figure's whole range on the right side
  // of the bound's whole range.
  const HOLDS = { above: (f, b) => f.lo > b.hi, at_least: (f, b) => f.lo >= b.hi,
                  below: (f, b) => f.hi < b.lo, at_most: (f, b) => f.hi <= b.lo };
  const quoted = (label) => "«" + NNBSP + label + NNBSP + "»";

  // A checked sentence (`graph.as`: [figure, [[relation, bound], …]], a bound a figure's key or
  // a number in base units) under the values `values`: {holds, text}.
  function check(graph, entry, values) {
    const [key, bounds] = entry, f = values[key], [unit, factor] = graph.fig[key].o;
    const say = (x) => formatQuantity(x / factor, graph.u[unit], 3, "nearest", false, false);
    const side = (r) => {
      const low = say(r.lo), high = say(r.hi);
      return low === high ? "vaut " + low : "va de " + low + " à " + high;
    };
    const no = (what, r) => ({ holds: false, text: "Ne tient plus avec vos hypothèses" + NNBSP
      + ": " + what + " incalculable" + (r && r.fail ? " (" + r.fail + ")" : "") + "." });
    if (!f || failed(f)) return no("chiffre", f);
    const words = [], missed = [];
    for (const [relation, bound] of bounds) {
      const b = typeof bound === "number" ? { v: bound, lo: bound, hi: bound } : values[bound];
      if (!b || failed(b)) return no("borne", b);
      const said = RELATION_WORDS[relation] + " " + (typeof bound === "number" ? say(bound)
        : quoted(graph.fig[bound].l) + " (" + side(b) + ")");
      words.push(said);
      if (!HOLDS[relation](f, b)) missed.push(said);
    }
    if (missed.length) {
      return { holds: false, text: "Ne tient plus avec vos hypothèses" + NNBSP + ": " + side(f)
        + ", alors que la phrase demande qu’il soit " + missed.join(" et ")
        + " sur toute sa fourchette." };
    }
    return { holds: true, text: "Tient toujours avec vos hypothèses" + NNBSP + ": " + side(f)
      + NNBSP + ": " + words.join(" et ") + " sur toute sa fourchette." };
  }

  // -- the page ------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The scenario the URL holds: known inputs only, numbers only, clamped to their bounds.
  function fromUrl(graph) {
    const found = {};
    let seen = 0;
    for (const [key, raw] of new URLSearchParams(location.search)) {
      if (++seen > MAX_PARAMS) break;
      const input = own(graph.in, key) && graph.in[key];
      const value = Number(String(raw).replace(",", ".").slice(0, 32));
      if (!input || raw === "" || !isFinite(value)) continue;
      found[key] = Math.min(input.max, Math.max(input.min, value));
    }
    return found;
  }

  // The address follows the scenario once the reader pauses: history.replaceState is the
  // dearest part of an update (and browsers throttle a burst of them).
  const URL_DELAY = 200;
  let urlTimer = 0;
  function toUrl(graph, chosen) {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const params = new URLSearchParams(location.search);
      for (const key of Object.keys(graph.in)) params.delete(key);
      for (const key of Object.keys(chosen).sort()) params.set(key, String(chosen[key]));
      const query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "")
                           + location.hash);
    }, URL_DELAY);
  }

  // Each place a text shows a value (an element, or a text node of its own), the original
  // text kept to show beside the new one. Writes only what changed.
  class Slot {
    constructor(node) {
      this.node = node;
      this.original = this.current = node.textContent.trim();
      this.was = null;
    }
    set(text) {
      if (text === null || text === undefined || text === this.current) return;
      this.current = text;
      const changed = text !== this.original;
      this.node.textContent = text;
      if (changed && !this.was) {
        this.was = element("span", "vf-scenario__was");
        this.node.after(this.was);
      }
      if (this.was) {
        if (changed) this.was.textContent = " (au départ" + NNBSP + ": " + this.original + ")";
        else { this.was.remove(); this.was = null; }
      }
    }
  }

  // An input line's range, « (entre 954 et 39 600 t CO₂e) » after its value: the text node
  // split so that the range is a node of its own (no element is added to the page).
  function rangeAfter(item) {
    const next = item.nextSibling;
    if (!next || next.nodeType !== 3) return null;
    const found = /^(\s*\()(entre [^()]*)\)/.exec(next.data);
    if (!found) return null;
    const range = next.splitText(found[1].length);
    range.splitText(found[2].length);
    return range;
  }

  function control(graph, key, onChange) {
    const input = graph.in[key];
    const id = "vf-scenario-" + key.replace(/_/g, "-");
    const row = element("p", "vf-scenario__input");
    const label = element("label", "vf-scenario__label", input.label);
    label.htmlFor = id;
    const field = element("input", "vf-scenario__number");
    Object.assign(field, { type: "number", id, step: "any", min: String(input.min),
                           max: String(input.max), value: String(input.v) });
    field.setAttribute("inputmode", "decimal");
    const unit = element("span", "vf-scenario__unit", input.u);
    row.append(label, " ", field, " ", unit);
    let select = null;
    if (input.ch.length) {
      select = element("select", "vf-scenario__choices");
      select.setAttribute("aria-label", "Estimations publiées" + NNBSP + ": " + input.label);
      select.append(element("option", "", "Estimations publiées…"));
      for (const [name, value] of input.ch) {
        const option = element("option", "", name);
        option.value = String(value);
        select.append(option);
      }
      select.addEventListener("change", () => {
        if (select.value && select.selectedIndex > 0) { field.value = select.value; changed(); }
      });
      row.append(" ", select);
    }
    const changed = () => {
      const value = Number(field.value);
      if (field.value === "" || !isFinite(value)) return;
      onChange(key, Math.min(input.max, Math.max(input.min, value)));
    };
    field.addEventListener("change", changed);
    return { row, set(value) { field.value = String(value); if (select) select.selectedIndex = 0; } };
  }

  // The controls of `keys` in `root`; `slotsFor`: figure key → [{slot, what}]; `checks`:
  // [[entry of graph.as, list item]]. An update recomputes only what depends on the inputs
  // that changed, and writes only the texts that changed.
  function run(graph, root, keys, slotsFor, checks, options) {
    const chosen = options.url ? fromUrl(graph) : {};
    const controls = {}, notes = new Map();
    let values = evaluate(graph, {});
    const status = element("p", "vf-scenario__status");
    status.setAttribute("role", "status");
    const update = (changed) => {
      const overrides = {};
      for (const key of Object.keys(chosen)) overrides[key] = chosen[key] * graph.in[key].k;
      values = evaluate(graph, overrides, values, changed);
      for (const key of below(graph, changed)) {
        const slots = slotsFor.get(key);
        if (!slots) continue;
        const r = values[key], bad = !r || failed(r), said = {};
        for (const s of slots) {  // a figure is often an input of several blocks: format once
          if (!(s.what in said)) {
            said[s.what] = bad ? (s.what.endsWith("ange") ? "sans fourchette" : incalculable(r))
              : text(graph, key, r, s.what) || "sans fourchette";
          }
          s.slot.set(said[s.what]);
        }
      }
      const n = Object.keys(chosen).length;
      for (const [entry, item] of checks) {
        let note = notes.get(item);
        if (!n) { if (note) { note.remove(); notes.delete(item); } continue; }
        const result = check(graph, entry, values);
        if (!note) {
          note = element("span", "vf-assertions__scenario");
          notes.set(item, note);
          item.append(note);
        }
        const kind = "vf-assertions__scenario vf-assertions__scenario--" + (result.holds ? "yes" : "no");
        if (note.className !== kind) note.className = kind;
        if (note.textContent !== result.text) note.textContent = result.text;
      }
      if (options.url) toUrl(graph, chosen);
      status.textContent = n ? "Scénario modifié" + NNBSP + ": " + n + " hypothèse" + (n > 1 ? "s" : "")
        + " changée" + (n > 1 ? "s" : "") + "." : "";
      if (options.changed) options.changed(chosen);
    };
    for (const key of keys) {
      if (!graph.in[key]) continue;
      controls[key] = control(graph, key, (k, v) => {
        if (v === graph.in[k].v) delete chosen[k]; else chosen[k] = v;
        update([k]);
      });
      if (key in chosen) controls[key].set(chosen[key]);
      root.append(controls[key].row);
    }
    const reset = element("button", "vf-scenario__reset", "Réinitialiser");
    reset.type = "button";
    reset.addEventListener("click", () => {
      const changed = Object.keys(chosen);
      for (const key of changed) delete chosen[key];
      for (const key of Object.keys(controls)) controls[key].set(graph.in[key].v);
      update(changed);
    });
    root.append(reset, status);
    if (Object.keys(chosen).length) update(Object.keys(chosen));
    return { update };
  }

  async function load(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const graph = await response.json();
    if (!graph || graph.version !== 1) throw new Error("version");
    return graph;
  }

  // The calcul page: every block's values, every input line (value and range) that names a
  // figure of the graph, and the checked sentences.
  async function calculPage(root) {
    const graph = await load("scenario.json");
    const slotsFor = new Map();
    const add = (key, node, what) => {
      if (!node || !own(graph.fig, key)) return;
      if (!slotsFor.has(key)) slotsFor.set(key, []);
      slotsFor.get(key).push({ slot: new Slot(node), what });
    };
    for (const block of document.querySelectorAll(".vf-derivation[id^=calcul-]")) {
      const key = block.id.slice(7).replace(/-/g, "_");
      if (!own(graph.fig, key)) continue;
      add(key, block.querySelector(".vf-derivation__shown"), "article");
      add(key, block.querySelector(".vf-derivation__calc"), "value");
      add(key, block.querySelector(".vf-derivation__range"), "range");
    }
    for (const item of document.querySelectorAll(".vf-input__value[data-vf-key]")) {
      const key = item.dataset.vfKey;
      if (!own(graph.fig, key)) continue;
      add(key, item, "input");
      add(key, rangeAfter(item), "inputRange");
    }
    const checks = [];
    const items = document.querySelectorAll(".vf-assertions__list > li[data-vf-check]");
    for (const item of items) {
      const entry = (graph.as || [])[Number(item.dataset.vfCheck)];
      if (entry && own(graph.fig, entry[0])) checks.push([entry, item]);
    }
    const keys = Object.keys(graph.in).sort();
    if (!keys.length) return;
    root.append(element("h2", "vf-scenario__title", "Et si…" + NNBSP + "? Changez les hypothèses"));
    root.append(element("p", "", "Chaque chiffre de la page qui en dépend est recalculé dans "
      + "votre navigateur, avec les mêmes formules, et chaque affirmation vérifiée dit si elle "
      + "tient toujours. L’adresse de la page garde votre scénario" + NNBSP + ": "
      + "vous pouvez la partager."));
    run(graph, root, keys, slotsFor, checks, { url: true });
    root.hidden = false;
  }

  // An article's « Et si… ? » box: its input, and the figures it names.
  async function box(details) {
    const body = details.querySelector(".vf-whatif__body");
    if (!body || body.childElementCount) return;
    const graph = await load("calcul/scenario.json");
    const key = details.dataset.vfInput;  // the page's text may hold any value: look it up only
    if (!own(graph.in, key)) return;
    const list = element("ul", "vf-whatif__figures");
    const slots = new Map();
    const initial = evaluate(graph, {});
    for (const shown of (details.dataset.vfShows || "").split(" ").slice(0, 4)) {
      const f = own(graph.fig, shown) && graph.fig[shown];
      if (!f || !f.a || !initial[shown] || failed(initial[shown])) continue;
      const label = f.l || shown;
      const value = element("strong", "vf-whatif__value", text(graph, shown, initial[shown], "article"));
      const item = element("li", "", label.charAt(0).toUpperCase() + label.slice(1) + NNBSP + ": ");
      item.append(value);
      list.append(item);
      slots.set(shown, [{ slot: new Slot(value), what: "article" }]);
    }
    const link = element("a", "vf-whatif__more", "Tous les chiffres avec ce scénario");
    link.href = "calcul/";
    const wrapper = element("div");
    body.append(wrapper);
    run(graph, wrapper, [key], slots, [], { url: false, changed(chosen) {
      const params = new URLSearchParams();
      for (const k of Object.keys(chosen)) params.set(k, String(chosen[k]));
      const query = params.toString();
      link.href = "calcul/" + (query ? "?" + query : "");
    } });
    body.append(list, link);
  }

  const api = { evaluate, texts, text, check, incalculable, roundSignificant, formatQuantity,
                formatRange, fromUrl };
  window.vfScenario = api;
  const root = document.getElementById("vf-scenario");
  if (root) calculPage(root).catch(() => {});
  const open = (details) => box(details).catch(() => {});
  for (const details of document.querySelectorAll("details.vf-whatif")) {
    if (details.open) open(details);
    details.addEventListener("toggle", () => { if (details.open) open(details); });
  }
})();
