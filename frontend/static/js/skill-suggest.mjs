// While someone writes "what I can do", show the skills we recognise in their words.
// Nothing is saved here: after saving the profile they tick the ones that are right.
const field = document.getElementById("id_what_i_can_do");
const url = document.querySelector("[data-skill-suggest-url]")?.dataset.skillSuggestUrl;

if (field && url) {
  const region = document.createElement("div");
  region.className = "govuk-inset-text coproduce-skill-suggestions";
  region.setAttribute("aria-live", "polite");
  region.hidden = true;
  field.closest(".govuk-form-group").after(region);
  let timer = null;
  let pending = null;

  async function suggest() {
    const text = field.value.trim();
    if (text.length < 8) {
      region.hidden = true;
      return;
    }
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const response = await fetch(`${url}?${new URLSearchParams({ text })}`, { signal: pending.signal });
      if (!response.ok) return;
      const { suggestions } = await response.json();
      region.replaceChildren();
      if (!suggestions.length) {
        region.hidden = true;
        return;
      }
      const intro = document.createElement("p");
      intro.className = "govuk-body";
      intro.textContent = "From what you wrote, you may be good at these. You can say yes to them after you save.";
      const list = document.createElement("ul");
      list.className = "govuk-list govuk-list--bullet";
      for (const s of suggestions) {
        const item = document.createElement("li");
        const label = s.label.charAt(0).toUpperCase() + s.label.slice(1);
        item.textContent = `${label}: you wrote “${s.evidence}”`;
        list.append(item);
      }
      region.append(intro, list);
      region.hidden = false;
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }

  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 700);
  });
}
