"""The checker's pattern language, as `make check` validates it.

The engine (docs/javascripts/checker/apology-patterns.js) matches a pattern over a
sentence's words as compromise tags them. A pattern it cannot read would
silently match nothing, so every pattern of scripts/data/checker-rules.yml is
checked here first, and each problem is named with its column:

    sorry        a lower-case word (letters, digits, ' . % £ € $ -); never a
                 contraction: compromise expands "haven't" to "have not", so
                 write "have not", which finds both
    #Passive     one of compromise's tags (TAGS)
    $reaction    a lexicon of the rules file
    .            any one word
    (a|b c)      choices, each a sequence of the above; groups do not nest
    (#A && #B)   one word with both tags
    ? * + {m,n}  after a word or a group
    ^            first in the pattern: the start of a sentence
"""

from __future__ import annotations

import re

# compromise 14.17.0's tag set (world.model.one.tagSet); tests/apology/test_vendor.py
# compares it with the vendored library's, so an upgrade cannot leave it behind.
TAGS = frozenset(
    (
        "Abbreviation", "Acronym", "Activity", "Actor", "Address", "Adjective", "Adverb", "AtMention",
        "Auxiliary", "Cardinal", "City", "Company", "Comparable", "Comparative", "Condition",
        "Conjunction", "Copula", "Country", "Currency", "Date", "Demonym", "Determiner", "Duration",
        "Email", "Emoji", "Emoticon", "Expression", "FemaleName", "FinancialQuarter", "FirstName",
        "Fraction", "FutureTense", "Gerund", "HashTag", "Holiday", "Honorific", "Hyphenated",
        "Imperative", "Infinitive", "LastName", "MaleName", "Modal", "Money", "Month", "Multiple",
        "Negative", "Noun", "NumberRange", "NumericValue", "Ordinal", "Organization", "Participle",
        "Particle", "Passive", "PastTense", "Percent", "Person", "PhoneNumber", "PhrasalVerb",
        "Place", "Plural", "Possessive", "Prefix", "Preposition", "PresentTense", "Pronoun",
        "ProperNoun", "QuestionWord", "Redacted", "Reflexive", "Region", "RomanNumeral", "School",
        "Season", "Singular", "SlashedTerm", "SportsTeam", "Superlative", "TextValue", "There",
        "Time", "Timezone", "Uncountable", "Unit", "Url", "Value", "Verb", "WeekDay", "Year",
    )
)  # fmt: skip

TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<open>\()|(?P<close>\))|(?P<bar>\|)|(?P<both>&&)"
    r"|(?P<repeat>[?*+]|\{\d{1,2}(,\d{0,2})?\})|(?P<tag>#[A-Za-z]+)"
    r"|(?P<lexicon>\$[a-z][a-z0-9-]*)|(?P<any>\.(?![\w']))|(?P<start>\^)"
    r"|(?P<word>[a-z0-9£€$%][a-z0-9'.%£€$-]*)"
)
CONTRACTION = re.compile(r"n't$|'(s|re|ve|ll|d|m)$|'$")
SUBSET = "write words, #Tags, $lexicons, . and ^, groups (a|b) and repeats ? * + {m,n}"


class PatternError(ValueError):
    """A pattern outside the language; the message says where and what to write."""


def pattern_problems(pattern: str, lexicons: set[str]) -> list[str]:
    """Everything wrong with one pattern, each starting with its column; [] if nothing."""
    if not pattern.strip():
        return ["the pattern is empty"]
    problems: list[str] = []
    group_open = False
    can_repeat = False
    position = 0
    while position < len(pattern):
        found = TOKEN.match(pattern, position)
        where = f"column {position + 1}"
        if not found:
            problems.append(f"{where}: '{pattern[position]}' is not pattern syntax; {SUBSET}")
            break
        kind, text = found.lastgroup, found.group()
        position = found.end()
        if kind == "space":
            continue
        problem, can_repeat, group_open = token_problem(kind, text, where, group_open, can_repeat)
        problem = problem or word_problem(kind, text, where, lexicons)
        if problem:
            problems.append(problem)
    if group_open:
        problems.append("'(' is never closed")
    return problems


def word_problem(kind: str, text: str, where: str, lexicons: set[str]) -> str:
    """What is wrong with one word, tag, lexicon or anchor, or ""."""
    if kind == "start" and where != "column 1":
        return f"{where}: '^' (the start of a sentence) must come first"
    if kind == "tag" and text[1:] not in TAGS:
        return f"{where}: '{text}' is not one of compromise's tags (patterns.TAGS)"
    if kind == "lexicon" and text[1:] not in lexicons:
        return f"{where}: there is no lexicon '{text[1:]}'"
    if kind == "word" and CONTRACTION.search(text):
        return (
            f"{where}: '{text}' is a contraction or a possessive plural, which compromise "
            "reads as other words; write it out ('have not' finds \"haven't\" too)"
        )
    return ""


def token_problem(
    kind: str, text: str, where: str, group_open: bool, can_repeat: bool
) -> tuple[str, bool, bool]:
    """(problem or "", whether a repeat may follow, whether a group is open) after one token."""
    if kind == "open":
        problem = (
            f"{where}: a group inside a group; list every choice in one group" if group_open else ""
        )
        return problem, False, True
    if kind == "close":
        return ("" if group_open else f"{where}: ')' closes no group"), True, False
    if kind in ("bar", "both"):
        problem = "" if group_open else f"{where}: '{text}' belongs inside a group: (a|b)"
        return problem, False, group_open
    if kind == "repeat":
        problem = "" if can_repeat else f"{where}: '{text}' has nothing to repeat"
        if group_open and can_repeat:
            problem = f"{where}: repeat the whole group, not a word inside it: (a|b)?"
        return problem, False, group_open
    return "", kind != "start", group_open


def check_pattern(pattern: str, lexicons: set[str]) -> None:
    """PatternError naming the first problem of a pattern, if it has one."""
    problems = pattern_problems(pattern, lexicons)
    if problems:
        raise PatternError(f"{problems[0]} of '{pattern}'")
