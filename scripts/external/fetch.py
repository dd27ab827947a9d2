"""One external URL checked over HTTP with httpx: HEAD, falling back to GET;
redirects followed; retries with backoff on 429 and 5xx, honouring
Retry-After; bot walls told apart from broken pages. Many URLs at once on a
bounded pool of threads."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Self

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
        # No connection is kept for another request: each request's deadline
        # (RequestDeadline) reaches the socket it opens.
        limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=0),
    )


class RequestDeadline:
    """A whole request's time limit. httpx's timeout is per read: a server
    that sends a header line every few seconds would hold the check forever.
    At the deadline the request's socket is shut down, which ends any read;
    the request then fails and `expired` says why. Its trace() is the
    request's "trace" extension, which hands over each socket it opens."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict) -> None:
        if event != "connection.connect_tcp.complete":
            return
        opened = info["return_value"].get_extra_info("socket")
        with self._lock:
            self._sockets.append(opened)
            if self.expired:
                shut(opened)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for opened in self._sockets:
                shut(opened)


def shut(opened: socket.socket) -> None:
    with contextlib.suppress(OSError):
        opened.shutdown(socket.SHUT_RDWR)


class DeadlinePassed(httpx.TimeoutException):
    """The whole request took longer than its deadline."""


def within(deadline: RequestDeadline, exc: httpx.HTTPError) -> httpx.HTTPError:
    """The error to report: a timeout if the deadline cut the request short."""
    return DeadlinePassed("the deadline passed") if deadline.expired else exc


def head(client: httpx.Client, url: str, seconds: float) -> Answer:
    with RequestDeadline(seconds) as deadline:
        try:
            return Answer.of(client.head(url, extensions={"trace": deadline.trace}))
        except httpx.HTTPError as exc:
            raise within(deadline, exc) from exc


def get(client: httpx.Client, url: str, seconds: float) -> Answer:
    """GET, reading only the start of the page."""
    with RequestDeadline(seconds) as deadline:
        try:
            with client.stream("GET", url, extensions={"trace": deadline.trace}) as response:
                sample = b""
                for chunk in response.iter_bytes():
                    sample += chunk
                    if len(sample) >= SAMPLE_BYTES:
                        break
                return Answer.of(response, sample[:SAMPLE_BYTES].decode("utf-8", "replace"))
        except httpx.HTTPError as exc:
            raise within(deadline, exc) from exc


def ask(client: httpx.Client, url: str, seconds: float) -> Answer:
    """HEAD first (cheap); GET when HEAD fails or is refused, as many servers
    mishandle HEAD. A timeout or a refused connection is not retried with GET.
    Each request has `seconds` in all, whatever the server trickles."""
    try:
        answer = head(client, url, seconds)
    except (httpx.TimeoutException, httpx.ConnectError):
        raise
    except httpx.HTTPError:
        return get(client, url, seconds)
    if answer.status < 400 or answer.status == 429:
        return answer
    return get(client, url, seconds)


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
            answer = ask(client, url, settings.timeout)
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
