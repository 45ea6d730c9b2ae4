"use strict";
// Astral website: login flows, the profile form with place search, and logout.
// Every state-changing request carries X-Requested-With, which the server requires with a cookie session.

async function api(method, url, body) {
  const options = { method, headers: { "X-Requested-With": "fetch", Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  let data = null;
  if (response.status !== 204) {
    try { data = await response.json(); } catch (_) { data = null; }
  }
  return { status: response.status, ok: response.ok, data };
}

function say(element, text, kind) {
  if (!element) return;
  element.textContent = text || "";
  element.classList.remove("ok", "bad");
  if (kind) element.classList.add(kind);
}

// ---- logout ----------------------------------------------------------------------------------
function setupLogout() {
  const button = document.getElementById("logout");
  if (!button) return;
  button.addEventListener("click", async () => {
    button.disabled = true;
    await api("POST", "/api/auth/logout").catch(() => null);
    window.location.assign("/");
  });
}

// ---- login -------------------------------------------------------------------------------------
function setupLogin() {
  const root = document.getElementById("login");
  if (!root) return;
  const message = document.getElementById("login-message");
  const next = root.dataset.next || "/profile";
  const done = () => {
    say(message, root.dataset.msgSuccess, "ok");
    window.location.assign(next);
  };

  // The code from /login in the bot.
  const form = document.getElementById("code-form");
  const codeInput = document.getElementById("code");
  const submitCode = async () => {
    const code = codeInput.value.trim();
    if (!code) { codeInput.focus(); return; }
    const button = form.querySelector("button");
    button.disabled = true;
    say(message, "");
    try {
      const result = await api("POST", "/api/auth/callback", { code });
      if (result.ok) { history.replaceState(null, "", "/login"); done(); return; }
      say(message, (result.data && result.data.error) || root.dataset.msgFailed, "bad");
    } catch (_) {
      say(message, root.dataset.msgFailed, "bad");
    }
    button.disabled = false;
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); submitCode(); });
  if (codeInput.dataset.autosubmit) submitCode();

  // "Log in with Telegram": a nonce bound to this browser, confirmed in the bot.
  const button = document.getElementById("tg-login");
  const wait = document.getElementById("login-wait");
  const link = document.getElementById("bot-link");
  let timer = 0;
  const stop = () => { if (timer) clearTimeout(timer); timer = 0; };
  button.addEventListener("click", async () => {
    stop();
    say(message, "");
    // Opened synchronously, inside the click, so that popup blockers allow it; pointed at the bot below.
    const tab = window.open("", "_blank");
    button.disabled = true;
    let created;
    try {
      created = await api("POST", "/api/auth/nonce");
    } catch (_) {
      created = { ok: false, data: null };
    }
    button.disabled = false;
    if (!created.ok) {
      if (tab) tab.close();
      say(message, (created.data && created.data.error) || root.dataset.msgFailed, "bad");
      return;
    }
    const { nonce, bot_url: botUrl } = created.data;
    link.href = botUrl;
    if (tab) { tab.opener = null; tab.location.href = new URL(botUrl, window.location.href).href; }
    wait.hidden = false;
    const poll = async () => {
      let result;
      try {
        result = await api("GET", "/api/auth/nonce/" + encodeURIComponent(nonce));
      } catch (_) {
        timer = setTimeout(poll, 3000);
        return;
      }
      if (result.ok && result.data && result.data.status === "ok") { wait.hidden = true; done(); return; }
      if (result.ok) { timer = setTimeout(poll, 1500); return; }
      if (result.status === 429) { timer = setTimeout(poll, 5000); return; }
      wait.hidden = true;
      say(message, root.dataset.msgExpired, "bad");
    };
    timer = setTimeout(poll, 1000);
  });
}

