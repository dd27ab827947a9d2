/* Pure text functions behind the letter editor (letter-editor.js): no DOM
   and no state, so the browser tests call them through mdx.use("letter-edit-text"). */
mdx.module("letter-edit-text", [], () => {
  "use strict";

  const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

  /* A detail's sentence with the reader's value where {value} stands
     (split and join: a "$" in the value is only ever text). */
  const detailSentence = (template, value) => String(template).split("{value}").join(String(value).trim());

  /* text with sentence put in place of [start, end), a space on either side
     where words would otherwise touch; and where the caret goes after it. */
  const insertSentence = (text, start, end, sentence) => {
    const before = String(text).slice(0, start);
    const after = String(text).slice(end);
    const lead = before && !/\s$/.test(before) ? " " : "";
    const tail = after && !/^\s/.test(after) ? " " : "";
    const inserted = `${before}${lead}${sentence}${tail}`;
    return { text: inserted + after, caret: inserted.length - tail.length };
  };

  /* Where a sentence goes when the reader has not placed the cursor: the
     end of the letter's second paragraph (the first after "Dear ..."). */
  const defaultCaret = (text) => {
    const breaks = [...String(text).matchAll(PARAGRAPH_BREAK)];
    return breaks.length >= 2 ? breaks[1].index : String(text).length;
  };

  /* Today as a letter's date line, in the reader's own way of writing dates. */
  const dateLine = (date = new Date(), locale = undefined) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(date);

  const withDate = (text, line) => `${line}\n\n${text}`;

  return Object.freeze({ detailSentence, insertSentence, defaultCaret, dateLine, withDate });
});
