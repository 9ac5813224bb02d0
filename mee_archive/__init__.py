"""mee-archive: archive MEE's English News Release section and link it to the Chinese originals."""

__version__ = "0.1.0"
