"""Render the site with MkDocs into a staging folder, finish its pages, then
swap it into place.

A failed render or finish leaves the previous site/ exactly as it was: MkDocs
and the post-build steps write only into the staging folder, and the swap is
two renames.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import jinja2
import material
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from scripts.render.assets import assets_for
from scripts.render.finish import finish_site
from scripts.render.finish_cache import CACHE_FILE
from scripts.render.output_folder import publish, staging_beside
from scripts.render.postbuild import postprocess
from scripts.render.workers import Workers

MATERIAL_THEME = Path(material.__file__).parent / "templates"  # its stylesheets, for workers


def mkdocs_build(config_file: Path, site_dir: Path) -> int:
    """`mkdocs build --strict --clean` in this process: 0 on success, 1 on failure.

    In-process, the build reuses what `make check` already imported (MkDocs,
    Python-Markdown, the theme), which is most of a second interpreter's time.
    """
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    # Strict mode counts the warnings that reach the `mkdocs` logger; a level
    # above WARNING would hide them and let a broken site through.
    level, logger.level = logger.level, logging.INFO
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, jinja2.TemplateError) as exc:
        logger.error(failure_message(exc))
        return 1
    finally:
        logger.removeHandler(handler)
        logger.level = level
    return 0


def failure_message(exc: Exception) -> str:
    """What stopped the build; a template's syntax error with its file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}: error: {exc.message}"
    return str(exc)


def build_into(
    config_file: Path, site_dir: Path, finish: bool = True, workers: Workers | None = None
) -> bool:
    """Build into site_dir atomically; True on success. finish=False leaves the
    pages as MkDocs wrote them (the benchmark's plain-Material twin); workers
    share out the slow parts (scripts/render/workers.py)."""
    assets_for(config_file, reports_ready=workers.reports_cached if workers else lambda: None)
    site_dir = site_dir.resolve()
    with staging_beside(site_dir) as staging:
        if mkdocs_build(config_file, staging) != 0:
            return False
        config = postprocess(config_file, staging)
        problems = []
        if finish:
            cache = config_file.parent / CACHE_FILE
            pool = workers.pool if workers else None
            problems = finish_site(
                staging, "mkdocs", config["site_url"], site_dir.name, cache, pool
            )
        return publish(staging, site_dir, problems)
