/* Check your apology: the one engine. The browser runs it on the checker's
   page and beside the letter editor; Python runs the very same bundle in V8
   through mini-racer (scripts/apology/engine.py) for `make check-letter` and
   the report on each letter, so every host gives the same findings.

   It reads a draft sentence by sentence. compromise (docs/javascripts/vendor/)
   splits the sentences and tags the words: passive, negation, modals,
   pronouns, money, dates, contractions expanded. The rules are data
   (scripts/data/checker-rules.yml, module checker-data):
     lexicons  words by meaning; a word also matches its other forms
               (apologise, apologised); "word/Verb" only as that part of speech
     signals   named patterns saying what a sentence does (apologises, owns
               the failure, offers something, hedges), for the conditions
     rules     findings (a kind of weakness) and tips (what a strong apology
               does): patterns (apology-patterns.js), clause conditions (the
               subject of a clause and its verb), and `unless` conditions
   Then the letter is weighed as a whole: the verdict.

   A sentence's reading is cached by its text, so a re-check reads only the
   sentences that changed, and a long draft can be read in slices: start()
   returns a job whose step(n) reads n more sentences and whose report() says
   what is known so far. Nothing here touches the page or the network.

     check(text) -> report        start(text) -> {done, step(n), report(), sentences(), readHere(a, b), know(a, said)}
     sayings(sentences) -> what each says, as data another engine takes in
     report: {text, complete, checked, progress, sentences, findings, tips, verdict, summary} */
