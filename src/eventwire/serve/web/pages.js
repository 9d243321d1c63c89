// The article page (one article's evidence view) and the statements page.
import { api, append, clear, errorBox, formatTime, h, link } from "./dom.js";
import { renderEvidence, scrollToFocus } from "./evidence.js";

function parseFocus(value) {
  return (value || "").split(",").map((part) => part.split("-").map(Number))
    .filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end) && start < end)
    .map(([start, end]) => ({ start, end }));
}

export async function renderArticlePage(root, articleId, params) {
  append(clear(root), [h("p", { class: "status" }, "Loading article…")]);
  let data;
  try {
    data = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  } catch (error) {
    append(clear(root), [errorBox(error)]);
    return;
  }
  const records = data.records.map((record) => h("li", {}, `${record.kind}${record.record_id ? " " + record.record_id : ""}`,
    record.errors && record.errors.length ? h("span", { class: "muted" }, ` — ${record.errors.join("; ")}`) : null));
  append(clear(root), [
    h("h1", {}, data.article.title || data.article.article_id),
    h("p", { class: "lead" }, [data.article.source || "unknown source", formatTime(data.article.published),
      data.article.url].filter(Boolean).join(" · ")),
    data.incident_ids.length ? h("p", {}, "Part of: ", data.incident_ids.map((id, i) =>
      [i ? ", " : "", link(`#/incident/${encodeURIComponent(id)}`, id)])) : h("p", { class: "muted" }, "Not part of a merged incident."),
    renderEvidence(data, { focus: parseFocus(params.get("focus")), heading: false }),
    h("h2", {}, "Records"), h("ul", { class: "records" }, records),
  ]);
  scrollToFocus(root);
}

const KINDS = ["", "warning", "claim", "denial", "condemnation", "arrest", "security_measure"];

export async function renderStatementsPage(root, params) {
  const select = h("select", { name: "kind", "aria-label": "Kind" },
    KINDS.map((kind) => h("option", { value: kind }, kind || "all kinds")));
  select.value = params.get("kind") || "";
  select.addEventListener("change", () => { location.hash = select.value ? `#/statements?kind=${select.value}` : "#/statements"; });
  const list = h("ul", { class: "statements" }, h("li", { class: "status" }, "Loading statements…"));
  append(clear(root), [h("h1", {}, "Statements"), h("p", {}, "Kind: ", select), list]);
  const query = new URLSearchParams({ limit: "200" });
  if (select.value) query.set("kind", select.value);
  try {
    const page = await api(`/api/statements?${query}`);
    append(clear(list), page.items.map((statement) => h("li", {},
      h("span", { class: `badge kind-${statement.kind}` }, statement.kind), " ",
      h("strong", {}, statement.speaker ? statement.speaker.name : "unknown speaker"), ": ",
      `“${statement.evidence.map((span) => span.text).join(" … ")}” — `,
      link(`#/article/${encodeURIComponent(statement.article_id)}?focus=${statement.evidence.map((s) => `${s.start}-${s.end}`).join(",")}`,
        statement.article_title || statement.article_id),
      ` (${formatTime(statement.published)})`)));
    if (!page.items.length) append(list, [h("li", { class: "muted" }, "No statements.")]);
  } catch (error) {
    append(clear(list), [errorBox(error)]);
  }
}
