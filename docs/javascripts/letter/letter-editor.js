/* The letter editor: Edit turns the letter into a text field (names and
   details already filled) in the letter's place, with the guide's
   questions, the date choice and the checker running on the reader's
   version: its bundle (checker.js, with the language library it reads
   sentences with) loads the first time the editor opens, never with the page.

   Loaded by letter-loader.js on the first press of Edit (or at once
   when this browser keeps an edit), after the markup rendered with the page
   (overrides/partials/mdx-letter-tools.html). It sets letter.mdxSource,
   which Copy, Email, Download and Print (letter-toolbar.js) then read.

   Why a <textarea>: its value is the exact plain text (line breaks, curly
   quotes, any script), pasting never brings markup in, it is labelled and
   announced as an edit field everywhere, and the cursor is two numbers.
   contenteditable="plaintext-only" would need the letter rebuilt from DOM
   nodes whose line breaks browsers write differently.

   Kept in this browser only (letter-store.js; "Forget my details" removes
   it): per letter, the reader's version, up to EDIT_LIMIT characters; for
   every letter, the date choice. A detail changed in the form after the
   reader wrote their own version changes its sentence there too, while that
   sentence is still as the form wrote it. Another tab's change of this
   letter is shown here, and said. Reader input is only ever text. */
mdx.module(
  "letter-editor",
  ["letter-text", "letter-store", "letter-save", "letter-edit-text", "letter-loader"],
  (letterText, store, save, editText, loader) => {
    "use strict";

    const CHECK_DELAY = 50; // ms after the last keystroke: a re-check reads only the changed sentences
    const LONG = 20000; // characters; a longer version scrolls in the field instead of growing it
    const EDIT_LIMIT = 500000; // characters the editor shows and keeps (a letter is a few thousand)
    const count = (n) => n.toLocaleString("en");
    const { plainText, splitPlaceholders } = letterText;
    const { dateLine, fillPlaceholders, swapSentence, withDate } = editText;

    /* ------------------------------------------------------------ the letter */

    /* The example as it reads: the page's paragraphs, each placeholder as its
       [name] (the form may have filled the spans in already), the details'
       sentences the form has placed in it. */
    const exampleText = (blocks) => {
      const raw = (node) => {
        if (node.nodeType === Node.TEXT_NODE) return node.data;
        if (node.nodeName === "BR") return "\n";
        if (node.dataset?.mdxPlaceholder !== undefined) return `[${node.dataset.mdxPlaceholder}]`;
        return [...node.childNodes].map(raw).join("");
      };
      return plainText(blocks.map(raw));
    };

    /* Text as nodes: plain runs as text nodes, [names] as spans to fill. */
    const textNodes = (text) =>
      splitPlaceholders(text).map((piece) => {
        if (piece.name === undefined) return document.createTextNode(piece.text);
        const span = Object.assign(document.createElement("span"), { className: "mdx-placeholder", textContent: `[${piece.name}]` });
        span.dataset.mdxPlaceholder = piece.name;
        return span;
      });

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
      const reportBox = find("[data-mdx-editor-report]");
      const datedInput = find("[data-mdx-dated]");
      const editButton = tools.querySelector("[data-mdx-edit]");
      const buildReport = document.querySelector('[data-mdx-more="report"]');
      const url = tools.dataset.mdxLetterUrl || window.location.pathname;

      const originals = [...letter.children];
      const example = () => exampleText(originals);
      const ownView = Object.assign(document.createElement("div"), { className: "mdx-letter__own" });
      const dateView = Object.assign(document.createElement("p"), { className: "mdx-letter__date" });
      const keptText = () => store.letter(url).text ?? null;
      let own = keptText(); // null: the example
      let timer = 0;
      let tooLong = false; // the reader's version, over EDIT_LIMIT, is in this page's memory only

      const names = store.names;
      const sameAsExample = (text) => fillPlaceholders(text, names()) === fillPlaceholders(example(), names());
      const say = (message) => (status.textContent = message);

      /* The reader's version, unless it is too long for the editor to keep:
         then nothing, so that a reload never brings back an older one. */
      const keep = () => {
        const over = own !== null && own.length > EDIT_LIMIT;
        if (over && !tooLong) {
          say(`This version is over ${count(EDIT_LIMIT)} characters, more than the editor keeps: it is not saved. ` +
            "It stays while this page is open: copy or download it, or shorten it to keep it.");
        } else if (tooLong) say("");
        tooLong = over;
        save.saveLetter(url, (mine) => ({ ...mine, text: own === null || over ? undefined : own }));
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
          ? "This is the example letter, with your names and details."
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

      /* The text field holds the reader's version, or the example with their
         names. A version longer than EDIT_LIMIT is not shown in the field
         (laying it out would hold the page for seconds); Copy, Email and
         Download still send it whole. */
      const fillArea = () => {
        const text = own ?? fillPlaceholders(example(), names());
        const fits = text.length <= EDIT_LIMIT;
        area.value = fits ? text : "";
        area.readOnly = !fits;
        if (!fits) {
          say(`Your saved version is ${count(text.length)} characters long, more than the editor shows ` +
            `(${count(EDIT_LIMIT)}). Copy, Email and Download still send all of it; Back to the example starts again.`);
        }
        grow();
      };

      const changed = () => {
        own = sameAsExample(area.value) ? null : area.value;
        keep();
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
        editButton.setAttribute("aria-expanded", String(open)); // its words follow (CSS)
        if (!open) {
          live?.stop();
          return;
        }
        fillArea();
        showNote();
        check();
        area.focus({ preventScroll: true });
        area.setSelectionRange(0, 0);
        // (measuring a very long version would lay all of it out now: it scrolls in its own box)
        if (area.value.length <= LONG && area.getBoundingClientRect().top < 0) area.scrollIntoView({ block: "start" });
      };

      /* ---------------------------------------------------------- events */

      area.addEventListener("input", changed);

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
          keep();
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

      datedInput.checked = store.editor().dated;
      datedInput.addEventListener("change", () => {
        save.saveEditor({ dated: datedInput.checked });
        showLetter();
      });

      // Names and details typed in the form: the example in the field follows them, the check reruns.
      letter.addEventListener("mdx:letter-change", () => {
        if (own === null && isOpen() && area.value !== fillPlaceholders(example(), names())) fillArea();
        if (isOpen()) checkSoon();
      });

      // A detail changed in the form: its sentence changes in the reader's own version too.
      letter.addEventListener("mdx:detail-change", ({ detail: change }) => {
        if (own === null) return;
        const swapped = swapSentence(own, change.before, change.sentence, change.after);
        if (swapped === null) change.placed = false;
        else if (swapped !== own) {
          own = swapped;
          if (isOpen()) fillArea();
          keep();
          showLetter();
        }
      });

      // Another tab changed this letter's version or the date choice: follow it.
      store.listen((what) => {
        if (what === "forgotten") forget(true);
        if (what !== "changed") return;
        datedInput.checked = store.editor().dated;
        const kept = keptText();
        if (kept !== own && !(kept === null && tooLong)) {
          own = kept;
          if (isOpen()) fillArea();
          showNote();
          say("This letter was changed in another tab; this page now shows that version.");
        }
        showLetter();
      });

      const forget = (elsewhere) => {
        own = null;
        tooLong = false;
        datedInput.checked = false;
        showLetter();
        if (isOpen()) fillArea();
        showNote();
        check();
        if (elsewhere) say("Your details were forgotten in another tab.");
      };
      letter.addEventListener("mdx:forget", () => forget(false));

      letter.mdxSource = {
        text: () => fillPlaceholders(own ?? example(), names()),
        fileText: () => {
          const text = fillPlaceholders(own ?? example(), names());
          return datedInput.checked ? withDate(text, dateLine()) : text;
        },
      };
      window.addEventListener("resize", () => isOpen() && grow());
      showLetter();
      tools.dataset.mdxEditorReady = "";
      tools.mdxEditor = { toggle: () => setOpen(!isOpen()), open: () => setOpen(true) };
      return tools.mdxEditor;
    };

    // Attached by letter-loader.js (mounted on every letter page) once
    // this bundle and its styles have loaded.
    return Object.freeze({ attach });
  },
);
