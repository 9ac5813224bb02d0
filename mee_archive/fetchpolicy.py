"""Only the site is fetched: the downloader middleware every request passes first.

A page can name any URL — ``file:///etc/passwd`` as an image, an embed on ``127.0.0.1``, an
``ftp://`` attachment, ``http://[bad``. Before anything is sent, a request is refused unless its
scheme is http or https, its URL is well formed, and its host is one the spider crawls
(``allowed_domains``) or, for page requisites, one MEE_REQUISITE_HOSTS lists. Without a proxy (the
real sites are the target) the host must also resolve to public addresses only: a hostile DNS
answer must not turn the crawler against the machine's own network. Through MEE_PROXY the proxy
resolves names and is trusted. A refusal raises :class:`Refused`, so the request's errback names it
(the run manifest's errors) and ``mee/refused/<why>`` counts it; nothing of it is ever read.

This replaces Scrapy's OffsiteMiddleware, which drops off-site requests from a signal handler,
where no errback hears of it (an off-site redirect vanished without a word).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import SplitResult, urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from mee_archive.requestkinds import REQUISITE

WEB_SCHEMES = ("http", "https")


class Refused(IgnoreRequest):
    """A request the fetch policy refused; the message says why in one line."""

    def __init__(self, kind: str, why: str) -> None:
        super().__init__(f"refused ({kind}): {why}")
        self.kind = kind


def host_allowed(host: str, domains: list[str]) -> bool:
    """The host is one of ``domains`` or below one (Scrapy's allowed_domains rule)."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def _parts(url: str) -> SplitResult:
    """The URL split, its port checked; ValueError names what is malformed."""
    parts = urlsplit(url)
    parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    if not parts.hostname or any(ch.isspace() for ch in parts.netloc):
        raise ValueError("no host name")
    return parts


def url_refusal(url: str, domains: list[str] | None) -> Refused | None:
    """Why ``url`` may not be fetched by scheme, form or host; None when it may."""
    try:
        parts = _parts(url)
    except ValueError as error:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme and scheme not in WEB_SCHEMES:
            return Refused("scheme", f"{scheme}: URLs are never fetched")
        return Refused("malformed", f"not a well-formed URL ({error})")
    if parts.scheme.lower() not in WEB_SCHEMES:
        return Refused("scheme", f"{parts.scheme.lower()}: URLs are never fetched")
    host = parts.hostname.rstrip(".")
    if domains is not None and not host_allowed(host, domains):
        return Refused("host", f"host {host} is not one the crawl may fetch from")
    return None


def non_public(addresses: list[str]) -> str | None:
    """The first address that is not a public unicast one (loopback, private, link-local,
    reserved, multicast, unspecified), or None."""
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        mapped = getattr(address, "ipv4_mapped", None) or address
        if not mapped.is_global or mapped.is_multicast:
            return text
    return None


async def resolve(host: str) -> list[str]:
    """Every address the system resolver gives for ``host`` ([] when it gives none)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return []  # the download itself then fails, and is named, as a DNS error
    return [info[4][0] for info in infos]


class FetchPolicyMiddleware:
    """Refuse every request the crawl has no business sending (see the module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.requisite_hosts = crawler.settings.getlist("MEE_REQUISITE_HOSTS")
        self.requisite_size = crawler.settings.getint("MEE_MAX_REQUISITE_SIZE")
        self.check_addresses = not (crawler.settings.get("MEE_PROXY")
                                    or crawler.settings.getbool("MEE_ALLOW_PRIVATE_ADDRESSES"))
        self.addresses: dict[str, str | None] = {}  # host -> the non-public address it resolved to

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "FetchPolicyMiddleware":
        return cls(crawler)

    def domains(self, request: Request, spider: Spider | None) -> list[str] | None:
        """Hosts the request may go to; None (any) for a spider without allowed_domains, as in
        Scrapy (every spider of the project names its own)."""
        own = list(getattr(spider, "allowed_domains", None) or [])
        if not own:
            return None
        return own + self.requisite_hosts if request.meta.get(REQUISITE) else own

    async def process_request(self, request: Request) -> None:
        refusal = url_refusal(request.url, self.domains(request, self.crawler.spider))
        if refusal is None and self.check_addresses:
            refusal = await self.address_refusal(urlsplit(request.url).hostname or "")
        if refusal is not None:
            self.crawler.stats.inc_value("mee/refused")
            self.crawler.stats.inc_value(f"mee/refused/{refusal.kind}")
            raise refusal
        if request.meta.get(REQUISITE):
            request.meta.setdefault("download_maxsize", self.requisite_size)

    async def address_refusal(self, host: str) -> Refused | None:
        """A refusal when ``host`` is or resolves to a non-public address (cached per host)."""
        if host not in self.addresses:
            try:
                literal = [str(ipaddress.ip_address(host))]
            except ValueError:
                literal = []
            self.addresses[host] = non_public(literal or await resolve(host))
        found = self.addresses[host]
        return None if found is None else Refused("address", f"host {host} resolves to non-public address {found}")
