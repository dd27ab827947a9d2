/* Names for Material's own widgets that its templates leave unnamed, so
   assistive technology can announce them: the search dialog. On
   every page (overrides/main.html, the site.js bundle). */
mdx.module("material-a11y", [], () => {
  "use strict";

  mdx.mount(".md-search[role='dialog']:not([aria-label])", (search) => search.setAttribute("aria-label", "Search"));
});
