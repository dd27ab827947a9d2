"""What a page shows only when the reader reaches for it, out of its HTML.

A template marks such markup `<template data-mdx-later="NAME">` (a letter's
build-time reports, the notes on what our version changes): inert in the page,
shown by docs/javascripts/site/later.js when the reader opens it. `make build`
moves every such template of a page into one file beside it, named for its
content (`later.3fa2b1c9.json`: {NAME: markup}), and leaves in its place one
`<template data-mdx-later-src="later.3fa2b1c9.json">` that tells later.js
where to fetch it from. So the page's HTML carries what the first paint
needs, within the first round trip of a new connection (about 14 KB gzip),
and the rest arrives in one small request when it is wanted. `make serve`
leaves the templates in the page; later.js reads them there.

The markup is the engine's own rendering of our templates (front matter
escaped), so no `</template>` can occur inside one. Pure functions, one
small file writer.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

LATER = re.compile(r'<template data-mdx-later="([a-z-]+)">(.*?)</template>', re.DOTALL)


def later_parts(html: str) -> dict[str, str]:
    """The markup of the page's later templates, by name."""
    return dict(LATER.findall(html))


def later_file_name(parts: dict[str, str]) -> str:
    text = later_json(parts)
    return f"later.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.json"


def later_json(parts: dict[str, str]) -> str:
    return json.dumps(parts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def with_later_moved(html: str, page: Path) -> str:
    """The page with its later templates written beside it (page's folder),
    and the pointer to that file where the first one was."""
    first = LATER.search(html)
    if first is None:
        return html
    parts = later_parts(html)
    name = later_file_name(parts)
    (page.parent / name).write_text(later_json(parts), encoding="utf-8")
    pointer = f'<template data-mdx-later-src="{name}"></template>'
    rest = LATER.sub("", html[first.end() :])
    return html[: first.start()] + pointer + rest
