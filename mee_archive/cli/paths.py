"""Where a command will write, checked before it starts work: a file where a directory belongs
(or the reverse) is a usage error (exit 2), a place that cannot be written a failure (exit 1)."""

from __future__ import annotations

import os
from pathlib import Path

from mee_archive.cli import CliError


def output_directory(path: Path, option: str = "--output") -> Path:
    """``path`` as a directory that exists and can be written (made if need be)."""
    if path.exists() and not path.is_dir():
        raise CliError(f"{option} {path} is a file, not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create {option} directory {path}: {exc.strerror or exc}", exit_code=1) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise CliError(f"cannot write to {option} directory {path}: permission denied", exit_code=1)
    return path


def output_file(path: Path, option: str = "--output") -> Path:
    """``path`` as a file that can be written: not a directory, its directory made if need be."""
    if path.is_dir():
        raise CliError(f"{option} {path} is a directory, not a file")
    output_directory(path.parent, f"the directory of {option}")
    if path.exists() and not os.access(path, os.W_OK):
        raise CliError(f"cannot write {option} {path}: permission denied", exit_code=1)
    return path
