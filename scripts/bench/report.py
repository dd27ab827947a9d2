"""The benchmark's figures as tables (Markdown, to paste) and as JSON (to compare runs)."""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable
from pathlib import Path

SITES = ("plain", "site")  # plain Material first, as the tables show them
LIGHTHOUSE_ROWS = (  # (label, Run field, decimals)
    ("Lighthouse performance", "performance", 0),
    ("Lighthouse accessibility", "accessibility", 0),
    ("Lighthouse best practices", "best_practices", 0),
    ("Lighthouse SEO", "seo", 0),
    ("LCP (s)", "lcp_s", 2),
    ("TBT (ms)", "tbt_ms", 0),
    ("CLS", "cls", 3),
    ("third-party requests (blocked)", "third_party_requests", 0),
)


def summarise(values: list[float]) -> dict[str, float] | None:
    """Median and range of the runs that produced a value."""
    values = [value for value in values if not math.isnan(value)]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def lighthouse_summary(runs: list[dict]) -> dict[str, dict | None]:
    return {field: summarise([run[field] for run in runs]) for _, field, _ in LIGHTHOUSE_ROWS}


def number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def spread(summary: dict | None, decimals: int) -> str:
    """`median (min-max)`, or just the value when every run agreed."""
    if summary is None:
        return "n/a"
    median = number(summary["median"], decimals)
    if summary["min"] == summary["max"]:
        return median
    return f"{median} ({number(summary['min'], decimals)}-{number(summary['max'], decimals)})"


def ratio(plain: float | None, site: float | None) -> str:
    if plain is None or site is None or plain == 0:
        return "-"
    return f"{site / plain:.2f}x"


Row = tuple[str, str, str, str]  # label, plain Material, this site, ratio


def weight_rows(loads: dict[str, dict[str, dict]]) -> list[Row]:
    """Bytes and requests of each site, per width, light scheme."""
    rows = []
    for viewport in ("phone", "desktop"):
        key = f"{viewport} light"
        if key not in loads["site"]:
            continue
        plain, site = loads["plain"][key], loads["site"][key]
        width = f"{viewport}"
        rows.append(
            (
                f"transferred KB, {width}",
                f"{plain['bytes'] / 1000:.1f}",
                f"{site['bytes'] / 1000:.1f}",
                ratio(plain["bytes"], site["bytes"]),
            )
        )
        rows.append(
            (
                f"HTML transferred KB, {width}",
                f"{plain.get('html_bytes', 0) / 1000:.1f}",
                f"{site.get('html_bytes', 0) / 1000:.1f}",
                ratio(plain.get("html_bytes"), site.get("html_bytes")),
            )
        )
        rows.append(
            (
                f"requests, {width}",
                str(plain["requests"]),
                str(site["requests"]),
                ratio(plain["requests"], site["requests"]),
            )
        )
    third = {name: len(loads[name][next(iter(loads[name]))]["third_party"]) for name in SITES}
    rows.append(("third-party requests (aborted)", str(third["plain"]), str(third["site"]), "-"))
    return rows


def axe_rows(loads: dict[str, dict[str, dict]]) -> list[Row]:
    rows = []
    for key in loads["site"]:
        plain, site = loads["plain"][key], loads["site"][key]
        rows.append(
            (
                f"axe rules violated, {key}",
                str(len(plain["axe"])),
                str(len(site["axe"])),
                ratio(len(plain["axe"]), len(site["axe"])),
            )
        )
    return rows


def lighthouse_rows(lighthouse: dict[str, dict]) -> list[Row]:
    rows = []
    for label, field, decimals in LIGHTHOUSE_ROWS:
        plain, site = (lighthouse[name]["summary"][field] for name in SITES)
        rows.append(
            (
                label,
                spread(plain, decimals),
                spread(site, decimals),
                ratio(plain and plain["median"], site and site["median"]),
            )
        )
    return rows


def nu_rows(errors: dict | None) -> list[Row]:
    if not errors:
        return []
    shown = {name: "n/a" if errors.get(name) is None else str(errors[name]) for name in SITES}
    return [("Nu HTML checker errors", shown["plain"], shown["site"], "-")]


def page_table(page: dict) -> str:
    rows = weight_rows(page["loads"])
    if page.get("lighthouse"):
        rows += lighthouse_rows(page["lighthouse"])
    rows += nu_rows(page.get("nu_errors"))
    rows += axe_rows(page["loads"])
    lines = [
        f"### {page['name']} `{page['url']}`",
        "",
        markdown_table(("", "plain Material", "this site", "ratio"), rows),
    ]
    violated = axe_rule_list(page["loads"]["site"])
    if violated:
        lines += ["", f"axe rules violated on this site: {violated}"]
    return "\n".join(lines)


