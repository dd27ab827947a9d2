"""The guide's build pipeline: `python -m scripts COMMAND`.

check        validate every page of docs/ (front matter, links, images, letters)
build        check, then render with MkDocs --strict into site/ (atomically)
build-zensical  check, then render with Zensical into .site-zensical/
serve        serve with live reload on http://127.0.0.1:8000 (--dev-addr), checking
             docs/ again on every change
check-links  check every external https link of docs/ for real (needs the network)
new-letter   scaffold docs/letters/SLUG.md and add it to the nav (the letters index
             makes its card from there)
check-letter check a draft apology (a file, or - for standard input) against the
             guide's mistakes and tips: `line:col: rule-id: message` per finding
"""

from __future__ import annotations

import signal

from scripts import stopping

if __name__ == "__main__":
    # Loading the pipeline takes seconds on a busy machine: Ctrl+C meanwhile
    # exits with one line, not an import's traceback.
    signal.signal(signal.SIGINT, stopping.exit_at_once)

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from scripts.data_files import DataFileProblem
from scripts.external.settings import SETTINGS_FILE, load_settings
from scripts.problems import ERROR, Problem, count, error, summary
from scripts.project.config import ConfigProblems, site_config
from scripts.project.files import display_path
from scripts.render import output_folder
from scripts.render.bundles import BundleError
from scripts.render.mkdocs_build import MATERIAL_THEME, build_into
from scripts.render.workers import Workers, workers
from scripts.render.zensical_build import ZensicalMissing, zensical_build
from scripts.tools.new_letter import LetterError, create_letter
from scripts.validate.docs import docs_problems

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "command",
        choices=[
            "check",
            "build",
            "build-zensical",
            "serve",
            "check-links",
            "new-letter",
            "check-letter",
        ],
    )
    parser.add_argument(
        "slug",
        nargs="?",
        help="new-letter: the page's name, e.g. late-delivery; check-letter: the draft's file",
    )
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)"
    )
    parser.add_argument("--config-file", type=Path, help="mkdocs.yml (default: ROOT/mkdocs.yml)")
    parser.add_argument(
        "--site-dir", type=Path, help="build output (default: ROOT/site, ROOT/.site-zensical)"
    )
    parser.add_argument(
        "--zensical", type=Path, help="build-zensical: default ROOT/.venv-zensical/bin/zensical"
    )
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve address")
    links = parser.add_argument_group("check-links")
    links.add_argument(
        "--allow-http", action="store_true", help="check http:// links too (local test servers)"
    )
    links.add_argument("--cache", type=Path, help="default: ROOT/.cache/links.json")
    links.add_argument("--no-cache", action="store_true", help="ask about every link again")
    links.add_argument("--links-config", type=Path, help=f"default: {SETTINGS_FILE}")
    return parser.parse_args(argv)


def print_problems(problems: list[Problem], valid: str) -> int:
    """Problems, sorted, then the count; the exit status they call for."""
    for problem in problems:
        print(problem)
    if not problems:
        print(valid)
        return EXIT_OK
    print(summary(problems))
    return EXIT_PROBLEMS if count(problems, ERROR) else EXIT_OK


def run_check(root: Path, config_file: Path) -> int:
    return print_problems(docs_problems(root, config_file), "docs/ is valid ✅")


def run_check_links(args: argparse.Namespace, root: Path, config_file: Path) -> int:
    # Imported here: the HTTP client is a tenth of `make check`'s start-up time.
    from scripts.external.linkcheck import check_external_links

    settings_file = (args.links_config or SETTINGS_FILE).resolve()
    settings = load_settings(settings_file, display_path(settings_file, root))
    cache = None if args.no_cache else (args.cache or root / ".cache" / "links.json")
    schemes = frozenset({"https", "http"} if args.allow_http else {"https"})
    report = check_external_links(
        root, config_file, settings, cache, schemes, announce=lambda line: print(line, flush=True)
    )
    print(report.counts())
    return print_problems(report.problems, "every external link works ✅")


