/* What "Names and details" and the editor keep (letter-store.js keeps it;
   the names are kept by letter-personalise.js as they are typed): the
   editor's state with only what is worth keeping, or nothing at all once it
   is all empty. Loaded with the form (letter-form.js), before the editor. */
mdx.module("letter-save", ["letter-store"], (store) => {
  "use strict";

  /* The editor's state: the client's address, the date choice and, per
     page address, the reader's own text and details. */
  const saveEditor = ({ to, dated, letters }) => {
    const kept = {};
    for (const url of Object.keys(letters)) {
      const { text, details } = letters[url];
      const filled = Object.fromEntries(Object.entries(details).filter(([, value]) => value));
      const mine = { ...(text !== undefined && { text }), ...(Object.keys(filled).length && { details: filled }) };
      if (Object.keys(mine).length) kept[url] = mine;
    }
    const state = { ...(to && { to }), ...(dated && { dated }), ...(Object.keys(kept).length && { letters: kept }) };
    store.set("editor", Object.keys(state).length ? state : null);
  };

  /* The state as it is, every letter in its expected shape. */
  const current = () => {
    const state = store.editor();
    return { ...state, letters: Object.fromEntries(Object.keys(state.letters).map((url) => [url, store.letter(url)])) };
  };

  return Object.freeze({
    /* Change the address or the date choice: change is {to} or {dated}. */
    saveEditor: (change) => saveEditor({ ...current(), ...change }),
    /* Change one letter's part: change(mine) returns its new {text, details}. */
    saveLetter: (url, change) => {
      const state = current();
      saveEditor({ ...state, letters: { ...state.letters, [url]: change(store.letter(url)) } });
    },
    /* Only Forget removes the names. */
    forget: () => {
      store.set("names", null);
      store.set("editor", null);
    },
  });
});
