"""The guide's build pipeline: `python -m scripts check|build|serve`.

check  validate every page of docs/ (front matter, links, images, letters)
build  check, then render with MkDocs --strict into site/ (atomically)
serve  check, then serve with live reload on http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from scripts.build import build_into
from scripts.check import check_site
from scripts.problems import ERROR, count, summary

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["check", "build", "serve"])
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)"
    )
    parser.add_argument("--config-file", type=Path, help="mkdocs.yml (default: ROOT/mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="build output (default: ROOT/site)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve address")
    return parser.parse_args(argv)


def run_check(root: Path, config_file: Path) -> int:
    problems = check_site(root, config_file)
    for problem in problems:
        print(problem)
    if not problems:
        print("docs/ is valid ✅")
        return EXIT_OK
    print(summary(problems))
    return EXIT_PROBLEMS if count(problems, ERROR) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    root = args.root.resolve()
    config_file = (args.config_file or root / "mkdocs.yml").resolve()
    if not config_file.is_file():
        print(f"error: no MkDocs configuration at {config_file}", file=sys.stderr)
        return EXIT_USAGE
    try:
        status = run_check(root, config_file)
    except MkDocsException as exc:
        print(f"{config_file.relative_to(root)}:1: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
        "--config-file",
        str(config_file),
        "--dev-addr",
        dev_addr,
    ]
    os.execv(sys.executable, command)
    return EXIT_OK  # not reached


if __name__ == "__main__":
    sys.exit(main())