def run_new_letter(args: argparse.Namespace, root: Path, config_file: Path) -> int:
    config = site_config(config_file, display_path(config_file, root))
    try:
        report = create_letter(root, Path(config["docs_dir"]), config_file, args.slug or "")
    except LetterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(report))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "serve":  # the server stops on signals its own way
        return start(args)
    previous = signal.signal(signal.SIGINT, stopping.interrupt_once)  # scripts/stopping.py
    try:
        return start(args)
    except DataFileProblem as exc:  # read by a command that does not check first (check-letter)
        print(error(exc.path, exc.line, exc.message), file=sys.stderr)
        print("data file error: fix the above first; nothing was done", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(stopping.MESSAGE, file=sys.stderr)
        return stopping.EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGINT, previous)  # as it was, for a caller in this process (tests)


def start(args: argparse.Namespace) -> int:
    if args.command == "check-letter":  # needs no site, only the rules
        # Imported here, as the server below: `make build` need neither (V8, livereload).
        from scripts.apology.cli import run_check_letter

        return run_check_letter(args.slug or "")
    root = args.root.resolve()
    config_file = (args.config_file or root / "mkdocs.yml").resolve()
    if not config_file.is_file():
        print(f"error: no MkDocs configuration at {config_file}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return run(args, root, config_file)
    except ConfigProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("configuration error: fix the above first; nothing was done", file=sys.stderr)
        return EXIT_USAGE
    except MkDocsException as exc:
        print(f"{display_path(config_file, root)}:1: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DataFileProblem as exc:
        print(error(exc.path, exc.line, exc.message), file=sys.stderr)
        print("data file error: fix the above first; nothing was done", file=sys.stderr)
        return EXIT_USAGE
    except BundleError as exc:
        status = print_problems(exc.problems, "")
        print("build stopped: fix the bundles above; the built site was left as it was")
        return status


def run(args: argparse.Namespace, root: Path, config_file: Path) -> int:
    if args.command == "check-links":
        return run_check_links(args, root, config_file)
    if args.command == "new-letter":
        return run_new_letter(args, root, config_file)
    if args.command == "serve":
        return run_serve(root, config_file, args.dev_addr)
    if args.command == "check":
        return run_check(root, config_file)
    default_dir = root / ("site" if args.command == "build" else ".site-zensical")
    site_dir = args.site_dir or default_dir
    docs_dir = Path(site_config(config_file, display_path(config_file, root))["docs_dir"])
    refused = output_folder.refusal(
        site_dir, root, config_file, docs_dir, default=site_dir == default_dir
    )
    if refused:
        print(f"error: --site-dir: {refused}; nothing was built or removed", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "build-zensical":
        return build_zensical(args, root, config_file, run_check(root, config_file))
    # Started before the check, which they run beside (scripts/render/workers.py).
    with workers(MATERIAL_THEME, root) as helpers:
        status = run_check(root, config_file)
        return build(config_file, site_dir, status, helpers)


def build(config_file: Path, site_dir: Path, status: int, helpers: Workers | None) -> int:
    if status != EXIT_OK:
        print(f"build stopped: fix the errors above; {site_dir.name}/ was left as it was")
        return status
    if not build_into(config_file, site_dir, workers=helpers):
        print(f"error: mkdocs build failed (see above); {site_dir.name}/ was left as it was")
        return EXIT_PROBLEMS
    print(f"site built into {site_dir}")
    return EXIT_OK


def build_zensical(args: argparse.Namespace, root: Path, config_file: Path, status: int) -> int:
    site_dir = (args.site_dir or root / ".site-zensical").resolve()
    zensical = args.zensical or root / ".venv-zensical" / "bin" / "zensical"
    if status != EXIT_OK:
        print(f"build stopped: fix the errors above; {site_dir.name}/ was left as it was")
        return status
    if not site_dir.is_relative_to(config_file.parent):
        print(f"error: Zensical builds only inside {config_file.parent}", file=sys.stderr)
        return EXIT_USAGE
    try:
        built = zensical_build(zensical, config_file, site_dir)
    except ZensicalMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not built:
        print(f"error: zensical build failed (see above); {site_dir.name}/ may be incomplete")
        return EXIT_PROBLEMS
    print(f"site built with Zensical into {site_dir}")
    return EXIT_OK


def run_serve(root: Path, config_file: Path, dev_addr: str) -> int:
    from scripts.serve import dev_server

    try:
        dev_server.serve(root, config_file, dev_addr)
    except dev_server.ServeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # a signal before the server's own handling began
        print("stopped")
    return EXIT_OK


if __name__ == "__main__":
    status = main()
    # Done: a Ctrl+C from here on changes nothing. Ignored, it is not met by the
    # default action Python restores while it shuts down (killed by SIGINT).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(status)
