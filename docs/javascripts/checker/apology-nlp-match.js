/* compromise's match of one set of parsed match tokens ("regs") over
   sentences: a copy of compromise 14.17.0's src/1-one/match/methods/match/
   (MIT, Copyright (c) 2019 Spencer Kelly; the licence is
   docs/javascripts/vendor/compromise.LICENSE), the module apology-nlp.js runs
   its post-tagger's matches with. Two changes, neither of which changes a
   result (tests/apology/test_vendor.py compares every tag with compromise's
   own on the corpora and every draft shape):

   - compromise tries a match from each word of a sentence on a copy of the
     rest of it (`terms.slice(i)`): a sentence of n words costs n²/2 copies
     per match tried, most of compromise's tagging time on a long sentence
     without commas. Here each start is tried in place: the state's word
     index starts at i instead of 0, and the two places that read it as a
     count from the start (a greedy group's length, `.*` that finds nothing
     ahead) subtract i again.
   - a start whose first word cannot match is skipped before any state is
     made, when the first token is a plain one (a word, a tag, a list of
     words: no `.`, choices, negation, option or `$` with repeats), for which
     compromise itself would test that word and give up.

   A match with a fuzzy token (`~word~`, none of compromise's own post-tagger
   matches has one) is left to compromise's match, whose edit distance is not
   copied here.

     match(terms, todo, methods, places) -> {ptrs, byGroup}: compromise's
       methods.one.match([terms], todo), without its cache argument
     placesOf(terms) -> places: where each word and tag of a sentence stands,
       so a match whose first token is a word or a tag starts only there */
