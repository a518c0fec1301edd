// « Et si… ? »: the reader changes a hypothesis and every figure that depends on it moves.
// Evaluates the article's formula graph (calcul/scenario.json, publication/views/scenario.py)
// with the build's rules: base units, interval arithmetic as calculators/figure.py, spread =
// median with min–max range; formats as macros/formatting.py (significant digits, « environ »,
// « plus de », « moins de », narrow no-break spaces). No library; text only (textContent).
"use strict";
(() => {
  const NNBSP = "\u202f", NBSP = "\u00a0";
  const QUALIFIERS = { nearest: "environ", down: "plus de", up: "moins de" };
  const MAX_PARAMS = 20;
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  // -- evaluation -----------------------------------------------------------------------------

  function evaluate(graph, overrides) {
    const done = new Map();
    const get = (key) => {
      let out = done.get(key);
      if (out) return out;
      const node = graph.n[key];
      if (!node) throw new Error("unknown " + key);
      if (node.f !== undefined) {
        done.set(key, { v: NaN, lo: NaN, hi: NaN, stale: false }); // cycles cannot come in
        out = tree(node.f, get);
      } else if (own(overrides, key)) {
        const v = overrides[key];
        out = { v, lo: v, hi: v, stale: false };
      } else {
        const stale = !!(node.dep && node.dep.some((k) => k in overrides));
        out = { v: node.v, lo: node.lo, hi: node.hi, stale };
      }
      done.set(key, out);
      return out;
    };
    const values = {};
    for (const key of Object.keys(graph.n)) {
      try { values[key] = get(key); } catch (error) { values[key] = null; }
    }
    return values;
  }

  function span(bounds, v, stale) {
    return { v, lo: Math.min(...bounds), hi: Math.max(...bounds), stale };
  }

  function tree(node, get) {
    if (typeof node === "string") return get(node);
    const [head, ...rest] = node;
    if (head === "p") {
      const a = tree(rest[0], get), n = rest[1];
      let lo = Math.min(a.lo ** n, a.hi ** n);
      const hi = Math.max(a.lo ** n, a.hi ** n);
      if (n % 2 === 0 && a.lo < 0 && 0 < a.hi) lo = 0;
      return { v: a.v ** n, lo, hi, stale: a.stale };
    }
    if (head === "share") {
      const a = tree(rest[0], get);
      if (a.hi > 1) throw new Error("share");
      return a; // in base units a fraction and its percentage are one number
    }
    if (head === "spread") {
      const args = rest.map((r) => tree(r, get));
      const values = args.map((a) => a.v).sort((x, y) => x - y);
      const m = values.length >> 1;
      const v = values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
      return { v, lo: values[0], hi: values[values.length - 1],
               stale: args.some((a) => a.stale) };
    }
    let a = tree(rest[0], get);
    for (let i = 1; i < rest.length; i += 2) {
      const op = rest[i], b = tree(rest[i + 1], get), stale = a.stale || b.stale;
      if (op === "+") a = span([a.lo + b.lo, a.hi + b.hi], a.v + b.v, stale);
      else if (op === "-") a = span([a.lo - b.hi, a.hi - b.lo], a.v - b.v, stale);
      else if (op === "*") {
        a = span([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi], a.v * b.v, stale);
      } else {
        if (b.lo <= 0 && 0 <= b.hi) throw new Error("division by zero");
        a = span([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi], a.v / b.v, stale);
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

  // The texts the build prints for one figure's value `r` (base units): in the article
  // (`article`), as its block's value and range (`value`, `range`), as an input (`input`).
  function texts(graph, key, r) {
    const f = graph.fig[key], u = graph.u, out = {};
    if (f.a) {
      const [kind, unit, factor, digits, rounding, long] = f.a;
      out.article = kind === "range"
        ? formatRange(r.lo / factor, r.hi / factor, u[unit], digits, !!long)
        : formatQuantity(r.v / factor, u[unit], digits, rounding, !!long, true);
    }
    const ranged = r.lo !== r.v || r.hi !== r.v;
    const [du, df] = f.d, [ou, of] = f.o;
    out.value = formatQuantity(r.v / df, u[du], 4, "nearest", false, false);
    out.range = ranged ? formatRange(r.lo / df, r.hi / df, u[du], 3, false) : null;
    out.input = formatQuantity(r.v / of, u[ou], 4, "nearest", false, true);
    out.inputRange = ranged ? formatRange(r.lo / of, r.hi / of, u[ou], 3, false) : null;
    return out;
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

  function toUrl(graph, chosen) {
    const params = new URLSearchParams(location.search);
    for (const key of Object.keys(graph.in)) params.delete(key);
    for (const key of Object.keys(chosen).sort()) params.set(key, String(chosen[key]));
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Each place a text shows a value, the original text kept to show beside the new one.
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
    reset() { this.set(this.original); }
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

  function stale(text, r) {
    return r && r.stale ? text + " (valeur publiée, non recalculée)" : text;
  }

  function run(graph, root, keys, slotsFor, options) {
    const chosen = options.url ? fromUrl(graph) : {};
    const controls = {};
    const status = element("p", "vf-scenario__status");
    status.setAttribute("role", "status");
    const update = () => {
      const overrides = {};
      for (const key of Object.keys(chosen)) overrides[key] = chosen[key] * graph.in[key].k;
      const values = evaluate(graph, overrides);
      for (const [key, slots] of slotsFor) {
        const r = values[key];
        if (!r) { for (const s of slots) s.slot.set("incalculable avec ces valeurs"); continue; }
        const t = texts(graph, key, r);
        for (const s of slots) s.slot.set(s.kind === "range" ? t[s.what] || "sans fourchette"
                                          : stale(t[s.what], r));
      }
      if (options.url) toUrl(graph, chosen);
      const n = Object.keys(chosen).length;
      status.textContent = n ? "Scénario modifié" + NNBSP + ": " + n + " hypothèse" + (n > 1 ? "s" : "")
        + " changée" + (n > 1 ? "s" : "") + "." : "";
      if (options.changed) options.changed(chosen);
    };
    for (const key of keys) {
      if (!graph.in[key]) continue;
      controls[key] = control(graph, key, (k, v) => {
        if (v === graph.in[k].v) delete chosen[k]; else chosen[k] = v;
        update();
      });
      if (key in chosen) controls[key].set(chosen[key]);
      root.append(controls[key].row);
    }
    const reset = element("button", "vf-scenario__reset", "Réinitialiser");
    reset.type = "button";
    reset.addEventListener("click", () => {
      for (const key of Object.keys(chosen)) delete chosen[key];
      for (const key of Object.keys(controls)) controls[key].set(graph.in[key].v);
      update();
    });
    root.append(reset, status);
    update();
    return { update };
  }

  async function load(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const graph = await response.json();
    if (!graph || graph.version !== 1) throw new Error("version");
    return graph;
  }

  // The calcul page: every block's values, every input line that names a figure of the graph.
  async function calculPage(root) {
    const graph = await load("scenario.json");
    const slotsFor = new Map();
    const add = (key, slot, what, kind) => {
      if (!own(graph.fig, key)) return;
      if (!slotsFor.has(key)) slotsFor.set(key, []);
      slotsFor.get(key).push({ slot, what, kind });
    };
    for (const block of document.querySelectorAll(".vf-derivation[id^=calcul-]")) {
      const key = block.id.slice(7).replace(/-/g, "_");
      const shown = block.querySelector(".vf-derivation__shown");
      if (shown) add(key, new Slot(shown), "article");
      const value = block.querySelector(".vf-derivation__calc");
      if (value) add(key, new Slot(value), "value");
      const range = block.querySelector(".vf-derivation__range");
      if (range) add(key, new Slot(range), "range", "range");
    }
    for (const item of document.querySelectorAll(".vf-input__value[data-vf-key]")) {
      add(item.dataset.vfKey, new Slot(item), "input");
    }
    const keys = Object.keys(graph.in).sort();
    if (!keys.length) return;
    root.append(element("h2", "vf-scenario__title", "Et si…" + NNBSP + "? Changez les hypothèses"));
    root.append(element("p", "", "Chaque chiffre de la page qui en dépend est recalculé dans "
      + "votre navigateur, avec les mêmes formules. L’adresse de la page garde votre scénario" + NNBSP + ": "
      + "vous pouvez la partager."));
    const fixed = Object.keys(graph.n).filter((k) => graph.n[k].dep && own(graph.fig, k))
      .map((k) => "«" + NNBSP + graph.fig[k].l + NNBSP + "»");
    if (fixed.length) {
      root.append(element("p", "vf-scenario__fixed", "Ne suivent pas vos hypothèses, car leur "
        + "calcul vérifie d’abord la cohérence des données" + NNBSP + ": " + fixed.join(", ")
        + ", et les chiffres qui en dépendent. Ils gardent leur valeur publiée."));
    }
    run(graph, root, keys, slotsFor, { url: true });
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
      if (!f || !f.a || !initial[shown]) continue;
      const label = f.l || shown;
      const value = element("strong", "vf-whatif__value", texts(graph, shown, initial[shown]).article);
      const item = element("li", "", label.charAt(0).toUpperCase() + label.slice(1) + NNBSP + ": ");
      item.append(value);
      list.append(item);
      slots.set(shown, [{ slot: new Slot(value), what: "article" }]);
    }
    const link = element("a", "vf-whatif__more", "Tous les chiffres avec ce scénario");
    link.href = "calcul/";
    const wrapper = element("div");
    body.append(wrapper);
    run(graph, wrapper, [key], slots, { url: false, changed(chosen) {
      const params = new URLSearchParams();
      for (const k of Object.keys(chosen)) params.set(k, String(chosen[k]));
      const query = params.toString();
      link.href = "calcul/" + (query ? "?" + query : "");
    } });
    body.append(list, link);
  }

  const api = { evaluate, texts, roundSignificant, formatQuantity, formatRange, fromUrl };
  window.vfScenario = api;
  const root = document.getElementById("vf-scenario");
  if (root) calculPage(root).catch(() => {});
  const open = (details) => box(details).catch(() => {});
  for (const details of document.querySelectorAll("details.vf-whatif")) {
    if (details.open) open(details);
    details.addEventListener("toggle", () => { if (details.open) open(details); });
  }
})();
