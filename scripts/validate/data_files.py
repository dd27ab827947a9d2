"""`make check` for every data file of scripts/data/, before anything reads
them: readable YAML, not empty, no key twice in one mapping (YAML would keep
the last silently), and the shape its schema gives (its own NAME.schema.yml,
or its entry in data-files.schema.yml; every schema against JSON Schema's
own). Each problem is one `file:line` error: the build, `make serve` and
the templates never meet a data file they cannot use."""

from __future__ import annotations

import dataclasses

from jsonschema import Draft202012Validator, SchemaError

from scripts import data_files
from scripts.problems import Problem, error
from scripts.validate.data_file import line_at, parse_data_file, schema_message
from scripts.validate.plain_text import FORMAT_CHECKER

SHAPES = "data-files.schema.yml"
FRONT_MATTER = "frontmatter.schema.yml"  # schemas per kind of page, and what they share
# Files with a schema of their own, whose own checks (registries.py,
# guidance.py, apology_rules.py) say more than a shape could.
OWN_SCHEMAS = {
    "tags.yml": "tags.schema.yml",
    "placeholders.yml": "placeholders.schema.yml",
    "guidance.yml": "guidance.schema.yml",
    "checker-rules.yml": "checker-rules.schema.yml",
}


def data_file_problems() -> list[Problem]:
    """Every problem of every YAML file of scripts/data/."""
    problems = []
    sources = sorted(data_files.DATA_DIR.glob("*.yml"))
    schemas_first = [source for source in sources if source.name.endswith(".schema.yml")]
    for source in schemas_first + [source for source in sources if source not in schemas_first]:
        if problems and source not in schemas_first:
            break  # the files' shapes come from the schemas: those first
        path = f"scripts/data/{source.name}"
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error(path, 1, f"cannot be read: {exc}"))
            continue
        try:
            problems += data_text_problems(source.name, text)
        except data_files.DataFileProblem:
            continue  # its schema cannot be read: that schema's own problem is listed
    # Nothing may render from data the pipeline cannot use (`make serve`).
    return [dataclasses.replace(problem, stops_render=True) for problem in problems]


def data_text_problems(name: str, text: str) -> list[Problem]:
    """The problems of the data file `name` whose text is text."""
    path = f"scripts/data/{name}"
    node, data, problems = parse_data_file(text, path)
    if problems:
        return problems
    if node is None or data is None:
        return [error(path, 1, "is empty; it must hold the data its comment describes")]
    duplicates = [error(path, line, message) for line, message in data_files.duplicate_keys(node)]
    if duplicates:
        return duplicates
    return [
        error(path, line_at(node, where), message) for where, message in shape_messages(name, data)
    ]


def shape_messages(name: str, data: object) -> list[tuple[list, str]]:
    """(where, message) for each way data breaks its schema."""
    if name == SHAPES:
        if not isinstance(data, dict):
            return [([], "must map each data file's name to its schema")]
        return [
            message
            for key, schema in data.items()
            if key != "$defs"
            for message in schema_problems(schema, [key])
        ]
    if name == FRONT_MATTER:
        return front_matter_schema_problems(data)
    if name.endswith(".schema.yml"):
        return schema_problems(data, [])
    schema_name = OWN_SCHEMAS.get(name)
    schema = data_files.load(schema_name) if schema_name else data_files.load(SHAPES).get(name)
    if schema is None:
        return [([], f"has no schema: describe its shape in scripts/data/{SHAPES}")]
    return shape_of(data, schema)


def front_matter_schema_problems(data: object) -> list[tuple[list, str]]:
    """frontmatter.schema.yml: kinds, $defs (with the fields) and schemas,
    each schema valid with the $defs it refers to."""
    problems = shape_of(data, data_files.load(SHAPES)[FRONT_MATTER])
    if problems:
        return problems
    definitions = {key: value for key, value in data["$defs"].items() if key != "fields"}
    for key, schema in data["$defs"].get("fields", {}).items():
        problems += schema_problems(schema, ["$defs", "fields", key])
    for key, schema in data["schemas"].items():
        problems += schema_problems({"$defs": definitions, **schema}, ["schemas", key])
    for number, kind in enumerate(data["kinds"]):
        if kind["schema"] not in data["schemas"]:
            problems.append(
                (["kinds", number, "schema"], f"no schema '{kind['schema']}' in schemas")
            )
    return problems


def shape_of(data: object, schema: dict) -> list[tuple[list, str]]:
    validator = Draft202012Validator(schema, format_checker=FORMAT_CHECKER)
    return [(list(err.absolute_path), schema_message(err)) for err in validator.iter_errors(data)]


def schema_problems(schema: object, prefix: list) -> list[tuple[list, str]]:
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as err:
        path = prefix + list(err.absolute_path)
        return [(path, f"not a valid JSON Schema: {err.message}")]
    return []
