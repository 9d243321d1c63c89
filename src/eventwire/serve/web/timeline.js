// The timeline: incidents per day (spans under ~4 months) or per month, as SVG bars.
// Clicking a bar filters the page to that day or month.
import { append, clear, h, svg } from "./dom.js";

const WIDTH = 900, HEIGHT = 120, PAD = 28;

function bucketOf(day, byMonth) {
  return byMonth ? day.slice(0, 7) : day;
}

function lastDayOfMonth(month) {
  const [year, m] = month.split("-").map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

export function renderTimeline(root, items, params) {
  const days = items.map((item) => item.event_date).filter(Boolean).sort();
  clear(root);
  append(root, [h("h2", {}, "Timeline")]);
  if (!days.length) {
    append(root, [h("p", { class: "status" }, "No dated incidents.")]);
    return;
  }
  const spanDays = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86400000;
  const byMonth = spanDays > 120;
  const counts = new Map();
  for (const day of days) counts.set(bucketOf(day, byMonth), (counts.get(bucketOf(day, byMonth)) || 0) + 1);
  const buckets = [...counts.keys()].sort();
  const max = Math.max(...counts.values());
  const step = (WIDTH - 2 * PAD) / buckets.length;
  const bars = buckets.map((bucket, i) => {
    const height = ((HEIGHT - 2 * PAD) * counts.get(bucket)) / max;
    const bar = svg("rect", { class: "timeline-bar", x: PAD + i * step + 1, y: HEIGHT - PAD - height,
                              width: Math.max(2, step - 2), height, dataset: { bucket } },
      svg("title", {}, `${bucket}: ${counts.get(bucket)} incident(s)`));
    bar.addEventListener("click", () => {
      const query = new URLSearchParams(params);
      query.set("date_from", byMonth ? `${bucket}-01` : bucket);
      query.set("date_to", byMonth ? lastDayOfMonth(bucket) : bucket);
      location.hash = `#/?${query}`;
    });
    return bar;
  });
  const labels = [buckets[0], buckets[buckets.length - 1]].map((bucket, i) =>
    svg("text", { x: i ? WIDTH - PAD : PAD, y: HEIGHT - 8, "text-anchor": i ? "end" : "start" }, bucket));
  append(root, [svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline-chart", role: "img",
                            "aria-label": `Incidents per ${byMonth ? "month" : "day"}` },
    svg("line", { x1: PAD, x2: WIDTH - PAD, y1: HEIGHT - PAD, y2: HEIGHT - PAD, class: "axis" }), bars, labels)]);
}
