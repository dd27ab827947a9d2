/* What a letter page loads later, so that it stays light for the reader who
   only reads, copies or emails the example:
   - the form's markup (later.js: out of the page's HTML, so the page fits
     the first round trip) and its behaviour (letter-form.js: details, the
     client's email, Forget), once the reader opens "Names and details" (or
     had opened it before this ran), or at once when this browser keeps
     details for this letter or a client's address. The markup is put
     in place as soon as it arrives, so names can be typed while the code
     comes; "mdx:names-ready" on the tools says it is there;
   - the editor's code and styles (the letter-editor.* bundles, about
     15 KB) and its markup (later.js), after the form's, on the first press of Edit, or at once when
     this browser keeps the reader's own version of this letter or the date
     choice.
   Kept here, or by another tab. A form whose code could not load says so
   where the reader types, and tries again on their next input. The
   addresses come from the template (data-mdx-form-src,
   data-mdx-editor-src); nothing else is fetched.
   fetchBundle(src) is also how the editor loads the checker when it opens. */
mdx.module("letter-loader", ["letter-store", "later"], (store, later) => {
  "use strict";

  const fetchBundle = mdx.load; // in order (docs/javascripts/site/mdx.js)

  const attach = (tools) => {
    /* The module `name` attached to these tools, its bundles loaded the
       first time; the next call tries again if they could not load. */
    const loader = (sources, name, markup = () => null) => {
      let loading = null;
      return () =>
        (loading ??= Promise.all([...sources.split(" ").map(fetchBundle), markup()])
          .then(() => mdx.use(name).attach(tools))
          .catch((error) => {
            loading = null;
            throw error;
          }));
    };
    const names = tools.querySelector("[data-mdx-names]");
    const body = names.querySelector("[data-mdx-names-body]");
    const loading = body.querySelector("[data-mdx-names-loading]");
    let placing = null;
    const formMarkup = () =>
      body.querySelector("[data-mdx-names-form]")
        ? null
        : (placing ??= later.part("names").then(
            (content) => {
              loading.replaceWith(content); // beside it, what later.js reads stays
              tools.dispatchEvent(new CustomEvent("mdx:names-ready"));
            },
            (error) => {
              placing = null;
              loading.textContent = "The form could not load. Check your connection, then close and open “Names and details” again.";
              throw error;
            },
          ));
    const form = loader(tools.dataset.mdxFormSrc, "letter-form", formMarkup);
    /* The editor's markup, out of the page's HTML until it is wanted (later.js). */
    const panel = tools.querySelector("[data-mdx-editor]");
    const editorMarkup = () =>
      panel.querySelector("[data-mdx-editor-text]") ? null : later.part("editor").then((content) => panel.replaceChildren(content));
    const editing = loader(tools.dataset.mdxEditorSrc, "letter-editor", editorMarkup);
    const editor = () => form().then(editing); // the form says if edits cannot be kept

    names.addEventListener("toggle", () => names.open && form().catch(console.warn));
    /* A detail or the address typed while the form's code is missing (offline,
       or a page from an earlier deploy) would do nothing: say so under the
       field, and try again on the next input; the form takes what was typed. */
    const unloaded = Object.assign(document.createElement("p"), { className: "mdx-names__error", role: "alert" });
    unloaded.textContent = "Not in your letter yet: this form could not load. Check your connection; it tries again as you type.";
    names.addEventListener("input", ({ target }) => {
      if (!target.matches("[data-mdx-detail], [data-mdx-to]")) return;
      form().then(
        () => unloaded.remove(),
        (error) => {
          console.warn("letter form:", error);
          target.closest(".mdx-names__field").append(unloaded);
        },
      );
    });
    tools.querySelector("[data-mdx-edit]").addEventListener("click", () =>
      editor().then(
        (opened) => opened.toggle(),
        (error) => {
          console.warn("letter editor:", error);
          tools.querySelector("[data-mdx-status]").textContent = "The editor could not load: press Edit again.";
        },
      ),
    );
    const loadWhatIsKept = () => {
      const { text, details } = store.letter(tools.dataset.mdxLetterUrl);
      const { to, dated } = store.editor();
      if (to || names.open || Object.keys(details).length) form().catch(console.warn);
      if (text !== undefined || dated) editor().catch(console.warn);
    };
    loadWhatIsKept();
    store.listen(loadWhatIsKept);
  };

  mdx.mount(".md-content [data-mdx-tools]", attach);
  return Object.freeze({ fetchBundle });
});
