/* compromise, the natural-language library the checker reads sentences with
   (MIT; docs/javascripts/vendor/compromise.js, version 14.17.0, the file
   npm's compromise package ships as builds/compromise.js, kept byte for byte:
   tests/apology/test_vendor.py compares it with node_modules/). Its UMD build,
   just before this module in the `checker.js` bundle, defines `nlp` on the
   global object; this module hands it on to the engine and takes it off the
   global object again. */
mdx.module("apology-nlp", [], () => {
  "use strict";

  const nlp = globalThis.nlp;
  delete globalThis.nlp;
  return nlp;
});
