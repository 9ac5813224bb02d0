"""Fault modes of the replica: switchable per run, deterministic from the seed, off by default.

Which URLs a mode hits is a pure function of (seed, mode, path), so two runs with the same
configuration fail the same way and tests can predict them. Transient faults (5xx, 429,
reset, stall, truncate) hit a URL only its first ``transient_hits`` times, so a retrying
crawler still gets everything; permanent ones (``notfound`` and ``redirect_loop`` for
listed articles) make pages legitimately missing, and :func:`permanent_losses` says which.
"""

from __future__ import annotations

import hashlib
import random
import re
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from mee_archive.replica.model import EN_ALIASES, EN_HOST, ZH_ALIASES, ZH_HOST, Corpus
from mee_archive.replica.render_common import ListEntry
from mee_archive.replica.site import Resource

TRANSIENT = ("5xx", "429", "reset", "stall", "truncate")
PERMANENT = ("notfound", "redirect_loop")
CONTENT = ("charset", "redirect", "duplicates", "malformed", "oversized")
FAULT_MODES = TRANSIENT + PERMANENT + CONTENT
SERVER_ERRORS = (500, 502, 503, 504)
CANONICAL = {"en": EN_HOST, "zh": ZH_HOST}
ALIAS = {"en": EN_ALIASES[0], "zh": ZH_ALIASES[0]}


@dataclass(frozen=True)
class FaultConfig:
    """Which faults are on, how often, and how hard they hit."""

    modes: frozenset[str] = frozenset()
    rate: float = 0.1  # share of eligible URLs each mode hits
    seed: int = 0
    transient_hits: int = 1  # a transient fault hits a URL only its first K requests
    stall_seconds: float = 5.0  # longer than the crawler's download timeout, in tests
    retry_after: int = 1  # seconds, sent with 429 and 503
    oversize_bytes: int = 3 * 1024 * 1024  # padding added to an oversized page

    def __post_init__(self) -> None:
        unknown = set(self.modes) - set(FAULT_MODES)
        if unknown:
            raise ValueError(f"unknown fault mode(s): {', '.join(sorted(unknown))}; known: {', '.join(FAULT_MODES)}")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"fault rate must be between 0 and 1, not {self.rate}")

    @classmethod
    def parse(cls, spec: str, **kwargs: Any) -> FaultConfig:
        """From a comma-separated list of modes ("5xx,429", "all" or "" for none)."""
        names = {n.strip() for n in spec.split(",") if n.strip()}
        modes = set(FAULT_MODES) if names == {"all"} else names
        return cls(modes=frozenset(modes), **kwargs)

    def hits(self, mode: str, path: str) -> bool:
        """Whether ``mode`` is on and selects ``path`` (host-independent, stable across runs)."""
        if mode not in self.modes:
            return False
        digest = hashlib.blake2b(f"{self.seed}:{mode}:{path}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") < self.rate * 2**64

    def lost(self, path: str) -> str | None:
        """Why a listed article at ``path`` can never be fetched, or None."""
        if self.hits("notfound", path):
            return "404 Not Found"
        if self.hits("redirect_loop", path):
            return "redirect loop"
        return None


def permanent_losses(corpus: Corpus, config: FaultConfig) -> dict[str, str]:
    """URL -> reason for every article a crawler legitimately cannot get under ``config``."""
    pages = [(r.url, r.path) for r in corpus.en] + [(a.url, a.path) for a in corpus.zh]
    return {url: why for url, path in pages if (why := config.lost(path))}


def _pick(path: str, n: int) -> int:
    """A stable choice among ``n`` variants of a fault for ``path``."""
    return hashlib.md5(path.encode()).digest()[0] % n


@dataclass(frozen=True)
class Redirect:
    status: int
    location: str


