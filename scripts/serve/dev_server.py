"""`make serve`: MkDocs' live-reloading server, with our check run again on
every change to docs/, mkdocs.yml, scripts/data/ or overrides/.

Each rebuild checks first, prints the problems (or "docs/ is valid") in the
terminal, regenerates our assets, renders the site into a temporary folder,
then marks every served page with a small banner while there are problems.
The banner is written only into that temporary folder: `make build` never
runs this code, so it never reaches a published page.
"""

from __future__ import annotations

import errno
import logging
import shutil
import signal
import socket
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from scripts import data_files
from scripts.apology import engine as checker_engine
from scripts.data_files import DataFileProblem
from scripts.problems import Problem, summary
from scripts.project.config import ConfigProblems, site_config
from scripts.project.files import display_path
from scripts.render.assets import assets_for
from scripts.render.bundles import BundleError
from scripts.validate import front_matter
from scripts.validate.docs import docs_problems

BANNER_START, BANNER_END = "<!-- mdx-dev-banner -->", "<!-- /mdx-dev-banner -->"
BANNER_FILE = data_files.DATA_DIR / "dev-banner.html"
# MkDocs polls the watched folders (0.5 s by default); ours are small, so
# polling twice as often costs little and halves the wait after a save.
POLL_SECONDS = 0.25


class ServeError(Exception):
    """The server cannot start (a usage error: exit 2); the message says why and what to do."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def parse_address(dev_addr: str) -> Address:
    host, _, port = dev_addr.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ServeError(
            f"PORT must be a number from 1 to 65535, not '{port}': make serve PORT=8001"
        )
    return Address(host or "127.0.0.1", int(port))


def ensure_port_free(address: Address) -> None:
    """One clear line, not a traceback, when the port is taken."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            probe.bind((address.host, address.port))
        except OSError as exc:
            raise ServeError(port_message(address, exc)) from exc


def port_message(address: Address, exc: OSError) -> str:
    other = 8001 if address.port != 8001 else 8002
    if exc.errno == errno.EADDRINUSE:
        why = "is already in use (another `make serve`?)"
    else:
        why = f"cannot be used ({exc.strerror})"
    return f"port {address.port} on {address.host} {why}; use another: make serve PORT={other}"


def banner_text(problems: list[Problem], where: str) -> str:
    count = len(problems)
    return f"{count} problem{'' if count == 1 else 's'} in {where}: see the terminal"


def banner_html(text: str | None) -> str:
    """The banner's markup (scripts/data/dev-banner.html), or nothing when all is well."""
    if text is None:
        return ""
    template = Template(BANNER_FILE.read_text(encoding="utf-8"))
    return f"{BANNER_START}{template.substitute(message=text)}{BANNER_END}"


def with_banner(html: str, banner: str) -> str:
    """html with any previous banner removed and this one (maybe none) before </body>."""
    start, end = html.find(BANNER_START), html.find(BANNER_END)
    if start != -1 and end != -1:
        html = html[:start] + html[end + len(BANNER_END) :]
    body_end = html.rfind("</body>")
    if not banner or body_end == -1:
        return html
    return html[:body_end] + banner + html[body_end:]


def mark_pages(site_dir: Path, text: str | None) -> None:
    banner = banner_html(text)
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        marked = with_banner(html, banner)
        if marked != html:
            page.write_text(marked, encoding="utf-8")


def forget_data() -> None:
    """scripts/data/ may have changed since the last check: read it again."""
    data_files.load.cache_clear()
    front_matter.validator_for.cache_clear()
    checker_engine.load_rules.cache_clear()


def print_check(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem)
    print(summary(problems) if problems else "docs/ is valid ✅", flush=True)


