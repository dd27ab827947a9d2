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
       present: every "w:word" and "t:Tag" of the sentence, to skip a pattern
       at once when a word or tag it needs is absent. */
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

  /* The keys a sentence must hold for an element that must occur: what its choices start with. */
  const firstKeys = (a, phrases) => {
    if (a.any) return null;
    if (a.word) return [`w:${a.word.split("-")[0]}`];
    if (a.tags) return [`t:${a.tags[0]}`];
    return [`t:${a.tag}`, ...(phrases.get(a.lexicon) ?? []).map((phrase) => `w:${phrase[0]}`)];
  };

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
        .map((keys) => keys.flat()));
    return { elements, anchored, needed };
  };

  /* Where one atom can end (exclusive) when it starts at `at`, longest first. */
  const atomEnds = (a, words, at, phrases) => {
    const here = words[at];
    if (!here) return [];
    if (a.any) return [at + 1];
    if (a.word) return here.word === a.word ? [at + 1] : [];
    if (a.tags) return a.tags.every((tag) => here.tags.has(tag)) ? [at + 1] : [];
    const ends = (phrases.get(a.lexicon) ?? [])
      .filter((phrase) => phrase.every((word, k) => words[at + k]?.word === word))
      .map((phrase) => at + phrase.length);
    if (here.tags.has(a.tag)) ends.push(at + 1);
    return ends.sort((x, y) => y - x);
  };

  const sequenceEnds = (sequence, words, at, phrases) =>
    sequence.reduce((ends, a) => ends.flatMap((end) => atomEnds(a, words, end, phrases)), [at]);

  const choiceEnds = (element, words, at, phrases) =>
    [...new Set(element.choices.flatMap((sequence) => sequenceEnds(sequence, words, at, phrases)))]
      .filter((end) => end > at)
      .sort((x, y) => y - x);

  /* The end of the longest match of elements[index..] from `at`, or -1. */
  const matchFrom = (elements, index, words, at, phrases) => {
    if (index === elements.length) return at;
    const element = elements[index];
    const repeat = (count, position) => {
      if (count < element.max) {
        for (const end of choiceEnds(element, words, position, phrases)) {
          const found = repeat(count + 1, end);
          if (found >= 0) return found;
        }
      }
      return count >= element.min ? matchFrom(elements, index + 1, words, position, phrases) : -1;
    };
    return repeat(0, at);
  };

  /* Every match, leftmost first, none overlapping: [from, to] word indexes. */
  const findAll = (compiled, words, phrases, present) => {
    const found = [];
    if (present && !compiled.needed(phrases).every((keys) => keys.some((key) => present.has(key)))) return found;
    const last = compiled.anchored ? Math.min(0, words.length - 1) : words.length - 1;
    for (let start = 0; start <= last; start++) {
      const end = matchFrom(compiled.elements, 0, words, start, phrases);
      if (end > start) {
        found.push([start, end - 1]);
        start = end - 1;
      }
    }
    return found;
  };

  return { compile, findAll, tokens };
});
