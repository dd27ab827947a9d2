"""`check-links` against a local HTTP server on 127.0.0.1: what each kind of
answer becomes, retries, timeouts, concurrency, the cache and exclusions.
Nothing here touches the internet."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scripts.external.cache import load_cache
from scripts.external.linkcheck import LinkReport, check_external_links
from scripts.external.settings import LinkSettings, load_settings
from scripts.external.urls import external_urls
from tests.helpers import ROOT, make_site, run_pipeline

HTTP = frozenset({"http", "https"})  # the local server speaks http; docs/ must use https


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any name lookup but 127.0.0.1's fails the test: nothing here goes online."""
    lookup = socket.getaddrinfo

    def local_only(host: object, *args: object, **kwargs: object) -> object:
        if host not in {"127.0.0.1", b"127.0.0.1"}:
            raise AssertionError(f"a test tried to reach {host!r}")
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.fixture(name="running_server", scope="module")
def fixture_running_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture(name="server")
def fixture_server(running_server: HTTPServer) -> HTTPServer:
    """The module's server, with no handlers and an empty log."""
    running_server.clear()
    return running_server


@pytest.fixture(name="settings")
def fixture_settings() -> LinkSettings:
    """The project's settings, made quick and proxy-free for a local server."""
    return dataclasses.replace(
        load_settings(), timeout=0.5, backoff=0.01, max_retry_after=5, trust_env=False
    )


