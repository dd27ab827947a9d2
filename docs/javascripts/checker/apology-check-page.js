/* The "Check your apology" page: the reader's draft checked as they type
   (after a pause, in slices: apology-check.js), its findings highlighted in
   place by a layer mirrored behind the textarea (up to LONG characters), the
   report beside it, and the example letters to start from. The markup comes from
   overrides/partials/mdx-checker.html. The draft is kept in this browser for
   the next visit (check-start.js puts it back), or nothing older is. Whatever
   the reader types is only ever inserted as text, and nothing is sent anywhere. */
mdx.module("apology-check-page", ["checker-data", "apology-check", "check-start"], (data, checker, start) => {
  "use strict";

  const DELAY = 50; // ms after the last keystroke: a re-check reads only the changed sentences
  const MARKS = 200; // findings highlighted in the draft at most (the report counts the rest)
  // A draft longer than this scrolls in a box of its own, without highlights:
  // laying out a layer as tall as 200,000 characters would hold the page.
  const LONG = 20000;

  /* The draft with its findings wrapped in <mark>, as few nodes; overlaps skipped. */
  const highlighted = (raw, findings) => {
    const nodes = [];
    let done = 0;
    for (const finding of findings.slice(0, MARKS)) {
      if (finding.from < done) continue;
      nodes.push(document.createTextNode(raw.slice(done, finding.from)));
      const mark = document.createElement("mark");
      mark.className = "mdx-check__mark";
      mark.dataset.mdxRule = finding.rule;
      mark.textContent = raw.slice(finding.from, finding.to);
      nodes.push(mark);
      done = finding.to;
    }
    // The trailing space keeps a final empty line as tall as in the textarea.
    nodes.push(document.createTextNode(`${raw.slice(done)} `));
    return nodes;
  };

  const plural = (n, one, many) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

  const announcement = (report) => {
    if (!report.text.trim()) return "";
    const phrases = plural(report.findings.length, "phrase", "phrases");
    if (!report.complete) {
      return `Checking a long draft: ${Math.floor(report.progress * 100)}% read, ${phrases} to rethink so far.`;
    }
    const missing = report.tips.filter((tip) => !tip.present).length;
    return `Checked: ${report.verdict.label.toLowerCase()}, ${phrases} to rethink, ${plural(missing, "tip", "tips")} to add.`;
  };

  const attach = (root) => {
    const draft = root.querySelector("[data-mdx-check-draft]");
    const mirror = root.querySelector("[data-mdx-check-mirror]");
    const report = root.querySelector("[data-mdx-check-report]");
    const status = root.querySelector("[data-mdx-check-status]");
    const example = root.querySelector("[data-mdx-check-example]");
    const load = root.querySelector("[data-mdx-check-load]");
    let timer = 0;
    let loaded = "";
    let note = ""; // what the reader just did, said before the report until they type

    const box = draft.parentElement;
    const grow = () => {
      const long = draft.value.length > LONG;
      box.toggleAttribute("data-mdx-check-long", long);
      draft.style.height = "auto";
      if (!long) draft.style.height = `${draft.scrollHeight}px`;
    };

    const show = (finding) => {
      draft.focus();
      draft.setSelectionRange(finding.from, finding.to);
    };

    const shown = (result) => {
      const raw = draft.value;
      // Marks line up only while positions do: NFC may merge characters.
      const aligned = raw.length === result.text.length;
      if (raw.length > LONG) mirror.replaceChildren();
      else mirror.replaceChildren(...highlighted(raw, aligned ? result.findings : []));
      checker.renderReport(report, result, { headingLevel: 2, onShow: aligned ? show : undefined });
      const said = `${note}${announcement(result)}`;
      if (status.textContent !== said) status.textContent = said;
      root.dataset.mdxCheckFindings = String(result.findings.length);
      root.toggleAttribute("data-mdx-check-done", result.complete);
    };
    const live = checker.live(shown);

    const key = mdx.key(start.DRAFT);
    const keep = (text) => {
      try {
        if (text) localStorage.setItem(key, text);
        else localStorage.removeItem(key);
      } catch {
        try {
          localStorage.removeItem(key); // too long to keep: never an older draft instead
        } catch {
          // nothing can be stored here at all
        }
      }
    };

    const run = () => {
      window.clearTimeout(timer);
      root.removeAttribute("data-mdx-check-done");
      keep(draft.value);
      live.run(draft.value);
    };

    draft.addEventListener("input", () => {
      note = "";
      grow();
      live.stop();
      root.removeAttribute("data-mdx-check-done");
      window.clearTimeout(timer);
      timer = window.setTimeout(run, DELAY);
    });

    load.addEventListener("click", () => {
      const letter = data.letters.find((item) => item.slug === example.value);
      if (!letter) return;
      const kept = draft.value.trim() && draft.value !== loaded;
      if (kept && !window.confirm("Replace your draft with this example?")) return;
      draft.value = loaded = letter.text;
      note = `Loaded the example “${letter.label}”. `;
      grow();
      run();
      draft.focus();
      draft.setSelectionRange(0, 0);
    });

    window.addEventListener("resize", grow);
    for (const hidden of root.querySelectorAll("[data-mdx-check-js]")) hidden.hidden = false;
    grow();
    run();
    root.dataset.mdxCheckReady = "";
  };

  mdx.mount("[data-mdx-check]", attach);
});
