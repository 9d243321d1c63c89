// The router: #/ (map), #/incident/ID, #/article/ID?focus=start-end, #/statements.
import { append, clear, errorBox } from "./dom.js";
import { renderIncidentPage } from "./incident.js";
import { renderMapPage } from "./mapview.js";
import { renderArticlePage, renderStatementsPage } from "./pages.js";

const root = document.getElementById("app");

function parseHash() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

async function route() {
  const { parts, params } = parseHash();
  document.getElementById("span-tooltip").hidden = true;
  document.body.dataset.page = parts[0] || "map";
  delete document.body.dataset.ready;
  try {
    if (parts[0] === "incident" && parts[1]) await renderIncidentPage(root, parts[1]);
    else if (parts[0] === "article" && parts[1]) await renderArticlePage(root, parts[1], params);
    else if (parts[0] === "statements") await renderStatementsPage(root, params);
    else await renderMapPage(root, params);
  } catch (error) {
    append(clear(root), [errorBox(error)]);
  }
  // Tests and screenshots wait for this: the page has finished drawing.
  document.body.dataset.ready = "1";
}

window.addEventListener("hashchange", route);
route();
