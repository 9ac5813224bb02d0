"""Settings checked once they are final, before anything is written or fetched.

A value of the wrong type (``-s DOWNLOAD_DELAY=abc``) otherwise fails deep inside Scrapy with a
message that names neither the setting nor the value, and a name built from a setting
(``MEE_WARC_PREFIX=../../p``) would put files outside the archive directory. Both are refused at
start with :class:`SettingsError`, which the CLI and `scrapy crawl` print as one line (exit 2).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Scrapy is only needed for the type
    from scrapy.settings import BaseSettings

# A crawl id or WARC prefix becomes part of a file name: letters, digits, '.', '_', '-', not
# starting with '.' (no hidden files, no '..').
SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$")


class SettingsError(ValueError):
    """A setting the run cannot start with; the message names the setting and the problem."""


def check_settings(settings: BaseSettings) -> None:
    """Raise SettingsError for the first setting of the wrong type or that leaves the archive."""
    check_types(settings)
    check_paths(settings)


def check_types(settings: BaseSettings) -> None:
    """Every setting whose default is a number or a flag must read as one (as Scrapy will read it)."""
    from scrapy.settings import default_settings

    import mee_archive.settings as project

    for name in settings:
        default = getattr(project, name, getattr(default_settings, name, None))
        value = settings[name]
        if value is None or not isinstance(default, (bool, int, float)) or type(value) is type(default):
            continue
        _check_value(settings, name, value, default)


def _check_value(settings: BaseSettings, name: str, value: Any, default: bool | int | float) -> None:
    try:
        if isinstance(default, bool):
            settings.getbool(name)
            return
        number = settings.getfloat(name)  # an int setting given as "2.5" is Scrapy's to round
    except (TypeError, ValueError):
        kind = "true/false" if isinstance(default, bool) else "a number"
        raise SettingsError(f"setting {name}: {value!r} is not {kind} (default {default!r})") from None
    if not math.isfinite(number):
        raise SettingsError(f"setting {name}: {value!r} is not a finite number")


def check_paths(settings: BaseSettings) -> None:
    """No file a run writes may land outside MEE_OUTPUT_DIR, whatever the settings say."""
    from mee_archive.addons import output_dir

    for name in ("MEE_CRAWL_ID", "MEE_WARC_PREFIX"):
        value = settings.get(name) or ""
        if value and not SAFE_NAME.match(str(value)):
            raise SettingsError(f"setting {name}: {value!r} cannot be part of a file name "
                                "(letters, digits, '.', '_', '-'; not starting with '.')")
    root = output_dir(settings)
    template = str(settings.get("MEE_FEED_TEMPLATE") or "")
    try:
        feed = template % {"name": "news_release"}
    except (KeyError, TypeError, ValueError) as exc:
        raise SettingsError(f"setting MEE_FEED_TEMPLATE: {template!r} is not a template with %(name)s "
                            f"({exc})") from None
    if not feed or not inside(root / feed, root):
        raise SettingsError(f"setting MEE_FEED_TEMPLATE: {template!r} puts items outside the archive "
                            f"directory {root}")


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (after '..' and symlinks) lies strictly below ``root``."""
    return path.resolve().is_relative_to(root.resolve()) and path.resolve() != root.resolve()
