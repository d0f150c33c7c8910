// The asset map: draws the features the server sends for the visible area. The list under
// the map has the same results, so the map is an extra, not the only way in.
/* global L */

const element = document.getElementById("asset-map");

function icon(feature) {
  const p = feature.properties;
  const text = p.cluster ? String(p.count) : p.layer === "people" ? String(p.count) : "";
  const classes = ["coproduce-marker", `coproduce-marker--${p.layer}`];
  if (p.cluster) classes.push("coproduce-marker--cluster");
  return L.divIcon({ className: classes.join(" "), html: `<span>${text}</span>`, iconSize: [32, 32] });
}

function label(feature) {
  const p = feature.properties;
  if (p.layer === "people") return `${p.count} people in ${p.ward} share what they can do`;
  if (p.cluster) return `${p.count} places here. Zoom in to see them.`;
  return p.name;
}

function popup(feature) {
  const p = feature.properties;
  const container = document.createElement("div");
  const heading = document.createElement("p");
  heading.className = "govuk-body govuk-!-margin-bottom-1";
  heading.textContent = label(feature);
  container.append(heading);
  if (p.url) {
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = p.url;
    link.textContent = p.layer === "people" ? "See the ward" : "See this place";
    container.append(link);
  }
  return container;
}

if (element && typeof L !== "undefined") {
  element.hidden = false;
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
      for (const feature of data.features) {
        const [lng, lat] = feature.geometry.coordinates;
        const marker = L.marker([lat, lng], { icon: icon(feature), title: label(feature), alt: label(feature) });
        marker.bindPopup(popup(feature));
        if (feature.properties.cluster) {
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
