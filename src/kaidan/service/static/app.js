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
      "nav.ingest": "Add documents", "lang.other": "日本語", "lang.mixed": "Japanese and English",
      "timeline.title": "Timeline of events", "timeline.empty": "No events yet: add documents first.",
      "timeline.documents": "documents", "timeline.list": "All events",
      "event.programme": "Programme", "event.signed": "Documents signed", "event.agreements": "Agreed by both sides",
      "signed.issued": "issued jointly, not signed",
      "event.commitments": "Commitments", "event.statements": "Statements", "event.quantities": "Figures",
      "event.conflicts": "Where the sources disagree", "event.sources": "Sources", "event.none": "None found.",
      "event.no_start": "Time not reported", "event.support": "sources", "event.main": "main report", "event.by_content": "placed by what it shares with the other sources (it states no date)",
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
      "ledger.more": "Load more", "ledger.of": "of", "ledger.shown": "promises shown",
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
      "skip": "Skip to content", "menu": "Menu",
      "summary.title": "At a glance", "summary.leaders": "Leaders", "summary.place": "Place", "summary.date": "Date",
      "summary.kind": "Kind", "summary.sources": "Sources", "summary.figures": "Key figures",
      "summary.signed": "Documents signed", "summary.conflicts": "Where the sources disagree",
      "summary.none": "none", "summary.contents": "Contents", "summary.more": "more",
      "col.outlet": "Outlet", "col.published": "Published", "col.source": "Source", "col.entries": "History",
      "col.promise": "What was promised",
      "search.scope": "Search in", "search.sort": "Sort", "search.relevance": "best match", "search.date": "newest first",
      "search.event": "Event", "search.country": "Country", "search.from": "From", "search.to": "To",
      "search.help": "Every word must match; \"a phrase\" in quotes; OR between alternatives.",
      "ledger.undated": "Promises without a deadline", "ledger.beyond": "later",
      "yes": "yes", "no": "no", "token.title": "This service is private", "token.help": "Give its token to read it.",
      "token.submit": "Open",
      "conflict.meetings.start": "Start time", "conflict.meetings.duration_minutes": "Duration (minutes)",
      "conflict.meetings.place": "Place", "conflict.event.date": "Date of the event",
      "conflict.commitments.amount": "Amount of a commitment", "conflict.person.name": "Name of a person",
      "conflict.signed_documents": "Whether documents were signed",
      "verb.agreed": "agreed", "verb.confirmed": "confirmed", "verb.shared_view": "shared the view",
      "verb.opposed": "opposed", "verb.welcomed": "welcomed", "verb.signed": "signed", "verb.other": "other",
      "err.K101": "The document is empty.", "err.K103": "The document is above the size limit.",
      "err.K106": "The URL could not be fetched.", "err.K601": "Not found.",
      "err.K602": "This needs the service's token.", "err.K603": "Refused: sent from another site's page.",
      "err.K604": "This URL is not fetched: only http(s) URLs of public addresses are.",
      "err.K605": "This host name is not served.", "err.V422": "Invalid request.", "err.E500": "Internal error.",
      "err.H404": "Not found.", "err.K606": "The quoted sentence is not in that document.",
      "err.K000": "Something went wrong.", "err.K100": "The document could not be ingested.",
      "err.K102": "This is not a text document (its content looks binary).",
      "err.K104": "The document's character encoding could not be read.", "err.K105": "No main text was found in the page.",
      "err.K107": "Facts could not be extracted from the document.", "err.K200": "The database could not be read or written.",
      "err.K300": "A data file of Kaidan is missing or damaged.", "err.K400": "The evaluation failed.",
      "err.K500": "The request is not a valid use of the service.", "err.K600": "The service refused the request.",
      "err.H400": "The request is malformed or too long.", "err.H": "The request could not be handled.",
      "status.marked done": "marked done", "table.filter": "Filter", "table.shown": "shown",
      "table.sort": "Sort by", "table.csv": "Export CSV", "table.json": "Export JSON", "table.none": "no order",
      "event.rests_on": "Sources of this fact", "event.placed_by_content": "placed by content",
      "event.open_all": "Open all sections", "event.close_all": "Close all sections", "col.value": "Value",
      "col.role": "Role", "col.unit": "Unit", "col.support": "How many sources", "col.placed": "Placed by", "placed.date": "its date", "placed.content": "content",
      "done.mark": "Mark done", "done.by": "Your name", "done.source": "Document id or URL",
      "done.evidence": "The sentence that says it was done", "done.submit": "Save", "done.cancel": "Cancel",
      "done.marked": "Marked done by", "done.saved": "Marked done.",
    },
    ja: {
      "nav.timeline": "年表", "nav.documents": "文書", "nav.ledger": "約束台帳", "nav.search": "検索",
      "nav.ingest": "文書の追加", "lang.other": "English", "lang.mixed": "日本語と英語",
      "timeline.title": "会談の年表", "timeline.empty": "会談はまだありません。先に文書を追加してください。",
      "timeline.documents": "件の文書", "timeline.list": "すべての会談",
      "event.programme": "日程", "event.signed": "署名された文書", "event.agreements": "双方の合意",
      "signed.issued": "共同で発出（署名なし）",
      "event.commitments": "約束", "event.statements": "発言", "event.quantities": "数値",
      "event.conflicts": "情報源の食い違い", "event.sources": "情報源", "event.none": "見つかりませんでした。",
      "event.no_start": "時刻の記載なし", "event.support": "件の情報源", "event.main": "主な報告", "event.by_content": "日付の記載がなく、他の情報源と共通の内容から配置",
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
      "ledger.more": "さらに表示", "ledger.of": "/", "ledger.shown": "件の約束を表示",
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
      "skip": "本文へ移動", "menu": "メニュー",
      "summary.title": "概要", "summary.leaders": "首脳", "summary.place": "場所", "summary.date": "日付",
      "summary.kind": "種類", "summary.sources": "情報源", "summary.figures": "主な数値",
      "summary.signed": "署名された文書", "summary.conflicts": "情報源の食い違い",
      "summary.none": "なし", "summary.contents": "目次", "summary.more": "件以上",
      "col.outlet": "発信元", "col.published": "公開日", "col.source": "出典", "col.entries": "経過",
      "col.promise": "約束の内容",
      "search.scope": "検索対象", "search.sort": "並べ替え", "search.relevance": "関連度順", "search.date": "新しい順",
      "search.event": "会談", "search.country": "国", "search.from": "開始日", "search.to": "終了日",
      "search.help": "すべての語に一致。\"語句\"で完全一致、OR でいずれか。",
      "ledger.undated": "期限のない約束", "ledger.beyond": "以降",
      "yes": "はい", "no": "いいえ", "token.title": "このサービスは非公開です", "token.help": "閲覧にはトークンが必要です。",
      "token.submit": "開く",
      "conflict.meetings.start": "開始時刻", "conflict.meetings.duration_minutes": "所要時間（分）",
      "conflict.meetings.place": "場所", "conflict.event.date": "会談の日付",
      "conflict.commitments.amount": "約束の金額", "conflict.person.name": "人名の表記",
      "conflict.signed_documents": "文書への署名の有無",
      "verb.agreed": "一致", "verb.confirmed": "確認", "verb.shared_view": "認識を共有", "verb.opposed": "反対",
      "verb.welcomed": "歓迎", "verb.signed": "署名", "verb.other": "その他",
      "err.K101": "文書が空です。", "err.K103": "文書がサイズの上限を超えています。",
      "err.K106": "URLを取得できませんでした。", "err.K601": "見つかりません。",
      "err.K602": "このサービスのトークンが必要です。", "err.K603": "他のサイトのページから送られたため拒否しました。",
      "err.K604": "このURLは取得しません（公開アドレスの http・https のURLのみ取得します）。",
      "err.K605": "このホスト名では提供していません。", "err.V422": "リクエストが正しくありません。",
      "err.E500": "内部エラーが発生しました。", "err.H404": "見つかりません。",
      "err.K606": "引用した文はその文書にありません。",
      "err.K000": "エラーが発生しました。", "err.K100": "文書を取り込めませんでした。",
      "err.K102": "テキストの文書ではありません（内容がバイナリのようです）。",
      "err.K104": "文書の文字コードを読み取れませんでした。", "err.K105": "ページに本文が見つかりませんでした。",
      "err.K107": "文書から事実を抽出できませんでした。", "err.K200": "データベースの読み書きに失敗しました。",
      "err.K300": "Kaidanのデータファイルがないか、壊れています。", "err.K400": "評価に失敗しました。",
      "err.K500": "このサービスの使い方として正しくないリクエストです。", "err.K600": "サービスがリクエストを拒否しました。",
      "err.H400": "リクエストの形式が正しくないか、長すぎます。", "err.H": "リクエストを処理できませんでした。",
      "status.marked done": "完了（記録済み）", "table.filter": "絞り込み", "table.shown": "件を表示",
      "table.sort": "並べ替え", "table.csv": "CSVで書き出す", "table.json": "JSONで書き出す", "table.none": "元の順",
      "event.rests_on": "この事実の情報源", "event.placed_by_content": "内容から配置",
      "event.open_all": "すべて開く", "event.close_all": "すべて閉じる", "col.value": "値",
      "col.role": "扱い", "col.unit": "単位", "col.support": "情報源の数", "col.placed": "配置の根拠", "placed.date": "日付", "placed.content": "内容",
      "done.mark": "完了として記録", "done.by": "記録者名", "done.source": "文書IDまたはURL",
      "done.evidence": "完了を示す文", "done.submit": "保存", "done.cancel": "取消",
      "done.marked": "完了の記録：", "done.saved": "完了として記録しました。",
    },
  };
  // Units of figures as a reader writes them (never the internal code: JPY_per_USD, count, percent_gdp).
  const UNITS = {
    en: { USD: " US$", JPY: " yen", EUR: " €", GBP: " £", percent: "%", percent_gdp: "% of GDP", people: " people",
      count: "", JPY_per_USD: " yen per US$", barrels: " barrels", jobs: " jobs", tonnes: " tonnes" },
    ja: { USD: "ドル", JPY: "円", EUR: "ユーロ", GBP: "ポンド", percent: "%", percent_gdp: "%（GDP比）", people: "人",
      count: "", JPY_per_USD: "円／ドル", barrels: "バレル", jobs: "人分の雇用", tonnes: "トン" },
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
  const verbLabel = (x) => (I18N[lang]["verb." + x] ? t("verb." + x) : String(x).replace(/_/g, " "));
  const unitLabel = (u) => UNITS[lang][u] ?? UNITS.en[u] ?? (" " + String(u).replace(/_per_/g, "/").replace(/_/g, " "));
  const conflictLabel = (f) => (I18N[lang]["conflict." + f] ? t("conflict." + f) : String(f).replace(/[._]/g, " "));
  // An error's message in the reader's language: its code's, else its family's (K1xx: ingestion, H4xx: HTTP…).
  function errorText(err) {
    const code = String((err && err.code) || "");
    if (!code) return null;
    const keys = [code, code[0] === "K" ? `${code.slice(0, 2)}00` : null, code[0] === "K" ? "K000" : code[0]].filter(Boolean);
    for (const k of keys) if (I18N[lang]["err." + k]) return I18N[lang]["err." + k];
    return null;
  }
  // An error as the reader reads it: the message in the page's language, the server's own words below it.
  function errorView(err, prefix) {
    const own = errorText(err);
    return h("div", { class: "error", role: "alert" },
      h("p", {}, prefix ? `${prefix} ` : "", own || err.message, err.code ? h("span", { class: "muted small" }, ` (${err.code})`) : null),
      own && err.message ? h("p", { class: "muted small detail" }, err.message) : null);
  }

  // ---------------------------------------------------------------- DOM helpers (text only)
  function safeHref(value) {
    const s = String(value);
    if (s.startsWith("/") && !s.startsWith("//")) return s;
    if (/^#[A-Za-z][\w-]*$/.test(s)) return s;  // a section of this page
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
    return (a.qualifier ? "~" : "") + fmtNumber(a.value) + unitLabel(a.unit);
  }

  // ---------------------------------------------------------------- API
  class ApiError extends Error {
    constructor(body, status) {
      const e = (body && body.error) || { message: String(status), status, code: "" };
      super(e.message);
      this.code = e.code; this.status = e.status;
    }
  }
  function withToken(options) {
    const token = sessionStorage.getItem("kaidan.token");
    if (!token) return options;
    const o = { ...(options || {}) };
    o.headers = { Authorization: `Bearer ${token}`, ...(o.headers || {}) };
    return o;
  }
  async function api(path, options) {
    const r = await fetch(path, withToken(options));
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) throw new ApiError(body, r.status);
    return body;
  }
  // One page of a list the API pages: its items, how many match (X-Total-Count) and the next page's path
  // (Link: <…>; rel="next"), null after the last.
  async function apiPage(path) {
    const r = await fetch(path, withToken());
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) throw new ApiError(body, r.status);
    const next = /<([^>]*)>;\s*rel="next"/.exec(r.headers.get("Link") || "");
    return { items: body, total: Number(r.headers.get("X-Total-Count") ?? body.length), next: next ? next[1] : null };
  }
  const enc = encodeURIComponent;
  // Every event, page after page (the API gives pages of at most 1000 and a Link to the next).
  async function allEvents() {
    let out = [], offset = 0;
    for (;;) {
      const page = await api(`/api/events?limit=1000&offset=${offset}`);
      out = out.concat(page);
      if (page.length < 1000) return out;
      offset += 1000;
    }
  }

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
  // The sources of the event on screen, numbered: a citation marker [n] is the n-th source listed on the page.
  let sourceNumbers = new Map();
  let sourceInfo = new Map();
  function sourceName(src) {
    if (!src) return "";
    const parts = [src.outlet, src.title || src.source || src.doc].filter(Boolean);
    return parts.join(" · ");
  }
  function sourceMeta(src) {
    return [src.outlet, src.published, src.lang].filter(Boolean).join(" · ");
  }
  function citeLinks(fact) {
    const cites = (fact && fact.citations) || [];
    const seen = new Set();
    return h("span", { class: "cites" }, cites.map((c, i) => {
      const n = sourceNumbers.get(c.doc_id);
      const key = n ? `s${n}` : `c${i}`;
      if (seen.has(key)) return null;
      seen.add(key);
      return citeMarker(c, n || i + 1);
    }));
  }
  // [n]: a link to the cited sentence, named by its source (outlet and title) for screen readers and on hover.
  function citeMarker(c, n) {
    const src = sourceInfo.get(c.doc_id);
    const name = src ? sourceName(src) : (c.doc || c.doc_id);
    return h("a", { class: "cite", href: docHref(c), "data-nav": "", title: `${name}: ${c.evidence || ""}`, "aria-label": name }, `[${n}]`);
  }
  function support(fact) {
    return fact && fact.support > 1 ? h("span", { class: "support", title: t("event.support") },
      `×${fact.support}`) : null;
  }

  // One party whatever the script a source wrote it in: the API's `names` (people data, CLDR country names)
  // give each name as written its party's id and its name in Japanese and English.
  let partyNames = {};
  const partyOf = (name) => (name && Object.prototype.hasOwnProperty.call(partyNames, name) ? partyNames[name] : null);
  const partyKey = (name) => { const p = partyOf(name); return p ? p.id : String(name || ""); };
  const partyLabel = (name) => { const p = partyOf(name); return p ? (lang === "ja" ? p.ja : p.en) : (name || "—"); };
  function langName(code) {
    if (code === "mixed") return t("lang.mixed");  // a text written in both
    try { return new Intl.DisplayNames([lang], { type: "language" }).of(code) || code; } catch (e) { return code; }
  }

  // The sources a fact rests on, each with its number, outlet (else title), date and language; a source
  // placed in the event by what it shares with the others (it states no date) says so.
  function restsOn(fact) {
    const cites = (fact && fact.citations) || [];
    const seen = new Set();
    const items = [];
    cites.forEach((c, i) => {
      if (seen.has(c.doc_id)) return;
      seen.add(c.doc_id);
      const src = sourceInfo.get(c.doc_id);
      items.push(h("li", { class: "rest", "data-doc": c.doc_id }, citeMarker(c, sourceNumbers.get(c.doc_id) || i + 1), " ",
        h("span", { class: "rest-outlet" }, src ? (src.outlet || shortText(src.title || src.source || c.doc_id, 24)) : (c.doc || "")),
        src && src.published ? h("span", { class: "rest-date" }, ` · ${src.published}`) : null,
        src && src.lang ? h("span", { class: "rest-lang" }, ` · ${langName(src.lang)}`) : null,
        src && src.placed_by === "content" ? h("span", { class: "by-content" }, ` · ${t("event.placed_by_content")}`) : null));
    });
    return items.length ? h("ul", { class: "rests-on", "aria-label": t("event.rests_on") }, items) : null;
  }

  // ---------------------------------------------------------------- tables that sort, filter and export
  // A table in the manner of datasette's table views: a header click sorts (again: the other way), the box
  // filters (every word must appear in some column), and the buttons export the rows shown, in the order
  // shown: CSV of the columns' values, JSON of the rows' records. columns: [{ key, label, value(row) -> the
  // sorted/filtered/exported value, cell(row) -> what the cell shows, num, cls }]; rowClass(row) and
  // rowAttrs(row) give each row's class and attributes.
  function compareValues(a, b) {
    const blank = (v) => v === null || v === undefined || v === "";
    if (blank(a) || blank(b)) return blank(a) - blank(b);
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), lang, { numeric: true });
  }
  function csvText(columns, rows, text) {
    const esc = (x) => (/[",\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
    return [columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => text(r, c)))]
      .map((line) => line.map(esc).join(",")).join("\r\n") + "\r\n";
  }
  function dataTable({ name, label, columns, rows, rowClass, rowAttrs, record, cls }) {
    let sortKey = "", sortDir = 1, words = [];
    const text = (r, c) => { const v = c.value(r); return v === null || v === undefined ? "" : String(v); };
    const shown = () => {
      const out = rows.filter((r) => words.every((w) => columns.some((c) => text(r, c).toLowerCase().includes(w))));
      const col = columns.find((c) => c.key === sortKey);
      const blank = (v) => v === null || v === undefined || v === "";
      if (col) out.sort((a, b) => blank(col.value(a)) - blank(col.value(b)) || sortDir * compareValues(col.value(a), col.value(b)));
      return out;
    };
    const tbody = h("tbody");
    const count = h("span", { class: "muted small table-count", "aria-live": "polite" });
    const heads = columns.map((c) => h("th", { scope: "col", "data-col": c.key, class: c.num ? "num" : null },
      h("button", { type: "button", class: "sort", onclick: () => {
        if (sortKey === c.key) sortDir = -sortDir; else { sortKey = c.key; sortDir = 1; }
        sortSel.value = `${sortKey}:${sortDir}`;
        draw();
      } }, c.label)));
    const sortSel = h("select", { class: "table-sort", "aria-label": `${t("table.sort")}: ${label}`, onchange: (e) => {
      const [k, d] = e.target.value.split(":");
      sortKey = k; sortDir = Number(d) || 1;
      draw();
    } }, h("option", { value: ":1" }, t("table.none")), columns.flatMap((c) => [
      h("option", { value: `${c.key}:1` }, `${c.label} ↑`), h("option", { value: `${c.key}:-1` }, `${c.label} ↓`)]));
    function draw() {
      const out = shown();
      tbody.replaceChildren(...out.map((r) => h("tr", { class: rowClass ? rowClass(r) : null, ...(rowAttrs ? rowAttrs(r) : {}) },
        columns.map((c) => h("td", { "data-label": c.label, "data-col": c.key,
          class: [c.num ? "num" : "", c.cls || ""].join(" ").trim() || null }, c.cell ? c.cell(r) : text(r, c))))));
      heads.forEach((th, i) => th.setAttribute("aria-sort", columns[i].key === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none"));
      count.textContent = `${out.length} / ${rows.length} ${t("table.shown")}`;
    }
    function download(kind) {
      const out = shown();
      const body = kind === "csv" ? "\ufeff" + csvText(columns, out, text)
        : JSON.stringify(out.map((r) => (record ? record(r) : Object.fromEntries(columns.map((c) => [c.key, c.value(r)])))), null, 2);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([body], { type: kind === "csv" ? "text/csv;charset=utf-8" : "application/json" }));
      a.download = `${name}.${kind}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    }
    const filter = h("input", { type: "search", class: "table-filter", placeholder: t("table.filter"),
      "aria-label": `${t("table.filter")}: ${label}`, oninput: (e) => {
        words = e.target.value.toLowerCase().split(/\s+/).filter(Boolean);
        draw();
      } });
    draw();
    return h("div", { class: "data-table", "data-table": name },
      h("div", { class: "table-tools" }, filter, sortSel, count,
        h("button", { type: "button", class: "export export-csv", onclick: () => download("csv") }, t("table.csv")),
        h("button", { type: "button", class: "export export-json", onclick: () => download("json") }, t("table.json"))),
      scroller(h("table", { class: `list cards ${cls || ""}` }, h("thead", {}, h("tr", {}, heads)), tbody), label));
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
    const events = await allEvents();
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

  // A chart keeps its drawn size on a phone and scrolls sideways in its own box (a region the keyboard can
  // scroll too), so that its labels stay as large as on a desk.
  function chartScroll(svg) {
    return h("div", { class: "chart-scroll", tabindex: "0", role: "region", "aria-label": svg.getAttribute("aria-label") }, svg);
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
    return h("figure", { class: "chart" }, chartScroll(svg));
  }

  // Every event, the latest first, in a table that sorts, filters and exports.
  function eventTable(events) {
    return dataTable({ name: "events", label: t("timeline.list"), cls: "events", rows: [...events].reverse(),
      rowClass: () => "event-row", record: (e) => e, columns: [
        { key: "date", label: t("col.date"), value: (e) => e.date_start,
          cell: (e) => h("a", { href: `/events/${enc(e.id)}`, "data-nav": "", class: "event-link" }, dateRange(e)) },
        { key: "countries", label: t("col.countries"), value: (e) => countriesLabel(e.countries) },
        { key: "kind", label: t("col.kind"), value: (e) => kindLabel(e.kind) },
        { key: "documents", label: t("nav.documents"), num: true, value: (e) => e.documents },
      ] });
  }

  async function eventView(id) {
    const ev = await api(`/api/events/${enc(id)}`);
    document.title = `${ev.id} · Kaidan`;
    sourceNumbers = new Map((ev.sources || []).map((src, i) => [src.doc_id, i + 1]));
    sourceInfo = new Map((ev.sources || []).map((src) => [src.doc_id, src]));
    partyNames = ev.names || {};
    const sections = [
      ["programme", t("event.programme"), () => programmeChart(ev.programme || [])],
      ["signed", t("event.signed"), () => signedTable(ev)],
      ["agreements", t("event.agreements"), () => groupedAgreements(ev.agreements || [])],
      ["commitments", t("event.commitments"), () => commitmentTable(ev)],
      ["statements", t("event.statements"), () => statementsBySpeaker(ev.statements || [])],
      ["quantities", t("event.quantities"), () => quantityTable(ev)],
      ["conflicts", t("event.conflicts"), () => conflictsView(ev.conflicts || [])],
      ["sources", t("event.sources"), () => sourceTable(ev)],
    ];
    const count = { programme: (ev.programme || []).length, signed: (ev.signed_documents || []).length,
      agreements: (ev.agreements || []).length, commitments: (ev.commitments || []).length,
      statements: (ev.statements || []).length, quantities: (ev.quantities || []).length,
      conflicts: (ev.conflicts || []).length, sources: (ev.sources || []).length };
    const folds = sections.map(([key, title, body]) => fold(key, title, count[key], body()));
    const toggle = h("button", { type: "button", class: "fold-all", "aria-pressed": "false", onclick: (e) => {
      const open = e.currentTarget.getAttribute("aria-pressed") !== "true";
      for (const d of folds) d.open = open;
      e.currentTarget.setAttribute("aria-pressed", String(open));
      e.currentTarget.textContent = open ? t("event.close_all") : t("event.open_all");
    } }, t("event.open_all"));
    show(
      h("h1", {}, `${countriesLabel(ev.countries)} ${kindLabel(ev.kind)}`, h("small", {}, ` ${dateRange(ev)}`)),
      eventSummary(ev),
      h("nav", { class: "toc", "aria-label": t("summary.contents") }, h("h2", {}, t("summary.contents")),
        h("ol", {}, sections.map(([key, title]) => h("li", {}, h("a", { href: `#${key}`, class: "toc-link" }, title),
          h("span", { class: "muted small" }, ` ${count[key]}`)))), toggle),
      folds,
    );
    const target = openFold(location.hash);  // opened at /events/ID#section: that section, open, in view
    if (target) target.scrollIntoView({ block: "start", behavior: "instant" });
  }

  // A section of the event folded under its heading (a <details>): the page opens short, on its summary.
  function fold(id, title, n, ...content) {
    return h("details", { id, class: "block fold" },
      h("summary", {}, h("h2", {}, title, h("span", { class: "muted small fold-count" }, ` ${n}`))), ...content);
  }
  // Opens the folded section a link to #ID names (and any section around it), so the browser can scroll to it.
  function openFold(hash) {
    if (!hash || hash.length < 2) return null;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    for (let n = target; n; n = n.parentElement) if (n.tagName === "DETAILS") n.open = true;
    return target;
  }
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest('a[href^="#"]');
    if (a && !a.hasAttribute("data-nav")) openFold(a.getAttribute("href"));
  });

  function dateRange(ev) {
    return ev.date_start + (ev.date_end !== ev.date_start ? ` – ${ev.date_end}` : "");
  }
  function countriesLabel(codes) {
    let names = null;
    try { names = new Intl.DisplayNames([lang], { type: "region" }); } catch (e) { names = null; }
    return String(codes || "").split("-").map((c) => (names && /^[A-Z]{2}$/.test(c) && names.of(c)) || c)
      .join(lang === "ja" ? "・" : " – ");
  }

  // The event at a glance: who met, where, when, how many sources, the figures, what was signed, what differs.
  function eventSummary(ev) {
    const segs = ev.programme || [];
    const leaderKeys = new Map();
    for (const p of segs.flatMap((g) => g.participants || [])) if (!leaderKeys.has(partyKey(p))) leaderKeys.set(partyKey(p), partyLabel(p));
    const leaders = [...leaderKeys.values()];
    const places = [...new Set(segs.map((g) => g.place).filter(Boolean))];
    const figures = [...(ev.commitments || []).filter((c) => c.amount).map((c) => ({ label: c.text, value: fmtAmount(c.amount), fact: c })),
      ...(ev.quantities || []).map((q) => ({ label: q.text, value: fmtAmount(q), fact: q }))];
    const uniqueFigures = [];
    const seenValues = new Set();
    for (const f of figures) { if (!seenValues.has(f.value)) { seenValues.add(f.value); uniqueFigures.push(f); } }
    const shown = uniqueFigures.slice(0, 5);
    const row = (key, ...value) => [h("dt", {}, t(key)), h("dd", {}, ...value)];
    const nothing = () => h("span", { class: "muted" }, t("summary.none"));
    return h("section", { id: "summary", class: "block summary", "aria-labelledby": "summary-title" },
      h("h2", { id: "summary-title" }, t("summary.title")),
      h("dl", { class: "meta summary-list" },
        row("summary.leaders", leaders.length ? leaders.join(lang === "ja" ? "、" : ", ") : nothing()),
        row("summary.place", places.length ? places.join(lang === "ja" ? "、" : ", ") : nothing()),
        row("summary.date", dateRange(ev)),
        row("summary.kind", kindLabel(ev.kind) || nothing()),
        row("summary.sources", h("ol", { class: "source-index" }, (ev.sources || []).map((src, i) => h("li", { value: i + 1 },
          h("span", { class: "cite-key" }, `[${i + 1}] `),
          h("a", { href: `/documents/${enc(src.doc_id)}`, "data-nav": "", class: "source-title" }, src.title || src.source || src.doc_id),
          h("span", { class: "muted small" }, ` ${sourceMeta(src)}`))))),
        row("summary.figures", shown.length ? h("ul", { class: "figures" }, shown.map((f) => h("li", {},
          h("strong", {}, f.value), " ", factLink(f.label, f.fact), citeLinks(f.fact)))) : nothing(),
          uniqueFigures.length > shown.length ? h("a", { href: "#quantities", class: "small" }, ` +${uniqueFigures.length - shown.length}`) : null),
        row("summary.signed", (ev.signed_documents || []).length ? h("ul", { class: "signed-list" },
          ev.signed_documents.map((d) => h("li", {}, factLink(d.title, d), citeLinks(d)))) : nothing()),
        row("summary.conflicts", (ev.conflicts || []).length ? h("ul", { class: "conflict-list" }, ev.conflicts.map((c) =>
          h("li", {}, h("a", { href: "#conflicts" }, conflictLabel(c.field)), " ",
            h("span", { class: "muted" }, (c.values || []).map((v) => valueText(v.value)).join(" / "))))) : nothing())));
  }

  // A table of the event on screen: "none found" when it has no rows; exported as EVENT-NAME.csv / .json, each
  // row's JSON the record the API gave.
  function eventFacts(ev, { name, label, items, cls, rowClass, columns, record }) {
    if (!items.length) return none();
    return dataTable({ name: `${ev.id}-${name}`, label, cls: cls || name, rowClass: () => rowClass, rows: items,
      record: record || ((x) => x), columns });
  }
  // Columns every fact table has: how many sources, and which (each with its outlet, date and language).
  const factColumns = () => [
    { key: "support", label: t("col.support"), num: true, value: (f) => f.support || 1 },
    { key: "sources", label: t("col.cited"), value: (f) => sourcesText(f), cell: (f) => restsOn(f) },
  ];
  const partyCell = (row) => h("span", { class: "party", "data-party": partyKey(row.actor) }, partyLabel(row.actor));

  function sourceTable(ev) {
    const title = (src) => src.title || src.source || src.doc_id;
    return eventFacts(ev, { name: "sources", label: t("event.sources"), rowClass: "source", record: (r) => r.src,
      items: (ev.sources || []).map((src, i) => ({ n: i + 1, src })), columns: [
        { key: "n", label: "#", num: true, value: (r) => r.n, cell: (r) => `[${r.n}]` },
        { key: "title", label: t("col.title"), value: (r) => title(r.src),
          cell: (r) => h("a", { href: `/documents/${enc(r.src.doc_id)}`, "data-nav": "", class: "source-title" }, title(r.src)) },
        { key: "outlet", label: t("col.outlet"), value: (r) => r.src.outlet || "" },
        { key: "published", label: t("col.published"), value: (r) => r.src.published || "" },
        { key: "lang", label: t("col.lang"), value: (r) => (r.src.lang ? langName(r.src.lang) : "") },
        { key: "role", label: t("col.role"), value: (r) => (r.src.main ? t("event.main") : t("event.secondary")) },
        { key: "placed_by", label: t("col.placed"), value: (r) => (r.src.placed_by === "content" ? t("placed.content") : t("placed.date")),
          cell: (r) => (r.src.placed_by === "content" ? h("span", { class: "by-content", title: t("event.by_content") }, t("event.by_content"))
            : t("placed.date")) },
      ] });
  }

  function signedTable(ev) {
    return eventFacts(ev, { name: "signed", label: t("event.signed"), rowClass: "fact signed", items: ev.signed_documents || [],
      columns: [
        { key: "title", label: t("col.title"), value: (d) => d.title, cell: (d) => factLink(d.title, d) },
        { key: "date", label: t("col.date"), value: (d) => d.date || (d.issued ? t("signed.issued") : "") },
        ...factColumns(),
      ] });
  }

  function quantityTable(ev) {
    return eventFacts(ev, { name: "figures", cls: "quantities", label: t("event.quantities"), rowClass: "fact quantity",
      items: ev.quantities || [], columns: [
        { key: "text", label: t("col.text"), value: (q) => q.text, cell: (q) => factLink(q.text, q) },
        { key: "value", label: t("col.value"), num: true, value: (q) => Number(q.value), cell: (q) => fmtAmount(q) },
        { key: "unit", label: t("col.unit"), value: (q) => q.unit, cell: (q) => unitLabel(q.unit).trim() || "—" },
        ...factColumns(),
      ] });
  }

  // The sources of a fact as one line of text (what CSV export and the filter read).
  function sourcesText(fact) {
    const seen = new Set();
    return ((fact && fact.citations) || []).filter((c) => !seen.has(c.doc_id) && seen.add(c.doc_id)).map((c) => {
      const src = sourceInfo.get(c.doc_id) || {};
      return [`[${sourceNumbers.get(c.doc_id) || "?"}]`, src.outlet || src.title || src.source || c.doc_id, src.published, src.lang,
        src.placed_by === "content" ? t("event.placed_by_content") : null].filter(Boolean).join(" ");
    }).join("; ");
  }

  function valueText(v) {
    if (v === null || v === undefined) return "—";
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (Array.isArray(v)) return v.map(valueText).join(", ");
    if (typeof v === "object") return ("value" in v && "unit" in v) ? fmtAmount(v) : Object.values(v).map(valueText).join(" ");
    return String(v);
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
          `${g.place ? " · " + g.place : ""}${g.participants && g.participants.length ? " · " + g.participants.map(partyLabel).join(", ") : ""}`));
        a.append(s("text", { x: left - 8, y: y + rowH / 2 + 4, "text-anchor": "end", class: "seg-label" },
          `${kindLabel(g.kind)}${g.place ? " · " + g.place : ""}`));
        a.append(s("rect", { x: x(startOf(g)), y: y + 5, width: Math.max(3, x(end) - x(startOf(g))), height: rowH - 10,
          rx: 3, class: `bar kind-${g.kind}${g.duration_minutes ? "" : " unknown-length"}` }));
        a.append(s("text", { x: x(end) + 4, y: y + rowH / 2 + 4, class: "seg-time" },
          `${g.start}${g.duration_minutes ? ` (${g.duration_minutes}′)` : ""}`));
        svg.append(a);
      });
      out.push(h("figure", { class: "chart" }, chartScroll(svg), h("figcaption", { class: "muted" },
        `${days.filter(Boolean).join(", ")} · ${t("event.local_time")}`)));
    }
    if (untimed.length) {
      out.push(h("p", { class: "muted" }, t("event.no_start")), h("ul", { class: "facts" }, untimed.map((g) =>
        h("li", { class: "fact segment-untimed" }, factLink(`${kindLabel(g.kind)} ${g.date || ""}`, g), " ",
          g.place || "", " ", (g.participants || []).map(partyLabel).join(", "), restsOn(g)))));
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
        a.verb ? h("span", { class: "badge" }, verbLabel(a.verb)) : null, " ", factLink(a.text, a), support(a), restsOn(a))))));
  }

  function commitmentTable(ev) {
    return eventFacts(ev, { name: "commitments", label: t("event.commitments"), rowClass: "fact commitment",
      items: ev.commitments || [], columns: [
        { key: "actor", label: t("col.actor"), value: (c) => partyLabel(c.actor), cell: partyCell },
        { key: "text", label: t("col.text"), value: (c) => c.text, cell: (c) => [factLink(c.text, c, "fact-text commitment-link"),
          h("div", { class: "topics" }, (c.topics || []).map((x) => h("span", { class: "topic" }, topicLabel(x))))] },
        { key: "amount", label: t("col.amount"), num: true, value: (c) => (c.amount ? Number(c.amount.value) : null),
          cell: (c) => h("span", { title: c.amount ? String(c.amount.value) + " " + unitLabel(c.amount.unit) : "" }, fmtAmount(c.amount)) },
        { key: "deadline", label: t("col.deadline"), value: (c) => c.deadline || "", cell: (c) => c.deadline || "—" },
        ...factColumns(),
      ] });
  }

  function statementsBySpeaker(items) {
    if (!items.length) return none();
    const groups = new Map();
    for (const st of items) {  // one group per person, whatever the script each source wrote the name in
      const key = partyKey(st.speaker);
      if (!groups.has(key)) groups.set(key, { label: partyLabel(st.speaker), items: [] });
      groups.get(key).items.push(st);
    }
    return [...groups.entries()].map(([key, g]) => h("div", { class: "group speaker", "data-party": key }, h("h3", {}, g.label),
      h("ul", { class: "facts" }, g.items.map((st) => h("li", { class: `fact statement mode-${st.mode}` },
        st.mode === "direct" ? "「" : "", factLink(st.text, st), st.mode === "direct" ? "」" : "",
        support(st), restsOn(st))))));
  }

  function conflictsView(conflicts) {
    if (!conflicts.length) return none();
    return conflicts.map((c) => h("div", { class: "conflict" },
      h("h3", {}, conflictLabel(c.field), h("span", { class: "muted" }, aboutText(c) ? ` — ${aboutText(c)}` : "")),
      h("div", { class: "sides" }, (c.values || []).map((v) => h("div", { class: "side" },
        h("div", { class: "value" }, valueText(v.value)),
        h("ul", { class: "side-cites" }, (v.citations || []).map((ci) => h("li", {},
          h("a", { href: docHref(ci), "data-nav": "", class: "cite-doc" },
            sourceNumbers.get(ci.doc_id) ? `[${sourceNumbers.get(ci.doc_id)}] ` : "",
            sourceInfo.get(ci.doc_id) ? sourceName(sourceInfo.get(ci.doc_id)) : (ci.doc || ci.doc_id)),
          ci.evidence ? h("q", {}, ci.evidence) : null))))))));
  }

  // What a conflict is about, in the reader's language: a meeting ("summit 2025-10-28") by its kind and date.
  function aboutText(c) {
    const about = c.about || "";
    if (c.field === "signed_documents") return "";
    const m = /^([a-z_]+) (\d{4}-\d{2}-\d{2})?$/.exec(about) || /^([a-z_]+) (.*)$/.exec(about);
    if (m && String(c.field).startsWith("meetings.")) return `${kindLabel(m[1])} ${m[2] || ""}`.trim();
    return about;
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
    const link = doc.url || (/^https?:\/\//i.test(doc.source) ? doc.source : null);
    const source = link ? h("a", { href: link, rel: "noopener noreferrer nofollow" }, doc.source) : doc.source;
    const facts = doc.citations || [];
    // the fact the link pointed at: the one with the highlighted offsets, else the first that overlaps them
    const overlap = (f) => (ok && Array.isArray(f.offsets) ? Math.min(end, f.offsets[1]) - Math.max(start, f.offsets[0]) : 0);
    const current = facts.find((f) => ok && f.offsets && f.offsets[0] === start && f.offsets[1] === end)
      || facts.filter((f) => overlap(f) > 0).sort((a, b) => overlap(b) - overlap(a))[0] || null;
    const factItems = facts.map((f) => h("li", { class: `doc-fact${f === current ? " current" : ""}`, "aria-current": f === current ? "true" : null },
      h("span", { class: "badge" }, t("fact." + f.type)), " ",
      h("a", { href: docHref({ doc_id: doc.id, offsets: f.offsets }), "data-nav": "" }, f.text || f.evidence || "—")));
    const aside = h("aside", { class: "doc-facts" }, h("h2", {}, t("doc.facts")),
      facts.length ? h("ol", {}, factItems) : h("p", { class: "none" }, t("doc.no_facts")));
    // title and source stay in sight while reading (a sticky header)
    const head = h("header", { class: "doc-head" }, h("h1", { title: heading }, heading),
      h("p", { class: "doc-source muted small" }, [doc.outlet, doc.published, doc.source, doc.lang ? langName(doc.lang) : null].filter(Boolean).join(" · ")));
    show(
      head,
      h("dl", { class: "meta doc-meta" },
        h("dt", {}, t("col.outlet")), h("dd", { class: "outlet" }, doc.outlet || "—"),
        h("dt", {}, t("col.published")), h("dd", { class: "published" }, doc.published || "—"),
        h("dt", {}, t("doc.source")), h("dd", {}, source),
        h("dt", {}, t("col.lang")), h("dd", { class: "lang" }, langName(doc.lang)),
        h("dt", {}, t("doc.events")), h("dd", {}, doc.events.length ? doc.events.map((e) =>
          h("a", { href: `/events/${enc(e.id)}`, "data-nav": "", class: "event-link" }, e.id)) : "—")),
      ok ? h("p", { class: "cited-note" }, h("span", { class: "muted" }, t("doc.highlight") + ": "),
        h("span", { class: "cited-copy" }, cpSlice(chars, start, end))) : null,
      h("div", { class: "doc-layout" }, pre, aside),
    );
    followHeight(head);
    if (mark) mark.scrollIntoView({ block: "center", behavior: "instant" });
    const li = aside.querySelector("li.current");
    if (li) aside.scrollTop = Math.max(0, li.offsetTop - (aside.clientHeight - li.offsetHeight) / 2);
  }

  // The sticky header's height as --head-h (what the cited sentence and the side list keep clear of),
  // kept up to date as a long title wraps again at another width; 0 on views without one.
  let headWatch = null;
  function followHeight(head) {
    const set = () => document.documentElement.style.setProperty("--head-h", head ? `${Math.ceil(head.getBoundingClientRect().height)}px` : "0px");
    if (headWatch) { headWatch.disconnect(); headWatch = null; }
    set();
    if (head && window.ResizeObserver) { headWatch = new ResizeObserver(set); headWatch.observe(head); }
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
    return scroller(h("table", { class: "list documents cards" },
      h("thead", {}, h("tr", {}, h("th", {}, t("col.title")), h("th", {}, t("col.outlet")), h("th", {}, t("col.published")),
        h("th", {}, t("col.lang")), h("th", {}, t("col.facts")), h("th", {}, t("col.events")), h("th", {}, t("col.added")))),
      h("tbody", {}, items.map((d) => h("tr", { class: "document-row" },
        h("td", { "data-label": t("col.title") }, h("a", { href: `/documents/${enc(d.id)}`, "data-nav": "", class: "doc-link" }, d.title || d.heading || d.source),
          h("div", { class: "muted small source-name" }, d.source)),
        h("td", { "data-label": t("col.outlet"), class: "outlet" }, d.outlet || "—"),
        h("td", { "data-label": t("col.published"), class: "published" }, d.published || "—"),
        h("td", { "data-label": t("col.lang"), class: "lang" }, langName(d.lang)),
        h("td", { class: "num", "data-label": t("col.facts") }, d.facts ? Object.values(d.facts).reduce((a, b) => a + b, 0) : "—"),
        h("td", { "data-label": t("col.events") }, d.events.map((e) => h("a", { href: `/events/${enc(e)}`, "data-nav": "", class: "event-link" }, e))),
        h("td", { class: "muted small", "data-label": t("col.added") }, d.added_at))))));
  }

  // A wide table scrolls sideways inside its own box instead of pushing the page wider.
  function scroller(table, label) {
    return h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": label || t("nav.documents") }, table);
  }

  async function ledgerView(params) {
    document.title = `${t("ledger.title")} · Kaidan`;
    const q = new URLSearchParams();
    // (limit: threads per page, the API's 50 unless the address asks for another number)
    for (const k of ["actor", "who", "topic", "status", "due_before", "limit"]) if (params.get(k)) q.set(k, params.get(k));
    // the choice of parties is the ledger's, not the filtered rows': the API lists them with their counts
    const [first, parties, info] = await Promise.all([apiPage(`/api/ledger?${q}`), api("/api/ledger/parties"),
      api("/api/info")]);
    ledgerAuth = info.auth_required;
    const threads = first.items;
    let next = first.next;
    const form = queryForm("/ledger", { class: "filters" }, {},
    h("label", {}, t("col.actor"), whoSelect(parties, params.get("who"))),
    params.get("actor") ? h("input", { type: "hidden", name: "actor", value: params.get("actor") }) : null,
    h("label", {}, t("col.topic"), h("input", { name: "topic", value: params.get("topic") || "" })),
    h("label", {}, t("col.status"), statusSelect(params.get("status"))),
    h("label", {}, t("col.due") + " ≤", h("input", { name: "due_before", type: "date", value: params.get("due_before") || "" })),
    h("button", { type: "submit" }, t("ledger.filter")));
    const body = h("div", { class: "ledger-body" });
    const count = h("p", { class: "ledger-count muted", role: "status", "aria-live": "polite" });
    const more = h("button", { type: "button", class: "secondary ledger-more", onclick: async () => {
      more.disabled = true;
      try {
        const page = await apiPage(next);
        threads.push(...page.items);
        next = page.next;
        draw();
      } catch (err) {
        count.replaceChildren(errorView(err, `${t("error")}:`));
      } finally {
        more.disabled = false;
      }
    } }, t("ledger.more"));
    // the page's threads so far: their parties' names, the sources they cite, the chart and the table
    function draw() {
      partyNames = Object.assign({}, ...threads.map((th) => th.names || {}));
      // the sources cited, numbered in the order they first appear, each named by its outlet (or title) and date
      sourceInfo = new Map(threads.flatMap((th) => th.entries.flatMap((e) => (e.citations || []).map((c) => [c.doc_id, c]))));
      sourceNumbers = new Map([...sourceInfo.keys()].map((d, i) => [d, i + 1]));
      body.replaceChildren(...(threads.length ? [section("ledger-chart", t("ledger.chart"), ledgerChart(threads)), ledgerTable(threads)]
        : [h("p", { class: "none" }, t("ledger.empty"))]));
      count.textContent = threads.length < first.total
        ? `${threads.length} ${t("ledger.of")} ${first.total} ${t("ledger.shown")}` : "";
      more.hidden = !next;
    }
    draw();
    show(h("h1", {}, t("ledger.title")), form, body, count, more);
  }

  // One choice per party whatever the script its threads write it in (日本 and Japan are one), in the reader's
  // language, most threads first.
  function whoSelect(parties, current) {
    const label = (p) => (lang === "ja" ? p.ja : p.en) || p.id || "—";
    const sorted = [...parties].sort((a, b) => b.threads - a.threads || compareValues(label(a), label(b)));
    return h("select", { name: "who", class: "who-select" }, h("option", { value: "" }, t("ledger.any")),
      sorted.map((p) => h("option", { value: p.id, selected: p.id === current ? "" : null }, `${label(p)} (${p.threads})`)));
  }

  const STATUSES = ["open", "due soon", "overdue", "reported done", "marked done"];
  function statusSelect(current) {
    const sel = h("select", { name: "status" }, h("option", { value: "" }, t("ledger.any")));
    for (const st of STATUSES) {
      sel.append(h("option", { value: st, selected: st === current ? "" : null }, statusLabel(st)));
    }
    return sel;
  }

  const shortText = (x, n) => { const c = Array.from(String(x || "")); return c.length > n ? c.slice(0, n - 1).join("") + "…" : c.join(""); };
  // Cut to a width of n half-width characters: a wide character (kanji, kana, full-width forms) counts two,
  // so a Japanese label takes no more room than an English one.
  const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;
  function fitText(x, n) {
    const chars = Array.from(String(x || ""));
    const width = (ch) => (WIDE.test(ch) ? 2 : 1);
    if (chars.reduce((sum, ch) => sum + width(ch), 0) <= n) return chars.join("");
    const out = [];
    let used = 0;
    for (const ch of chars) {
      if (used + width(ch) > n - 1) break;
      out.push(ch);
      used += width(ch);
    }
    return out.join("") + "…";
  }
  const newestFirst = (entries) => [...(entries || [])].sort((a, b) => String(b.event_date).localeCompare(String(a.event_date)));

  // Deadlines on an axis that fits them: from the first promise to the last deadline within ten years of
  // today (a far deadline, 2050, is drawn at the edge with its year); threads without a deadline below.
  function ledgerChart(threads) {
    const todayIso = new Date().toISOString().slice(0, 10);
    const today = dayNumber(todayIso);
    const rows = threads.filter((th) => th.due);
    const undated = threads.filter((th) => !th.due);
    const made = (th) => Math.min(...th.entries.map((e) => dayNumber(e.event_date)));
    const W = 1000, left = 330, right = 60, top = 24, rowH = 22;
    const labelWidth = 52;  // half-width characters at 11px in the 324px left of the axis
    const H = top + (rows.length + (undated.length ? undated.length + 1 : 0)) * rowH + 40;
    const limit = today + 3653;
    const near = rows.map((th) => dayNumber(th.due)).filter((d) => d <= limit);
    const days = [...near, ...threads.map(made), today];
    let lo = Math.min(...days), hi = Math.max(...days);
    const pad = Math.max(30, (hi - lo) * 0.03); lo -= pad; hi += pad;
    const x = (d) => left + (W - left - right) * (Math.min(d, hi) - lo) / (hi - lo);
    const svg = s("svg", { class: "ledger-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("ledger.chart") });
    for (const [d, label] of dateTicks(lo, hi)) {
      svg.append(s("line", { x1: x(d), x2: x(d), y1: top - 8, y2: H - 30, class: "grid" }),
        s("text", { x: x(d), y: H - 16, "text-anchor": "middle", class: "tick" }, label));
    }
    svg.append(s("line", { x1: x(today), x2: x(today), y1: top - 12, y2: H - 30, class: "today" }),
      s("text", { x: x(today), y: top - 12 + 0, "text-anchor": "middle", class: "tick today-label" }, t("ledger.today")));
    const drawRow = (th, y) => {
      const first = newestFirst(th.entries).slice(-1)[0];
      const a = s("a", { href: first && first.citations[0] ? docHref(first.citations[0]) : "#",
        "data-nav": "", class: `thread status-${th.status.replace(" ", "-")}`, "data-thread": th.id });
      a.append(s("title", {}, `${statusLabel(th.status)} · ${th.due || t("ledger.no_due")} · ${partyLabel(th.actor)}: ${th.text || ""}`));
      a.append(s("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "row-label" },
        fitText(`${th.actor ? fitText(partyLabel(th.actor), 16) + ": " : ""}${th.text || th.id}`, labelWidth)));
      const from = made(th);
      if (th.due) {
        const due = dayNumber(th.due);
        a.append(s("line", { x1: x(from), x2: x(due), y1: y, y2: y, class: "span" }));
        a.append(s("circle", { cx: x(from), cy: y, r: 3, class: "made" }));
        a.append(s("circle", { cx: x(due), cy: y, r: 5, class: "due" }));
        if (due > hi) a.append(s("text", { x: x(hi) + 8, y: y + 4, class: "tick beyond" }, `→ ${th.due.slice(0, 4)}`));
      } else {
        for (const e of th.entries) a.append(s("circle", { cx: x(dayNumber(e.event_date)), cy: y, r: 3, class: "made undated" }));
      }
      svg.append(a);
    };
    rows.forEach((th, i) => drawRow(th, top + i * rowH + rowH / 2));
    if (undated.length) {
      const y0 = top + rows.length * rowH;
      svg.append(s("text", { x: 8, y: y0 + rowH / 2 + 4, class: "group-label" }, `${t("ledger.undated")} (${undated.length})`));
      undated.forEach((th, i) => drawRow(th, y0 + (i + 1) * rowH + rowH / 2));
    }
    const legend = h("p", { class: "legend" }, STATUSES.map((st) =>
      h("span", { class: `key status-${st.replace(" ", "-")}` }, statusLabel(st))),
    undated.length ? h("span", { class: "muted" }, ` · ${undated.length} ${t("ledger.no_due")}`) : null);
    return h("figure", { class: "chart" }, chartScroll(svg), legend);
  }

  // The ledger as a table of the event page's kind (sorts, filters, exports); a promise is labelled by its words.
  function ledgerTable(threads) {
    const statusCell = (th) => h("span", { class: `status status-${th.status.replace(" ", "-")}` }, statusLabel(th.status));
    return dataTable({ name: "ledger", label: t("ledger.title"), cls: "ledger", rows: threads, record: (th) => th,
      rowClass: () => "thread-row", rowAttrs: (th) => ({ "data-thread": th.id }), columns: [
        { key: "promise", label: t("col.promise"), cls: "promise", value: (th) => th.text || th.id,
          cell: (th) => [factLink(th.text || th.id, newestFirst(th.entries).slice(-1)[0]),
            h("div", { class: "topics" }, (th.topics || []).map((x) => h("span", { class: "topic" }, topicLabel(x))))] },
        { key: "status", label: t("col.status"), value: (th) => statusLabel(th.status), cell: statusCell },
        { key: "due", label: t("col.due"), value: (th) => th.due || "", cell: (th) => th.due || t("ledger.no_due") },
        { key: "actor", label: t("col.actor"), value: (th) => partyLabel(th.actor), cell: partyCell },
        { key: "amount", label: t("col.amount"), num: true, value: (th) => (th.amount ? Number(th.amount.value) : null),
          cell: (th) => fmtAmount(th.amount) },
        { key: "entries", label: t("col.entries"), value: (th) => newestFirst(th.entries).map((e) => `${e.event_date} ${partyLabel(e.actor)}: ${e.text || ""}`).join("; "),
          cell: (th) => [h("ol", { class: "entries" }, th.done ? doneEntry(th.done) : null,
            newestFirst(th.entries).map((e) => h("li", { class: "entry" },
              h("a", { href: `/events/${enc(e.event)}`, "data-nav": "", class: "event-link entry-date" }, e.event_date),
              e.actor ? h("span", { class: "entry-actor party", "data-party": partyKey(e.actor) }, `${partyLabel(e.actor)}: `) : null,
              factLink(shortText(e.text, 120), e), restsOn(e)))),
          th.key ? doneForm(th) : null] },
      ] });
  }

  // The newest entry of a thread marked done: who, when, and the citation (a stored sentence or an address).
  function doneEntry(done) {
    const c = done.citation || {};
    const cite = c.doc_id ? h("a", { href: docHref(c), "data-nav": "", class: "done-cite" }, c.evidence || c.doc_id)
      : h("a", { href: c.url, rel: "noopener noreferrer nofollow", class: "done-cite" }, c.evidence || c.url);
    return h("li", { class: "entry done-entry" }, h("span", { class: "entry-date" }, String(done.at || "").slice(0, 10)), " ",
      h("span", { class: "status status-marked-done" }, `${t("done.marked")} ${done.by}`), ": ", cite,
      c.doc_id && c.url ? [" · ", h("a", { href: c.url, rel: "noopener noreferrer nofollow" }, c.url)] : null);
  }

  let ledgerAuth = false;
  // "Mark done": who, and the citation that shows it done (a stored document's id with the sentence, or a URL).
  function doneForm(th) {
    const status = h("div", { class: "done-status", role: "status", "aria-live": "polite" });
    const token = ledgerAuth ? h("label", {}, t("ingest.token"), h("input", { type: "password", name: "token",
      autocomplete: "off", value: sessionStorage.getItem("kaidan.token") || "" })) : null;
    const form = h("form", { class: "done-form", hidden: "", onsubmit: async (e) => {
      e.preventDefault();
      const data = new FormData(e.target);
      if (token) sessionStorage.setItem("kaidan.token", data.get("token") || "");
      const where = String(data.get("source") || "").trim();
      const citation = /^https?:\/\//i.test(where) ? { url: where } : { doc_id: where };
      const evidence = String(data.get("evidence") || "").trim();
      if (evidence) citation.evidence = evidence;
      try {
        await api(`/api/ledger/${enc(th.key)}/done`, { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ by: String(data.get("by") || "").trim(), citation }) });
        sessionStorage.setItem("kaidan.doneBy", String(data.get("by") || ""));
        render();
      } catch (err) {
        status.replaceChildren(errorView(err, `${t("error")}:`));
      }
    } },
    h("label", {}, t("done.by"), h("input", { name: "by", required: "", maxlength: 100, value: sessionStorage.getItem("kaidan.doneBy") || "" })),
    h("label", {}, t("done.source"), h("input", { name: "source", required: "", placeholder: "313a2d79… / https://…" })),
    h("label", { class: "wide" }, t("done.evidence"), h("textarea", { name: "evidence", rows: 2, maxlength: 2000 })),
    token, h("button", { type: "submit" }, t("done.submit")),
    h("button", { type: "button", class: "secondary", onclick: () => { form.hidden = true; open.hidden = false; } }, t("done.cancel")), status);
    const open = h("button", { type: "button", class: "secondary mark-done", onclick: () => {
      form.hidden = false; open.hidden = true; form.querySelector("input").focus();
    } }, t("done.mark"));
    return h("div", { class: "done-box" }, open, form);
  }

  // A form whose fields become the query of a view's address (PATH?k=v…): empty fields and fields left at their
  // default are left out, so the address stays short and a link to it shares the same view.
  function queryForm(path, attrs, defaults, ...fields) {
    return h("form", { ...attrs, onsubmit: (e) => {
      e.preventDefault();
      const next = new URLSearchParams();
      for (const [k, v] of new FormData(e.target)) if (v && v !== defaults[k]) next.set(k, v);
      navigate(`${path}?${next}`);
    } }, ...fields);
  }

  // The terms of a query as the API reads them: "phrases" (also 「…」), words, OR between alternatives.
  function queryTerms(q) {
    const out = [];
    for (const m of String(q || "").matchAll(/"([^"]*)"?|「([^」]*)」?|“([^”]*)”?|(\S+)/g)) {
      const term = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
      if (term && !["OR", "|", "｜"].includes(term)) out.push(term);
    }
    return out;
  }

  function highlightText(text, q) {
    // the first occurrence of any query word marked, built from text nodes
    const str = String(text || "");
    const words = queryTerms(q).sort((a, b) => b.length - a.length);
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
    const sort = params.get("sort") || "relevance";
    const input = h("input", { name: "q", type: "search", value: q, placeholder: t("search.placeholder"),
      "aria-label": t("search.title"), "aria-describedby": "search-help", required: "" });
    const sel = h("select", { name: "scope", id: "search-scope" }, ["all", "documents", "facts"].map((v) =>
      h("option", { value: v, selected: v === scope ? "" : null }, t("search." + v))));
    const sortSel = h("select", { name: "sort", id: "search-sort" }, ["relevance", "date"].map((v) =>
      h("option", { value: v, selected: v === sort ? "" : null }, t("search." + v))));
    const field = (name, key, attrs) => h("label", {}, t(key), h("input", { name, value: params.get(name) || "", ...attrs }));
    const form = queryForm("/search", { class: "search-form", role: "search" }, { sort: "relevance" }, input,
    h("label", { for: "search-scope" }, t("search.scope"), sel),
    h("label", { for: "search-sort" }, t("search.sort"), sortSel),
    field("event", "search.event", { size: 12, placeholder: "2025-10-28", pattern: "[0-9A-Za-z-]+" }),
    field("country", "search.country", { size: 3, placeholder: "JP", pattern: "[A-Za-z]{2}", maxlength: 2 }),
    field("date_from", "search.from", { type: "date" }), field("date_to", "search.to", { type: "date" }),
    h("button", { type: "submit" }, t("search.button")),
    h("p", { id: "search-help", class: "muted small help" }, t("search.help")));
    if (!q.trim()) return show(h("h1", {}, t("search.title")), form);
    const api_q = new URLSearchParams({ q, scope, limit: "50" });
    for (const k of ["event", "country", "date_from", "date_to", "sort"]) if (params.get(k)) api_q.set(k, params.get(k));
    const res = await api(`/api/search?${api_q}`);
    show(h("h1", {}, t("search.title")), form,
      h("p", { class: "muted" }, `${res.results.length} ${t("search.results")}`),
      res.results.length ? h("ol", { class: "results" }, res.results.map((r) => searchResult(r, q)))
        : h("p", { class: "none" }, t("search.none")));
  }

  function searchResult(r, q) {
    const kind = r.kind === "document" ? t("kind.document") : t("fact." + r.kind);
    const where = h("div", { class: "muted small where" }, h("span", { class: "result-title" }, r.title || r.source),
      r.outlet ? h("span", { class: "outlet" }, ` · ${r.outlet}`) : null,
      r.published ? h("span", { class: "published" }, ` · ${r.published}`) : null, r.events.length ? " · " : "",
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
          const shown = errorView(res.error, t("ingest.failed"));
          shown.classList.add("failed");
          status.replaceChildren(shown);
          await refreshLatest();
          return;
        }
        status.replaceChildren(h("p", { class: "ok" },
          `${res.status === "stored" ? t("ingest.stored") : t("ingest.unchanged")}: `,
          h("a", { href: `/documents/${enc(res.doc_id)}`, "data-nav": "", class: "doc-link" }, res.title || res.source),
          " ", res.events.map((e) => h("a", { href: `/events/${enc(e)}`, "data-nav": "", class: "event-link" }, e))));
      } catch (err) {
        status.replaceChildren(errorView(err, `${t("error")}:`));
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

  function tokenPrompt() {
    const input = h("input", { type: "password", name: "token", autocomplete: "off", required: "" });
    return [h("h1", {}, t("token.title")), h("form", { class: "token-form", onsubmit: (e) => {
      e.preventDefault();
      sessionStorage.setItem("kaidan.token", input.value);
      render();
    } }, h("label", {}, t("ingest.token"), input), h("button", { type: "submit" }, t("token.submit"))),
    h("p", { class: "muted" }, t("token.help"))];
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
    const menu = document.getElementById("menu-toggle");
    menu.textContent = t("menu");
    menu.setAttribute("aria-expanded", "false");
    document.querySelector(".top").classList.remove("open");
    document.getElementById("skip").textContent = t("skip");
    document.documentElement.lang = lang;
  }

  async function render() {
    delete document.body.dataset.ready;
    rendered = location.pathname + location.search;
    renderNav();
    const path = decodeURIComponent(location.pathname);
    const params = new URLSearchParams(location.search);
    show(h("p", { class: "loading" }, t("loading")));
    followHeight(null);
    sourceNumbers = new Map(); sourceInfo = new Map(); partyNames = {};  // nothing of the view before
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
      if (err.code === "K602" && !location.pathname.startsWith("/ingest")) show(tokenPrompt());
      else show(h("h1", {}, t("error")), errorView(err));
    }
    if (moveFocus) {  // after a navigation, the new view's heading has the focus (screen readers read it)
      const h1 = view().querySelector("h1");
      if (h1) { h1.setAttribute("tabindex", "-1"); h1.focus({ preventScroll: true }); }
      moveFocus = false;
    }
    document.body.dataset.ready = path;
  }

  let moveFocus = false, rendered = "";
  function navigate(href) {
    history.pushState(null, "", href);
    window.scrollTo(0, 0);
    moveFocus = true;
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
  window.addEventListener("popstate", () => {
    if (location.pathname + location.search === rendered) return;  // a link to a section of the same view
    moveFocus = true;
    render();
  });
  document.getElementById("menu-toggle").addEventListener("click", (e) => {
    const top = document.querySelector(".top");
    const open = !top.classList.contains("open");
    top.classList.toggle("open", open);
    e.currentTarget.setAttribute("aria-expanded", String(open));
  });
  document.getElementById("lang-toggle").addEventListener("click", () => {
    lang = lang === "ja" ? "en" : "ja";
    sessionStorage.setItem("kaidan.lang", lang);
    render();
  });
  render();
})();
