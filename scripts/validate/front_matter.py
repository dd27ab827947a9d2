"""Front matter against the schema in scripts/data/frontmatter.schema.yml."""

from __future__ import annotations

import difflib
import unicodedata
from fnmatch import fnmatch
from functools import cache

from jsonschema import Draft202012Validator, ValidationError

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.pages import Page
from scripts.validate.plain_text import (
    FORMAT_CHECKER,
    format_error_message,
)


def schema_name_for(url_path: str) -> str:
    for kind in data_files.frontmatter_schema()["kinds"]:
        if fnmatch(url_path, kind["glob"]):
            return kind["schema"]
    raise LookupError(url_path)


@cache
def validator_for(name: str) -> Draft202012Validator:
    data = data_files.frontmatter_schema()
    schema = {"$defs": data["$defs"], **data["schemas"][name]}
    return Draft202012Validator(schema, format_checker=FORMAT_CHECKER)


def front_matter_problems(page: Page) -> list[Problem]:
    name = schema_name_for(page.url_path)
    validator = validator_for(name)
    problems = [
        error(page.path, line_of(page, err), message_for(err, page))
        for err in validator.iter_errors(page.meta)
    ]
    return problems + date_problems(page, name) + tag_problems(page)


def line_of(page: Page, err: ValidationError) -> int:
    if err.validator == "additionalProperties" and not err.path:
        return page.key_lines.get(unknown_keys(err)[0], 1)
    if err.validator == "dependentRequired":
        return page.key_lines.get(dependent_key(err), 1)
    path = list(err.path)
    if not path:
        return 1
    items = page.item_lines.get(str(path[0]), [])
    if len(path) > 1 and isinstance(path[1], int) and path[1] < len(items):
        keys = page.item_key_lines.get(str(path[0]), [])[path[1]]
        if err.validator == "additionalProperties":
            return keys.get(unknown_keys(err)[0], items[path[1]])
        return keys.get(str(path[2]), items[path[1]]) if len(path) > 2 else items[path[1]]
    return page.key_lines.get(str(path[0]), 1)


def unknown_keys(err: ValidationError) -> list[str]:
    allowed = err.schema.get("properties", {})
    return [str(key) for key in err.instance if key not in allowed]


def field_label(path: list) -> str:
    """'title'; 'tags' item 2 for the second tag; 'details' item 1 'label' inside a list item."""
    if not path:
        return "front matter"
    label = f"'{path[0]}'"
    if len(path) > 1 and isinstance(path[1], int):
        label += f" item {path[1] + 1}"
        label += "".join(f" '{step}'" for step in path[2:])
    return label


def message_for(err: ValidationError, page: Page) -> str:
    field = field_label(list(err.path))
    if isinstance(err.instance, str) and not err.instance.strip():
        return f"{field} is empty; write a value or remove the field"
    if err.instance is None and err.validator == "type":
        return f"{field} has no value; write one after the colon, or remove the field"
    explain = MESSAGES.get(err.validator)
    return explain(field, err, page) if explain else f"{field}: {err.message}"


def required_message(field: str, err: ValidationError, page: Page) -> str:
    missing = err.message.split("'")[1]
    if err.path:  # inside a list item such as a letter's details
        allowed = ", ".join(err.schema.get("required", []))
        return f"{field} is missing '{missing}'; each item needs {allowed}"
    return f"front matter is missing required field '{missing}'{field_hint(missing)}"


def unknown_field_message(field: str, err: ValidationError, page: Page) -> str:
    key = unknown_keys(err)[0]
    allowed = sorted(err.schema.get("properties", {}))
    guess = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{guess[0]}'?" if guess else f"allowed: {', '.join(allowed)}"
    where = f" in {field}" if err.path else ""
    return f"unknown field '{key}'{where}; {hint}"


def too_long_message(field: str, err: ValidationError, page: Page) -> str:
    return f"{field} is {len(err.instance)} characters long; keep it to {err.validator_value}"


def too_short_message(field: str, err: ValidationError, page: Page) -> str:
    return (
        f"{field} is only {len(err.instance)} characters long; "
        f"write at least {err.validator_value} (a full sentence)"
    )


def pattern_message(field: str, err: ValidationError, page: Page) -> str:
    if "value" in err.validator_value:
        return (
            f"{field} must contain {{value}} where the reader's value goes, e.g. "
            "'The error was on invoice {value}.'"
        )
    return f"{field} has the wrong form: {err.message}"


def format_message(field: str, err: ValidationError, page: Page) -> str:
    message = format_error_message(field, err.validator_value, err.instance)
    if message:
        return message
    return f"{field} is not a real date: '{err.instance}'; write it as YYYY-MM-DD"


def enum_message(field: str, err: ValidationError, page: Page) -> str:
    return f"{field} cannot be '{err.instance}'; use one of {', '.join(err.validator_value)}"


def repeat_message(field: str, err: ValidationError, page: Page) -> str:
    return f"{field} lists the same value twice; remove the repeat"


