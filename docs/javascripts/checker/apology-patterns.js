/* The checker's pattern language, matched over a sentence's tagged words
   (apology-engine.js tags them with compromise). A pattern is a small regular
   expression of words, with backtracking; scripts/apology/patterns.py checks
   every pattern of scripts/data/checker-rules.yml against this grammar when
   `make check` runs, so a pattern that could silently match nothing is refused
   with its line.

     sorry        a lower-case word, as written or as compromise expands it
                  ("have not" also finds "haven't"; "mix-up" also "mix up")
     #Passive     a word compromise tagged so (#Negative, #Money, #Pronoun ...)
     $reaction    a word of that lexicon, in any of its forms, or one of its phrases
     .            any one word
     (a|b c)      one of the choices, each a sequence of the above
     (#A && #B)   one word with both tags
     ? * + {m,n}  repeats of the word or group before it, longest first
     ^            first in the pattern: only at the start of the sentence

     compile(pattern, tagOf) -> compiled    (tagOf(lexicon) is the lexicon's tag)
     findAll(compiled, words, phrases, present) -> [[from, to], ...]
       words: [{word, tags: Set}]; phrases: lexicon -> [[word, ...], ...];
       present: {words, tags}, the sentence's words and tags (Sets), to skip a
       pattern at once when a word or tag it needs is absent
     select(compiledList, phrases) -> (present) -> [index, ...]: the patterns
       of the list a sentence may hold, so the others are not even tried */
