"""schema.org FAQPage for pages whose front matter says `pageType: faq`: every
`##` heading is a question, the text up to the next one its answer. Built
from the page's own Markdown, rendered with the site's extensions, so the
questions are written once. Templates cannot split HTML portably (no Python
methods in Zensical's MiniJinja), hence this post-build step."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from scripts.project.pages import Page
from scripts.project.render import render

MARKER = "<!-- mdx-faq-schema -->"
BLOCKS = frozenset({"p", "li", "ul", "ol", "br", "div", "blockquote", "table", "tr", "td", "th"})


class _Sections(HTMLParser):
    """(question, answer text) for each <h2> of rendered Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[list[str]] = []
        self._in_h2 = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._separate_blocks(tag)
        if tag == "h2":
            self._in_h2 = True
            self.pairs.append(["", ""])
        elif tag == "a" and ("class", "headerlink") in attrs:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        self._separate_blocks(tag)
        if tag == "h2":
            self._in_h2 = False
        elif tag == "a" and self._skip:
            self._skip -= 1

    def _separate_blocks(self, tag: str) -> None:
        """Paragraphs and list items read as separate words, not run together."""
        if tag in BLOCKS and self.pairs and not self._in_h2:
            self.pairs[-1][1] += " "

    def handle_data(self, data: str) -> None:
        if self._skip or not self.pairs:
            return
        self.pairs[-1][0 if self._in_h2 else 1] += data


def questions_and_answers(html: str) -> list[tuple[str, str]]:
    parser = _Sections()
    parser.feed(html)
    parser.close()
    pairs = [(collapse(question), collapse(answer)) for question, answer in parser.pairs]
    return [(question, answer) for question, answer in pairs if question and answer]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def faq_schema(pairs: list[tuple[str, str]], url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in pairs
        ],
    }


# JSON inside <script>: with <, > and & written as escapes, no text in it can
# end the script early ("</script>") or open a comment ("<!--"); the same as
# Jinja's `tojson` does for the JSON-LD of overrides/partials/mdx-meta.html.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE)


def script_tag(data: dict) -> str:
    return f'{MARKER}<script type="application/ld+json">{script_json(data)}</script>'


def insert_into_head(html: str, tag: str) -> str:
    return html.replace("</head>", f"{tag}\n</head>", 1)


def write_faq_schemas(
    site_dir: Path, pages: list[tuple[str, Page]], renderer: markdown.Markdown, site_url: str
) -> None:
    for url, page in pages:
        if page.meta.get("pageType") != "faq":
            continue
        pairs = questions_and_answers(render(renderer, page.body))
        target = site_dir / url / "index.html" if url else site_dir / "index.html"
        html = target.read_text(encoding="utf-8")
        tag = script_tag(faq_schema(pairs, site_url.rstrip("/") + "/" + url))
        target.write_text(insert_into_head(html, tag), encoding="utf-8")
