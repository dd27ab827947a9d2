"""`make serve`: the check runs again on every change, its result is printed
and shown in a banner on the served pages (never in a built site), and a
busy or bad port is one clear line with exit status 2."""

from __future__ import annotations

import contextlib
import os
import queue
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import data_files
from scripts.serve.dev_server import (
    BANNER_START,
    Address,
    ServeError,
    banner_html,
    forget_data,
    parse_address,
    with_banner,
)
from scripts.validate import front_matter
from tests.helpers import ROOT, copy_project, run_pipeline

WAIT = 30.0  # seconds: generous, as this is behaviour, not timing (see make measure-serve)
PAGE = "<html><body><p>Text</p></body></html>"


def test_the_banner_goes_before_the_end_of_the_body_and_is_replaced() -> None:
    once = with_banner(PAGE, banner_html("2 problems in docs/: see the terminal"))
    assert once.index(BANNER_START) < once.index("</body>")
    assert ">2 problems in docs/: see the terminal<" in once
    twice = with_banner(once, banner_html("1 problem in docs/: see the terminal"))
    assert twice.count(BANNER_START) == 1 and "2 problems" not in twice
    assert with_banner(twice, banner_html(None)) == PAGE


@pytest.mark.parametrize("value", ["127.0.0.1:abc", "127.0.0.1:0", "127.0.0.1:70000", "8000x"])
def test_a_bad_port_is_refused(value: str) -> None:
    with pytest.raises(ServeError, match="PORT must be a number from 1 to 65535"):
        parse_address(value)


def test_an_address_is_host_and_port() -> None:
    assert parse_address("127.0.0.1:8123") == Address("127.0.0.1", 8123)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_busy_port_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_pipeline("serve", "--dev-addr", f"127.0.0.1:{port}", cwd=project)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        (
            f"error: port {port} on 127.0.0.1 is already in use (another `make serve`?); "
            "use another: make serve PORT=8001"
        )
    ]


class Server:
    """`python -m scripts serve` on a copy of the project, its output collected."""

    def __init__(self, project: Path, env: dict[str, str] | None = None) -> None:
        self.project, self.port = project, free_port()
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        command = [sys.executable, "-u", "-m", "scripts", "serve", "--root", str(project)]
        command += ["--dev-addr", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r}; got {self.seen}")

    def page(self, path: str = "tips/") -> str:
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")

    def wait_for_page(self, banner: bool) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            html = self.page()
            if ("data-mdx-dev-banner" in html) == banner:
                return html
            time.sleep(0.1)
        raise AssertionError(f"the banner is {'missing' if banner else 'still there'}")

    def stop(self) -> int:
        self.process.terminate()
        status = self.process.wait(timeout=20)
        self.reader.join(timeout=5)
        self.process.stdout.close()
        return status


@pytest.fixture(name="server", scope="module")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = Server(copy_project(tmp_path_factory.mktemp("serve")))
    try:
        server.wait_for_line("Serving on")
        yield server
    finally:
        server.stop()


def test_serving_checks_at_start_and_shows_no_banner_when_valid(server: Server) -> None:
    assert "docs/ is valid ✅" in server.seen
    assert "data-mdx-dev-banner" not in server.page()


def test_a_misspelt_field_is_reported_then_cleared(server: Server) -> None:
    page = server.project / "docs" / "letters" / "billing-error.md"
    good = page.read_text("utf-8")
    page.write_text(good.replace("\nsituation:", "\nsituaton:", 1), "utf-8")
    line = server.wait_for_line("unknown field 'situaton'")
    assert line == (
        "docs/letters/billing-error.md:4: error: unknown field 'situaton'; "
        "did you mean 'situation'?"
    )
    html = server.wait_for_page(banner=True)
    assert "2 problems in docs/: see the terminal" in html
    page.write_text(good, "utf-8")
    server.wait_for_line("docs/ is valid ✅")
    server.wait_for_page(banner=False)


