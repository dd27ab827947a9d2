"""The checker's pattern language: a small subset of regular expressions that
Python's `re` and JavaScript's RegExp (with the `u` flag) read identically.

Authors write lower-case patterns in scripts/data/checker-rules.yml; this
module refuses anything outside the subset and compiles the rest into one
portable regular expression that both engines run verbatim (the browser gets
the compiled text in its bundle, so there is no second translation):

- a letter `a`-`z` matches either case: both engines match against a copy
  of the draft with only A-Z lowered (same length, so positions hold).
  Neither engine's case-insensitive flag is used, because their Unicode case
  folding differs (Python's `re.I` matches `İ` for `i`, JavaScript's `iu` does
  not; without `u`, JavaScript does not match the Kelvin sign `K` for `k`);
- a space matches one or more spaces or line breaks (`[ \\n]+`): the engines
  see text whose other white space was normalised to these two;
- the whole pattern only matches whole words: it is wrapped in a look-behind
  and a look-ahead for an explicit set of letters and digits, never `\\b`,
  which is Unicode-aware in Python and ASCII-only in JavaScript.

Allowed: lower-case letters, digits, space, `'`, `"`, `-`, `,`, `:`, `;`, `!`,
`%`, `&`, `#`, `@`, `/`, `=`, `~`, `<`, `>`, `_`, non-ASCII symbols
such as `£` or `€`; groups `( )` and `(?: )`; look-aheads `(?= )`
and `(?! )`; `|`; quantifiers `? * + {m} {m,n}`, optionally lazy (`?`);
classes `[...]` and `[^...]` of those characters and ranges; and the escapes
`\\.`, `\\$`, `\\?`, `\\(` ... of the characters that are syntax in both.
Refused: `.`, `^`, `$`, every backslash class or anchor (`\\b \\w \\s \\d \\Z`
...), look-behind, named groups, back-references, inline flags, upper-case
letters and patterns that can match nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Letters and digits a match may not touch: Latin (with accents), Greek, Cyrillic.
WORD_CHARACTERS = "0-9A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF"
BOUNDARY_BEFORE = f"(?<![{WORD_CHARACTERS}])"
BOUNDARY_AFTER = f"(?![{WORD_CHARACTERS}])"
SPACE = "[ \\n]+"
SYNTAX = set("^$\\.*+?()[]{}|/")  # escapable in both engines (JavaScript's u flag)
LITERALS = set("abcdefghijklmnopqrstuvwxyz0123456789'\"-,:;!%&#@=~<>_/")
QUANTIFIER = re.compile(r"\{(\d{1,3})(,(\d{1,3}))?\}")


class PatternError(ValueError):
    """A pattern outside the subset; the message says what to write instead."""


@dataclass
class _Compiler:
    pattern: str
    position: int = 0
    groups: list[str] = field(default_factory=list)  # openings of the groups still open

    def fail(self, what: str) -> PatternError:
        return PatternError(f"{what} at column {self.position + 1} of '{self.pattern}'")

    def peek(self, length: int = 1) -> str:
        return self.pattern[self.position : self.position + length]

    def compile(self) -> str:
        parts: list[str] = []
        can_quantify = False
        while self.position < len(self.pattern):
            character = self.peek()
            if character in "?*+{":
                parts.append(self.quantifier(can_quantify))
                can_quantify = False
                continue
            part, can_quantify = self.atom(character)
            parts.append(part)
        if self.groups:
            raise self.fail("unclosed '('")
        return "".join(parts)

    def atom(self, character: str) -> tuple[str, bool]:
        """One piece of the pattern, compiled, and whether a quantifier may follow."""
        if character == "(":
            return self.group(), True
        if character == ")":
            if not self.groups:
                raise self.fail("unmatched ')'")
            self.position += 1
            # JavaScript refuses a quantifier on a look-ahead; Python accepts it.
            return ")", self.groups.pop() == "(?:"
        if character == "|":
            self.position += 1
            return "|", False
        if character == "[":
            return self.character_class(), True
        if character == "\\":
            return self.escape(), True
        self.position += 1
        return self.literal(character), True

    def literal(self, character: str) -> str:
        if character == " ":
            return SPACE
        if "a" <= character <= "z":
            return character  # matched against the draft with A-Z lowered
        if character in LITERALS:
            return "\\" + character if character in SYNTAX else character
        if "A" <= character <= "Z":
            self.position -= 1
            raise self.fail(f"upper-case '{character}' (write it in lower case: it matches both)")
        if ord(character) > 0x7F and ord(character) <= 0xFFFF and not character.isalpha():
            return character
        self.position -= 1
        if character in ".^$":
            raise self.fail(f"'{character}' (escape it as '\\{character}' to match it literally)")
        raise self.fail(f"'{character}' is not allowed")

    def group(self) -> str:
        opening = self.peek(3)
        if opening in ("(?:", "(?=", "(?!"):
            self.position += 3
        elif self.peek(2) == "(?":
            raise self.fail(f"'{opening}' (only groups, '(?:', '(?=' and '(?!' are allowed)")
        else:
            self.position += 1
            opening = "(?:"
        self.groups.append(opening)
        return opening

    def quantifier(self, can_quantify: bool) -> str:
        if not can_quantify:
            raise self.fail(f"'{self.peek()}' has nothing to repeat")
        if self.peek() == "{":
            found = QUANTIFIER.match(self.pattern, self.position)
            if not found:
                raise self.fail("'{' (write a repeat as {m} or {m,n}, or escape it)")
            text = found[0]
        else:
            text = self.peek()
        self.position += len(text)
        if self.peek() == "?":
            self.position += 1
            text += "?"
        return text

    def escape(self) -> str:
        escaped = self.peek(2)
        if len(escaped) == 2 and escaped[1] in SYNTAX:
            self.position += 2
            return escaped
        raise self.fail(
            f"'{escaped}' (backslash classes and anchors read differently in Python and "
            "JavaScript; only escapes of ^$\\.*+?()[]{}|/ are allowed)"
        )

    def character_class(self) -> str:
        self.position += 1
        members = ["^"] if self.peek() == "^" else []
        self.position += len(members)
        start = self.position
        while self.peek() != "]":
            if not self.peek():
                raise self.fail("unclosed '['")
            members.append(self.class_member())
        if self.position == start:
            raise self.fail("empty class '[]'")
        self.position += 1
        return "[" + "".join(members) + "]"

    def class_member(self) -> str:
        character = self.peek()
        if character == "\\":
            escaped = self.peek(2)
            if len(escaped) == 2 and (escaped[1] in SYNTAX or escaped[1] == "-"):
                self.position += 2
                return escaped
            raise self.fail(f"'{escaped}' in a class")
        if character == "[":
            raise self.fail("'[' inside a class (escape it as '\\[')")
        self.position += 1
        if self.peek() == "-" and self.peek(2) != "-]":
            low, high = character, self.pattern[self.position + 1 : self.position + 2]
            self.position += 2
            return self.class_range(low, high)
        if character == " ":
            return " \\n"
        if "a" <= character <= "z":
            return character
        if character == "-" or character in LITERALS or character in SYNTAX:
            return "\\" + character if character in SYNTAX or character == "-" else character
        return self.literal_in_class(character)

    def class_range(self, low: str, high: str) -> str:
        for lower, upper in (("a", "z"), ("0", "9")):
            if lower <= low <= upper and lower <= high <= upper and low <= high:
                return f"{low}-{high}"
        raise self.fail(f"range '{low}-{high}' (ranges are a-z or 0-9 and their parts)")

    def literal_in_class(self, character: str) -> str:
        self.position -= 1
        compiled = self.literal(character)
        self.position += 1
        return compiled


def compile_pattern(pattern: str) -> str:
    """The portable regular expression for an author's pattern, or PatternError."""
    if not pattern.strip():
        raise PatternError("empty pattern")
    body = _Compiler(pattern).compile()
    source = f"{BOUNDARY_BEFORE}(?:{body}){BOUNDARY_AFTER}"
    try:
        compiled = re.compile(source)
    except re.error as exc:
        raise PatternError(f"'{pattern}' is not a valid regular expression: {exc}") from exc
    if compiled.fullmatch(""):
        raise PatternError(f"'{pattern}' can match empty text; make at least one part required")
    return source
