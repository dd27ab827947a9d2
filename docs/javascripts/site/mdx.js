/* mdx: the one loader of our scripts, on every page (in the site.js bundle,
   the first script after the first paint), before any feature's bundle.

     mdx.module(name, [dependency, ...], factory)
       defines the module `name` (its file's name) as factory's result;
       factory receives the dependencies' values, which must be defined
       already: the pipeline (scripts/render/bundles.py) refuses a bundle that
       does not list a module's dependencies before it.
     mdx.use(name)
       a defined module (undefined before), for what is loaded later (the
       editor) and for tests.
     mdx.mount(selector, attach)
       attach(element) once for every element matching selector, on every
       page Material's document$ emits (it replays the current one to a late
       subscriber); without Material, once the document is parsed.
     mdx.load(src)
       a bundle loaded later (the editor's, the checker): a <script>, run in
       the order asked for, or a stylesheet <link>; a promise of its arrival.
       The caller loads each once (and again only after a failure).
     mdx.key(name)
       the name of what this site keeps in the browser: name and the site's
       own path ("mdx-letter-fields:/siteA/"), so two sites on one host
       (USER.github.io/siteA/ and /siteB/) never share a reader's words.

   Each module and each attach runs inside its own try: a failing feature
   logs its error and leaves the page, and every other feature, working. */
(() => {
  "use strict";

  const modules = new Map();

  const guard = (what, run) => {
    try {
      run();
    } catch (error) {
      console.error(`mdx ${what}:`, error);
    }
  };

  const use = (name) => modules.get(name);

  const module = (name, needs, factory) =>
    guard(name, () => modules.has(name) || modules.set(name, factory(...needs.map(use)) ?? {}));

  const mount = (selector, attach) => {
    const attached = new WeakSet();
    const attachAll = () => {
      for (const element of document.querySelectorAll(selector)) {
        if (attached.has(element)) continue;
        attached.add(element);
        guard(selector, () => attach(element));
      }
    };
    if (window.document$) window.document$.subscribe(attachAll);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
    else attachAll();
  };

  const load = (src) =>
    new Promise((resolve, reject) => {
      const css = src.endsWith(".css");
      const node = document.createElement(css ? "link" : "script");
      Object.assign(node, css ? { rel: "stylesheet", href: src } : { src, async: false }, {
        onload: resolve,
        onerror: () => reject(new Error(`could not load ${src}`)),
      });
      document.head.append(node);
    });

  // The site's root, from this script's own address (".../assets/mdx/site.….js").
  const script = globalThis.document?.currentScript; // none in V8 alone (scripts/apology/engine.py)
  const root = script ? new URL("../..", script.src).pathname : "/";
  const key = (name) => `${name}:${root}`;

  window.mdx = Object.freeze({ module, use, mount, load, key });
})();
