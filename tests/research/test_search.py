"""search, show, export and cite on a crawled, linked and indexed replica, checked against the items."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from mee_archive.link.resources import to_simplified

pytestmark = pytest.mark.slow


def search(cli, archive: Path, query: str, *options: str) -> list[dict]:
    result = cli("search", query, "--format", "json", "--limit", "1000", "--output", str(archive), *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def text(record: dict) -> str:
    return f"{record['title']}\n{record['body']}"


def test_the_index_holds_every_item(cli, research_archive: Path, items) -> None:
    result = cli("index", "--output", str(research_archive))
    assert result.returncode == 0
    assert "unchanged, 0 record(s)" in result.stdout  # nothing new since the fixture's index
    counts = {name: n for n, name in re.findall(r"(\d+) (\w+)", result.stdout.splitlines()[-1])}
    assert int(counts["releases"]) == len({r["url"] for r in items("news_release")})
    assert int(counts["zh_articles"]) == len({r["url"] for r in items("zh_news")})
    assert int(counts["links"]) == len(items("links"))


def test_english_search_is_stemmed_and_finds_exactly_the_releases_saying_it(cli, research_archive, items) -> None:
    word = re.compile(r"\binspect(?:s|ed|ing|ion|ions)?\b", re.I)
    expected = {r["url"] for r in items("news_release") if word.search(text(r))}
    assert expected
    hits = search(cli, research_archive, "inspections", "--lang", "en")
    assert {h["url"] for h in hits} == expected
    assert all(h["citation"]["record_id"].startswith("<urn:uuid:") and h["citation"]["warc_file"] for h in hits)
    assert all(h["citation"]["replay"].endswith("/" + h["url"]) for h in hits)


@pytest.mark.parametrize("word", ["臭氧", "长江", "督察", "生态环境"])
def test_chinese_search_finds_exactly_the_articles_containing_the_word(cli, research_archive, items, word) -> None:
    expected = {a["url"] for a in items("zh_news") if word in to_simplified(text(a))}
    hits = search(cli, research_archive, word, "--lang", "zh")
    assert {h["url"] for h in hits} == expected
    assert all(f"[{word}]" in h["snippet"] for h in hits if word in h["snippet"].replace("[", "").replace("]", ""))


def test_traditional_characters_find_the_same_articles(cli, research_archive) -> None:
    assert search(cli, research_archive, "長江", "--lang", "zh") == search(cli, research_archive, "长江", "--lang", "zh")


def test_both_languages_find_a_release_through_its_chinese_original(cli, research_archive, items) -> None:
    originals = {a["url"] for a in items("zh_news") if "督察" in text(a)}
    linked = {l["url"] for l in items("links") if l["zh_status"] == "linked" and l["zh_url"] in originals}
    assert linked
    hits = search(cli, research_archive, "督察")
    releases = {h["url"] for h in hits if h["kind"] == "en"}
    assert releases == linked
    assert all(h["counterpart"]["url"] in originals for h in hits if h["kind"] == "en")


def test_filters_and_date_order(cli, research_archive, items) -> None:
    hits = search(cli, research_archive, "environment", "--lang", "en", "--order", "date", "--since", "2017-01",
                  "--until", "2017-01", "--linked")
    dates = [h["published"] for h in hits]
    assert dates == sorted(dates, reverse=True) and all(d.startswith("2017-01") for d in dates)
    assert all(h["link_status"] == "linked" for h in hits)
    linked = {l["url"] for l in items("links") if l["zh_status"] == "linked"}
    expected = {r["url"] for r in items("news_release") if r["published"].startswith("2017-01")
                and r["url"] in linked and re.search(r"\benvironments?\b", text(r), re.I)}
    assert {h["url"] for h in hits} == expected


@pytest.mark.parametrize("args", [["AND"], [""], ['"open'], ["foo AND"], ["x", "--since", "2018-13"],
                                  ["x", "--limit", "0"], ["x", "--bogus"]])
def test_bad_queries_and_options_are_one_line_and_exit_2(cli, research_archive, args) -> None:
    result = cli("search", *args, "--output", str(research_archive))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "error:" in result.stderr.strip().splitlines()[-1]


def test_show_puts_the_original_beside_the_release_with_score_and_both_citations(cli, research_archive, items) -> None:
    link = next(l for l in items("links") if l["zh_status"] == "linked")
    release = next(r for r in items("news_release") if r["url"] == link["url"])
    original = next(a for a in items("zh_news") if a["url"] == link["zh_url"])
    result = cli("show", str(release["docid"]), "--format", "json", "--output", str(research_archive))
    view = json.loads(result.stdout)
    assert view["en"]["title"] == release["title"] and view["zh"]["title"] == original["title"]
    assert view["link"]["score"] == link["score"] and view["link"]["evidence"] == link["evidence"]
    assert view["en"]["citation"]["record_id"] == release["warc"]["record_id"]
    assert view["zh"]["citation"]["record_id"] == original["warc"]["record_id"]
    assert "\n\n".join(r["en"] for r in view["rows"] if r["en"]) == "\n\n".join(release["paragraphs"])
    assert "\n\n".join(r["zh"] for r in view["rows"] if r["zh"]) == "\n\n".join(original["paragraphs"])
    by_url = cli("show", original["url"], "--format", "json", "--output", str(research_archive))
    assert json.loads(by_url.stdout) == view
    text_view = cli("show", release["url"], "--output", str(research_archive))
    assert text_view.returncode == 0 and original["title"][:6] in text_view.stdout
    missing = cli("show", "999999999", "--output", str(research_archive))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_cite_gives_plain_bibtex_and_csl(cli, research_archive, items) -> None:
    release = items("news_release")[0]
    result = cli("cite", release["url"], "--output", str(research_archive), "--replay-port", "9123")
    assert result.returncode == 0
    assert release["title"] in result.stdout and release["warc"]["record_id"] in result.stdout
    assert "@misc{mee-en-" in result.stdout and "http://127.0.0.1:9123/mee/" in result.stdout
    csl = json.loads(cli("cite", release["url"], "--format", "csl", "--output", str(research_archive)).stdout)
    assert csl[0]["URL"] == release["url"] and csl[0]["archive_location"] == release["warc"]["record_id"]
    assert csl[0]["issued"]["date-parts"][0] == [int(x) for x in release["published"].split("-")]


def test_exports_hold_the_rows_the_filters_select(cli, research_archive, items, tmp_path) -> None:
    releases = items("news_release")
    out = cli("export", "--format", "csv", "--output", str(research_archive))
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert sorted(r["url"] for r in rows) == sorted({r["url"] for r in releases})
    parquet = tmp_path / "zh.parquet"
    assert cli("export", "--format", "parquet", "--lang", "zh", "--linked", "--file", str(parquet),
               "--output", str(research_archive)).returncode == 0
    linked = {l["zh_url"] for l in items("links") if l["zh_status"] == "linked"}
    assert set(pq.read_table(parquet).column("url").to_pylist()) == linked
    lines = cli("export", "--format", "parallel", "--output", str(research_archive)).stdout.splitlines()
    assert len(lines) == len(linked)
    tmx = ET.fromstring(cli("export", "--format", "tmx", "--output", str(research_archive)).stdout)
    units = tmx.findall("./body/tu")
    assert len([u for u in units if u.find("prop[@type='x-part']").text == "title"]) == len(linked)
    assert len(units) > 2 * len(linked)  # paragraphs too, where the alignment is confident
