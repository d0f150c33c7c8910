import { initAll } from "../../govuk-frontend/dist/govuk/govuk-frontend.min.js";

initAll();

// A long list of places is easier to search than to scroll. Selects marked
// data-coproduce-picker become the GOV.UK accessible autocomplete: type part of a name, then
// choose with the arrow keys or a screen reader. The select stays in the page and is what the
// form sends, so without JavaScript (or if the script fails to load) the plain select works.
const pickers = document.querySelectorAll("select[data-coproduce-picker]");

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

async function enhancePickers() {
  const base = new URL("../../accessible-autocomplete/", import.meta.url);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("accessible-autocomplete.min.css", base).href;
  document.head.append(style);
  await loadScript(new URL("accessible-autocomplete.min.js", base).href);
  for (const select of pickers) {
    const id = select.id;
    const chosen = select.value ? select.options[select.selectedIndex].text : "";
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: chosen,
      showAllValues: true,
      minLength: 0,
      preserveNullOptions: true,
    });
    // Emptying the box means "none of these" (the select's first, empty choice); the
    // autocomplete on its own would keep the place chosen before.
    select.form?.addEventListener("submit", () => {
      const input = document.getElementById(id);
      if (input && input.value.trim() === "") {
        select.value = "";
      }
    });
  }
}

if (pickers.length) {
  enhancePickers().catch(() => {
    // The plain select is still there and still works.
  });
}
