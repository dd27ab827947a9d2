/* What a page shows only when the reader reaches for it (a letter's
   build-time report, the notes on what our version changes): a folded
   <details data-mdx-more="NAME"> whose content is the page's
   <template data-mdx-later="NAME">. `make build` moves those templates into
   one file beside the page (scripts/render/later.py) and leaves a
   <template data-mdx-later-src> naming it; `make serve` leaves them in the
   page. On opening (or at once if it was opened before this script ran),
   the content is taken from the page or fetched once, its stylesheet
   (data-mdx-more-css) loaded first so it never shows unstyled, then shown.
   If it cannot arrive, the reader is told, and the next opening tries again. */
mdx.module("later", [], () => {
  "use strict";

  let file = null; // the promise of {NAME: markup}, fetched once per page

  const fetched = () => {
    const pointer = document.querySelector("template[data-mdx-later-src]");
    if (!pointer) return Promise.reject(new Error("no later file on this page"));
    file ??= fetch(new URL(pointer.dataset.mdxLaterSrc, document.baseURI))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .catch((error) => {
        file = null;
        throw error;
      });
    return file;
  };

  /* The markup of NAME, built by our templates: a document fragment. */
  const part = async (name) => {
    let template = document.querySelector(`template[data-mdx-later="${name}"]`);
    if (!template) {
      const parts = await fetched();
      if (typeof parts[name] !== "string") throw new Error(`no part ${name}`);
      template = document.createElement("template");
      template.innerHTML = parts[name];
    }
    return template.content.cloneNode(true);
  };

  const attach = (details) => {
    const body = details.querySelector("[data-mdx-more-body]");
    let state = "folded"; // then "loading", "shown"
    let styles = null; // its stylesheet, asked for once (again after a failure)
    const styled = () => {
      const css = details.dataset.mdxMoreCss;
      if (!css) return null;
      styles ??= mdx.load(css).catch((error) => {
        styles = null;
        throw error;
      });
      return styles;
    };
    const show = async () => {
      if (!details.open || state !== "folded") return;
      state = "loading";
      body.textContent = "Loading…";
      try {
        const [content] = await Promise.all([part(details.dataset.mdxMore), styled()]);
        body.replaceChildren(content);
        state = "shown";
      } catch (error) {
        console.warn("mdx later:", error);
        body.textContent = "This could not load. Close and open it again to retry, or reload the page.";
        state = "folded";
      }
    };
    details.addEventListener("toggle", show);
    show();
  };

  mdx.mount(".md-content details[data-mdx-more]", attach);
  return Object.freeze({ part });
});
