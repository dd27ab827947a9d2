/* Material's search, started when the reader reaches for it.

   Material fetches the search index and starts its search worker as soon as
   a page loads: about 18 KB and two requests on every page, although most
   readers never search. Here both wait until the reader moves towards the
   search box, focuses it, presses a search key (/, s, f) or arrives with a
   query (?q=); then the index is fetched and the worker started, through
   search-worker.js, which rewrites each query into the guide's words.
   Run after the first paint, before Material's bundle (overrides/main.html,
   docs/javascripts/site/after-paint.js). */
(() => {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const MATERIAL_WORKER = /\/workers\/search\.[^/]*\.js$/;
  const script = document.currentScript;
  const rewriter = script?.dataset.mdxSearchWorker;
  const waiting = [];
  let wanted = new URLSearchParams(window.location.search).has("q");

  const want = () => {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach((go) => go());
  };
  const whenWanted = (go) => (wanted ? go() : waiting.push(go));
  const pathOf = (url) => new URL(url, document.baseURI).pathname;

  /* The index: Material asks for it at once; the request leaves when wanted. */
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.mdxDeferred = INDEX.test(pathOf(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.mdxDeferred) return send.apply(this, args);
    return whenWanted(() => send.apply(this, args));
  };

  /* The worker: started when Material first writes to it, which it does
     once the index has arrived, and through the query rewriter. */
  const Native = window.Worker;
  const workerUrl = (url) => {
    if (!rewriter) return url;
    const proxy = new URL(rewriter, document.baseURI);
    proxy.searchParams.set("worker", new URL(url, document.baseURI).href);
    return proxy.href;
  };

  class LazyWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.start = () => {
        const worker = new Native(workerUrl(url), options);
        worker.addEventListener("message", ({ data }) => {
          const event = new MessageEvent("message", { data });
          this.dispatchEvent(event);
          this.onmessage?.(event);
        });
        worker.addEventListener("error", () => this.dispatchEvent(new Event("error")));
        this.start = () => worker;
        return worker;
      };
    }

    postMessage(...args) {
      this.start().postMessage(...args);
    }

    terminate() {
      this.start().terminate();
    }
  }

  if (Native) {
    window.Worker = class extends Native {
      constructor(url, options) {
        if (MATERIAL_WORKER.test(pathOf(url))) return new LazyWorker(url, options);
        super(url, options);
      }
    };
  }

  /* Reaching for search: towards the box or the phone's search button, into
     it, or one of Material's search keys. */
  const reach = (event) => {
    if (event.target instanceof Element && event.target.closest(".md-search, [for='__search']")) {
      want();
    }
  };
  for (const type of ["pointerover", "pointerdown", "touchstart", "focusin"]) {
    document.addEventListener(type, reach, { capture: true, passive: true });
  }
  document.addEventListener(
    "keydown",
    (event) => {
      // Typed into a field (the names, the letter editor) they are just letters.
      const typing = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
      if (!typing && ["/", "s", "f", "S", "F"].includes(event.key)) want();
    },
    { capture: true },
  );
})();
