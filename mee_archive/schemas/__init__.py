"""JSON Schemas of the records mee-archive writes; part of the documented output format.

Every record of a crawl and of `mee-archive rederive` is checked, so the validator is
jsonschema-rs (Rust; Draft 2020-12 with its formats): ~4 µs a record where the pure-Python
jsonschema took ~180 µs, a tenth of a re-derived page's whole cost.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs


@cache
def validator(name: str) -> Any:
    """The validator for ``<name>.schema.json`` (loaded once), formats checked: date, date-time
    (RFC 3339) and uri; without ``validate_formats`` they would pass unchecked."""
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8")
    return jsonschema_rs.validator_for(json.loads(text), validate_formats=True)


def problems(name: str, record: dict[str, Any]) -> list[str]:
    """Human-readable schema violations of ``record`` (empty when valid), sorted by the field they
    name: the validator's own order is its business, a run manifest's should not change with it."""
    check = validator(name)
    if check.is_valid(record):
        return []
    return sorted(f"{'/'.join(map(str, e.instance_path)) or '(record)'}: {e.message}" for e in check.iter_errors(record))
