// The newsfuse page. Article text is only ever placed with textContent, so markup inside an article
// (a <script>, an onerror=) stays inert text.
"use strict";

const $ = (id) => document.getElementById(id);
let lastBrief = null;  // the brief on screen, whose citations open their sources
let pasteBrief = null;  // the paste tab's own last brief (a story's brief never takes its place)

function addArticle(title = "", text = "") {
  const box = document.createElement("div");
  box.className = "article";
  const n = $("articles").children.length + 1;
  const name = document.createElement("input");
  name.placeholder = `Title or outlet of article ${n} (optional)`;
  name.value = title;
  name.className = "title";
  const body = document.createElement("textarea");
  body.placeholder = `Paste article ${n} here`;
  body.value = text;
  body.className = "text";
  body.addEventListener("input", () => delete box.dataset.file);  // typed over: no longer the file uploaded
  box.append(name, body);
  $("articles").append(box);
  return box;
}

function articlesFromForm() {
  return [...document.querySelectorAll(".article")]
    .map((box, n) => ({
      id: box.dataset.file || `article-${n + 1}`,  // an uploaded file is named as the CLI names it
      title: box.querySelector(".title").value.trim() || null,
      text: box.querySelector(".text").value,
    }))
    .filter((a) => a.text.trim());
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

async function summarize() {
  const articles = articlesFromForm();
  if (!articles.length) return setStatus("Paste or upload at least one article.", true);
  setStatus("Summarizing…");
  const response = await fetch("/v1/briefs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      articles, words: Number($("words").value), include_text: true, focus: $("focus").value.trim(),
    }),
  });
  const data = await response.json();
  if (!response.ok) {
    pasteBrief = null;
    $("result").hidden = true;  // no earlier brief left on screen as if it answered this request
    return setStatus(`${data.error.field}: ${data.error.message}`, true);
  }
  setStatus("");
  pasteBrief = data;
  showBrief(data);
}

function showBrief(data) {
  lastBrief = data;
  const number = new Map(data.articles.map((a, n) => [a.id, n + 1]));
  const brief = $("brief");
  brief.replaceChildren();
  data.sentences.forEach((sentence) => {
    const span = document.createElement("span");
    span.className = "sentence";
    span.textContent = sentence.text;
    sentence.sources.forEach((source) => {
      const cite = document.createElement("button");
      cite.type = "button";
      cite.className = "cite";
      cite.textContent = `[${number.get(source.article)}]`;
      cite.title = `Show this sentence in ${source.article}`;
      cite.addEventListener("click", () => showSource(source));
      span.append(cite);
    });
    const count = document.createElement("span");
    const outlets = sentence.corroborated_by.length;
    count.className = "count";
    count.textContent = `${outlets} ${outlets === 1 ? "outlet" : "outlets"}`;
    count.title = `Reported by: ${sentence.corroborated_by.join(", ")}`;
    span.append(count);
    brief.append(span, " ");
  });
  const notes = data.warnings.length ? ` ${data.warnings.join(" ")}` : "";
  $("meta").textContent = `${data.words} words from ${data.articles.length} articles, method ${data.method}.${notes}`;
  $("result").hidden = false;
  $("source").hidden = true;
}

function showSource(citation) {
  const article = lastBrief.articles.find((a) => a.id === citation.article);
  if (!article) {  // stored after this brief was made (an ingest meanwhile): its text is not on the page
    setStatus(`${citation.article} came in after this brief was made: open the story again to read it`, true);
    return;
  }
  const opinion = lastBrief.opinion.filter((o) => o.article === article.id);
  $("source-title").textContent = article.title || article.id;
  const text = Array.from(article.text); // offsets count characters (code points), as Python does, not UTF-16 units
  const marks = [{ ...citation, kind: "cited" }, ...opinion.map((o) => ({ ...o, kind: "opinion" }))]
    .sort((a, b) => a.start - b.start);
  const box = $("source-text");
  box.replaceChildren();
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    box.append(text.slice(at, mark.start).join(""));
    const element = document.createElement(mark.kind === "cited" ? "mark" : "span");
    if (mark.kind === "opinion") element.className = "opinion";
    element.textContent = text.slice(mark.start, mark.end).join("");
    box.append(element);
    at = mark.end;
  }
  box.append(text.slice(at).join(""));
  $("source").hidden = false;
  const cited = box.querySelector("mark");
  if (cited) cited.scrollIntoView({ block: "center" });
}

async function upload(event) {
  const refused = [];
  for (const file of event.target.files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text;
    try {
      if (bytes.subarray(0, 8192).includes(0)) throw new Error("a binary file, not text");
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (failure) {
      refused.push(`${file.name}: ${failure instanceof TypeError ? "not UTF-8 text" : failure.message}`);
      continue;  // as the CLI: a file newsfuse cannot read is named, not summarized as mojibake
    }
    const empty = [...document.querySelectorAll(".article")].find((b) => !b.querySelector(".text").value.trim());
    const box = empty || addArticle();
    // As the CLI reads a file: its name without extension is its id, and its title is its own (a page's, or a
    // text's headline line, which the server finds), not the file name
    box.dataset.file = file.name.replace(/(\.[^.]*)?(\.gz)?$/i, "") || file.name;
    box.querySelector(".title").value = "";
    box.querySelector(".text").value = text;
  }
  setStatus(refused.join("; "), refused.length > 0);
  event.target.value = "";
}

for (let n = 0; n < 3; n++) addArticle();
$("add").addEventListener("click", () => addArticle());
$("files").addEventListener("change", upload);
$("summarize").addEventListener("click", () => summarize().catch((e) => setStatus(String(e), true)));
