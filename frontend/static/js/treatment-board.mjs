// Live updates for an action learning set treatment: while several people fill in the four
// columns, poll the board's JSON and redraw the lists that changed. Without JavaScript the
// page still works: each addition reloads it, and a link refreshes it.
const POLL_MS = 5000;

function itemText(column, item) {
  if (column === "actions") return `${item.text} (${item.owner}, by ${item.due})`;
  if (column === "barriers") return item.busted ? `${item.text} (busted)` : item.text;
  return item.text;
}

function redraw(root, board) {
  let added = 0;
  for (const column of ["who", "resources", "actions", "barriers"]) {
    const list = root.querySelector(`ul[data-column="${column}"]`);
    if (!list) continue;
    const shown = new Set(
      [...list.querySelectorAll("li[data-id]")].map((li) => li.dataset.id),
    );
    const known = list.dataset.known ? new Set(list.dataset.known.split(",")) : null;
    for (const item of board[column]) {
      const id = String(item.id);
      if (shown.has(id) || (known && known.has(id))) continue;
      const li = document.createElement("li");
      li.dataset.id = id;
      li.textContent = itemText(column, item);
      li.classList.add("coproduce-capture-list__new");
      list.querySelector(".coproduce-capture-list__empty")?.remove();
      list.appendChild(li);
      added += 1;
    }
    list.dataset.known = board[column].map((item) => item.id).join(",");
  }
  return added;
}

function start(root) {
  const status = root.querySelector("[data-live-status]");
  let version = root.dataset.version;
  // What the server drew is already known; only later additions are added here.
  for (const list of root.querySelectorAll("ul[data-column]")) list.dataset.known = "";
  fetch(root.dataset.url, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .then((board) => {
      if (!board) return;
      for (const column of ["who", "resources", "actions", "barriers"]) {
        const list = root.querySelector(`ul[data-column="${column}"]`);
        if (list) list.dataset.known = board[column].map((item) => item.id).join(",");
      }
    })
    .catch(() => {});
  const poll = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(root.dataset.url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const board = await response.json();
      if (board.version === version) return;
      version = board.version;
      const added = redraw(root, board);
      if (added && status) {
        status.textContent =
          added === 1 ? "1 new note added by someone else." : `${added} new notes added by others.`;
      }
    } catch {
      // Offline for a moment: try again at the next tick.
    }
  };
  window.setInterval(poll, POLL_MS);
}

for (const root of document.querySelectorAll("[data-live-board]")) start(root);
