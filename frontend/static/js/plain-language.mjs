// Plain-language advice beside any field marked data-plain-language="<advice URL>".
// It advises only: the text is never changed and saving is never blocked.
const fields = document.querySelectorAll("[data-plain-language]");

function token(field) {
  return field.form?.querySelector("input[name=csrfmiddlewaretoken]")?.value || "";
}

for (const field of fields) {
  const region = document.createElement("div");
  region.className = "govuk-hint coproduce-plain-language";
  region.setAttribute("aria-live", "polite");
  region.hidden = true;
  (field.closest(".govuk-form-group") || field).after(region);
  let timer = null;
  let pending = null;

  async function advise() {
    const text = field.value.trim();
    if (text.split(/\s+/).length < 4) {
      region.hidden = true;
      return;
    }
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const response = await fetch(field.dataset.plainLanguage, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token(field) },
        body: JSON.stringify({ text }),
        signal: pending.signal,
      });
      if (!response.ok) return;
      const advice = await response.json();
      region.replaceChildren();
      if (advice.is_plain) {
        region.hidden = true;
        return;
      }
      const summary = document.createElement("p");
      summary.className = "govuk-body-s govuk-!-margin-bottom-1";
      summary.textContent =
        advice.reading_age > advice.target_reading_age
          ? `Writing tip: this needs a reading age of about ${advice.reading_age}. Aim for ${advice.target_reading_age}, so everyone can follow it.`
          : "Writing tip: a few words here may be hard to follow.";
      region.append(summary);
      if (advice.flags.length) {
        const list = document.createElement("ul");
        list.className = "govuk-list govuk-list--bullet govuk-body-s";
        for (const flag of advice.flags.slice(0, 5)) {
          const item = document.createElement("li");
          item.textContent = flag.message;
          list.append(item);
        }
        region.append(list);
      }
      region.hidden = false;
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }

  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(advise, 800);
  });
}
