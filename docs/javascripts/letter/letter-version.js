/* Which version of a letter with two (ours, revised with the guide's tips,
   and the original, e.g. the article's) the reader uses: kept for each
   letter on this device, under localStorage "mdx-letter-version:" and the
   site's path (mdx.key) ({page address: "original"}; ours needs no entry). letter-before-paint.js reads
   it too, so the chosen one is the one drawn first (letter.css).

   Mounted before every other letter module: the version not chosen leaves
   the page (its letter; its build-time report, fetched when opened, is
   hidden by letter.css), and each detail of the form, once it is in the
   page, takes the chosen version's place, so names, details, the editor, Copy, Email,
   Download and Print all work on the chosen one without knowing there are
   two. The choice sits right under the letter (overrides/partials/
   content.html). Choosing the other reloads the page, which then starts on it; what
   the reader typed is kept as ever (letter-store.js). */
mdx.module("letter-version", [], () => {
  "use strict";

  const KEY = mdx.key("mdx-letter-version");
  const OURS = "revised";

  const kept = () => {
    try {
      const value = JSON.parse(localStorage.getItem(KEY));
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch {
      return {};
    }
  };

  const chosen = (url) => (kept()[url] === "original" ? "original" : OURS);

  /* True once the choice is kept (a reload then shows it). */
  const keep = (url, version) => {
    const all = kept();
    delete all[url];
    if (version !== OURS) all[url] = version;
    try {
      if (Object.keys(all).length) localStorage.setItem(KEY, JSON.stringify(all));
      else localStorage.removeItem(KEY);
      return chosen(url) === version;
    } catch {
      return false;
    }
  };

  const attach = (tools) => {
    const choices = [...tools.parentElement.querySelectorAll("[data-mdx-choose]")];
    if (!choices.length) return;
    const url = tools.dataset.mdxLetterUrl;
    const version = chosen(url);
    document.documentElement.dataset.mdxLetterVersion = version;
    const others = tools.parentElement.querySelectorAll(".mdx-letter[data-mdx-version], [data-mdx-letter-report][data-mdx-version]");
    for (const node of others) if (node.dataset.mdxVersion !== version) node.remove();
    /* The form's details, in the page or arriving later (letter-loader.js). */
    const detailsOfVersion = () => {
      for (const input of tools.querySelectorAll("[data-mdx-original-sentence]")) {
        input.dataset.mdxSentence = input.dataset.mdxOriginalSentence;
        input.dataset.mdxAfter = input.dataset.mdxOriginalAfter;
        input.nextElementSibling.textContent = `Adds: “${input.dataset.mdxSentence.split("{value}").join("…")}”`;
      }
    };
    if (version === "original") {
      detailsOfVersion();
      tools.addEventListener("mdx:names-ready", detailsOfVersion);
    }
    for (const choice of choices) {
      choice.setAttribute("aria-pressed", String(choice.dataset.mdxChoose === version));
      choice.addEventListener("click", () => {
        if (choice.dataset.mdxChoose === version) return;
        if (keep(url, choice.dataset.mdxChoose)) window.location.reload();
        else tools.querySelector("[data-mdx-status]").textContent = "This browser is not keeping your choice, so this page cannot switch to that version.";
      });
    }
  };

  mdx.mount(".md-content [data-mdx-tools]", attach);
  return Object.freeze({ chosen });
});
