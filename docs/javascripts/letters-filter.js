/* The letters index: a row of tag buttons that shows only the cards with
   that tag, without reloading. The tags come from the cards themselves
   (data-mdx-tags, rendered from each letter's front matter). Without
   JavaScript there is no filter and every card shows. */
(() => {
  "use strict";

  const ALL = "";

  const element = (tag, properties = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  };

  const tagsOf = (card) => (card.dataset.mdxTags ?? "").split(/\s+/).filter(Boolean);

  const statusText = (shown, total, tag) =>
    tag === ALL
      ? `Showing all ${total} letters.`
      : `Showing ${shown} of ${total} letters tagged “${tag}”.`;

  const attach = (list) => {
    list.dataset.mdxFilterReady = "";
    const cards = [...list.querySelectorAll("[data-mdx-tags]")];
    const tags = [...new Set(cards.flatMap(tagsOf))];
    if (tags.length < 2) return;

    const button = (tag, label) => {
      const node = element("button", {
        type: "button",
        className: "mdx-filter__tag",
        textContent: label,
      });
      node.dataset.mdxTag = tag;
      return node;
    };
    const buttons = [button(ALL, "All letters"), ...tags.map((tag) => button(tag, tag))];
    const status = element("p", { className: "mdx-filter__status" });
    status.setAttribute("role", "status");
    const label = element("p", {
      id: `mdx-filter-label-${document.querySelectorAll(".mdx-filter").length}`,
      className: "mdx-filter__label",
      textContent: "Show letters tagged:",
    });
    const group = element("div", { className: "mdx-filter__tags" }, buttons);
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", label.id);
    const filter = element("div", { className: "mdx-filter" }, [label, group, status]);
    list.before(filter);

    const show = (tag) => {
      let shown = 0;
      for (const card of cards) {
        card.hidden = tag !== ALL && !tagsOf(card).includes(tag);
        if (!card.hidden) shown += 1;
      }
      for (const node of buttons) {
        node.setAttribute("aria-pressed", String(node.dataset.mdxTag === tag));
      }
      status.textContent = statusText(shown, cards.length, tag);
    };

    group.addEventListener("click", (event) => {
      try {
        const pressed = event.target.closest("[data-mdx-tag]");
        if (!pressed) return;
        // Pressing the active tag again shows every letter.
        const active = pressed.getAttribute("aria-pressed") === "true";
        show(active ? ALL : pressed.dataset.mdxTag);
      } catch (error) {
        console.error("letters-filter:", error);
      }
    });
    show(ALL);
    status.textContent = ""; // nothing to announce until the reader filters
  };

  const run = () => {
    try {
      const selector = "[data-mdx-letter-cards]:not([data-mdx-filter-ready])";
      document.querySelectorAll(selector).forEach(attach);
    } catch (error) {
      console.error("letters-filter:", error);
    }
  };

  // Material's document$ emits on the first load and after every instant navigation.
  if (window.document$?.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
