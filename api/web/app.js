// Plankoll web interface: plain JavaScript, no build step, no external
// assets. Every text that comes from the API is put in the page with
// text nodes (textContent); the only HTML inserted is a search fragment,
// and only after sanitizeFragment has reduced it to text and <mark>.
"use strict";

(function () {
  const TOKEN_KEY = "plankoll.token";
  const main = document.getElementById("main");
  const live = document.getElementById("live");

  // ---------- Labels ----------
  const AUDIENCES = { alla: "Alla", vuxna: "Vuxna", barn_unga: "Barn och unga" };
  const SECTIONS = {
    behovsanalys: "Behovsanalys", mal: "Mål", aktivitet: "Aktiviteter", uppfoljning: "Uppföljning",
    organisation: "Organisation", ovrigt: "Övrigt",
  };
  const DIMENSIONS = {
    malgrupp: "Målgrupper", insatsniva: "Insatsnivå", omrade: "Utvecklingsområden", metod: "Metoder",
    aktor: "Aktörer", perspektiv: "Perspektiv",
  };
  const HORIZONS = { lang: "Långsiktigt", kort: "Kortsiktigt", ospecificerad: "Ospecificerad horisont" };
  const IND_TYPES = { struktur: "Struktur", process: "Process", resultat: "Resultat", ospecificerad: "Ospecificerad" };
  const LEVELS = ["saknas", "avsikt", "remiss", "deltagande", "medskapande"];
  const LEVEL_LABELS = {
    saknas: "Saknas", avsikt: "Avsikt", remiss: "Remiss", deltagande: "Deltagande", medskapande: "Medskapande",
  };
  const PLACEMENTS = { behovsanalys: "Behovsanalys", mal: "Mål", aktivitet: "Aktiviteter", indikator: "Indikatorer" };
  const CHANGES = { wording: "formulering", numbers: "siffror", years: "årtal", horizon: "horisont", indicators: "indikatorer", type: "typ" };
  const FACET_NAMES = { lan: "Län", year: "År", code: "Kod", audience: "Målgrupp", section: "Avsnitt", kommun: "Kommun" };

  // ---------- DOM helpers ----------

  // el builds an element. Strings among the children become text nodes,
  // so API text never turns into markup.
  function el(tag, props, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") n.className = v;
      else if (k === "text") n.textContent = v;
      else if (k.startsWith("on") && typeof v === "function") n.addEventListener(k.slice(2), v);
      else if (k === "value") n.value = v;
      else if (v === true) n.setAttribute(k, "");
      else n.setAttribute(k, String(v));
    }
    append(n, kids);
    return n;
  }

  function append(n, kids) {
    for (const kid of kids.flat(Infinity)) {
      if (kid === null || kid === undefined || kid === false) continue;
      n.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return n;
  }

  function svg(tag, attrs, ...kids) {
    const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined) continue;
      n.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return n;
  }

  function announce(msg) {
    live.textContent = "";
    setTimeout(() => { live.textContent = msg; }, 30);
  }

  let fieldSeq = 0;
  // field wraps a control with its label (and an optional hint).
  function field(labelText, control, hint, cls) {
    if (!control.id) control.id = "f" + (++fieldSeq);
    const kids = [el("label", { for: control.id }, labelText), control];
    if (hint) {
      const h = el("p", { class: "hint", id: control.id + "-hint" }, hint);
      control.setAttribute("aria-describedby", h.id);
      kids.push(h);
    }
    return el("div", { class: "field" + (cls ? " " + cls : "") }, kids);
  }

  function select(name, options, value, extra) {
    const s = el("select", Object.assign({ name }, extra || {}));
    for (const o of options) {
      if (o.group) {
        const g = el("optgroup", { label: o.group });
        for (const c of o.options) g.append(el("option", { value: c.value }, c.label));
        s.append(g);
      } else {
        s.append(el("option", { value: o.value }, o.label));
      }
    }
    const want = value == null ? "" : String(value);
    // A value from the URL that the list lacks (a year with no plans left)
    // is still shown, not silently replaced.
    if (want && ![...s.options].some((o) => o.value === want)) s.append(el("option", { value: want }, want));
    s.value = want;
    return s;
  }

  function fmtNum(x, digits) {
    if (typeof x !== "number" || !isFinite(x)) return "–";
    return x.toLocaleString("sv-SE", { maximumFractionDigits: digits == null ? 2 : digits });
  }
  function pct(x) {
    if (typeof x !== "number" || !isFinite(x)) return "–";
    return Math.round(x * 100) + " %";
  }
  function fmtDate(s) {
    const d = new Date(s);
    if (isNaN(d)) return s || "";
    return d.toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" });
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function errorBox(err, prefix) {
    const box = el("div", { class: "error", role: "alert" });
    append(box, [prefix ? prefix + " " : "", err.message || String(err)]);
    if (err.code) append(box, [" ", el("code", {}, "(" + err.code + ")")]);
    return box;
  }

  // ---------- Search fragments ----------

  // sanitizeFragment returns HTML that contains nothing but text, character
  // references and <mark>…</mark>. The fragment is split at the literal
  // tags <mark> and </mark>; every piece between them is escaped, and only
  // those two tags are put back, balanced. Character references the API
  // already wrote (&amp; &lt; &#39; …) stay as they are; a bare & is
  // escaped.
  function sanitizeFragment(s) {
    const escape = (t) => t
      .replace(/&(?!(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
    let open = false;
    let html = "";
    for (const part of String(s).split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") {
        if (!open) html += "<mark>";
        open = true;
      } else if (part === "</mark>") {
        if (open) html += "</mark>";
        open = false;
      } else {
        html += escape(part);
      }
    }
    return open ? html + "</mark>" : html;
  }

  // decodeEntities turns the character references of a fragment back into
  // text, without parsing any markup.
  function decodeEntities(s) {
    const named = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e) => {
      if (e[0] === "#") {
        const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
      }
      return named[e] !== undefined ? named[e] : m;
    });
  }

  function fragmentNode(s) {
    const n = el("p", { class: "fragment" });
    n.innerHTML = sanitizeFragment(s); // sanitized: text and <mark> only
    return n;
  }

  // ---------- API ----------

  class APIError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, opts) {
    let res;
    try {
      res = await fetch(path, Object.assign({ headers: { Accept: "application/json" } }, opts || {}));
    } catch (e) {
      throw new APIError(0, "network", "Tjänsten svarar inte (" + e.message + ").");
    }
    if (res.status === 204) return null;
    const ct = res.headers.get("content-type") || "";
    let body = null;
    if (ct.includes("json")) {
      try { body = await res.json(); } catch (e) { body = null; }
    } else {
      body = await res.text();
    }
    if (!res.ok) {
      const e = body && body.error ? body.error : {};
      throw new APIError(res.status, e.code || "http_" + res.status, e.message || "HTTP " + res.status + " " + res.statusText);
    }
    return body;
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) v.filter((x) => x !== "" && x != null).forEach((x) => u.append(k, x));
      else if (v !== "" && v != null) u.append(k, v);
    }
    const s = u.toString();
    return s ? "?" + s : "";
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }
  function authHeaders() {
    const t = token();
    return t ? { Authorization: "Bearer " + t } : {};
  }

  // Cached look-ups that every page uses.
  const cache = {};
  function once(key, fn) {
    if (!cache[key]) cache[key] = fn().catch((e) => { delete cache[key]; throw e; });
    return cache[key];
  }
  const getLans = () => once("lans", () => api("/api/v1/lans").then((b) => b.lans || []));
  const getCodebook = () => once("codebook", () => api("/api/v1/codebook"));
  const getPlans = () => once("plans", () => api("/api/v1/plans").then((b) => b.plans || []));
  function forgetPlans() { delete cache.plans; }

  async function codeLabels() {
    const labels = {};
    try {
      const cb = await getCodebook();
      for (const d of cb.dimensions || []) {
        if (d.label) DIMENSIONS[d.id] = DIMENSIONS[d.id] || d.label;
        for (const c of d.codes || []) {
          labels[c.id] = c.label;
          labels[d.id + ":" + c.id] = c.label;
        }
      }
    } catch (e) { /* labels are a nicety */ }
    return labels;
  }

  async function lanOptions(allLabel) {
    let lans = [];
    try { lans = await getLans(); } catch (e) { /* the select still works with "all" */ }
    return [{ value: "", label: allLabel }].concat(lans.map((l) => ({ value: l.name, label: l.name + " (" + l.code + ")" })));
  }

  async function yearOptions(allLabel) {
    let years = [];
    try { years = [...new Set((await getPlans()).map((p) => p.year))].sort(); } catch (e) { /* none */ }
    return [{ value: "", label: allLabel }].concat(years.map((y) => ({ value: String(y), label: String(y) })));
  }

  async function codeOptions(allLabel) {
    const opts = [{ value: "", label: allLabel }];
    try {
      const cb = await getCodebook();
      for (const d of cb.dimensions || []) {
        // The search API names a code "dimension:code", as its facets do.
        opts.push({ group: d.label || DIMENSIONS[d.id] || d.id, options: (d.codes || []).map((c) => ({ value: d.id + ":" + c.id, label: c.label })) });
      }
    } catch (e) { /* free text is not offered; the select stays short */ }
    return opts;
  }

  const audienceOptions = (allLabel) => [{ value: "", label: allLabel }].concat(Object.entries(AUDIENCES).map(([v, l]) => ({ value: v, label: l })));
  const sectionOptions = (allLabel) => [{ value: "", label: allLabel }].concat(Object.entries(SECTIONS).map(([v, l]) => ({ value: v, label: l })));
  const dimensionOptions = (allLabel) => [{ value: "", label: allLabel }].concat(Object.entries(DIMENSIONS).map(([v, l]) => ({ value: v, label: l })));

  function planName(p) {
    if (!p) return "";
    const who = p.kommun ? p.kommun + " (" + p.lan + ")" : p.lan;
    return who + " " + p.year + (p.audience && p.audience !== "alla" ? ", " + (AUDIENCES[p.audience] || p.audience).toLowerCase() : "");
  }

  // ---------- Routing ----------

  function parseHash() {
    const h = location.hash.replace(/^#\/?/, "");
    const [path, query] = h.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    return { parts, params: new URLSearchParams(query || "") };
  }

  function go(path, params) {
    const q = params ? qs(params) : "";
    const target = "#/" + path + q;
    if (location.hash === target) route();
    else location.hash = target;
  }

  const routes = { sok: viewSearch, planer: viewPlans, plan: viewPlan, jamfor: viewCompare, statistik: viewStats, analys: viewAnalyze, kodbok: viewCodebook };
  let routeSeq = 0;

  async function route() {
    const { parts, params } = parseHash();
    const name = parts[0] || "sok";
    const view = routes[name] || viewNotFound;
    const navName = name === "plan" ? "planer" : name;
    for (const a of document.querySelectorAll("nav a[data-route]")) {
      if (a.dataset.route === navName) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    const seq = ++routeSeq;
    const active = document.activeElement;
    render.restore = active && main.contains(active) && active.name ? active.name : null;
    main.replaceChildren(el("p", { class: "muted" }, "Laddar …"));
    try {
      await view(parts.slice(1), params, () => seq === routeSeq);
    } catch (e) {
      if (seq === routeSeq) {
        main.replaceChildren(el("h1", { tabindex: "-1" }, e.status === 404 ? "Hittades inte" : "Något gick fel"), errorBox(e),
          el("p", {}, el("a", { href: "#/planer" }, "Till planerna"), " · ", el("a", { href: "#/sok" }, "Till sökningen")));
        document.title = "Fel – Plankoll";
      }
    }
  }

  // render replaces the page, sets the title and moves focus to the heading
  // so that keyboard and screen-reader users land on the new page.
  function render(title, ...kids) {
    const h1 = el("h1", { tabindex: "-1" }, title);
    main.replaceChildren(h1, ...kids.flat());
    document.title = title + " – Plankoll";
    // Focus moves to the heading when the page changes, not when the same
    // page redraws for new filters (the live region reports those).
    const name = parseHash().parts[0] || "sok";
    if (!render.first && name !== render.last) h1.focus({ preventScroll: true });
    else if (render.restore) {
      const again = main.querySelector("[name=\"" + CSS.escape(render.restore) + "\"]");
      if (again) again.focus({ preventScroll: true });
    }
    render.first = false;
    render.last = name;
    return h1;
  }
  render.first = true;

  function viewNotFound() {
    render("Sidan finns inte", el("p", {}, "Välj en sida i menyn ovan."));
  }

  // ---------- Sök ----------

  async function viewSearch(_, params, current) {
    const state = {
      q: params.get("q") || "",
      lan: params.getAll("lan"),
      year: params.getAll("year"),
      audience: params.getAll("audience"),
      section: params.getAll("section"),
      code: params.getAll("code"),
      from: parseInt(params.get("from") || "0", 10) || 0,
      size: 20,
    };
    const [lanOpts, yearOpts, codeOpts, labels, plans] = await Promise.all([
      lanOptions("Alla län"), yearOptions("Alla år"), codeOptions("Alla koder"), codeLabels(), getPlans().catch(() => []),
    ]);
    const planByID = new Map(plans.map((p) => [p.id, p]));
    if (!current()) return;

    const q = el("input", { type: "search", name: "q", value: state.q, autocomplete: "off", placeholder: "t.ex. suicidprevention, \"samordnad individuell plan\", +anhörig -barn" });
    const lanSel = select("lan", lanOpts, state.lan.length === 1 ? state.lan[0] : "");
    const yearSel = select("year", yearOpts, state.year.length === 1 ? state.year[0] : "");
    const audSel = select("audience", audienceOptions("Alla målgrupper"), state.audience.length === 1 ? state.audience[0] : "");
    const secSel = select("section", sectionOptions("Alla avsnitt"), state.section.length === 1 ? state.section[0] : "");
    const codeSel = select("code", codeOpts, state.code.length === 1 ? state.code[0] : "");
    // A multi-valued filter (from a facet or a link) is kept as chips.
    const multiChips = el("div", { class: "chipline", "aria-label": "Aktiva filter" });

    const form = el("form", { role: "search", onsubmit: (ev) => { ev.preventDefault(); submit(0); } },
      el("div", { class: "field wide" },
        el("label", { for: "q" }, "Sök i planerna"),
        el("div", { class: "searchbar" }, Object.assign(q, { id: "q" }), el("button", { type: "submit" }, "Sök")),
        el("p", { class: "tips", id: "q-tips" },
          "Tips: ", el("code", {}, "\"citerad fras\""), " söker en fras, ", el("code", {}, "+ord"), " måste finnas, ",
          el("code", {}, "-ord"), " får inte finnas. Böjningar och sammansättningar hittas: ",
          el("code", {}, "anhörig"), " hittar även ”anhörigstöd”.")),
      el("div", { class: "filters form-grid", style: "margin-top:.75rem" },
        field("Län", lanSel), field("År", yearSel), field("Målgrupp (audience)", audSel),
        field("Avsnitt", secSel), field("Kod", codeSel)),
      (state.lan.length || state.year.length || state.audience.length || state.section.length || state.code.length)
        ? el("p", { class: "small", style: "margin:.5rem 0 0" }, el("a", { href: "#/sok" + qs({ q: state.q }) }, "Rensa filtren")) : null,
      multiChips);
    q.setAttribute("aria-describedby", "q-tips");
    for (const s of [lanSel, yearSel, audSel, secSel, codeSel]) s.addEventListener("change", () => submit(0));

    function formState(from) {
      const pick = (sel, list) => (sel.value ? [sel.value] : list.length > 1 ? list : []);
      return {
        q: q.value.trim(), lan: pick(lanSel, state.lan), year: pick(yearSel, state.year), audience: pick(audSel, state.audience),
        section: pick(secSel, state.section), code: pick(codeSel, state.code), from: from || "",
      };
    }
    function submit(from) { go("sok", formState(from)); }

    for (const key of ["lan", "year", "audience", "section", "code"]) {
      if (state[key].length > 1) {
        for (const v of state[key]) {
          multiChips.append(el("span", { class: "chip" }, FACET_NAMES[key] + ": " + v,
            el("button", { type: "button", "aria-label": "Ta bort filtret " + v, onclick: () => {
              state[key] = state[key].filter((x) => x !== v);
              submit(0);
            } }, "×")));
        }
      }
    }

    const results = el("div", { "aria-live": "polite" });
    render("Sök", el("div", { class: "panel" }, form), results);
    if (!state.q && !state.lan.length && !state.year.length && !state.code.length && !state.section.length && !state.audience.length) {
      results.append(el("p", { class: "muted" }, "Skriv ett sökord eller välj ett filter. Sökningen gäller all text i de uppladdade planerna; varje träff är ett avsnitt av en sida."));
      q.focus();
      return;
    }
    results.append(el("p", { class: "muted" }, "Söker …"));
    let res;
    try {
      res = await api("/api/v1/search" + qs({ q: state.q, lan: state.lan, year: state.year, audience: state.audience, section: state.section, code: state.code, from: state.from || "", size: state.size }));
    } catch (e) {
      if (current()) results.replaceChildren(errorBox(e, "Sökningen misslyckades:"));
      return;
    }
    if (!current()) return;
    const total = res.total || 0;
    const hits = res.hits || [];
    announce(plural(total, "träff", "träffar"));

    const facets = el("aside", { class: "facets panel", "aria-label": "Avgränsa" }, el("h2", {}, "Avgränsa"));
    const facetButton = (name, value, count, label) => {
      const active = (state[name] || []).includes(String(value));
      return el("li", {}, el("button", {
        type: "button", class: "facet", "aria-pressed": active ? "true" : "false",
        onclick: () => {
          const cur = formState(0);
          if (!(name in cur)) return;
          cur[name] = active ? cur[name].filter((x) => x !== String(value)) : cur[name].concat([String(value)]);
          go("sok", cur);
        },
      }, el("span", {}, label), el("span", { class: "count" }, fmtNum(count, 0))));
    };
    // facetList shows the first few values and a button for the rest.
    const facetList = (name, entries, labelOf, first) => {
      const list = el("ul");
      entries.forEach(([value, count], i) => {
        const li = facetButton(name, value, count, labelOf(value));
        if (i >= first && !(state[name] || []).includes(String(value))) li.hidden = true;
        list.append(li);
      });
      const hidden = [...list.children].filter((li) => li.hidden);
      if (hidden.length) {
        const more = el("button", { type: "button", class: "link small" }, "Visa " + hidden.length + " till");
        more.addEventListener("click", () => { hidden.forEach((li) => { li.hidden = false; }); more.remove(); });
        list.append(el("li", {}, more));
      }
      return list;
    };
    const byCount = (a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), "sv");
    const facetOrder = ["lan", "year", "audience", "section", "code"];
    const names = Object.keys(res.facets || {}).sort((a, b) => (facetOrder.indexOf(a) + 1 || 99) - (facetOrder.indexOf(b) + 1 || 99));
    // Counties, years, audiences and codes count plans ("how many plans
    // mention it"); sections count passages.
    const countsOf = (name) => (res.plan_facets && res.plan_facets[name]) || res.facets[name] || {};
    for (const name of names) {
      const entries = Object.entries(countsOf(name));
      if (!entries.length) continue;
      facets.append(el("h3", {}, FACET_NAMES[name] || name));
      if (name === "code") {
        // Codes come as "dimension:code": one short list per dimension.
        const groups = new Map();
        for (const [value, count] of entries) {
          const dim = String(value).includes(":") ? String(value).split(":")[0] : "";
          if (!groups.has(dim)) groups.set(dim, []);
          groups.get(dim).push([value, count]);
        }
        const dimOrder = Object.keys(DIMENSIONS);
        for (const dim of [...groups.keys()].sort((a, b) => (dimOrder.indexOf(a) + 1 || 99) - (dimOrder.indexOf(b) + 1 || 99))) {
          facets.append(el("h4", {}, DIMENSIONS[dim] || dim || "Övriga"),
            facetList(name, groups.get(dim).sort(byCount), (v) => labels[v] || String(v).split(":").pop(), 5));
        }
      } else if (name === "year") {
        facets.append(facetList(name, entries.sort((a, b) => String(b[0]).localeCompare(String(a[0]))), String, 10));
      } else {
        const labelOf = name === "audience" ? (v) => AUDIENCES[v] || v : name === "section" ? (v) => SECTIONS[v] || v : String;
        facets.append(facetList(name, entries.sort(byCount), labelOf, 10));
      }
    }

    const list = el("ol", { class: "hits", start: String(state.from + 1) });
    for (const h of hits) {
      // The plan view highlights the first marked word at or after the
      // hit's segment offset.
      const firstMark = /<mark>([^<]*)<\/mark>/.exec((h.fragments || [])[0] || "");
      const link = "#/plan/" + encodeURIComponent(h.plan_id) + qs({ page: h.page, at: h.offset != null ? h.offset : "", hl: firstMark ? decodeEntities(firstMark[1]) : "" });
      const title = (h.kommun ? h.kommun + " (" + h.lan + ")" : h.lan) + " " + h.year;
      list.append(el("li", { class: "hit" },
        el("div", { class: "hit-head" },
          el("a", { href: link }, title),
          el("span", { class: "meta" },
            [h.audience ? AUDIENCES[h.audience] || h.audience : null, "sida " + h.page, h.section ? "avsnitt: " + (SECTIONS[h.section] || h.section) : null]
              .filter(Boolean).join(" · ")),
          el("span", { class: "meta", title: "Relevans (score)" }, "poäng " + fmtNum(h.score, 3))),
        planByID.has(h.plan_id) ? el("div", { class: "meta" }, planByID.get(h.plan_id).title) : null,
        (h.fragments || []).map(fragmentNode)));
    }

    const pager = el("nav", { class: "pager", "aria-label": "Sidor av träffar" });
    const lastShown = state.from + hits.length;
    pager.append(el("span", {}, total ? "Visar " + (state.from + 1) + "–" + lastShown + " av " + fmtNum(total, 0) : ""));
    const page = (from) => { viewSearch.focusHits = true; submit(from); };
    if (state.from > 0) pager.append(el("button", { type: "button", class: "secondary", onclick: () => page(Math.max(0, state.from - state.size)) }, "← Föregående"));
    if (lastShown < total) pager.append(el("button", { type: "button", class: "secondary", onclick: () => page(state.from + state.size) }, "Nästa →"));

    const summary = el("p", { tabindex: "-1" }, el("strong", {}, plural(total, "träff", "träffar")), total ? " (textavsnitt) i " + plural(res.plans || 0, "plan", "planer") + ". Siffrorna till vänster räknar planer, utom för avsnitt." : "");
    const body = el("div", {},
      summary,
      hits.length ? list : el("p", { class: "muted" }, "Inga träffar. Pröva färre ord eller ta bort ett filter."),
      hits.length ? pager : null);
    results.replaceChildren(el("div", { class: "search-layout" }, facets, body));
    if (viewSearch.focusHits) {
      // After paging, keyboard and screen-reader users start at the new hits.
      viewSearch.focusHits = false;
      summary.focus({ preventScroll: true });
      body.scrollIntoView({ block: "start", behavior: "instant" });
    }
  }

  // ---------- Planer ----------

  async function viewPlans(_, params, current) {
    const filter = { lan: params.get("lan") || "", year: params.get("year") || "", audience: params.get("audience") || "" };
    const [lanOpts, yearOpts] = await Promise.all([lanOptions("Alla län"), yearOptions("Alla år")]);
    if (!current()) return;

    const lanSel = select("lan", lanOpts, filter.lan);
    const yearSel = select("year", yearOpts, filter.year);
    const audSel = select("audience", audienceOptions("Alla målgrupper"), filter.audience);
    const filterForm = el("form", { class: "filters", "aria-label": "Filtrera planer", onsubmit: (e) => e.preventDefault() },
      field("Län", lanSel), field("År", yearSel), field("Målgrupp", audSel));
    for (const s of [lanSel, yearSel, audSel]) s.addEventListener("change", () => go("planer", { lan: lanSel.value, year: yearSel.value, audience: audSel.value, sort: params.get("sort") || "" }));

    const tableBox = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Laddar planer …"));
    // The workbook and the REFI-QDA project cover every plan of one year.
    const exports = el("p", { class: "actions small", style: "margin:.75rem 0 0" }, el("span", { class: "label" }, "Exportera:"),
      filter.year ? [
        el("a", { href: "/api/v1/export/xlsx" + qs({ year: filter.year }), download: true }, "Excel " + filter.year + " (.xlsx)"),
        el("a", { href: "/api/v1/export/qdpx" + qs({ year: filter.year }), download: true, title: "REFI-QDA-projekt för NVivo, ATLAS.ti och MAXQDA" }, "REFI-QDA-projekt " + filter.year + " (.qdpx)"),
      ] : el("span", { class: "muted" }, "välj ett år för Excel och REFI-QDA-projekt;"),
      el("a", { href: "/api/v1/export/qdc", download: true, title: "Kodboken som REFI-QDA-kodbok" }, "Kodbok (.qdc)"));
    render("Planer", el("div", { class: "panel" }, filterForm, exports), tableBox, uploadPanel(lanOpts));

    let plans;
    try {
      plans = (await api("/api/v1/plans" + qs(filter))).plans || [];
    } catch (e) {
      if (current()) tableBox.replaceChildren(errorBox(e, "Planerna kunde inte hämtas:"));
      return;
    }
    if (!current()) return;
    if (!plans.length) {
      tableBox.replaceChildren(el("p", { class: "muted" }, "Inga planer matchar. Ladda upp en plan nedan."));
      return;
    }
    // Sorting by a column, in the URL as sort=key or sort=-key.
    const sortParam = params.get("sort") || "";
    const sortKey = sortParam.replace(/^-/, "");
    const desc = sortParam.startsWith("-");
    const keys = {
      lan: (p) => (p.lan_code || "") + (p.kommun || ""), year: (p) => p.year, audience: (p) => p.audience || "", title: (p) => p.title || "",
      pages: (p) => p.pages, chars: (p) => p.chars, uploaded: (p) => p.uploaded_at || "",
    };
    if (keys[sortKey]) {
      const k = keys[sortKey];
      plans.sort((a, b) => {
        const x = k(a), y = k(b);
        const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "sv");
        return desc ? -c : c;
      });
    }
    const header = (label, key, num) => {
      if (!key) return el("th", { scope: "col" }, label || el("span", { class: "sr-only" }, "Åtgärder"));
      const on = key === sortKey;
      const next = on && !desc ? "-" + key : key;
      return el("th", { scope: "col", class: num ? "num" : null, "aria-sort": on ? (desc ? "descending" : "ascending") : null },
        el("a", { class: "sort", href: "#/planer" + qs(Object.assign({}, filter, { sort: next })), title: "Sortera efter " + label.toLowerCase() },
          label, on ? (desc ? " ▼" : " ▲") : ""));
    };
    const tbody = el("tbody");
    for (const p of plans) {
      const status = el("span", { role: "status" });
      tbody.append(el("tr", {},
        el("td", {}, el("a", { href: "#/plan/" + encodeURIComponent(p.id) }, p.kommun ? p.kommun + " (" + p.lan + ")" : p.lan), el("div", { class: "meta" }, p.lan_code)),
        el("td", { class: "num" }, p.year),
        el("td", {}, AUDIENCES[p.audience] || p.audience),
        el("td", {}, p.title || el("span", { class: "muted" }, "–")),
        el("td", {}, el("a", { href: "/api/v1/plans/" + encodeURIComponent(p.id) + "/file", download: p.filename || true }, p.filename)),
        el("td", { class: "num" }, fmtNum(p.pages, 0)),
        el("td", { class: "num" }, fmtNum(p.chars, 0)),
        el("td", { class: "nowrap" }, fmtDate(p.uploaded_at)),
        el("td", { class: "row-actions" },
          el("a", { class: "button secondary", href: "#/plan/" + encodeURIComponent(p.id), "aria-label": "Visa " + planName(p) }, "Visa"), " ",
          el("button", { type: "button", class: "danger", "aria-label": "Radera " + planName(p), onclick: (ev) => deletePlan(p, ev.currentTarget, status) }, "Radera"),
          status)));
    }
    tableBox.replaceChildren(
      el("p", {}, plural(plans.length, "plan", "planer")),
      el("div", { class: "table-wrap" }, el("table", {},
        el("caption", { class: "sr-only" }, "Uppladdade planer"),
        el("thead", {}, el("tr", {}, header("Län", "lan"), header("År", "year", true), header("Målgrupp", "audience"), header("Titel", "title"),
          header("Fil"), header("Sidor", "pages", true), header("Tecken", "chars", true), header("Uppladdad", "uploaded"), header(""))),
        tbody)));
  }

  async function deletePlan(p, button, status) {
    if (!confirm("Radera planen " + planName(p) + " (" + p.filename + ")? Den försvinner ur sökning, statistik och jämförelser.")) return;
    button.disabled = true;
    try {
      await api("/api/v1/plans/" + encodeURIComponent(p.id), { method: "DELETE", headers: authHeaders() });
      forgetPlans();
      announce("Planen är raderad.");
      route();
    } catch (e) {
      button.disabled = false;
      status.replaceChildren(errorBox(e, "Kunde inte radera:"));
    }
  }

  function tokenField() {
    const input = el("input", { type: "password", name: "token", autocomplete: "off", value: token() });
    input.addEventListener("change", () => {
      if (input.value) sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      else sessionStorage.removeItem(TOKEN_KEY);
    });
    return field("Skrivnyckel (bearer token, valfri)", input, "Behövs bara om tjänsten kräver det. Sparas i den här fliken (sessionStorage) och används även för Radera.", "wide");
  }

  function uploadPanel(lanOpts) {
    const file = el("input", { type: "file", name: "file", required: true, accept: ".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain" });
    const lan = select("lan", [{ value: "", label: "Välj län …" }].concat(lanOpts.slice(1)), "", { required: true });
    const year = el("input", { type: "number", name: "year", min: "2000", max: "2100", required: true, inputmode: "numeric", placeholder: "t.ex. 2018" });
    const aud = select("audience", Object.entries(AUDIENCES).map(([v, l]) => ({ value: v, label: l })), "alla");
    const title = el("input", { type: "text", name: "title", autocomplete: "off" });
    const msg = el("div", { "aria-live": "polite" });
    const submit = el("button", { type: "submit" }, "Ladda upp");
    const form = el("form", { class: "form-grid", "aria-label": "Ladda upp plan" },
      field("Fil (PDF, DOCX eller text)", file, null, "wide"),
      field("Län", lan), field("År", year), field("Målgrupp", aud), field("Titel (valfri)", title),
      tokenField(),
      el("div", { class: "wide actions" }, submit), el("div", { class: "wide" }, msg));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const t = form.querySelector("input[name=token]");
      if (t.value) sessionStorage.setItem(TOKEN_KEY, t.value.trim());
      const fd = new FormData();
      if (file.files[0]) fd.append("file", file.files[0]);
      fd.append("lan", lan.value);
      fd.append("year", year.value);
      fd.append("audience", aud.value);
      if (title.value.trim()) fd.append("title", title.value.trim());
      submit.disabled = true;
      msg.replaceChildren(el("span", { class: "muted" }, "Laddar upp och kodar …"));
      try {
        const res = await fetch("/api/v1/plans", { method: "POST", body: fd, headers: Object.assign({ Accept: "application/json" }, authHeaders()) });
        let body = null;
        try { body = await res.json(); } catch (e) { body = null; }
        if (!res.ok) {
          const e = body && body.error ? body.error : {};
          throw new APIError(res.status, e.code || "http_" + res.status, e.message || "HTTP " + res.status);
        }
        forgetPlans();
        const p = body;
        msg.replaceChildren(el("div", { class: "ok", role: "status" },
          res.status === 201 ? "Planen är uppladdad: " : "Filen fanns redan: ",
          el("a", { href: "#/plan/" + encodeURIComponent(p.id) }, planName(p)),
          " (" + plural(p.pages, "sida", "sidor") + ")."));
      } catch (e) {
        msg.replaceChildren(errorBox(e, "Uppladdningen misslyckades:"));
      } finally {
        submit.disabled = false;
      }
    });
    return el("section", { class: "panel", "aria-labelledby": "upload-h" }, el("h2", { id: "upload-h" }, "Ladda upp en plan"), form);
  }

  // ---------- Plan view ----------

  async function viewPlan(parts, params, current) {
    const id = parts[0];
    if (!id) return go("planer");
    const enc = encodeURIComponent(id);
    const [plan, coding, text, labels] = await Promise.all([
      api("/api/v1/plans/" + enc),
      api("/api/v1/plans/" + enc + "/coding").catch((e) => e),
      api("/api/v1/plans/" + enc + "/text").catch((e) => e),
      codeLabels(),
    ]);
    if (!current()) return;

    const pages = text instanceof Error ? [] : text.pages || [];
    const reader = makeReader(pages, text instanceof Error ? text : null);

    const metaList = el("dl", { class: "meta-list" },
      el("dt", {}, "Län"), el("dd", {}, plan.lan + " (" + plan.lan_code + ")"),
      plan.kommun ? [el("dt", {}, "Kommun"), el("dd", {}, plan.kommun + (plan.kommun_code ? " (" + plan.kommun_code + ")" : ""))] : null,
      el("dt", {}, "År"), el("dd", {}, plan.year),
      el("dt", {}, "Målgrupp"), el("dd", {}, AUDIENCES[plan.audience] || plan.audience),
      el("dt", {}, "Titel"), el("dd", {}, plan.title || "–"),
      el("dt", {}, "Fil"), el("dd", {}, el("a", { href: "/api/v1/plans/" + enc + "/file", download: plan.filename || true }, plan.filename), plan.format ? " (" + plan.format.toUpperCase() + ")" : ""),
      el("dt", {}, "Omfång"), el("dd", {}, plural(plan.pages, "sida", "sidor") + ", " + fmtNum(plan.chars, 0) + " tecken"),
      el("dt", {}, "Uppladdad"), el("dd", {}, fmtDate(plan.uploaded_at)),
      el("dt", {}, "Kodbok"), el("dd", {}, plan.codebook_version),
      el("dt", {}, "SHA-256"), el("dd", { class: "small" }, el("code", {}, plan.sha256)));

    const left = el("div", {},
      el("section", { class: "panel", "aria-label": "Om planen" }, metaList,
        el("p", { class: "actions", style: "margin:.75rem 0 0" },
          el("a", { class: "button secondary", href: "/api/v1/plans/" + enc + "/file", download: plan.filename || true }, "Ladda ner originalfilen"),
          el("a", { class: "button secondary", href: "#/jamfor?" + new URLSearchParams({ lan: plan.lan, to: plan.year, audience: plan.audience || "" }) }, "Jämför med annat år"),
          el("a", { class: "button secondary", href: "/api/v1/plans/" + enc + "/coding" }, "Kodning som JSON"))));
    if (coding instanceof Error) left.append(errorBox(coding, "Kodningen kunde inte hämtas:"));
    else left.append(codingView(coding, labels, reader));

    render(planName(plan), el("div", { class: "plan-layout" }, left, reader.node));
    const startPage = parseInt(params.get("page") || "1", 10);
    const at = parseInt(params.get("at") || "0", 10);
    const hl = params.get("hl");
    const hs = parseInt(params.get("s") || "", 10);
    const he = parseInt(params.get("e") || "", 10);
    if (isFinite(hs) && isFinite(he)) reader.show(startPage, hs, he);
    else if (hl) reader.showMatch(startPage, isFinite(at) && at >= 0 ? at : 0, hl);
    else reader.show(isFinite(startPage) ? startPage : 1);
  }

  // makeReader is the page-text panel; show(page, start, end) highlights
  // the code points [start, end) of that page.
  function makeReader(pages, err) {
    const byPage = new Map(pages.map((p) => [p.page, p.text]));
    const pageSel = select("page", pages.map((p) => ({ value: String(p.page), label: "Sida " + p.page })), "", { "aria-label": "Sida" });
    const prev = el("button", { type: "button", class: "secondary", "aria-label": "Föregående sida" }, "←");
    const next = el("button", { type: "button", class: "secondary", "aria-label": "Nästa sida" }, "→");
    const info = el("span", { class: "meta" });
    const pre = el("pre", { class: "pagetext", tabindex: "0", "aria-label": "Sidans text (← → byter sida)" });
    const node = el("section", { class: "reader panel", "aria-labelledby": "reader-h" },
      el("h2", { id: "reader-h", style: "margin:0 0 .5rem" }, "Text"),
      err ? errorBox(err, "Texten kunde inte hämtas:") : el("div", { class: "reader-bar" }, prev, pageSel, next, info),
      pre);
    let current = 0;
    function show(page, start, end) {
      if (!byPage.size) { pre.textContent = err ? "" : "Planen har ingen text."; return; }
      if (!byPage.has(page)) page = pages[0].page;
      current = page;
      pageSel.value = String(page);
      const text = byPage.get(page) || "";
      const chars = Array.from(text); // offsets are Unicode code points
      prev.disabled = page === pages[0].page;
      next.disabled = page === pages[pages.length - 1].page;
      if (typeof start === "number" && typeof end === "number" && start >= 0 && end > start && start < chars.length) {
        const m = el("mark", { tabindex: "-1" }, chars.slice(start, end).join(""));
        pre.replaceChildren(chars.slice(0, start).join(""), m, chars.slice(end).join(""));
        info.textContent = "tecken " + start + "–" + end + " av " + chars.length;
        const top = m.offsetTop - pre.offsetTop - pre.clientHeight / 3;
        pre.scrollTop = Math.max(0, top);
        if (window.matchMedia("(max-width: 980px)").matches) node.scrollIntoView({ block: "start" });
        announce("Sida " + page + ": markerad mening.");
      } else {
        pre.textContent = text;
        pre.scrollTop = 0;
        info.textContent = fmtNum(chars.length, 0) + " tecken";
      }
      const h = parseHash();
      if (h.parts[0] === "plan" && h.params.get("page") !== String(page)) {
        h.params.set("page", String(page));
        history.replaceState(null, "", "#/" + h.parts.map(encodeURIComponent).join("/") + "?" + h.params.toString());
      }
    }
    pageSel.addEventListener("change", () => show(parseInt(pageSel.value, 10)));
    const step = (d) => {
      const i = pages.findIndex((p) => p.page === current);
      const p = pages[i + d];
      if (p) show(p.page);
    };
    // showMatch highlights the first occurrence of term (case-insensitive)
    // at or after code point at, else anywhere on the page.
    function showMatch(page, at, term) {
      const chars = Array.from(byPage.get(page) || "").map((c) => c.toLowerCase());
      const t = Array.from(term.toLowerCase());
      const find = (from) => {
        for (let i = from; i + t.length <= chars.length; i++) {
          let ok = true;
          for (let j = 0; j < t.length && ok; j++) ok = chars[i + j] === t[j];
          if (ok) return i;
        }
        return -1;
      };
      let i = find(at);
      if (i < 0) i = find(0);
      if (i < 0 || !t.length) show(page);
      else show(page, i, i + t.length);
    }
    pre.addEventListener("keydown", (e) => {
      // ← and → turn pages while reading (the text scrolls with ↑ ↓).
      if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
        e.preventDefault();
        step(e.key === "ArrowLeft" ? -1 : 1);
      }
    });
    prev.addEventListener("click", () => step(-1));
    next.addEventListener("click", () => step(1));
    return { node, show, showMatch };
  }

  function evidenceList(evs, reader, limit) {
    const ul = el("ul", { class: "evidence" });
    const max = limit || 50;
    (evs || []).slice(0, max).forEach((ev) => {
      ul.append(el("li", {}, el("button", {
        type: "button", class: "link",
        title: "Visa i texten",
        onclick: () => reader.show(ev.page, ev.start, ev.end),
      }, el("span", { class: "where" }, "s. " + ev.page + (ev.section ? " · " + (SECTIONS[ev.section] || ev.section) : "")), ev.text)));
    });
    if ((evs || []).length > max) ul.append(el("li", { class: "muted small" }, "… och " + (evs.length - max) + " till"));
    return ul;
  }

  // jump is a summary tile that moves to its section: the coding is long.
  function jump(targetId, cls, value, label) {
    return el("button", { type: "button", class: cls, onclick: () => {
      const h = document.getElementById(targetId);
      if (!h) return;
      h.setAttribute("tabindex", "-1");
      h.scrollIntoView({ block: "start" });
      h.focus({ preventScroll: true });
    } }, el("b", {}, value), el("span", {}, label));
  }

  function codingView(c, labels, reader) {
    const root = el("div");
    const codes = c.codes || [];
    const goals = c.goals || [];
    const inds = c.indicators || [];
    const goalsWithout = goals.filter((g) => !(g.indicator_ids || []).length).length;
    const bi = c.brukarinflytande || {};
    const ge = c.genus || {};

    root.append(el("div", { class: "dim-summary" },
      jump("codes-h", "stat", codes.length, "koder"),
      jump("goals-h", "stat", goals.length, "mål"),
      jump("goals-h", "stat" + (goalsWithout ? " warn" : ""), goalsWithout, "mål utan indikator"),
      jump("goals-h", "stat", inds.length, "indikatorer"),
      jump("bi-h", "stat word", LEVEL_LABELS[bi.level] || bi.level || "–", "brukarinflytande"),
      jump("genus-h", "stat", ge.present ? "Ja" : "Nej", "genusperspektiv")));

    // Codes per dimension
    const codesPanel = el("section", { class: "panel", "aria-labelledby": "codes-h" }, el("h2", { id: "codes-h" }, "Koder"));
    // A filter and open/close-all: a plan has dozens of codes.
    const filter = el("input", { type: "search", name: "codefilter", autocomplete: "off", placeholder: "t.ex. suicid, SIP, anhörig" });
    const openAll = (open) => codesPanel.querySelectorAll("details").forEach((d) => { if (!d.hidden) d.open = open; });
    filter.addEventListener("input", () => {
      const q = filter.value.trim().toLowerCase();
      for (const d of codesPanel.querySelectorAll("details")) d.hidden = q !== "" && !d.querySelector("summary").textContent.toLowerCase().includes(q);
      for (const h of codesPanel.querySelectorAll("h3[data-dim]")) {
        const list = codesPanel.querySelectorAll("details[data-dim=\"" + h.dataset.dim + "\"]");
        h.hidden = [...list].every((d) => d.hidden);
      }
    });
    if (codes.length) {
      codesPanel.append(el("div", { class: "code-tools" }, field("Filtrera koder", filter),
        el("div", { class: "actions" },
          el("button", { type: "button", class: "secondary", onclick: () => openAll(true) }, "Visa alla belägg"),
          el("button", { type: "button", class: "secondary", onclick: () => openAll(false) }, "Dölj alla"))));
    }
    const byDim = new Map();
    for (const code of codes) {
      if (!byDim.has(code.dimension)) byDim.set(code.dimension, []);
      byDim.get(code.dimension).push(code);
    }
    const dimOrder = Object.keys(DIMENSIONS);
    const dims = [...byDim.keys()].sort((a, b) => (dimOrder.indexOf(a) + 1 || 99) - (dimOrder.indexOf(b) + 1 || 99) || a.localeCompare(b));
    if (!dims.length) codesPanel.append(el("p", { class: "muted" }, "Inga koder hittades."));
    for (const d of dims) {
      const list = byDim.get(d).slice().sort((a, b) => (b.weight || b.count) - (a.weight || a.count));
      codesPanel.append(el("h3", { "data-dim": d }, (DIMENSIONS[d] || d) + " ", el("span", { class: "muted small" }, "(" + d + ", " + list.length + ")")));
      for (const code of list) {
        codesPanel.append(el("details", { "data-dim": d },
          el("summary", {},
            el("span", { class: "grow" }, code.label || labels[code.code] || code.code, " ", el("span", { class: "muted small" }, code.code)),
            el("span", { class: "badge", title: "Antal träffar" }, code.count)),
          evidenceList(code.evidence, reader)));
      }
    }
    root.append(codesPanel);

    // Goals and indicators
    const indById = new Map(inds.map((i) => [i.id, i]));
    const goalsPanel = el("section", { class: "panel", "aria-labelledby": "goals-h" }, el("h2", { id: "goals-h" }, "Mål och indikatorer"));
    if (goalsWithout) goalsPanel.append(el("p", { class: "notice" }, plural(goalsWithout, "mål saknar", "mål saknar") + " indikator (markerade)."));
    if (!goals.length) goalsPanel.append(el("p", { class: "muted" }, "Inga mål hittades."));
    for (const g of goals) {
      const ids = g.indicator_ids || [];
      const box = el("div", { class: "goal" + (ids.length ? "" : " no-indicator") },
        el("div", { class: "actions" },
          el("span", { class: "badge " + (g.horizon || "") }, HORIZONS[g.horizon] || g.horizon || "–"),
          ids.length ? null : el("span", { class: "badge warn" }, "Saknar indikator"),
          el("span", { class: "meta" }, g.id + " · s. " + g.page + (g.section ? " · " + (SECTIONS[g.section] || g.section) : ""))),
        el("p", { class: "goal-text" }, el("button", { type: "button", class: "link", title: "Visa i texten", onclick: () => reader.show(g.page, g.start, g.end) }, g.text)));
      if (ids.length) {
        const ul = el("ul");
        for (const iid of ids) {
          const ind = indById.get(iid);
          ul.append(el("li", {}, ind
            ? [el("span", { class: "badge " + ind.type }, IND_TYPES[ind.type] || ind.type), " ",
              el("button", { type: "button", class: "link", onclick: () => reader.show(ind.page, ind.start, ind.end) }, ind.text)]
            : iid));
        }
        box.append(el("div", { class: "small" }, el("span", { class: "label" }, "Indikatorer:"), ul));
      }
      goalsPanel.append(box);
    }
    const orphan = inds.filter((i) => !i.goal_id);
    if (inds.length) {
      const tbody = el("tbody");
      for (const i of inds) {
        tbody.append(el("tr", {},
          el("td", {}, i.id),
          el("td", {}, el("span", { class: "badge " + i.type }, IND_TYPES[i.type] || i.type)),
          el("td", {}, el("button", { type: "button", class: "link", onclick: () => reader.show(i.page, i.start, i.end) }, i.text)),
          el("td", {}, i.goal_id || el("span", { class: "muted" }, "–")),
          el("td", { class: "num" }, i.page)));
      }
      goalsPanel.append(el("h3", {}, "Alla indikatorer" + (orphan.length ? " (" + orphan.length + " utan mål)" : "")),
        el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, el("tr", {},
          ["Id", "Typ", "Text", "Mål", "Sida"].map((h) => el("th", { scope: "col" }, h)))), tbody)));
    }
    root.append(goalsPanel);

    // Brukarinflytande
    const lvl = LEVELS.indexOf(bi.level);
    root.append(el("section", { class: "panel", "aria-labelledby": "bi-h" },
      el("h2", { id: "bi-h" }, "Brukarinflytande"),
      el("div", { class: "level-scale", role: "img", "aria-label": "Nivå: " + (LEVEL_LABELS[bi.level] || bi.level || "okänd") + " på skalan saknas, avsikt, remiss, deltagande, medskapande" },
        LEVELS.map((l, i) => el("span", { class: i === lvl ? "on" : i < lvl ? "reached" : "" }, LEVEL_LABELS[l]))),
      el("p", {}, el("span", { class: "label" }, "Organisationer: "), (bi.organisations || []).length ? bi.organisations.join(", ") : el("span", { class: "muted" }, "inga namngivna")),
      (bi.evidence || []).length ? el("details", { open: true }, el("summary", {}, el("span", { class: "grow" }, "Belägg"), el("span", { class: "badge" }, bi.evidence.length)), evidenceList(bi.evidence, reader)) : null));

    // Genus
    root.append(el("section", { class: "panel", "aria-labelledby": "genus-h" },
      el("h2", { id: "genus-h" }, "Genusperspektiv"),
      el("p", {}, ge.present ? "Ja, i: " : "Inget genusperspektiv hittades.",
        ge.present ? ((ge.placements || []).map((p) => PLACEMENTS[p] || p).join(", ") || "–") : null),
      (ge.evidence || []).length ? el("details", { open: true }, el("summary", {}, el("span", { class: "grow" }, "Belägg"), el("span", { class: "badge" }, ge.evidence.length)), evidenceList(ge.evidence, reader)) : null));

    // Sections, when the coder reports them
    if ((c.sections || []).length) {
      const ul = el("ul", { class: "evidence" });
      for (const s of c.sections) {
        ul.append(el("li", { style: "padding-left:" + Math.max(0, (s.level || 1) - 1) + "rem" }, el("button", {
          type: "button", class: "link", onclick: () => reader.show(s.start_page, s.start, s.start + Array.from(s.heading || "").length),
        }, el("span", { class: "where" }, "s. " + s.start_page + " · " + (SECTIONS[s.kind] || s.kind)), s.heading)));
      }
      root.append(el("section", { class: "panel", "aria-labelledby": "sec-h" }, el("h2", { id: "sec-h" }, "Avsnitt"),
        el("details", {}, el("summary", {}, el("span", { class: "grow" }, "Rubriker"), el("span", { class: "badge" }, c.sections.length)), ul)));
    }
    return root;
  }

  // ---------- Jämför ----------

  async function viewCompare(_, params, current) {
    const [lanOpts, plans] = await Promise.all([lanOptions("Välj län …"), getPlans().catch(() => [])]);
    if (!current()) return;
    const st = { lan: params.get("lan") || "", from: params.get("from") || "", to: params.get("to") || "", audience: params.get("audience") || "" };
    const yearsOf = (lan) => [...new Set(plans.filter((p) => !lan || p.lan === lan).map((p) => p.year))].sort((a, b) => a - b);
    if (st.lan && st.to && !st.from) {
      // From a plan ("compare with another year"): take the county's
      // previous plan year, and compare at once when there is one.
      const before = yearsOf(st.lan).filter((y) => y < Number(st.to));
      if (before.length) return go("jamfor", Object.assign({}, st, { from: String(before[before.length - 1]) }));
    }
    const lanSel = select("lan", lanOpts, st.lan, { required: true });
    const fromIn = el("select", { name: "from", required: true });
    const toIn = el("select", { name: "to", required: true });
    const audSel = select("audience", audienceOptions("Alla (alla målgrupper)"), st.audience);
    function fillYears() {
      const opts = yearsOf(lanSel.value);
      for (const [sel, want, fallback] of [[fromIn, st.from, opts[opts.length - 2]], [toIn, st.to, opts[opts.length - 1]]]) {
        sel.replaceChildren(...opts.map((y) => el("option", { value: String(y) }, String(y))));
        if (want && !opts.includes(Number(want))) sel.prepend(el("option", { value: want }, want));
        sel.value = want || String(fallback || opts[0] || "");
      }
    }
    fillYears();
    lanSel.addEventListener("change", () => { st.from = ""; st.to = ""; fillYears(); });
    const form = el("form", { class: "form-grid", "aria-label": "Välj planer att jämföra", onsubmit: (e) => {
      e.preventDefault();
      go("jamfor", { lan: lanSel.value, from: fromIn.value, to: toIn.value, audience: audSel.value });
    } }, field("Län", lanSel), field("Från år", fromIn), field("Till år", toIn), field("Målgrupp", audSel),
    el("div", { class: "field" }, el("button", { type: "submit" }, "Jämför")));
    const out = el("div", { "aria-live": "polite" });
    render("Jämför", el("div", { class: "panel" }, form), out);
    if (!st.lan || !st.from || !st.to) {
      out.append(el("p", { class: "muted" }, "Välj ett län och två år för att se vad som har ändrats mellan planerna: koder, mål, indikatorer, brukarinflytande, genusperspektiv och struktur."));
      return;
    }
    out.append(el("p", { class: "muted" }, "Jämför …"));
    let cmp;
    try {
      cmp = await api("/api/v1/compare" + qs(st));
    } catch (e) {
      if (!current()) return;
      out.replaceChildren(errorBox(e, e.code === "route_not_found" ? "Jämförelsen finns inte i den här versionen av tjänsten ännu:" : "Jämförelsen misslyckades:"));
      return;
    }
    if (!current()) return;
    const labels = await codeLabels();
    out.replaceChildren(compareView(cmp, labels));
  }

  function codeChip(c, kind, labels) {
    const label = c.label || labels[c.dimension + ":" + c.code] || c.code;
    // A kept code shows how its number of passages moved.
    const count = c.from && c.from.count != null ? c.from.count + "→" + c.count : c.count != null ? "×" + c.count : null;
    return el("span", { class: "chip " + (kind || ""), title: (DIMENSIONS[c.dimension] || c.dimension || "") + ": " + c.code + (kind === "kept" ? " (antal belägg före → efter)" : " (antal belägg)") }, label,
      count ? el("span", { class: "muted small" }, count) : null);
  }

  // evidenceHref opens a plan on a page with code points [start, end)
  // highlighted.
  function evidenceHref(planID, page, start, end) {
    return "#/plan/" + encodeURIComponent(planID || "") + qs({ page, s: start != null ? start : "", e: end != null ? end : "" });
  }

  function goalLine(g, planID) {
    return el("div", {}, el("span", { class: "badge " + (g.horizon || "") }, HORIZONS[g.horizon] || g.horizon || "–"), " ",
      planID ? el("a", { href: evidenceHref(planID, g.page, g.start, g.end), class: "quiet" }, g.text) : g.text,
      el("span", { class: "meta" }, " (s. " + g.page + ")"));
  }

  function compareView(c, labels) {
    const root = el("div");
    const from = c.from || {};
    const to = c.to || {};
    root.append(el("section", { class: "panel" },
      el("h2", { style: "margin-top:0" },
        el("a", { href: "#/plan/" + encodeURIComponent(from.id || "") }, planName(from)), " → ",
        el("a", { href: "#/plan/" + encodeURIComponent(to.id || "") }, planName(to))),
      c.compared ? el("p", { class: "muted" }, c.compared) : null,
      el("div", { class: "dim-summary" },
        el("div", { class: "stat" }, el("b", {}, pct(c.text_similarity)), el("span", {}, "textlikhet")),
        c.vocabulary_similarity != null ? el("div", { class: "stat" }, el("b", {}, pct(c.vocabulary_similarity)), el("span", {}, "ordförrådslikhet")) : null,
        el("div", { class: "stat" }, el("b", {}, c.structure && c.structure.same_structure ? "Ja" : "Nej"), el("span", {}, "samma struktur")),
        el("div", { class: "stat" }, el("b", {}, pct(c.structure && c.structure.heading_overlap)), el("span", {}, "rubriköverlapp")))));

    // Codes
    const codes = c.codes || {};
    // One row per dimension: added, removed and kept side by side.
    const dimOf = (x) => x.dimension || "";
    const dims = [...new Set([].concat(codes.added || [], codes.removed || [], codes.kept || []).map(dimOf))];
    const dimOrder = Object.keys(DIMENSIONS);
    dims.sort((a, b) => (dimOrder.indexOf(a) + 1 || 99) - (dimOrder.indexOf(b) + 1 || 99));
    const cell = (list, kind, dim) => {
      const mine = (list || []).filter((x) => dimOf(x) === dim);
      return el("td", { "data-label": { added: "Tillkomna", removed: "Borttagna", kept: "Kvar" }[kind] }, mine.length ? el("div", { class: "chipline" }, mine.map((x) => codeChip(x, kind, labels))) : el("span", { class: "muted" }, "–"));
    };
    const n = (list) => " (" + (list || []).length + ")";
    root.append(el("section", { class: "panel", "aria-labelledby": "cc-h" }, el("h2", { id: "cc-h" }, "Koder"),
      dims.length ? el("div", { class: "table-wrap" }, el("table", { class: "code-diff" },
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Dimension"),
          el("th", { scope: "col", class: "added-h" }, "Tillkomna" + n(codes.added)),
          el("th", { scope: "col", class: "removed-h" }, "Borttagna" + n(codes.removed)),
          el("th", { scope: "col" }, "Kvar" + n(codes.kept)))),
        el("tbody", {}, dims.map((d) => el("tr", {}, el("th", { scope: "row" }, DIMENSIONS[d] || d),
          cell(codes.added, "added", d), cell(codes.removed, "removed", d), cell(codes.kept, "kept", d))))))
        : el("p", { class: "muted" }, "Inga koder i någon av planerna.")));

    // Goals
    const goals = c.goals || {};
    const gsec = el("section", { class: "panel", "aria-labelledby": "cg-h" }, el("h2", { id: "cg-h" }, "Mål"));
    if (goals.from_count != null) {
      gsec.append(el("p", { class: "muted" }, "Mål: " + goals.from_count + " → " + goals.to_count + "; utan indikator: " + (goals.from_without_indicator ?? "–") + " → " + (goals.to_without_indicator ?? "–") + "."));
    }
    const goalList = (title, list, kind) => el("div", { class: "col-" + kind }, el("h3", {}, title + " (" + (list || []).length + ")"),
      (list || []).length ? el("ul", {}, list.map((g) => el("li", {}, goalLine(g, kind === "removed" ? from.id : to.id)))) : el("p", { class: "muted" }, "Inga"));
    gsec.append(goalList("Tillkomna", goals.added, "added"), goalList("Borttagna", goals.removed, "removed"));
    const pairs = (title, list, showSim) => {
      const box = el("div", {}, el("h3", {}, title + " (" + (list || []).length + ")"));
      if (!(list || []).length) { box.append(el("p", { class: "muted" }, "Inga")); return box; }
      for (const p of list) {
        box.append(el("div", { class: "pair" }, goalLine(p.from || {}, from.id),
          el("span", { class: "arrow", "aria-hidden": "true" }, "→"),
          el("div", {}, goalLine(p.to || {}, to.id),
            el("div", { class: "meta" },
              showSim ? el("span", { class: "sim" }, "likhet " + pct(p.similarity)) : null,
              (p.changes || []).length ? " · ändrat: " + p.changes.map((x) => CHANGES[x] || x).join(", ") : null))));
      }
      return box;
    };
    gsec.append(pairs("Ändrade", goals.changed, true), el("details", {}, el("summary", {}, el("span", { class: "grow" }, "Oförändrade mål"), el("span", { class: "badge" }, (goals.kept || []).length)), pairs("Oförändrade", goals.kept, false)));
    root.append(gsec);

    // Indicators
    const ind = c.indicators || {};
    const indList = (title, list, kind) => el("div", { class: "col-" + kind }, el("h3", {}, title + " (" + (list || []).length + ")"),
      (list || []).length ? el("ul", {}, list.map((i) => el("li", {}, el("span", { class: "badge " + i.type }, IND_TYPES[i.type] || i.type), " ", i.text))) : el("p", { class: "muted" }, "Inga"));
    root.append(el("section", { class: "panel", "aria-labelledby": "ci-h" }, el("h2", { id: "ci-h" }, "Indikatorer"),
      el("div", { class: "compare-grid" }, indList("Tillkomna", ind.added, "added"), indList("Borttagna", ind.removed, "removed"),
        el("div", {}, el("h3", {}, "Ändrade / kvar"), el("p", {}, ((ind.changed || []).length) + " ändrade, " + ((ind.kept || []).length) + " oförändrade")))));

    // Brukarinflytande and genus
    const bi = c.brukarinflytande || {};
    const ge = c.genus || {};
    const gf = ge.from || {};
    const gt = ge.to || {};
    const places = (g) => g.present ? ((g.placements || []).map((p) => PLACEMENTS[p] || p).join(", ") || "ja") : "nej";
    root.append(el("section", { class: "panel", "aria-labelledby": "cb-h" },
      el("h2", { id: "cb-h" }, "Brukarinflytande och genus"),
      el("div", { class: "table-wrap" }, el("table", {},
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, ""), el("th", { scope: "col" }, String(from.year || "Från")), el("th", { scope: "col" }, String(to.year || "Till")), el("th", { scope: "col" }, "Förändring"))),
        el("tbody", {},
          el("tr", {}, el("th", { scope: "row" }, "Brukarinflytande"), el("td", {}, LEVEL_LABELS[bi.from] || bi.from || "–"), el("td", {}, LEVEL_LABELS[bi.to] || bi.to || "–"),
            el("td", {}, ({ higher: "Högre", lower: "Lägre", same: "Samma" })[bi.change] || bi.change || "")),
          (bi.from_organisations || bi.to_organisations) ? el("tr", {}, el("th", { scope: "row" }, "Organisationer"),
            el("td", {}, (bi.from_organisations || []).join(", ") || "–"), el("td", {}, (bi.to_organisations || []).join(", ") || "–"),
            el("td", {}, [(bi.organisations_added || []).length ? "+ " + bi.organisations_added.join(", ") : null, (bi.organisations_removed || []).length ? "− " + bi.organisations_removed.join(", ") : null].filter(Boolean).join("; "))) : null,
          el("tr", {}, el("th", { scope: "row" }, "Genusperspektiv"), el("td", {}, places(gf)), el("td", {}, places(gt)),
            el("td", {}, [(ge.placements_added || []).length ? "+ " + ge.placements_added.map((p) => PLACEMENTS[p] || p).join(", ") : null, (ge.placements_removed || []).length ? "− " + ge.placements_removed.map((p) => PLACEMENTS[p] || p).join(", ") : null].filter(Boolean).join("; "))))))));

    // Structure
    const s = c.structure || {};
    if ((s.headings_added || []).length || (s.headings_removed || []).length || s.note) {
      root.append(el("section", { class: "panel", "aria-labelledby": "cs-h" }, el("h2", { id: "cs-h" }, "Struktur"),
        s.note ? el("p", { class: "muted" }, s.note) : null,
        el("p", {}, "Rubriker: " + (s.from_headings ?? "–") + " → " + (s.to_headings ?? "–") + ", överlapp " + pct(s.heading_overlap) + "."),
        el("div", { class: "compare-grid" },
          el("div", { class: "col-added" }, el("h3", {}, "Nya rubriker"), el("ul", {}, (s.headings_added || []).map((h) => el("li", {}, h)))),
          el("div", { class: "col-removed" }, el("h3", {}, "Borttagna rubriker"), el("ul", {}, (s.headings_removed || []).map((h) => el("li", {}, h)))))));
    }
    return root;
  }

  // ---------- Statistik ----------

  const STAT_VIEWS = { koder: "Koder per län", matris: "Län × kod", mal: "Mål och indikatorer" };

  async function viewStats(_, params, current) {
    const view = STAT_VIEWS[params.get("vy")] ? params.get("vy") : "koder";
    const st = { year: params.get("year") || "", audience: params.get("audience") || "", dimension: params.get("dimension") || "" };
    if (view === "matris" && !st.dimension) st.dimension = "malgrupp"; // all codes at once are too many columns
    const trendCode = params.get("code") || "";
    const trendDim = params.get("tdim") || "";
    const [yearOpts, labels] = await Promise.all([yearOptions("Alla år"), codeLabels()]);
    if (!current()) return;
    const yearSel = select("year", yearOpts, st.year);
    const audSel = select("audience", audienceOptions("Alla målgrupper"), st.audience);
    const dimSel = select("dimension", dimensionOptions("Alla dimensioner"), st.dimension);
    const here = (extra) => Object.assign({ vy: view === "koder" ? "" : view, year: yearSel.value, audience: audSel.value, dimension: dimSel.value, code: trendCode, tdim: trendDim }, extra || {});
    const update = (extra) => go("statistik", here(extra));
    for (const s of [yearSel, audSel, dimSel]) s.addEventListener("change", () => update());
    const endpoint = { koder: "/api/v1/stats/codes", matris: "/api/v1/stats/matrix", mal: "/api/v1/stats/goals" }[view];
    const query = view === "mal" ? { year: st.year, audience: st.audience } : st;
    const csvLink = el("a", { class: "button secondary", href: endpoint + qs(Object.assign({}, query, { format: "csv" })), download: "plankoll-" + view + (st.year ? "-" + st.year : "") + ".csv", title: "CSV för Excel: UTF-8 med BOM, semikolonseparerad" }, "Ladda ner CSV");
    const form = el("form", { class: "form-grid", "aria-label": "Urval", onsubmit: (e) => { e.preventDefault(); update(); } },
      field("År", yearSel), field("Målgrupp", audSel), view === "mal" ? null : field("Dimension", dimSel), el("div", { class: "field" }, csvLink));
    const tabs = el("nav", { class: "tabs", "aria-label": "Tabeller" }, Object.entries(STAT_VIEWS).map(([k, label]) =>
      el("a", { href: "#/statistik" + qs(here({ vy: k === "koder" ? "" : k })), "aria-current": k === view ? "page" : null }, label)));
    const trendBox = el("section", { class: "panel", "aria-labelledby": "trend-h", id: "trend" });
    const tableBox = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Räknar …"));
    render("Statistik", el("div", { class: "panel" }, form), tabs, trendBox, tableBox);
    if (viewStats.focusTrend) {
      // A code was just picked further down: show its trend.
      viewStats.focusTrend = false;
      trendBox.scrollIntoView({ block: "start", behavior: "instant" });
    }
    renderTrend(trendBox, trendDim, trendCode, st, labels, current, (year) => update({ year: String(year) }));

    let res;
    try {
      res = await api(endpoint + qs(query));
    } catch (e) {
      if (current()) tableBox.replaceChildren(errorBox(e, "Statistiken kunde inte hämtas:"));
      return;
    }
    if (!current()) return;
    const pickCode = (r) => { viewStats.focusTrend = true; update({ code: r.code, tdim: r.dimension }); };
    if (view === "matris") tableBox.replaceChildren(matrixTable(res, labels, pickCode));
    else if (view === "mal") tableBox.replaceChildren(goalTable(res));
    else tableBox.replaceChildren(codeTable(res, st, labels, trendCode, trendDim, pickCode));
  }

  const yearText = (y) => (y ? "År " + y : "Alla år");

  function coverage(res) {
    const parts = [yearText(res.year) + ": " + plural(res.plans || 0, "plan", "planer")];
    if (res.lans_with_plan != null) parts.push(" från " + plural(res.lans_with_plan, "län", "län"));
    parts.push(".");
    if ((res.lans_without_plan || []).length) parts.push(" Utan plan: " + res.lans_without_plan.join(", ") + ".");
    return parts.join("");
  }

  function codeTable(res, st, labels, trendCode, trendDim, pickCode) {
    const rows = res.rows || [];
    const of = res.lans_with_plan || res.plans || 0;
    const max = Math.max(1, of, ...rows.map((r) => r.lans || 0));
    const tbody = el("tbody");
    for (const r of rows) {
      const pick = el("button", { type: "button", class: "link", "aria-label": "Visa trend för " + (r.label || r.code), onclick: () => pickCode(r) }, r.label || labels[r.dimension + ":" + r.code] || r.code);
      tbody.append(el("tr", { class: r.code === trendCode && r.dimension === (trendDim || r.dimension) ? "selected" : null },
        el("td", {}, DIMENSIONS[r.dimension] || r.dimension),
        el("td", {}, pick, el("div", { class: "meta" }, r.code)),
        el("td", { class: "nowrap" }, el("span", { class: "bar", "aria-hidden": "true" }, el("i", { style: "width:" + Math.round(100 * (r.lans || 0) / max) + "%" })), el("b", {}, r.lans), of ? el("span", { class: "muted" }, " av " + of) : null),
        el("td", { class: "small" }, (r.lan_list || []).join(", "))));
    }
    return el("div", {},
      el("p", {}, coverage(res), " Antal län vars plan har koden; välj en kod för att se den över åren."),
      rows.length ? el("div", { class: "table-wrap" }, el("table", {},
        el("caption", { class: "sr-only" }, "Antal län per kod"),
        el("thead", {}, el("tr", {}, ["Dimension", "Kod", "Län", "Vilka län"].map((h) => el("th", { scope: "col" }, h)))),
        tbody)) : el("p", { class: "muted" }, "Inga rader."));
  }

  function matrixTable(res, labels, pickCode) {
    const cols = res.columns || [];
    const rows = res.rows || [];
    if (!rows.length || !cols.length) return el("p", { class: "muted" }, "Inga planer för urvalet.");
    const head = el("tr", {}, el("th", { scope: "col" }, "Län"), cols.map((c) => el("th", { scope: "col", class: "vert" },
      el("button", { type: "button", class: "link", title: (DIMENSIONS[c.dimension] || c.dimension) + ": " + c.code, onclick: () => pickCode(c) }, c.label || c.code))));
    const totals = cols.map(() => 0);
    const body = el("tbody", {}, rows.map((r) => el("tr", {},
      el("th", { scope: "row" }, (r.plan_ids || []).length === 1 ? el("a", { href: "#/plan/" + encodeURIComponent(r.plan_ids[0]) }, r.lan) : r.lan),
      cols.map((c, i) => {
        const on = (r.present || [])[i];
        if (on) totals[i]++;
        const n = (r.counts || [])[i] || 0;
        return el("td", { class: "cell" + (on ? " on" : ""), title: r.lan + " · " + (c.label || c.code) + ": " + (on ? plural(n, "belägg", "belägg") : "saknas") },
          on ? "●" : "", el("span", { class: "sr-only" }, on ? "ja" : "nej"));
      }))));
    const foot = el("tfoot", {}, el("tr", {}, el("th", { scope: "row" }, "Antal län"), totals.map((t) => el("td", { class: "cell num" }, t))));
    return el("div", {},
      el("p", {}, yearText(res.year) + ": " + plural(rows.length, "län", "län") + " med plan. ● = länets plan har koden; välj en kod för trenden."),
      el("div", { class: "table-wrap" }, el("table", { class: "matrix" }, el("caption", { class: "sr-only" }, "Län och koder"), el("thead", {}, head), body, foot)));
  }

  function goalTable(res) {
    const cols = [
      ["goals", "Mål"], ["lang", "Långsiktiga"], ["kort", "Kortsiktiga"], ["ospecificerad", "Ospec."], ["without_indicator", "Utan indikator"],
      ["indicators", "Indikatorer"], ["struktur", "Struktur"], ["process", "Process"], ["resultat", "Resultat"], ["indicators_without_goal", "Indikator utan mål"],
    ];
    const val = (r, k) => (["struktur", "process", "resultat"].includes(k) ? (r.indicators_by_type || {})[k] || 0 : r[k]);
    const row = (r, isTotal) => el("tr", { class: isTotal ? "total" : null },
      el("th", { scope: "row" }, !isTotal && (r.plan_ids || []).length === 1 ? el("a", { href: "#/plan/" + encodeURIComponent(r.plan_ids[0]) }, r.lan) : r.lan),
      cols.map(([k]) => el("td", { class: "num" + (k === "without_indicator" && r[k] ? " warn-cell" : "") }, fmtNum(val(r, k), 0))));
    const rows = res.rows || [];
    return el("div", {},
      el("p", {}, yearText(res.year) + ": mål efter tidshorisont och indikatorer efter typ, per län."),
      rows.length ? el("div", { class: "table-wrap" }, el("table", {},
        el("caption", { class: "sr-only" }, "Mål och indikatorer per län"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Län"), cols.map(([, h]) => el("th", { scope: "col", class: "num" }, h)))),
        el("tbody", {}, rows.map((r) => row(r, false))),
        res.total ? el("tfoot", {}, row(res.total, true)) : null)) : el("p", { class: "muted" }, "Inga planer för urvalet."));
  }

  // trendPoints accepts the trend response as points/years/rows arrays or a
  // year → count object.
  function trendPoints(res) {
    const arr = res.points || res.years || res.rows || res.trend;
    if (Array.isArray(arr)) {
      return arr.map((p) => ({ year: p.year, value: p.lans ?? p.count ?? p.value ?? 0, of: p.lans_with_plan ?? p.plans })).filter((p) => p.year != null);
    }
    const obj = res.counts || res.by_year || {};
    return Object.entries(obj).map(([y, v]) => ({ year: y, value: typeof v === "number" ? v : v.lans || 0 }));
  }

  async function renderTrend(box, dim, code, st, labels, current, pickYear) {
    const audience = st.audience;
    box.replaceChildren(el("h2", { id: "trend-h", style: "margin-top:0" }, "Trend för en kod"));
    let cb = null;
    try { cb = await getCodebook(); } catch (e) { /* free text below */ }
    const codeSel = select("code", [{ value: "", label: "Välj kod …" }].concat((cb && cb.dimensions || []).map((d) => ({
      group: d.label || d.id, options: (d.codes || []).map((c) => ({ value: d.id + ":" + c.id, label: c.label + " (" + c.id + ")" })),
    }))), dim && code ? dim + ":" + code : "");
    codeSel.addEventListener("change", () => {
      const [d, c] = codeSel.value.split(":");
      const h = parseHash();
      h.params.set("code", c || "");
      h.params.set("tdim", d || "");
      go("statistik", Object.fromEntries(h.params));
    });
    codeSel.classList.add("code-select");
    box.append(el("div", { class: "form-grid" }, field("Kod", codeSel, null, "wide")));
    if (!code) {
      box.append(el("p", { class: "muted" }, "Välj en kod för att se hur många läns planer som har den, år för år."));
      return;
    }
    const chartBox = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Hämtar …"));
    box.append(chartBox);
    let res;
    try {
      res = await api("/api/v1/stats/trend" + qs({ dimension: dim, code, audience }));
    } catch (e) {
      if (current()) chartBox.replaceChildren(errorBox(e, "Trenden kunde inte hämtas:"));
      return;
    }
    if (!current()) return;
    const pts = trendPoints(res || {});
    const label = (res && res.label) || labels[code] || code;
    chartBox.replaceChildren(
      el("h3", {}, label + " ", el("span", { class: "muted small" }, "(" + (dim ? dim + ":" : "") + code + ")")),
      pts.length ? barChart(pts, "Antal län per år med koden " + label, pickYear, st.year) : el("p", { class: "muted" }, "Inga data."),
      el("p", { class: "small" }, "Mörk stapel: län vars plan har koden; ljus: län med plan det året. Välj en stapel för året. ",
        el("a", { href: "/api/v1/stats/trend" + qs({ dimension: dim, code, audience, format: "csv" }), download: "plankoll-trend-" + code + ".csv" }, "Ladda ner CSV")));
    chartBox.append(await codeDetail(dim, code, st, current));
  }

  // codeDetail lists the plans of the selected year that have the code,
  // with the passages behind the count: the evidence behind the table.
  async function codeDetail(dim, code, st, current) {
    const box = el("div", {});
    let res;
    try {
      res = await api("/api/v1/stats/codes" + qs({ year: st.year, audience: st.audience, dimension: dim, code, detail: "true" }));
    } catch (e) {
      box.append(errorBox(e, "Beläggen kunde inte hämtas:"));
      return box;
    }
    if (!current()) return box;
    const rows = res.detail || [];
    box.append(el("h3", {}, "Planer med koden, " + yearText(res.year).toLowerCase() + " (" + rows.length + ")"));
    if (!rows.length) {
      box.append(el("p", { class: "muted" }, "Ingen plan det året har koden."));
      return box;
    }
    for (const r of rows) {
      const evs = r.evidence || [];
      box.append(el("details", {},
        el("summary", {}, el("span", { class: "grow" }, r.lan + " " + r.year + (r.audience && r.audience !== "alla" ? ", " + (AUDIENCES[r.audience] || r.audience).toLowerCase() : "")),
          el("span", { class: "badge", title: "Antal belägg" }, r.count)),
        el("ul", { class: "evidence" }, evs.slice(0, 30).map((ev) => el("li", {},
          el("a", { class: "quiet", href: evidenceHref(r.plan_id, ev.page, ev.start, ev.end) },
            el("span", { class: "where" }, "s. " + ev.page + (ev.section ? " · " + (SECTIONS[ev.section] || ev.section) : "")), ev.text))),
        evs.length > 30 ? el("li", { class: "muted small" }, "… och " + (evs.length - 30) + " till") : null)));
    }
    return box;
  }

  // barChart draws an inline SVG bar chart with a table fallback for
  // screen readers.
  function barChart(points, title, onPick, selected) {
    const W = 640, H = 240, padL = 34, padB = 28, padT = 16, padR = 8;
    const max = Math.max(1, ...points.map((p) => p.value), ...points.map((p) => p.of || 0));
    const bw = (W - padL - padR) / points.length;
    const y = (v) => H - padB - (H - padB - padT) * v / max;
    const g = svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart", role: "img", "aria-label": title });
    g.append(svg("title", {}, title));
    // Ticks at a round step (1, 2, 5, 10, …) so that the axis reads easily.
    const raw = max / 4;
    const mag = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
    const stepSize = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) || mag * 10;
    for (let v = 0; v <= max; v += stepSize) {
      g.append(svg("line", { x1: padL, x2: W - padR, y1: y(v), y2: y(v), class: "axis" }));
      g.append(svg("text", { x: padL - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
    }
    points.forEach((p, i) => {
      const x = padL + i * bw + bw * 0.15;
      const w = bw * 0.7;
      if (p.of) g.append(svg("rect", { x, y: y(p.of), width: w, height: Math.max(0, H - padB - y(p.of)), class: "of" }));
      const r = svg("rect", { x, y: y(p.value), width: w, height: Math.max(0, H - padB - y(p.value)), class: "b" + (selected && String(p.year) === String(selected) ? " sel" : "") });
      r.append(svg("title", {}, p.year + ": " + p.value + (p.of ? " av " + p.of : "") + " län"));
      if (onPick) {
        // The whole column picks the year, so that a year with 0 can be chosen.
        const hit = svg("rect", { x: padL + i * bw, y: padT, width: bw, height: H - padB - padT, class: "hit", tabindex: "0", role: "button", "aria-label": "Visa " + p.year });
        hit.addEventListener("click", () => onPick(p.year));
        hit.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onPick(p.year); } });
        g.append(r, hit);
      } else {
        g.append(r);
      }
      g.append(svg("text", { x: x + w / 2, y: y(p.value) - 4, "text-anchor": "middle" }, String(p.value)));
      g.append(svg("text", { x: x + w / 2, y: H - padB + 16, "text-anchor": "middle" }, String(p.year)));
    });
    const table = el("table", {}, el("caption", {}, title),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "År"), el("th", { scope: "col" }, "Län"))),
      el("tbody", {}, points.map((p) => el("tr", {}, el("td", {}, p.year), el("td", {}, p.value)))));
    return el("div", {}, g, el("div", { class: "sr-only" }, table));
  }

  // ---------- Analys ----------

  async function viewAnalyze(_, params, current) {
    const text = params.get("text") || "";
    const ta = el("textarea", { name: "text", rows: "4", maxlength: "10000" });
    ta.value = text || "Suicidpreventiva insatser och anhörigstöd för barn och unga i Jämtlands län.";
    const form = el("form", { "aria-label": "Analysera text", onsubmit: (e) => { e.preventDefault(); go("analys", { text: ta.value }); } },
      field("Text", ta, "Visar hur sökning och kodning ser texten: ord, stoppord, stammar och sammansättningsled."),
      el("p", {}, el("button", { type: "submit" }, "Analysera")));
    const out = el("div", { "aria-live": "polite" });
    render("Analys", el("div", { class: "panel" }, form), out, evalPanel());
    if (!text) return;
    let res;
    try {
      res = await api("/api/v1/analyze" + qs({ text }));
    } catch (e) {
      if (current()) out.replaceChildren(errorBox(e, "Analysen misslyckades:"));
      return;
    }
    if (!current()) return;
    const tbody = el("tbody");
    for (const t of res.tokens || []) {
      tbody.append(el("tr", { class: t.stop ? "tok-stop" : null },
        el("td", {}, t.token),
        el("td", {}, t.lower),
        el("td", {}, t.kind || ""),
        el("td", {}, t.stop ? "stoppord" : ""),
        el("td", {}, el("code", {}, t.stem)),
        el("td", { class: "tok-parts" }, (t.parts || []).join(" + ")),
        el("td", {}, (t.part_stems || []).map((s) => el("code", {}, s)).reduce((acc, n, i) => acc.concat(i ? [" + ", n] : [n]), [])),
        el("td", { class: "num small" }, t.start + "–" + t.end)));
    }
    out.replaceChildren(
      res.version ? el("p", { class: "muted small" }, "Analysversion " + res.version) : null,
      el("div", { class: "table-wrap" }, el("table", {},
        el("caption", { class: "sr-only" }, "Ord i texten"),
        el("thead", {}, el("tr", {}, ["Ord", "Gemener", "Slag", "Stoppord", "Stam", "Sammansättningsled", "Ledens stammar", "Byte"].map((h) => el("th", { scope: "col" }, h)))),
        tbody)));
  }

  // ---------- Kodbok ----------

  async function viewCodebook(_, params, current) {
    const cb = await getCodebook();
    if (!current()) return;
    const filter = el("input", { type: "search", name: "filter", autocomplete: "off", placeholder: "t.ex. anhörig, sip, genus" });
    const sections = [];
    for (const d of cb.dimensions || []) {
      const rows = (d.codes || []).map((c) => el("tr", { "data-text": (c.id + " " + c.label + " " + (c.description || "")).toLowerCase() },
        el("td", {}, el("code", {}, c.id)),
        el("td", {}, c.label, c.description ? el("div", { class: "meta" }, c.description) : null),
        el("td", { class: "num" }, c.rules != null ? c.rules : "–"),
        el("td", { class: "row-actions small" },
          el("a", { href: "#/sok" + qs({ code: d.id + ":" + c.id }) }, "Sök"), " · ",
          el("a", { href: "#/statistik" + qs({ code: c.id, tdim: d.id }) }, "Trend"))));
      const sec = el("section", { class: "panel", "aria-labelledby": "dim-" + d.id },
        el("h2", { id: "dim-" + d.id }, (d.label || d.id) + " ", el("span", { class: "muted small" }, "(" + d.id + ", " + rows.length + " koder)")),
        el("div", { class: "table-wrap" }, el("table", {},
          el("thead", {}, el("tr", {}, ["Id", "Etikett", "Regler", ""].map((h, i) => el("th", { scope: "col", class: i === 2 ? "num" : null }, h || el("span", { class: "sr-only" }, "Länkar"))))),
          el("tbody", {}, rows))));
      sections.push(sec);
    }
    filter.addEventListener("input", () => {
      const q = filter.value.trim().toLowerCase();
      for (const sec of sections) {
        let shown = 0;
        for (const tr of sec.querySelectorAll("tbody tr")) {
          tr.hidden = q !== "" && !tr.dataset.text.includes(q);
          if (!tr.hidden) shown++;
        }
        sec.hidden = shown === 0;
      }
    });
    render("Kodbok",
      el("div", { class: "panel" },
        el("p", { style: "margin-top:0" }, "Koderna som planerna kodas mot, version ", el("code", {}, cb.version || "–"), ". ",
          el("a", { href: "/api/v1/codebook?format=yaml" }, "Kodboken som YAML"), " · ",
          el("a", { href: "/api/v1/export/qdc", download: true }, "REFI-QDA-kodbok (.qdc)")),
        el("div", { class: "form-grid" }, field("Filtrera", filter, null, "wide"))),
      sections);
  }

  // evalPanel scores the coder on a hand-labelled gold file (JSON Lines).
  function evalPanel() {
    const file = el("input", { type: "file", name: "file", required: true, accept: ".jsonl,.json,.ndjson,application/x-ndjson,application/json" });
    const submit = el("button", { type: "submit" }, "Utvärdera");
    const out = el("div", { "aria-live": "polite" });
    const form = el("form", { class: "form-grid", "aria-label": "Utvärdera kodningen" },
      field("Guldfil (JSON Lines, en handkodad passage per rad)", file, "Formatet i analyzer/testdata/gold. Kodaren kodar varje passage och jämförs med handkodningen.", "wide"),
      el("div", { class: "wide actions" }, submit));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!file.files[0]) return;
      const fd = new FormData();
      fd.append("file", file.files[0]);
      submit.disabled = true;
      out.replaceChildren(el("p", { class: "muted" }, "Kodar passagerna …"));
      try {
        const res = await api("/api/v1/eval", { method: "POST", body: fd, headers: Object.assign({ Accept: "application/json" }, authHeaders()) });
        out.replaceChildren(evalReport(res));
      } catch (e) {
        out.replaceChildren(errorBox(e, "Utvärderingen misslyckades:"));
      } finally {
        submit.disabled = false;
      }
    });
    return el("section", { class: "panel", "aria-labelledby": "eval-h" }, el("h2", { id: "eval-h" }, "Utvärdera kodningen mot handkodning"), form, out);
  }

  function evalReport(r) {
    const f = (x) => (typeof x === "number" ? x.toLocaleString("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : "–");
    const scoreCells = (x) => (x.tp + x.fp + x.fn === 0
      ? [el("td", { class: "num muted", colspan: "4" }, "inga positiva beslut"), el("td", { class: "num" }, 0), el("td", { class: "num" }, 0), el("td", { class: "num" }, 0)]
      : [el("td", { class: "num" }, f(x.precision)), el("td", { class: "num" }, f(x.recall)), el("td", { class: "num" }, el("b", {}, f(x.f1))),
      el("td", { class: "num" }, f(x.kappa)), el("td", { class: "num" }, x.tp), el("td", { class: "num" }, x.fp), el("td", { class: "num" }, x.fn)]);
    const head = el("thead", {}, el("tr", {}, ["Dimension / kod", "Precision", "Recall", "F1", "κ", "TP", "FP", "FN"].map((h, i) => el("th", { scope: "col", class: i ? "num" : null }, h))));
    const body = el("tbody");
    for (const d of r.dimensions || []) {
      body.append(el("tr", { class: "total" }, el("th", { scope: "row" }, DIMENSIONS[d.dimension] ? DIMENSIONS[d.dimension] + " (" + d.dimension + ")" : d.dimension), scoreCells(d)));
      for (const c of d.codes || []) {
        if (c.tp + c.fp + c.fn === 0) continue; // a code no passage has, by hand or by coder
        body.append(el("tr", {}, el("td", { style: "padding-left:1.5rem" }, c.code), scoreCells(c)));
      }
    }
    const dis = r.disagreements || [];
    return el("div", {},
      el("p", {}, plural(r.passages || 0, "passage", "passager") + " kodade."),
      el("div", { class: "table-wrap" }, el("table", {}, el("caption", { class: "sr-only" }, "Överensstämmelse per dimension och kod"), head, body)),
      dis.length ? el("details", {}, el("summary", {}, el("span", { class: "grow" }, "Passager där kodaren och handkodningen skiljer sig"), el("span", { class: "badge" }, dis.length)),
        el("ul", { class: "evidence" }, dis.slice(0, 200).map((d) => el("li", {},
          el("span", { class: "where" }, d.id + " · " + d.dimension),
          "hand: " + ((d.gold || []).join(", ") || "–") + "; kodare: " + ((d.got || []).join(", ") || "–"),
          el("div", { class: "muted small" }, d.text))))) : null);
  }

  window.addEventListener("hashchange", route);
  route();
})();
