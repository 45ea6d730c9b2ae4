"""The sandbox page template (inline CSS and JS, works offline). Placeholders: __NONCE__, __CONFIG_JSON__."""

PAGE_TEMPLATE = r"""<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<title>Astral sandbox</title>
<style>
:root {
  --bg: #dfe7ee; --panel: #ffffff; --text: #0f1419; --muted: #707579; --accent: #3390ec;
  --in: #ffffff; --out: #e3fee0; --btn: rgba(0, 0, 0, .06); --btn-text: #2a7bd1; --border: #dadce0;
  --shadow: 0 1px 2px rgba(16, 35, 47, .15); --code: rgba(0, 0, 0, .06);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0e1621; --panel: #17212b; --text: #f5f5f5; --muted: #8b9aa7; --accent: #5eb5f7;
    --in: #182533; --out: #2b5278; --btn: rgba(255, 255, 255, .08); --btn-text: #8cc8ff;
    --border: #0b121a; --shadow: 0 1px 2px rgba(0, 0, 0, .4); --code: rgba(255, 255, 255, .08);
  }
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  font: 15px/1.4 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: var(--bg);
}
.app { display: flex; flex-direction: column; height: 100%; max-width: 760px; margin: 0 auto;
  background: var(--bg); box-shadow: 0 0 24px rgba(0, 0, 0, .12); }
header { display: flex; align-items: center; gap: 10px; padding: 8px 12px; background: var(--panel);
  border-bottom: 1px solid var(--border); }
.avatar { width: 40px; height: 40px; border-radius: 50%; flex: none; display: grid; place-items: center;
  color: #fff; font-weight: 600; font-size: 18px; background: linear-gradient(135deg, #7f5af0, #3390ec); }
.who { flex: 1; min-width: 0; }
.who b { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status { color: var(--muted); font-size: 13px; }
.status.typing { color: var(--accent); }
.icon-btn { border: 0; background: transparent; color: var(--muted); font-size: 20px; cursor: pointer;
  width: 38px; height: 38px; border-radius: 50%; }
.icon-btn:hover { background: var(--btn); }
.settings { display: none; gap: 8px; flex-wrap: wrap; align-items: end; padding: 10px 12px;
  background: var(--panel); border-bottom: 1px solid var(--border); }
.settings.open { display: flex; }
.settings label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
.settings input, .settings select { font: inherit; color: var(--text); background: var(--bg);
  border: 1px solid var(--border); border-radius: 8px; padding: 6px 8px; min-width: 0; }
.settings input[type=number] { width: 130px; }
.settings .apply { border: 0; border-radius: 8px; padding: 8px 14px; background: var(--accent); color: #fff;
  font: inherit; cursor: pointer; }
main { flex: 1; overflow-y: auto; padding: 12px 10px 6px; display: flex; flex-direction: column; gap: 6px; }
.empty { margin: auto; text-align: center; color: var(--muted); max-width: 300px; }
.empty button { margin-top: 12px; }
.row { display: flex; flex-direction: column; max-width: min(82%, 520px); }
.row.bot { align-self: flex-start; }
.row.user { align-self: flex-end; align-items: flex-end; }
.row.service { align-self: center; max-width: 90%; }
.bubble { background: var(--in); border-radius: 14px 14px 14px 4px; padding: 6px 10px 4px;
  box-shadow: var(--shadow); overflow-wrap: anywhere; }
.row.user .bubble { background: var(--out); border-radius: 14px 14px 4px 14px; }
.row.service .bubble { background: rgba(0, 0, 0, .25); color: #fff; border-radius: 12px; font-size: 13px; }
.text { white-space: pre-wrap; }
.meta { float: right; margin: 6px 0 0 10px; font-size: 11px; color: var(--muted); }
.bubble img.photo { display: block; max-width: 100%; max-height: 420px; border-radius: 10px; margin: 0 -6px 4px;
  width: calc(100% + 12px); object-fit: contain; background: rgba(0, 0, 0, .05); cursor: zoom-in; }
.doc { display: flex; align-items: center; gap: 10px; color: inherit; text-decoration: none; padding: 4px 0; }
.doc .ic { width: 42px; height: 42px; border-radius: 50%; background: var(--accent); color: #fff;
  display: grid; place-items: center; font-size: 18px; flex: none; }
.doc small { display: block; color: var(--muted); }
.invoice h4 { margin: 2px 0; }
.invoice .price { font-size: 20px; font-weight: 600; margin: 6px 0; }
.pay { width: 100%; border: 0; border-radius: 8px; padding: 9px; background: var(--accent); color: #fff;
  font: inherit; font-weight: 600; cursor: pointer; }
.pay:disabled { opacity: .6; cursor: progress; }
.keyboard { display: flex; flex-direction: column; gap: 4px; margin-top: 4px; width: 100%; }
.keyboard .krow { display: flex; gap: 4px; }
.keyboard button { flex: 1; min-width: 0; border: 0; border-radius: 8px; padding: 8px 6px;
  background: var(--btn); color: var(--btn-text); font: inherit; font-weight: 500; cursor: pointer;
  backdrop-filter: blur(4px); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row.bot .keyboard button { background: color-mix(in srgb, var(--in) 70%, var(--accent) 12%); }
.keyboard button:hover { filter: brightness(.96); }
.keyboard button.pending { opacity: .55; }
.keyboard button .arrow { font-size: 11px; margin-left: 4px; }
b, strong { font-weight: 600; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px;
  background: var(--code); border-radius: 4px; }
code { padding: 0 3px; }
pre { padding: 6px 8px; margin: 4px 0; white-space: pre-wrap; }
blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid var(--accent);
  background: var(--code); border-radius: 4px; }
.spoiler { background: var(--muted); color: transparent; border-radius: 3px; cursor: pointer; }
.spoiler.shown { background: transparent; color: inherit; }
a { color: var(--btn-text); }
.quick { display: none; flex-wrap: wrap; gap: 4px; padding: 6px 10px; background: var(--panel); }
.quick.open { display: flex; }
.quick button { flex: 1 1 40%; border: 1px solid var(--border); border-radius: 8px; padding: 8px;
  background: var(--bg); color: var(--text); font: inherit; cursor: pointer; }
.composer { display: flex; gap: 6px; align-items: end; padding: 8px 10px;
  padding-bottom: calc(8px + env(safe-area-inset-bottom)); background: var(--panel);
  border-top: 1px solid var(--border); position: relative; }
.composer textarea { flex: 1; resize: none; font: inherit; color: var(--text); background: transparent;
  border: 0; outline: none; padding: 9px 4px; max-height: 140px; }
.send { border: 0; width: 40px; height: 40px; border-radius: 50%; background: var(--accent); color: #fff;
  font-size: 18px; cursor: pointer; flex: none; }
.send:disabled { opacity: .4; cursor: default; }
.menu { position: absolute; left: 8px; bottom: 56px; background: var(--panel); border-radius: 12px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, .25); min-width: 240px; max-width: calc(100% - 16px);
  max-height: 50vh; overflow: auto; display: none; padding: 4px 0; z-index: 5; }
.menu.open { display: block; }
.menu button { display: block; width: 100%; text-align: left; border: 0; background: none; color: var(--text);
  font: inherit; padding: 8px 14px; cursor: pointer; }
.menu button:hover { background: var(--btn); }
.menu small { color: var(--muted); margin-left: 6px; }
.toast { position: fixed; left: 50%; top: 72px; transform: translateX(-50%); background: rgba(0, 0, 0, .78);
  color: #fff; padding: 9px 14px; border-radius: 10px; max-width: min(90vw, 420px); font-size: 14px;
  opacity: 0; pointer-events: none; transition: opacity .2s; z-index: 10; white-space: pre-wrap; }
.toast.show { opacity: 1; }
dialog { border: 0; border-radius: 14px; padding: 18px 18px 10px; max-width: min(90vw, 380px);
  background: var(--panel); color: var(--text); box-shadow: 0 10px 40px rgba(0, 0, 0, .35); }
dialog::backdrop { background: rgba(0, 0, 0, .35); }
dialog p { margin: 0 0 12px; white-space: pre-wrap; }
dialog form { text-align: right; margin: 0; }
dialog button { border: 0; background: none; color: var(--accent); font: inherit; font-weight: 600;
  padding: 8px 12px; cursor: pointer; }
.lightbox { position: fixed; inset: 0; background: rgba(0, 0, 0, .85); display: none; place-items: center;
  z-index: 20; cursor: zoom-out; }
.lightbox.open { display: grid; }
.lightbox img { max-width: 96vw; max-height: 96vh; }
.offline { background: #e5484d; color: #fff; text-align: center; font-size: 13px; padding: 3px; display: none; }
.offline.show { display: block; }
@media (max-width: 520px) {
  .app { box-shadow: none; }
  .row { max-width: 90%; }
  main { padding: 8px 6px 4px; }
}
</style>
</head>
<body>
<div class="app">
  <header>
    <div class="avatar" id="avatar">A</div>
    <div class="who"><b id="bot-name">Astral</b><span class="status" id="status"></span></div>
    <button class="icon-btn" id="settings-toggle" aria-label="settings" title="">⚙</button>
  </header>
  <div class="offline" id="offline"></div>
  <form class="settings" id="settings">
    <label><span data-i18n="userId"></span><input type="number" id="user-id" min="1" required></label>
    <label><span data-i18n="firstName"></span><input id="first-name" maxlength="64" required></label>
    <label><span data-i18n="language"></span>
      <select id="language"><option value="ru">Русский</option><option value="en">English</option></select>
    </label>
    <button class="apply" type="submit" data-i18n="apply"></button>
  </form>
  <main id="messages" aria-live="polite"></main>
  <div class="quick" id="quick"></div>
  <div class="composer">
    <div class="menu" id="menu"></div>
    <button class="icon-btn" id="menu-toggle" aria-label="commands" title="">/</button>
    <textarea id="input" rows="1" autocomplete="off"></textarea>
    <button class="send" id="send" aria-label="send" disabled>➤</button>
  </div>
</div>
<div class="toast" id="toast" role="status"></div>
<dialog id="alert"><p id="alert-text"></p><form method="dialog"><button>OK</button></form></dialog>
<div class="lightbox" id="lightbox"><img alt=""></div>
<script id="config" type="application/json">__CONFIG_JSON__</script>
<script nonce="__NONCE__">
"use strict";
const CONFIG = JSON.parse(document.getElementById("config").textContent);
const API = CONFIG.apiBase;
const T = {
  ru: {
    userId: "ID пользователя", firstName: "Имя", language: "Язык", apply: "Применить",
    placeholder: "Сообщение", online: "бот", typing: "печатает…", uploading: "отправляет фото…",
    emptyTitle: "Это песочница Astral", emptyText: "Здесь можно поговорить с ботом без Telegram.",
    start: "Начать", pay: "Оплатить", paid: "Оплата прошла", rejected: "Оплата отклонена",
    timeout: "Бот не подтвердил оплату вовремя", edited: "изменено", offline: "Нет связи с сервером…",
    noCommands: "Команды не заданы", settings: "Настройки", commands: "Команды", send: "Отправить",
    refunded: "Возврат средств", paidService: "Вы оплатили", bytes: "Б", kb: "КБ", mb: "МБ",
  },
  en: {
    userId: "User ID", firstName: "First name", language: "Language", apply: "Apply",
    placeholder: "Message", online: "bot", typing: "typing…", uploading: "sending a photo…",
    emptyTitle: "This is the Astral sandbox", emptyText: "Talk to the bot here, no Telegram needed.",
    start: "Start", pay: "Pay", paid: "Payment succeeded", rejected: "Payment declined",
    timeout: "The bot did not confirm the payment in time", edited: "edited", offline: "Connection lost…",
    noCommands: "No commands set", settings: "Settings", commands: "Commands", send: "Send",
    refunded: "Refund", paidService: "You paid", bytes: "B", kb: "KB", mb: "MB",
  },
};
const $ = (id) => document.getElementById(id);
const state = { user: loadUser(), seq: 0, generation: 0, rendered: new Map(), actionTimer: 0 };

function loadUser() {
  const saved = JSON.parse(localStorage.getItem("astral-sandbox-user") || "null");
  if (saved && saved.id) return saved;
  const lang = (navigator.language || "ru").toLowerCase().startsWith("en") ? "en" : "ru";
  return { id: 100000 + Math.floor(Math.random() * 900000), name: lang === "en" ? "Guest" : "Гость", lang };
}
function t(key) { return (T[state.user.lang] || T.ru)[key] || key; }

function applyTexts() {
  document.documentElement.lang = state.user.lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $("input").placeholder = t("placeholder");
  $("settings-toggle").title = t("settings");
  $("menu-toggle").title = t("commands");
  $("send").title = t("send");
  $("offline").textContent = t("offline");
  if (!state.actionTimer) setStatus("");
}

function setStatus(kind) {
  const el = $("status");
  el.textContent = kind ? t(kind) : "@" + CONFIG.botUsername + " · " + t("online");
  el.classList.toggle("typing", Boolean(kind));
}

async function api(path, options = {}) {
  const response = await fetch(API + path, {
    headers: { "Content-Type": "application/json" }, cache: "no-store", ...options,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.detail || response.statusText);
  return data;
}

function toast(text) {
  const el = $("toast");
  el.textContent = text;
  el.classList.add("show");
  clearTimeout(el._timer);
  el._timer = setTimeout(() => el.classList.remove("show"), 2600);
}
function alertBox(text) {
  $("alert-text").textContent = text;
  if ($("alert").showModal) $("alert").showModal(); else window.alert(text);
}

const SAFE_URL = /^(https?:|tg:|mailto:)/i;
function entityElement(entity, text) {
  const tags = { bold: "b", italic: "i", underline: "u", strikethrough: "s", code: "code", pre: "pre",
    blockquote: "blockquote", expandable_blockquote: "blockquote" };
  if (tags[entity.type]) return document.createElement(tags[entity.type]);
  if (entity.type === "spoiler") {
    const el = document.createElement("span");
    el.className = "spoiler";
    el.addEventListener("click", () => el.classList.add("shown"));
    return el;
  }
  if (entity.type === "text_link" || entity.type === "url") {
    const url = entity.type === "url" ? text.substr(entity.offset, entity.length) : entity.url;
    if (url && SAFE_URL.test(url)) {
      const a = document.createElement("a");
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      return a;
    }
  }
  return document.createElement("span");
}

// Text + Telegram entities -> DOM. Offsets are UTF-16 code units, exactly like JS string indices.
function renderFormatted(text, entities) {
  const root = document.createElement("div");
  root.className = "text";
  const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const build = (parent, start, end, list) => {
    let pos = start, i = 0;
    while (i < list.length) {
      const entity = list[i];
      const from = Math.max(entity.offset, pos);
      const to = Math.min(entity.offset + entity.length, end);
      i += 1;
      const children = [];
      while (i < list.length && list[i].offset < to) { children.push(list[i]); i += 1; }
      if (to <= from) continue;
      if (from > pos) parent.append(text.slice(pos, from));
      const el = entityElement(entity, text);
      build(el, from, to, children);
      parent.append(el);
      pos = to;
    }
    if (pos < end) parent.append(text.slice(pos, end));
  };
  build(root, 0, text.length, sorted);
  return root;
}

function formatSize(bytes) {
  if (bytes < 1024) return bytes + " " + t("bytes");
  if (bytes < 1048576) return (bytes / 1024).toFixed(1) + " " + t("kb");
  return (bytes / 1048576).toFixed(1) + " " + t("mb");
}
function timeOf(message) {
  const d = new Date((message.date || 0) * 1000);
  return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function keyboardFor(message, container) {
  const rows = (message.reply_markup || {}).inline_keyboard || [];
  if (!rows.length) return;
  const kb = document.createElement("div");
  kb.className = "keyboard";
  for (const row of rows) {
    const r = document.createElement("div");
    r.className = "krow";
    for (const button of row) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = button.text;
      if (button.url) {
        const arrow = document.createElement("span");
        arrow.className = "arrow"; arrow.textContent = "↗";
        b.append(arrow);
        b.addEventListener("click", () => {
          if (SAFE_URL.test(button.url)) window.open(button.url, "_blank", "noopener");
        });
      } else if (button.callback_data !== undefined) {
        b.dataset.callback = button.callback_data;
        b.addEventListener("click", () => press(message.message_id, button.callback_data, b));
      } else if (button.pay) {
        b.addEventListener("click", () => pay(message.message_id, b));
      } else {
        b.disabled = true;
      }
      r.append(b);
    }
    kb.append(r);
  }
  container.append(kb);
}

function buildMessage(message) {
  const row = document.createElement("div");
  row.className = "row " + (message.sender === "bot" ? "bot" : message.sender === "user" ? "user" : "service");
  row.dataset.messageId = message.message_id;
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (message.photo) {
    const img = document.createElement("img");
    img.className = "photo"; img.alt = ""; img.loading = "lazy";
    img.src = API + "/" + message.file_url;
    img.addEventListener("click", () => {
      $("lightbox").querySelector("img").src = img.src;
      $("lightbox").classList.add("open");
    });
    bubble.append(img);
  }
  if (message.document) {
    const a = document.createElement("a");
    a.className = "doc"; a.href = API + "/" + message.file_url; a.download = message.document.file_name || "";
    const icon = document.createElement("span");
    icon.className = "ic"; icon.textContent = "⬇";
    const name = document.createElement("span");
    name.textContent = message.document.file_name || "file";
    const size = document.createElement("small");
    size.textContent = formatSize(message.document.file_size || 0);
    name.append(size);
    a.append(icon, name);
    bubble.append(a);
  }
  if (message.invoice) {
    const inv = message.invoice;
    const box = document.createElement("div");
    box.className = "invoice";
    const h = document.createElement("h4"); h.textContent = inv.title;
    const d = document.createElement("div"); d.textContent = inv.description;
    const p = document.createElement("div"); p.className = "price";
    p.textContent = inv.currency === "XTR" ? inv.total_amount + " ★" : (inv.total_amount / 100).toFixed(2) + " "
      + inv.currency;
    box.append(h, d, p);
    if (!((message.reply_markup || {}).inline_keyboard || []).length) {
      const b = document.createElement("button");
      b.className = "pay"; b.type = "button"; b.textContent = t("pay");
      b.addEventListener("click", () => pay(message.message_id, b));
      box.append(b);
    }
    bubble.append(box);
  }
  if (message.successful_payment) {
    const sp = message.successful_payment;
    bubble.append(renderFormatted(t("paidService") + ": " + sp.total_amount + " " + (sp.currency === "XTR" ? "★"
      : sp.currency), []));
  }
  if (message.refunded_payment) {
    const rp = message.refunded_payment;
    bubble.append(renderFormatted(t("refunded") + ": " + rp.total_amount + " " + (rp.currency === "XTR" ? "★"
      : rp.currency), []));
  }
  const text = message.text !== undefined ? message.text : message.caption;
  if (text) {
    bubble.append(renderFormatted(text, message.text !== undefined ? message.entities
      : message.caption_entities));
  }
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = (message.edit_date ? t("edited") + " " : "") + timeOf(message);
  const last = bubble.lastElementChild;
  if (message.sender === "service") { /* service lines carry no time */ }
  else if (last && last.classList.contains("text")) last.append(meta);
  else bubble.append(meta);
  row.append(bubble);
  keyboardFor(message, row);
  return row;
}

function showEmpty() {
  const box = $("messages");
  if (box.querySelector(".row")) { box.querySelector(".empty")?.remove(); return; }
  if (box.querySelector(".empty")) return;
  const empty = document.createElement("div");
  empty.className = "empty";
  const h = document.createElement("h3"); h.textContent = t("emptyTitle");
  const p = document.createElement("div"); p.textContent = t("emptyText");
  const b = document.createElement("button");
  b.className = "pay"; b.type = "button"; b.textContent = t("start"); b.id = "start";
  b.addEventListener("click", () => send("/start"));
  empty.append(h, p, b);
  box.append(empty);
}

function upsert(message) {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const node = buildMessage(message);
  const old = state.rendered.get(message.message_id);
  if (old) old.replaceWith(node); else box.append(node);
  state.rendered.set(message.message_id, node);
  showEmpty();
  if (atBottom || !old) box.scrollTop = box.scrollHeight;
}
function removeMessage(messageId) {
  const node = state.rendered.get(messageId);
  if (node) node.remove();
  state.rendered.delete(messageId);
  showEmpty();
}

function showReplyKeyboard(markup) {
  const quick = $("quick");
  quick.textContent = "";
  const rows = markup.keyboard || [];
  if (markup.remove_keyboard || !rows.length) { quick.classList.remove("open"); return; }
  for (const row of rows) for (const button of row) {
    const b = document.createElement("button");
    b.type = "button"; b.textContent = button.text;
    b.addEventListener("click", () => {
      send(button.text);
      if (markup.one_time_keyboard) quick.classList.remove("open");
    });
    quick.append(b);
  }
  quick.classList.add("open");
}

function handleEvent(event) {
  if (event.type === "message" || event.type === "edit") upsert(event.message);
  else if (event.type === "delete") removeMessage(event.message_id);
  else if (event.type === "callback_answer") {
    const answer = event.answer;
    document.querySelectorAll("button.pending").forEach((b) => b.classList.remove("pending"));
    if (answer.url && SAFE_URL.test(answer.url)) window.open(answer.url, "_blank", "noopener");
    if (answer.text) { if (answer.show_alert) alertBox(answer.text); else toast(answer.text); }
  } else if (event.type === "chat_action") {
    setStatus(event.action === "upload_photo" ? "uploading" : "typing");
    clearTimeout(state.actionTimer);
    state.actionTimer = setTimeout(() => { state.actionTimer = 0; setStatus(""); }, 5000);
  } else if (event.type === "reply_keyboard") showReplyKeyboard(event.markup);
  else if (event.type === "payment_failed") {
    toast(event.reason === "timeout" ? t("timeout") : t("rejected") + (event.error_message ? ": "
      + event.error_message : ""));
  }
  if (event.type === "message" && event.message.sender === "bot") {
    clearTimeout(state.actionTimer); state.actionTimer = 0; setStatus("");
  }
}

async function loadTranscript() {
  const generation = ++state.generation;
  state.rendered.clear();
  $("messages").textContent = "";
  const data = await api("/_user/" + state.user.id + "/messages");
  if (generation !== state.generation) return;
  state.seq = data.seq;
  data.messages.forEach(upsert);
  showEmpty();
  poll(generation);
}

async function poll(generation) {
  while (generation === state.generation) {
    try {
      const data = await api("/_user/" + state.user.id + "/events?after=" + state.seq + "&timeout=25");
      if (generation !== state.generation) return;
      $("offline").classList.remove("show");
      for (const event of data.events) { state.seq = Math.max(state.seq, event.seq); handleEvent(event); }
    } catch (error) {
      $("offline").classList.add("show");
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  }
}

async function send(text) {
  text = text.trim();
  if (!text) return;
  try {
    await api("/_user/send", { method: "POST", body: JSON.stringify({
      user_id: state.user.id, text, language_code: state.user.lang, first_name: state.user.name }) });
  } catch (error) { toast(error.message); }
}
async function press(messageId, data, button) {
  button.classList.add("pending");
  try {
    await api("/_user/press", { method: "POST", body: JSON.stringify({
      user_id: state.user.id, message_id: messageId, callback_data: data }) });
  } catch (error) { button.classList.remove("pending"); toast(error.message); }
  setTimeout(() => button.classList.remove("pending"), 4000);
}
async function pay(messageId, button) {
  button.disabled = true;
  try {
    const outcome = await api("/_user/pay", { method: "POST", body: JSON.stringify({
      user_id: state.user.id, message_id: messageId }) });
    if (outcome.status === "paid") toast(t("paid"));
  } catch (error) { toast(error.message); }
  button.disabled = false;
}

async function toggleMenu() {
  const menu = $("menu");
  if (menu.classList.toggle("open")) {
    menu.textContent = "";
    const data = await api("/_user/commands?language_code=" + state.user.lang).catch(() => ({ commands: [] }));
    if (!data.commands.length) {
      const none = document.createElement("button"); none.disabled = true; none.textContent = t("noCommands");
      menu.append(none);
    }
    for (const command of data.commands) {
      const b = document.createElement("button");
      b.type = "button"; b.textContent = "/" + command.command;
      const d = document.createElement("small"); d.textContent = command.description;
      b.append(d);
      b.addEventListener("click", () => { menu.classList.remove("open"); send("/" + command.command); });
      menu.append(b);
    }
  }
}

function fillSettings() {
  $("user-id").value = state.user.id;
  $("first-name").value = state.user.name;
  $("language").value = state.user.lang;
}

$("settings-toggle").addEventListener("click", () => $("settings").classList.toggle("open"));
$("settings").addEventListener("submit", (event) => {
  event.preventDefault();
  const id = parseInt($("user-id").value, 10);
  if (!(id > 0)) return;
  state.user = { id, name: $("first-name").value.trim() || "Guest", lang: $("language").value };
  localStorage.setItem("astral-sandbox-user", JSON.stringify(state.user));
  $("settings").classList.remove("open");
  applyTexts();
  loadTranscript();
});
$("menu-toggle").addEventListener("click", toggleMenu);
$("lightbox").addEventListener("click", () => $("lightbox").classList.remove("open"));
const input = $("input");
input.addEventListener("input", () => {
  $("send").disabled = !input.value.trim();
  input.style.height = "auto";
  input.style.height = Math.min(input.scrollHeight, 140) + "px";
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("send").click(); }
});
$("send").addEventListener("click", () => {
  const text = input.value;
  input.value = ""; input.style.height = "auto"; $("send").disabled = true;
  send(text);
  input.focus();
});

$("bot-name").textContent = CONFIG.botName;
$("avatar").textContent = (CONFIG.botName || "A").slice(0, 1).toUpperCase();
localStorage.setItem("astral-sandbox-user", JSON.stringify(state.user));
fillSettings();
applyTexts();
loadTranscript().catch(() => $("offline").classList.add("show"));
// A deep link, like Telegram's t.me/<bot>?start=<param>: /sandbox#start=<param> sends "/start <param>".
function startFromHash() {
  const match = /^#start=([A-Za-z0-9_-]{1,64})$/.exec(window.location.hash);
  if (!match) return;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  send("/start " + match[1]);
}
window.addEventListener("hashchange", startFromHash);
startFromHash();
</script>
</body>
</html>
"""