def empty_list_message(field: str, err: ValidationError, page: Page) -> str:
    return f"{field} is empty; list at least one value"


def long_list_message(field: str, err: ValidationError, page: Page) -> str:
    return f"{field} lists {len(err.instance)} items; keep it to {err.validator_value}"


def field_hint(name: str) -> str:
    description = (
        data_files.frontmatter_schema()["$defs"]["fields"].get(name, {}).get("description")
    )
    return f" ({description})" if description else ""


def quote_hint(key: str, raw: str, actual: str) -> str:
    return (
        f"'{key}' must be text, but YAML reads `{raw}` as {actual}; "
        f'put it in quotes: {key}: "{raw}"'
    )


YAML_TYPES = {
    str: "text",
    bool: "true/false",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "a mapping",
    type(None): "empty",
}


def type_message(field: str, err: ValidationError, page: Page) -> str:
    expected = err.validator_value
    actual = YAML_TYPES.get(type(err.instance), type(err.instance).__name__)
    key = str(err.path[0]) if len(err.path) == 1 else None
    raw = page.raw_values.get(key) if key else None
    if expected == "string" and raw:
        return quote_hint(key, raw, actual)
    if expected == "string":
        return f"{field} must be text, not {actual}"
    if expected == "array":
        return f"{field} must be a list (one `- item` per line), not {actual}"
    if expected == "object":
        return f"{field} must be `key: value` lines (a mapping), not {actual}"
    return f"{field} must be of type {expected}, not {actual}"


def dependent_key(err: ValidationError) -> str:
    """The field whose companions are missing (jsonschema names it last)."""
    return err.message.rpartition(" is a dependency of ")[2].strip("'")


def dependent_message(field: str, err: ValidationError, page: Page) -> str:
    present = dependent_key(err)
    missing = [key for key in err.validator_value.get(present, []) if key not in err.instance]
    if "image" in missing:
        return (
            f"'{present}' belongs to a hero photo, but the page has no 'image'; add the "
            f"photo's https:// address as image, or remove '{present}'"
        )
    if present in ("original", "changes"):
        return (
            f"'{present}' needs {', '.join(repr(key) for key in missing)} too: a letter with "
            "two versions names its original and says what the revised one changes"
        )
    return (
        f"'{present}' needs {', '.join(repr(key) for key in missing)} too: every photo "
        "has alt text and credits its photographer with an https profile link"
    )


MESSAGES = {
    "required": required_message,
    "additionalProperties": unknown_field_message,
    "type": type_message,
    "maxLength": too_long_message,
    "minLength": too_short_message,
    "pattern": pattern_message,
    "format": format_message,
    "dependentRequired": dependent_message,
    "enum": enum_message,
    "uniqueItems": repeat_message,
    "minItems": empty_list_message,
    "maxItems": long_list_message,
}


def expects_text(schema_name: str, key: str) -> bool:
    """Whether key is a plain text field (not a date, not a list) of that schema."""
    data = data_files.frontmatter_schema()
    if key not in data["schemas"][schema_name]["properties"]:
        return False
    definition = data["$defs"]["fields"].get(key, {})
    return "format" not in definition and definition.get("type", "string") == "string"


def date_problems(page: Page, schema_name: str) -> list[Problem]:
    return [
        error(page.path, page.key_lines.get(key, 1), quote_hint(key, raw, "a date"))
        for key, raw in page.dates.items()
        if expects_text(schema_name, key)
    ]


def tag_problems(page: Page) -> list[Problem]:
    tags = page.meta.get("tags")
    if not isinstance(tags, list):
        return []
    registry = data_files.tags()
    lines = page.item_lines.get("tags", [])
    problems = []
    for number, tag in enumerate(tags):
        if isinstance(tag, str) and tag.strip() and tag not in registry:
            guess = difflib.get_close_matches(tag, list(registry), n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else "add it there first"
            line = lines[number] if number < len(lines) else page.key_lines.get("tags", 1)
            problems.append(
                error(
                    page.path,
                    line,
                    f"unknown tag '{tag}': tags come from scripts/data/tags.yml; {hint}",
                )
            )
    return problems


def comparable(text: str) -> str:
    """text as a reader sees it, for comparing: compatibility forms folded
    (a no-break space is a space), invisible characters dropped, spaces
    collapsed, case ignored."""
    folded = unicodedata.normalize("NFKC", text)
    visible = "".join(
        character
        for character in folded
        if unicodedata.category(character) not in ("Cf", "Cc", "Zl", "Zp") or character.isspace()
    )
    return " ".join(visible.split()).casefold()


def duplicate_title_problems(pages: list[Page]) -> list[Problem]:
    first: dict[str, Page] = {}
    problems = []
    for page in pages:
        title = page.meta.get("title")
        if not isinstance(title, str):
            continue
        key = comparable(title)
        if key in first:
            problems.append(
                error(
                    page.path,
                    page.key_lines.get("title", 1),
                    (
                        f"title '{title}' is already used by {first[key].path}; "
                        "give each page its own title"
                    ),
                )
            )
        first.setdefault(key, page)
    return problems
