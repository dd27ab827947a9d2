/* compromise, the natural-language library the checker reads sentences with
   (MIT; docs/javascripts/vendor/compromise.js, version 14.17.0, the file
   npm's compromise package ships as builds/compromise.js, kept byte for byte:
   tests/apology/test_vendor.py compares it with node_modules/). Its UMD build,
   just before this module in the `checker.js` bundle, defines `nlp` on the
   global object; this module hands it on to the engine and takes it off the
   global object again.

   One step of it is replaced, with the same result, faster: its post-tagger's
   sweep (methods.one.bulkMatch), which runs its 570 matches on each part of a
   sentence (14.17.0's src/1-one/sweep/methods/sweep/). compromise lists, for
   each part, every match keyed by a word or tag the part holds (730 keys, a
   match keyed by each word or tag it needs or wants: some 300 a part), then
   keeps those whose needs the part holds and enough of whose wants (some 20),
   and runs them. Here the matches whose every need the part holds are
   counted up from the part's own words and tags, the same checks keep the
   same ones, and they are run in the very order compromise lists them (by
   the first key of its own order that the part holds, then by the place in
   that key's list), by the matcher of apology-nlp-match.js. Every tag comes
   out the same (test_vendor.py compares both on every corpus statement and
   draft shape). Should compromise ever list two matches of one text (its
   lists keep only the first), its own sweep runs. */
mdx.module("apology-nlp", ["apology-nlp-match"], (ours) => {
  "use strict";

  const nlp = globalThis.nlp;
  delete globalThis.nlp;

  const compromiseSweep = nlp.world().methods.one.bulkMatch;

  /* What is known of compromise's hooks before any sentence, or null (two matches of one text). */
  const plans = new WeakMap();
  const planOf = (hooks) => {
    if (plans.has(hooks)) return plans.get(hooks);
    const keys = Object.keys(hooks);
    const slots = new Map(); // match -> [place of its key, place in that key's list], by key
    keys.forEach((key, place) => hooks[key].forEach((match, index) => {
      if (!slots.has(match)) slots.set(match, []);
      slots.get(match).push([place, index]);
    }));
    const matches = [...slots.keys()];
    let plan = null;
    if (new Set(matches.map((match) => match.match)).size === matches.length) {
      const byNeed = new Map(); // key -> ids of the matches that need it
      const unneeded = []; // ids of the matches that need nothing (some of their wants)
      const needCount = matches.map((match, id) => {
        const needs = [...new Set(match.needs)];
        for (const need of needs) byNeed.set(need, [...(byNeed.get(need) ?? []), id]);
        if (!needs.length) unneeded.push(id);
        return needs.length;
      });
      plan = { keys, matches, slots: matches.map((match) => slots.get(match)), byNeed, unneeded, needCount,
        counts: new Int32Array(matches.length), stamps: new Int32Array(matches.length), stamp: 0 };
    }
    plans.set(hooks, plan);
    return plan;
  };

  /* compromise's trimDown: the part holds every need, none of ifNo, and minWant of the wants (counted with repeats). */
  const worthTrying = (match, holds) => match.needs.every(holds) &&
    !(match.ifNo !== undefined && match.ifNo.some(holds)) &&
    (match.wants.length === 0 || match.wants.filter(holds).length >= match.minWant);

  /* The matches to try on one part (its cache: its words and #tags), in compromise's order. */
  const candidates = (plan, cache) => {
    const { counts, stamps, needCount } = plan;
    const stamp = (plan.stamp += 1);
    const needed = plan.unneeded.slice();
    for (const item of cache) {
      const ids = plan.byNeed.get(item);
      if (ids === undefined) continue;
      for (const id of ids) {
        if (stamps[id] !== stamp) {
          stamps[id] = stamp;
          counts[id] = 0;
        }
        counts[id] += 1;
        if (counts[id] === needCount[id]) needed.push(id);
      }
    }
    const holds = (item) => cache.has(item);
    const ranked = [];
    for (const id of needed) {
      if (!worthTrying(plan.matches[id], holds)) continue;
      const [place, index] = plan.slots[id].find(([at]) => cache.has(plan.keys[at]));
      ranked.push({ match: plan.matches[id], place, index });
    }
    ranked.sort((a, b) => a.place - b.place || a.index - b.index);
    return ranked.map(({ match }) => match);
  };

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
    const plan = planOf(net.hooks);
    if (plan === null) return compromiseSweep(document, net, methods, opts);
    const docCache = methods.one.cacheDoc(document);
    return runMatch(docCache.map((cache, n) => {
      let list = candidates(plan, cache);
      if (net.always.length > 0) list = list.concat(net.always);
      return list.filter((match) => document[n].length >= match.minWords); // compromise's tooSmall
    }), document, methods, opts);
  };

  return nlp;
});
