// "Read this to me" on easy-read pages (coproduce/common/easy_read.py). Only where the
// browser can speak (speechSynthesis): otherwise no button is added and the page is as it
// was. It reads the page's words in order: the question, its hint, each choice, any error.
const container = document.querySelector("[data-easy-read]");
const READ = "[data-read-aloud], .govuk-error-message, legend, .govuk-label, .govuk-hint, .govuk-summary-list__key, .govuk-summary-list__value";

function words(root) {
  const seen = new Set();
  const parts = [];
  for (const element of root.querySelectorAll(READ)) {
    if ([...seen].some((outer) => outer.contains(element))) continue;
    seen.add(element);
    const text = element.textContent.replace(/\s+/g, " ").trim();
    if (text) parts.push(text);
  }
  return parts.join(". ");
}

if (container && "speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
  const synth = window.speechSynthesis;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary easy-read-button easy-read-speak";
  button.textContent = container.dataset.readLabel;
  let speaking = false;

  function stop() {
    synth.cancel();
    speaking = false;
    button.textContent = container.dataset.readLabel;
  }

  button.addEventListener("click", () => {
    if (speaking) {
      stop();
      return;
    }
    const utterance = new SpeechSynthesisUtterance(words(container));
    utterance.lang = document.documentElement.lang || "en-GB";
    utterance.rate = 0.9;
    utterance.addEventListener("end", stop);
    utterance.addEventListener("error", stop);
    speaking = true;
    button.textContent = container.dataset.stopLabel;
    synth.speak(utterance);
  });
  container.prepend(button);
  window.addEventListener("pagehide", () => synth.cancel());
}
