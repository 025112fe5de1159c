// Kaidan's web page: plain JavaScript, no build step, nothing fetched but this service's own /api.
//
// Safety rule of this file: text that comes from documents or the API (titles, evidence, names, values)
// is only ever inserted as text (textContent, text nodes, setAttribute). Nothing here assigns HTML
// (no innerHTML, outerHTML, insertAdjacentHTML or document.write), and links are made only to this
// site's own paths or to http(s) URLs (safeHref).
"use strict";

(() => {
  // ---------------------------------------------------------------- labels, in English and Japanese
  const I18N = {
    en: {
      "nav.timeline": "Timeline", "nav.documents": "Documents", "nav.ledger": "Ledger", "nav.search": "Search",
      "nav.ingest": "Add documents", "lang.other": "日本語",
      "timeline.title": "Timeline of events", "timeline.empty": "No events yet: add documents first.",
      "timeline.documents": "documents", "timeline.list": "All events",
      "event.programme": "Programme", "event.signed": "Documents signed", "event.agreements": "Agreed by both sides",
      "event.commitments": "Commitments", "event.statements": "Statements", "event.quantities": "Figures",
      "event.conflicts": "Where the sources disagree", "event.sources": "Sources", "event.none": "None found.",
      "event.no_start": "Time not reported", "event.support": "sources", "event.main": "main report",
      "event.secondary": "also reports it", "event.value": "Value", "event.local_time": "local time",
      "col.actor": "Who", "col.topic": "Topic", "col.text": "What", "col.amount": "Amount", "col.deadline": "Deadline",
      "col.due": "Due", "col.status": "Status", "col.events": "Events", "col.cited": "Cited in",
      "col.date": "Date", "col.countries": "Countries", "col.kind": "Kind", "col.title": "Document",
      "col.lang": "Language", "col.facts": "Facts", "col.added": "Added",
      "doc.facts": "Facts in this document", "doc.events": "Events", "doc.source": "Source",
      "doc.highlight": "Cited sentence", "doc.no_facts": "No facts extracted.",
      "documents.title": "Documents", "documents.total": "documents stored", "documents.prev": "Newer",
      "documents.next": "Older",
      "ledger.title": "Commitment ledger", "ledger.chart": "Deadlines and status",
      "ledger.today": "today", "ledger.no_due": "without a deadline", "ledger.filter": "Filter",
      "ledger.any": "any", "ledger.empty": "No commitments match.",
      "status.open": "open", "status.due soon": "due soon", "status.overdue": "overdue",
      "status.reported done": "reported done",
      "search.title": "Search", "search.placeholder": "e.g. 防衛費, 会談, investment",
      "search.button": "Search", "search.all": "documents and facts", "search.documents": "documents only",
      "search.facts": "facts only", "search.none": "Nothing found.", "search.results": "results",
      "kind.document": "document",
      "ingest.title": "Add documents", "ingest.file": "Upload a file (text, HTML or PDF)",
      "ingest.url": "Fetch a URL (http or https)", "ingest.submit_file": "Upload", "ingest.submit_url": "Fetch",
      "ingest.token": "Token", "ingest.token_help": "This service needs its token for changes.",
      "ingest.stored": "Stored", "ingest.unchanged": "Already stored", "ingest.busy": "Working…",
      "ingest.failed": "Not ingested:",
      "ingest.latest": "Latest documents", "ingest.open": "Open the document",
      "error": "Error", "loading": "Loading…", "not_found": "Page not found.",
      "fact.meetings": "meeting", "fact.signed_documents": "signed document", "fact.agreements": "agreement",
      "fact.commitments": "commitment", "fact.statements": "statement", "fact.quantities": "figure",
    },
    ja: {
      "nav.timeline": "年表", "nav.documents": "文書", "nav.ledger": "約束台帳", "nav.search": "検索",
      "nav.ingest": "文書の追加", "lang.other": "English",
      "timeline.title": "会談の年表", "timeline.empty": "会談はまだありません。先に文書を追加してください。",
      "timeline.documents": "件の文書", "timeline.list": "すべての会談",
      "event.programme": "日程", "event.signed": "署名された文書", "event.agreements": "双方の合意",
      "event.commitments": "約束", "event.statements": "発言", "event.quantities": "数値",
      "event.conflicts": "情報源の食い違い", "event.sources": "情報源", "event.none": "見つかりませんでした。",
      "event.no_start": "時刻の記載なし", "event.support": "件の情報源", "event.main": "主な報告",
      "event.secondary": "言及あり", "event.value": "値", "event.local_time": "現地時間",
      "col.actor": "主体", "col.topic": "分野", "col.text": "内容", "col.amount": "金額", "col.deadline": "期限",
      "col.due": "期日", "col.status": "状況", "col.events": "会談", "col.cited": "出典",
      "col.date": "日付", "col.countries": "国", "col.kind": "種類", "col.title": "文書",
      "col.lang": "言語", "col.facts": "事実", "col.added": "追加日時",
      "doc.facts": "この文書の事実", "doc.events": "会談", "doc.source": "出典",
      "doc.highlight": "引用箇所", "doc.no_facts": "抽出された事実はありません。",
      "documents.title": "文書", "documents.total": "件の文書", "documents.prev": "新しい方へ",
      "documents.next": "古い方へ",
      "ledger.title": "約束台帳", "ledger.chart": "期限と状況", "ledger.today": "今日",
      "ledger.no_due": "期限なし", "ledger.filter": "絞り込み", "ledger.any": "すべて",
      "ledger.empty": "該当する約束はありません。",
      "status.open": "未了", "status.due soon": "期限間近", "status.overdue": "期限超過",
      "status.reported done": "達成報告あり",
      "search.title": "検索", "search.placeholder": "例：防衛費、会談、investment", "search.button": "検索",
      "search.all": "文書と事実", "search.documents": "文書のみ", "search.facts": "事実のみ",
      "search.none": "見つかりませんでした。", "search.results": "件",
      "kind.document": "文書",
      "ingest.title": "文書の追加", "ingest.file": "ファイルをアップロード（テキスト、HTML、PDF）",
      "ingest.url": "URLから取得（http・https）", "ingest.submit_file": "アップロード", "ingest.submit_url": "取得",
      "ingest.token": "トークン", "ingest.token_help": "変更にはこのサービスのトークンが必要です。",
      "ingest.stored": "保存しました", "ingest.unchanged": "保存済みです", "ingest.busy": "処理中…",
      "ingest.failed": "取り込めませんでした：",
      "ingest.latest": "最近の文書", "ingest.open": "文書を開く",
      "error": "エラー", "loading": "読み込み中…", "not_found": "ページが見つかりません。",
      "fact.meetings": "会談", "fact.signed_documents": "署名文書", "fact.agreements": "合意",
      "fact.commitments": "約束", "fact.statements": "発言", "fact.quantities": "数値",
    },
  };
  const TOPICS_JA = {
    security: "安全保障", defense_spending: "防衛費", nuclear_deterrence: "核抑止", bases_okinawa: "基地・沖縄",
    economy: "経済", trade_tariffs: "貿易・関税", investment: "投資", energy: "エネルギー",
    critical_minerals: "重要鉱物", technology: "技術", shipbuilding: "造船", space: "宇宙", cyber: "サイバー",
    regional_partners: "地域の連携", china: "中国", taiwan: "台湾", north_korea: "北朝鮮", abductions: "拉致問題",
    russia_ukraine: "ロシア・ウクライナ", middle_east: "中東", exchange: "交流", other: "その他",
  };
  const KINDS_JA = {
    summit: "首脳会談", telephone: "電話会談", video: "テレビ会談", visit: "訪問", working_lunch: "ワーキング・ランチ",
    dinner: "夕食会", signing_ceremony: "署名式", press_conference: "記者会見", small_group: "少人数会合",
    courtesy_call: "表敬", other: "その他",
  };

  function pickLang() {
    const saved = sessionStorage.getItem("kaidan.lang");
    if (saved === "ja" || saved === "en") return saved;
    const asked = (navigator.languages && navigator.languages.length) ? navigator.languages
      : [navigator.language || document.documentElement.lang || "en"];
    for (const l of asked) {
      const base = String(l).slice(0, 2).toLowerCase();
      if (base === "ja" || base === "en") return base;
    }
    return document.documentElement.lang === "ja" ? "ja" : "en";
  }
  let lang = pickLang();
  const t = (key) => (I18N[lang][key] ?? I18N.en[key] ?? key);
  const topicLabel = (x) => (lang === "ja" && TOPICS_JA[x]) || String(x).replace(/_/g, " ");
  const kindLabel = (x) => (x == null ? "" : (lang === "ja" && KINDS_JA[x]) || String(x).replace(/_/g, " "));
  const statusLabel = (x) => t("status." + x);

  // ---------------------------------------------------------------- DOM helpers (text only)
  function safeHref(value) {
    const s = String(value);
    if (s.startsWith("/") && !s.startsWith("//")) return s;
    try {
      const u = new URL(s);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (e) { /* not a URL */ }
    return "#";
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  function setAttrs(el, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.setAttribute("class", v);
      else if (k === "text") el.textContent = String(v);
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "href") el.setAttribute("href", safeHref(v));
      else el.setAttribute(k, String(v));
    }
  }

  const SVG = "http://www.w3.org/2000/svg";
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG, tag);
    setAttrs(el, attrs);
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // Offsets from the API count Unicode code points (Python); JavaScript strings count UTF-16 units.
  function cpSlice(chars, start, end) { return chars.slice(start, end).join(""); }

  function fmtNumber(v) {
    const n = Number(v);
    if (!Number.isFinite(n)) return String(v);
    if (Math.abs(n) >= 1e5) {
      return new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { notation: "compact", maximumFractionDigits: 2 })
        .format(n);
    }
    return new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US").format(n);
  }
  function fmtAmount(a) {
    if (!a || typeof a !== "object") return "";
    const unit = { percent_gdp: "% GDP", percent: "%" }[a.unit] ?? (" " + a.unit);
    return (a.qualifier ? "~" : "") + fmtNumber(a.value) + unit;
  }

  // ---------------------------------------------------------------- API
  class ApiError extends Error {
    constructor(body, status) {
      const e = (body && body.error) || { message: String(status), status, code: "" };
      super(e.message);
      this.code = e.code; this.status = e.status;
    }
  }
  async function api(path, options) {
    const r = await fetch(path, options);
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) throw new ApiError(body, r.status);
    return body;
  }
  const enc = encodeURIComponent;

  // ---------------------------------------------------------------- links to cited sentences
  function docHref(cite) {
    const q = Array.isArray(cite.offsets) && cite.offsets.length === 2
      ? `?start=${enc(cite.offsets[0])}&end=${enc(cite.offsets[1])}` : "";
    return `/documents/${enc(cite.doc_id)}${q}`;
  }
  function factLink(text, fact, cls) {
    const cites = (fact && fact.citations) || [];
    const first = cites[0] || (fact && fact.doc_id ? fact : null);
    const label = text === null || text === undefined || text === "" ? "—" : String(text);
    if (!first) return h("span", { class: cls || "fact-text" }, label);
    return h("a", { class: (cls || "fact-text") + " fact-link", href: docHref(first), "data-nav": "",
      title: first.evidence || "" }, label);
  }
  function citeLinks(fact) {
    const cites = (fact && fact.citations) || [];
    return h("span", { class: "cites" }, cites.map((c, i) => h("a", {
      class: "cite", href: docHref(c), "data-nav": "", title: `${c.doc || c.doc_id}: ${c.evidence || ""}`,
    }, `[${i + 1}]`)));
  }
  function support(fact) {
    return fact && fact.support > 1 ? h("span", { class: "support", title: t("event.support") },
      `×${fact.support}`) : null;
  }

  // ---------------------------------------------------------------- views
  const view = () => document.getElementById("view");
  function show(...nodes) {
    const v = view();
    v.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  }
  function section(id, title, ...content) {
    return h("section", { id, class: "block" }, h("h2", {}, title), ...content);
  }
  const none = () => h("p", { class: "none" }, t("event.none"));

  async function timelineView() {
    document.title = `${t("timeline.title")} · Kaidan`;
    const events = await api("/api/events");
    if (!events.length) return show(h("h1", {}, t("timeline.title")), h("p", { class: "none" }, t("timeline.empty")));
    return show(h("h1", {}, t("timeline.title")), timelineChart(events),
      section("event-list", t("timeline.list"), eventTable(events)));
  }

  function dayNumber(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }

  // Ticks for a date axis between two day numbers: years, or months when the span is under three years.
  function dateTicks(lo, hi) {
    const y0 = new Date(lo * 86400000).getUTCFullYear(), y1 = new Date(hi * 86400000).getUTCFullYear();
    const out = [];
    if (hi - lo > 3 * 365) {
      const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
      for (let y = y0; y <= y1 + 1; y += step) out.push([dayNumber(`${y}-01-01`), String(y)]);
    } else {
      const months = (y1 - y0 + 1) * 12, step = months > 24 ? 3 : months > 12 ? 2 : 1;
      for (let y = y0; y <= y1; y++) {
        for (let m = 1; m <= 12; m += step) {
          out.push([dayNumber(`${y}-${String(m).padStart(2, "0")}-01`), m === 1 ? String(y) : `${y}-${String(m).padStart(2, "0")}`]);
        }
      }
    }
    return out.filter(([d]) => d >= lo && d <= hi);
  }

  function timelineChart(events) {
    const lanes = [...new Set(events.map((e) => e.countries))].sort();
    const W = 1000, left = 90, right = 20, top = 30, laneH = 34;
    const H = top + lanes.length * laneH + 30;
    let lo = Math.min(...events.map((e) => dayNumber(e.date_start)));
    let hi = Math.max(...events.map((e) => dayNumber(e.date_end)));
    if (hi - lo < 60) { lo -= 30; hi += 30; }
    const pad = (hi - lo) * 0.03; lo -= pad; hi += pad;
    const x = (d) => left + (W - left - right) * (d - lo) / (hi - lo);
    const svg = s("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("timeline.title") });
    for (const [d, label] of dateTicks(lo, hi)) {
      svg.append(s("line", { x1: x(d), x2: x(d), y1: top - 10, y2: H - 24, class: "grid" }),
        s("text", { x: x(d), y: H - 8, class: "tick", "text-anchor": "middle" }, label));
    }
    lanes.forEach((lane, i) => {
      const y = top + i * laneH + laneH / 2;
      svg.append(s("line", { x1: left, x2: W - right, y1: y, y2: y, class: "lane" }),
        s("text", { x: left - 8, y: y + 4, class: "lane-label", "text-anchor": "end" }, lane));
    });
    for (const e of events) {
      const y = top + lanes.indexOf(e.countries) * laneH + laneH / 2;
      const x1 = x(dayNumber(e.date_start)), x2 = x(dayNumber(e.date_end));
      const a = s("a", { href: `/events/${enc(e.id)}`, "data-nav": "", class: "event-mark", "data-event": e.id });
      a.append(s("title", {}, `${e.id} · ${kindLabel(e.kind)} · ${e.documents} ${t("timeline.documents")}`));
      if (x2 - x1 > 4) a.append(s("rect", { x: x1, y: y - 6, width: x2 - x1, height: 12, rx: 6, class: `kind-${e.kind}` }));
      a.append(s("circle", { cx: x1, cy: y, r: 4 + Math.min(6, e.documents || 1), class: `kind-${e.kind}` }));
      svg.append(a);
    }
    return h("figure", { class: "chart" }, svg);
  }

  function eventTable(events) {
    return h("table", { class: "list" },
      h("thead", {}, h("tr", {}, h("th", {}, t("col.date")), h("th", {}, t("col.countries")),
        h("th", {}, t("col.kind")), h("th", {}, t("nav.documents")))),
      h("tbody", {}, [...events].reverse().map((e) => h("tr", {},
        h("td", {}, h("a", { href: `/events/${enc(e.id)}`, "data-nav": "", class: "event-link" },
          e.date_start + (e.date_end !== e.date_start ? ` – ${e.date_end}` : ""))),
        h("td", {}, e.countries), h("td", {}, kindLabel(e.kind)), h("td", { class: "num" }, e.documents)))));
  }

  async function eventView(id) {
    const ev = await api(`/api/events/${enc(id)}`);
    document.title = `${ev.id} · Kaidan`;
    return show(
      h("h1", {}, `${ev.countries} ${kindLabel(ev.kind)}`, h("small", {}, ` ${ev.date_start}` +
        (ev.date_end !== ev.date_start ? ` – ${ev.date_end}` : ""))),
      section("programme", t("event.programme"), programmeChart(ev.programme || [])),
      section("signed", t("event.signed"), listOrNone(ev.signed_documents, (d) =>
        h("li", { class: "fact signed" }, factLink(d.title, d), " ", d.date ? h("span", { class: "muted" }, d.date) : null,
          support(d), citeLinks(d)))),
      section("agreements", t("event.agreements"), groupedAgreements(ev.agreements || [])),
      section("commitments", t("event.commitments"), commitmentTable(ev.commitments || [])),
      section("statements", t("event.statements"), statementsBySpeaker(ev.statements || [])),
      section("quantities", t("event.quantities"), listOrNone(ev.quantities, (q) =>
        h("li", { class: "fact quantity" }, factLink(q.text, q), " = ", fmtAmount(q), support(q), citeLinks(q)))),
      section("conflicts", t("event.conflicts"), conflictsView(ev.conflicts || [])),
      section("sources", t("event.sources"), listOrNone(ev.sources, (src) =>
        h("li", { class: "source" }, h("a", { href: `/documents/${enc(src.doc_id)}`, "data-nav": "" }, src.doc || src.doc_id),
          " ", h("span", { class: "muted" }, `${src.lang || ""} · ${src.main ? t("event.main") : t("event.secondary")}`)))),
    );
  }

  function listOrNone(items, render) {
    return items && items.length ? h("ul", { class: "facts" }, items.map(render)) : none();
  }

  function minutes(hhmm) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm || "");
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  }
  function hhmm(mins) {
    const m = ((Math.round(mins) % 1440) + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  }

  function programmeChart(segments) {
    if (!segments.length) return none();
    const timed = segments.filter((g) => minutes(g.start) !== null);
    const untimed = segments.filter((g) => minutes(g.start) === null);
    const out = [];
    if (timed.length) {
      const days = [...new Set(timed.map((g) => g.date || ""))].sort();
      const startOf = (g) => days.indexOf(g.date || "") * 1440 + minutes(g.start);
      const lengthOf = (g) => (Number(g.duration_minutes) > 0 ? Number(g.duration_minutes) : 10);
      let lo = Math.min(...timed.map(startOf)), hi = Math.max(...timed.map((g) => startOf(g) + lengthOf(g)));
      lo = Math.floor(lo / 30) * 30; hi = Math.max(lo + 60, Math.ceil(hi / 30) * 30);
      const W = 1000, left = 250, right = 20, top = 24, rowH = 30, H = top + timed.length * rowH + 28;
      const x = (m) => left + (W - left - right) * (m - lo) / (hi - lo);
      const svg = s("svg", { class: "programme", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("event.programme") });
      const tickStep = (hi - lo) > 360 ? 120 : (hi - lo) > 120 ? 60 : 30;
      for (let m = lo; m <= hi; m += tickStep) {
        svg.append(s("line", { x1: x(m), x2: x(m), y1: top - 6, y2: H - 22, class: "grid" }),
          s("text", { x: x(m), y: H - 6, "text-anchor": "middle", class: "tick" }, hhmm(m)));
      }
      timed.sort((a, b) => startOf(a) - startOf(b)).forEach((g, i) => {
        const y = top + i * rowH;
        const a = s("a", { href: g.citations && g.citations[0] ? docHref(g.citations[0]) : "#", "data-nav": "",
          class: "segment" });
        const end = startOf(g) + lengthOf(g);
        a.append(s("title", {}, `${kindLabel(g.kind)} ${g.start}${g.duration_minutes ? "–" + hhmm(end % 1440) : ""}` +
          `${g.place ? " · " + g.place : ""}${g.participants && g.participants.length ? " · " + g.participants.join(", ") : ""}`));
        a.append(s("text", { x: left - 8, y: y + rowH / 2 + 4, "text-anchor": "end", class: "seg-label" },
          `${kindLabel(g.kind)}${g.place ? " · " + g.place : ""}`));
        a.append(s("rect", { x: x(startOf(g)), y: y + 5, width: Math.max(3, x(end) - x(startOf(g))), height: rowH - 10,
          rx: 3, class: `bar kind-${g.kind}${g.duration_minutes ? "" : " unknown-length"}` }));
        a.append(s("text", { x: x(end) + 4, y: y + rowH / 2 + 4, class: "seg-time" },
          `${g.start}${g.duration_minutes ? ` (${g.duration_minutes}′)` : ""}`));
        svg.append(a);
      });
      out.push(h("figure", { class: "chart" }, svg, h("figcaption", { class: "muted" },
        `${days.filter(Boolean).join(", ")} · ${t("event.local_time")}`)));
    }
    if (untimed.length) {
      out.push(h("p", { class: "muted" }, t("event.no_start")), h("ul", { class: "facts" }, untimed.map((g) =>
        h("li", { class: "fact segment-untimed" }, factLink(`${kindLabel(g.kind)} ${g.date || ""}`, g), " ",
          g.place || "", " ", (g.participants || []).join(", "), citeLinks(g)))));
    }
    return out;
  }

  function groupedAgreements(agreements) {
    if (!agreements.length) return none();
    const groups = new Map();
    for (const a of agreements) {
      const topic = (a.topics && a.topics[0]) || "other";
      if (!groups.has(topic)) groups.set(topic, []);
      groups.get(topic).push(a);
    }
    return [...groups.entries()].map(([topic, items]) => h("div", { class: "group" },
      h("h3", {}, topicLabel(topic)),
      h("ul", { class: "facts" }, items.map((a) => h("li", { class: "fact agreement" },
        a.verb ? h("span", { class: "badge" }, a.verb) : null, " ", factLink(a.text, a), support(a), citeLinks(a))))));
  }

  function commitmentTable(items) {
    if (!items.length) return none();
    return h("table", { class: "list commitments" },
      h("thead", {}, h("tr", {}, h("th", {}, t("col.actor")), h("th", {}, t("col.text")),
        h("th", {}, t("col.amount")), h("th", {}, t("col.deadline")), h("th", {}, t("col.cited")))),
      h("tbody", {}, items.map((c) => h("tr", { class: "fact commitment" },
        h("td", {}, c.actor || "—"), h("td", {}, factLink(c.text, c, "fact-text commitment-link"),
          h("div", { class: "topics" }, (c.topics || []).map((x) => h("span", { class: "topic" }, topicLabel(x))))),
        h("td", { class: "num", title: c.amount ? String(c.amount.value) + " " + c.amount.unit : "" }, fmtAmount(c.amount)),
        h("td", {}, c.deadline || "—"), h("td", {}, support(c), citeLinks(c))))));
  }

  function statementsBySpeaker(items) {
    if (!items.length) return none();
    const groups = new Map();
    for (const st of items) {
      const who = st.speaker || "—";
      if (!groups.has(who)) groups.set(who, []);
      groups.get(who).push(st);
    }
    return [...groups.entries()].map(([who, sts]) => h("div", { class: "group" }, h("h3", {}, who),
      h("ul", { class: "facts" }, sts.map((st) => h("li", { class: `fact statement mode-${st.mode}` },
        st.mode === "direct" ? "「" : "", factLink(st.text, st), st.mode === "direct" ? "」" : "",
        support(st), citeLinks(st))))));
  }

  function conflictsView(conflicts) {
    if (!conflicts.length) return none();
    return conflicts.map((c) => h("div", { class: "conflict" },
      h("h3", {}, c.field, h("span", { class: "muted" }, c.about ? ` — ${c.about}` : "")),
      h("div", { class: "sides" }, (c.values || []).map((v) => h("div", { class: "side" },
        h("div", { class: "value" }, typeof v.value === "object" && v.value !== null ? JSON.stringify(v.value) : String(v.value)),
        h("ul", { class: "side-cites" }, (v.citations || []).map((ci) => h("li", {},
          h("a", { href: docHref(ci), "data-nav": "", class: "cite-doc" }, ci.doc || ci.doc_id),
          ci.evidence ? h("q", {}, ci.evidence) : null))))))));
  }

  async function documentView(id, params) {
    const doc = await api(`/api/documents/${enc(id)}`);
    const firstLine = doc.text.split("\n").find((l) => (l.match(/[\p{L}\p{N}]/gu) || []).length >= 2) || "";
    const heading = doc.title || firstLine.trim().slice(0, 120) || doc.source;
    document.title = `${heading} · Kaidan`;
    const chars = Array.from(doc.text);
    const start = Number.parseInt(params.get("start"), 10), end = Number.parseInt(params.get("end"), 10);
    const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= chars.length;
    const pre = h("pre", { class: "doc-text", lang: doc.lang === "en" ? "en" : "ja" });
    let mark = null;
    if (ok) {
      mark = h("mark", { id: "cited" }, cpSlice(chars, start, end));
      pre.append(cpSlice(chars, 0, start), mark, cpSlice(chars, end, chars.length));
    } else {
      pre.append(doc.text);
    }
    const source = /^https?:\/\//i.test(doc.source) ? h("a", { href: doc.source, rel: "noopener noreferrer nofollow" },
      doc.source) : doc.source;
    const facts = doc.citations || [];
    show(
      h("h1", {}, heading),
      h("dl", { class: "meta" }, h("dt", {}, t("doc.source")), h("dd", {}, source),
        h("dt", {}, t("col.lang")), h("dd", {}, doc.lang),
        h("dt", {}, t("doc.events")), h("dd", {}, doc.events.length ? doc.events.map((e) =>
          h("a", { href: `/events/${enc(e.id)}`, "data-nav": "", class: "event-link" }, e.id)) : "—")),
      ok ? h("p", { class: "cited-note" }, h("span", { class: "muted" }, t("doc.highlight") + ": "),
        h("span", { class: "cited-copy" }, cpSlice(chars, start, end))) : null,
      h("div", { class: "doc-layout" }, pre, h("aside", { class: "doc-facts" }, h("h2", {}, t("doc.facts")),
        facts.length ? h("ol", {}, facts.map((f) => h("li", { class: "doc-fact" },
          h("span", { class: "badge" }, t("fact." + f.type)), " ",
          h("a", { href: docHref({ doc_id: doc.id, offsets: f.offsets }), "data-nav": "" }, f.text || f.evidence || "—"))))
          : h("p", { class: "none" }, t("doc.no_facts")))),
    );
    if (mark) mark.scrollIntoView({ block: "center", behavior: "instant" });
  }

  async function documentsView(params) {
    document.title = `${t("documents.title")} · Kaidan`;
    const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
    const page = await api(`/api/documents?limit=50&offset=${offset}`);
    show(h("h1", {}, t("documents.title")), h("p", { class: "muted" }, `${page.total} ${t("documents.total")}`),
      documentTable(page.items),
      h("p", { class: "pager" },
        offset > 0 ? h("a", { href: `/documents?offset=${Math.max(0, offset - 50)}`, "data-nav": "" }, t("documents.prev")) : null,
        " ", offset + 50 < page.total ? h("a", { href: `/documents?offset=${offset + 50}`, "data-nav": "" }, t("documents.next")) : null));
  }

  function documentTable(items) {
    return h("table", { class: "list documents" },
      h("thead", {}, h("tr", {}, h("th", {}, t("col.title")), h("th", {}, t("col.lang")),
        h("th", {}, t("col.facts")), h("th", {}, t("col.events")), h("th", {}, t("col.added")))),
      h("tbody", {}, items.map((d) => h("tr", { class: "document-row" },
        h("td", {}, h("a", { href: `/documents/${enc(d.id)}`, "data-nav": "", class: "doc-link" }, d.title || d.heading || d.source),
          h("div", { class: "muted small" }, d.source)),
        h("td", {}, d.lang),
        h("td", { class: "num" }, d.facts ? Object.values(d.facts).reduce((a, b) => a + b, 0) : "—"),
        h("td", {}, d.events.map((e) => h("a", { href: `/events/${enc(e)}`, "data-nav": "", class: "event-link" }, e))),
        h("td", { class: "muted small" }, d.added_at)))));
  }

  async function ledgerView(params) {
    document.title = `${t("ledger.title")} · Kaidan`;
    const q = new URLSearchParams();
    for (const k of ["actor", "topic", "status", "due_before"]) if (params.get(k)) q.set(k, params.get(k));
    const threads = await api(`/api/ledger?${q}`);
    const form = h("form", { class: "filters", onsubmit: (e) => {
      e.preventDefault();
      const next = new URLSearchParams();
      for (const [k, v] of new FormData(e.target)) if (v) next.set(k, v);
      navigate(`/ledger?${next}`);
    } },
    h("label", {}, t("col.actor"), h("input", { name: "actor", value: params.get("actor") || "" })),
    h("label", {}, t("col.topic"), h("input", { name: "topic", value: params.get("topic") || "" })),
    h("label", {}, t("col.status"), statusSelect(params.get("status"))),
    h("label", {}, t("col.due") + " ≤", h("input", { name: "due_before", type: "date", value: params.get("due_before") || "" })),
    h("button", { type: "submit" }, t("ledger.filter")));
    show(h("h1", {}, t("ledger.title")), form,
      threads.length ? [section("ledger-chart", t("ledger.chart"), ledgerChart(threads)), ledgerTable(threads)]
        : h("p", { class: "none" }, t("ledger.empty")));
  }

  function statusSelect(current) {
    const sel = h("select", { name: "status" }, h("option", { value: "" }, t("ledger.any")));
    for (const st of ["open", "due soon", "overdue", "reported done"]) {
      sel.append(h("option", { value: st, selected: st === current ? "" : null }, statusLabel(st)));
    }
    return sel;
  }

  function ledgerChart(threads) {
    const today = dayNumber(new Date().toISOString().slice(0, 10));
    const rows = threads.filter((th) => th.due);
    const undated = threads.length - rows.length;
    const W = 1000, left = 70, right = 20, top = 24, rowH = 22;
    const H = top + Math.max(1, rows.length) * rowH + 40;
    const days = rows.flatMap((th) => [dayNumber(th.due), ...th.entries.map((e) => dayNumber(e.event_date))]).concat([today]);
    let lo = Math.min(...days), hi = Math.max(...days);
    const pad = Math.max(30, (hi - lo) * 0.04); lo -= pad; hi += pad;
    const x = (d) => left + (W - left - right) * (d - lo) / (hi - lo);
    const svg = s("svg", { class: "ledger-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("ledger.chart") });
    for (const [d, label] of dateTicks(lo, hi)) {
      svg.append(s("line", { x1: x(d), x2: x(d), y1: top - 8, y2: H - 30, class: "grid" }),
        s("text", { x: x(d), y: H - 16, "text-anchor": "middle", class: "tick" }, label));
    }
    svg.append(s("line", { x1: x(today), x2: x(today), y1: top - 12, y2: H - 30, class: "today" }),
      s("text", { x: x(today), y: top - 12 + 0, "text-anchor": "middle", class: "tick today-label" }, t("ledger.today")));
    rows.forEach((th, i) => {
      const y = top + i * rowH + rowH / 2;
      const from = Math.min(...th.entries.map((e) => dayNumber(e.event_date)));
      const a = s("a", { href: th.entries[0] && th.entries[0].citations[0] ? docHref(th.entries[0].citations[0]) : "#",
        "data-nav": "", class: `thread status-${th.status.replace(" ", "-")}` });
      a.append(s("title", {}, `${th.id} · ${statusLabel(th.status)} · ${th.due} · ${th.actor || ""}: ${th.text || ""}`));
      a.append(s("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "row-label" }, th.id));
      a.append(s("line", { x1: x(from), x2: x(dayNumber(th.due)), y1: y, y2: y, class: "span" }));
      a.append(s("circle", { cx: x(from), cy: y, r: 3, class: "made" }));
      a.append(s("circle", { cx: x(dayNumber(th.due)), cy: y, r: 5, class: "due" }));
      svg.append(a);
    });
    const legend = h("p", { class: "legend" }, ["open", "due soon", "overdue", "reported done"].map((st) =>
      h("span", { class: `key status-${st.replace(" ", "-")}` }, statusLabel(st))),
    undated ? h("span", { class: "muted" }, ` · ${undated} ${t("ledger.no_due")}`) : null);
    return h("figure", { class: "chart" }, svg, legend);
  }

  function ledgerTable(threads) {
    return h("table", { class: "list ledger" },
      h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, t("col.status")), h("th", {}, t("col.due")),
        h("th", {}, t("col.actor")), h("th", {}, t("col.text")), h("th", {}, t("col.amount")), h("th", {}, t("col.events")))),
      h("tbody", {}, threads.map((th) => h("tr", { class: "thread-row" },
        h("td", {}, th.id),
        h("td", {}, h("span", { class: `status status-${th.status.replace(" ", "-")}` }, statusLabel(th.status))),
        h("td", {}, th.due || "—"), h("td", {}, th.actor || "—"),
        h("td", {}, th.entries.map((e) => h("div", { class: "entry" }, factLink(e.text, e), citeLinks(e)))),
        h("td", { class: "num" }, fmtAmount(th.amount)),
        h("td", {}, th.events.map((e) => h("a", { href: `/events/${enc(e)}`, "data-nav": "", class: "event-link" }, e)))))));
  }

  function highlightText(text, q) {
    // the first occurrence of any query word marked, built from text nodes
    const str = String(text || "");
    const words = String(q || "").split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);
    const low = str.toLowerCase();
    for (const w of words) {
      const i = low.indexOf(w.toLowerCase());
      if (i >= 0) return [str.slice(0, i), h("mark", {}, str.slice(i, i + w.length)), str.slice(i + w.length)];
    }
    return [str];
  }

  async function searchView(params) {
    document.title = `${t("search.title")} · Kaidan`;
    const q = params.get("q") || "";
    const scope = params.get("scope") || "all";
    const input = h("input", { name: "q", type: "search", value: q, placeholder: t("search.placeholder"),
      "aria-label": t("search.title"), required: "" });
    const sel = h("select", { name: "scope" }, ["all", "documents", "facts"].map((v) =>
      h("option", { value: v, selected: v === scope ? "" : null }, t("search." + v))));
    const form = h("form", { class: "search-form", role: "search", onsubmit: (e) => {
      e.preventDefault();
      navigate(`/search?q=${enc(input.value)}&scope=${enc(sel.value)}`);
    } }, input, sel, h("button", { type: "submit" }, t("search.button")));
    if (!q.trim()) return show(h("h1", {}, t("search.title")), form);
    const res = await api(`/api/search?q=${enc(q)}&scope=${enc(scope)}&limit=50`);
    show(h("h1", {}, t("search.title")), form,
      h("p", { class: "muted" }, `${res.results.length} ${t("search.results")}`),
      res.results.length ? h("ol", { class: "results" }, res.results.map((r) => searchResult(r, q)))
        : h("p", { class: "none" }, t("search.none")));
  }

  function searchResult(r, q) {
    const kind = r.kind === "document" ? t("kind.document") : t("fact." + r.kind);
    const where = h("div", { class: "muted small" }, r.title || r.source, r.events.length ? " · " : "",
      r.events.map((e) => h("a", { href: `/events/${enc(e)}`, "data-nav": "", class: "event-link" }, e)));
    const href = docHref({ doc_id: r.doc_id, offsets: r.offsets });
    let body;
    if (r.kind === "document" && r.snippet) {
      body = h("a", { href, "data-nav": "", class: "snippet" }, r.snippet.before,
        r.snippet.match ? h("mark", {}, r.snippet.match) : null, r.snippet.after);
    } else {
      body = h("a", { href, "data-nav": "", class: "snippet" }, (r.speaker || r.actor) ? `${r.speaker || r.actor}: ` : "",
        highlightText(r.text, q));
    }
    return h("li", { class: `result kind-${r.kind}` }, h("span", { class: "badge" }, kind), " ", body, where);
  }

  async function ingestView() {
    document.title = `${t("ingest.title")} · Kaidan`;
    const info = await api("/api/info");
    const status = h("div", { class: "ingest-status", role: "status", "aria-live": "polite" });
    const latest = h("div", { class: "latest" });
    const tokenInput = info.auth_required ? h("input", { type: "password", name: "token", autocomplete: "off",
      value: sessionStorage.getItem("kaidan.token") || "" }) : null;
    const headers = () => {
      if (!tokenInput) return {};
      sessionStorage.setItem("kaidan.token", tokenInput.value);
      return { Authorization: `Bearer ${tokenInput.value}` };
    };
    async function submit(request) {
      status.replaceChildren(h("p", { class: "busy" }, t("ingest.busy")));
      try {
        const res = await request();
        if (res.status === "failed") {
          status.replaceChildren(h("p", { class: "error failed" }, `${t("ingest.failed")} ${res.error.code}: ${res.error.message}`));
          await refreshLatest();
          return;
        }
        status.replaceChildren(h("p", { class: "ok" },
          `${res.status === "stored" ? t("ingest.stored") : t("ingest.unchanged")}: `,
          h("a", { href: `/documents/${enc(res.doc_id)}`, "data-nav": "", class: "doc-link" }, res.title || res.source),
          " ", res.events.map((e) => h("a", { href: `/events/${enc(e)}`, "data-nav": "", class: "event-link" }, e))));
      } catch (err) {
        status.replaceChildren(h("p", { class: "error" }, `${t("error")} ${err.code || ""}: ${err.message}`));
      }
      await refreshLatest();
    }
    async function refreshLatest() {
      const page = await api("/api/documents?limit=10");
      latest.replaceChildren(h("h2", {}, t("ingest.latest")), documentTable(page.items));
    }
    const fileInput = h("input", { type: "file", name: "file", required: "", accept: ".txt,.html,.htm,.pdf,text/*,application/pdf" });
    const fileForm = h("form", { class: "ingest-file", onsubmit: (e) => {
      e.preventDefault();
      if (!fileInput.files.length) return;
      const body = new FormData();
      body.append("file", fileInput.files[0]);
      submit(() => api("/api/ingest/file", { method: "POST", body, headers: headers() }));
    } }, h("label", {}, t("ingest.file"), fileInput), h("button", { type: "submit" }, t("ingest.submit_file")));
    const urlInput = h("input", { type: "url", name: "url", required: "", placeholder: "https://…" });
    const urlForm = h("form", { class: "ingest-url", onsubmit: (e) => {
      e.preventDefault();
      submit(() => api("/api/ingest/url", { method: "POST", body: JSON.stringify({ url: urlInput.value }),
        headers: { "Content-Type": "application/json", ...headers() } }));
    } }, h("label", {}, t("ingest.url"), urlInput), h("button", { type: "submit" }, t("ingest.submit_url")));
    show(h("h1", {}, t("ingest.title")),
      tokenInput ? h("p", { class: "token" }, h("label", {}, t("ingest.token"), tokenInput),
        h("span", { class: "muted" }, t("ingest.token_help"))) : null,
      fileForm, urlForm, status, latest);
    await refreshLatest();
  }

  // ---------------------------------------------------------------- routing
  function renderNav() {
    const nav = document.getElementById("nav");
    const here = location.pathname;
    const items = [["/", "nav.timeline"], ["/documents", "nav.documents"], ["/ledger", "nav.ledger"],
      ["/search", "nav.search"], ["/ingest", "nav.ingest"]];
    nav.replaceChildren(...items.map(([href, key]) => h("a", { href, "data-nav": "", id: `nav-${key.slice(4)}`,
      class: (href === "/" ? here === "/" || here.startsWith("/events") : here.startsWith(href)) ? "active" : null }, t(key))));
    const toggle = document.getElementById("lang-toggle");
    toggle.textContent = t("lang.other");
    document.documentElement.lang = lang;
  }

  async function render() {
    delete document.body.dataset.ready;
    renderNav();
    const path = decodeURIComponent(location.pathname);
    const params = new URLSearchParams(location.search);
    show(h("p", { class: "loading" }, t("loading")));
    let m;
    try {
      if (path === "/" || path === "/events") await timelineView();
      else if ((m = /^\/events\/(.+)$/.exec(path))) await eventView(m[1]);
      else if (path === "/documents") await documentsView(params);
      else if ((m = /^\/documents\/(.+)$/.exec(path))) await documentView(m[1], params);
      else if (path === "/ledger") await ledgerView(params);
      else if (path === "/search") await searchView(params);
      else if (path === "/ingest") await ingestView();
      else show(h("h1", {}, t("not_found")));
    } catch (err) {
      show(h("h1", {}, t("error")), h("p", { class: "error" }, `${err.code || ""} ${err.message}`));
    }
    document.body.dataset.ready = path;
  }

  function navigate(href) {
    history.pushState(null, "", href);
    window.scrollTo(0, 0);
    render();
  }

  document.addEventListener("click", (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest && e.target.closest("a[data-nav]");
    if (!a) return;
    const href = a.getAttribute("href");
    if (!href || !href.startsWith("/") || href.startsWith("//")) return;
    e.preventDefault();
    navigate(href);
  });
  window.addEventListener("popstate", render);
  document.getElementById("lang-toggle").addEventListener("click", () => {
    lang = lang === "ja" ? "en" : "ja";
    sessionStorage.setItem("kaidan.lang", lang);
    render();
  });
  render();
})();
