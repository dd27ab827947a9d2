"""The documentation cannot drift: the outputs it quotes are produced again
here, `make help` says what CONTRIBUTING.md's table says, no file names a
Makefile line, every link between the files leads somewhere, and the README
stays short, with the two commands first and no dated figures anywhere.

A quoted line ending in "..." stands for any line that starts with the rest."""

from __future__ import annotations

import errno
import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from scripts.serve.dev_server import Address, port_message
from tests.helpers import ROOT, copy_project, run_pipeline

# The README and the documentation by topic it links to.
TOPICS = [
    "README.md",
    "CONTRIBUTING.md",
    "scripts/README.md",
    "scripts/apology/README.md",
    "scripts/bench/README.md",
    "tests/README.md",
]
TEXTS = {name: (ROOT / name).read_text(encoding="utf-8") for name in TOPICS}
README, CONTRIBUTING = TEXTS["README.md"], TEXTS["CONTRIBUTING.md"]
CHECKER_README = TEXTS["scripts/apology/README.md"]  # the checker's, and the figures it reports
DOCUMENTATION = "\n".join(TEXTS.values())
EVERY_README = sorted(
    path
    for path in ROOT.rglob("README.md")
    if not {".venv", ".venv-zensical", "node_modules", ".git"} & set(path.parts)
)
SLUG = "zz-readme-test-qx"  # stands in for the README's late-delivery, never a real letter


def blocks() -> list[list[str]]:
    """Every fenced block of the documentation, as lines, dedented."""
    found = re.findall(r"^( *)```[a-z]*\n(.*?)^\1```", DOCUMENTATION, re.MULTILINE | re.DOTALL)
    return [textwrap.dedent(body).splitlines() for _, body in found]


def block_starting(first: str) -> list[str]:
    matching = [block for block in blocks() if block and block[0].startswith(first)]
    assert len(matching) == 1, f"the documentation has {len(matching)} blocks starting {first!r}"
    return matching[0]


def assert_quoted(quoted: list[str], actual: list[str]) -> None:
    assert len(quoted) == len(actual), (quoted, actual)
    for said, real in zip(quoted, actual, strict=True):
        if said.endswith("..."):
            assert real.startswith(said.removesuffix("...")), (said, real)
        else:
            assert real == said


def test_the_documentation_names_no_makefile_line() -> None:
    assert not re.search(r"Makefile:\d+", DOCUMENTATION)


def test_the_readme_is_short_and_starts_with_the_two_commands() -> None:
    lines = README.splitlines()
    assert len(lines) <= 200
    first = "\n".join(lines[:30])
    assert "make serve   #" in first and "make test    #" in first


def test_the_readme_links_every_topic() -> None:
    for name in TOPICS[1:]:
        assert f"]({name})" in README, name


