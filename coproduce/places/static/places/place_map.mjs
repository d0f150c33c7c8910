// A place's small map: one marker where the place is. The text above the map says where it
// is and links to the big map, so the page makes sense without it.
/* global L */

const element = document.getElementById("place-map");

if (element && typeof L !== "undefined") {
  element.hidden = false;
  const spot = [Number(element.dataset.latitude), Number(element.dataset.longitude)];
  // Still, so a page scrolled by touch or wheel never gets caught in the map.
  const map = L.map(element, { keyboard: true, scrollWheelZoom: false, dragging: !L.Browser.mobile }).setView(spot, 16);
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
  }
  // The same marker as the big map: a circle with a letter, so colour is not the only clue.
  const size = 32;
  const icon = L.divIcon({
    className: "coproduce-marker coproduce-marker--places",
    html: "<span>P</span>",
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  const name = element.dataset.name;
  L.marker(spot, { icon, title: name, alt: name, keyboard: false }).addTo(map);
}
