/* Edit: the editor's code and styles (the letter-editor.* bundles, about
   15 KB) stay off the page until the reader first presses Edit, or load at
   once when this browser keeps an edit, a To address or the date choice, so
   Copy, Email, Download and Print use them. The bundles' addresses come
   from the template (data-mdx-editor-src); nothing else is fetched.
   fetchBundle(src) is also how the editor loads the checker when it opens. */
mdx.module("letter-edit-loader", [], () => {
  "use strict";

  const EDITOR_KEY = "mdx-letter-editor"; // written by letter-editor.js

  const kept = () => {
    try {
      return window.localStorage.getItem(EDITOR_KEY) !== null;
    } catch {
      return false; // blocked storage keeps nothing
    }
  };

  /* One <link> or <script>, in order (async off), resolved once loaded. */
  const fetchBundle = (src) =>
    new Promise((resolve, reject) => {
      const css = src.endsWith(".css");
      const node = document.createElement(css ? "link" : "script");
      if (css) Object.assign(node, { rel: "stylesheet", href: src });
      else Object.assign(node, { src, async: false });
      node.onload = resolve;
      node.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(node);
    });

  /* The editor of these tools, loading its bundles the first time. */
  const editorOf = (tools) => {
    tools.mdxEditorLoad ??= Promise.all(tools.dataset.mdxEditorSrc.split(" ").map(fetchBundle))
      .then(() => mdx.use("letter-editor").attach(tools))
      .catch((error) => {
        tools.mdxEditorLoad = null; // the next press tries again
        throw error;
      });
    return tools.mdxEditorLoad;
  };

  const attach = (tools) => {
    const button = tools.querySelector("[data-mdx-edit]");
    const status = tools.querySelector("[data-mdx-status]");
    button?.addEventListener("click", () => {
      editorOf(tools)
        .then((editor) => editor.toggle())
        .catch((error) => {
          console.warn("letter editor:", error);
          status.textContent = "The editor could not load. Check your connection, then press Edit again.";
        });
    });
    if (kept()) editorOf(tools).catch((error) => console.warn("letter editor:", error));
  };

  mdx.mount(".md-content [data-mdx-editor-src]", attach);
  return { fetchBundle };
});
