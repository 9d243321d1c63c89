// DOM helpers. Article text, titles and names are untrusted: they only ever reach the page as
// text nodes (createTextNode / textContent), never through innerHTML, so markup in an article
// (<script>, <img onerror>) is shown as text and never runs.

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  return fill(element, props, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, props = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

function fill(element, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.setAttribute("class", value);
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (_error) {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, (body && body.error) || `${response.status} ${response.statusText}`);
  return body;
}

export function errorBox(error) {
  return h("div", { class: "error", role: "alert" }, `Could not load: ${error.message}`);
}

export function formatNumber(value) {
  return value === null || value === undefined ? "–" : String(value);
}

export function formatTime(iso) {
  if (!iso) return "unknown time";
  return iso.replace("T", " ").replace(/:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?$/, (_m, _s, zone) => (zone ? ` ${zone}` : ""));
}

// A list row's name: its location column ("Crocus City Hall, RU").
export function incidentTitle(row) {
  return `${row.location || "Unknown place"}${row.country ? ", " + row.country : ""}`;
}

export function link(href, ...children) {
  return h("a", { href }, ...children);
}
