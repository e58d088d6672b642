// The workspace: a store's stories, a story's brief, anatomy, timeline and coverage, and what is new since a
// date. Shown when the server has a store (newsfuse serve --db URL). Text from articles is only ever placed
// with textContent (or as SVG text nodes), so markup inside an article stays inert. Charts are drawn here, in
// SVG: no library, nothing from another server.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 20;
const VISIT_KEY = "newsfuse.lastVisit";
const SEEN_KEY = "newsfuse.lastSeen"; // when a page of this workspace was last open
const VISIT_GAP = 30 * 60 * 1000; // ms without an open page that end a visit

// Stories updated after the end of the reader's previous visit are marked new. A visit is the pages opened less
// than VISIT_GAP apart: a reload, or a second tab, keeps its marks (they were cleared at every page load).
function visitMarks() {
  const now = Date.now();
  const seen = Number(localStorage.getItem(SEEN_KEY) || 0);
  if (!seen || now - seen > VISIT_GAP) localStorage.setItem(VISIT_KEY, seen ? new Date(seen).toISOString() : "");
  localStorage.setItem(SEEN_KEY, String(now));
  return localStorage.getItem(VISIT_KEY) || null;
}

const previousVisit = visitMarks();
window.addEventListener("pagehide", () => localStorage.setItem(SEEN_KEY, String(Date.now())));

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
let listed = 0;
let openStoryId = null;

function node(tag, text, className) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = text;
  if (className) element.className = className;
  return element;
}

function shape(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

async function getJSON(url) {
  const response = await fetch(url);
  const data = await response.json();
  if (!response.ok) throw new Error(`${data.error.field}: ${data.error.message}`);
  return data;
}

function view(name) {
  if (name !== "story") opening++;  // left the story: its brief or anatomy still on its way is dropped
  const stories = name === "stories" || name === "story";
  $("workspace").hidden = name !== "stories";
  $("story").hidden = name !== "story";
  $("anatomy").hidden = name !== "story";
  $("input").hidden = stories;
  $("result").hidden = name === "stories" || (name === "paste" && !pasteBrief);
  if (name === "paste" && pasteBrief) showBrief(pasteBrief);  // its own brief, not the story's last shown
  $("source").hidden = true;
  $("tab-stories").setAttribute("aria-pressed", String(stories));
  $("tab-paste").setAttribute("aria-pressed", String(!stories));
}

function sparkline(days) {
  const width = 90, height = 24;
  const picture = shape("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img" });
  picture.append(shape("title", {}, days.map(([day, n]) => `${day}: ${n}`).join("\n")));
  const most = Math.max(1, ...days.map(([, n]) => n));
  const step = width / Math.max(days.length, 1);
  days.forEach(([, n], k) => {
    const tall = Math.max(2, (n / most) * (height - 2));
    picture.append(shape("rect", { x: k * step + 1, y: height - tall, width: Math.max(1, step - 2), height: tall,
                                   fill: "#0b57d0" }));
  });
  return picture;
}

let loads = 0; // the newest list request: an older one answering late must not add its stories

let applied = { q: "", since: "" }; // the filter of the list on screen: "More stories" pages through it
let fetched = 0; // rows the server has sent for it (the next page's offset)
let firstTotal = 0; // how many stories it had when its first page came
const shown = new Set(); // ids on screen: a story that moved up while paging is not listed twice

