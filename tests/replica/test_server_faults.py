"""Each fault mode through a real server: what the client sees, and that retries recover."""

from __future__ import annotations

import http.client
import threading
from urllib.parse import urljoin, urlsplit

import parsel
import pytest

from mee_archive.replica.faults import FAULT_MODES, FaultConfig, permanent_losses
from mee_archive.replica.server import ReplicaServer

pytestmark = pytest.mark.slow


def serving(corpus, mode: str, **kw) -> ReplicaServer:
    return ReplicaServer(corpus, faults=FaultConfig(modes=frozenset({mode}), rate=1.0, seed=3, **kw)).start()


def test_config_rejects_unknown_modes_and_bad_rates():
    with pytest.raises(ValueError, match="bogus"):
        FaultConfig.parse("5xx,bogus")
    with pytest.raises(ValueError):
        FaultConfig(rate=1.5)
    assert FaultConfig.parse("all").modes == frozenset(FAULT_MODES)
    assert FaultConfig.parse("").modes == frozenset()


def test_selection_is_deterministic_and_follows_the_rate():
    paths = [f"/News_service/news_release/201801/t20180101_{i}.shtml" for i in range(2000)]
    a = FaultConfig(modes=frozenset({"5xx"}), rate=0.1, seed=5)
    hit = [p for p in paths if a.hits("5xx", p)]
    assert hit == [p for p in paths if FaultConfig(modes=frozenset({"5xx"}), rate=0.1, seed=5).hits("5xx", p)]
    assert 120 < len(hit) < 280
    assert hit != [p for p in paths if FaultConfig(modes=frozenset({"5xx"}), rate=0.1, seed=6).hits("5xx", p)]
    assert not any(FaultConfig(rate=1.0).hits("5xx", p) for p in paths)  # off unless switched on


def test_no_faults_by_default(corpus, fetch):
    with ReplicaServer(corpus) as srv:
        assert {fetch(srv, r.url)[0] for r in corpus.en} == {200}


@pytest.mark.parametrize("hits", [1, 2])
def test_server_errors_then_success(corpus, hits, fetch):
    with serving(corpus, "5xx", transient_hits=hits) as srv:
        url = corpus.releases()[0].url
        first = [fetch(srv, url) for _ in range(hits)]
        assert all(status in (500, 502, 503, 504) for status, _, _ in first)
        assert all(h["Retry-After"] == "1" for s, h, _ in first if s == 503)
        assert fetch(srv, url)[0] == 200
        assert fetch(srv, "http://english.mee.gov.cn/robots.txt")[0] == 200  # robots never fails
        assert [r.fault for r in srv.requests[: hits + 1]] == ["5xx"] * hits + [None]


def test_429_carries_retry_after(corpus, fetch):
    with serving(corpus, "429", retry_after=2) as srv:
        status, headers, _ = fetch(srv, "http://www.mee.gov.cn/ywdt/hjywnews/")
        assert (status, headers["Retry-After"]) == (429, "2")
        assert fetch(srv, "http://www.mee.gov.cn/ywdt/hjywnews/")[0] == 200


@pytest.mark.parametrize("mode, kw", [("reset", {}), ("stall", {"stall_seconds": 0.2})])
def test_connection_dropped_without_response_then_served(corpus, mode, kw, fetch):
    with serving(corpus, mode, **kw) as srv:
        url = corpus.releases()[0].url
        with pytest.raises((ConnectionError, http.client.RemoteDisconnected)):
            fetch(srv, url)
        assert fetch(srv, url)[0] == 200
        assert (srv.requests[0].status, srv.requests[0].fault) == (0, mode)


def test_stop_releases_a_stalled_request(corpus, fetch):
    srv = serving(corpus, "stall", stall_seconds=600)
    errors = []

    def stalled_get() -> None:
        try:
            fetch(srv, corpus.en[0].url)
        except (ConnectionError, http.client.RemoteDisconnected) as exc:
            errors.append(exc)

    worker = threading.Thread(target=stalled_get)
    worker.start()
    for _ in range(1000):  # until the request has reached the server (bounded)
        if srv.requests:  # logged before the stall begins
            break
        worker.join(0.01)
    srv.stop()
    worker.join(10)
    assert not worker.is_alive() and errors


