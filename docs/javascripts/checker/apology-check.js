/* Check your apology in the page: the engine (apology-engine.js) run in
   slices, and its report drawn. Used by the checker's page
   (apology-check-page.js) and the letter editor (letter-editor.js).

     live(onReport) -> {run(text), stop()}
       checks text in slices of about 25 ms, so the page keeps answering even
       for a 200,000-character paste: onReport(report) after the first slice
       (report.complete false: the first findings, and report.progress, the
       share of the text read so far),
       then now and then while it reads, and when done. A new run stops the last.
     renderReport(container, report, {headingLevel, onShow})
       the verdict and summary, then the parts in the order and under the
       headings of the rules file's `report` (as a letter page's build-time
       report, overrides/partials/mdx-letter-report.html); at most SHOWN
       findings, and a count of the rest, so a long draft never becomes tens
       of thousands of nodes. Reader text is only ever inserted as text. */
mdx.module("apology-check", ["apology-engine", "checker-data"], (engine, data) => {
  "use strict";

  const SHOWN = 50; // findings listed; the rest are counted
  const SLICE_MS = 25; // reading time before the page gets a turn
  const PROGRESS_MS = 600; // how often a long check reports while it reads

  /* ------------------------------------------------------------ in slices */

  /* compromise is slow the first time it reads (its code is not yet
     optimised): read an example letter once while the page is idle, so the
     reader's first check is as quick as the next. */
  let warm = false;
  const warmUp = () => {
    if (warm) return;
    warm = true;
    const idle = window.requestIdleCallback ?? ((run) => window.setTimeout(run, 200));
    idle(() => engine.check(data.letters[0]?.text ?? ""));
  };

  const live = (onReport) => {
    warmUp();
    let current = null;
    let timer = 0;
    const stop = () => {
      window.clearTimeout(timer);
      current = null;
    };
    const run = (text) => {
      stop();
      const job = engine.start(text);
      current = job;
      let reported = 0;
      const slice = () => {
        if (current !== job) return;
        const until = performance.now() + SLICE_MS;
        let done;
        do done = job.step(1); // a sentence at a time: one is a few ms, a long one is read in pieces
        while (!done && performance.now() < until);
        const now = performance.now();
        if (done || !reported || now - reported > PROGRESS_MS) {
          reported = now;
          onReport(job.report());
        }
        if (done) current = null;
        else timer = window.setTimeout(slice, 0);
      };
      slice();
    };
    return { run, stop };
  };

  /* ------------------------------------------------------------ the report */

  /* The site's root, from this script's own address (".../assets/mdx/checker.js"). */
  const siteRoot = (globalThis.document?.currentScript?.src ?? "").replace(/assets\/mdx\/[^/]*$/, "") || "/";

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== null && text !== undefined) node.textContent = text; // reader text only ever as text
    return node;
  };

  const guideLink = (rule, key) => {
    const link = element("a", "mdx-check__rule", rule.name);
    link.href = siteRoot + rule.url;
    link.dataset.mdxKey = key;
    return link;
  };

  const section = (container, level, title, count, tag = "ul") => {
    container.append(element(`h${level}`, "mdx-check__heading", `${title} (${count})`));
    const list = element(tag, "mdx-check__list");
    container.append(list);
    return list;
  };

  const findingItem = (finding, onShow) => {
    const item = element("li", `mdx-check__item mdx-check__item--finding${finding.suggestion ? " mdx-check__item--suggestion" : ""}`);
    item.dataset.mdxRule = finding.rule;
    const head = element("p", "mdx-check__item-head");
    head.append(guideLink(finding, `link ${finding.from}`), " ", element("q", "mdx-check__quote", finding.text),
      element("span", "mdx-check__where", ` line ${finding.line}${finding.suggestion ? `, ${data.verdict.words.suggestion}` : ""}`));
    item.append(head, element("p", "mdx-check__message", finding.message));
    if (onShow) {
      const show = element("button", "md-button mdx-check__show", "Show in draft");
      show.type = "button";
      show.dataset.mdxKey = `show ${finding.from}`;
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
    head.append(guideLink(tip, `tip ${tip.rule}`));
    if (tip.present) head.append(": ", element("q", "mdx-check__quote", tip.evidence));
    item.append(head);
    if (!tip.present) item.append(element("p", "mdx-check__message", `Try to ${tip.advice}.`));
    return item;
  };

  const count = (n, one, many) => (n === 1 ? one : many.replace("{count}", n.toLocaleString("en")));

  /* The verdict, or how far a long check has read. */
  const verdictLine = (report) => {
    const line = element("p", "mdx-check__verdict");
    if (!report.complete) {
      line.textContent = data.verdict.words.reading.replace("{percent}", String(Math.floor(report.progress * 100)));
      return line;
    }
    line.classList.add(`mdx-check__verdict--${report.verdict.status ? "needs-work" : "sound"}`);
    line.append(element("strong", "", report.verdict.label), `: ${report.verdict.reason}`);
    return line;
  };

  /* A long draft's report is drawn again as it is read: the reader's focus,
     on a link or a button of the report, stays on the same one. */
  const keepingFocus = (container, draw) => {
    const key = container.contains(document.activeElement) ? document.activeElement.dataset.mdxKey : undefined;
    draw();
    if (key) container.querySelector(`[data-mdx-key="${key}"]`)?.focus({ preventScroll: true });
  };

  const renderReport = (container, report, options = {}) => keepingFocus(container, () => draw(container, report, options));

  const draw = (container, report, { headingLevel = 2, onShow } = {}) => {
    const summary = element("p", "mdx-check__summary", report.summary);
    if (!report.text.trim()) {
      container.replaceChildren(summary);
      return;
    }
    container.replaceChildren(verdictLine(report), summary);
    const parts = {
      findings: [report.findings, (finding) => findingItem(finding, onShow), "ol"],
      missing: [report.tips.filter((tip) => tip.state === "missing"), tipItem],
      done: [report.tips.filter((tip) => tip.present), tipItem],
    };
    for (const part of data.report.order) {
      const [items, draw, tag] = parts[part];
      if (!items.length) continue;
      const list = section(container, headingLevel, data.report.headings[part], items.length, tag);
      for (const item of items.slice(0, SHOWN)) list.append(draw(item));
      if (items.length > SHOWN) {
        const rest = items.length - SHOWN;
        container.append(element("p", "mdx-check__more", count(rest, data.report.more_one, data.report.more_many)));
      }
    }
    container.append(element("p", "mdx-check__hint", data.framing));
  };

  return { live, renderReport, check: engine.check, SHOWN };
});