@pytest.mark.parametrize(
    ("path", "status"), [("%00", 400), ("tips/%00/", 400), ("a%ff%fe/", 404), ("%2500", 404)]
)
def test_an_odd_address_gets_a_status_not_a_traceback(
    server: Server, path: str, status: int
) -> None:
    with pytest.raises(urllib.error.HTTPError) as answer:
        server.page(path)
    answer.value.close()
    assert answer.value.code == status
    server.page()  # the server answers the next request as it did
    assert not [line for line in server.seen if "Traceback" in line]
    while not server.lines.empty():
        assert "Traceback" not in server.lines.get()


def test_each_check_reads_the_data_files_again() -> None:
    """An edit to scripts/data/ (a new tag, say) counts at the next check."""
    data_files.tags()
    front_matter.validator_for("page")
    forget_data()
    assert data_files.load.cache_info().currsize == 0
    assert front_matter.validator_for.cache_info().currsize == 0


def test_the_built_site_never_has_the_banner(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert pages and not [page for page in pages if "mdx-dev-banner" in page.read_text("utf-8")]


def test_terminating_the_server_removes_its_temporary_site(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    server = Server(copy_project(tmp_path / "project"), {**os.environ, "TMPDIR": str(temporary)})
    server.wait_for_line("Serving on")
    assert [path.name[:10] for path in temporary.iterdir()] == ["mdx-serve-"]
    status = server.stop()
    printed = "\n".join([*server.seen, *iter_queue(server.lines)])
    assert status == 0, printed
    assert list(temporary.iterdir()) == []
    assert "Traceback" not in printed


def iter_queue(lines: queue.Queue[str]) -> list[str]:
    items = []
    while not lines.empty():
        items.append(lines.get())
    return items


# ---------------------------------------------------------------- stopping


def port_is_free(port: int) -> bool:
    """Nothing listens on port, and a new server could bind it at once."""
    with socket.socket() as client:
        if client.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as `make serve` binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def stop_make_serve(
    tmp_path: Path, rng: random.Random, signals: tuple[int, ...] = (signal.SIGTERM,)
) -> dict:
    """`make serve` in its own process group, sent one of signals (to the whole
    group, as a terminal or a process manager does) at a random moment after
    it starts serving, then a few more; what it printed, how long the port
    stayed taken after the first, and what is left of its temporary folders."""
    port = free_port()
    temporary = tmp_path / f"tmp-{port}"
    temporary.mkdir()
    make = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    output: dict[str, list[str]] = {"stdout": [], "stderr": []}
    readers = [
        threading.Thread(target=lambda s=s, n=n: output[n].extend(s), daemon=True)
        for s, n in ((make.stdout, "stdout"), (make.stderr, "stderr"))
    ]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + WAIT * 2
    while not any("Serving on" in line for line in output["stderr"]):
        assert time.monotonic() < deadline and make.poll() is None, output
        time.sleep(0.05)
    time.sleep(rng.uniform(0, 2.0))
    first = time.monotonic()
    for _ in range(rng.randint(1, 4)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(make.pid, rng.choice(signals))
        time.sleep(rng.uniform(0, 0.3))
    while not port_is_free(port) and time.monotonic() - first < 10:
        time.sleep(0.02)
    freed = time.monotonic() - first
    make.wait(timeout=20)
    for reader in readers:
        reader.join(timeout=5)
    make.stdout.close()
    make.stderr.close()
    return {
        "freed": freed,
        "stderr": "".join(output["stderr"]),
        "stdout": "".join(output["stdout"]),
        "left": list(temporary.iterdir()),
    }


# Two rounds keep the suite quick; SERVE_STOP_ROUNDS=12 runs the twelve of CONTRIBUTING.md.
STOP_ROUNDS = int(os.environ.get("SERVE_STOP_ROUNDS", "2"))


@pytest.mark.parametrize("seed", range(1, STOP_ROUNDS + 1))
def test_make_serve_stops_cleanly_on_any_number_of_signals(tmp_path: Path, seed: int) -> None:
    signals = (signal.SIGTERM,) if seed % 2 else (signal.SIGTERM, signal.SIGINT)
    stopped = stop_make_serve(tmp_path, random.Random(seed), signals)
    assert "Traceback" not in stopped["stderr"] + stopped["stdout"]
    assert stopped["freed"] < 3.0
    assert "stopped" in stopped["stdout"]
    assert stopped["left"] == []
