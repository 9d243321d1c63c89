// The evidence view: an article's text with every extracted field highlighted at its span.
// Spans overlap (a figure inside its sentence's record span), so the text is cut at every span
// boundary and each piece is one <mark> listing every highlight that covers it; its colour is the
// innermost (shortest) field's. A focus (the figure a chart point stands for) is outlined: its
// first span (the figure's own words, "at least 40") strongly, the others (its clause) lightly. Hovering shows the spans and source chains; clicking pins them.
// The text is inserted only as text nodes: markup in an article is shown, never run.
import { append, clear, formatTime, h, link } from "./dom.js";

const tooltip = () => document.getElementById("span-tooltip");

function pieces(text, highlights, focus) {
  const cuts = new Set([0, text.length]);
  for (const item of [...highlights, ...focus]) {
    if (item.start >= 0 && item.end <= text.length && item.start < item.end) { cuts.add(item.start); cuts.add(item.end); }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    const covering = highlights.filter((item) => item.start <= start && item.end >= end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const around = focus.filter((item) => item.start <= start && item.end >= end);
    const focused = around.some((item) => item.primary !== false);
    result.push({ start, end, covering, focused, context: !focused && around.length > 0 });
  }
  return result;
}

function fieldClass(covering) {
  const inner = covering.find((item) => item.path !== "record") || covering[0];
  return `field-${inner.field.replace(/[^a-z_]/gi, "")}${inner.path === "record" ? " record-span" : ""}`;
}

function details(covering, piece) {
  return h("div", { class: "span-details-body" }, covering.map((item) => h("div", { class: "span-detail" },
    h("strong", {}, `${item.field}: ${item.label}`),
    h("div", {}, `span ${item.start}–${item.end}: “${item.text}”${item.matches ? "" : " (offsets no longer match the text)"}`),
    h("div", {}, "source chain: ", item.chain.length ? item.chain.join(" ← ") : "the article itself"),
    h("div", { class: "muted" }, `${item.record_kind} record ${item.record_id} · ${item.path}${item.inferred ? " · inferred" : ""}`))),
    piece.focused && !covering.length ? h("div", {}, `selected span ${piece.start}–${piece.end}`) : null);
}

function showTooltip(event, content) {
  const box = tooltip();
  append(clear(box), [content]);
  box.hidden = false;
  box.style.left = `${Math.min(event.pageX + 12, window.scrollX + window.innerWidth - 380)}px`;
  box.style.top = `${event.pageY + 16}px`;
}

function hideTooltip() {
  tooltip().hidden = true;
}

export function renderEvidence(data, { focus = [], heading = true } = {}) {
  const { article, highlights } = data;
  const pinned = h("aside", { class: "span-details", "aria-live": "polite" },
    h("p", { class: "muted" }, "Hover over highlighted text to see what was read from it; click to pin."));
  const body = h("div", { class: "article-text", dataset: { articleId: article.article_id } });
  for (const piece of pieces(article.text, highlights, focus)) {
    const text = article.text.slice(piece.start, piece.end);
    if (!piece.covering.length && !piece.focused && !piece.context) {
      body.appendChild(document.createTextNode(text));
      continue;
    }
    const mark = h("mark", {
      class: `hl ${piece.covering.length ? fieldClass(piece.covering) : "field-none"}${piece.focused ? " focus" : ""}${piece.context ? " focus-context" : ""}`,
      dataset: { start: piece.start, end: piece.end, fields: piece.covering.map((item) => item.field).join(" ") },
    }, text);
    mark.addEventListener("mouseenter", (event) => showTooltip(event, details(piece.covering, piece)));
    mark.addEventListener("mouseleave", hideTooltip);
    mark.addEventListener("click", () => {
      body.querySelectorAll("mark.pinned").forEach((other) => other.classList.remove("pinned"));
      mark.classList.add("pinned");
      append(clear(pinned), [details(piece.covering, piece)]);
    });
    body.appendChild(mark);
  }
  const header = heading ? h("header", { class: "evidence-header" },
    h("h3", {}, link(`#/article/${encodeURIComponent(article.article_id)}`, article.title || article.article_id)),
    h("p", { class: "muted" }, [article.source || "unknown source", formatTime(article.published), article.lang]
      .filter(Boolean).join(" · "))) : null;
  const legend = h("p", { class: "legend" }, [...new Set(highlights.map((item) => item.field))].sort()
    .map((field) => h("span", { class: `hl field-${field.replace(/[^a-z_]/gi, "")}` }, field)));
  return h("section", { class: "evidence", dataset: { articleId: article.article_id } }, header, legend,
    h("div", { class: "evidence-row" }, body, pinned));
}

export function scrollToFocus(root) {
  const first = root.querySelector("mark.focus");
  if (first) first.scrollIntoView({ block: "center" });
}
