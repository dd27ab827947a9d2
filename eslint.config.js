// ESLint for our own browser scripts, run by `make lint` (npx --no-install eslint).
// Versions are pinned in package.json and package-lock.json. CommonJS, as
// package.json declares no "type".
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    // Built sites, installed tools, generated bundles and vendored libraries are not our sources.
    ignores: ["site/", ".site-*/", "node_modules/", ".venv*/", "overrides/assets/", ".bench/", "docs/javascripts/vendor/"],
  },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {
        ...globals.browser,
        mdx: "readonly", // our loader (docs/javascripts/site/mdx.js): mdx.module, mdx.use, mdx.mount
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: "error",
      "no-implicit-globals": "error",
      "prefer-const": "error",
      "no-var": "error",
    },
  },
  {
    // Runs inside Material's search worker, not on the page.
    files: ["docs/javascripts/search/search-worker.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    // Node scripts of the benchmarks (scripts/bench/nlp-candidates/), run with node, not in a page.
    files: ["scripts/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
