"""One external URL checked over HTTP with httpx: HEAD, falling back to GET;
redirects followed; retries with backoff on 429 and 5xx, honouring
Retry-After; bot walls told apart from broken pages. Many URLs at once on a
bounded pool of threads."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx

from scripts.external.settings import LinkSettings

OK, REDIRECTED, UNVERIFIED, BROKEN = "ok", "redirected", "unverified", "broken"
SAMPLE_BYTES = 4096  # of a GET answer's page, enough to recognise a bot wall


@dataclass(frozen=True)
class Answer:
    """What the server said, reduced to what the verdict needs."""

    status: int
    reason: str
    final_url: str
    redirects: tuple[int, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    sample: str = ""

    @classmethod
    def of(cls, response: httpx.Response, sample: str = "") -> Answer:
        return cls(
            status=response.status_code,
            reason=httpx.codes.get_reason_phrase(response.status_code) or response.reason_phrase,
            final_url=str(response.url),
            redirects=tuple(hop.status_code for hop in response.history),
            headers={name.lower(): value for name, value in response.headers.items()},
            sample=sample,
        )


@dataclass(frozen=True)
class Outcome:
    kind: str  # OK, REDIRECTED, UNVERIFIED or BROKEN
    detail: str = ""
    final_url: str | None = None


def make_client(settings: LinkSettings) -> httpx.Client:
    return httpx.Client(
        timeout=settings.timeout,
        follow_redirects=True,
        headers={"User-Agent": settings.user_agent},
        trust_env=settings.trust_env,
        limits=httpx.Limits(max_connections=settings.concurrency),
    )


def get(client: httpx.Client, url: str) -> Answer:
    """GET, reading only the start of the page."""
    with client.stream("GET", url) as response:
        sample = b""
        for chunk in response.iter_bytes():
            sample += chunk
            if len(sample) >= SAMPLE_BYTES:
                break
        return Answer.of(response, sample[:SAMPLE_BYTES].decode("utf-8", "replace"))


def ask(client: httpx.Client, url: str) -> Answer:
    """HEAD first (cheap); GET when HEAD fails or is refused, as many servers
    mishandle HEAD. A timeout or a refused connection is not retried with GET."""
    try:
        answer = Answer.of(client.head(url))
    except (httpx.TimeoutException, httpx.ConnectError):
        raise
    except httpx.HTTPError:
        return get(client, url)
    if answer.status < 400 or answer.status == 429:
        return answer
    return get(client, url)


def is_bot_wall(answer: Answer, settings: LinkSettings) -> bool:
    server = answer.headers.get("server", "").lower()
    sample = answer.sample.lower()
    return (
        any(name.lower() in answer.headers for name in settings.bot_wall_headers)
        or any(name in server for name in settings.bot_wall_servers)
        or any(text.lower() in sample for text in settings.bot_wall_text)
    )


def verdict(url: str, answer: Answer, settings: LinkSettings, tries: int) -> Outcome:
    status = f"{answer.status} {answer.reason}".strip()
    if answer.status < 400:
        if answer.redirects and answer.final_url != url:
            return Outcome(REDIRECTED, f"{answer.redirects[0]}", answer.final_url)
        return Outcome(OK)
    if answer.status in settings.unverified_statuses or (
        answer.status == 403 and is_bot_wall(answer, settings)
    ):
        return Outcome(UNVERIFIED, f"the site answered {status}")
    if tries > 1:
        status += f" after {tries} tries"
    return Outcome(BROKEN, status)


def is_retryable(answer: Answer) -> bool:
    return answer.status == 429 or answer.status >= 500


def retry_delay(answer: Answer, attempt: int, settings: LinkSettings) -> float:
    """Seconds to wait: the server's Retry-After (capped), else exponential backoff."""
    value = answer.headers.get("retry-after", "").strip()
    delay = settings.backoff * 2**attempt
    if value.isdigit():
        delay = float(value)
    elif value:
        with contextlib.suppress(TypeError, ValueError, OverflowError):
            delay = parsedate_to_datetime(value).timestamp() - time.time()
    return max(0.0, min(delay, settings.max_retry_after))


def failure(exc: httpx.HTTPError, settings: LinkSettings) -> Outcome:
    if isinstance(exc, httpx.TimeoutException):
        return Outcome(UNVERIFIED, f"no answer within {settings.timeout:g} s")
    if isinstance(exc, httpx.ConnectError):
        return Outcome(BROKEN, f"cannot connect: {exc or 'connection failed'}")
    if isinstance(exc, httpx.TooManyRedirects):
        return Outcome(BROKEN, "too many redirects")
    return Outcome(BROKEN, f"the request failed: {exc or type(exc).__name__}")


def check_url(
    client: httpx.Client,
    url: str,
    settings: LinkSettings,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    attempt = 0
    while True:
        try:
            answer = ask(client, url)
        except httpx.HTTPError as exc:
            return failure(exc, settings)
        if not is_retryable(answer) or attempt >= settings.retries:
            return verdict(url, answer, settings, attempt + 1)
        sleep(retry_delay(answer, attempt, settings))
        attempt += 1


def check_urls(
    urls: list[str],
    settings: LinkSettings,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Outcome]:
    """Every URL checked, at most settings.concurrency at a time."""
    if not urls:
        return {}
    with make_client(settings) as client, ThreadPoolExecutor(settings.concurrency) as pool:
        outcomes = pool.map(lambda url: check_url(client, url, settings, sleep), urls)
        return dict(zip(urls, outcomes, strict=True))