mdx.module("apology-patterns", [], () => {
  "use strict";

  const TOKEN = /\s*(\(|\)|\||&&|[?*+]|\{\d+(?:,\d*)?\}|\^|#[A-Za-z]+|\$[a-z][a-z0-9-]*|\.(?![\w'])|[^\s()|?*+{}]+)/y;

  const tokens = (pattern) => {
    const found = [];
    TOKEN.lastIndex = 0;
    let token;
    while (TOKEN.lastIndex < pattern.length && (token = TOKEN.exec(pattern))) found.push(token[1]);
    return found;
  };

  const repeats = (token) => {
    if (token === "?") return [0, 1];
    if (token === "*") return [0, Infinity];
    if (token === "+") return [1, Infinity];
    const [, min, comma, max] = /\{(\d+)(,?)(\d*)\}/.exec(token);
    return [Number(min), comma ? (max ? Number(max) : Infinity) : Number(min)];
  };

  const atom = (token, tagOf) => {
    if (token === ".") return { any: true };
    if (token.startsWith("#")) return { tags: [token.slice(1)] };
    if (token.startsWith("$")) return { lexicon: token.slice(1), tag: tagOf(token.slice(1)) };
    return { word: token };
  };

  /* "mix-up" is one word or two to compromise: a hyphenated word matches either. */
  const wordChoices = (a) => (a.word?.includes("-") ? [[a], a.word.split("-").map((word) => ({ word }))] : [[a]]);

  /* (#A && #B): one word with every tag. */
  const joined = (sequence) =>
    sequence.includes("&&") ? [{ tags: sequence.filter((a) => a !== "&&").flatMap((a) => a.tags) }] : sequence;

  /* The words and tags a sentence must hold one of for an element that must occur: what its choices start with. */
  const firstKeys = (a, phrases) => {
    if (a.any) return null;
    if (a.word) return { words: [a.word.split("-")[0]], tags: [] };
    if (a.tags) return { words: [], tags: [a.tags[0]] };
    return { words: (phrases.get(a.lexicon) ?? []).map((phrase) => phrase[0]), tags: [a.tag] };
  };
  const anyHeld = (keys, present) => keys.words.some((word) => present.words.has(word)) ||
    keys.tags.some((tag) => present.tags.has(tag));

  const compile = (pattern, tagOf) => {
    const list = tokens(pattern);
    const elements = [];
    let anchored = false;
    for (let i = 0; i < list.length; i++) {
      const token = list[i];
      if (token === "^") anchored = true;
      else if (/^[?*+{]/.test(token)) [elements.at(-1).min, elements.at(-1).max] = repeats(token);
      else if (token === "(") {
        const choices = [[]];
        for (i++; list[i] !== ")"; i++) {
          if (list[i] === "|") choices.push([]);
          else choices.at(-1).push(list[i] === "&&" ? "&&" : atom(list[i], tagOf));
        }
        elements.push({ choices: choices.map(joined).flatMap((seq) => (seq.length === 1 ? wordChoices(seq[0]) : [seq])), min: 1, max: 1 });
      } else elements.push({ choices: wordChoices(atom(token, tagOf)), min: 1, max: 1 });
    }
    let needs = null;
    const needed = (phrases) =>
      (needs ??= elements
        .filter((element) => element.min > 0)
        .map((element) => element.choices.map((sequence) => firstKeys(sequence[0], phrases)))
        .filter((keys) => keys.every(Boolean))
        .map((keys) => ({ words: keys.flatMap((key) => key.words), tags: keys.flatMap((key) => key.tags) })));
    return { elements, anchored, needed };
  };

  /* A lexicon's phrases by their first word, so a word is tried only against the phrases it can start. */
  const byFirstWord = new WeakMap(); // phrases -> lexicon -> first word -> [[word, ...]]
  const phrasesFrom = (phrases, lexicon, word) => {
    let index = byFirstWord.get(phrases);
    if (!index) byFirstWord.set(phrases, (index = new Map()));
    let first = index.get(lexicon);
    if (!first) {
      first = new Map();
      for (const phrase of phrases.get(lexicon) ?? []) first.set(phrase[0], [...(first.get(phrase[0]) ?? []), phrase]);
      index.set(lexicon, first);
    }
    return first.get(word) ?? [];
  };

  /* Where one atom can end (exclusive) when it starts at `at`, each end once, in any order. */
  const atomEnds = (a, words, at, phrases, ends) => {
    const here = words[at];
    if (!here) return;
    if (a.any || (a.word && here.word === a.word) || (a.tags && a.tags.every((tag) => here.tags.has(tag)))) {
      ends.push(at + 1);
      return;
    }
    if (!a.lexicon) return;
    for (const phrase of phrasesFrom(phrases, a.lexicon, here.word)) {
      if (phrase.every((word, k) => words[at + k]?.word === word)) ends.push(at + phrase.length);
    }
    if (here.tags.has(a.tag)) ends.push(at + 1);
  };

  /* Where a sequence of atoms can end when it starts at `at` (k: the atoms already matched). */
  const sequenceEnds = (sequence, k, words, at, phrases, ends) => {
    if (k === sequence.length) {
      ends.push(at);
      return;
    }
    const next = [];
    atomEnds(sequence[k], words, at, phrases, next);
    for (const end of next) sequenceEnds(sequence, k + 1, words, end, phrases, ends);
  };

  /* Where one of an element's choices can end, past `at`, longest first. */
  const NO_ENDS = [];
  const choiceEnds = (element, words, at, phrases) => {
    const ends = [];
    for (const sequence of element.choices) sequenceEnds(sequence, 0, words, at, phrases, ends);
    if (ends.length === 0) return NO_ENDS;
    if (ends.length === 1) return ends[0] > at ? ends : NO_ENDS;
    return [...new Set(ends)].filter((end) => end > at).sort((x, y) => y - x);
  };

  /* Can an atom match from this word? (atomEnds would give at least one end) */
  const atomStarts = (a, word, phrases) => a.any || (a.word ? word.word === a.word :
    a.tags ? a.tags.every((tag) => word.tags.has(tag)) :
      word.tags.has(a.tag) || phrasesFrom(phrases, a.lexicon, word.word).length > 0);

  /* A test of the word an element must start with, when it must occur: one of its choices' first atoms. */
  const startTest = (element, phrases) => {
    if (element.test) return element.test;
    const firsts = element.choices.filter((sequence) => sequence.length).map((sequence) => sequence[0]);
    if (firsts.some((a) => a.any)) return () => true;
    return (word) => firsts.some((a) => atomStarts(a, word, phrases));
  };

  /* For an element whose every choice is one word (no phrase of a lexicon):
     a test of that word, so matching it costs no list of ends. */
  const wordTest = (element, phrases) => {
    const atoms = element.choices.map((sequence) => (sequence.length === 1 ? sequence[0] : null));
    if (atoms.some((a) => !a || (a.lexicon && phrases.get(a.lexicon)?.length))) return null;
    if (atoms.some((a) => a.any)) return () => true;
    const wanted = new Set(atoms.filter((a) => a.word).map((a) => a.word));
    const tagged = atoms.filter((a) => !a.word).map((a) => a.tags ?? [a.tag]);
    return (word) => wanted.has(word.word) || tagged.some((tags) => tags.every((tag) => word.tags.has(tag)));
  };

  /* The end of the longest match of elements[index..] from `at`, or -1. */
  const matchFrom = (elements, index, words, at, phrases) => {
    if (index === elements.length) return at;
    const element = elements[index];
    const repeat = (count, position) => {
      if (count < element.max) {
        if (element.test) {
          if (position < words.length && element.test(words[position])) {
            const found = repeat(count + 1, position + 1);
            if (found >= 0) return found;
          }
        } else {
          for (const end of choiceEnds(element, words, position, phrases)) {
            const found = repeat(count + 1, end);
            if (found >= 0) return found;
          }
        }
      }
      return count >= element.min ? matchFrom(elements, index + 1, words, position, phrases) : -1;
    };
    return repeat(0, at);
  };

  /* Every match, leftmost first, none overlapping: [from, to] word indexes. */
  const findAll = (compiled, words, phrases, present) => {
    const found = [];
    if (present && !compiled.needed(phrases).every((keys) => anyHeld(keys, present))) return found;
    const { elements } = compiled;
    if (!compiled.prepared) {
      for (const element of elements) element.test = wordTest(element, phrases);
      compiled.first = elements[0].min > 0 ? startTest(elements[0], phrases) : null; // a word every match starts with
      compiled.prepared = true;
    }
    const { first } = compiled;
    const last = compiled.anchored ? Math.min(0, words.length - 1) : words.length - 1;
    for (let start = 0; start <= last; start++) {
      if (first && !first(words[start])) continue;
      const end = matchFrom(elements, 0, words, start, phrases);
      if (end > start) {
        found.push([start, end - 1]);
        start = end - 1;
      }
    }
    return found;
  };

  /* For a list of compiled patterns: which of them a sentence may hold, by a
     word or tag that each needs (the first of its needs, see findAll), in
     the list's order; the others cannot match it.
     select(list, phrases)(present) -> [index, ...] */
  const select = (list, phrases) => {
    const byKey = new Map(); // "w:word" or "t:Tag" -> indexes
    const always = [];
    list.forEach((compiled, index) => {
      const [keys] = compiled.needed(phrases);
      if (!keys) always.push(index);
      else for (const key of new Set([...keys.words.map((w) => `w:${w}`), ...keys.tags.map((t) => `t:${t}`)])) {
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key).push(index);
      }
    });
    return (present) => {
      const chosen = new Set(always);
      for (const word of present.words) for (const index of byKey.get(`w:${word}`) ?? []) chosen.add(index);
      for (const tag of present.tags) for (const index of byKey.get(`t:${tag}`) ?? []) chosen.add(index);
      return [...chosen].sort((x, y) => x - y);
    };
  };

  return { compile, findAll, select, tokens };
});
