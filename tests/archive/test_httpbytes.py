"""The HTTP heads rebuilt from Scrapy objects are what went over the wire, byte for byte."""

from scrapy import Request
from scrapy.http import Headers, Response

from mee_archive.archive.httpbytes import request_head, response_head


def test_response_head_keeps_every_value_and_raw_bytes() -> None:
    headers = Headers()
    headers.appendlist(b"Set-Cookie", b"a=1")
    headers.appendlist(b"Set-Cookie", b"b=2")
    headers[b"X-Note"] = b"caf\xe9"  # latin-1, not UTF-8: must come out unchanged
    response = Response("http://example.org/", status=404, headers=headers, protocol="HTTP/1.0")
    assert response_head(response) == (
        b"HTTP/1.0 404 Not Found\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Note: caf\xe9\r\n\r\n"
    )


def test_http2_is_written_as_http11_and_unknown_status_has_empty_reason() -> None:
    head = response_head(Response("https://example.org/", status=599, protocol="h2"))
    assert head == b"HTTP/1.1 599 \r\n\r\n"


def test_request_head_origin_form_with_query_and_implicit_host() -> None:
    request = Request("http://example.org:8080/a/b?x=1&y=2#frag", headers={"Accept": "*/*"})
    assert request_head(request) == (
        b"GET /a/b?x=1&y=2 HTTP/1.1\r\nAccept: */*\r\nHost: example.org:8080\r\n\r\n"
    )


def test_request_through_http_proxy_uses_absolute_form_without_proxy_credentials() -> None:
    request = Request("http://english.mee.gov.cn/x.shtml", meta={"proxy": "http://127.0.0.1:1"},
                      headers={"Proxy-Authorization": "Basic c2VjcmV0"})
    assert request_head(request) == (
        b"GET http://english.mee.gov.cn/x.shtml HTTP/1.1\r\nHost: english.mee.gov.cn\r\n\r\n"
    )


def test_request_with_body_states_its_length_first() -> None:
    request = Request("https://example.org/", method="POST", body=b"q=1")
    assert request_head(request) == b"POST / HTTP/1.1\r\nContent-Length: 3\r\nHost: example.org\r\n\r\n"


def test_content_length_scrapy_invents_for_bodiless_answers_is_left_out() -> None:
    # Twisted reports length 0 for a 304 and Scrapy adds "Content-Length: 0" the server never sent
    not_modified = Response("http://example.org/", status=304,
                            headers={"Content-Length": "0", "ETag": '"x"'})
    assert response_head(not_modified) == b'HTTP/1.1 304 Not Modified\r\nEtag: "x"\r\n\r\n'
    head = Response("http://example.org/", status=200, headers={"Content-Length": "0"})
    assert response_head(head, "HEAD") == b"HTTP/1.1 200 OK\r\n\r\n"
    assert response_head(head) == b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
