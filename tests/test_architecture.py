"""The shape of scripts/: a few modules at the top, packages by concern below,
and imports that run one way, from a layer to the layers under it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

SCRIPTS = ROOT / "scripts"
MAX_TOP_LEVEL_MODULES = 8
# Lowest first: a module may import from its own package and from earlier layers.
LAYERS = [
    {"problems", "data_files", "stopping"},
    {"project"},
    {"apology"},
    {"validate"},
    {"external"},
    {"render"},
    {"serve", "tools", "bench"},
    {"__main__"},
]
LAYER_OF = {unit: number for number, units in enumerate(LAYERS) for unit in units}


def unit_of(module: str) -> str:
    """'scripts.validate.docs' -> 'validate'; 'scripts.problems' -> 'problems'."""
    return module.split(".")[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every `scripts.` import, `from scripts import x` as scripts.x."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "scripts":
            found += [(node.lineno, f"scripts.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return [(line, name) for line, name in found if name.startswith("scripts.")]


MODULES = sorted(path for path in SCRIPTS.rglob("*.py") if "__pycache__" not in path.parts)


def test_the_top_level_stays_small() -> None:
    top = sorted(path.name for path in SCRIPTS.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_every_package_has_a_layer() -> None:
    units = {unit_of(module_name(path)) for path in MODULES if path.parent != SCRIPTS}
    units |= {path.stem for path in SCRIPTS.glob("*.py") if path.stem != "__init__"}
    assert units == set(LAYER_OF)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_imports_run_downward(path: Path) -> None:
    if path == SCRIPTS / "__init__.py":
        return
    here = unit_of(module_name(path))
    upward = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for line, name in imported_modules(path)
        if unit_of(name) != here and LAYER_OF[unit_of(name)] >= LAYER_OF[here]
    ]
    assert not upward
