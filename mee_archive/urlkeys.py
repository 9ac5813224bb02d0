"""Sets of URLs held for a whole crawl, kept as 64-bit keys instead of the URL strings.

A crawl remembers every page it lists and every record's latest version; at 20,000 releases the
URL strings alone (~150 bytes each, the set's slots besides) were a large part of why peak memory
grew with the section. A key is the first 8 bytes of the URL's BLAKE2b digest, 32 bytes as a
Python int: two different URLs share one with a probability of about n²/2⁶⁵ (10⁻¹⁰ for the
section's ~200,000 URLs of twenty years).
"""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b


def url_key(url: str) -> int:
    """The 64-bit key standing for ``url``."""
    return int.from_bytes(blake2b(url.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


class UrlKeys:
    """A set of URLs that holds only their keys: add, membership, size."""

    def __init__(self, urls: Iterable[str] = ()) -> None:
        self._keys = {url_key(url) for url in urls}

    def add(self, url: str) -> None:
        self._keys.add(url_key(url))

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and url_key(url) in self._keys

    def __len__(self) -> int:
        return len(self._keys)
