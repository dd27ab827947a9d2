"""python -m scripts.bench [--runs N] [--pages URL,URL] [--build-repeats N] [--letters N]

Builds this site and the same pages with plain Material, serves both on
127.0.0.1 with gzip, measures every page type (weight, Lighthouse, axe-core,
the Nu HTML checker's errors), prints a summary and one table per page type
and writes the figures to .bench/<time>.json and .bench/latest.json.
Progress goes to stderr, the tables to stdout. The machine's load average is
recorded at the start and the end, and warned about when it is not quiet.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import data_files
from scripts.bench import browser, lighthouse, nu, report
from scripts.bench.build_time import build_times, validation_times
from scripts.bench.plain import make_plain_site
from scripts.bench.server import AnsweringServer, base_url, serve_gzip
from scripts.render.mkdocs_build import build_into

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROJECT = Path(__file__).resolve().parents[2]


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str], settings: dict) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__)
    parser.add_argument(
        "--runs",
        type=int,
        default=settings["lighthouse_runs"],
        help="Lighthouse runs per page and site; 0 skips Lighthouse (default: %(default)s)",
    )
    parser.add_argument(
        "--pages", default="", help="comma-separated URLs or names of page types (default: all)"
    )
    parser.add_argument(
        "--build-repeats",
        type=int,
        default=settings["build_repeats"],
        help="runs of each build command; 0 skips build timing (default: %(default)s)",
    )
    parser.add_argument(
        "--letters",
        type=int,
        default=settings["letter_pages"],
        help="letter pages to time the validator on; 0 skips it (default: %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=PROJECT / ".bench", help="where JSON goes")
    return parser.parse_args(argv)


def chosen_pages(wanted: str, pages: list[dict]) -> list[dict]:
    """The page types named in wanted (URLs or names); ValueError for an unknown one."""
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    if not names:
        return pages
    by_key = {page["url"]: page for page in pages} | {page["name"]: page for page in pages}
    unknown = [name for name in names if name not in by_key]
    if unknown:
        known = ", ".join(page["url"] for page in pages)
        raise ValueError(f"unknown page type {', '.join(unknown)}; choose from {known}")
    return list({by_key[name]["url"]: by_key[name] for name in names}.values())


def missing_tools(settings: dict) -> list[str]:
    needed = {
        settings["chromium"]: "apt-get install -y chromium",
        str(PROJECT / lighthouse.LIGHTHOUSE): "npm ci",
        str(PROJECT / browser.AXE_SCRIPT): "npm ci",
    }
    return [f"{path} is missing: {fix}" for path, fix in needed.items() if not Path(path).exists()]


def build_both(folder: Path) -> dict[str, Path]:
    """This site and its plain-Material twin, built under folder."""
    progress("building this site (scripts.render.mkdocs_build.build_into)")
    if not build_into(PROJECT / "mkdocs.yml", folder / "site"):
        raise RuntimeError("this site does not build; run `make build` to see why")
    progress("building the same pages with plain Material")
    plain_config = make_plain_site(PROJECT, folder / "plain-src")
    if not build_into(plain_config, folder / "plain", finish=False):
        raise RuntimeError("the plain Material twin does not build (see above)")
    return {"plain": folder / "plain", "site": folder / "site"}


def measure_loads(
    servers: dict[str, AnsweringServer], pages: list[dict], settings: dict
) -> dict[str, dict]:
    """Every page at every width and scheme on both sites: weight and axe-core."""
    from playwright.sync_api import sync_playwright

    axe_source = (PROJECT / browser.AXE_SCRIPT).read_text(encoding="utf-8")
    loads: dict[str, dict] = {}
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright, settings)
        for page in pages:
            loads[page["url"]] = {name: {} for name in report.SITES}
            for name in report.SITES:
                for viewport in settings["viewports"]:
                    for scheme in settings["schemes"]:
                        key = f"{viewport} {scheme}"
                        progress(f"browser: {name} {page['url']} {key}")
                        load = browser.load_page(
                            chromium,
                            servers[name],
                            page["url"],
                            viewport,
                            scheme,
                            settings,
                            axe_source,
                        )
                        loads[page["url"]][name][key] = load.as_dict()
        chromium.close()
    return loads


def measure_lighthouse(
    servers: dict[str, AnsweringServer], pages: list[dict], runs: int, settings: dict
) -> dict[str, dict]:
    """runs Lighthouse runs of every page on both sites, alternating sites so a
    busy moment of the machine weighs on both alike."""
    results = {
        page["url"]: {name: {"runs": [], "errors": []} for name in report.SITES} for page in pages
    }
    total, done = len(pages) * runs * len(report.SITES), 0
    for page in pages:
        for run in range(1, runs + 1):
            for name in report.SITES:
                done += 1
                url = base_url(servers[name]) + page["url"]
                progress(f"lighthouse {done}/{total}: {name} {page['url']} run {run}/{runs}")
                entry = results[page["url"]][name]
                try:
                    result = lighthouse.run_lighthouse(url, settings, PROJECT)
                except (lighthouse.LighthouseError, subprocess.TimeoutExpired) as exc:
                    progress(f"  failed: {exc}")
                    entry["errors"].append(str(exc))
                    continue
                progress(
                    f"  performance {result.performance:.0f}, LCP {result.lcp_s:.2f} s, "
                    f"TBT {result.tbt_ms:.0f} ms, CLS {result.cls:.3f}"
                )
                entry["runs"].append(result.as_dict())
    for per_site in results.values():
        for entry in per_site.values():
            entry["summary"] = report.lighthouse_summary(entry["runs"])
    return results


def tool_version(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "missing"


def package_version(name: str) -> str:
    package = PROJECT / "node_modules" / name / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def warn_if_busy(moment: str, load: list[float], settings: dict) -> None:
    if load[0] > settings["quiet_load_average"]:
        progress(
            f"warning: load average {load[0]:.2f} at the {moment} (quiet is below "
            f"{settings['quiet_load_average']}): CPU figures (TBT, LCP) are slowed by other work"
        )


def machine(settings: dict) -> dict[str, object]:
    return {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": load_average(),
        "python": platform.python_version(),
        "chromium": tool_version([settings["chromium"], "--version"]),
        "node": tool_version(["node", "--version"]),
        "lighthouse": package_version("lighthouse"),
        "axe_core": package_version("axe-core"),
    }


def main(argv: list[str] | None = None) -> int:
    settings = data_files.load("bench.yml")
    args = parse_args(sys.argv[1:] if argv is None else argv, settings)
    try:
        pages = chosen_pages(args.pages, settings["pages"])
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    missing = missing_tools(settings)
    if missing:
        print("\n".join(f"error: {line}" for line in missing), file=sys.stderr)
        return EXIT_USAGE
    started = datetime.datetime.now(datetime.UTC)
    warn_if_busy("start", load_average(), settings)
    results: dict = {
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(settings),
        "lighthouse_runs": args.runs,
        "pages": [],
    }
    try:
        results["pages"] = measure_sites(pages, args.runs, settings)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.build_repeats > 0:
        results["build"] = build_times(PROJECT, args.build_repeats, progress)
    if args.letters > 0:
        results["validation"] = validation_times(PROJECT, args.letters, progress)
    results["machine"]["load_average_at_end"] = load_average()
    warn_if_busy("end", results["machine"]["load_average_at_end"], settings)
    print(report.tables(results))
    path = report.write_json(results, args.out, started.strftime("%Y-%m-%dT%H-%M-%SZ"))
    progress(f"figures written to {path} and {path.with_name('latest.json')}")
    return EXIT_OK


def measure_validity(built: dict[str, Path], pages: list[dict]) -> dict[str, dict]:
    """The Nu checker's errors on each page type, per site (None where it cannot run)."""
    why = nu.missing(PROJECT)
    if why:
        progress(f"Nu HTML checker skipped: {why}")
        return {page["url"]: dict.fromkeys(report.SITES) for page in pages}
    counts = {}
    for name in report.SITES:
        progress(f"Nu HTML checker: every page of {name}")
        counts[name] = nu.nu_errors(built[name], PROJECT)
    return {
        page["url"]: {name: counts[name].get(nu.page_file(page["url"])) for name in report.SITES}
        for page in pages
    }


def measure_sites(pages: list[dict], runs: int, settings: dict) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-sites-") as folder:
        built = build_both(Path(folder))
        validity = measure_validity(built, pages)
        with serve_gzip(built["plain"]) as plain, serve_gzip(built["site"]) as site:
            servers = {"plain": plain, "site": site}
            loads = measure_loads(servers, pages, settings)
            scores = measure_lighthouse(servers, pages, runs, settings) if runs > 0 else {}
    return [
        {
            **page,
            "loads": loads[page["url"]],
            "lighthouse": scores.get(page["url"]),
            "nu_errors": validity[page["url"]],
        }
        for page in pages
    ]


if __name__ == "__main__":
    sys.exit(main())
