"""How a spider reports requests that failed for good: counted, named, sent to the manifest."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from mee_archive.signals import request_failed
from mee_archive.spiders.base import ArchiveSpider

URL = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_1.shtml"


class Spider(ArchiveSpider):
    name = "failing"


@pytest.fixture()
def spider_and_reports() -> tuple[ArchiveSpider, list[tuple[str, str]]]:
    crawler = get_crawler(Spider, {"TWISTED_REACTOR_ENABLED": False})
    spider = Spider.from_crawler(crawler)
    reports: list[tuple[str, str]] = []
    crawler.signals.connect(lambda url, reason: reports.append((url, reason)), signal=request_failed, weak=False)
    return spider, reports


def failure(exception: Exception, request: Request) -> Failure:
    try:
        raise exception
    except type(exception):
        f = Failure()
    f.request = request  # type: ignore[attr-defined]
    return f


def test_http_errors_redirect_loops_and_timeouts_are_reported_under_the_url_asked_for(spider_and_reports) -> None:
    spider, reports = spider_and_reports
    request = Request(URL)
    spider.failed(failure(HttpError(Response(URL, status=404, request=request)), request))
    looped = Request(URL + "?again", meta={"redirect_urls": [URL, URL + "?loop"]})
    spider.failed(failure(IgnoreRequest("max redirections reached"), looped))
    spider.failed(failure(TimeoutError("took too long"), request))
    assert reports == [(URL, "HTTP 404"), (URL, "IgnoreRequest: max redirections reached"),
                       (URL, "TimeoutError: took too long")]
    stats = spider.crawler.stats
    assert stats.get_value("mee/errors") == 3
    assert stats.get_value("mee/first_error") == f"{URL}: HTTP 404"


def test_a_page_robots_txt_forbids_is_counted_not_reported_as_an_error(spider_and_reports) -> None:
    spider, reports = spider_and_reports
    request = Request(URL)
    spider.failed(failure(IgnoreRequest("Forbidden by robots.txt"), request))
    assert reports == []
    assert spider.crawler.stats.get_value("mee/errors") is None
    assert spider.crawler.stats.get_value("mee/robots_forbidden") == 1


def test_a_redirect_back_into_its_own_chain_is_a_failure_not_a_silent_duplicate() -> None:
    from mee_archive.dupefilter import LoopReportingDupeFilter

    failures: list[Failure] = []
    dupefilter = LoopReportingDupeFilter()
    first = Request(URL, errback=failures.append)
    assert not dupefilter.request_seen(first)
    alias = URL.replace("english.mee", "english.mep")
    assert not dupefilter.request_seen(first.replace(url=alias, meta={"redirect_urls": [URL]}))
    assert dupefilter.request_seen(first.replace(url=URL, meta={"redirect_urls": [URL, alias]}))
    assert [f.getErrorMessage() for f in failures] == [f"redirect loop: {URL} -> {alias} -> {URL}"]
    assert dupefilter.request_seen(first)  # a plain repeat stays a silent duplicate
    assert len(failures) == 1


def test_a_url_that_cannot_become_a_request_costs_only_itself_and_is_named(spider_and_reports) -> None:
    spider, reports = spider_and_reports
    bad = ["http://english.mee.gov.cn:99999/a.jpg", "http://[bad/a.jpg", "javascript:void(0)"]
    made = [request for url in [*bad, URL] for request in spider.ask(url, spider.parse)]
    assert [request.url for request in made] == [URL]
    assert [url for url, _ in reports] == bad
    assert all(reason.startswith("refused (malformed): not a URL that can be requested") for _, reason in reports)
    assert spider.crawler.stats.get_value("mee/errors") == 3


def test_robots_txt_forbidding_a_listed_release_is_a_named_loss(spider_and_reports) -> None:
    from mee_archive.requestkinds import LISTED

    spider, reports = spider_and_reports
    spider.failed(failure(IgnoreRequest("Forbidden by robots.txt"), Request(URL, meta={LISTED: True})))
    assert reports == [(URL, "forbidden by robots.txt")]
    assert spider.crawler.stats.get_value("mee/robots_forbidden") == 1


def test_a_page_listed_twice_counts_once(spider_and_reports) -> None:
    """A Chinese article in two channels, or a release on two list pages, is one listed page:
    the dupefilter asks for it once, so counting it twice would show a loss that is not one."""
    spider, _ = spider_and_reports
    for url in (URL, URL, URL.replace("_1.", "_2.")):
        spider.ask(url, spider.parse, listed=True)
    spider.ask(URL.replace("_1.", "_3."), spider.parse)  # not a listed page: an embed, a list page
    assert spider.crawler.stats.get_value("mee/listed") == 2


def test_a_list_page_lost_for_good_is_named_and_the_walk_goes_on(spider_and_reports) -> None:
    spider, reports = spider_and_reports
    first = "http://english.mee.gov.cn/News_service/news_release/"
    [page_3] = spider.next_list_page(first, 2, 10, 0, spider.parse)
    assert page_3.url == first + "index_3.shtml" and page_3.errback == spider.list_page_failed
    response = HtmlResponse(page_3.url, status=503, request=page_3)
    [page_4] = spider.list_page_failed(failure(HttpError(response), page_3))
    assert reports == [(page_3.url, "HTTP 503")]
    assert page_4.url == first + "index_4.shtml" and page_4.cb_kwargs["index"] == 4
    [last] = spider.next_list_page(first, 8, 10, 0, spider.parse)
    assert spider.list_page_failed(failure(HttpError(HtmlResponse(last.url, status=503, request=last)), last)) == []
    # a page that is not there ends the list (page 0 declared more pages than it has)
    assert spider.list_page_failed(failure(HttpError(HtmlResponse(page_4.url, status=404, request=page_4)), page_4)) == []
    assert first in spider.walked_to_end