def axe_rule_list(loads: dict[str, dict]) -> str:
    """Each rule id with the loads it failed in: `region (phone dark, desktop light)`."""
    where: dict[str, list[str]] = {}
    for key, load in loads.items():
        for rule in load["axe"]:
            where.setdefault(rule, []).append(key)
    return "; ".join(f"`{rule}` ({', '.join(keys)})" for rule, keys in sorted(where.items()))


def markdown_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return (
            "| "
            + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
            + " |"
        )

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def build_table(build: dict | None, validation: dict | None) -> str:
    rows = []
    if build:
        rows += [
            ("plain `mkdocs build --strict` (s)", number(build["mkdocs_s"], 2)),
            ("`make build` pipeline, cold check cache (s)", number(build["pipeline_cold_s"], 2)),
            ("`make build` pipeline, warm check cache (s)", number(build["pipeline_warm_s"], 2)),
            ("ratio, cold / warm", f"{build['ratio_cold']:.2f}x / {build['ratio_warm']:.2f}x"),
        ]
    if validation:
        pages = f"{validation['pages']:,}"
        rows += [
            (f"validate {pages} letter pages, first run (s)", number(validation["cold_s"], 2)),
            (f"validate {pages} letter pages, unchanged (s)", number(validation["warm_s"], 2)),
        ]
    if not rows:
        return ""
    repeats = f", median of {build['repeats']} runs" if build else ""
    return f"### Build{repeats}\n\n" + markdown_table(("", "time"), rows)


def median_of(page: dict, site: str, field: str) -> float | None:
    summary = (page.get("lighthouse") or {}).get(site, {}).get("summary", {}).get(field)
    return summary["median"] if summary else None


def summary_row(page: dict) -> tuple[str, ...]:
    """One page type in the summary: Lighthouse medians beside plain Material's,
    then this site's weight on a phone with an empty cache, and its validity."""
    plain_lcp, lcp = median_of(page, "plain", "lcp_s"), median_of(page, "site", "lcp_s")
    perf, cls = median_of(page, "site", "performance"), median_of(page, "site", "cls")
    load = page["loads"]["site"].get("phone light", {})
    errors = (page.get("nu_errors") or {}).get("site")

    def shown(value: float | None, decimals: int) -> str:
        return "n/a" if value is None else number(value, decimals)

    return (
        page["name"],
        shown(plain_lcp, 2),
        shown(lcp, 2),
        ratio(plain_lcp, lcp),
        shown(perf, 0),
        shown(cls, 3),
        f"{load.get('html_bytes', 0) / 1000:.1f}",
        f"{load.get('bytes', 0) / 1000:.1f}",
        str(load.get("requests", "")),
        "n/a" if errors is None else str(errors),
    )


def summary_table(results: dict) -> str:
    header = (
        "page type",
        "plain LCP s",
        "LCP s",
        "LCP ratio",
        "perf",
        "CLS",
        "HTML KB",
        "page KB",
        "requests",
        "Nu errors",
    )
    machine = results.get("machine", {})
    loads = [machine.get(key) for key in ("load_average_at_start", "load_average_at_end")]
    said = " → ".join(", ".join(f"{value:.2f}" for value in load) for load in loads if load)
    runs = results.get("lighthouse_runs", 0)
    lines = [
        f"### Summary (Lighthouse medians of {runs}; weight on a phone, empty cache)",
        "",
        markdown_table(header, [summary_row(page) for page in results["pages"]]),
    ]
    if said:
        lines += ["", f"Load average (1, 5, 15 min) at the start → the end: {said}"]
    return "\n".join(lines)


def tables(results: dict) -> str:
    parts = [summary_table(results)] + [page_table(page) for page in results["pages"]]
    parts.append(build_table(results.get("build"), results.get("validation")))
    return "\n\n".join(part for part in parts if part)


def write_json(results: dict, folder: Path, stamp: str) -> Path:
    """results as .bench/<stamp>.json, and again as .bench/latest.json."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, sort_keys=False, default=str) + "\n"
    path = folder / f"{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (folder / "latest.json").write_text(text, encoding="utf-8")
    return path


Progress = Callable[[str], None]
