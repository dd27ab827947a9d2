"""The build's worker processes (scripts/render/workers.py): `make build` on
two cores or more shares out the letter reports and the pages' finishing,
and the site it makes is the one a build in a single process makes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scripts.render.workers import cores
from tests.helpers import ROOT, copy_project, run_pipeline

needs_two_cores = pytest.mark.skipif(cores() < 2, reason="workers need two cores")


def in_fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """code run by a new interpreter, as `make build` starts one: no thread
    but its own (this test process may have others, which rule workers out)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_two_cores
def test_a_build_has_workers_where_it_starts_with_two_cores() -> None:
    result = in_fresh_python(
        """
        import os
        from scripts.render.assets import ROOT
        from scripts.render.mkdocs_build import MATERIAL_THEME
        from scripts.render.workers import workers
        with workers(MATERIAL_THEME, ROOT) as helpers:
            print(helpers.pool.apply(os.getpid) != os.getpid())
        """
    )
    assert result.stdout.strip() == "True", result.stderr


@needs_two_cores
def test_workers_make_the_pages_a_single_process_makes(built_site: Path, tmp_path: Path) -> None:
    """built_site is built in this process, which has threads: no workers."""
    project = copy_project(tmp_path)
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(path.relative_to(built_site) for path in built_site.rglob("*.html"))
    assert pages == sorted(
        path.relative_to(project / "site") for path in (project / "site").rglob("*.html")
    )
    for page in pages:
        assert (project / "site" / page).read_text("utf-8") == (built_site / page).read_text(
            "utf-8"
        ), page


@needs_two_cores
def test_a_page_a_worker_cannot_finish_is_an_error_with_its_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.css").write_text(".x{color:red}", "utf-8")
    for name, sheet in (("good.html", "a.css"), ("bad.html", "gone.css")):
        (site / name).write_text(
            f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title>\n'
            f'<link rel="stylesheet" href="{sheet}">\n</head>\n<body><p class="x">Hi</p></body></html>\n',
            "utf-8",
        )
    result = in_fresh_python(
        f"""
        from pathlib import Path
        from scripts.render.finish import finish_site
        from scripts.render.assets import ROOT
        from scripts.render.mkdocs_build import MATERIAL_THEME
        from scripts.render.workers import workers
        with workers(MATERIAL_THEME, ROOT) as helpers:
            assert helpers is not None
            for problem in finish_site(Path({str(site)!r}), "mkdocs", None, "site", None, helpers.pool):
                print(problem)
        """
    )
    assert result.stdout.splitlines() == [
        "site/bad.html:3: error: the stylesheet gone.css is not in the built site"
    ], result.stderr
    assert "<style>.x{color:red}</style>" in (site / "good.html").read_text("utf-8")
