// Runs before the page paints, so components that need JavaScript style themselves at once.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
