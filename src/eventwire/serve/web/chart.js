// The figure-history chart: one point per step of an incident's reported figure (40 → 60 → ... → 139).
// Reports that repeat the figure before it (two outlets carrying TASS's "at least 40") share a point,
// so the chart shows how the count moved; the point keeps every report behind it. Vague figures
// ("dozens") have no single value: they are listed under the chart, each clickable too.
import { append, formatTime, h, svg } from "./dom.js";

const WIDTH = 720, HEIGHT = 260, PAD_X = 48, PAD_Y = 30;

export function historySteps(reports) {
  const steps = [];
  for (const report of reports) {
    if (report.vague || report.best === null || report.best === undefined) continue;
    const last = steps[steps.length - 1];
    if (last && last.value === report.best) last.reports.push(report);
    else steps.push({ value: report.best, reports: [report] });
  }
  return steps;
}

function chainText(report) {
  const names = (report.attribution && report.attribution.chain || []).map((ref) => ref.name);
  return names.length ? names.join(" ← ") : report.source;
}

export function describeReport(report) {
  const range = report.low !== report.best && report.low !== null ? `${report.low}–` : "";
  const qualifier = report.qualifier ? ` (${report.qualifier})` : "";
  return `${range}${report.best ?? "?"}${qualifier}: ${chainText(report)}, ${formatTime(report.published)}`;
}

export function renderHistoryChart(category, reports, onSelect) {
  const steps = historySteps(reports);
  const values = steps.map((step) => step.value);
  const top = Math.max(1, ...values) * 1.15;
  const x = (i) => PAD_X + (steps.length < 2 ? (WIDTH - 2 * PAD_X) / 2 : (i * (WIDTH - 2 * PAD_X)) / (steps.length - 1));
  const y = (value) => HEIGHT - PAD_Y - (value / top) * (HEIGHT - 2 * PAD_Y);
  const line = svg("polyline", { class: "history-line", points: steps.map((s, i) => `${x(i)},${y(s.value)}`).join(" ") });
  const points = steps.map((step, i) => {
    const label = `${category} ${step.value}: ` + step.reports.map(describeReport).join("; ");
    const group = svg("g", { class: "history-point", tabindex: 0, role: "button", "aria-label": label,
                             dataset: { value: step.value, step: i } },
      svg("circle", { cx: x(i), cy: y(step.value), r: 7 }),
      svg("text", { x: x(i), y: y(step.value) - 12, "text-anchor": "middle" }, String(step.value)),
      svg("title", {}, label));
    const choose = () => onSelect(step, group);
    group.addEventListener("click", choose);
    group.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") choose(); });
    return group;
  });
  const axis = [svg("line", { class: "axis", x1: PAD_X, x2: WIDTH - PAD_X, y1: HEIGHT - PAD_Y, y2: HEIGHT - PAD_Y }),
                svg("line", { class: "axis", x1: PAD_X, x2: PAD_X, y1: PAD_Y, y2: HEIGHT - PAD_Y }),
                svg("text", { x: PAD_X - 6, y: y(0) + 4, "text-anchor": "end" }, "0"),
                svg("text", { x: 4, y: PAD_Y - 10 }, `${category}, in order of publication`)];
  const chart = svg("svg", { class: "history-chart", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group",
                             "aria-label": `${category} figures as reported` }, axis, line, points);
  const vague = reports.filter((report) => report.vague);
  const vagueList = vague.length ? h("p", { class: "vague-reports" }, "Also reported, without an exact figure: ",
    vague.map((report) => h("button", { type: "button", class: "vague-report",
                                        onclick: () => onSelect({ value: null, reports: [report] }, null) },
      `“${report.evidence.map((span) => span.text).join(" … ")}” (${report.low ?? "?"}–${report.high ?? "?"}, ${chainText(report)})`))) : null;
  return append(h("div", { class: "history" }), [chart, vagueList]);
}
