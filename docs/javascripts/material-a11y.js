/* Names for Material's own widgets that its templates leave unnamed, so
   assistive technology can announce them: the search dialog. Inlined on
   every page (overrides/main.html); it runs before Material's bundle. */
(() => {
  "use strict";
  const search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
})();
