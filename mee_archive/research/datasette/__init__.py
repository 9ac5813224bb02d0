"""What `mee-archive browse` gives Datasette: metadata (metadata.py), a plugin (plugins/) with
the search, pair and chart pages, and their templates (templates/)."""

from pathlib import Path

PLUGINS_DIR = Path(__file__).parent / "plugins"
TEMPLATES_DIR = Path(__file__).parent / "templates"
PLUGIN = "mee-research"
