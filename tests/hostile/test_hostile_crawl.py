"""Crawls of the hostile proxy (conftest): what a page names is fetched only when it is the site's,
every listed release ends as an item or as a named failure, the run exits 1, and memory stays
near a normal crawl's."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from mee_archive.feeds import read_records
from mee_archive.manifest import read_manifests

pytestmark = pytest.mark.slow

SECTION = "http://english.mee.gov.cn/News_service/news_release/"
TEXT = "The Ministry of Ecology and Environment held its executive meeting on soil pollution control."
MIB = 1024 * 1024


def release_url(case: int) -> str:
    return f"{SECTION}201806/t201806{case:02d}_{case}.shtml"


def html(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><div class='TRS_Editor'>{body}</div></body></html>").encode()


def list_page(urls: list[str], count: int = 1) -> bytes:
    links = "".join(f'<li><a href="{url}">Release {n}</a> 2018-06-27</li>' for n, url in enumerate(urls))
    return f"<html><body><ul>{links}</ul><script>var countPage = {count}//</script></body></html>".encode()


def answer(body: bytes, status: int = 200, ctype: str = "text/html; charset=utf-8",
           headers: tuple[tuple[str, str], ...] = ()) -> Callable:
    return lambda handler: handler.send(status, body, ctype, headers)


def errors_by_url(output: Path) -> dict[str, list[str]]:
    (manifest,) = read_manifests(output / "runs")
    found: dict[str, list[str]] = {}
    for error in manifest["errors"]:
        found.setdefault(error["url"], []).append(error["reason"])
    return found


def items_by_url(output: Path) -> dict[str, dict]:
    return {item["url"]: item for item in read_records(output / "items" / "news_release.jsonl")}


def gzip_bomb(expanded: int) -> bytes:
    """A gzip body of ~expanded/1000 bytes that inflates to ``expanded`` bytes of tiny paragraphs."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"<p>a</p>" * 131072
    parts = [packer.compress(b"<html><body>")]
    parts += [packer.compress(chunk) for _ in range(expanded // len(chunk))]
    return b"".join(parts) + packer.flush()


def good(case: int, extra: str = "") -> Callable:
    return answer(html(f"Release {case} on soil", f"<p>{TEXT}</p>{extra}"))


@pytest.fixture(scope="module")
def normal_crawl(hostile, crawl_hostile):
    """One ordinary release with one image: the baseline the hostile crawl is held to."""
    hostile.pages = {SECTION: answer(list_page([release_url(1)])), release_url(1): good(1, '<img src="W1.jpg" alt="photo">'),
                        f"{SECTION}201806/W1.jpg": answer(b"\x89PNG" + bytes(5000), ctype="image/png")}
    hostile.forbidden = []
    return crawl_hostile()


@pytest.fixture(scope="module")
def hostile_crawl(hostile, sentinel, crawl_hostile, normal_crawl):
    """Every release-level case of issue 12 on one list page, crawled once."""
    loopback = f"127.0.0.1:{sentinel.port}"
    bomb = gzip_bomb(200 * MIB)
    cases = {
        2: good(2, '<img src="file:///etc/hostname">'),
        3: good(3, '<img src="file:///dev/zero">'),
        4: good(4, f'<img src="http://{loopback}/x.jpg">'),
        5: good(5, f'<a href="ftp://{loopback}/report.pdf">Report</a>'),
        6: good(6, '<img src="javascript:alert(1)"><img src="http://[bad/x.jpg">'
                   '<img src="http://english.mee.gov.cn:99999/x.jpg">'),
        7: answer(bomb, headers=(("Content-Encoding", "gzip"),)),
        8: lambda handler: handler.send_endless(50 * MIB),
        9: answer(b"", 302, headers=(("Location", "http://evil.example/News_service/news_release/x.shtml"),)),
        10: answer(b""),
        11: answer(f"<html><body><div class='TRS_Editor'><p>{TEXT}</p></div></body></html>".encode()),
        12: answer(b"<html><head><title>A title and nothing else</title></head><body></body></html>"),
        13: answer(("<html><body>" + "<div>" * 20000 + TEXT + "</div>" * 20000 + "</body></html>").encode()),
        14: answer(html("Soil\u202e law\x1b[31m\x01\x7f", f"<p>{TEXT}\u2066\x00\x9b done</p>")),
        15: good(15),
    }
    hostile.pages = {SECTION: answer(list_page([release_url(case) for case in cases])),
                     **{release_url(case): respond for case, respond in cases.items()}}
    hostile.forbidden = [release_url(15)]
    return crawl_hostile()


def test_local_files_loopback_ftp_and_bad_urls_are_refused_and_named_and_the_release_kept(
        hostile_crawl, sentinel) -> None:
    crawl = hostile_crawl
    assert crawl.returncode == 1
    assert sentinel.connections == 0  # neither the loopback embed nor the ftp one was connected to
    assert all(url.startswith("http://english.mee.gov.cn/") for url in crawl.requests), crawl.requests
    items, errors = items_by_url(crawl.output), errors_by_url(crawl.output)
    for case in (2, 3, 4, 5, 6, 14):
        assert release_url(case) in items, (case, errors.get(release_url(case)))
    expected = {"file:///etc/hostname": "refused (scheme)", "file:///dev/zero": "refused (scheme)",
                f"http://127.0.0.1:{sentinel.port}/x.jpg": "refused (host)",
                f"ftp://127.0.0.1:{sentinel.port}/report.pdf": "refused (scheme)",
                "http://[bad/x.jpg": "refused (malformed)", "http://english.mee.gov.cn:99999/x.jpg": "refused (malformed)",
                "javascript:alert(1)": "refused (malformed)"}
    for url, reason in expected.items():
        assert any(r.startswith(reason) for r in errors.get(url, [])), (url, errors.get(url))


def test_every_listed_release_is_an_item_or_a_named_failure(hostile_crawl) -> None:
    items, errors = items_by_url(hostile_crawl.output), errors_by_url(hostile_crawl.output)
    named = {
        7: "IgnoreRequest: Ignored response", 8: "DownloadCancelledError: Expected to receive 52428800 bytes", 9: "refused (host): host evil.example",
        10: "empty page", 11: "invalid record: title", 12: "invalid record: body",
        13: "unreadable page: markup too deep", 15: "forbidden by robots.txt",
    }
    for case, reason in named.items():
        assert release_url(case) not in items
        assert any(r.startswith(reason) for r in errors.get(release_url(case), [])), (case, errors.get(release_url(case)))
    (manifest,) = read_manifests(hostile_crawl.output / "runs")
    assert manifest["status"] == "finished" and manifest["counts"]["releases"]["invalid"] == 2


def test_titles_and_bodies_are_plain_text(hostile_crawl) -> None:
    item = items_by_url(hostile_crawl.output)[release_url(14)]
    assert item["title"] == "Soil law[31m"
    assert item["body"] == f"{TEXT} done"
    raw = (hostile_crawl.output / "items" / "news_release.jsonl").read_text("utf-8")
    assert not any(ch in raw for ch in "\u202e\u2066\x1b\x01\x7f\x9b") and "\\u00" not in raw.replace("\\u00a0", "")


def test_the_crawl_opens_no_control_port(hostile_crawl) -> None:
    """Scrapy's remote control (a code-execution HTTP server, on by default) never starts."""
    log = (hostile_crawl.output / "stderr.log").read_text("utf-8", "replace")
    assert "Enabled extensions" in log  # the log holds Scrapy's INFO lines
    assert "RemoteControl" not in log and "Remote control HTTP server" not in log


def test_peak_memory_of_the_worst_cases_stays_near_a_normal_crawls(hostile_crawl, normal_crawl) -> None:
    """A 2 MB gzip bomb of 200 MB, a 50 MB page and /dev/zero cost ~6 GB before: now the crawl's
    peak RSS is within 150 MB of an ordinary one-release crawl (DOWNLOAD_MAXSIZE is 16 MiB)."""
    assert normal_crawl.returncode == 0
    print(f"peak RSS: normal {normal_crawl.max_rss_kib / 1024:.0f} MiB, hostile {hostile_crawl.max_rss_kib / 1024:.0f} MiB")
    assert hostile_crawl.max_rss_kib < normal_crawl.max_rss_kib + 150 * 1024


@pytest.mark.parametrize("count", [2000, 1_000_000_000])
def test_a_list_declaring_more_pages_than_it_has_costs_one_request_more(hostile, crawl_hostile, count) -> None:
    bad = ["http://english.mee.gov.cn:99999/News_service/news_release/201806/t20180601_90.shtml",
           "http://[bad/News_service/news_release/201806/t20180601_91.shtml", "javascript:void(0)"]
    hostile.pages = {SECTION: answer(list_page([*bad, release_url(1)], count)), release_url(1): good(1)}
    hostile.forbidden = []
    crawl = crawl_hostile()
    assert crawl.returncode == 1
    lists = [url for url in crawl.requests if "index" in url or url == SECTION]
    assert lists == [SECTION, SECTION + "index_1.shtml"]
    assert release_url(1) in items_by_url(crawl.output)  # one bad entry does not cost the page
    errors = errors_by_url(crawl.output)
    assert errors[SECTION + "index_1.shtml"] == ["HTTP 404"]
    assert any(r.startswith("refused (malformed)") for r in errors[bad[0]])
    capped = [r for r in errors.get(SECTION, []) if "MEE_MAX_LIST_PAGES" in r]
    assert bool(capped) == (count > 5000)