async function loadStories(reset) {
  const mine = ++loads;
  const filter = reset ? { q: $("q").value.trim(), since: $("since").value } : applied;
  const query = new URLSearchParams({ limit: PAGE, offset: reset ? 0 : fetched });
  if (filter.q) query.set("q", filter.q);
  if (filter.since) query.set("since", filter.since);
  $("list-status").textContent = "Loading…";
  try {
    const page = await getJSON(`/v1/stories?${query}`);
    if (mine !== loads) return;
    if (reset) {
      listed = fetched = 0;
      applied = filter;
      firstTotal = page.total;
      shown.clear();
      $("stories").replaceChildren();
    }
    fetched += page.stories.length;
    for (const story of page.stories) {
      if (shown.has(story.id)) continue;
      shown.add(story.id);
      const item = node("li");
      item.dataset.id = story.id;
      const open = node("button", story.headline, "open");
      open.type = "button";
      open.addEventListener("click", () => openStory(story.id));
      const title = node("div");
      title.append(open);
      if (previousVisit && story.updated > previousVisit) title.append(node("span", "new", "new"));
      const seen = `${story.first_seen || "undated"} – ${story.last_seen || "undated"}`;
      const meta = node("div", `${plural(story.articles, "article")} · ${story.outlets.join(", ")} · ${seen}`, "meta");
      item.append(title, sparkline(story.days), meta);
      $("stories").append(item);
    }
    listed = shown.size;
    $("more").hidden = fetched >= page.total;
    const changed = page.total !== firstTotal ? " The list changed since it was loaded: filter again for the newest." : "";
    const stories = page.total === 1 ? "1 story" : `${page.total} stories`;
    $("list-status").textContent = page.total ? `${stories}; showing ${listed}.${changed}` : "No stories match.";
  } catch (failure) {
    $("list-status").textContent = String(failure);
  }
}

let opening = 0;  // the latest story asked for: a late answer to an earlier one is dropped

async function openStory(id, since) {
  const asked = ++opening;
  openStoryId = id;
  view("story");
  $("story-title").textContent = "Loading…";
  const briefUrl = since ? `/v1/stories/${id}/brief?since=${encodeURIComponent(since)}` : `/v1/stories/${id}`;
  const anatomy = getJSON(`/v1/stories/${id}/analysis`);
  anatomy.catch(() => {});  // its failure is told below, once the brief is shown
  let brief;
  try {
    brief = await getJSON(briefUrl);
  } catch (failure) {
    if (asked === opening) $("story-title").textContent = String(failure);
    return;
  }
  if (asked !== opening) return;
  $("story-title").textContent = brief.story.headline;
  const outlets = [...new Set(brief.articles.map((a) => a.source || "unknown outlet"))];
  $("story-meta").textContent = `${plural(brief.articles.length, "article")} from ${outlets.join(", ")}` +
    (since ? `; what is new since ${since}` : "");
  showBrief(brief);
  try {
    const found = await anatomy;
    if (asked === opening) drawAnatomy(found, brief);
  } catch (failure) {  // a slow or refused anatomy never hides a brief that is ready
    if (asked === opening) $("story-meta").textContent += ` (anatomy not shown: ${failure.message})`;
  }
}

function outletOf(brief, articleId) {
  const article = brief.articles.find((a) => a.id === articleId);
  return article ? article.source || article.title || article.id : articleId;
}