mdx.module("apology-nlp-match", [], () => {
  "use strict";

  let termMethods = {};

  /* term/doesMatch.js: one term against one token, ignoring repeats and options. */
  const doesMatch = (term, reg, index, length) => {
    if (reg.anything === true) return true;
    if (reg.start === true && index !== 0) return false;
    if (reg.end === true && index !== length - 1) return false;
    if (reg.id !== undefined && reg.id === term.id) return true;
    if (reg.word !== undefined) {
      if (reg.use) return reg.word === term[reg.use];
      if (term.machine !== null && term.machine === reg.word) return true;
      if (term.alias && term.alias.some((str) => str === reg.word)) return true;
      return reg.word === term.text || reg.word === term.normal;
    }
    if (reg.tag !== undefined) return term.tags.has(reg.tag) === true;
    if (reg.method !== undefined) {
      return typeof termMethods[reg.method] === "function" && termMethods[reg.method](term) === true;
    }
    if (reg.pre !== undefined) return term.pre && term.pre.includes(reg.pre);
    if (reg.post !== undefined) return term.post && term.post.includes(reg.post);
    if (reg.regex !== undefined) return reg.regex.test(reg.use ? term[reg.use] : term.normal);
    if (reg.chunk !== undefined) return term.chunk === reg.chunk;
    if (reg.switch !== undefined) return term.switch === reg.switch;
    if (reg.machine !== undefined) {
      return term.normal === reg.machine || term.machine === reg.machine || term.root === reg.machine;
    }
    if (reg.sense !== undefined) return term.sense === reg.sense;
    if (reg.fastOr !== undefined) {
      if (reg.pos && !term.tags.has(reg.pos)) return null;
      const str = term.root || term.implicit || term.machine || term.normal;
      return reg.fastOr.has(str) || reg.fastOr.has(term.text);
    }
    if (reg.choices !== undefined) {
      if (reg.operator === "and") return reg.choices.every((r) => matchTerm(term, r, index, length));
      return reg.choices.some((r) => matchTerm(term, r, index, length));
    }
    return false;
  };

  /* doesMatch, with !negative logic (compromise's wrapMatch, which it exports as doesMatch). */
  const matchTerm = (term, reg, index, length) => {
    const result = doesMatch(term, reg, index, length);
    return reg.negative === true ? !result : result;
  };

  /* _lib.js */
  const getGroup = (state, termIndex) => {
    if (!state.groups[state.inGroup]) state.groups[state.inGroup] = { start: termIndex, length: 0 };
    return state.groups[state.inGroup];
  };

  /* steps/logic/greedy.js */
  const getGreedy = (state, endReg) => {
    const reg = Object.assign({}, state.regs[state.r], { start: false, end: false });
    const start = state.t;
    for (; state.t < state.terms.length; state.t += 1) {
      const count = state.t - start + 1;
      if (endReg && matchTerm(state.terms[state.t], endReg, state.start_i + state.t, state.phrase_length)) {
        if (reg.min === undefined || count >= reg.min) return state.t;
      }
      if (reg.max !== undefined && count === reg.max) return state.t;
      if (matchTerm(state.terms[state.t], reg, state.start_i + state.t, state.phrase_length) === false) {
        if (reg.min !== undefined && count < reg.min) return null;
        return state.t;
      }
    }
    if (reg.min !== undefined && state.t - start + 1 < reg.min) return null;
    return state.t;
  };

  const greedyTo = (state, nextReg) => {
    if (!nextReg) return state.terms.length;
    for (let t = state.t; t < state.terms.length; t += 1) {
      if (matchTerm(state.terms[t], nextReg, state.start_i + t, state.phrase_length) === true) return t;
    }
    return null;
  };

  const isEndGreedy = (reg, state) => {
    if (reg.end === true && reg.greedy === true && state.start_i + state.t < state.phrase_length - 1) {
      const tmpReg = Object.assign({}, reg, { end: false });
      if (matchTerm(state.terms[state.t], tmpReg, state.start_i + state.t, state.phrase_length) === true) return true;
    }
    return false;
  };

  /* steps/logic/and-or.js */
  const isArray = (arr) => Object.prototype.toString.call(arr) === "[object Array]";

  const tryChoice = (state, regs, skipN) => {
    let len = 0;
    for (let w = 0; w < regs.length; w += 1) {
      const cr = regs[w];
      const t = state.t + skipN + len;
      if (state.terms[t] === undefined) return 0;
      if (matchTerm(state.terms[t], cr, state.start_i + t, state.phrase_length) !== true) return 0;
      len += 1;
      if (cr.greedy === true) {
        const gr = Object.assign({}, cr, { start: false, end: false });
        for (let i = t + 1; i < state.terms.length; i += 1) {
          if (matchTerm(state.terms[i], gr, state.start_i + i, state.phrase_length) !== true) break;
          len += 1;
        }
      }
    }
    return len;
  };

  const tryChoices = (state, skipN) => {
    const block = state.regs[state.r];
    for (let c = 0; c < block.choices.length; c += 1) {
      const regs = block.choices[c];
      if (!isArray(regs)) return 0;
      const len = tryChoice(state, regs, skipN);
      if (len > 0) return len;
    }
    return 0;
  };

  const doOrBlock = (state) => {
    const block = state.regs[state.r];
    let skipN = tryChoices(state, 0);
    if (skipN === 0) return 0;
    if (block.greedy === true) {
      let more = tryChoices(state, skipN);
      while (more > 0) {
        skipN += more;
        more = tryChoices(state, skipN);
      }
    }
    return skipN;
  };

  const doAndBlock = (state) => {
    let longest = 0;
    const reg = state.regs[state.r];
    const allDidMatch = reg.choices.every((block) => {
      const allWords = block.every((cr, wIndex) => {
        const tryTerm = state.t + wIndex;
        if (state.terms[tryTerm] === undefined) return false;
        return matchTerm(state.terms[tryTerm], cr, state.start_i + tryTerm, state.phrase_length);
      });
      if (allWords === true && block.length > longest) longest = block.length;
      return allWords;
    });
    return allDidMatch === true ? longest : false;
  };

  /* steps/logic/negative-greedy.js */
  const negGreedy = (state, reg, nextReg) => {
    let skip = 0;
    for (let t = state.t; t < state.terms.length; t += 1) {
      let found = matchTerm(state.terms[t], reg, state.start_i + t, state.phrase_length);
      if (found) break;
      if (nextReg) {
        found = matchTerm(state.terms[t], nextReg, state.start_i + t, state.phrase_length);
        if (found) break;
      }
      skip += 1;
      if (reg.max !== undefined && skip === reg.max) break;
    }
    if (skip === 0) return false;
    if (reg.min && reg.min > skip) return false;
    state.t += skip;
    return true;
  };

  /* steps/astrix.js: '.*' greedy until the next token. */
  const doAstrix = (state) => {
    const { regs } = state;
    const reg = regs[state.r];
    const skipto = greedyTo(state, regs[state.r + 1]);
    if (skipto === null || skipto - state.from === 0) return null; // (changed) 0 in compromise's copy is `from` here
    if (reg.min !== undefined && skipto - state.t < reg.min) return null;
    if (reg.max !== undefined && skipto - state.t > reg.max) {
      state.t = state.t + reg.max;
      return true;
    }
    if (state.hasGroup === true) getGroup(state, state.t).length += skipto - state.t;
    state.t = skipto;
    return true;
  };

  /* steps/or-block.js and steps/and-block.js */
  const block = (state, skipNum) => {
    const reg = state.regs[state.r];
    if (skipNum) {
      if (reg.negative === true) return null;
      if (state.hasGroup === true) getGroup(state, state.t).length += skipNum;
      if (reg.end === true && state.t + state.start_i + skipNum !== state.phrase_length) return null;
      state.t += skipNum;
      return true;
    }
    if (reg.negative === true) {
      if (!reg.optional) state.t += 1;
      return true;
    }
    return reg.optional ? true : null;
  };

  /* steps/optional-match.js */
  const foundOptional = (state) => {
    const { regs } = state;
    const reg = regs[state.r];
    const term = state.terms[state.t];
    const nextRegMatched = matchTerm(term, regs[state.r + 1], state.start_i + state.t, state.phrase_length);
    if (reg.negative || nextRegMatched) {
      const nextTerm = state.terms[state.t + 1];
      if (!nextTerm || !matchTerm(nextTerm, regs[state.r + 1], state.start_i + state.t + 1, state.phrase_length)) {
        state.r += 1;
      }
    }
  };

  /* steps/contraction-skip.js */
  const contractionSkip = (state) => {
    const term = state.terms[state.t];
    const reg = state.regs[state.r];
    if (term.implicit && state.terms[state.t + 1]) {
      if (!state.terms[state.t + 1].implicit) return;
      if (reg.word === term.normal) state.t += 1;
      if (reg.method === "hasContraction") state.t += 1;
    }
  };

  /* steps/greedy-match.js */
  const greedyMatch = (state) => {
    const reg = state.regs[state.r];
    state.t = getGreedy(state, state.regs[state.r + 1]);
    if (state.t === null) return null;
    if (reg.end === true && state.start_i + state.t !== state.phrase_length) return null;
    return true;
  };

  /* steps/simple-match.js */
  const setGroup = (state, startAt) => {
    const reg = state.regs[state.r];
    const g = getGroup(state, startAt);
    if (state.t - state.from > 1 && reg.greedy) g.length += state.t - startAt; // (changed) compromise's state.t counts from the start
    else g.length++;
  };

  const simpleMatch = (state) => {
    const { regs } = state;
    const reg = regs[state.r];
    const term = state.terms[state.t];
    const startAt = state.t;
    if (reg.optional && regs[state.r + 1] && reg.negative) return true;
    if (reg.optional && regs[state.r + 1]) foundOptional(state);
    if (term.implicit && state.terms[state.t + 1]) contractionSkip(state);
    state.t += 1;
    if (reg.end === true && state.t !== state.terms.length && reg.greedy !== true) return null;
    if (reg.greedy === true && !greedyMatch(state)) return null;
    if (state.hasGroup === true) setGroup(state, startAt);
    return true;
  };

  /* steps/negative.js */
  const doNegative = (state) => {
    const { regs } = state;
    const reg = regs[state.r];
    const tmpReg = Object.assign({}, reg);
    tmpReg.negative = false;
    if (matchTerm(state.terms[state.t], tmpReg, state.start_i + state.t, state.phrase_length)) return false;
    if (reg.optional) {
      const nextReg = regs[state.r + 1];
      if (nextReg) {
        if (matchTerm(state.terms[state.t], nextReg, state.start_i + state.t, state.phrase_length)) state.r += 1;
        else if (nextReg.optional && regs[state.r + 2] &&
          matchTerm(state.terms[state.t], regs[state.r + 2], state.start_i + state.t, state.phrase_length)) state.r += 2;
      }
    }
    if (reg.greedy) return negGreedy(state, tmpReg, regs[state.r + 1]);
    state.t += 1;
    return true;
  };

  /* 02-from-here.js: the regs tried on terms from terms[from] ((changed)
     compromise's is given terms.slice(from), start_i from, and counts t from 0;
     here t counts from the sentence's start, start_i is 0). */
  const fromHere = (terms, regs, from) => {
    if (terms.length - from <= 0 || regs.length === 0) return null;
    const state = { t: from, from, terms, r: 0, regs, groups: {}, start_i: 0, phrase_length: terms.length, inGroup: null };
    for (; state.r < regs.length; state.r += 1) {
      const reg = regs[state.r];
      state.hasGroup = Boolean(reg.group);
      state.inGroup = state.hasGroup === true ? reg.group : null;
      if (!state.terms[state.t]) {
        if (regs.slice(state.r).some((remain) => !remain.optional) === false) break;
        return null;
      }
      let alive;
      if (reg.anything === true && reg.greedy === true) alive = doAstrix(state);
      else if (reg.choices !== undefined && reg.operator === "or") alive = block(state, doOrBlock(state));
      else if (reg.choices !== undefined && reg.operator === "and") alive = block(state, doAndBlock(state));
      else if (reg.anything === true) alive = reg.negative ? null : simpleMatch(state);
      else if (isEndGreedy(reg, state) === true) alive = simpleMatch(state);
      else if (reg.negative) alive = doNegative(state);
      else if (matchTerm(state.terms[state.t], reg, state.start_i + state.t, state.phrase_length) === true) {
        alive = simpleMatch(state);
      } else if (reg.optional === true) continue;
      else return null;
      if (!alive) return null;
    }
    const pntr = [null, from, state.t];
    if (pntr[1] === pntr[2]) return null;
    const groups = {};
    Object.keys(state.groups).forEach((k) => {
      const o = state.groups[k];
      groups[k] = [null, o.start, o.start + o.length];
    });
    return { pointer: pntr, groups };
  };

  /* 03-notIf.js */
  const notIf = (results, not, docs) =>
    results.filter((res) => {
      const [n, start, end] = res.pointer;
      const terms = docs[n].slice(start, end);
      for (let i = 0; i < terms.length; i += 1) if (fromHere(terms, not, i) !== null) return false;
      return true;
    });

  /* 03-getGroup.js */
  const getGroupOf = (res, group) => {
    const ptrs = [];
    const byGroup = {};
    if (res.length === 0) return { ptrs, byGroup };
    if (typeof group === "number") group = String(group);
    if (group) {
      res.forEach((r) => {
        if (r.groups[group]) ptrs.push(r.groups[group]);
      });
    } else {
      res.forEach((r) => {
        ptrs.push(r.pointer);
        Object.keys(r.groups).forEach((k) => {
          byGroup[k] = byGroup[k] || [];
          byGroup[k].push(r.groups[k]);
        });
      });
    }
    return { ptrs, byGroup };
  };

  const addSentence = (res, n) => {
    res.pointer[0] = n;
    Object.keys(res.groups).forEach((k) => {
      res.groups[k][0] = n;
    });
    return res;
  };

  /* The first token's tests, for a start to be worth trying: compromise's
     fromHere gives up at once unless a plain token (no `.`, negation, option,
     or `$` with repeats) matches the first word, or, for a block of choices
     `(a b|#C)`, one choice's first token does (`(a && #B)`: each one's).
     Null: any word may start a match. */
  const isPlain = (reg) => !(reg.anything || reg.choices !== undefined || reg.negative || reg.optional ||
    (reg.end === true && reg.greedy === true));
  const firstTokens = (reg) => {
    if (isPlain(reg)) return { mode: "plain", tokens: [reg] };
    if (reg.choices === undefined || reg.negative || reg.optional) return null;
    if (reg.operator === "or") {
      const tokens = [];
      for (const choice of reg.choices) {
        if (!isArray(choice)) break; // compromise stops trying choices there
        if (choice.length) tokens.push(choice[0]);
      }
      return { mode: "or", tokens };
    }
    if (reg.operator === "and") return { mode: "and", tokens: reg.choices.filter((c) => c.length).map((c) => c[0]) };
    return null;
  };

  /* The word or tag a token matches only where a term holds it (so the places
     of a sentence's words and tags list every term it can match), or nothing. */
  const keyOf = (reg) => {
    if (reg.anything || reg.negative || reg.id !== undefined || reg.use || reg.fuzzy) return null;
    if (reg.word !== undefined) return { word: reg.word };
    if (reg.tag !== undefined) return { tag: reg.tag };
    return null;
  };

  /* What is known of a list of regs before any sentence: how many words a
     match needs at least, the first token's tests and the words or tags where
     it can match (any of them, or for `&&` the first that is keyed). */
  const known = new WeakMap();
  const isFuzzy = (reg) => reg.fuzzy === true || (reg.choices ?? []).some((c) => (isArray(c) ? c : [c]).some(isFuzzy));
  const about = (regs) => {
    if (!known.has(regs)) {
      const first = firstTokens(regs[0]);
      let keys = null; // null: every place
      if (first && first.mode !== "or") {
        const keyed = first.tokens.map(keyOf).filter(Boolean);
        if (keyed.length) keys = keyed.slice(0, 1);
      } else if (first && first.tokens.every(keyOf)) keys = first.tokens.map(keyOf);
      known.set(regs, {
        minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length,
        first,
        keys,
        fuzzy: regs.some(isFuzzy),
      });
    }
    return known.get(regs);
  };

  /* Can the first token match terms[i]? (false: compromise's fromHere would give up there) */
  const mayStart = (first, term, i, length) => {
    if (first.mode === "plain") return matchTerm(term, first.tokens[0], i, length) === true;
    if (first.mode === "and") { // doAndBlock reads each result as true or false
      for (const reg of first.tokens) if (!matchTerm(term, reg, i, length)) return false;
      return true;
    }
    for (const reg of first.tokens) if (matchTerm(term, reg, i, length) === true) return true;
    return false;
  };

  /* The places of a sentence where keys stand, ascending, each once. */
  const placesFor = (keys, places) => {
    const lists = keys.map((key) => (key.word !== undefined ? places.words.get(key.word) : places.tags.get(key.tag)) ?? NOWHERE);
    if (lists.length === 1) return lists[0];
    return [...new Set(lists.flat())].sort((x, y) => x - y);
  };

  /* Where in a sentence each word and each tag stands (ascending, each place
     once): every place a plain first token of a word or a tag can match. A
     word stands where it is a term's machine form, alias, text or normal form. */
  const placesOf = (terms) => {
    const words = new Map();
    const tags = new Map();
    const add = (map, key, i) => {
      const list = map.get(key);
      if (!list) map.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    terms.forEach((term, i) => {
      if (typeof term.machine === "string") add(words, term.machine, i);
      for (const alias of term.alias ?? []) add(words, alias, i);
      add(words, term.text, i);
      add(words, term.normal, i);
      for (const tag of term.tags) add(tags, tag, i);
    });
    return { words, tags };
  };
  const NOWHERE = [];

  /* index.js, for one sentence (`docs` of one): every match of todo.regs in
     terms (pointers to sentence 0). places: placesOf(terms), or nothing to
     try every word. */
  const match = (terms, todo, methods, places) => {
    termMethods = methods.one.termMethods;
    const { regs, group, justOne } = todo;
    let results = [];
    if (!regs || regs.length === 0) return { ptrs: [], byGroup: {} };
    const { minLength, first, keys, fuzzy } = about(regs);
    if (fuzzy || (todo.notIf && todo.notIf.some(isFuzzy))) return methods.one.match([terms], todo);
    const length = terms.length;
    if (regs[0].start === true) {
      const found = fromHere(terms, regs, 0);
      if (found) results.push(addSentence(found, 0));
    } else {
      // (changed) only where the first token can match
      const starts = places && keys ? placesFor(keys, places) : null;
      const count = starts ? starts.length : length;
      for (let k = 0, next = 0; k < count; k += 1) {
        const i = starts ? starts[k] : k;
        if (i < next) continue;
        if (length - i < minLength) break;
        if (first && !mayStart(first, terms[i], i, length)) continue;
        const res = fromHere(terms, regs, i);
        if (res) {
          results.push(addSentence(res, 0));
          if (justOne === true) break;
          next = Math.max(i, Math.abs(res.pointer[2] - 1)) + 1; // compromise's skip over the match
        }
      }
    }
    const docs = [terms];
    if (regs[regs.length - 1].end === true) results = results.filter((res) => length === res.pointer[2]);
    if (todo.notIf) results = notIf(results, todo.notIf, docs);
    results = getGroupOf(results, group);
    results.ptrs.forEach((ptr) => {
      const [, start, end] = ptr;
      ptr[3] = terms[start].id;
      ptr[4] = terms[end - 1].id;
    });
    return results;
  };

  return { match, placesOf };
});
