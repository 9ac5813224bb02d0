"""The replica server on a real loopback port: proxy and origin forms, transport, validators."""

from __future__ import annotations

import gzip
import http.client
import urllib.error
import urllib.request

import pytest

from mee_archive.replica.server import ReplicaServer
from mee_archive.replica.site import stable_hash

pytestmark = pytest.mark.slow


@pytest.fixture
def server(corpus):
    with ReplicaServer(corpus) as srv:
        yield srv


def test_proxy_form_and_host_form_give_the_same_page(server, corpus, fetch):
    url = corpus.releases()[0].url
    a = fetch(server, url)
    b = fetch(server, url, proxy=False)
    assert a[0] == b[0] == 200 and a[2] == b[2] and corpus.releases()[0].title.encode() in a[2]
    assert [(r.method, r.url, r.status) for r in server.requests] == [("GET", url, 200)] * 2


def test_urllib_through_the_proxy(server, corpus):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.url}))
    with opener.open("http://www.mee.gov.cn/ywdt/hjywnews/", timeout=10) as resp:
        assert resp.status == 200 and "cjcx_danduimg_list" in resp.read().decode("utf-8")


def test_old_host_names_serve_the_same_paths(server, corpus, fetch):
    r = corpus.releases()[1]
    assert fetch(server, r.url.replace("english.mee.gov.cn", "english.sepa.gov.cn"))[2] == fetch(server, r.url)[2]
    zh = corpus.zh[0]
    assert fetch(server, zh.url.replace("www.mee", "www.mep"))[0] == 200


def test_unknown_host_is_a_clear_502_and_connect_501(server, fetch):
    status, _, body = fetch(server, "http://example.org/")
    assert status == 502 and b"example.org" in body
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("CONNECT", "english.mee.gov.cn:443")
    assert conn.getresponse().status == 501
    conn.close()
    assert [(r.url, r.status) for r in server.requests] == [("http://example.org/", 502), ("english.mee.gov.cn:443", 501)]


def _paths_by_transport(corpus):
    """Release paths the server gzips (when asked) and ones it never does; chunked and not."""
    paths = [r.url for r in corpus.en]
    gz = [u for u in paths if stable_hash(u.split(".cn", 1)[1]) % 4]
    ident = [u for u in paths if not stable_hash(u.split(".cn", 1)[1]) % 4]
    chunked = [u for u in paths if stable_hash(u.split(".cn", 1)[1]) % 3 == 0]
    return gz, ident, chunked


def test_gzip_only_when_accepted_and_not_for_every_page(server, corpus, fetch):
    gz, ident, _ = _paths_by_transport(corpus)
    assert gz and ident
    status, headers, body = fetch(server, gz[0], {"Accept-Encoding": "gzip, deflate"})
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    plain = fetch(server, gz[0])
    assert "Content-Encoding" not in plain[1] and gzip.decompress(body) == plain[2]
    assert "Content-Encoding" not in fetch(server, ident[0], {"Accept-Encoding": "gzip"})[1]
    assert "Content-Encoding" not in fetch(server, gz[0], {"Accept-Encoding": "gzip;q=0"})[1]


def test_some_responses_are_chunked(server, corpus, fetch):
    _, _, chunked = _paths_by_transport(corpus)
    status, headers, body = fetch(server, chunked[0])
    assert headers["Transfer-Encoding"] == "chunked" and "Content-Length" not in headers
    assert body.rstrip().lower().endswith(b"</html>")
    other = next(u for u in (r.url for r in corpus.en) if u not in chunked)
    assert int(fetch(server, other)[1]["Content-Length"]) == len(fetch(server, other)[2])


def test_conditional_requests_get_304(server, corpus, fetch):
    url = "http://english.mee.gov.cn/News_service/news_release/"
    _, headers, _ = fetch(server, url)
    assert fetch(server, url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(server, url, {"If-None-Match": '"other"'})[0] == 200
    assert fetch(server, url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(server, url, {"If-Modified-Since": "Sun, 01 Jan 2017 00:00:00 GMT"})[0] == 200
    gz = fetch(server, url, {"Accept-Encoding": "gzip"})[1]["ETag"]
    assert fetch(server, url, {"If-None-Match": gz, "Accept-Encoding": "gzip"})[0] == 304
    assert fetch(server, url)[1]["Last-Modified"] == headers["Last-Modified"]


def test_robots_404_types_and_gb2312(server, corpus, fetch):
    status, headers, body = fetch(server, "http://english.mee.gov.cn/robots.txt")
    assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8" and b"Disallow" in body
    assert fetch(server, "http://www.mee.gov.cn/robots.txt")[0] == 200
    assert fetch(server, "http://english.mee.gov.cn/nothing/here.shtml")[0] == 404
    legacy = [a for a in corpus.zh if a.template == "legacy"]
    status, headers, body = fetch(server, legacy[0].url)
    assert headers["Content-Type"] in ("text/html; charset=gb2312", "text/html")
    assert legacy[0].title.encode("gb2312") in body
    pdf = next(r for r in corpus.releases() if r.attachments)
    status, headers, body = fetch(server, pdf.url.rsplit("/", 1)[0] + "/" + pdf.attachments[0].filename)
    assert headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")


def test_folder_without_slash_redirects_on_the_same_host(server, fetch):
    status, headers, _ = fetch(server, "http://english.mep.gov.cn/News_service/news_release")
    assert status == 301 and headers["Location"] == "http://english.mep.gov.cn/News_service/news_release/"


def test_keep_alive_serves_many_requests_on_one_connection(server, corpus):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    for r in corpus.en[:20]:
        conn.request("GET", r.url, headers={"Accept-Encoding": "gzip"})
        resp = conn.getresponse()
        resp.read()
        assert resp.status == 200
    conn.close()
    assert len(server.requests) == 20


def test_busy_port_fails_at_once(server, corpus):
    with pytest.raises(OSError):
        ReplicaServer(corpus, port=server.port)


def test_start_is_idempotent_and_stop_releases_the_port(corpus):
    srv = ReplicaServer(corpus).start()
    assert srv.start() is srv
    port = srv.port
    srv.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)


def test_a_bug_in_rendering_is_a_500_not_a_dropped_connection(server, corpus, capfd, fetch):
    def broken(kind, path):
        raise RuntimeError("template bug")

    server.site.resolve = broken
    status, _, body = fetch(server, corpus.releases()[0].url)
    assert status == 500 and b"Internal error" in body
    assert server.requests[-1].status == 500
    assert "template bug" in capfd.readouterr().err
