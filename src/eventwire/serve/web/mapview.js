// The map page: filters, the incident map on the bundled country outlines, the timeline and a list.
import { api, append, clear, errorBox, formatNumber, h, incidentTitle, link } from "./dom.js";
import { renderTimeline } from "./timeline.js";

export const FILTERS = [
  ["date_from", "From", "date"], ["date_to", "To", "date"], ["country", "Country (ISO)", "text"],
  ["admin1", "Region", "text"], ["event_type", "Event type (ACLED/GTD)", "text"], ["actor", "Actor", "text"],
  ["min_killed", "Min. killed", "number"], ["q", "Text search", "search"],
];
// Incidents drawn at once; the rest are counted ("showing 1000 of N") and reached by filtering.
const MAP_LIMIT = 1000;
let basemap = null;

async function loadBasemap() {
  if (!basemap) basemap = await api("/static/vendor/countries-110m.geojson");
  return basemap;
}

export function markerRadius(killed) {
  // Area grows with the best killed count: 4 px for none, ~40 px for a thousand.
  return 4 + 1.15 * Math.sqrt(Math.max(0, killed || 0));
}

export async function renderMapPage(root, params) {
  const form = filterForm(params);
  const status = h("p", { class: "status" }, "Loading incidents…");
  const mapElement = h("div", { id: "map", class: "map", role: "region", "aria-label": "Incident map" });
  const timeline = h("section", { class: "timeline", "aria-label": "Timeline" });
  const list = h("section", { class: "incident-list" });
  append(clear(root), [form, status, h("div", { class: "map-row" }, mapElement), timeline, list]);
  const query = new URLSearchParams(params);
  query.set("limit", String(MAP_LIMIT));
  let page;
  try {
    page = await api(`/api/incidents?${query}`);
  } catch (error) {
    status.replaceWith(errorBox(error));
    return;
  }
  status.textContent = `${page.items.length} of ${page.total} incidents` + (page.total > page.items.length ? " shown: filter to see the rest" : "");
  await drawMap(mapElement, page.items);
  renderTimeline(timeline, page.items, params);
  append(list, incidentTable(page.items));
}

function filterForm(params) {
  const inputs = FILTERS.map(([name, label, type]) =>
    h("label", {}, label, h("input", { name, type, value: params.get(name) || "", min: type === "number" ? 0 : null })));
  const form = h("form", { class: "filters", "aria-label": "Filters" }, inputs,
    h("button", { type: "submit" }, "Apply"), h("button", { type: "reset" }, "Clear"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name] of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    location.hash = `#/?${query}`;
  });
  form.addEventListener("reset", () => setTimeout(() => { location.hash = "#/"; }, 0));
  return form;
}

async function drawMap(element, items) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
  try {
    L.geoJSON(await loadBasemap(), { style: { color: "#8a97a8", weight: 0.7, fillColor: "#eef1f4", fillOpacity: 1 },
                                     interactive: false }).addTo(map);
  } catch (error) {
    element.before(errorBox(error));
  }
  const placed = items.filter((item) => item.lat !== null && item.lon !== null);
  // The view must be set before markers are added: Leaflet draws a layer only once the map has one.
  if (placed.length) map.fitBounds(L.latLngBounds(placed.map((item) => [item.lat, item.lon])).pad(0.4), { maxZoom: 5 });
  else map.setView([25, 20], 2);
  // Largest first, so small markers stay on top and clickable.
  placed.sort((a, b) => (b.killed_best || 0) - (a.killed_best || 0)).forEach((item) => addMarker(map, item));
}

function addMarker(map, item) {
  const marker = L.circleMarker([item.lat, item.lon], {
    radius: markerRadius(item.killed_best), className: "incident-marker", color: "#9b1c1c", weight: 1.5,
    fillColor: "#e0524c", fillOpacity: 0.55,
  }).addTo(map);
  const label = `${incidentTitle(item)} — ${item.event_date || "date unknown"} — killed ${formatNumber(item.killed_best)}`;
  // A DOM node, not an HTML string: Leaflet would parse a string as HTML.
  marker.bindTooltip(h("span", {}, label), { direction: "top" });
  const path = marker.getElement();
  path.dataset.incidentId = item.incident_id;
  path.dataset.location = item.location || "";
  path.setAttribute("aria-label", label);
  path.setAttribute("role", "link");
  marker.on("click", () => { location.hash = `#/incident/${encodeURIComponent(item.incident_id)}`; });
  return marker;
}

function incidentTable(items) {
  const rows = items.map((item) => h("tr", { dataset: { incidentId: item.incident_id } },
    h("td", {}, item.event_date || "–"),
    h("td", {}, link(`#/incident/${encodeURIComponent(item.incident_id)}`, incidentTitle(item))),
    h("td", {}, item.admin1 || "–"),
    h("td", {}, [item.event_type, item.gtd_attack_type].filter(Boolean).join(" / ") || "–"),
    h("td", { class: "num" }, formatNumber(item.killed_best)),
    h("td", { class: "num" }, formatNumber(item.injured_best)),
    h("td", { class: "num" }, formatNumber(item.n_articles))));
  return h("table", { class: "table" },
    h("thead", {}, h("tr", {}, ["Date", "Place", "Region", "Type", "Killed", "Injured", "Articles"].map((t) => h("th", {}, t)))),
    h("tbody", {}, rows));
}