@dataclass
class FaultPlan:
    """The per-run state of the faults: counts of transient hits per path, behind a lock."""

    config: FaultConfig
    _counts: Counter = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- decisions before the origin is consulted ----------------------------------------

    def redirect(self, kind: str, host: str, path: str, article: bool) -> Redirect | None:
        """Old host names 301 to the current one (``redirect``); loop articles bounce between them."""
        canonical = CANONICAL[kind]
        on_alias = host.lower() != canonical
        if article and self.config.hits("redirect_loop", path) and not self.config.hits("notfound", path):
            target = canonical if on_alias else ALIAS[kind]
            return Redirect(302, f"http://{target}{path}")
        if on_alias and "redirect" in self.config.modes:
            return Redirect(301, f"http://{canonical}{path}")
        return None

    def gone(self, path: str, article: bool) -> bool:
        """A listed article that answers 404 (``notfound``)."""
        return article and self.config.hits("notfound", path)

    def transient(self, path: str) -> str | None:
        """The transient fault this request suffers, counting it; None once a URL has had K."""
        mode = next((m for m in TRANSIENT if self.config.hits(m, path)), None)
        if mode is None:
            return None
        with self._lock:
            self._counts[path] += 1
            return mode if self._counts[path] <= self.config.transient_hits else None

    def server_error(self, path: str) -> int:
        """Which 5xx a ``5xx`` fault answers for this path."""
        return SERVER_ERRORS[_pick(path, len(SERVER_ERRORS))]

    # --- changes to what the origin serves -----------------------------------------------

    def entries(self, page_url: str, entries: list[ListEntry]) -> list[ListEntry]:
        """List-page hook: repeat entries (``duplicates``), link some via an old host (``redirect``)."""
        page_path = urlsplit(page_url).path
        kind = "en" if urlsplit(page_url).hostname == EN_HOST else "zh"
        shown = [self._via_alias(kind, page_url, e) for e in entries]
        if entries and self.config.hits("duplicates", page_path):
            shown.insert(len(shown) // 2, shown[0])
        return shown

    def _via_alias(self, kind: str, page_url: str, entry: ListEntry) -> ListEntry:
        path = urlsplit(urljoin(page_url, entry.href)).path
        if self.config.hits("redirect", path):
            return entry._replace(href=f"http://{ALIAS[kind]}{path}")
        return entry

    def content(self, path: str, res: Resource) -> Resource:
        """Apply the content faults that hit ``path``: wrong/missing charset, malformed, oversized."""
        if res.status != 200 or not res.content_type.startswith("text/html"):
            return res
        if self.config.hits("charset", path) and "charset=utf-8" in res.content_type:
            wrong = _pick(path, 2)
            res = replace(res, content_type="text/html; charset=ISO-8859-1" if wrong else "text/html")
        if self.config.hits("malformed", path):
            res = replace(res, body=malform(res.body))
        if self.config.hits("oversized", path):
            end = re.search(rb"</body>", res.body, re.I)
            at = end.start() if end else len(res.body)
            res = replace(res, body=res.body[:at] + self._padding + res.body[at:])
        return res

    @cached_property
    def _padding(self) -> bytes:
        """A hidden block of incompressible-ish filler, the same for every page of the run."""
        filler = random.Random(self.config.seed).randbytes(self.config.oversize_bytes // 2).hex()
        return b'<div style="display:none"><!-- ' + filler.encode("ascii") + b" --></div>\n"


_CLOSERS = re.compile(rb"</(p|li|P|LI|dd|dt)>")


def malform(body: bytes) -> bytes:
    """Typical broken markup of hand-edited CMS pages; parsers recover the same text.

    Closing ``</p>``/``</li>``/``</dt>``/``</dd>`` tags go missing, a stray ``</div></td>``
    follows ``<body>``, an attribute is left unquoted, and the document ends without
    ``</body></html>``. Works on bytes, so GB2312 pages stay GB2312.
    """
    body = _CLOSERS.sub(b"", body)
    body = re.sub(rb"(<body[^>]*>)", rb"\1</div></td>", body, count=1, flags=re.I)
    body = body.replace(b' target="_blank"', b" target=_blank", 1)
    return re.sub(rb"</body>\s*</html>\s*$", b"", body, flags=re.I)