mdx.module("apology-engine", ["apology-nlp", "apology-patterns", "checker-data"], (nlp, patterns, data) => {
  "use strict";

  const PARAGRAPH = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  const CONTINUED_LINE = /\n(?=[ \t]*[a-z])/g; // a line break before a lower-case word continues the sentence
  const COMMA_LIKE = /[,;:(\u2013\u2014]/;
  const CLAUSE_END = /[;:\u2013\u2014]/;
  const CACHE_LIMIT = 20000; // sentences kept; a 200,000-character draft has about 2,500
  const BATCH = 64; // sentences compromise tags in one pass: its cost per call shared out, its memory bounded

  const tagOf = (lexicon) => `Lex${lexicon.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}`;

  const characters = new Map(Object.entries(data.characters));
  const mapped = new RegExp(`[${[...characters.keys()].join("")}]`, "gu");
  /* LF line ends, NFC, straight quotes, plain spaces: one code point for one, so offsets hold. */
  const normalise = (input) =>
    String(input ?? "").replace(/\r\n?/g, "\n").normalize("NFC").replace(mapped, (ch) => characters.get(ch));

  /* Sentences as compromise splits them, in tasks that stay short whatever
     the draft's shape. Its splitter costs the square of what it merges (a
     paragraph of ". . ." took seconds), so it is given WINDOW characters at a
     time, the last sentence of each again with what follows; and a sentence
     longer than PIECE (dictated text, a pasted table: no full stop anywhere)
     is read in pieces, cut after a comma-like mark or at the limit. */
  const WINDOW = 1000; // characters
  const PIECE = { words: 60, chars: 480 };
  const FIRST_WORDS = new RegExp(`^(?:\\s*\\S+){1,${PIECE.words}}`);
  const PIECE_BREAK = /[,;:)\u2013\u2014](?=\s)/g;
  const SPACES = /\s*/y;

  /* Where the piece of text that starts at `from` (not a space) ends, at `end` at most. */
  const pieceEnd = (text, from, end) => {
    const room = text.slice(from, Math.min(end, from + PIECE.chars));
    let cut = room.match(FIRST_WORDS)[0].length;
    if (from + cut === end) return end;
    if (cut === room.length && /\S/.test(text[from + cut])) { // the limit fell inside a word
      const space = room.search(/\s\S*$/);
      if (space > 0) cut = space;
      else if (/[\udc00-\udfff]/.test(text[from + cut])) cut--; // never half a character
    }
    const within = room.slice(0, cut);
    let mark = 0;
    for (PIECE_BREAK.lastIndex = 0; PIECE_BREAK.exec(within);) mark = PIECE_BREAK.lastIndex;
    return from + (mark > cut / 2 ? mark : cut);
  };

  /* [start, end) of a sentence, or of its pieces when it is too long to read at once. */
  const pieces = (text, start, end) => {
    const spans = [];
    while (start < end) {
      const stop = pieceEnd(text, start, end);
      spans.push([start, start + text.slice(start, stop).trimEnd().length]);
      SPACES.lastIndex = stop;
      SPACES.test(text);
      start = SPACES.lastIndex;
    }
    return spans;
  };

  /* [start, end) of each sentence compromise finds in text, trimmed. */
  const splitterSpans = (text) => {
    const world = nlp.world();
    const spans = [];
    let at = 0;
    for (const piece of world.methods.one.tokenize.splitSentences(text, world)) {
      const start = text.indexOf(piece, at);
      at = start + piece.length;
      const lead = piece.length - piece.trimStart().length;
      const length = piece.trim().length;
      if (length) spans.push([start + lead, start + lead + length]);
    }
    return spans;
  };

  /* [start, end) of each sentence or piece of one paragraph (UTF-16, in the text), a window at a time. */
  function* paragraphSpans(paragraph, offset) {
    const joined = paragraph.replace(CONTINUED_LINE, " ");
    for (let from = 0; from < joined.length;) {
      const to = Math.min(joined.length, from + WINDOW);
      let spans = splitterSpans(joined.slice(from, to)).map(([start, end]) => [from + start, from + end]);
      let next = to;
      if (to < joined.length && spans.length > 1) next = spans.pop()[0]; // it may go on past the window
      else if (to < joined.length && spans.length) { // one sentence to the window's end: all but its last piece
        spans = pieces(joined, spans[0][0], to);
        if (spans.length > 1 || spans[0][0] > from) next = spans.pop()[0];
      }
      for (const [start, end] of spans) for (const [a, b] of pieces(joined, start, end)) yield [offset + a, offset + b];
      from = next;
    }
  }

  /* [start, end) of each sentence of the text, as they are read. */
  function* sentenceSpans(text) {
    for (const found of text.matchAll(PARAGRAPH)) yield* paragraphSpans(found[0], found.index);
  }

  /* ------------------------------------------------------------ words */

  const lexicons = data.lexicons;
  const sets = Object.fromEntries(Object.entries(lexicons).map(([name, list]) => [name, new Set(list)]));
  const byWord = new Map(); // word -> [{tag, only}]
  const phrases = new Map(); // lexicon -> [[word, ...]]: its entries of several words
  for (const [name, entries] of Object.entries(lexicons)) {
    phrases.set(name, entries.filter((entry) => /[\s-]/.test(entry)).map((entry) => entry.split(/[\s-]+/)));
    for (const entry of entries) {
      const [word, only] = entry.split("/");
      if (!byWord.has(word)) byWord.set(word, []);
      byWord.get(word).push({ tag: tagOf(name), only });
    }
  }

  /* compromise's computations, less the two whose results the rules never
     read: chunks (a fifth of its time) and typeahead. */
  const world = nlp.world();
  world.hooks = world.hooks.filter((hook) => hook !== "chunks" && hook !== "typeahead");

  /* The terms of each sentence, tagged by compromise in one pass over them
     all: a pass costs as much again per call as per word, so a batch of
     sentences costs half what they cost one by one. Each is tokenised alone,
     as nlp(sentence) does, and tagged as it would be alone: compromise's
     taggers never look past a sentence. */
  const termsOf = (sentences) => {
    const tokenised = sentences.map((sentence) => world.methods.one.tokenize.fromString(sentence, world));
    const document = tokenised.flat();
    if (document.length) nlp({ isView: true, document }).compute("root");
    return tokenised.map((parts) => (parts.length === 1 ? parts[0] : parts.flat()));
  };

  const NO_TAGS = [];
  const lexiconTags = (key) => byWord.get(key) ?? NO_TAGS;
  const POSSESSIVE = /'s?$/;

  /* A sentence's words: compromise's terms with our lexicons' tags, and offsets in the sentence. */
  const wordsOf = (terms) => {
    const words = [];
    let at = 0;
    for (const term of terms) {
      const word = (term.implicit || term.normal || "").toLowerCase();
      for (const key of [word, term.root, word.replace(POSSESSIVE, "")]) {
        for (const { tag, only } of lexiconTags(key)) if (!only || term.tags.has(only)) term.tags.add(tag);
      }
      const start = at + term.pre.length;
      at = start + term.text.length + term.post.length;
      words.push({ word, tags: term.tags, pre: term.pre, post: term.post, start, end: start + term.text.length });
    }
    return words;
  };

  /* ------------------------------------------------------------ clauses */

  const isAny = (word, tags) => tags.some((tag) => word.tags.has(tag));

  /* A new clause at a subordinator, after ; : or a dash, and after a comma
     before a linking word or a pronoun, or once a subordinate clause has run. */
  const clausesOf = (words) => {
    const starts = [0];
    for (let i = 1; i < words.length; i++) {
      const before = words[i - 1].post;
      const subordinate = sets.subordinator.has(words[starts.at(-1)].word);
      const comma = COMMA_LIKE.test(before) || /[(\u2013\u2014]/.test(words[i].pre);
      if (CLAUSE_END.test(before) || sets.subordinator.has(words[i].word) ||
        (comma && (subordinate || sets.linker.has(words[i].word) || words[i].tags.has("Pronoun")))) starts.push(i);
    }
    const clauses = starts.map((from, i) => clauseOf(words, from, (starts[i + 1] ?? words.length) - 1));
    clauses.forEach((clause, i) => {
      if (i && !clause.subject && clause.verb !== null && sets.linker.has(words[clause.from].word)) {
        clause.subject = clauses[i - 1].subject; // "... and [we] sent it": a shared subject
      }
    });
    return clauses;
  };

  /* A clause's subject is what comes before its first verb; its verb group runs on over auxiliaries. */
  const clauseOf = (words, from, to) => {
    const conditional = sets["condition-word"].has(words[from].word);
    let verb = from;
    while (verb <= to && !words[verb].tags.has("Verb")) verb++;
    if (verb > to) return { from, to, verb: null, verbEnd: null, subject: null, conditional };
    let first = from;
    while (first < verb && (isAny(words[first], ["Conjunction", "Preposition", "Adverb"]) ||
      sets.subordinator.has(words[first].word))) first++;
    let verbEnd = verb;
    while (verbEnd < to && isAny(words[verbEnd + 1], ["Verb", "Adverb", "Negative", "Particle"])) verbEnd++;
    return { from, to, verb, verbEnd, subject: first < verb ? [first, verb - 1] : null, conditional };
  };

  const clauseAt = (clauses, index) => clauses.findLast((clause) => clause.from <= index) ?? clauses[0];

  const hasTag = (words, from, to, tag) => words.slice(from, to + 1).some((word) => word.tags.has(tag));

  /* A clause rule: a subject of one lexicon doing a verb of another, in the
     active voice; `past: true` only in a past tense ("we sent", "we have sent"). */
  const isPast = (words, from, to) => words.slice(from, to + 1).some((word) =>
    word.tags.has("PastTense") || word.tags.has("Perfect") || word.tags.has("Participle"));
  const clauseMatches = (reading, rule) =>
    (rule.clauses ?? []).flatMap((want) =>
      reading.clauses
        .filter(({ subject, verb, verbEnd }) => subject && verb !== null &&
          hasTag(reading.words, subject[0], subject[1], tagOf(want.subject)) &&
          hasTag(reading.words, verb, verbEnd, tagOf(want.verb)) &&
          !hasTag(reading.words, verb, verbEnd, "Passive") &&
          (!want.past || isPast(reading.words, verb, verbEnd)))
        .map(({ subject, verbEnd }) => ({ id: rule.id, from: subject[0], to: verbEnd })));

  /* ------------------------------------------------------------ conditions */

  const overlaps = (a, b) => a.from <= b.to && b.from <= a.to;

  const SCOPES = {
    sentence: () => true,
    before: (signal, match) => signal.from <= match.from,
    after: (signal, match, clause) => signal.from > match.to && signal.from <= clause.to,
    clause: (signal, match, clause) => signal.from >= clause.from && signal.from <= clause.to,
    match: (signal, match) => overlaps(signal, match),
  };

  /* excluded(match, unless, findings): true when one of the rule's `unless` conditions holds. */
  const conditions = (reading, sentence) => {
    const { words, clauses, matches } = reading;
    const signal = (name) => matches.filter((m) => m.id === `signal:${name}`);
    const quotes = [];
    words.forEach((word, i) => {
      if (word.pre.includes('"')) quotes.push({ from: i, to: words.length - 1 });
      if (word.post.includes('"') && quotes.length) quotes.at(-1).to = i;
    });
    const isOffer = (clause) => signal("offer").some((s) => SCOPES.clause(s, null, clause));
    const conditionalClause = (clause) => Boolean(clause?.conditional && !isOffer(clause));
    const builtin = {
      // a negation just before the words, in their clause: "never meant to upset you"
      negated: (m) => words.slice(Math.max(clauseAt(clauses, m.from).from, m.from - 3), m.from)
        .some((word) => word.tags.has("Negative")),
      // in an if-clause, or followed by one: "I am sorry if you were upset" (an offer is no condition)
      conditional: (m) => {
        const i = clauses.indexOf(clauseAt(clauses, m.from));
        return conditionalClause(clauses[i]) || conditionalClause(clauses[i + 1]);
      },
      hedged: (m) => signal("hedge").some((s) => SCOPES.clause(s, m, clauseAt(clauses, m.from))),
      quoted: (m) => quotes.some((q) => m.from >= q.from && m.to <= q.to),
      question: () => /\?["')\s]*$/.test(sentence),
    };
    return (m, unless, findings) => (unless ?? []).some((condition) => {
      // a suggestion (a passive) takes nothing away from what the words do
      if (condition === "flagged") return findings.some((f) => !f.rule.suggestion && overlaps(f, m));
      if (typeof condition === "string") return builtin[condition](m);
      const [name, scope] = Object.entries(condition)[0];
      return signal(name).some((s) => SCOPES[scope](s, m, clauseAt(clauses, m.from)));
    });
  };

  /* ------------------------------------------------------------ one sentence */

  const findingRules = data.rules.filter((rule) => rule.kind === "finding");
  const tipRules = data.rules.filter((rule) => rule.kind === "tip");
  const order = new Map(data.rules.map((rule, i) => [rule.id, i]));
  const compiled = [
    ...Object.entries(data.signals).flatMap(([name, list]) => list.map((p) => [`signal:${name}`, p])),
    ...data.rules.flatMap((rule) => (rule.patterns ?? []).map((p) => [rule.id, p])),
    ...tipRules.flatMap((rule) => (rule.hints ?? []).map((p) => [`hint:${rule.id}`, p])),
  ].map(([id, pattern]) => ({ id, pattern: patterns.compile(pattern, tagOf) }));

  const candidates = patterns.select(compiled.map(({ pattern }) => pattern), phrases);

  const matchesOf = (words) => {
    const present = { words: new Set(), tags: new Set() };
    for (const word of words) {
      present.words.add(word.word);
      for (const tag of word.tags) present.tags.add(tag);
    }
    return candidates(present).flatMap((index) => {
      const { id, pattern } = compiled[index];
      return patterns.findAll(pattern, words, phrases, present).map(([from, to]) => ({ id, from, to }));
    });
  };

  /* A sentence's findings and the tips it earns. Where two findings overlap,
     the rule listed first keeps the words, and of one rule's, the longer; a tip
     never counts from words that are negated, conditional, hedged or flagged
     (its rule's `unless`). */
  const judge = (reading, sentence) => {
    const excluded = conditions(reading, sentence);
    const byId = new Map();
    for (const m of reading.matches) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
    const matchesFor = (id) => byId.get(id) ?? [];
    const candidates = findingRules.flatMap((rule) =>
      matchesFor(rule.id).concat(clauseMatches(reading, rule))
        .filter((m) => !excluded(m, rule.unless, []))
        .map((m) => ({ ...m, rule })));
    candidates.sort((a, b) => order.get(a.rule.id) - order.get(b.rule.id) || (b.to - b.from) - (a.to - a.from) || a.from - b.from);
    const findings = [];
    for (const candidate of candidates) if (!findings.some((f) => overlaps(f, candidate))) findings.push(candidate);
    findings.sort((a, b) => a.from - b.from || order.get(a.rule.id) - order.get(b.rule.id));
    const tips = tipRules.flatMap((rule) => {
      // a tip's clause (we + a verb of its kind) counts only when the verb is not negated
      const clauses = clauseMatches(reading, rule).filter((m) => !hasTag(reading.words, m.from, m.to, "Negative"));
      const credited = matchesFor(rule.id).concat(clauses).sort((a, b) => a.from - b.from)
        .find((m) => !excluded(m, rule.unless, findings));
      return credited ? [{ ...credited, rule }] : [];
    });
    /* A tip is hinted where its words or hints stand, credited or not: never called missing. */
    const hinted = tipRules.filter((rule) => byId.has(rule.id) || byId.has(`hint:${rule.id}`))
      .map((rule) => rule.id);
    return { findings, tips, hinted };
  };

  /* What a sentence says, from its tagged terms: findings and tips as UTF-16 spans in it. */
  const sayOf = (sentence, terms) => {
    const words = wordsOf(terms);
    if (!words.length) return { findings: [], tips: [], hinted: [] };
    const reading = { words, clauses: clausesOf(words), matches: matchesOf(words) };
    const judged = judge(reading, sentence);
    const span = ({ rule, from, to }) => ({ rule, start: words[from].start, end: words[to].end });
    return { findings: judged.findings.map(span), tips: judged.tips.map(span), hinted: judged.hinted };
  };

  const cache = new Map();
  /* What each sentence says, cached by its text (or known, read by another
     engine): those not read before are tagged together. */
  const readAll = (sentences, known = NOTHING_KNOWN) => {
    const kept = (sentence) => cache.get(sentence) ?? known.get(sentence);
    const said = new Map(sentences.filter(kept).map((sentence) => [sentence, kept(sentence)]));
    const unread = [...new Set(sentences.filter((sentence) => !said.has(sentence)))];
    termsOf(unread).forEach((terms, i) => said.set(unread[i], sayOf(unread[i], terms)));
    if (cache.size + unread.length > CACHE_LIMIT) cache.clear();
    for (const sentence of unread) cache.set(sentence, said.get(sentence));
    return sentences.map((sentence) => said.get(sentence));
  };

  /* What sentences say, as data another engine can take in (make
     check-letter reads a long draft in several V8s at once,
     scripts/apology/engine.py): rules by their ids. */
  const NOTHING_KNOWN = new Map();
  const ruleById = new Map(data.rules.map((rule) => [rule.id, rule]));
  const withIds = (spans) => spans.map(({ rule, start, end }) => ({ rule: rule.id, start, end }));
  const withRules = (spans) => spans.map(({ rule, start, end }) => ({ rule: ruleById.get(rule), start, end }));
  const sayings = (sentences) => readAll(sentences)
    .map(({ findings, tips, hinted }) => ({ findings: withIds(findings), tips: withIds(tips), hinted }));
  const knownFrom = (sentences, said) => sentences.map((sentence, i) =>
    [sentence, { findings: withRules(said[i].findings), tips: withRules(said[i].tips), hinted: said[i].hinted }]);

  /* ------------------------------------------------------------ the letter */

  /* Line, column and code point of ascending UTF-16 offsets, counted once from the start. */
  const counter = (text) => {
    let line = 1, lineStart = 0, cursor = 0, points = 0;
    return (offset) => {
      for (; cursor < offset; cursor++) {
        const unit = text.charCodeAt(cursor);
        if (unit === 10) { line++; lineStart = points + 1; }
        const secondHalf = unit >= 0xdc00 && unit <= 0xdfff && cursor > 0 &&
          text.charCodeAt(cursor - 1) >= 0xd800 && text.charCodeAt(cursor - 1) <= 0xdbff;
        if (!secondHalf) points++;
      }
      return { line, column: points - lineStart + 1, point: points };
    };
  };

  const joined = (items) => (items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

  /* The letter as an expert weighs it (data.verdict): it must own the failure
     (say sorry, or take responsibility); then a small logistic model, fitted
     on the tuning statements (scripts/apology/fit.py), weighs what it does
     well against what weakens it: each tip credited, and the findings of each
     group, counted as log2(1 + n) so a second flaw counts less than the first. */
  const signalsOf = (findings, credited) => {
    const settings = data.verdict;
    const values = {};
    for (const rule of tipRules) values[`tip:${rule.id}`] = credited.has(rule.id) ? 1 : 0;
    for (const [group, ids] of Object.entries(settings.groups)) {
      values[group] = Math.log2(1 + findings.filter((f) => ids.includes(f.rule)).length);
    }
    return values;
  };

  const weigh = (text, findings, credited) => {
    const settings = data.verdict;
    const words = settings.words;
    if (!text.trim()) return { status: 0, label: "", reason: "", score: 0, signals: {} };
    const values = signalsOf(findings, credited);
    const score = Object.entries(settings.model.weights)
      .reduce((sum, [name, weight]) => sum + weight * (values[name] ?? 0), settings.model.bias);
    const owns = settings.owns.some((id) => credited.has(id));
    const putsRight = settings.puts_right.some((id) => credited.has(id));
    const signals = values;
    if (!owns) return { status: 1, label: words.needs_work, reason: words.unowned, score, signals };
    if (!settings.names.some((id) => credited.has(id))) {
      return { status: 1, label: words.needs_work, reason: words.unnamed, score, signals };
    }
    if (score > 0) return { status: 1, label: words.needs_work, reason: words.outweighed, score, signals };
    return { status: 0, label: words.sound, reason: putsRight ? words.sound_put_right : words.sound_owned, score, signals };
  };

  /* A short, kind summary that never asks for what the draft already does. */
  const summarise = (text, findings, tips) => {
    const words = data.summary;
    if (!text.trim()) return words.empty;
    const missing = tips.filter((tip) => tip.state === "missing").map((tip) => tip.advice);
    if (!findings.length && !missing.length) return words.strong;
    const done = tips.filter((tip) => tip.present).map((tip) => tip.done);
    const sentences = done.length ? [words.followed.replace("{done}", joined(done))] : [];
    const notes = findings.every((f) => f.suggestion);
    if (findings.length === 1) sentences.push(notes ? words.notes_one : words.findings_one);
    else if (findings.length) {
      sentences.push((notes ? words.notes_many : words.findings_many).replace("{count}", String(findings.length)));
    }
    if (missing.length) sentences.push(words.missing.replace("{advice}", joined(missing.slice(0, 2))));
    return sentences.join(" ");
  };

  const about = (rule) => ({ rule: rule.id, name: rule.name, url: rule.url });

  const assemble = (text, spans, said, complete) => {
    const at = counter(text);
    const findings = [];
    const evidence = new Map();
    const hinted = new Set();
    said.forEach(({ findings: found, tips, hinted: hints }, sentence) => {
      for (const id of hints) hinted.add(id);
      const base = spans[sentence][0];
      for (const f of found) {
        const from = base + f.start;
        const to = base + f.end;
        const { line, column, point } = at(from);
        findings.push({ ...about(f.rule), message: f.rule.message, suggestion: Boolean(f.rule.suggestion),
          weight: f.rule.weight ?? 0, line, column, start: point, end: point + [...text.slice(from, to)].length,
          from, to, sentence, text: text.slice(from, to) });
      }
      for (const t of tips) if (!evidence.has(t.rule.id)) evidence.set(t.rule.id, text.slice(base + t.start, base + t.end));
    });
    /* followed: credited; missing: nothing in the letter even hints at it;
       unclear: hinted but not credited, so neither praised nor asked for. */
    const stateOf = (id) => (evidence.has(id) ? "followed" : hinted.has(id) ? "unclear" : "missing");
    const tips = tipRules.map((rule) => ({ ...about(rule), present: evidence.has(rule.id), state: stateOf(rule.id),
      evidence: evidence.get(rule.id) ?? "", done: rule.done, advice: rule.advice }));
    const verdict = weigh(text, findings, evidence);
    // In a sound letter a flagged phrase is a note: worth a look, not a failure.
    if (!verdict.status) for (const finding of findings) finding.suggestion = true;
    const read = said.length ? spans[said.length - 1][1] : 0;
    return { text, complete, checked: said.length, progress: complete ? 1 : read / text.length,
      sentences: spans.slice(0, said.length).map(([start, end]) => ({ start, end })), findings, tips,
      verdict, summary: summarise(text, findings, tips) };
  };

  /* A check read in slices: step(n) reads n more sentences (splitting the text
     into sentences only as far as it reads, so a 5 MB draft starts at once);
     report() says what is known so far. For a draft read by several
     engines: sentences() splits it all and says which sentences there are
     to read, once each; readHere(from, to) reads some of them here, and
     know(from, said) takes what other engines read of the rest (sayings()). */
  const start = (input) => {
    const text = normalise(input);
    const sentences = sentenceSpans(text);
    const spans = [];
    const said = [];
    let known = NOTHING_KNOWN;
    let split = false; // every paragraph split into sentences
    const more = () => {
      const next = sentences.next();
      if (next.done) split = true;
      else spans.push(next.value);
    };
    /* Reads count more sentences (all that are left, BATCH at a time, by default). */
    const step = (count = Infinity) => {
      for (let left = count; left > 0;) {
        const batch = Math.min(left, BATCH);
        while (spans.length - said.length < batch && !split) more();
        if (said.length === spans.length) break;
        const next = spans.slice(said.length, said.length + batch);
        said.push(...readAll(next.map(textOf), known));
        left -= next.length;
      }
      while (said.length === spans.length && !split) more(); // paragraphs of nothing to read
      return split && said.length === spans.length;
    };
    const report = () => assemble(text, spans, said, split && said.length === spans.length);
    const textOf = ([from, to]) => text.slice(from, to).replace(/\n/g, " ");
    let toRead = [];
    const sentencesToRead = () => {
      while (!split) more();
      toRead = [...new Set(spans.slice(said.length).map(textOf))].filter((sentence) => !cache.has(sentence));
      known = new Map();
      return toRead;
    };
    /* Those from `from` to `to` read here, kept for this check (the cache may be full). */
    const readHere = (from, to) => {
      const mine = toRead.slice(from, to);
      readAll(mine).forEach((saying, i) => known.set(mine[i], saying));
    };
    /* What those from `from` on say, read elsewhere (sayings()), in order. */
    const know = (from, theirs) => {
      for (const [sentence, saying] of knownFrom(toRead.slice(from), theirs)) known.set(sentence, saying);
    };
    return { text, get done() { return said.length; }, step, report, sentences: sentencesToRead, readHere, know };
  };

  const check = (input) => {
    const job = start(input);
    job.step();
    return job.report();
  };

  return { check, start, sayings, normalise };
});