class DevSite:
    """Builds the served site: check, assets, render, banner."""

    def __init__(self, root: Path, config_file: Path, address: Address, site_dir: Path) -> None:
        self.root, self.config_file, self.site_dir = root, config_file, site_dir
        self.serve_url = f"http://{address}{mount_path(config_file)}"
        self.address = address

    def check(self) -> tuple[str | None, bool]:
        """Run the check and print it: the banner text (None when all is well),
        and whether the site may be rendered at all."""
        forget_data()
        try:
            problems = docs_problems(self.root, self.config_file)
        except ConfigProblems as exc:
            print_check(exc.problems)
            return banner_text(exc.problems, display_path(self.config_file, self.root)), True
        except DataFileProblem as exc:
            print(f"{exc.path}:{exc.line}: error: {exc.message}")
            return "a data file in scripts/data/ cannot be read: see the terminal", False
        except (yaml.YAMLError, OSError, KeyError, TypeError) as exc:
            print(f"scripts/data/: error: a data file cannot be read: {' '.join(str(exc).split())}")
            return "a data file in scripts/data/ cannot be read: see the terminal", True
        print_check(problems)
        renderable = not any(problem.stops_render for problem in problems)
        return (banner_text(problems, "docs/") if problems else None), renderable

    def render(self) -> None:
        assets_for(self.config_file)
        config = load_config(
            str(self.config_file), site_dir=str(self.site_dir), dev_addr=str(self.address)
        )
        config.site_url = self.serve_url
        build(config, serve_url=self.serve_url)

    def __call__(self) -> None:
        """A rebuild; problems in the sources are printed, never raised."""
        text, renderable = self.check()
        try:
            if renderable:
                self.render()
            else:
                print("the site was not rebuilt (see the errors above); still serving the last one")
        except BundleError as exc:
            print_check(exc.problems)
            print("error: the site could not be rebuilt; still serving the last one")
        except (MkDocsException, yaml.YAMLError, OSError) as exc:
            print(f"error: the site could not be rebuilt ({exc}); still serving the last one")
        mark_pages(self.site_dir, text)


class DevServer(LiveReloadServer):
    """MkDocs' server, answering an address no file can have (a NUL byte,
    `GET /%00`; another the file system refuses) with a status, not a traceback."""

    def _serve_request(self, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        if "\x00" in environ.get("PATH_INFO", ""):
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"400 Bad Request: an address cannot hold a NUL character\n"]
        try:
            return super()._serve_request(environ, start_response)
        except (ValueError, OSError):
            return None  # 404 Not Found


def mount_path(config_file: Path) -> str:
    """The path part of site_url, where MkDocs serves the site."""
    try:
        site_url = yaml.safe_load(config_file.read_text(encoding="utf-8")).get("site_url") or "/"
    except (yaml.YAMLError, OSError, AttributeError):
        site_url = "/"
    return urlsplit(site_url).path or "/"


def watched_paths(config: MkDocsConfig, config_file: Path) -> list[Path]:
    """docs/, mkdocs.yml, scripts/data/ and our theme overrides, where they exist."""
    paths = [Path(config["docs_dir"]), config_file, data_files.DATA_DIR]
    if config["theme"].custom_dir:
        paths.append(Path(config["theme"].custom_dir))
    return [path for path in paths if path.exists()]


def quiet_mkdocs_logging() -> None:
    """MkDocs' messages as its own command prints them, without its CLI."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def stop_on_signals() -> None:
    """Ctrl+C or `kill` stops the server once, cleanly: the first signal
    interrupts whatever runs (a wait or a rebuild); the ones after it, such as
    the SIGTERM that make passes on to its child or an impatient second Ctrl+C,
    are ignored, so nothing interrupts the shutdown that frees the port."""

    def interrupt(_signum: int, _frame: object) -> None:
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        raise KeyboardInterrupt

    for number in STOP_SIGNALS:
        signal.signal(number, interrupt)


def quiet_threads_once(stopping: threading.Event) -> None:
    """After the shutdown has begun, a server thread that meets the socket it
    closed (MkDocs' serve thread, started a moment too late) says nothing:
    the shutdown is what it met, not a fault."""
    report = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if not stopping.is_set():
            report(args)

    threading.excepthook = hook


def serve(root: Path, config_file: Path, dev_addr: str) -> None:
    """Serve until Ctrl+C or SIGTERM. ServeError if it cannot start;
    ConfigProblems if mkdocs.yml is unusable at start-up."""
    address = parse_address(dev_addr)
    ensure_port_free(address)
    quiet_mkdocs_logging()
    site_dir = Path(tempfile.mkdtemp(prefix="mdx-serve-"))
    server = None
    stopping = threading.Event()
    quiet_threads_once(stopping)
    stop_on_signals()
    try:
        site = DevSite(root, config_file, address, site_dir)
        config = site_config(config_file, display_path(config_file, root))  # unusable: exit 2
        site()
        server = DevServer(
            builder=site,
            host=address.host,
            port=address.port,
            root=str(site_dir),
            mount_path=mount_path(config_file),
            polling_interval=POLL_SECONDS,
        )
        server.serve_thread.daemon = True  # never keeps the process, and its port, alive
        for path in watched_paths(config, config_file):
            server.watch(str(path))
        print("each change is checked again and the pages reload; Ctrl+C stops", flush=True)
        server.serve()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        for number in STOP_SIGNALS:  # whatever ended the server, no signal interrupts the rest
            signal.signal(number, signal.SIG_IGN)
        stopping.set()
        if server is not None:
            server.shutdown()  # closes the port before anything else
        shutil.rmtree(site_dir, ignore_errors=True)
