"""Researchers' access to the archive: one SQLite database (``research.sqlite``) with full-text
search in English and Chinese, built incrementally from ``items/*.jsonl``, and the pure functions
the `index`, `search`, `show`, `export`, `cite`, `browse` and `replay` commands run over it.

Nothing here reads WARC files or talks to a site: items already carry their WARC citation, and
replay is pywb's job (``replay.py`` only writes its configuration)."""
