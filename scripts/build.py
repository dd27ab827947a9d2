"""Render the site with MkDocs into a staging folder, then swap it into place.

A failed render leaves the previous site/ exactly as it was: MkDocs writes
only into the staging folder, and the swap is two renames.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.assets import build_assets
from scripts.postbuild import postprocess


def mkdocs_build(config_file: Path, site_dir: Path) -> int:
    # --strict turns every MkDocs warning into a failure. Never add -q or -v:
    # in MkDocs 1.6 either one silently disables the strict checks.
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    return subprocess.run(command, check=False).returncode


def build_into(config_file: Path, site_dir: Path) -> bool:
    """Build into site_dir atomically; True on success."""
    build_assets()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=site_dir.parent))
    try:
        if mkdocs_build(config_file, staging) != 0:
            return False
        postprocess(config_file, staging)
        swap(staging, site_dir)
        return True
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".site-old-{staging.name}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
