"""`python -m mee_archive`: the same as the `mee-archive` command."""

from mee_archive.cli import entry

entry()
