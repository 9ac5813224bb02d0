"""Extraction on a sample of the replica's own corpus: every English generation, every Chinese
template, bodies equal to the gold text after boilerplate stripping."""

from collections import defaultdict

import pytest

from mee_archive.pages.decode import decode_html
from mee_archive.pages.en_release import parse_release
from mee_archive.pages.zh_article import parse_article
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.render_en import render_release
from mee_archive.replica.render_zh import render_zh_article
from mee_archive.text import strip_boilerplate

PER_KIND = 6  # pages checked per generation / template
# The corpus reaches generation D (Dec 2018 onward at the current end) only past ~2,500 releases.
RELEASES = 3000


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(5, RELEASES)


def _sample(items, kind):
    chosen = defaultdict(list)
    for item in items:
        if len(chosen[kind(item)]) < PER_KIND:
            chosen[kind(item)].append(item)
    return [item for group in chosen.values() for item in group]


def test_english_sample_of_every_generation(corpus):
    sample = _sample(corpus.en, lambda r: (r.generation, r.section == "news_release"))
    assert {r.generation for r in sample} == {"A", "A2", "B", "C", "D"}
    for release in sample:
        item = parse_release(render_release(release), release.url)
        kept, _ = strip_boilerplate(item["paragraphs"], title=item["title"])
        assert kept == list(release.paragraphs), release.url
        assert (item["title"], item["section"], item["docid"]) == (release.title, release.section, release.docid)
        assert [i["url"].rsplit("/", 1)[1] for i in item["images"]] == [e.filename for e in release.images]
        assert [a["title"] for a in item["attachments"]] == [e.title for e in release.attachments]
        assert item["translation_notice"] and item["template"] == release.generation


def test_chinese_sample_of_every_template(corpus):
    sample = _sample(corpus.zh, lambda a: (a.template, a.encoding))
    assert {a.template for a in sample} == {"channel", "xxgk2018", "legacy"}
    for article in sample:
        body = render_zh_article(article, declare_charset=article.docid % 2 == 0).encode(article.encoding)
        item = parse_article(decode_html(body, None), article.url)
        assert item["paragraphs"] == list(article.paragraphs), article.url
        assert (item["title"], item["source"], item["template"]) == (article.title, article.source, article.template)
        assert item["published"][:10] == article.published.date().isoformat()