// ---- profile -----------------------------------------------------------------------------------
function setupProfile() {
  const form = document.getElementById("profile-form");
  if (!form) return;
  const message = document.getElementById("profile-message");
  const place = form.elements.place;
  const placeId = form.elements.place_id;
  const list = document.getElementById("place-list");
  const choices = document.getElementById("place-choices");
  const unknown = form.elements.birth_time_unknown;
  const time = form.elements.birth_time;
  let searchTimer = 0;
  let searchSeq = 0;
  let active = -1;

  unknown.addEventListener("change", () => { time.disabled = unknown.checked; });

  const clearErrors = () => {
    form.querySelectorAll(".field.invalid").forEach((f) => f.classList.remove("invalid"));
    form.querySelectorAll("[data-error-for]").forEach((e) => { e.textContent = ""; });
  };
  const hideList = () => { list.hidden = true; list.textContent = ""; place.setAttribute("aria-expanded", "false"); active = -1; };
  const pick = (item) => {
    place.value = item.name;
    placeId.value = String(item.id);
    hideList();
    choices.hidden = true;
  };
  const showList = (items) => {
    list.textContent = "";
    active = -1;
    if (!items.length) {
      const li = document.createElement("li");
      li.className = "none"; li.textContent = form.dataset.msgNone;
      list.append(li);
    }
    items.forEach((item, index) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "place-option-" + index;
      li.textContent = item.name;
      li.dataset.id = String(item.id);
      li.addEventListener("mousedown", (event) => { event.preventDefault(); pick(item); });
      list.append(li);
    });
    list.hidden = false;
    place.setAttribute("aria-expanded", "true");
    list.items = items;
  };
  place.addEventListener("input", () => {
    placeId.value = "";
    clearTimeout(searchTimer);
    const q = place.value.trim();
    if (q.length < 2) { hideList(); return; }
    searchTimer = setTimeout(async () => {
      const seq = ++searchSeq;
      const result = await api("GET", "/api/places?q=" + encodeURIComponent(q)).catch(() => null);
      // A late answer must not cover the form once the user has moved on.
      if (!result || seq !== searchSeq || !result.ok || document.activeElement !== place) return;
      showList(result.data);
    }, 220);
  });
  place.addEventListener("keydown", (event) => {
    const options = list.querySelectorAll("li[role=option]");
    if (list.hidden || !options.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length;
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === active)));
      place.setAttribute("aria-activedescendant", options[active].id);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      pick(list.items[active]);
    } else if (event.key === "Escape") {
      hideList();
    }
  });
  place.addEventListener("blur", () => setTimeout(hideList, 150));

  const showChoices = (items) => {
    choices.textContent = "";
    for (const item of items) {
      const b = document.createElement("button");
      b.type = "button"; b.className = "btn btn-ghost btn-small"; b.textContent = item.name;
      b.addEventListener("click", () => { pick(item); form.requestSubmit(); });
      choices.append(b);
    }
    choices.hidden = false;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    searchSeq++;
    hideList();
    clearErrors();
    say(message, "");
    const patch = { name: form.elements.name.value, birth_date: form.elements.birth_date.value };
    if (unknown.checked) patch.birth_time_unknown = true;
    else if (time.value.trim()) patch.birth_time = time.value;
    if (placeId.value) patch.place_id = parseInt(placeId.value, 10);
    else if (place.value.trim()) patch.place = place.value;
    if (!patch.name.trim()) delete patch.name;
    if (!patch.birth_date.trim()) delete patch.birth_date;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const result = await api("PATCH", "/api/me", patch);
      if (result.ok) {
        say(message, form.dataset.msgSaved, "ok");
        setTimeout(() => window.location.reload(), 700);
      } else if (result.status === 422 && result.data && result.data.errors) {
        let shown = 0;
        for (const problem of result.data.errors) {
          const slot = form.querySelector('[data-error-for="' + problem.field + '"]');
          if (slot) { slot.textContent = problem.message; slot.closest(".field").classList.add("invalid"); shown++; }
        }
        if (result.data.choices && result.data.choices.length) showChoices(result.data.choices);
        // Messages already sit next to their fields; the summary is for anything that does not.
        if (shown < result.data.errors.length) say(message, result.data.error, "bad");
        const first = form.querySelector(".field.invalid input");
        if (first) first.focus();
      } else if (result.status === 401) {
        window.location.assign("/login?next=/profile");
      } else {
        say(message, (result.data && result.data.error) || form.dataset.msgFailed, "bad");
      }
    } catch (_) {
      say(message, form.dataset.msgFailed, "bad");
    }
    button.disabled = false;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupLogout();
  setupLogin();
  setupProfile();
});
