/* Check your apology: the browser's engine, the twin of scripts/apology/engine.py.

   The rules arrive as data (the module checker-data, generated into the bundle
   from scripts/data/checker-rules.yml by scripts/build/assets.py): their patterns
   are already compiled into regular expressions that Python and JavaScript
   read identically, and the character map is the Python engine's own. The
   draft is normalised the same way and every position is counted in Unicode
   code points, so both engines return the same findings (tested). check() is
   a pure function: nothing here touches the network.

     check(text) -> {text, findings, tips, summary}
     renderReport(container, report, {headingLevel, onShow}) */
mdx.module("apology-check", ["checker-data"], (data) => {
  "use strict";

  const compiled = new Map();
  const regex = (source) => {
    if (!compiled.has(source)) compiled.set(source, new RegExp(source, "gu"));
    const pattern = compiled.get(source);
    pattern.lastIndex = 0;
    return pattern;
  };

  const characters = new Map(Object.entries(data.characters));
  const normalise = (text) =>
    Array.from(String(text).replace(/\r\n?/g, "\n").normalize("NFC"), (ch) => characters.get(ch) ?? ch).join("");

  /* For each UTF-16 index of text, its code point index (length + 1 entries). */
  const codePointIndex = (text) => {
    const index = new Uint32Array(text.length + 1);
    let points = 0;
    for (let i = 0; i < text.length; i++) {
      index[i] = points;
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) index[++i] = points;
      }
      points++;
    }
    index[text.length] = points;
    return index;
  };

  /* Where a rule matches (UTF-16 spans): earliest first, longest first, none overlapping. */
  /* A-Z lowered, nothing else: what patterns match against (same positions). */
  const foldCase = (text) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

  const ruleMatches = (rule, text) => {
    const spans = [];
    const folded = foldCase(text);
    rule.patterns.forEach((source, order) => {
      for (const found of folded.matchAll(regex(source))) {
        spans.push([found.index, found.index + found[0].length, order]);
      }
    });
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
    const kept = [];
    for (const span of spans) {
      if (!kept.length || span[0] >= kept[kept.length - 1][1]) kept.push(span);
    }
    return kept;
  };

  const joined = (items) =>
    items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

  /* A short, kind summary: the same sentences as scripts/apology/engine.py's summary(). */
  const summary = (text, findings, tips) => {
    const words = data.summary;
    if (!text.trim()) return words.empty;
    const missing = tips.filter((tip) => !tip.present).map((tip) => tip.advice);
    if (!findings.length && !missing.length) return words.strong;
    const done = tips.filter((tip) => tip.present).map((tip) => tip.done);
    const sentences = done.length ? [words.followed.replace("{done}", joined(done))] : [];
    if (findings.length === 1) sentences.push(words.findings_one);
    else if (findings.length) sentences.push(words.findings_many.replace("{count}", String(findings.length)));
    if (missing.length) sentences.push(words.missing.replace("{advice}", joined(missing.slice(0, 2))));
    return sentences.join(" ");
  };

  const check = (input) => {
    const text = normalise(input ?? "");
    const points = codePointIndex(text);
    const findings = [];
    const tips = [];
    data.rules.forEach((rule, order) => {
      const spans = ruleMatches(rule, text);
      const about = { rule: rule.id, name: rule.name, url: rule.url };
      if (rule.kind === "tip") {
        const evidence = spans.length ? text.slice(spans[0][0], spans[0][1]) : "";
        tips.push({ ...about, present: Boolean(evidence), evidence, done: rule.done, advice: rule.advice });
        return;
      }
      for (const [start, end] of spans) {
        const lineStart = start ? text.lastIndexOf("\n", start - 1) + 1 : 0;
        findings.push({
          ...about,
          order,
          message: rule.message,
          line: text.slice(0, start).split("\n").length,
          column: points[start] - points[lineStart] + 1,
          start: points[start],
          end: points[end],
          text: text.slice(start, end),
        });
      }
    });
    findings.sort((a, b) => a.start - b.start || a.order - b.order);
    return { text, findings, tips, summary: summary(text, findings, tips) };
  };

  /* ------------------------------------------------------------ the report */

  /* The site's root, from this script's own address (".../assets/mdx/check.js"). */
  const siteRoot = (document.currentScript?.src ?? "").replace(/assets\/mdx\/[^/]*$/, "") || "/";

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== null && text !== undefined) node.textContent = text; // reader text only ever as text
    return node;
  };

  const guideLink = (rule) => {
    const link = element("a", "mdx-check__rule", rule.name);
    link.href = siteRoot + rule.url;
    return link;
  };

  const section = (container, level, title, count, tag = "ul") => {
    container.append(element(`h${level}`, "mdx-check__heading", `${title} (${count})`));
    const list = element(tag, "mdx-check__list");
    container.append(list);
    return list;
  };

  const findingItem = (finding, onShow) => {
    const item = element("li", "mdx-check__item mdx-check__item--finding");
    item.dataset.mdxRule = finding.rule;
    const head = element("p", "mdx-check__item-head");
    head.append(guideLink(finding), " ", element("q", "mdx-check__quote", finding.text),
      element("span", "mdx-check__where", ` line ${finding.line}`));
    item.append(head, element("p", "mdx-check__message", finding.message));
    if (onShow) {
      const show = element("button", "md-button mdx-check__show", "Show in draft");
      show.type = "button";
      // The spoken name starts with the visible words (WCAG 2.5.3, label in name).
      show.setAttribute("aria-label", `Show in draft: “${finding.text}”`);
      show.addEventListener("click", () => onShow(finding));
      item.append(show);
    }
    return item;
  };

  const tipItem = (tip) => {
    const item = element("li", `mdx-check__item mdx-check__item--${tip.present ? "done" : "missing"}`);
    item.dataset.mdxRule = tip.rule;
    const head = element("p", "mdx-check__item-head");
    head.append(guideLink(tip));
    if (tip.present) head.append(": ", element("q", "mdx-check__quote", tip.evidence));
    item.append(head);
    if (!tip.present) item.append(element("p", "mdx-check__message", `Try to ${tip.advice}.`));
    return item;
  };

  /* The report into container (emptied first): the summary, then its parts
     in the order and under the headings of the rules file's `report` (as a
     letter page's report, overrides/partials/mdx-letter-report.html), each
     item naming its section of the guide as a link. onShow(finding) adds
     "Show in draft". */
  const renderReport = (container, report, { headingLevel = 2, onShow } = {}) => {
    container.replaceChildren(element("p", "mdx-check__summary", report.summary));
    if (!report.text.trim()) return;
    const parts = {
      findings: [report.findings, (finding) => findingItem(finding, onShow), "ol"],
      missing: [report.tips.filter((tip) => !tip.present), tipItem],
      done: [report.tips.filter((tip) => tip.present), tipItem],
    };
    for (const part of data.report.order) {
      const [items, draw, tag] = parts[part];
      if (!items.length) continue;
      const list = section(container, headingLevel, data.report.headings[part], items.length, tag);
      for (const item of items) list.append(draw(item));
    }
  };

  return { check, renderReport };
});
