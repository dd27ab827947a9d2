/* The letters index: the situation filter rendered with the page
   (overrides/partials/mdx-letter-cards.html) shows only the cards of the
   pressed situation, without reloading, says how many, and brings them into
   view when they are below the screen. A situation's address
   (letters/#for-billing, linked from the home page) opens the page with it
   chosen: the page's style has already hidden the other cards, so nothing
   moves when the script takes over. Without JavaScript the filter is not
   shown and every card is. */
mdx.module("letters-filter", [], () => {
  "use strict";

  const ALL = "";

  const tagsOf = (card) => (card.dataset.mdxTags ?? "").split(/\s+/).filter(Boolean);

  const statusText = (shown, total, label) =>
    label === null
      ? `Showing all ${total} letters.`
      : `Showing ${shown} of ${total} letters for “${label}”, below.`;

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
      filter.dataset.mdxFiltered = ""; // the script, not the address, decides now
      let label = null;
      for (const node of buttons) {
        const pressed = node.dataset.mdxTag === tag;
        node.setAttribute("aria-pressed", String(pressed));
        if (pressed && tag !== ALL) label = node.textContent.trim();
      }
      status.textContent = statusText(shown, cards.length, label);
    };

    /* The first card shown, on screen: scrolled up to it if it is below. */
    const bringIntoView = () => {
      const first = cards.find((card) => !card.hidden);
      if (first && first.getBoundingClientRect().top > window.innerHeight - 96) {
        status.scrollIntoView({ block: "start", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
      }
    };

    filter.addEventListener("click", (event) => {
      try {
        const pressed = event.target.closest("[data-mdx-tag]");
        if (!pressed) return;
        // Pressing the active situation again shows every letter.
        const tag = pressed.getAttribute("aria-pressed") === "true" ? ALL : pressed.dataset.mdxTag;
        show(tag);
        history.replaceState(null, "", tag ? `#for-${tag}` : window.location.pathname + window.location.search);
        bringIntoView();
      } catch (error) {
        console.error("letters-filter:", error);
      }
    });

    const arrived = buttons.find((node) => node.dataset.mdxTag && `#${node.id}` === window.location.hash);
    if (arrived) show(arrived.dataset.mdxTag);
  };

  mdx.mount("[data-mdx-filter]", attach);
});