@pytest.mark.parametrize("path", EVERY_README, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_readme_holds_dated_figures(path: Path) -> None:
    """Measured figures go stale: `make bench` writes them into .bench/."""
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\d\d:\d\d UTC|`make bench` on \d|On this project's", text)


def anchors(text: str) -> set[str]:
    """The anchors of a Markdown file's headings, as GitHub makes them."""
    headings = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("name", TOPICS)
def test_every_link_between_the_files_leads_somewhere(name: str) -> None:
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", TEXTS[name], flags=re.DOTALL)  # not examples
    for target, anchor in re.findall(r"\]\(([^):#\s]*)(?:#([\w-]+))?\)", prose):
        path = (ROOT / name).parent / target if target else ROOT / name
        assert path.exists(), f"{name}: {target}"
        if anchor and path.suffix == ".md":
            assert anchor in anchors(path.read_text(encoding="utf-8")), f"{name}: {target}#{anchor}"


def help_lines() -> dict[str, str]:
    result = subprocess.run(
        ["make", "--no-print-directory", "help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(
        re.match(r"\s*make (\S+)\s+(.*)", line).groups() for line in result.stdout.splitlines()
    )


def plain(text: str) -> str:
    """Without Markdown code marks and links, first letter lower case."""
    text = re.sub(r"\[([^]]+)\]\([^)]*\)", r"\1", text.replace("`", ""))
    return text[:1].lower() + text[1:]


def test_make_help_and_the_contributing_table_say_the_same() -> None:
    table = CONTRIBUTING[CONTRIBUTING.index("Other targets:") : CONTRIBUTING.index("Problems are")]
    rows = dict(re.findall(r"^\| `make ([a-z-]+)[^`]*` \| (.*) \|$", table, re.MULTILINE))
    helped = help_lines()
    assert set(rows) == set(helped) - {"help", "serve", "test"}
    for target, said in rows.items():
        said = re.sub(r";? \(?see [^()]*\)?$", "", plain(said))  # a pointer to a section
        assert said == plain(helped[target]), target


def test_the_busy_port_line_is_the_servers() -> None:
    quoted = block_starting("error: port 8000")
    busy = OSError(errno.EADDRINUSE, "Address already in use")
    assert quoted == [f"error: {port_message(Address('127.0.0.1', 8000), busy)}"]


def test_the_problems_quoted_are_what_make_check_prints(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    letter = project / "docs" / "letters" / "billing-error.md"
    letter.write_text(letter.read_text("utf-8").replace("\nsituation:", "\nsituaton:", 1), "utf-8")
    tips = project / "docs" / "tips.md"
    lines = tips.read_text("utf-8").splitlines(keepends=True)
    lines[11] = lines[11].rstrip("\n") + " [See the FAQ](faq.md#handwritten).\n"
    tips.write_text("".join(lines), "utf-8")
    result = run_pipeline("check", cwd=project)
    quoted = block_starting("docs/letters/billing-error.md:1: error: front matter is missing")
    assert_quoted(quoted, result.stdout.splitlines())


def test_the_new_letter_outputs_quoted_are_what_it_prints(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    quoted = [line.replace("late-delivery", SLUG) for line in block_starting("$ make new-letter")]
    result = run_pipeline("new-letter", SLUG, cwd=project)
    assert quoted[0] == f"$ make new-letter SLUG={SLUG}"
    assert_quoted(quoted[1:], result.stdout.splitlines())
    unfinished = block_starting("docs/letters/late-delivery.md:4: error: unfinished:")
    check = run_pipeline("check", cwd=project).stdout.splitlines()
    assert unfinished[0].replace("late-delivery", SLUG) in check


def test_adding_a_letter_names_the_tag_the_scaffold_files_it_under(tmp_path: Path) -> None:
    text = (ROOT / "scripts" / "data" / "new-letter.md").read_text("utf-8")
    tags = yaml_load(text.split("---")[1])["tags"]
    section = README[README.index("## Adding a letter") : README.index("## Layout")]
    assert len(tags) == 1 and f"files the letter under `{tags[0]}`" in " ".join(section.split())


def test_the_details_errors_quoted_are_what_make_check_prints(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    letter = project / "docs" / "letters" / "billing-error.md"
    lines = letter.read_text("utf-8").splitlines(keepends=True)
    assert "{value}" in lines[8]  # line 9: the first detail's sentence
    assert "billing error" in lines[9]  # line 10: the words it follows
    lines[8] = lines[8].replace("{value}", "it")
    lines[9] = lines[9].replace("billing error", "billing eror")
    letter.write_text("".join(lines), "utf-8")
    quoted = block_starting("docs/letters/billing-error.md:9:")
    printed = run_pipeline("check", cwd=project).stdout.splitlines()
    assert quoted == [line for line in printed if line.startswith("docs/letters/billing-error.md:")]


def test_the_check_letter_output_quoted_is_what_it_prints(tmp_path: Path) -> None:
    quoted = block_starting("$ cat draft.txt")
    command = quoted.index("$ make check-letter FILE=draft.txt")
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(quoted[1:command]) + "\n", "utf-8")
    result = run_pipeline("check-letter", str(draft), cwd=tmp_path)
    assert result.returncode == 1
    assert_quoted(quoted[command + 1 :], result.stdout.splitlines())


@pytest.mark.parametrize(
    "module", ["tests.apology.drafts", "tests.apology.corpus", "tests.browser.search_report"]
)
def test_the_modules_the_readme_runs_exist(module: str) -> None:
    assert f"python -m {module}" in DOCUMENTATION
    assert (ROOT / Path(*module.split("."))).with_suffix(".py").is_file()
