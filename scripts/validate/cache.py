"""What the slow per-page checks found, remembered by content hash.

Reading a page's front matter and rendering it with Python-Markdown is most
of `make check`'s time. Both depend only on the page's bytes, the Markdown
settings, the project's data files and code, and the installed packages, so
their results are kept in `.cache/check/pages.pickle` under a key that hashes
all of those: change any one and the page is read and rendered again.
Problems that involve several pages (links, duplicate titles, the nav) are
always worked out afresh from these per-page results.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts import data_files

FORMAT = 1  # bump when what is stored changes shape
CACHE_FILE = Path(".cache") / "check" / "pages.pickle"
SCRIPTS_DIR = Path(__file__).parents[1]
# Extensions that read other files while rendering: a page's bytes alone do
# not say what it renders to, so with one of them on nothing is cached.
READS_OTHER_FILES = frozenset({"pymdownx.snippets"})


def context_key(config_file: Path, config: MkDocsConfig) -> str:
    """A hash of everything besides the page that its results depend on."""
    digest = hashlib.sha256(f"format {FORMAT}\n{sys.version}\n".encode())
    digest.update(config_file.read_bytes())
    digest.update(markdown_settings(config).encode())
    for folder in (data_files.DATA_DIR, SCRIPTS_DIR):
        for path in files_under(folder):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    digest.update("\n".join(installed_distributions()).encode())
    return digest.hexdigest()


def files_under(folder: Path) -> list[Path]:
    """Every file in folder and its subfolders (scripts/ is packages), bytecode and
    npm's folders left out (a bench may install some: thousands of files)."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not NOT_HASHED.intersection(path.relative_to(folder).parts)
    )


NOT_HASHED = frozenset({"__pycache__", "node_modules", "dist"})


def markdown_settings(config: MkDocsConfig) -> str:
    """The extensions and their options as text; callables by their dotted name."""

    def name_of(value: object) -> str:
        if callable(value):
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
        return type(value).__name__

    return json.dumps(
        [config["markdown_extensions"], config["mdx_configs"]], sort_keys=True, default=name_of
    )


def installed_distributions() -> list[str]:
    """Name and version of every installed package (their .dist-info folders)."""
    names = []
    for entry in sys.path:
        try:
            names += [path.name for path in Path(entry or ".").glob("*.dist-info")]
        except OSError:  # a zip file or a folder that is gone
            continue
    return sorted(names)


def page_key(context: str, path: str, url_path: str, raw: bytes) -> str:
    digest = hashlib.sha256(context.encode())
    digest.update(f"\0{path}\0{url_path}\0".encode())
    digest.update(raw)
    return digest.hexdigest()


class PageCache:
    """Results by page key, loaded once and saved once; only this run's keys are kept."""

    def __init__(self, file: Path | None, entries: dict[str, object]):
        self.file = file
        self._old = entries
        self._new: dict[str, object] = {}

    @classmethod
    def open(cls, root: Path, config: MkDocsConfig) -> PageCache:
        """The cache of the site in root; an empty, unsaved one when it cannot be used."""
        if READS_OTHER_FILES & set(config["markdown_extensions"]):
            return cls(None, {})
        return cls.load(root / CACHE_FILE)

    @classmethod
    def load(cls, file: Path) -> PageCache:
        """The entries kept in file (also the build's finished pages: build/finish_cache.py)."""
        try:
            with file.open("rb") as handle:
                entries = pickle.load(handle)
        # Missing, truncated, or written by other code: start afresh.
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            entries = {}
        return cls(file, entries if isinstance(entries, dict) else {})

    def get(self, key: str) -> object | None:
        value = self._old.get(key)
        if value is not None:
            self._new[key] = value
        return value

    def put(self, key: str, value: object) -> None:
        self._new[key] = value

    def save(self) -> None:
        """Written atomically; a cache that cannot be written is simply not kept."""
        if self.file is None or self._new.keys() == self._old.keys():
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "wb", dir=self.file.parent, prefix=".pages-", delete=False
            ) as handle:
                pickle.dump(self._new, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(handle.name).replace(self.file)
        except OSError:
            if "handle" in locals():
                Path(handle.name).unlink(missing_ok=True)
