"""The guide's build pipeline: `python -m scripts COMMAND`.

check        validate every page of docs/ (front matter, links, images, letters)
build        check, then render with MkDocs --strict into site/ (atomically)
serve        check, then serve with live reload on http://127.0.0.1:8000
check-links  check every external https link of docs/ for real (needs the network)
new-letter   scaffold docs/letters/SLUG.md and list it in the nav and letters index
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from scripts.build import build_into
from scripts.check import check_site
from scripts.link_settings import SETTINGS_FILE, load_settings
from scripts.new_letter import LetterError, create_letter
from scripts.problems import ERROR, Problem, count, summary
from scripts.site_config import ConfigProblems, site_config
from scripts.site_files import display_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["check", "build", "serve", "check-links", "new-letter"])
    parser.add_argument("slug", nargs="?", help="new-letter: the page's name, e.g. late-delivery")
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)"
    )
    parser.add_argument("--config-file", type=Path, help="mkdocs.yml (default: ROOT/mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="build output (default: ROOT/site)")
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
    return print_problems(check_site(root, config_file), "docs/ is valid ✅")


def run_check_links(args: argparse.Namespace, root: Path, config_file: Path) -> int:
    # Imported here: the HTTP client is a tenth of `make check`'s start-up time.
    from scripts.linkcheck import check_external_links

    settings_file = (args.links_config or SETTINGS_FILE).resolve()
    settings = load_settings(settings_file, display_path(settings_file, root))
    cache = None if args.no_cache else (args.cache or root / ".cache" / "links.json")
    schemes = frozenset({"https", "http"} if args.allow_http else {"https"})
    report = check_external_links(root, config_file, settings, cache, schemes)
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


def run(args: argparse.Namespace, root: Path, config_file: Path) -> int:
    if args.command == "check-links":
        return run_check_links(args, root, config_file)
    if args.command == "new-letter":
        return run_new_letter(args, root, config_file)
    status = run_check(root, config_file)
    if args.command == "check":
        return status
    if args.command == "build":
        return build(config_file, args.site_dir or root / "site", status)
    return serve(config_file, args.dev_addr, status)


def build(config_file: Path, site_dir: Path, status: int) -> int:
    if status != EXIT_OK:
        print(f"build stopped: fix the errors above; {site_dir.name}/ was left as it was")
        return status
    if not build_into(config_file, site_dir):
        print(f"error: mkdocs build failed (see above); {site_dir.name}/ was left as it was")
        return EXIT_PROBLEMS
    print(f"site built into {site_dir}")
    return EXIT_OK


def serve(config_file: Path, dev_addr: str, status: int) -> int:
    if status != EXIT_OK:
        print("serving anyway so you can see your draft; `make build` will refuse it")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "--watch-theme",
        "--config-file",
        str(config_file),
        "--dev-addr",
        dev_addr,
    ]
    os.execv(sys.executable, command)
    return EXIT_OK  # not reached


if __name__ == "__main__":
    sys.exit(main())
