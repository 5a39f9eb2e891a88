// The fairspin player page: open a round (commitment first), play it, show the outcome and the
// dispute packet. ?autoplay=GAME plays one round of GAME by itself, ?autoplay=GAME&buy=1 a bought one (used by
// the browser test).
"use strict";

const $ = (id) => document.getElementById(id);
let token = null;
let round = null;
let games = [];

async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (token) headers["Authorization"] = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) {
    const e = json.error || {};
    throw new Error(response.status + (e.field ? " " + e.field : "") + ": " + (e.message || "error"));
  }
  return json;
}

function show(view) {
  round = view;
  $("round-id").textContent = view.roundId;
  $("commitment").textContent = view.commitment;
  $("state").textContent = view.state;
  $("bet").textContent = view.bet;
  $("win").textContent = view.win === undefined ? "-" : view.win;
  $("log-index").textContent = view.logIndex === undefined ? "-" : view.logIndex;
  $("outcome").textContent = view.outcome ? JSON.stringify(view.outcome, null, 2) : "-";
  $("display").innerHTML = "";
  if (view.outcome) render(view.outcome);
  $("open").disabled = view.state !== "settled";
  $("play").disabled = view.state !== "open";
  $("settle").disabled = view.state === "settled";
  $("decision").hidden = view.state !== "decision";
  if (view.state === "decision") showDecision(view.pending);
  document.body.dataset.state = view.state;
}

// A readable picture of the outcome: cards for card games, the reel window for slots.
function render(outcome) {
  const display = $("display");
  const cards = outcome.finalHand || outcome.hand || outcome.cards || outcome.dealt;
  if (Array.isArray(cards)) {
    for (const c of cards) {
      const span = document.createElement("span");
      span.className = "card";
      span.textContent = typeof c === "object" ? JSON.stringify(c) : String(c);
      display.appendChild(span);
    }
  }
  const window_ = outcome.window || outcome.screen;
  if (Array.isArray(window_)) {
    const pre = document.createElement("pre");
    pre.className = "reels";
    pre.textContent = window_.map((row) => Array.isArray(row) ? row.join(" ") : String(row)).join("\n");
    display.appendChild(pre);
  }
}

// A pending decision: cards to hold for video poker, one button per action otherwise.
function showDecision(pending) {
  const box = $("choices");
  box.innerHTML = "";
  const view = pending.view || {};
  const cards = view.dealt || view.hand || view.cards;
  if (pending.step === "hold" && Array.isArray(cards)) {
    cards.forEach((c, i) => {
      const label = document.createElement("label");
      label.className = "card";
      const box_ = document.createElement("input");
      box_.type = "checkbox";
      box_.className = "hold";
      box_.value = i;
      if (pending.advice && pending.advice.values.includes(i)) box_.checked = true;
      label.appendChild(box_);
      label.appendChild(document.createTextNode(" " + (typeof c === "object" ? JSON.stringify(c) : c)));
      box.appendChild(label);
    });
    const note = document.createElement("p");
    note.textContent = "Tick the cards to hold (the optimal hold is ticked), then confirm to draw.";
    box.appendChild(note);
    $("act").hidden = false;
    return;
  }
  $("act").hidden = true;
  const pre = document.createElement("pre");
  pre.textContent = JSON.stringify(view, null, 2);
  box.appendChild(pre);
  for (const action of pending.actions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action;
    button.addEventListener("click", () => guarded(() => decide({ action, values: [] })));
    box.appendChild(button);
  }
}

async function decide(decision) {
  show(await api("POST", "/api/rounds/" + encodeURIComponent(round.roundId) + "/actions", { decision }));
  if (round.state === "settled") await packet();
}

async function packet() {
  const text = await fetch("/api/rounds/" + encodeURIComponent(round.roundId) + "/packet",
    { headers: { "Authorization": "Bearer " + token } });
  $("packet").textContent = await text.text();
  document.body.dataset.packet = text.ok ? "shown" : "failed";
}

async function guarded(action) {
  $("error").textContent = "";
  try {
    await action();
  } catch (e) {
    $("error").textContent = e.message;
    document.body.dataset.state = "error";
  }
}

async function open() {
  $("packet").textContent = "-";
  const request = { game: $("game").value };
  if (!$("buy-offer").hidden && $("buy").checked) request.bet = { bonusBuy: true };
  show(await api("POST", "/api/rounds", request));
}

async function play() {
  show(await api("POST", "/api/rounds/" + encodeURIComponent(round.roundId) + "/play"));
  if (round.state === "settled") await packet();
}

async function settle() {
  show(await api("POST", "/api/rounds/" + encodeURIComponent(round.roundId) + "/settle"));
  await packet();
}

async function act() {
  const values = [...document.querySelectorAll("input.hold:checked")].map((b) => Number(b.value));
  await decide({ action: "hold", values });
}

async function init() {
  token = (await api("POST", "/api/sessions")).token;
  games = (await api("GET", "/api/games")).games;
  for (const g of games) {
    const option = document.createElement("option");
    option.value = g.id;
    option.textContent = g.id;
    $("game").appendChild(option);
  }
  const limits = () => {
    const g = games.find((x) => x.id === $("game").value);
    $("limits").textContent = g ? "stake " + g.stake + (Object.keys(g.betLimits).length
      ? ", limits " + JSON.stringify(g.betLimits) : " (standard bet only)") : "";
    // A game that sells its feature offers the buy, at its price in total bets and its stake.
    $("buy-offer").hidden = !(g && g.bonusBuy);
    $("buy").checked = false;
    $("buy-price").textContent = g && g.bonusBuy ? "(" + g.bonusBuy.price + " x the bet: stake " + g.bonusBuy.stake + ")" : "";
  };
  $("game").addEventListener("change", limits);
  limits();
  $("open").disabled = false;
  $("open").addEventListener("click", () => guarded(open));
  $("play").addEventListener("click", () => guarded(play));
  $("settle").addEventListener("click", () => guarded(settle));
  $("act").addEventListener("click", () => guarded(act));
  document.body.dataset.state = "ready";

  const autoplay = new URLSearchParams(location.search).get("autoplay");
  if (autoplay) {
    $("game").value = autoplay;
    limits();
    $("buy").checked = new URLSearchParams(location.search).get("buy") === "1";
    await open();
    document.body.dataset.commitmentShown = round.commitment;
    await play();
    while (round.state === "decision") {
      const pending = round.pending;
      await decide(pending.advice || pending.default);
    }
  }
}

guarded(init);
