"""WARC archiving of every HTTP exchange, its index, packaging and verification."""
