/* What the reader types, kept in this browser only. This page's memory is
   the truth while it is open, so a browser that refuses to store (storage
   full, a strict private mode) loses nothing typed; localStorage keeps a
   copy for the next visit when it can. Reading here; what is written, in
   what shape, is letter-save.js (loaded with the form) and, for the names,
   letter-personalise.js. Two keys, each with the site's own path (mdx.key):
     "mdx-letter-fields"  the names, {name: value}, shared by every letter;
     "mdx-letter-editor"  {to, dated, letters: {page address: {text, details}}}.
   What a browser kept under a key without the path (before) is read until
   this site first writes the key, which moves it here for good.
   Listeners hear "failed" once: when the browser first refuses to keep
   something, or as they start listening if it already has (the copy it
   holds is then removed, so a reload never brings an older version back);
   "changed" when another tab changed a key (the `storage` event), and
   "forgotten" when another tab pressed "Forget my details", which empties
   this page's memory too: Forget is final. */
mdx.module("letter-store", [], () => {
  "use strict";

  const BEFORE = { names: "mdx-letter-fields", editor: "mdx-letter-editor" };
  const KEYS = { names: mdx.key(BEFORE.names), editor: mdx.key(BEFORE.editor) };
  const memory = {};
  const listeners = [];
  let failed = false;

  const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);
  /* The strings of a record that say something. */
  const strings = (record) =>
    Object.fromEntries(Object.entries(isRecord(record) ? record : {}).filter(([, value]) => typeof value === "string" && value));

  const parse = (raw) => {
    try {
      const value = JSON.parse(raw);
      return isRecord(value) ? value : {};
    } catch {
      return {};
    }
  };

  const get = (key) => {
    try {
      memory[key] ??= parse(localStorage.getItem(KEYS[key]) ?? localStorage.getItem(BEFORE[key]));
    } catch {
      memory[key] = {}; // blocked: nothing was kept
    }
    return memory[key];
  };

  /* value null removes the key (only Forget removes the names). */
  const set = (key, value) => {
    memory[key] = value ?? {};
    try {
      localStorage.removeItem(BEFORE[key]);
      if (value) localStorage.setItem(KEYS[key], JSON.stringify(value));
      else localStorage.removeItem(KEYS[key]);
    } catch {
      try {
        localStorage.removeItem(KEYS[key]);
      } catch {
        // nothing can be stored here at all
      }
      if (!failed) listeners.forEach((listener) => listener("failed"));
      failed = true;
    }
  };

  /* The editor's state, every part in its expected shape. */
  const editor = () => {
    const { to, dated, letters } = get("editor");
    return { to: typeof to === "string" ? to : "", dated: dated === true, letters: isRecord(letters) ? letters : {} };
  };

  /* A letter's own text (a string, or absent) and details ({label: value}). */
  const mineOf = (mine) => ({
    text: typeof mine?.text === "string" ? mine.text : undefined,
    details: strings(mine?.details),
  });
  const letter = (url) => mineOf(editor().letters[url]);

  window.addEventListener("storage", ({ key, newValue }) => {
    const name = Object.keys(KEYS).find((known) => KEYS[known] === key);
    if (!name && key !== null) return; // not ours
    for (const known of name ? [name] : Object.keys(KEYS)) memory[known] = parse(newValue);
    const what = name === "editor" || newValue !== null ? "changed" : "forgotten";
    listeners.forEach((listener) => listener(what));
  });

  return Object.freeze({
    names: () => strings(get("names")),
    editor,
    letter,
    set,
    /* A listener that arrives after the browser refused hears it too. */
    listen: (listener) => {
      listeners.push(listener);
      if (failed) listener("failed");
    },
  });
});
