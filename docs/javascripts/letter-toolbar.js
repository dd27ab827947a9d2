/* The letter toolbar: Copy (plain text plus a rich-text flavour), Email
   (a mailto: link), Download (.txt) and Print, all using the letter as it
   reads now, names filled in. With placeholders still unfilled, the first
   press only warns (and says how many); pressing "… anyway" goes ahead.
   A live region tells screen reader users what happened. */
mdx.module("letter-toolbar", ["letter-text"], (letterText) => {
  "use strict";

  const {
    countNames,
    htmlFromText,
    listPlaceholders,
    mailtoHref,
    placeholdersIn,
    plainText,
    textFileName,
  } = letterText;


  /* ------------------------------------------------------------ reading the letter */

  /* A block's text as the reader sees it: <br> and source newlines are line breaks. */
  const blockText = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeName === "BR") return "\n";
    return [...node.childNodes].map(blockText).join("");
  };

  /* The letter as sent: the reader's own version once the editor
     (letter-editor.js) is loaded and has set letter.mdxSource, else the page's. */
  const letterAsSent = (letter) =>
    letter.mdxSource?.text() ?? plainText([...letter.children].map(blockText));

  /* Placeholders still unfilled: from personalise's spans, else from the text. */
  const unfilledNames = (letter) => {
    if (letter.mdxSource) return placeholdersIn(letterAsSent(letter));
    const spans = letter.querySelectorAll("[data-mdx-placeholder]");
    if (!spans.length) return placeholdersIn(letterAsSent(letter));
    const open = [...spans].filter((span) => !span.classList.contains("mdx-placeholder--filled"));
    return [...new Set(open.map((span) => span.dataset.mdxPlaceholder))];
  };

  const subjectOf = (root) =>
    root.querySelector("[data-mdx-subject]")?.textContent.trim() || document.title;

  /* "letters/billing-error/" (or ".../billing-error.html") -> "billing-error". */
  const slugOf = (tools) =>
    (tools.dataset.mdxLetterUrl || window.location.pathname)
      .replace(/(\/index)?\.html$/, "")
      .split("/")
      .filter(Boolean)
      .at(-1);

  /* ------------------------------------------------------------ actions */

  const copyToClipboard = async (text) => {
    const clipboard = navigator.clipboard;
    if (clipboard?.write && window.ClipboardItem) {
      try {
        const flavour = (data, type) => new Blob([data], { type });
        await clipboard.write([
          new ClipboardItem({
            "text/plain": flavour(text, "text/plain"),
            "text/html": flavour(htmlFromText(text), "text/html"),
          }),
        ]);
        return true;
      } catch {
        // some browsers refuse rich text; plain text is what matters
      }
    }
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  };

  /* Where copying is refused, select the letter so Ctrl+C / ⌘C still works. */
  const selectLetter = (letter) => {
    const range = document.createRange();
    range.selectNodeContents(letter);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const download = (text, fileName) => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: "text/plain;charset=utf-8" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 30000); // after the download started
  };

  /* ------------------------------------------------------------ the toolbar */

  /* The controls rendered with the page (overrides/partials/mdx-letter-tools.html). */
  const attach = (tools) => {
    const letter = tools.parentElement.querySelector(".mdx-letter");
    if (!letter) return;
    const root = tools.parentElement;
    const status = tools.querySelector("[data-mdx-status]");
    const names = tools.querySelector("[data-mdx-names]");
    const controls = Object.fromEntries(
      [...tools.querySelectorAll("[data-mdx-action]")].map((node) => [node.dataset.mdxAction, node]),
    );
    const ACTIONS = Object.entries(controls).map(([key, node]) => ({
      key,
      label: node.textContent.trim(),
    }));
    let armed = null; // the action whose "… anyway" the reader was offered

    /* Cleared first, so a screen reader hears a repeated message again. */
    let pending = 0;
    const announce = (message) => {
      window.clearTimeout(pending);
      status.textContent = "";
      if (message) pending = window.setTimeout(() => (status.textContent = message), 100);
    };

    const disarm = () => {
      armed = null;
      for (const { key, label } of ACTIONS) controls[key].textContent = label;
      letter.querySelectorAll(".mdx-placeholder--missing").forEach((span) => {
        span.classList.remove("mdx-placeholder--missing");
      });
    };

    /* Show the unfilled names, in the letter and in the (opened) form. */
    const flagMissing = (missing) => {
      if (names) names.open = true;
      for (const span of letter.querySelectorAll("[data-mdx-placeholder]")) {
        if (missing.includes(span.dataset.mdxPlaceholder)) {
          span.classList.add("mdx-placeholder--missing");
        }
      }
      for (const input of tools.querySelectorAll("[data-mdx-field]")) {
        if (missing.includes(input.dataset.mdxField)) input.setAttribute("aria-invalid", "true");
      }
    };

    /* True when the action may go ahead: nothing unfilled, or the reader
       already saw the warning and pressed "… anyway". */
    const mayProceed = (key) => {
      const missing = unfilledNames(letter);
      if (!missing.length || armed === key) return true;
      disarm();
      armed = key;
      const { label } = ACTIONS.find((action) => action.key === key);
      controls[key].textContent = `${label} anyway`;
      flagMissing(missing);
      announce(
        `${countNames(missing.length)} still to fill: ${listPlaceholders(missing)}. ` +
          `Fill ${missing.length === 1 ? "it" : "them"} in below, or press “${label} anyway”.`,
      );
      return false;
    };

    const stillOpen = () => {
      const count = unfilledNames(letter).length;
      return count ? `, with ${countNames(count)} still to fill` : "";
    };

    const refreshEmail = () => {
      controls.email.href = mailtoHref(subjectOf(root), letterAsSent(letter), letter.mdxSource?.to());
    };

    const handlers = {
      copy: async () => {
        const text = letterAsSent(letter);
        const note = stillOpen();
        if (await copyToClipboard(text)) {
          announce(`Letter copied${note}.`);
        } else {
          selectLetter(letter);
          announce(
            "Your browser did not let this page copy. " +
              "The letter is selected: press Ctrl+C (⌘C on a Mac).",
          );
        }
      },
      email: () => {
        refreshEmail();
        announce(`Opening your email app with the letter${stillOpen()}.`);
      },
      download: () => {
        const fileName = textFileName(slugOf(tools));
        download(letter.mdxSource?.fileText() ?? letterAsSent(letter), fileName);
        announce(`Letter downloaded as ${fileName}${stillOpen()}.`);
      },
      print: () => {
        announce("");
        window.print();
      },
    };

    tools.querySelector(".mdx-actions").addEventListener("click", async (event) => {
      const control = event.target.closest("[data-mdx-action]");
      if (!control) return;
      const key = control.dataset.mdxAction;
      try {
        if (!mayProceed(key)) {
          event.preventDefault(); // keeps the Email link from opening the mail app
          return;
        }
        disarm();
        await handlers[key]();
      } catch (error) {
        console.error("letter-toolbar:", error);
      }
    });

    letter.addEventListener("mdx:letter-change", () => {
      if (armed) announce("");
      disarm();
      refreshEmail();
    });
    refreshEmail();
  };

  mdx.mount(".md-content [data-mdx-tools]", attach);
});
