"""Only the site is fetched: what the fetch policy refuses, before anything is sent."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from scrapy import Request

from mee_archive.fetchpolicy import FetchPolicyMiddleware, Refused, non_public, url_refusal
from mee_archive.requestkinds import REQUISITE
from mee_archive.runner import project_settings

EN = ["english.mee.gov.cn"]
PAGE = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_1.shtml"


@pytest.mark.parametrize("url, kind", [
    ("file:///etc/hostname", "scheme"), ("file:///dev/zero", "scheme"), ("ftp://english.mee.gov.cn/a.pdf", "scheme"),
    ("data:text/html,hi", "scheme"), ("javascript:alert(1)", "scheme"), ("gopher://english.mee.gov.cn/", "scheme"),
    ("http://english.mee.gov.cn:99999/a.jpg", "malformed"), ("http://[bad/a.jpg", "malformed"),
    ("http:///a.jpg", "malformed"), ("http://127.0.0.1:8080/a.jpg", "host"), ("http://evil.example/a.jpg", "host"),
    ("http://english.mee.gov.cn.evil.example/", "host"), ("http://xenglish.mee.gov.cn/", "host"),
])
def test_other_schemes_malformed_urls_and_other_hosts_are_refused(url: str, kind: str) -> None:
    refusal = url_refusal(url, EN)
    assert isinstance(refusal, Refused) and refusal.kind == kind, refusal


def test_the_sites_own_urls_pass() -> None:
    assert url_refusal(PAGE, EN) is None
    assert url_refusal(PAGE.replace("http:", "https:").replace(".cn/", ".cn:443/"), EN) is None
    assert url_refusal("http://ENGLISH.MEE.GOV.CN./x.jpg", ["english.mee.gov.cn"]) is None


def test_loopback_private_link_local_and_reserved_addresses_are_not_public() -> None:
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254", "0.0.0.0",
                    "::1", "fe80::1%eth0", "::ffff:127.0.0.1", "240.0.0.1", "224.0.0.1", "100.64.0.1"):
        assert non_public([address]) == address
    assert non_public(["202.108.22.5", "2001:4860:4860::8888"]) is None


class _Spider:
    allowed_domains = EN


def policy(make_crawler, **settings: object) -> FetchPolicyMiddleware:
    crawler = make_crawler(**settings)
    crawler.spider = _Spider()
    return FetchPolicyMiddleware(crawler)


def refused(mw: FetchPolicyMiddleware, request: Request) -> str | None:
    try:
        asyncio.run(mw.process_request(request))
    except Refused as refusal:
        return refusal.kind
    return None


def test_requisites_may_come_from_the_listed_hosts_pages_only_from_the_spiders(make_crawler) -> None:
    mw = policy(make_crawler, MEE_PROXY="http://127.0.0.1:1")
    zh_image = "http://www.mee.gov.cn/ywdt/201806/W020180627.jpg"
    assert refused(mw, Request(zh_image)) == "host"
    requisite = Request(zh_image, meta={REQUISITE: True})
    assert refused(mw, requisite) is None
    assert requisite.meta["download_maxsize"] == mw.requisite_size > project_settings().getint("DOWNLOAD_MAXSIZE")
    assert refused(mw, Request("http://127.0.0.1:9/x.jpg", meta={REQUISITE: True})) == "host"
    assert mw.crawler.stats.get_value("mee/refused/host") == 2


def test_without_a_proxy_a_host_resolving_to_this_machine_is_refused(make_crawler) -> None:
    """The real site is the target: a name the resolver maps to loopback is never connected to."""
    mw = policy(make_crawler, MEE_PROXY="", MEE_REQUISITE_HOSTS=["localhost", "127.0.0.1"])
    assert refused(mw, Request("http://localhost/x.jpg", meta={REQUISITE: True})) == "address"
    assert refused(mw, Request("http://127.0.0.1/x.jpg", meta={REQUISITE: True})) == "address"
    assert mw.crawler.stats.get_value("mee/refused/address") == 2
    through_proxy = policy(make_crawler, MEE_PROXY="http://127.0.0.1:1", MEE_REQUISITE_HOSTS=["localhost"])
    assert refused(through_proxy, Request("http://localhost/x.jpg", meta={REQUISITE: True})) is None


def test_no_download_handler_exists_for_file_ftp_s3_or_data_urls() -> None:
    """The second wall: even a request past the policy could not read a local file."""
    handlers = project_settings().getdict("DOWNLOAD_HANDLERS")
    assert {scheme: handlers.get(scheme, "missing") for scheme in ("file", "ftp", "s3", "data")} == dict.fromkeys(
        ("file", "ftp", "s3", "data"))
    middlewares = project_settings().getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.offsite.OffsiteMiddleware"] is None
    assert middlewares["mee_archive.fetchpolicy.FetchPolicyMiddleware"] < 100  # before robots.txt is asked


def test_a_site_on_ones_own_network_is_fetched_only_when_allowed_by_setting(make_crawler) -> None:
    allowed = policy(make_crawler, MEE_PROXY="", MEE_ALLOW_PRIVATE_ADDRESSES=True, MEE_REQUISITE_HOSTS=["localhost"])
    assert refused(allowed, Request("http://localhost/x.jpg", meta={REQUISITE: True})) is None
    assert url_refusal("http://anywhere.example/", None) is None  # a spider without allowed_domains, as in Scrapy
    assert url_refusal("file:///etc/hostname", None).kind == "scheme"
