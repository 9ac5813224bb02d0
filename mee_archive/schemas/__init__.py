"""JSON Schemas of the records mee-archive writes; part of the documented output format."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator for ``<name>.schema.json`` (loaded once). Its formats are checked: date by
    jsonschema itself, date-time by rfc3339-validator and uri by rfc3986-validator (dependencies of
    their own; without them jsonschema passes those formats unchecked)."""
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text), format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(name: str, record: dict[str, Any]) -> list[str]:
    """Human-readable schema violations of ``record`` (empty when valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
        for e in validator(name).iter_errors(record)
    ]
