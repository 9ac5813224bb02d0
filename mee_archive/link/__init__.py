"""Cross-lingual linking of English releases to their Chinese originals."""
