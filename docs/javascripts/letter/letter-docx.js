/* The letter as a Word file (.docx), built in this browser from exactly the
   text Copy copies (names, details and the reader's edits in it): the
   subject as the document's title, then one paragraph per paragraph, its
   line breaks kept, in a plain readable font. Nothing is sent anywhere.

   A .docx is a zip of a few XML files (Office Open XML, ECMA-376): the
   zip is fflate's (MIT; docs/javascripts/vendor/fflate.js, npm's fflate
   0.8.3 umd/index.js byte for byte), just before this module in the
   `letter-docx.js` bundle, which letter-toolbar.js loads only when the
   reader asks for the file. The reader's text is only ever XML text. */
mdx.module("letter-docx", [], () => {
  "use strict";

  const { strToU8, zipSync } = globalThis.fflate;
  delete globalThis.fflate;

  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  // Characters XML 1.0 cannot hold at all: dropped, never written.
  const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

  const escape = (text) => String(text).replace(NOT_XML, "").replace(/[&<>"]/g, (char) => ESCAPES[char]);

  /* One paragraph; its line breaks as Word's (w:br). */
  const paragraph = (text, style = "") =>
    `<w:p>${style && `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`}` +
    text
      .split("\n")
      .map((line) => `<w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`)
      .join("<w:r><w:br/></w:r>") +
    "</w:p>";

  const documentXml = (subject, text) =>
    `${XML}<w:document xmlns:w="${W}"><w:body>` +
    (subject ? paragraph(subject, "Title") : "") +
    text.split("\n\n").map((part) => paragraph(part)).join("") +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
    "</w:body></w:document>";

  /* A readable default (Calibri 11 pt, a line and a half apart, space after
     each paragraph) and the title's style. */
  const STYLES =
    `${XML}<w:styles xmlns:w="${W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="200" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="320"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>' +
    "</w:styles>";

  const PACKAGE = "http://schemas.openxmlformats.org/package/2006";
  const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const CONTENT_TYPES =
    `${XML}<Types xmlns="${PACKAGE}/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    "</Types>";
  const ROOT_RELS =
    `${XML}<Relationships xmlns="${PACKAGE}/relationships">` +
    `<Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const DOCUMENT_RELS =
    `${XML}<Relationships xmlns="${PACKAGE}/relationships">` +
    `<Relationship Id="rId1" Type="${OFFICE}/styles" Target="styles.xml"/></Relationships>`;

  /* The .docx of a letter: a Blob the toolbar downloads. */
  const docxBlob = (subject, text) =>
    new Blob(
      [
        zipSync({
          "[Content_Types].xml": strToU8(CONTENT_TYPES),
          "_rels/.rels": strToU8(ROOT_RELS),
          "word/document.xml": strToU8(documentXml(subject, text)),
          "word/_rels/document.xml.rels": strToU8(DOCUMENT_RELS),
          "word/styles.xml": strToU8(STYLES),
        }),
      ],
      { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    );

  return Object.freeze({ docxBlob, documentXml });
});
