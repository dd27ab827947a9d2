/* The letter editor: Edit turns the letter into a text field (names already
   filled) in the letter's place, with the guide's questions, the letter's
   details to insert at the cursor, the sending options (To, today's date)
   and the checker running on the reader's version: its bundle (checker.js,
   with the language library it reads sentences with) loads the first time
   the editor opens, never with the page.

   Loaded by letter-edit-loader.js on the first press of Edit (or at once
   when this browser keeps an edit), after the markup rendered with the page
   (overrides/partials/mdx-letter-tools.html). It sets letter.mdxSource,
   which Copy, Email, Download and Print (letter-toolbar.js) then read.

   Why a <textarea>: its value is the exact plain text (line breaks, curly
   quotes, any script), pasting never brings markup in, it is labelled and
   announced as an edit field everywhere, and the cursor is two numbers.
   contenteditable="plaintext-only" would need the letter rebuilt from DOM
   nodes whose line breaks browsers write differently.

   Kept in this browser only (localStorage "mdx-letter-editor"; "Forget my
   details" removes it): per letter, the reader's version and details; for
   every letter, To and the date choice. Reader input is only ever text. */
mdx.module("letter-editor", ["letter-text", "letter-edit-text", "letter-edit-loader"], (letterText, editText, loader) => {
  "use strict";

  const STATE_KEY = "mdx-letter-editor";
  const LONG = 20000; // characters; a longer version scrolls in the field instead of growing it
  const EDIT_LIMIT = 500000; // characters the editor shows and keeps (a letter is a few thousand)
  const count = (n) => n.toLocaleString("en");
  const CHECK_DELAY = 50; // ms after the last keystroke: a re-check reads only the changed sentences
  const { fillPlaceholders, plainText, splitPlaceholders } = letterText;
  const { dateLine, defaultCaret, detailSentence, insertSentence, withDate } = editText;
  let memory = null; // stands in when localStorage is blocked

  /* ------------------------------------------------------------ storage */

  const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

  const readState = () => {
    let state = memory;
    try {
      const stored = window.localStorage.getItem(STATE_KEY);
      if (stored !== null) state = JSON.parse(stored);
    } catch {
      // blocked or unreadable: this page's memory is all there is
    }
    state = isRecord(state) ? state : {};
    return {
      to: typeof state.to === "string" ? state.to : "",
      dated: state.dated === true,
      letters: isRecord(state.letters) ? state.letters : {},
    };
  };

  /* Only what is worth keeping; nothing at all once everything is empty. */
  const writeState = (state) => {
    const letters = Object.fromEntries(
      Object.entries(state.letters).filter(
        ([, mine]) => isRecord(mine) && (typeof mine.text === "string" || Object.keys(mine.details ?? {}).length),
      ),
    );
    const kept = { ...(state.to && { to: state.to }), ...(state.dated && { dated: true }),
      ...(Object.keys(letters).length && { letters }) };
    memory = kept;
    try {
      if (Object.keys(kept).length) window.localStorage.setItem(STATE_KEY, JSON.stringify(kept));
      else window.localStorage.removeItem(STATE_KEY);
    } catch {
      // blocked or full: kept until the tab closes
    }
  };

  /* ------------------------------------------------------------ the letter */

  /* The example as written: the page's paragraphs, each placeholder as its
     [name] (the names form may have filled the spans in already). */
  const exampleText = (letter) => {
    const raw = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      if (node.nodeName === "BR") return "\n";
      if (node.dataset?.mdxPlaceholder !== undefined) return `[${node.dataset.mdxPlaceholder}]`;
      return [...node.childNodes].map(raw).join("");
    };
    return plainText([...letter.children].map(raw));
  };

  const placeholderSpan = (name) => {
    const span = document.createElement("span");
    span.className = "mdx-placeholder";
    span.dataset.mdxPlaceholder = name;
    span.textContent = `[${name}]`;
    return span;
  };

  /* Text as nodes: plain runs as text nodes, [names] as spans to fill. */
  const textNodes = (text) =>
    splitPlaceholders(text).map((piece) =>
      piece.name === undefined ? document.createTextNode(piece.text) : placeholderSpan(piece.name),
    );

  /* ------------------------------------------------------------ the editor */

  const attach = (tools) => {
    if (tools.mdxEditor) return tools.mdxEditor;
    const letter = tools.parentElement.querySelector(".mdx-letter");
    const panel = tools.querySelector("[data-mdx-editor]");
    const find = (selector) => panel.querySelector(selector);
    const area = find("[data-mdx-editor-text]");
    const note = find("[data-mdx-editor-note]");
    const reset = find("[data-mdx-reset]");
    const confirmBox = find("[data-mdx-confirm]");
    const status = find("[data-mdx-editor-status]");
    const detailStatus = find("[data-mdx-detail-status]"); // by the Insert buttons, where the reader is
    const reportBox = find("[data-mdx-editor-report]");
    const toInput = find("[data-mdx-to]");
    const toError = find("[data-mdx-to-error]");
    const datedInput = find("[data-mdx-dated]");
    const details = [...panel.querySelectorAll("[data-mdx-detail]")];
    const editButton = tools.querySelector("[data-mdx-edit]");
    const buildReport = document.querySelector("[data-mdx-letter-report]");
    const url = tools.dataset.mdxLetterUrl || window.location.pathname;

    const example = exampleText(letter);
    const originals = [...letter.children];
    const ownView = Object.assign(document.createElement("div"), { className: "mdx-letter__own" });
    const dateView = Object.assign(document.createElement("p"), { className: "mdx-letter__date" });
    let state = readState();
    let mine = isRecord(state.letters[url]) ? state.letters[url] : {};
    let own = typeof mine.text === "string" ? mine.text : null; // null: the example
    let placed = false; // has the reader put the cursor in the text (since it opened)?
    let timer = 0;

    const names = () =>
      Object.fromEntries([...tools.querySelectorAll("[data-mdx-field]")].map((input) => [input.dataset.mdxField, input.value]));
    const sameAsExample = (text) => fillPlaceholders(text, names()) === fillPlaceholders(example, names());
    const validTo = () => (toInput.value.trim() && toInput.validity.valid ? toInput.value.trim() : "");

    const save = () => {
      state = readState(); // another tab may have changed the rest
      const values = Object.fromEntries(details.filter((input) => input.value).map((input) => [input.dataset.mdxDetail, input.value]));
      mine = { ...(own !== null && { text: own }), ...(Object.keys(values).length && { details: values }) };
      state.letters = { ...state.letters, [url]: mine };
      writeState({ ...state, to: toInput.value, dated: datedInput.checked });
    };

    /* The letter on the page shows the reader's version (for reading and
       printing), its [names] filled by letter-personalise.js. */
    const showLetter = () => {
      for (const child of originals) child.hidden = own !== null;
      if (own === null) ownView.remove();
      else {
        ownView.replaceChildren(...textNodes(own));
        if (!ownView.isConnected) letter.append(ownView);
      }
      dateView.textContent = datedInput.checked ? dateLine() : "";
      if (datedInput.checked) letter.prepend(dateView);
      else dateView.remove();
      letter.dispatchEvent(new CustomEvent("mdx:letter-refresh")); // fills names, updates Email
    };

    const showNote = () => {
      note.textContent = own === null
        ? "This is the example letter, with your names."
        : "Your own version: it differs from the example.";
      reset.hidden = own === null || !confirmBox.hidden;
    };

    const grow = () => {
      // A very long version scrolls in the field: measuring its full height would hold the page.
      const long = area.value.length > LONG;
      area.toggleAttribute("data-mdx-long", long);
      if (long) {
        area.style.height = "";
        return;
      }
      const scroll = window.scrollY; // shrinking to measure must not scroll the page
      area.style.height = "auto";
      area.style.height = `${area.scrollHeight + area.offsetHeight - area.clientHeight}px`;
      window.scrollTo(window.scrollX, scroll);
    };

    /* The checker, loaded the first time the editor opens; it reads the
       reader's version in slices, so a long paste never holds the page. */
    let live = null;
    const showReport = (checker) => (report) => {
      // "Show" selects the phrase only while positions line up (NFC may merge characters).
      const aligned = area.value.length === report.text.length;
      checker.renderReport(reportBox, report, {
        headingLevel: 3,
        onShow: aligned
          ? (finding) => {
              area.focus();
              area.setSelectionRange(finding.from, finding.to);
            }
          : undefined,
      });
    };
    const check = () => {
      window.clearTimeout(timer);
      if (panel.hidden) return;
      if (live) {
        live.run(area.value);
        return;
      }
      tools.mdxChecker ??= loader.fetchBundle(tools.dataset.mdxCheckerSrc).then(() => mdx.use("apology-check"));
      tools.mdxChecker
        .then((checker) => {
          live ??= checker.live(showReport(checker));
          check();
        })
        .catch((error) => {
          tools.mdxChecker = null; // the next open tries again
          console.warn("letter checker:", error);
          reportBox.textContent = "The checker could not load. Check your connection, then close and open the editor again.";
        });
    };
    const checkSoon = () => {
      window.clearTimeout(timer);
      live?.stop();
      timer = window.setTimeout(check, CHECK_DELAY);
    };

    const say = (message, where = status) => {
      for (const line of [status, detailStatus]) if (line) line.textContent = line === where ? message : "";
    };

    /* The text field holds the reader's version, or the example with their names. */
    /* A version longer than EDIT_LIMIT is not shown in the field (laying it
       out would hold the page for seconds) nor kept; Copy, Email and Download
       still send a kept one whole. */
    const fillArea = () => {
      const text = own ?? fillPlaceholders(example, names());
      const fits = text.length <= EDIT_LIMIT;
      area.value = fits ? text : "";
      area.readOnly = !fits;
      if (!fits) say(`Your saved version is ${count(text.length)} characters long, more than the editor shows ` +
        `(${count(EDIT_LIMIT)}). Copy, Email and Download still send all of it; Back to the example starts again.`);
      grow();
    };

    const changed = () => {
      if (area.value.length > EDIT_LIMIT) {
        say(`This version is over ${count(EDIT_LIMIT)} characters, more than the editor keeps: it is not saved. Shorten it to keep it.`);
        return;
      }
      own = sameAsExample(area.value) ? null : area.value;
      save();
      showNote();
      showLetter();
      grow();
      checkSoon();
    };

    const isOpen = () => !panel.hidden;
    const setOpen = (open) => {
      panel.hidden = !open;
      letter.hidden = open;
      if (buildReport) buildReport.hidden = open; // about the example; the live report replaces it
      editButton.textContent = open ? "Done editing" : "Edit";
      editButton.setAttribute("aria-expanded", String(open));
      if (!open) {
        live?.stop();
        return;
      }
      fillArea();
      showNote();
      check();
      placed = false;
      area.focus({ preventScroll: true });
      area.setSelectionRange(0, 0);
      // (measuring a very long version would lay all of it out now: it scrolls in its own box)
      if (area.value.length <= LONG && area.getBoundingClientRect().top < 0) area.scrollIntoView({ block: "start" });
    };

    /* ---------------------------------------------------------- events */

    area.addEventListener("input", changed);
    // The cursor counts once the reader has put it somewhere: a click, a touch, a key.
    for (const type of ["pointerup", "keyup"]) area.addEventListener(type, () => (placed = true));

    reset.addEventListener("click", () => {
      confirmBox.hidden = false;
      reset.hidden = true;
      find("[data-mdx-confirm-no]").focus();
    });
    const closeConfirm = (restore) => {
      confirmBox.hidden = true;
      if (restore) {
        own = null;
        fillArea();
        save();
        showLetter();
        check();
        say("Back to the example letter.");
        area.focus();
      }
      showNote();
      if (!restore) reset.focus();
    };
    find("[data-mdx-confirm-yes]").addEventListener("click", () => closeConfirm(true));
    find("[data-mdx-confirm-no]").addEventListener("click", () => closeConfirm(false));
    confirmBox.addEventListener("keydown", (event) => {
      if (event.key === "Escape") closeConfirm(false);
    });

    for (const input of details) {
      input.value = mine.details?.[input.dataset.mdxDetail] ?? "";
      input.addEventListener("input", save);
      const insert = input.closest("[role='group']").querySelector("[data-mdx-insert]");
      insert.addEventListener("click", () => {
        const label = input.dataset.mdxDetail;
        if (!input.value.trim()) {
          say(`Fill in “${label}” first, then press Insert.`, detailStatus);
          input.focus();
          return;
        }
        const sentence = detailSentence(input.dataset.mdxSentence, input.value);
        const start = placed ? area.selectionStart : defaultCaret(area.value);
        const end = placed ? area.selectionEnd : start;
        const result = insertSentence(area.value, start, end, sentence);
        area.value = result.text;
        changed();
        area.focus({ preventScroll: true });
        area.setSelectionRange(result.caret, result.caret);
        say(`Inserted in your letter: “${sentence}”`, detailStatus);
      });
    }

    toInput.value = state.to;
    const showToError = () => {
      const bad = Boolean(toInput.value.trim()) && !toInput.validity.valid;
      toError.textContent = bad ? "This does not look like an email address (name@example.com). Email leaves To empty until it does." : "";
      if (bad) toInput.setAttribute("aria-invalid", "true");
      else toInput.removeAttribute("aria-invalid");
    };
    toInput.addEventListener("input", () => {
      save();
      if (toInput.getAttribute("aria-invalid")) showToError(); // clear the error as soon as it is fixed
      letter.dispatchEvent(new CustomEvent("mdx:letter-change"));
    });
    toInput.addEventListener("change", showToError);

    datedInput.checked = state.dated;
    datedInput.addEventListener("change", () => {
      save();
      showLetter();
    });

    // Names typed in the form: the example in the field follows them, the check reruns.
    letter.addEventListener("mdx:letter-change", () => {
      if (own === null && isOpen() && area.value !== fillPlaceholders(example, names())) fillArea();
      if (isOpen()) checkSoon();
    });

    letter.addEventListener("mdx:forget", () => {
      memory = null;
      own = null;
      mine = {};
      toInput.value = "";
      datedInput.checked = false;
      for (const input of details) input.value = "";
      showToError();
      showLetter();
      if (isOpen()) fillArea();
      showNote();
      check();
    });

    letter.mdxSource = {
      text: () => fillPlaceholders(own ?? example, names()),
      to: validTo,
      fileText: () => {
        const text = fillPlaceholders(own ?? example, names());
        return datedInput.checked ? withDate(text, dateLine()) : text;
      },
    };
    window.addEventListener("resize", () => isOpen() && grow());
    showLetter();
    showToError();
    tools.dataset.mdxEditorReady = "";
    tools.mdxEditor = { toggle: () => setOpen(!isOpen()), open: () => setOpen(true) };
    return tools.mdxEditor;
  };

  // Attached by letter-edit-loader.js (mounted on every letter page) once
  // this bundle and its styles have loaded.
  return Object.freeze({ attach });
});
