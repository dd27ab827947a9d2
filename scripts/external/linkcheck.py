"""`python -m scripts check-links`: every external address in docs/ checked
for real, reported like `make check` does: broken links as errors, redirects
and answers that cannot be verified (bot walls, rate limits, timeouts) as
warnings. Successes are cached, excluded patterns skipped."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.external.cache import Entry, load_cache, save_cache
from scripts.external.fetch import BROKEN, OK, REDIRECTED, UNVERIFIED, Outcome, check_urls
from scripts.external.settings import LinkSettings
from scripts.external.urls import Occurrence, external_urls
from scripts.problems import Problem, error, warning


@dataclass
class LinkReport:
    problems: list[Problem]
    checked: int = 0  # asked over the network in this run
    cached: int = 0  # answered from the cache
    excluded: int = 0  # skipped by a pattern in the settings

    def counts(self) -> str:
        return (
            f"{self.checked} external links checked, {self.cached} from the cache, "
            f"{self.excluded} excluded"
        )


def problem_for(place: Occurrence, outcome: Outcome) -> Problem | None:
    url = place.url
    if outcome.kind == REDIRECTED:
        return warning(
            place.path,
            place.line,
            f"'{url}' redirects ({outcome.detail}) to '{outcome.final_url}'; link the final "
            "address",
        )
    if outcome.kind == UNVERIFIED:
        return warning(
            place.path,
            place.line,
            f"'{url}' could not be verified ({outcome.detail}); open it in a browser to "
            "confirm it works",
        )
    if outcome.kind == BROKEN:
        return error(
            place.path, place.line, f"'{url}' is broken ({outcome.detail}); fix or remove the link"
        )
    return None


def from_cache(entry: Entry, url: str) -> Outcome:
    final = entry.get("final")
    if isinstance(final, str) and final != url:
        return Outcome(REDIRECTED, str(entry.get("redirect") or "redirect"), final)
    return Outcome(OK)


def remembered(
    cache: dict[str, Entry], outcomes: dict[str, Outcome], now: float
) -> dict[str, Entry]:
    """The cache after this run: new successes added, new failures dropped."""
    updated = {url: entry for url, entry in cache.items() if url not in outcomes}
    for url, outcome in outcomes.items():
        if outcome.kind in {OK, REDIRECTED}:
            updated[url] = {
                "checked": now,
                "final": outcome.final_url,
                "redirect": outcome.detail or None,
            }
    return updated


def check_external_links(
    root: Path,
    config_file: Path,
    settings: LinkSettings,
    cache_file: Path | None,
    schemes: frozenset[str] = frozenset({"https"}),
    sleep: Callable[[float], None] = time.sleep,
    announce: Callable[[str], None] = lambda _: None,
) -> LinkReport:
    """Check every external address of the site; cache_file None: no cache.
    announce is told, before the slow part, how many addresses will be asked."""
    now = time.time()
    places = external_urls(root, config_file, set(schemes))
    urls = list(dict.fromkeys(place.url for place in places))
    wanted = [url for url in urls if not settings.is_excluded(url)]
    cache = load_cache(cache_file, settings.cache_ttl_hours, now) if cache_file else {}
    to_ask = [url for url in wanted if url not in cache]
    announce(
        f"asking {len(to_ask)} external addresses over the network, "
        f"{settings.concurrency} at a time ({len(wanted) - len(to_ask)} answered from the cache) ..."
    )
    outcomes = check_urls(to_ask, settings, sleep)
    if cache_file:
        save_cache(cache_file, remembered(cache, outcomes, now))
    outcomes |= {url: from_cache(cache[url], url) for url in wanted if url in cache}
    problems = [
        problem
        for place in places
        if place.url in outcomes and (problem := problem_for(place, outcomes[place.url]))
    ]
    return LinkReport(
        sorted(set(problems)),
        checked=len(to_ask),
        cached=len(wanted) - len(to_ask),
        excluded=len(urls) - len(wanted),
    )
