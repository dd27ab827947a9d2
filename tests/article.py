"""The source article, read into the parts the tests compare the site with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import frontmatter

from tests.helpers import SOURCE_ARTICLE


@dataclass(frozen=True)
class Letter:
    title: str
    storytelling: str
    text: str  # paragraphs separated by a blank line, line breaks kept


@cache
def article() -> frontmatter.Post:
    return frontmatter.load(SOURCE_ARTICLE)


def body() -> str:
    """The article's Markdown without the stray code fence at its end."""
    return re.sub(r"\n```\s*$", "\n", article().content)


def sections(level: str) -> dict[str, str]:
    """Heading text -> Markdown below it up to the next heading of that level or higher."""
    parts = re.split(rf"^#{{1,{len(level)}}} (.+)$", body(), flags=re.MULTILINE)
    return {title.strip(): text for title, text in zip(parts[1::2], parts[2::2], strict=True)}


def subheadings(parent: str) -> list[str]:
    return re.findall(r"^### (.+)$", sections("##")[parent], flags=re.MULTILINE)


def letters() -> list[Letter]:
    found = []
    for title in subheadings("Empathetic Apology Letter Examples to Clients"):
        text = sections("###")[title]
        story = re.search(r"\*Storytelling:\* (.+)", text).group(1).strip()
        quoted = [line[1:].strip() for line in text.splitlines() if line.startswith(">")]
        found.append(Letter(title, story, "\n".join(quoted)))
    return found


def faq_questions() -> list[str]:
    return re.findall(
        r"^\d+\. \*\*(.+?)\*\*", sections("##")["Frequently Asked Questions"], flags=re.MULTILINE
    )


def plain_sentences() -> list[str]:
    """Every sentence-bearing line of the article as plain text, markup removed."""
    lines = []
    for line in body().splitlines():
        text = re.sub(r"^(#+ |> ?|\d+\. )", "", line.strip())
        text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1", text)  # links keep their text
        text = text.replace("**", "").replace("*Storytelling:* ", "").strip()
        if text:
            lines.append(text)
    return lines


def links() -> list[str]:
    return re.findall(r"\]\((https://[^)]+)\)", body())
