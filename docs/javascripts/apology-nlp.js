/* compromise, the natural-language library the checker reads sentences with
   (MIT; docs/javascripts/vendor/compromise.js, version 14.17.0, the file
   npm's compromise package ships as builds/compromise.js, kept byte for byte:
   tests/apology/test_vendor.py compares it with node_modules/). Its UMD build,
   just before this module in the `checker.js` bundle, defines `nlp` on the
   global object; this module hands it on to the engine and takes it off the
   global object again.

   One step of it is replaced, with the same result, faster: the first step of
   its post-tagger's sweep (methods.one.bulkMatch), which finds the matches
   worth trying on each part of a sentence. compromise asks, for every word
   and tag any of its 570 matches is keyed by (730 of them), whether the part
   holds it: a third of all its tagging time, whatever the part's length. Here
   the part's own words and tags (a few dozen) are looked up instead, and the
   matches listed in the very order compromise lists them, so every tag comes
   out the same (test_vendor.py compares both on every corpus statement and
   draft shape). The rest is 14.17.0's src/1-one/sweep/methods/sweep/, as is. */
mdx.module("apology-nlp", ["apology-nlp-match"], (ours) => {
  "use strict";

  const nlp = globalThis.nlp;
  delete globalThis.nlp;

  /* Each hook key's place in compromise's own order, Object.keys(hooks). */
  const order = new WeakMap();
  const orderOf = (hooks) => {
    if (!order.has(hooks)) {
      const keys = Object.keys(hooks);
      order.set(hooks, { keys, place: new Map(keys.map((key, i) => [key, i])) });
    }
    return order.get(hooks);
  };

  /* For each part's cache (its words and #tags), the matches keyed by what it
     holds, in the order of the keys, each match once: compromise's getHooks. */
  const getHooks = (docCaches, hooks) => {
    const { keys, place } = orderOf(hooks);
    return docCaches.map((cache) => {
      const held = [];
      for (const item of cache) if (place.has(item)) held.push(place.get(item));
      held.sort((a, b) => a - b);
      const seen = new Set();
      const maybe = [];
      for (const i of held) {
        for (const match of hooks[keys[i]]) {
          if (!seen.has(match.match)) {
            seen.add(match.match);
            maybe.push(match);
          }
        }
      }
      return maybe;
    });
  };

  /* The matches whose needs the part holds, none of whose ifNo, and enough of whose wants. */
  const trimDown = (maybeList, docCache) =>
    maybeList.map((list, n) => {
      const haves = docCache[n];
      const held = (item) => haves.has(item);
      return list.filter((match) => match.needs.every(held) && !(match.ifNo !== undefined && match.ifNo.some(held)) &&
        (match.wants.length === 0 || match.wants.filter(held).length >= match.minWant));
    });

  const tooSmall = (maybeList, document) =>
    maybeList.map((list, n) => list.filter((match) => document[n].length >= match.minWords));

  const runMatch = (maybeList, document, methods, opts) => {
    const results = [];
    for (let n = 0; n < maybeList.length; n += 1) {
      const places = maybeList[n].length ? ours.placesOf(document[n]) : undefined;
      for (const match of maybeList[n]) {
        const found = ours.match(document[n], match, methods, places);
        if (found.ptrs.length > 0) {
          for (const pointer of found.ptrs) {
            pointer[0] = n;
            const todo = Object.assign({}, match, { pointer });
            if (match.unTag !== undefined) todo.unTag = match.unTag;
            results.push(todo);
          }
          if (opts.matchOne === true) return [results[0]];
        }
      }
    }
    return results;
  };

  nlp.world().methods.one.bulkMatch = (document, net, methods, opts = {}) => {
    const docCache = methods.one.cacheDoc(document);
    let maybeList = trimDown(getHooks(docCache, net.hooks), docCache);
    if (net.always.length > 0) maybeList = maybeList.map((list) => list.concat(net.always));
    return runMatch(tooSmall(maybeList, document), document, methods, opts);
  };

  return nlp;
});
