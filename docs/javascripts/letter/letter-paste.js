/* A field of "Names and details" takes so many characters (its maxlength);
   the browser cuts a longer paste without a word. So the reader hears it: a
   short note under the field (a live region), until they leave it. Loaded
   with the form's code (letter-form.js), when the reader opens the form. */
mdx.module("letter-paste", [], () => {
  "use strict";

  const attach = (tools) => {
    const note = Object.assign(document.createElement("p"), { className: "mdx-names__error", role: "status" });
    tools.addEventListener("paste", ({ target: input, clipboardData }) => {
      if (!input.matches("input[maxlength]")) return;
      const room = input.maxLength - input.value.length + input.selectionEnd - input.selectionStart;
      const pasted = clipboardData.getData("text").replace(/[\r\n]/g, "").length; // a field drops line breaks
      if (pasted <= room) return;
      note.textContent = `Only ${room} of the ${pasted} characters you pasted fit: this field takes ${input.maxLength}.`;
      input.closest(".mdx-names__field")?.append(note);
      input.addEventListener("blur", () => note.remove(), { once: true });
    });
  };

  mdx.mount(".md-content [data-mdx-tools]", attach);
});
