// The incident page: what was reconciled, how each figure moved (the chart), and the evidence
// behind every point, read in the articles themselves.
import { describeReport, renderHistoryChart } from "./chart.js";
import { api, append, clear, errorBox, formatNumber, formatTime, h, link } from "./dom.js";
import { renderEvidence, scrollToFocus } from "./evidence.js";

function placeText(place) {
  if (!place) return "Unknown place";
  return [place.name, place.admin1, place.country_name || place.country].filter(Boolean).join(", ");
}

function figuresTable(incident) {
  const rows = incident.figures.map((figure) => h("tr", {},
    h("td", {}, figure.category), h("td", { class: "num" }, formatNumber(figure.low)),
    h("td", { class: "num" }, h("strong", {}, formatNumber(figure.best))), h("td", { class: "num" }, formatNumber(figure.high)),
    h("td", {}, figure.rule), h("td", { class: "num" }, String(figure.n_reports)),
    h("td", {}, (figure.conflicts || []).join("; "))));
  return h("table", { class: "table figures" },
    h("thead", {}, h("tr", {}, ["Figure", "Low", "Best", "High", "Rule", "Reports", "Notes"].map((t) => h("th", {}, t)))),
    h("tbody", {}, rows));
}

function statementsList(incident) {
  const actions = new Map(incident.decisions.map((decision) => [decision.record_id, decision.action]));
  if (!incident.statements.length) return h("p", { class: "muted" }, "No statements.");
  return h("ul", { class: "statements" }, incident.statements.map((statement) => h("li", {},
    h("span", { class: `badge kind-${statement.kind}` }, statement.kind), " ",
    statement.speaker ? h("strong", {}, statement.speaker.name) : "unknown speaker", ": ",
    `“${statement.evidence.map((span) => span.text).join(" … ")}”`, " — ",
    link(`#/article/${encodeURIComponent(statement.article_id)}?focus=${statement.evidence.map((s) => `${s.start}-${s.end}`).join(",")}`,
      statement.article_id),
    actions.get(statement.record_id) === "linked_before" ? h("span", { class: "muted" }, " (before the incident)") : null)));
}

function decisionsTable(incident) {
  return h("table", { class: "table decisions" },
    h("thead", {}, h("tr", {}, ["Record", "Action", "Score", "Signals", "Reason"].map((t) => h("th", {}, t)))),
    h("tbody", {}, incident.decisions.map((decision) => h("tr", {},
      h("td", {}, link(`#/article/${encodeURIComponent(decision.article_id)}`, decision.record_id)),
      h("td", {}, decision.action), h("td", { class: "num" }, decision.score.toFixed(2)),
      h("td", {}, Object.entries(decision.signals).map(([name, value]) => `${name} ${Number(value).toFixed(2)}`).join(", ")),
      h("td", {}, decision.reason)))));
}

async function showStep(step, reportsBox, evidenceBox) {
  append(clear(reportsBox), [h("h3", {}, step.value === null ? "Vague report" : `Reports of ${step.value}`),
    h("ul", {}, step.reports.map((report) => h("li", { class: "report" }, describeReport(report), " — ",
      link(`#/article/${encodeURIComponent(report.article_id)}`, report.article_id))))]);
  append(clear(evidenceBox), [h("p", { class: "status" }, "Loading the articles…")]);
  const byArticle = new Map();
  for (const report of step.reports) {
    const spans = report.evidence.map((span, i) => ({ start: span.start, end: span.end, primary: i === 0 }));
    byArticle.set(report.article_id, [...(byArticle.get(report.article_id) || []), ...spans]);
  }
  const panels = await Promise.all([...byArticle].map(async ([articleId, spans]) => {
    try {
      return renderEvidence(await api(`/api/articles/${encodeURIComponent(articleId)}`), { focus: spans });
    } catch (error) {
      return errorBox(error);
    }
  }));
  append(clear(evidenceBox), panels);
  scrollToFocus(evidenceBox);
}

export async function renderIncidentPage(root, incidentId) {
  append(clear(root), [h("p", { class: "status" }, "Loading incident…")]);
  let incident;
  try {
    incident = await api(`/api/incidents/${encodeURIComponent(incidentId)}`);
  } catch (error) {
    append(clear(root), [errorBox(error)]);
    return;
  }
  const types = [...incident.event_types.acled.map((t) => `${t.event_type}: ${t.sub_event_type}`), ...incident.event_types.gtd];
  const reportsBox = h("section", { class: "step-reports" });
  const evidenceBox = h("section", { class: "evidence-list", "aria-label": "Evidence" });
  const categories = Object.keys(incident.history);
  const chartBox = h("div", { class: "chart-box" });
  const select = h("select", { "aria-label": "Figure", class: "category-select" },
    categories.map((category) => h("option", { value: category }, category)));
  const drawChart = () => {
    const onSelect = (step, point) => {
      chartBox.querySelectorAll(".history-point.selected").forEach((other) => other.classList.remove("selected"));
      if (point) point.classList.add("selected");
      showStep(step, reportsBox, evidenceBox);
    };
    append(clear(chartBox), [renderHistoryChart(select.value, incident.history[select.value] || [], onSelect)]);
  };
  select.value = categories.includes("killed") ? "killed" : categories[0];
  select.addEventListener("change", drawChart);
  append(clear(root), [
    h("article", { class: "incident", dataset: { incidentId: incident.incident_id } },
      h("h1", {}, placeText(incident.location)),
      h("p", { class: "lead" }, [incident.date ? incident.date.value : "date unknown", types.join(" · ") || "type unknown",
        `${incident.article_ids.length} article(s)`].join(" — ")),
      figuresTable(incident),
      h("h2", {}, "How the figures were reported"),
      categories.length ? h("p", {}, "Figure: ", select, " — click a point to read its reports") : h("p", {}, "No figures."),
      chartBox, reportsBox, evidenceBox,
      h("h2", {}, "Statements"), statementsList(incident),
      h("h2", {}, "Articles"), h("ul", {}, incident.articles.map((article) => h("li", {},
        link(`#/article/${encodeURIComponent(article.article_id)}`, article.title || article.article_id),
        ` — ${article.source || "unknown source"}, ${formatTime(article.published)}`))),
      h("h2", {}, "Merge decisions"), decisionsTable(incident)),
  ]);
  if (categories.length) drawChart();
}
