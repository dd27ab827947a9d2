/* Pure text functions behind the letter editor (letter-editor.js): no DOM
   and no state, so the browser tests call them through mdx.use("letter-edit-text"). */
mdx.module("letter-edit-text", ["letter-text"], (letterText) => {
  "use strict";

  /* Text with each [name] replaced by its value (one that holds more than
     whitespace); unfilled ones stay as written, and a "$" in a value is
     only ever text. */
  const fillPlaceholders = (text, values) =>
    letterText
      .splitPlaceholders(text)
      .map(({ name, text: run }) => {
        if (name === undefined) return run;
        const value = Object.hasOwn(values, name) && typeof values[name] === "string" ? values[name].trim() : "";
        return value || `[${name}]`;
      })
      .join("");

  /* text with a detail's sentence changed from before to sentence: in place
     while before is still there as the form wrote it (gone with the space
     before it when emptied), else after the words `after` when it was not
     there yet; null when the reader has rewritten that part. Replacements
     are functions: a "$" in the reader's value is only ever text. */
  const swapSentence = (text, before, sentence, after) => {
    if (before === sentence) return text;
    if (before) {
      if (!text.includes(before)) return null; // the reader rewrote it
      if (sentence) return text.replace(before, () => sentence);
      return text.replace(text.includes(` ${before}`) ? ` ${before}` : before, "");
    }
    const at = text.indexOf(after);
    if (at < 0) return null;
    const end = at + after.length;
    return `${text.slice(0, end)} ${sentence}${text.slice(end)}`;
  };

  /* Today as a letter's date line, in the reader's own way of writing dates. */
  const dateLine = (date = new Date(), locale = undefined) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(date);

  const withDate = (text, line) => `${line}\n\n${text}`;

  return Object.freeze({ fillPlaceholders, swapSentence, dateLine, withDate });
});
