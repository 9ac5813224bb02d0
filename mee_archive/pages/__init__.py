"""Page objects: pure extraction functions, HTML in, fields out, no network."""
