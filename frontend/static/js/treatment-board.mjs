// Live updates for an action learning set treatment. While several people fill in the four
// columns, poll the board's small JSON view; when its version changes, fetch the page again
// and swap in the four lists (with their buttons), leaving the forms alone so nobody loses
// what they are typing. Without JavaScript the page still works: each addition reloads it,
// and a link refreshes it.
const POLL_MS = 5000;
const COLUMNS = ["who", "resources", "actions", "barriers"];

function idsOf(list) {
  return new Set([...list.querySelectorAll("li[data-id]")].map((li) => li.dataset.id));
}

async function redraw(root) {
  const response = await fetch(window.location.pathname, { headers: { Accept: "text/html" } });
  if (!response.ok) return 0;
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  let added = 0;
  for (const column of COLUMNS) {
    const list = root.querySelector(`ul[data-column="${column}"]`);
    const replacement = fresh.querySelector(`ul[data-column="${column}"]`);
    if (!list || !replacement) continue;
    const before = idsOf(list);
    for (const li of replacement.querySelectorAll("li[data-id]")) {
      if (!before.has(li.dataset.id)) {
        li.classList.add("coproduce-capture-list__new");
        added += 1;
      }
    }
    list.replaceWith(document.importNode(replacement, true));
  }
  return added;
}

function start(root) {
  const status = root.querySelector("[data-live-status]");
  let version = root.dataset.version;
  let busy = false;
  const poll = async () => {
    if (document.hidden || busy) return;
    busy = true;
    try {
      const response = await fetch(root.dataset.url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const board = await response.json();
      if (board.version === version) return;
      const added = await redraw(root);
      version = board.version;
      if (status) {
        // The words come from the page, so they are translated with the rest of it.
        status.textContent =
          added === 1
            ? root.dataset.saidOne
            : added > 1
              ? root.dataset.saidMany
              : root.dataset.saidChanged;
      }
    } catch {
      // Offline for a moment: try again at the next tick.
    } finally {
      busy = false;
    }
  };
  window.setInterval(poll, POLL_MS);
}

for (const root of document.querySelectorAll("[data-live-board]")) start(root);
