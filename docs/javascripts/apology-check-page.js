/* The "Check your apology" page: the reader's draft checked as they type
   (debounced), its findings highlighted in place by a layer mirrored behind
   the textarea, the report beside it, and the example letters to start from.
   The engine is apology-check.js and the letters come with checker-data;
   the markup comes from overrides/partials/mdx-checker.html. Whatever the
   reader types is only ever inserted as text, and nothing is sent anywhere. */
mdx.module("apology-check-page", ["checker-data", "apology-check"], (data, checker) => {
  "use strict";

  const DELAY = 250; // ms after the last keystroke

  /* The UTF-16 offset of code point `points` in text (findings count code points). */
  const utf16Offset = (text, points) => {
    let offset = 0;
    for (let seen = 0; seen < points && offset < text.length; seen++) {
      offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
    }
    return offset;
  };

  /* The draft with its findings wrapped in <mark>, as nodes; overlaps merged. */
  const highlighted = (raw, findings) => {
    const nodes = [];
    let done = 0;
    for (const finding of findings) {
      const start = utf16Offset(raw, finding.start);
      const end = utf16Offset(raw, finding.end);
      if (start < done) continue;
      nodes.push(document.createTextNode(raw.slice(done, start)));
      const mark = document.createElement("mark");
      mark.className = "mdx-check__mark";
      mark.dataset.mdxRule = finding.rule;
      mark.textContent = raw.slice(start, end);
      nodes.push(mark);
      done = end;
    }
    // The trailing space keeps a final empty line as tall as in the textarea.
    nodes.push(document.createTextNode(`${raw.slice(done)} `));
    return nodes;
  };

  const announcement = (report) => {
    if (!report.text.trim()) return "";
    const missing = report.tips.filter((tip) => !tip.present).length;
    const found = report.findings.length;
    const phrases = found === 1 ? "1 phrase to rethink" : `${found} phrases to rethink`;
    return `Checked: ${phrases}, ${missing} ${missing === 1 ? "tip" : "tips"} to add.`;
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

    const grow = () => {
      draft.style.height = "auto";
      draft.style.height = `${draft.scrollHeight}px`;
    };

    const show = (finding) => {
      draft.focus();
      draft.setSelectionRange(utf16Offset(draft.value, finding.start), utf16Offset(draft.value, finding.end));
    };

    const run = () => {
      clearTimeout(timer);
      const raw = draft.value;
      const result = checker.check(raw);
      // Marks line up only while positions do: NFC may merge characters.
      const aligned = Array.from(raw).length === Array.from(result.text).length;
      mirror.replaceChildren(...highlighted(raw, aligned ? result.findings : []));
      checker.renderReport(report, result, { headingLevel: 2, onShow: show });
      const said = announcement(result);
      if (status.textContent !== said) status.textContent = said;
      root.dataset.mdxCheckFindings = String(result.findings.length);
    };

    draft.addEventListener("input", () => {
      grow();
      clearTimeout(timer);
      timer = setTimeout(run, DELAY);
    });

    load.addEventListener("click", () => {
      const letter = data.letters.find((item) => item.slug === example.value);
      if (!letter) return;
      const kept = draft.value.trim() && draft.value !== loaded;
      if (kept && !window.confirm("Replace your draft with this example?")) return;
      draft.value = loaded = letter.text;
      grow();
      run();
      status.textContent = `Loaded the example “${letter.label}”. ${announcement(checker.check(letter.text))}`;
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
