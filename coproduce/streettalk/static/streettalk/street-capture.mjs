// Street conversations on a poor connection. Each entry is kept on this phone (localStorage)
// with the code made for it, then sent; it leaves the phone only when the server has it.
// The server saves a code once, so an entry sent twice (a lost answer, two tabs) is kept
// once. Without JavaScript the form is an ordinary post.
const form = document.querySelector("form[data-street-capture]");

function newCode() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

if (form) {
  const key = `streettalk-waiting-${form.dataset.day}`;
  const refusedKey = `streettalk-refused-${form.dataset.day}`;
  const waitingBox = document.getElementById("streettalk-waiting");
  const refusedList = document.getElementById("streettalk-refused");
  const fields = ["said", "place", "ward", "age_band"];
  let sending = false;

  const read = (name) => JSON.parse(window.localStorage.getItem(name) || "[]");
  const write = (name, list) => window.localStorage.setItem(name, JSON.stringify(list));

  function show(message) {
    const waiting = read(key).length;
    let text = form.dataset.waitingNone;
    if (waiting === 1) text = form.dataset.waitingOne;
    if (waiting > 1) text = form.dataset.waitingMany.replace("NUMBER", waiting);
    waitingBox.textContent = message ? `${message} ${text}` : text;
    waitingBox.dataset.waiting = String(waiting);
    waitingBox.hidden = false;
    const refused = read(refusedKey);
    refusedList.replaceChildren();
    if (refused.length) {
      const intro = document.createElement("li");
      intro.textContent = form.dataset.refused.replace("NUMBER", refused.length);
      refusedList.append(intro);
      for (const entry of refused) {
        const item = document.createElement("li");
        item.textContent = entry.said;
        refusedList.append(item);
      }
    }
    refusedList.hidden = !refused.length;
  }

  async function sendOne(entry) {
    const body = new URLSearchParams({
      csrfmiddlewaretoken: form.querySelector("[name=csrfmiddlewaretoken]").value,
      uuid: entry.uuid,
    });
    for (const name of fields) body.append(name, entry[name] ?? "");
    const response = await fetch(window.location.pathname, {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    return response.status;
  }

  async function sendWaiting() {
    if (sending) return;
    sending = true;
    try {
      for (const entry of read(key)) {
        let status;
        try {
          status = await sendOne(entry);
        } catch {
          break; // no connection: try again later
        }
        if (status >= 500 || status === 403 || status === 429) break;
        const rest = read(key).filter((e) => e.uuid !== entry.uuid);
        write(key, rest);
        if (status === 400) write(refusedKey, [...read(refusedKey), entry]);
        show();
      }
    } finally {
      sending = false;
      show();
    }
  }

  form.addEventListener("submit", (event) => {
    const said = form.elements.said.value.trim();
    if (!said) return; // let the server show the error
    event.preventDefault();
    const entry = { uuid: form.elements.uuid.value || newCode() };
    for (const name of fields) entry[name] = form.elements[name].value;
    write(key, [...read(key), entry]);
    form.elements.said.value = "";
    form.elements.uuid.value = newCode();
    show(form.dataset.kept);
    form.elements.said.focus();
    sendWaiting();
  });

  window.addEventListener("online", sendWaiting);
  window.setInterval(sendWaiting, 15000);
  show();
  sendWaiting();
}