function drawTimeline(events, brief) {
  const dated = events.filter((e) => e.start);
  const box = $("timeline-chart");
  box.replaceChildren();
  if (!dated.length) return box.append(node("p", "No dated events.", "legend"));
  const times = dated.map((e) => Date.parse(e.start));
  const first = Math.min(...times), last = Math.max(...times), span = Math.max(last - first, 86400000);
  const width = 800, height = 60 + 14 * Math.min(dated.length, 20);
  const picture = shape("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "timeline" });
  picture.append(shape("line", { x1: 20, y1: 30, x2: width - 20, y2: 30, stroke: "#888" }));
  picture.append(shape("text", { x: 20, y: 18, "font-size": 12 }, dated[0].start.slice(0, 10)));
  picture.append(shape("text", { x: width - 20, y: 18, "font-size": 12, "text-anchor": "end" },
                       new Date(last).toISOString().slice(0, 10)));
  dated.forEach((event, k) => {
    const x = 20 + ((Date.parse(event.start) - first) / span) * (width - 40);
    const dot = shape("circle", { cx: x, cy: 30, r: 6, fill: "#b3261e", class: "event" });
    dot.append(shape("title", {}, `${event.start.slice(0, 10)}: ${event.sentence}`));
    dot.addEventListener("click", () => showSource(event.where));
    picture.append(dot);
    if (k < 20) {
      const label = `${event.start.slice(0, 10)} ${event.expression} (${outletOf(brief, event.where.article)})`;
      picture.append(shape("text", { x: Math.min(x, width - 300), y: 56 + 14 * k, "font-size": 11 }, label));
    }
  });
  box.append(picture);
}

function drawCoverage(brief) {
  const box = $("coverage-chart");
  box.replaceChildren();
  const dated = brief.articles.filter((a) => a.published);
  if (!dated.length) return box.append(node("p", "No publication dates.", "legend"));
  const outlets = [...new Set(dated.map((a) => a.source || "unknown outlet"))];
  const times = dated.map((a) => Date.parse(a.published));
  const first = Math.min(...times), span = Math.max(Math.max(...times) - first, 86400000);
  const width = 800, height = 30 + 24 * outlets.length;
  const picture = shape("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "coverage" });
  outlets.forEach((outlet, row) => {
    picture.append(shape("text", { x: 4, y: 24 + 24 * row, "font-size": 12 }, outlet));
  });
  for (const article of dated) {
    const row = outlets.indexOf(article.source || "unknown outlet");
    const x = 200 + ((Date.parse(article.published) - first) / span) * (width - 220);
    const dot = shape("circle", { cx: x, cy: 20 + 24 * row, r: 5, fill: "#0b57d0" });
    dot.append(shape("title", {}, `${article.published}: ${article.title || article.id}`));
    picture.append(dot);
  }
  box.append(picture);
}

function fill(list, items, text) {
  $(list).replaceChildren(...(items.length ? items.map((item) => node("li", text(item))) : [node("li", "None.")]));
}

function drawAnatomy(anatomy, brief) {
  drawTimeline(anatomy.timeline, brief);
  drawCoverage(brief);
  fill("quotes", anatomy.quotes.slice(0, 30), (q) => `${q.speaker || "unattributed"}: “${q.text}”`);
  const conflicts = anatomy.conflicts.map((c) => `${c.quantity}: ` +
    c.figures.map((f) => `${f.text} (${outletOf(brief, f.where.article)})`).join(" vs "));
  fill("conflicts", conflicts.length ? conflicts : anatomy.figures.slice(0, 15).map((f) => `${f.text} — ${f.counts}`),
       (line) => line);
  fill("single", anatomy.facts.filter((f) => f.single_source).slice(0, 20),
       (f) => `${f.text} (only ${outletOf(brief, f.where.article)})`);
  fill("opinion-share", anatomy.articles, (a) => `${a.source || a.id}: ${Math.round(100 * a.opinion_share)}% opinion`);
  const entities = [...anatomy.entities]
    .sort((a, b) => Object.values(b.mentions).reduce((s, n) => s + n, 0) - Object.values(a.mentions).reduce((s, n) => s + n, 0))
    .slice(0, 30);
  fill("entities", entities, (e) => `${e.name} (${e.type})`);
}

async function start() {
  const version = await getJSON("/v1/version");
  if (!version.store) return;
  $("tabs").hidden = false;
  $("tab-stories").addEventListener("click", () => { view("stories"); });
  $("tab-paste").addEventListener("click", () => { view("paste"); });
  $("back").addEventListener("click", () => view("stories"));
  $("filter").addEventListener("submit", (event) => { event.preventDefault(); loadStories(true); });
  $("more").addEventListener("click", () => loadStories(false));
  $("update-form").addEventListener("submit", (event) => {
    event.preventDefault();
    openStory(openStoryId, $("update-since").value);
  });
  $("full-brief").addEventListener("click", () => openStory(openStoryId));
  view("stories");
  await loadStories(true);
}

start().catch((failure) => setStatus(String(failure), true));