def test_truncated_body_then_whole(corpus, fetch):
    with serving(corpus, "truncate") as srv:
        url = corpus.releases()[0].url
        with pytest.raises(http.client.IncompleteRead):
            fetch(srv, url, {"Accept-Encoding": "gzip"})
        status, _, body = fetch(srv, url)
        assert status == 200 and body.rstrip().lower().endswith(b"</html>")


def test_notfound_for_listed_articles_is_permanent_and_reported(corpus, fetch):
    with ReplicaServer(corpus, faults=FaultConfig(modes=frozenset({"notfound"}), rate=0.3, seed=1)) as srv:
        lost = permanent_losses(corpus, srv.faults)
        assert lost and set(lost.values()) == {"404 Not Found"}
        gone = next(iter(lost))
        assert [fetch(srv, gone)[0] for _ in range(3)] == [404] * 3
        kept = next(r.url for r in corpus.en if r.url not in lost)
        assert fetch(srv, kept)[0] == 200
        listed = parsel.Selector(fetch(srv, "http://english.mee.gov.cn/News_service/news_release/")[2].decode())
        assert listed.css("ul.news_list a")  # lists stay whole: the loss is the article only


def test_redirect_loop_bounces_between_host_names(corpus, fetch):
    with serving(corpus, "redirect_loop") as srv:
        url = corpus.releases()[0].url
        status, headers, _ = fetch(srv, url)
        assert status == 302 and urlsplit(headers["Location"]).hostname == "english.mep.gov.cn"
        status, headers, _ = fetch(srv, headers["Location"])
        assert (status, headers["Location"]) == (302, url)
        assert permanent_losses(corpus, srv.faults)[url] == "redirect loop"


def test_redirect_old_hosts_and_lists_linking_through_them(corpus, fetch):
    with serving(corpus, "redirect") as srv:
        r = corpus.releases()[0]
        status, headers, _ = fetch(srv, r.url.replace("english.mee", "english.sepa"))
        assert (status, headers["Location"]) == (301, r.url)
        page = "http://english.mee.gov.cn/News_service/news_release/"
        hrefs = parsel.Selector(fetch(srv, page)[2].decode()).css("ul.news_list a::attr(href)").getall()
        assert all(urlsplit(h).hostname == "english.mep.gov.cn" for h in hrefs)
        status, headers, _ = fetch(srv, urljoin(page, hrefs[0]))
        assert status == 301 and fetch(srv, headers["Location"])[0] == 200
        assert not permanent_losses(corpus, srv.faults)


def test_duplicate_entries_keep_the_page_count(corpus, fetch):
    page = "http://english.mee.gov.cn/News_service/news_release/"
    with ReplicaServer(corpus) as clean, serving(corpus, "duplicates") as dup:
        a, b = fetch(clean, page)[2], fetch(dup, page)[2]
        hrefs = parsel.Selector(b.decode()).css("ul.news_list a::attr(href)").getall()
        assert len(hrefs) == len(set(hrefs)) + 1
        assert set(hrefs) == set(parsel.Selector(a.decode()).css("ul.news_list a::attr(href)").getall())
        assert b"var countPage = 3//" in a and b"var countPage = 3//" in b


@pytest.mark.parametrize("mode", ["malformed", "oversized"])
def test_damaged_pages_keep_their_text(corpus, mode, visible_lines, fetch):
    with ReplicaServer(corpus) as clean, serving(corpus, mode, oversize_bytes=200_000) as bad:
        for item in [corpus.releases()[0], corpus.releases()[2], corpus.zh[0]]:
            good, broken = fetch(clean, item.url)[2], fetch(bad, item.url)[2]
            assert broken != good
            assert visible_lines(broken) == visible_lines(good)
            if mode == "oversized":
                assert len(broken) > 200_000
            else:
                assert not broken.rstrip().lower().endswith(b"</html>")


def test_malformed_legacy_page_stays_gb2312(corpus, fetch):
    legacy = next(a for a in corpus.zh if a.template == "legacy")
    with serving(corpus, "malformed") as srv:
        assert legacy.title.encode("gb2312") in fetch(srv, legacy.url)[2]


def test_charset_wrong_or_missing_in_header_only(corpus, fetch):
    with serving(corpus, "charset") as srv:
        types = {fetch(srv, r.url)[1]["Content-Type"] for r in corpus.en}
        assert types == {"text/html", "text/html; charset=ISO-8859-1"}
        assert b'<meta charset="UTF-8">' in fetch(srv, corpus.releases()[4].url)[2]
