/* The letters index: the situation filter rendered with the page
   (overrides/partials/mdx-letter-cards.html) shows only the cards of the
   pressed situation, without reloading. Without JavaScript the filter is
   not shown and every card is. */
mdx.module("letters-filter", [], () => {
  "use strict";

  const ALL = "";

  const tagsOf = (card) => (card.dataset.mdxTags ?? "").split(/\s+/).filter(Boolean);

  const statusText = (shown, total, label) =>
    label === null ? `Showing all ${total} letters.` : `Showing ${shown} of ${total} letters for “${label}”.`;

  const attach = (filter) => {
    const list = filter.parentElement.querySelector("[data-mdx-letter-cards]");
    if (!list) return;
    const cards = [...list.querySelectorAll("[data-mdx-tags]")];
    const buttons = [...filter.querySelectorAll("[data-mdx-tag]")];
    const status = filter.querySelector("[data-mdx-filter-status]");

    const show = (tag) => {
      let shown = 0;
      for (const card of cards) {
        card.hidden = tag !== ALL && !tagsOf(card).includes(tag);
        if (!card.hidden) shown += 1;
      }
      let label = null;
      for (const node of buttons) {
        const pressed = node.dataset.mdxTag === tag;
        node.setAttribute("aria-pressed", String(pressed));
        if (pressed && tag !== ALL) label = node.textContent.trim();
      }
      status.textContent = statusText(shown, cards.length, label);
    };

    filter.addEventListener("click", (event) => {
      try {
        const pressed = event.target.closest("[data-mdx-tag]");
        if (!pressed) return;
        // Pressing the active situation again shows every letter.
        const active = pressed.getAttribute("aria-pressed") === "true";
        show(active ? ALL : pressed.dataset.mdxTag);
      } catch (error) {
        console.error("letters-filter:", error);
      }
    });
  };

  mdx.mount("[data-mdx-filter]", attach);
});
