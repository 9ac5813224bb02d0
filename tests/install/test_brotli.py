"""Scrapy decodes brotli in the project's own environment. pywb pulls in brotlipy, whose `brotli`
package shadows Google's `brotli` module that Scrapy calls (Decompressor.process); the set-up
script removes it (scripts/setup-venv). This fails whenever an install brings the shadow back."""

from __future__ import annotations

import brotli
from scrapy import Request, Spider
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler


def test_a_brotli_body_is_decoded_by_scrapy() -> None:
    page = b"<html><body>" + b"<p>Air quality improved.</p>" * 500 + b"</body></html>"
    crawler = get_crawler(Spider)
    crawler.spider = crawler._create_spider("t")
    middleware = HttpCompressionMiddleware.from_crawler(crawler)
    request = Request("http://english.mee.gov.cn/")
    response = HtmlResponse(request.url, body=brotli.compress(page), request=request,
                            headers={"Content-Encoding": "br", "Content-Type": "text/html"})
    decoded = middleware.process_response(request, response)
    assert decoded.body == page
    assert b"Content-Encoding" not in decoded.headers
