/* Pure text functions behind the letter tools: no DOM and no state, so the
   browser tests call them directly through mdx.use("letter-text").
   A placeholder is written like [Client's Name]: the same rule as
   PLACEHOLDER in scripts/project/letters.py (a test checks that both agree). */
mdx.module("letter-text", [], () => {
  "use strict";

  const PLACEHOLDER = /\[([^[\]\n]{1,60})\]/g;
  const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  /* Names of the placeholders in text, in order of first appearance. */
  const placeholdersIn = (text) =>
    [...new Set([...String(text).matchAll(PLACEHOLDER)].map((match) => match[1]))];

  /* Text cut into pieces: {text} for plain runs, {name} for each placeholder
     (split keeps the names it captures, every other piece). */
  const splitPlaceholders = (text) =>
    String(text)
      .split(PLACEHOLDER)
      .map((piece, index) => (index % 2 ? { name: piece } : { text: piece }))
      .filter((piece) => piece.text !== "");

  /* One paragraph as clean lines: runs of spaces collapsed, each line
     trimmed, empty lines dropped, so markup indentation never reaches a client. */
  const cleanParagraph = (raw) =>
    String(raw)
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
      .filter(Boolean)
      .join("\n");

  /* The letter as plain text: a blank line between paragraphs, the author's
     line breaks kept, nothing before the first or after the last word. */
  const plainText = (paragraphs) => paragraphs.map(cleanParagraph).filter(Boolean).join("\n\n");

  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

  /* The rich-text flavour of plain text, so an email editor keeps the
     paragraphs: a <p> per paragraph, <br> per line break, every character escaped. */
  const htmlFromText = (text) =>
    String(text)
      .split("\n\n")
      .map((paragraph) => `<p>${paragraph.split("\n").map(escapeHtml).join("<br>")}</p>`)
      .join("\n");

  /* mailto: with subject and body encoded as RFC 6068 asks: spaces as %20
     (never "+"), line breaks as %0D%0A. The recipient is optional (the
     editor's "To"); without it the reader adds one in their mail app. */
  const mailtoHref = (subject, body, to = "") => {
    const encode = (text) => encodeURIComponent(String(text).replace(/\r?\n/g, "\r\n"));
    return `mailto:${encode(to).replace(/%40/g, "@")}?subject=${encode(subject)}&body=${encode(body)}`;
  };

  /* "missed-deadline" -> "missed-deadline.txt"; anything unusable -> "letter.txt". */
  const textFileName = (slug) => {
    const safe = String(slug ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "");
    return `${safe || "letter"}.txt`;
  };

  /* 1 -> "1 name", 2 -> "2 names": readers fill in names, not "placeholders". */
  const countNames = (count) => `${count} name${count === 1 ? "" : "s"}`;

  /* ["A"] -> "[A]"; ["A", "B", "C"] -> "[A], [B] and [C]". */
  const listPlaceholders = (names) => new Intl.ListFormat("en-GB").format(names.map((name) => `[${name}]`));

  return Object.freeze({
    placeholdersIn,
    splitPlaceholders,
    plainText,
    htmlFromText,
    mailtoHref,
    textFileName,
    countNames,
    listPlaceholders,
  });
});
