"""The strings of mkdocs.yml that the theme prints into every page, unescaped
(site_name, site_description, site_author, repo_name, copyright): plain text,
except copyright, which may hold links and emphasis and nothing else (no
script, no style, no other element or attribute), read as a browser reads it."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from scripts.problems import Problem, error, shorten
from scripts.validate.links import external_problem, is_external
from scripts.validate.plain_text import markup_in, plain_text_message

PLAIN_FIELDS = ("site_name", "site_description", "site_author", "repo_name")
HTML_FIELD = "copyright"
ALLOWED_ELEMENTS = frozenset({"a", "b", "strong", "em", "i", "span", "small", "br"})
ALLOWED_ATTRIBUTES = frozenset({"href", "title", "class", "rel", "lang"})


def site_string_problems(config: dict, config_text: str, shown_as: str) -> list[Problem]:
    problems = []
    for field in PLAIN_FIELDS:
        value = config.get(field)
        if isinstance(value, str) and (markup := markup_in(value)):
            line = key_line(config_text, field)
            problems.append(error(shown_as, line, plain_text_message(field, markup)))
    value = config.get(HTML_FIELD)
    if isinstance(value, str):
        line = key_line(config_text, HTML_FIELD)
        problems += [error(shown_as, line, message) for message in copyright_messages(value)]
    return problems


def key_line(text: str, key: str) -> int:
    found = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def copyright_messages(html: str) -> list[str]:
    """What in copyright is more than links and emphasis."""
    messages = []
    tree = LexborHTMLParser(f"<body>{html}")
    for node in tree.root.traverse(include_text=False):
        if node.tag in ("html", "head", "body") or node.tag.startswith("-"):
            continue  # the document around it (written there, they count as nothing)
        if node.tag not in ALLOWED_ELEMENTS:
            messages.append(
                f"copyright: <{node.tag}> is printed on every page as HTML; copyright may "
                f"hold only {', '.join(f'<{tag}>' for tag in sorted(ALLOWED_ELEMENTS))}"
            )
            continue
        for name, value in node.attributes.items():
            messages += attribute_messages(node.tag, name, value or "")
    return messages


def attribute_messages(tag: str, name: str, value: str) -> list[str]:
    if name not in ALLOWED_ATTRIBUTES:
        return [
            (
                f"copyright: the attribute {name}= on <{tag}> is not allowed; only "
                f"{', '.join(sorted(ALLOWED_ATTRIBUTES))}"
            )
        ]
    if name == "href" and is_external(value) and (problem := external_problem(value)):
        return [f"copyright: {problem}"]
    if name == "href" and not is_external(value) and ":" in value.split("/")[0]:
        return [f"copyright: '{shorten(value)}' is not a page or an https:// address"]
    return []
