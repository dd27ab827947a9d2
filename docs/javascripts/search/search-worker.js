/*
 * Search that understands the reader's own words.
 *
 * Material's search turns every word into a prefix search ("deadlines*"), so a
 * plural, a British spelling or a typo finds nothing. This module rewrites
 * the query before Material's search worker sees it:
 *   - stop words go ("if i hurt you" searches for "hurt");
 *   - each word is reduced to its stem with lunr's own Porter stemmer, then
 *     prefix-matched ("deadlines" finds "deadline", "refunds" finds "refund");
 *   - British spellings also search their American form ("apologise");
 *   - a few everyday words also search the site's words ("rude" -> "disrespectful");
 *   - longer words also match one typo away ("reponsibility~1").
 *
 * Material 9 has no query-transform hook any more, but its search worker
 * speaks a documented message protocol. search-start.js (run on every
 * page) starts Material's worker through this file
 * (`search-worker.js?worker=<Material's worker>`); here, in the worker, each
 * query message is rewritten, then Material's worker is loaded.
 *
 * Each result tells which query terms it contains, and Material shows the
 * others struck through as "Missing". Those terms are ours (stems, other
 * spellings, synonyms), so each result message is rewritten too: a result
 * lists the reader's own words, each found when any of its forms is.
 */
(function () {
  "use strict";

  const QUERY_MESSAGE = 2; // SearchMessageType.QUERY in Material's worker protocol
  const RESULT_MESSAGE = 3; // SearchMessageType.RESULT
  const MIN_FUZZY_LENGTH = 5; // shorter words have too many neighbours one typo away
  const MIN_PREFIX_LENGTH = 3; // "up*" would match "upgrade"; short words match whole
  const SPECIFIC_BOOST = 10; // a word that names the problem outweighs "client" or "letter"

  // The reader's words (scripts/data/search-words.yml), bundled before this file.
  const { synonyms: SYNONYMS, everywhere: EVERYWHERE } = self.mdxSearchWords;

  // British spellings -> American, as (pattern, replacement) on whole words.
  const BRITISH = [
    [/is(e|es|ed|ing|ation|ations)$/, "iz$1"], // apologise, personalise, realising
    [/ys(e|es|ed|ing)$/, "yz$1"], // analyse
    [/our(s|ed|ing|able|ite|ites)?$/, "or$1"], // behaviour, favourite
    [/ence$/, "ense"], // offence, defence, licence
    [/ogue$/, "og"], // catalogue, dialogue
    [/([aeiou])ll(ed|ing|er)$/, "$1l$2"], // cancelled, travelling
    [/amme$/, "am"], // programme
    [/dgement$/, "dgment"], // judgement
  ];

  /** The American spellings of a word (itself included), British forms first. */
  function spellings(word) {
    const forms = [word];
    for (const [pattern, replacement] of BRITISH) {
      if (pattern.test(word)) forms.push(word.replace(pattern, replacement));
    }
    return forms;
  }

  /** Words of a query, lower-case, apostrophes kept inside words ("didn't"). */
  function words(query) {
    return query
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .split(/[^\p{L}\p{N}']+/u)
      .map((word) => word.replace(/^'+|'+$/g, "").replace(/'s$/, ""))
      .filter(Boolean);
  }

  /** True when the query uses lunr's own syntax; it is then left alone. */
  function isAdvanced(query) {
    return /["~^*:]|(^|\s)[+-]/.test(query);
  }

  /**
   * Rewrite a reader's query into lunr clauses. `lunr` gives the stemmer and
   * the stop word list the index was built with. Every clause carries an
   * explicit boost (`^N`), so Material adds no `*` of its own: the prefixes
   * are ours, and short words match whole. Also returns the reader's words
   * it searches: word -> the terms of its clauses, as lunr's parser reads
   * them (no `*`, `^N`, `~N`).
   */
  function rewrite(query, lunr) {
    if (isAdvanced(query)) return { query, words: new Map() };
    const stem = (word) => lunr.stemmer(new lunr.Token(word, {})).toString();
    const isStop = (word) => lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
    const everywhere = new Set(EVERYWHERE.map(stem));
    const all = words(query);
    const meaningful = all.filter((word) => !isStop(word));
    const searched = new Map();
    for (const word of meaningful.length ? meaningful : all) {
      const clauses = everywhere.has(stem(word))
        ? wordClauses(word, stem, 1, false)
        : wordClauses(word, stem, SPECIFIC_BOOST, true);
      searched.set(word, [...(searched.get(word) || []), ...clauses]);
    }
    const clauses = [...new Set([...searched.values()].flat())];
    const terms = new Map([...searched].map(([word, its]) => [word, its.map((clause) => clause.replace(/[*~^].*$/, ""))]));
    return { query: clauses.join(" "), words: terms };
  }

  /**
   * A result's terms ({term: found}) as the reader's words: each word found
   * when any of its terms is. Terms of no word (an advanced query) stay.
   */
  function readerTerms(terms, searched) {
    if (!searched.size) return terms;
    const found = {};
    for (const [word, its] of searched) {
      const known = its.filter((term) => term in terms);
      if (known.length) found[word] = known.some((term) => terms[term]);
    }
    return found;
  }

  /** The clauses for one word: its spellings and synonyms, stemmed and whole. */
  function wordClauses(word, stem, boost, fuzzy) {
    const forms = spellings(word);
    const related = forms.flatMap((form) => synonymsByStem(stem).get(stem(form)) || []);
    // The stem finds every form of the word; the word itself, when longer,
    // ranks the exact form above its relatives ("personalize" over "person").
    const terms = [...forms, ...related].flatMap((form) => [stem(form), form]);
    const clauses = terms.map((term) => clause(term.replace(/'/g, ""), boost));
    if (fuzzy && word.length >= MIN_FUZZY_LENGTH && !word.includes("'")) clauses.push(`${word}~1`);
    return clauses;
  }

  function clause(term, boost) {
    return term.length >= MIN_PREFIX_LENGTH ? `${term}*^${boost}` : `${term}^${boost}`;
  }

  let synonymTable;
  function synonymsByStem(stem) {
    if (!synonymTable) {
      synonymTable = new Map(Object.entries(SYNONYMS).map(([word, more]) => [stem(word), more]));
    }
    return synonymTable;
  }

  /* In Material's search worker: rewrite queries, then run Material's worker. */
  function runInWorker() {
    const material = new URL(self.location.href).searchParams.get("worker");
    if (!material || new URL(material).origin !== self.location.origin) return;
    // The reader's words of the last queries, newest first: a result belongs
    // to the newest whose terms include every term it reports.
    const asked = [];
    const wordsOf = (terms) => {
      const keys = Object.keys(terms);
      const query = asked.find(({ all }) => keys.every((term) => all.has(term)));
      return query ? query.words : new Map();
    };
    self.addEventListener("message", (event) => {
      const message = event.data;
      if (message && message.type === QUERY_MESSAGE && typeof message.data === "string") {
        try {
          const rewritten = rewrite(message.data, self.lunr);
          message.data = rewritten.query;
          asked.unshift({ words: rewritten.words, all: new Set([...rewritten.words.values()].flat()) });
          asked.length = Math.min(asked.length, 20);
        } catch (error) {
          console.warn("search-query: query left as typed", error);
        }
      }
    });
    const post = self.postMessage.bind(self);
    self.postMessage = (message, ...rest) => {
      try {
        if (message && message.type === RESULT_MESSAGE && message.data && Array.isArray(message.data.items)) {
          for (const item of message.data.items.flat()) {
            if (item && item.terms) item.terms = readerTerms(item.terms, wordsOf(item.terms));
          }
        }
      } catch (error) {
        console.warn("search-query: result terms left as they were", error);
      }
      return post(message, ...rest);
    };
    importScripts(material);
  }

  runInWorker();
})();
