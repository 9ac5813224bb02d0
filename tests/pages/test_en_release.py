"""English release extraction on every template generation, and on a layout never seen."""

import json
from datetime import date
from pathlib import Path

import pytest

from mee_archive.pages.blocks import block_lines
from mee_archive.pages.html import parse_html
from mee_archive.pages.media import without_media_labels
from mee_archive.pages.en_release import parse_release
from mee_archive.replica.model import Embed, EnRelease
from mee_archive.replica.render_en import render_release
from mee_archive.text import strip_boilerplate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
# Strings that must never survive in a cleaned body (site-spec, example-release.txt).
BOILERPLATE = (
    "Hot Keywords", "MINISTRY OF ECOLOGY AND ENVIRONMENT", "THE PEOPLE'S REPUBLIC OF CHINA", "Home > News",
    "Article type:", "Font Size", "[Print]", "[Close]", "Translated by Information Center",
    "for your reference only", "Copyright©", "Statement | Sitemap", "Registration Number:",
    "All rights reserved. The content", "Without written authorization",
)


def _clean(item: dict) -> list[str]:
    return strip_boilerplate(item["paragraphs"], title=item["title"])[0]


@pytest.mark.parametrize("gold", GOLD["en"], ids=lambda g: f"{g['generation']}-{g['section']}")
def test_every_generation_is_extracted(gold):
    html = (FIXTURES / gold["file"]).read_text(encoding="utf-8")
    item = parse_release(html, gold["url"])
    assert item["url"] == gold["url"] and item["docid"] == gold["docid"] and item["section"] == gold["section"]
    assert item["title"] == gold["title"]
    assert item["published"] == gold["url_date"]
    printed = gold["printed_date"] if gold["printed_date"] in html else None
    assert item["printed_date"] == (printed if printed != item["published"] else None)
    assert _clean(item) == gold["paragraphs"]
    assert item["images"] == gold["images"]
    assert item["attachments"] == gold["attachments"]
    assert item["translation_notice"] is True
    assert item["extraction"] in ("meta", "structural")
    assert item["template"] == gold["generation"]


def test_whole_page_fallback_on_a_layout_never_seen(example_release_lines):
    """example-release.txt hand-laid in markup of our own: no known container, no meta."""
    html = (FIXTURES / "en/fallback/t20180627_444588.shtml").read_text(encoding="utf-8")
    url = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444588.shtml"
    item = parse_release(html, url)
    assert item["extraction"] == "fallback"
    assert item["title"] == "China-ROK Environmental Cooperation Center officially launched"
    assert (item["docid"], item["published"], item["printed_date"]) == (444588, "2018-06-27", None)
    assert item["images"] == [{"url": url.rsplit("/", 1)[0] + "/W020180627394129283049.jpg",
                               "caption": "Li Ganjie and Kim Eunkyung at the ceremony"}]
    assert (item["translation_notice"], item["template"]) == (True, "A")
    reader_text = [line.strip() for line in example_release_lines if line.strip()]
    assert _clean(item) == reader_text[3:-5]  # between the title and the notice
    assert len(reader_text[3:-5]) == 8


def _all_bodies() -> list[tuple[str, list[str], list[str]]]:
    """(name, cleaned body, gold) for every fixture page and for live renderings."""
    found = []
    for gold in GOLD["en"]:
        item = parse_release((FIXTURES / gold["file"]).read_text(encoding="utf-8"), gold["url"])
        found.append((gold["file"], _clean(item), gold["paragraphs"]))
    for index, generation in enumerate(["A", "A2", "B", "C", "D"] * 2):
        day = date(2018 + index % 5, 1 + index, 10)
        release = EnRelease(
            docid=500000 + index, section="news_release", generation=generation, event_date=day, url_date=day,
            printed_date=day, title=f"MEE and partners sign agreement number {index}",
            paragraphs=(f"The agreement number {index} was signed on {day:%b. %d}.", "Copyright rules were discussed.",
                        "Registration of new facilities will open in May."),
            images=(Embed(f"W0{day:%Y%m%d}00000{index}.jpg", f"Signing ceremony {index}", "image"),) * (index % 2),
        )
        item = parse_release(render_release(release), release.url)
        found.append((f"live-{generation}-{index}", _clean(item), list(release.paragraphs)))
    return found


def test_boilerplate_never_survives_and_gold_paragraphs_always_do():
    for name, body, gold in _all_bodies():
        assert body == gold, name
        text, said = "\n".join(body), "\n".join(gold)  # a gold sentence may quote "Home > News"
        assert not [s for s in BOILERPLATE if s in text and s not in said], name


def test_url_fields_and_the_meta_tags_that_stand_in_for_a_url_outside_the_grammar():
    html = ("<html><head><meta name='PubDate' content='2018-06-26 10:31:00'><meta name='contentid' content='444580'>"
            "</head><body><p>x</p></body></html>")
    item = parse_release(html, "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444588.shtml")
    assert (item["published"], item["docid"], item["section"]) == ("2018-06-27", 444588, "news_release")
    item = parse_release(html, "http://english.mee.gov.cn/News_service/news_release/show.php?id=444588")
    assert (item["published"], item["docid"], item["section"]) == ("2018-06-26", 444580, None)


def test_title_when_head_title_names_only_the_site():
    html = (
        "<html><head><title>Ministry of Ecology and Environment of the People's Republic of China</title></head>"
        "<body><h2>News Release</h2><h1>MEE signs MoU with UNEP</h1>"
        "<div class='TRS_Editor'><p>The MoU was signed.</p></div><h2>Related</h2></body></html>"
    )
    item = parse_release(html, "http://english.mee.gov.cn/News_service/news_release/202001/t20200110_761200.shtml")
    assert item["title"] == "MEE signs MoU with UNEP"
    assert (item["extraction"], item["paragraphs"], item["template"]) == ("structural", ["The MoU was signed."], None)


def test_images_outside_the_body_container_but_in_the_article_folder():
    url = "http://english.mee.gov.cn/News_service/news_release/202001/t20200110_761200.shtml"
    html = (
        "<html><body><img src='/images/logo.png' alt='MEE'><h1>Title</h1>"
        "<div class='photo'><img src='./W020200110000000000001.jpg' alt='The signing'></div>"
        "<div class='TRS_Editor'><p>Text.</p><img src='./W020200110000000000002.jpg'></div></body></html>"
    )
    assert [p["url"].rsplit("/", 1)[1] for p in parse_release(html, url)["images"]] == [
        "W020200110000000000002.jpg", "W020200110000000000001.jpg"]


@pytest.mark.parametrize("gold", GOLD["en"], ids=lambda g: f"{g['generation']}-{g['section']}")
def test_stripper_alone_cleans_the_whole_page_text_of_every_generation(gold):
    """As if no body container were known: all visible text of the page, boilerplate and all."""
    html = (FIXTURES / gold["file"]).read_text(encoding="utf-8")
    item = parse_release(html, gold["url"])
    page_text = block_lines(parse_html(html).find("body"), skip_chrome=True)
    lines = without_media_labels(page_text, item["images"], item["attachments"])
    kept, removed = strip_boilerplate(lines, title=gold["title"])
    assert kept == gold["paragraphs"]
    assert gold["title"] in removed and not set(kept) & set(removed)
