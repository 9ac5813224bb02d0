"""What every `mee-archive` subcommand's errors look like: one line on stderr and an exit code.

The entry point hands any exception a command lets out to :func:`explain`, so that commands added
later get the same treatment for free: a user error is exit 2, a failure exit 1, and nothing is
ever shown as a traceback unless ``MEE_DEBUG=1`` asks for it (it also goes to the log, when a
crawl configured one).
"""

from __future__ import annotations

import logging
import os
import traceback

from mee_archive.settingcheck import SettingsError

USAGE, FAILURE = 2, 1
DEBUG_VARIABLE = "MEE_DEBUG"

logger = logging.getLogger("mee_archive.cli")


def explain(exc: BaseException) -> tuple[str, int]:
    """The one line saying what went wrong, and the exit code, for an exception no command caught."""
    if isinstance(exc, SettingsError):
        return str(exc), USAGE
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"cannot use{where}: {exc.strerror or exc}", FAILURE
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read", FAILURE
    if isinstance(exc, MemoryError):
        return "out of memory", FAILURE
    return f"unexpected {type(exc).__name__}: {exc} ({DEBUG_VARIABLE}=1 shows the traceback)", FAILURE


def report(exc: BaseException) -> None:
    """Put the traceback where it helps (the log; stderr only when asked), never in the way."""
    if logging.getLogger().handlers:
        logger.error("command failed", exc_info=exc)
    if os.environ.get(DEBUG_VARIABLE) == "1":
        traceback.print_exception(exc)
