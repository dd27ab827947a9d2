"""The deterministic parts of `make bench`: the gzip server, the plain-Material
twin, the generated letter site, page selection, Lighthouse's command and
report reading, the tables, and one measured load in Chromium. No timings."""

from __future__ import annotations

import gzip
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts import data_files
from scripts.bench import browser as bench_browser
from scripts.bench import lighthouse, report
from scripts.bench.__main__ import chosen_pages
from scripts.bench.many_letters import make_many_letters
from scripts.bench.measure_shapes import CHECK_SIZES, PAGE, first_words, project_with_page
from scripts.bench.plain import make_plain_site, without_keys
from scripts.bench.server import GzipHandler, base_url, serve_gzip
from scripts.bench.shapes import ACCEPTED, REFUSED
from scripts.render.mkdocs_build import build_into
from scripts.validate.docs import docs_problems
from tests.helpers import ROOT

SETTINGS = data_files.load("bench.yml")


def fetch(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip, deflate"} if gzip_ok else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture(name="static")
def fixture_static(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<p>" + "home " * 200 + "</p>", "utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", "utf-8")
    (tmp_path / "tips").mkdir()
    (tmp_path / "tips" / "index.html").write_text("<p>tips</p>", "utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG fake")
    return tmp_path


def test_the_server_gzips_text_for_browsers_that_accept_it(static: Path) -> None:
    with serve_gzip(static) as server:
        status, headers, body = fetch(base_url(server) + "/")
        assert (status, headers["Content-Encoding"]) == (200, "gzip")
        assert gzip.decompress(body) == (static / "index.html").read_bytes()
        assert len(body) < (static / "index.html").stat().st_size
        status, headers, body = fetch(base_url(server) + "/", gzip_ok=False)
        assert "Content-Encoding" not in headers
        assert body == (static / "index.html").read_bytes()


def test_the_server_sends_images_as_they_are(static: Path) -> None:
    with serve_gzip(static) as server:
        _, headers, body = fetch(base_url(server) + "/photo.png")
    assert "Content-Encoding" not in headers and body == b"\x89PNG fake"


def test_the_server_answers_a_missing_page_with_404_html(static: Path) -> None:
    with serve_gzip(static) as server:
        status, _, body = fetch(base_url(server) + "/nowhere/")
    assert status == 404 and gzip.decompress(body) == b"<p>not here</p>"


def test_the_server_redirects_a_folder_to_its_slash_and_counts_every_byte(static: Path) -> None:
    with serve_gzip(static) as server:
        status, _, body = fetch(base_url(server) + "/tips")  # followed to /tips/
        answered = server.take_answers()
    assert status == 200 and gzip.decompress(body) == b"<p>tips</p>"
    # each answer is counted by the thread that sent it, in whatever order they end
    assert sorted((answer.path, answer.status) for answer in answered) == [
        ("/tips", 301),
        ("/tips/", 200),
    ]
    page = next(answer for answer in answered if answer.path == "/tips/")
    assert page.bytes > len(body)  # headers and body
    assert server.take_answers() == []


def test_an_answer_is_counted_before_the_client_can_have_it(
    static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The redirect's thread pauses once its headers are out (a busy machine):
    # the client follows it meanwhile, and must find it counted all the same.
    sent_headers = GzipHandler.end_headers

    def end_headers_then_pause(handler: GzipHandler) -> None:
        sent_headers(handler)
        if handler.path == "/tips":
            time.sleep(0.5)

    monkeypatch.setattr(GzipHandler, "end_headers", end_headers_then_pause)
    with serve_gzip(static) as server:
        fetch(base_url(server) + "/tips")
        answered = server.take_answers()
    assert sorted(answer.status for answer in answered) == [200, 301]


def test_without_keys_drops_only_the_front_matter_key() -> None:
    page = "---\ntitle: T\ntemplate: mdx-letters.html\ntags:\n  - a\n---\n\ntemplate: kept\n"
    assert (
        without_keys(page, ("template",)) == "---\ntitle: T\ntags:\n  - a\n---\n\ntemplate: kept\n"
    )


@pytest.fixture(name="plain_site", scope="module")
def fixture_plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plain")
    config_file = make_plain_site(ROOT, root)
    assert build_into(config_file, root / "site", finish=False), (
        "the plain twin must build strictly"
    )
    return root


def test_the_plain_twin_is_material_without_our_extras(plain_site: Path) -> None:
    config = (plain_site / "mkdocs.yml").read_text("utf-8")
    for ours in ("custom_dir", "extra_css", "extra_javascript", "tags", "features"):
        assert ours not in config
    assert "font: false" in config
    assert "template:" not in (plain_site / "docs" / "letters" / "index.md").read_text("utf-8")


def test_the_plain_twin_has_every_page_type_and_none_of_our_code(plain_site: Path) -> None:
    for page in SETTINGS["pages"]:
        url = page["url"].strip("/")
        built = plain_site / "site" / url
        html = (built if built.suffix else built / "index.html").read_text("utf-8")
        assert "javascripts/letter" not in html and "stylesheets/extra" not in html, url


def test_the_generated_letter_site_is_valid(tmp_path: Path) -> None:
    make_many_letters(ROOT, tmp_path, 3)
    assert sorted(path.name for path in (tmp_path / "docs" / "letters").iterdir()) == [
        "example-0001.md",
        "example-0002.md",
        "example-0003.md",
    ]
    assert docs_problems(tmp_path) == []


@pytest.mark.parametrize("size", CHECK_SIZES, ids=lambda size: f"{size // 1000}KB")
def test_each_shape_is_about_the_size_it_is_timed_at(size: int) -> None:
    for name, make in {**REFUSED, **ACCEPTED}.items():
        assert 0.8 * size <= len(make(size)) <= size + 10, name


def test_a_shape_is_timed_on_the_project_with_the_page_in_its_nav(tmp_path: Path) -> None:
    root = project_with_page(tmp_path, ACCEPTED["paragraphs of links"](10_000))
    assert (root / "docs" / PAGE).is_file()
    assert PAGE in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert docs_problems(root) == []


def test_what_a_timed_command_said_is_its_status_and_first_message() -> None:
    said = subprocess.CompletedProcess([], 1, "docs/a.md:3: error: " + "x" * 70 + "\n", "")
    assert first_words(said) == "exit 1: " + "x" * 60 + "…"
    crashed = subprocess.CompletedProcess([], 1, "", "Traceback (most recent call last):\n")
    assert first_words(crashed) == "exit 1: TRACEBACK"


def test_pages_are_chosen_by_url_or_name_and_unknown_ones_refused() -> None:
    pages = SETTINGS["pages"]
    chosen = chosen_pages("/tips/, FAQ", pages)
    assert [page["url"] for page in chosen] == ["/tips/", "/faq/"]
    assert chosen_pages("", pages) == pages
    with pytest.raises(ValueError, match="unknown page type /nope/"):
        chosen_pages("/nope/", pages)


def test_lighthouse_runs_only_on_local_urls() -> None:
    with pytest.raises(lighthouse.LighthouseError, match="local URLs only"):
        lighthouse.run_lighthouse("https://example.org/", SETTINGS, ROOT)


def test_lighthouse_blocks_the_photo_and_resolves_no_other_host(tmp_path: Path) -> None:
    command = lighthouse.command("http://127.0.0.1:1/", tmp_path / "r.json", SETTINGS)
    assert "--blocked-url-patterns=*images.unsplash.com*" in command
    flags = next(part for part in command if part.startswith("--chrome-flags="))
    assert "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" in flags
    assert "--no-enable-error-reporting" in command


def lighthouse_report(performance: float | None) -> dict:
    def audit(value: float) -> dict:
        return {"numericValue": value}

    return {
        "categories": {
            "performance": {"score": performance},
            "accessibility": {"score": 1},
            "best-practices": {"score": 0.96},
            "seo": {"score": 1},
        },
        "audits": {
            "largest-contentful-paint": audit(1234.5),
            "total-blocking-time": audit(40.4),
            "cumulative-layout-shift": audit(0.0123),
            "network-requests": {
                "details": {
                    "items": [
                        {"url": "http://127.0.0.1:9/"},
                        {"url": "https://images.unsplash.com/photo"},
                        {"url": "data:image/png;base64,AAAA"},
                    ]
                }
            },
        },
    }


def test_a_lighthouse_report_is_read_into_scores_and_metrics() -> None:
    run = lighthouse.run_from_report(lighthouse_report(0.98), SETTINGS)
    assert run == lighthouse.Run(98, 100, 96, 100, 1.234, 40, 0.012, 1)


def test_a_failed_lighthouse_run_is_an_error_not_a_score() -> None:
    broken = lighthouse_report(None) | {"runtimeError": {"message": "NO_FCP"}}
    with pytest.raises(lighthouse.LighthouseError, match="NO_FCP"):
        lighthouse.run_from_report(broken, SETTINGS)


def test_the_summary_gives_median_and_range() -> None:
    summary = report.lighthouse_summary(
        [{field: value for _, field, _ in report.LIGHTHOUSE_ROWS} for value in (3, 1, 2)]
    )
    assert summary["performance"] == {"median": 2, "min": 1, "max": 3}
    assert report.spread(summary["lcp_s"], 2) == "2.00 (1.00-3.00)"
    assert report.spread({"median": 1, "min": 1, "max": 1}, 0) == "1"
    assert report.ratio(0, 5) == "-" and report.ratio(4, 5) == "1.25x"


def test_markdown_tables_line_up() -> None:
    table = report.markdown_table(("", "a"), [("row", "1"), ("longer row", "22")])
    assert table.splitlines() == [
        "|            | a  |",
        "|------------|----|",
        "| row        | 1  |",
        "| longer row | 22 |",
    ]


@pytest.mark.browser
def test_a_load_counts_local_requests_and_aborts_third_party_ones(browser, tmp_path: Path) -> None:
    page = '<html lang="en"><title>x</title><main><img alt="p" src="{src}"></main></html>'
    (tmp_path / "index.html").write_text(page.format(src="/a.png"), "utf-8")
    (tmp_path / "third").mkdir()
    (tmp_path / "third" / "index.html").write_text(
        page.format(src="https://images.unsplash.com/photo-1"), "utf-8"
    )
    (tmp_path / "a.png").write_bytes(b"\x89PNG")
    axe = (ROOT / bench_browser.AXE_SCRIPT).read_text("utf-8")
    with serve_gzip(tmp_path) as server:
        local = bench_browser.load_page(browser, server, "/", "phone", "light", SETTINGS, axe)
        third = bench_browser.load_page(
            browser, server, "/third/", "desktop", "dark", SETTINGS, axe
        )
    assert (local.requests, local.third_party) == (2, [])
    assert local.bytes > len(page) // 2 and isinstance(local.axe, list)
    assert third.requests == 1
    assert third.third_party == ["https://images.unsplash.com/photo-1"]


@pytest.mark.browser
def test_a_page_still_being_read_has_not_run_its_scripts(page) -> None:
    """Right after a navigation commits, the page's mark may not be parsed
    yet: wait_for_scripts must keep waiting then, not take the missing mark
    for a page without scripts (nor fail on a document with no <html> yet)."""
    page.goto("about:blank")
    page.evaluate("() => { document.open(); }")  # readyState "loading", no element
    assert page.evaluate(bench_browser.SCRIPTS_RAN) is False
    page.evaluate("() => { document.write('<p>plain'); document.close(); }")
    assert page.evaluate(bench_browser.SCRIPTS_RAN) is True
