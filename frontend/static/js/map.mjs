// The asset map: draws the features the server sends for the visible area. The list under
// the map has the same results, so the map is an extra, not the only way in.
/* global L */

const element = document.getElementById("asset-map");

// Colour is never the only clue: single markers carry a letter, clusters a number.
const LETTERS = { places: "P", projects: "I", groups: "G", services: "S" };
const NOUNS = {
  places: ["place", "places"],
  projects: ["project or idea", "projects and ideas"],
  groups: ["group", "groups"],
  services: ["service", "services"],
};

const MARKER = 32;
const GAP = MARKER + 8;

function freeOffset(point, taken) {
  const steps = [[0, 0]];
  for (let ring = 1; ring <= 3; ring += 1) {
    for (const [dx, dy] of [[0, -1], [1, 0], [0, 1], [-1, 0], [1, -1], [1, 1], [-1, 1], [-1, -1]]) {
      steps.push([dx * GAP * ring, dy * GAP * ring]);
    }
  }
  for (const [dx, dy] of steps) {
    const moved = point.add([dx, dy]);
    if (taken.every((other) => other.distanceTo(moved) >= GAP)) return L.point(dx, dy);
  }
  return L.point(0, 0);
}

function icon(feature, offset = L.point(0, 0)) {
  const p = feature.properties;
  // A ward of 1 to 4 people has no count in the API (it would point to people): "<5".
  const people = p.fewer_than_5 ? "<5" : String(p.count);
  const text = p.layer === "people" ? people : p.cluster ? String(p.count) : LETTERS[p.layer] || "";
  const classes = ["coproduce-marker", `coproduce-marker--${p.layer}`];
  if (p.cluster) classes.push("coproduce-marker--cluster");
  return L.divIcon({
    className: classes.join(" "),
    html: `<span>${text}</span>`,
    iconSize: [MARKER, MARKER],
    iconAnchor: [MARKER / 2 - offset.x, MARKER / 2 - offset.y],
  });
}

function label(feature) {
  const p = feature.properties;
  if (p.layer === "people") return `${p.count_text} people in ${p.ward} share what they can do`;
  if (p.cluster) {
    const parts = Object.entries(p.counts || { [p.layer]: p.count }).map(
      ([layer, n]) => `${n} ${NOUNS[layer][n === 1 ? 0 : 1]}`,
    );
    const what = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
    return p.items ? `${what} here.` : `${what} here. Zoom in to see them.`;
  }
  if (p.layer === "places") return p.name;
  return `${p.name} (${NOUNS[p.layer][0]})`;
}

function popup(feature) {
  const p = feature.properties;
  const container = document.createElement("div");
  const heading = document.createElement("p");
  heading.className = "govuk-body govuk-!-margin-bottom-1";
  heading.textContent = label(feature);
  container.append(heading);
  if (p.items) {
    const list = document.createElement("ul");
    list.className = "govuk-list";
    for (const item of p.items) {
      const entry = document.createElement("li");
      const link = document.createElement("a");
      link.className = "govuk-link";
      link.href = item.url;
      link.textContent = `${item.name} (${NOUNS[item.layer][0]})`;
      entry.append(link);
      list.append(entry);
    }
    container.append(list);
  }
  if (p.url) {
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = p.url;
    link.textContent = p.layer === "people" ? "See the ward" : `See this ${NOUNS[p.layer][0]}`;
    container.append(link);
  }
  return container;
}

// Phones: the map comes first (CSS) and the filters fold away under it, unless a filter has an
// error to fix. From 641px wide they are open. Without the map they stay open.
function foldFiltersOnPhones() {
  const filters = document.querySelector("details[data-fold-on-phone]");
  if (!filters) return;
  const phone = window.matchMedia("(max-width: 640px)");
  filters.open = !phone.matches;
  phone.addEventListener("change", (event) => {
    filters.open = !event.matches;
  });
}

if (element && typeof L !== "undefined") {
  element.hidden = false;
  // What only makes sense with a map (the key, the zoom tip) shows now; the words for the
  // list alone go.
  for (const extra of document.querySelectorAll("[data-map-only]")) extra.hidden = false;
  for (const words of document.querySelectorAll("[data-no-map]")) words.hidden = true;
  foldFiltersOnPhones();
  const map = L.map(element, { keyboard: true }).setView(
    [Number(element.dataset.latitude), Number(element.dataset.longitude)],
    13,
  );
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, {
      maxZoom: 19,
      attribution: element.dataset.attribution,
    }).addTo(map);
  }
  const markers = L.layerGroup().addTo(map);
  let pending = null;

  async function refresh() {
    if (pending) pending.abort();
    pending = new AbortController();
    const b = map.getBounds();
    const params = new URLSearchParams(element.dataset.query);
    params.delete("page");
    params.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(","));
    params.set("zoom", String(map.getZoom()));
    try {
      const response = await fetch(`${element.dataset.featuresUrl}?${params}`, { signal: pending.signal });
      if (!response.ok) return;
      const data = await response.json();
      markers.clearLayers();
      // A marker that would cover another moves aside a little, so every marker can be
      // seen and tapped: clusters keep their place first, then single points, then the
      // people counts, which sit at a ward's centre and so mark no real spot anyway.
      const taken = [];
      const rank = (f) => (f.properties.layer === "people" ? 2 : f.properties.cluster ? 0 : 1);
      const ordered = [...data.features].sort(
        (a, b) => rank(a) - rank(b) || (b.properties.count || 1) - (a.properties.count || 1),
      );
      for (const feature of ordered) {
        const [lng, lat] = feature.geometry.coordinates;
        const point = map.latLngToContainerPoint([lat, lng]);
        const offset = freeOffset(point, taken);
        taken.push(point.add(offset));
        const marker = L.marker([lat, lng], {
          icon: icon(feature, offset),
          title: label(feature),
          alt: label(feature),
        });
        marker.bindPopup(popup(feature));
        if (feature.properties.cluster && !feature.properties.items) {
          marker.on("dblclick", () => map.setView([lat, lng], map.getZoom() + 2));
        }
        markers.addLayer(marker);
      }
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }

  map.on("moveend", refresh);
  refresh();
}