class Sleeps(list):
    """Stands in for time.sleep: records each wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def site_linking(root: Path, *urls: str) -> Path:
    """A site whose page links to each URL on its own line: line 6, 7, ..."""
    body = "".join(f"[link {n}]({url})\n" for n, url in enumerate(urls))
    page = (
        "---\ntitle: Links\ndescription: A page whose links the link checker "
        f"follows to the local test server.\n---\n\n{body}"
    )
    site = make_site(root, {"index.md": page})
    # Only the page's links: the project's copyright and templates link to the internet.
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config.pop("copyright", None)
    config["theme"].pop("custom_dir", None)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return site


def run(
    site: Path,
    settings: LinkSettings,
    cache: Path | None = None,
    sleep: Sleeps | None = None,
    schemes: frozenset[str] = HTTP,
) -> LinkReport:
    return check_external_links(
        site, site / "mkdocs.yml", settings, cache, schemes, Sleeps() if sleep is None else sleep
    )


def lines(report: LinkReport) -> list[str]:
    return [str(problem) for problem in report.problems]


def test_a_working_link_passes(server: HTTPServer, settings, tmp_path: Path) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    report = run(site_linking(tmp_path, server.url_for("/ok")), settings)
    assert (lines(report), report.checked) == ([], 1)


def test_a_redirect_chain_is_followed_and_reported_with_its_final_address(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    for old, new in (("/old", "/older"), ("/older", "/new")):
        server.expect_request(old).respond_with_data(
            "", status=301, headers={"Location": server.url_for(new)}
        )
    server.expect_request("/new").respond_with_data("here")
    report = run(site_linking(tmp_path, server.url_for("/old")), settings)
    assert lines(report) == [
        (
            f"docs/index.md:6: warning: '{server.url_for('/old')}' redirects (301) to "
            f"'{server.url_for('/new')}'; link the final address"
        )
    ]


def test_404_and_410_are_broken_links(server: HTTPServer, settings, tmp_path: Path) -> None:
    server.expect_request("/missing").respond_with_data("no", status=404)
    server.expect_request("/gone").respond_with_data("no", status=410)
    site = site_linking(tmp_path, server.url_for("/missing"), server.url_for("/gone"))
    assert lines(run(site, settings)) == [
        (
            f"docs/index.md:6: error: '{server.url_for('/missing')}' is broken (404 Not Found); "
            "fix or remove the link"
        ),
        (
            f"docs/index.md:7: error: '{server.url_for('/gone')}' is broken (410 Gone); "
            "fix or remove the link"
        ),
    ]


def test_429_then_200_waits_as_long_as_retry_after_says(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    server.expect_oneshot_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "2"}
    )
    server.expect_request("/busy").respond_with_data("ok now")
    sleeps = Sleeps()
    report = run(site_linking(tmp_path, server.url_for("/busy")), settings, sleep=sleeps)
    assert (lines(report), sleeps) == ([], [2.0])
    assert len(server.log) == 2


def test_retry_after_is_capped_and_429_that_persists_is_unverified(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    server.expect_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    sleeps = Sleeps()
    report = run(site_linking(tmp_path, server.url_for("/busy")), settings, sleep=sleeps)
    assert sleeps == [settings.max_retry_after] * settings.retries
    assert lines(report) == [
        (
            f"docs/index.md:6: warning: '{server.url_for('/busy')}' could not be verified (the "
            "site answered 429 Too Many Requests); open it in a browser to confirm it works"
        )
    ]


def test_server_errors_are_retried_with_backoff_then_broken(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    server.expect_request("/down").respond_with_data("oops", status=503)
    sleeps = Sleeps()
    report = run(site_linking(tmp_path, server.url_for("/down")), settings, sleep=sleeps)
    assert sleeps == [0.01, 0.02]
    assert lines(report) == [
        (
            f"docs/index.md:6: error: '{server.url_for('/down')}' is broken (503 Service "
            "Unavailable after 3 tries); fix or remove the link"
        )
    ]


def test_a_response_slower_than_the_timeout_is_unverified(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    # The answer comes only once the test releases it: the check must give up
    # at its timeout (0.5 s) after one request, whatever the machine's load.
    asked, release = [], threading.Event()

    def slow(request: Request) -> Response:
        asked.append(request.path)
        release.wait(30)
        return Response("late")

    server.expect_request("/slow").respond_with_handler(slow)
    try:
        report = run(site_linking(tmp_path, server.url_for("/slow")), settings)
    finally:
        release.set()
    assert asked == ["/slow"]  # no retry
    assert lines(report) == [
        (
            f"docs/index.md:6: warning: '{server.url_for('/slow')}' could not be verified (no "
            "answer within 0.5 s); open it in a browser to confirm it works"
        )
    ]
    # The late answer is logged when the handler returns: wait for it, so that
    # it lands in this test's log and not in the next one's.
    deadline = time.monotonic() + 10
    while not server.log and time.monotonic() < deadline:
        time.sleep(0.05)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_refused_connection_is_a_broken_link(settings, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/nobody"
    (problem,) = run(site_linking(tmp_path, url), settings).problems
    assert (problem.line, problem.level) == (6, "error")
    assert problem.message.startswith(f"'{url}' is broken (cannot connect: ")


@pytest.mark.parametrize("status", [405, 501])
def test_head_refused_falls_back_to_get(
    server: HTTPServer, settings, tmp_path: Path, status: int
) -> None:
    server.expect_request("/page", method="HEAD").respond_with_data("", status=status)
    server.expect_request("/page", method="GET").respond_with_data("the page")
    assert lines(run(site_linking(tmp_path, server.url_for("/page")), settings)) == []
    assert [request.method for request, _ in server.log] == ["HEAD", "GET"]


def test_bot_walls_are_unverified_but_a_plain_403_is_broken(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    server.expect_request("/walled").respond_with_data(
        "Just a moment...", status=403, headers={"cf-mitigated": "challenge"}
    )
    server.expect_request("/linkedin").respond_with_data("", status=999)
    server.expect_request("/private").respond_with_data("Forbidden", status=403)
    urls = [server.url_for(path) for path in ("/walled", "/linkedin", "/private")]
    report = run(site_linking(tmp_path, *urls), settings)
    assert [(problem.line, problem.level) for problem in report.problems] == [
        (6, "warning"),
        (7, "warning"),
        (8, "error"),
    ]
    assert "could not be verified (the site answered 403 Forbidden)" in lines(report)[0]


def test_requests_run_concurrently_but_within_the_bound(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    in_flight, peak, lock = [0], [0], threading.Lock()

    def counted(request: Request) -> Response:
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        time.sleep(0.1)
        with lock:
            in_flight[0] -= 1
        return Response("ok")

    server.expect_request("/counted").respond_with_handler(counted)
    urls = [server.url_for(f"/counted?n={n}") for n in range(6)]
    report = run(site_linking(tmp_path, *urls), dataclasses.replace(settings, concurrency=2))
    assert (lines(report), report.checked, peak[0]) == ([], 6, 2)


def test_a_rerun_answers_successes_from_the_cache(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/moved").respond_with_data(
        "", status=301, headers={"Location": server.url_for("/ok")}
    )
    server.expect_request("/missing").respond_with_data("no", status=404)
    urls = [server.url_for(path) for path in ("/ok", "/moved", "/missing")]
    site, cache = site_linking(tmp_path / "site", *urls), tmp_path / "links.json"
    first = run(site, settings, cache)
    asked = len(server.log)
    second = run(site, settings, cache)
    assert (first.checked, second.checked, second.cached) == (3, 1, 2)
    assert lines(second) == lines(first)  # the redirect is still reported, from the cache
    assert [request.path for request, _ in server.log[asked:]] == ["/missing", "/missing"]
    assert set(json.loads(cache.read_text("utf-8"))) == set(urls[:2])


def test_cached_successes_expire(tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    now = 1_000_000.0
    cache.write_text(
        json.dumps(
            {"https://a.test/": {"checked": now - 7200}, "https://b.test/": {"checked": now}}
        ),
        "utf-8",
    )
    assert set(load_cache(cache, ttl_hours=1, now=now)) == {"https://b.test/"}
    cache.write_text("{not json", "utf-8")
    assert load_cache(cache, ttl_hours=1, now=now) == {}


def test_excluded_addresses_are_not_asked(server: HTTPServer, settings, tmp_path: Path) -> None:
    server.expect_request("/private").respond_with_data("no", status=404)
    settings = dataclasses.replace(settings, exclude=(r"/private$",))
    report = run(site_linking(tmp_path, server.url_for("/private")), settings)
    assert (lines(report), report.excluded, server.log) == ([], 1, [])


def test_only_https_addresses_are_checked_by_default(
    server: HTTPServer, settings, tmp_path: Path
) -> None:
    report = run(
        site_linking(tmp_path, server.url_for("/x")), settings, schemes=frozenset({"https"})
    )
    assert (report.checked, server.log) == (0, [])


def test_the_command_prints_problems_then_counts_and_exits_1(
    server: HTTPServer, tmp_path: Path
) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/missing").respond_with_data("no", status=404)
    site = site_linking(tmp_path / "site", server.url_for("/ok"), server.url_for("/missing"))
    config = tmp_path / "links.yml"
    config.write_text("timeout: 2\nretries: 0\ntrust_env: false\n", "utf-8")
    args = ["check-links", "--allow-http", "--links-config", str(config)]
    result = run_pipeline(*args, "--cache", str(tmp_path / "cache.json"), cwd=site)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "asking 2 external addresses over the network, 8 at a time (0 answered from the cache) ...",
        "2 external links checked, 0 from the cache, 0 excluded",
        (
            f"docs/index.md:7: error: '{server.url_for('/missing')}' is broken (404 Not Found); "
            "fix or remove the link"
        ),
        "1 error, 0 warnings in 1 file",
    ]


def test_unusable_link_settings_are_a_usage_error(tmp_path: Path) -> None:
    site = site_linking(tmp_path / "site", "https://example.com/")
    config = tmp_path / "links.yml"
    config.write_text("timeout: soon\nexclude: ['(']\n", "utf-8")
    result = run_pipeline("check-links", "--links-config", str(config), cwd=site)
    assert result.returncode == 2
    assert "links.yml:1: error: 'timeout' must be a number of at least 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_addresses_are_found_in_pages_front_matter_templates_and_copyright() -> None:
    places = {
        (place.path, place.url) for place in external_urls(ROOT, ROOT / "mkdocs.yml", {"https"})
    }
    assert ("docs/index.md", "https://unsplash.com/@nicolebaster") in places  # photographerUrl
    assert ("overrides/partials/mdx-hero.html", "https://unsplash.com") in places
    assert ("mkdocs.yml", "https://unsplash.com/@nicolebaster") in places  # the copyright
    assert all(url.startswith("https://") for _, url in places)


@pytest.fixture(name="trickling_server")
def fixture_trickling_server() -> Iterator[str]:
    """A server that answers every request with a header line every 0.1 s for
    30 s: never slower than a read timeout, not done for far longer than the
    deadline (without one, the check would take those 30 s)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def trickle(connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            connection.recv(4096)
            connection.sendall(b"HTTP/1.1 200 OK\r\n")
            ends = time.monotonic() + 30
            while not stop.wait(0.1) and time.monotonic() < ends:
                connection.sendall(b"X-Still-Coming: yes\r\n")

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = listener.accept()
                threading.Thread(target=trickle, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/trickle"
    stop.set()
    listener.close()


def test_a_server_that_trickles_its_answer_is_given_up_at_the_deadline(
    trickling_server: str, settings, tmp_path: Path
) -> None:
    """The timeout is for the whole request, not for each read."""
    started = time.monotonic()
    report = run(site_linking(tmp_path, trickling_server), settings)
    assert time.monotonic() - started < 10  # the deadline (0.5 s), with room for a busy machine
    assert lines(report) == [
        (
            f"docs/index.md:6: warning: '{trickling_server}' could not be verified (no "
            "answer within 0.5 s); open it in a browser to confirm it works"
        )
    ]
