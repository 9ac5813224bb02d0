"""URL sets held for a whole crawl keep keys, not strings, and still answer as sets of URLs."""

from __future__ import annotations

from mee_archive.urlkeys import UrlKeys, url_key

URLS = [f"http://english.mee.gov.cn/News_service/news_release/2024{m:02d}/t2024{m:02d}01_{n}.shtml"
        for m in range(1, 13) for n in range(500)]


def test_membership_and_size_as_a_set_of_the_urls() -> None:
    keys = UrlKeys(URLS[:3000])
    for url in URLS[3000:3100]:
        keys.add(url)
    keys.add(URLS[0])  # once is once
    assert len(keys) == 3100 == len(set(URLS[:3100]))
    assert all(url in keys for url in URLS[:3100])
    assert not any(url in keys for url in URLS[3100:])
    assert None not in keys and "http://english.mee.gov.cn/x" not in keys


def test_keys_are_64_bit_and_distinct_for_the_urls_of_a_section() -> None:
    keys = {url_key(url) for url in URLS}
    assert len(keys) == len(URLS)
    assert all(0 <= key < 2**64 for key in keys)
    assert url_key("http://a/é") != url_key("http://a/e")
