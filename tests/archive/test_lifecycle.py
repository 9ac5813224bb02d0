"""Two crawls of an unchanged site into one archive with small WARC files: rotation, revisits,
then `verify`, `package` (checked by `wacz validate`) and replay in pywb from our CDXJ index."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import iter_records
from mee_archive.cli import main

pytestmark = pytest.mark.slow
SITE = "http://english.mee.gov.cn"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def archive(site, crawl, tmp_path_factory: pytest.TempPathFactory) -> ArchiveLayout:
    out = tmp_path_factory.mktemp("lifecycle")
    for refresh in (False, True):  # the second run fetches everything again (`crawl --refresh`)
        crawl(out, f"{SITE}/list.html", f"MEE_PROXY={site.url}", "MEE_WARC_MAX_SIZE=3000",
              f"MEE_REFRESH={refresh}")
    return ArchiveLayout(out)


def test_rotation_gives_several_valid_files_per_crawl(archive: ArchiveLayout) -> None:
    assert len(archive.crawl_ids()) == 2
    assert all(len(archive.closed_warcs(crawl_id)) >= 2 for crawl_id in archive.crawl_ids())
    check = [str(BIN / "warcio"), "check", *map(str, archive.closed_warcs())]
    assert subprocess.run(check, capture_output=True).returncode == 0


def test_second_crawl_writes_revisits_not_copies(archive: ArchiveLayout) -> None:
    first, second = ([rec for warc in archive.closed_warcs(crawl_id) for rec in iter_records(warc)]
                     for crawl_id in archive.crawl_ids())
    originals = {rec.header("WARC-Record-ID"): rec for rec in first if rec.type == "response"}
    with_payload = {rec.header("WARC-Target-URI") for rec in originals.values() if rec.http[1]}
    revisits = [rec for rec in second if rec.type == "revisit"]
    assert {rec.header("WARC-Target-URI") for rec in revisits} == with_payload
    assert all(not rec.http[1] for rec in second if rec.type == "response")  # only empty bodies
    # the unchanged releases' items are dropped as duplicates: no metadata names them again
    assert [rec.type for rec in second].count("metadata") == 0
    for rec in revisits:
        original = originals[rec.header("WARC-Refers-To")]
        assert rec.header("WARC-Refers-To-Target-URI") == original.header("WARC-Target-URI")
        assert rec.header("WARC-Refers-To-Date") == original.header("WARC-Date")
        assert rec.header("WARC-Payload-Digest") == original.header("WARC-Payload-Digest")
        assert rec.header("WARC-Profile").endswith("/revisit/identical-payload-digest")


def test_verify_passes(archive: ArchiveLayout) -> None:
    assert main(["verify", "--output", str(archive.root)]) == 0


def test_package_makes_a_wacz_that_validates_and_lists_the_releases(archive: ArchiveLayout) -> None:
    wacz = archive.root / "all.wacz"
    assert main(["package", "--output", str(archive.root), "--wacz", str(wacz), "--pages-of", "tiny"]) == 0
    check = subprocess.run([str(BIN / "wacz"), "validate", "-f", str(wacz)], capture_output=True, text=True)
    assert check.returncode == 0 and "is valid" in check.stdout
    listed = subprocess.run(["unzip", "-p", str(wacz), "pages/pages.jsonl"], capture_output=True, text=True)
    urls = sorted(json.loads(line)["url"] for line in listed.stdout.splitlines()[1:])
    assert urls == [f"{SITE}/release/1.html", f"{SITE}/release/2.html"]


def test_pywb_replays_a_revisit_from_our_index(archive: ArchiveLayout, pywb) -> None:
    # the latest capture (ts 2100 is after it) is the second crawl's revisit: pywb resolves the
    # original payload through the index
    status, page = pywb(archive, f"2100mp_/{SITE}/release/1.html")
    assert status == 200
    assert "Release one" in page and "ministerial executive meeting" in page


def test_package_of_one_crawl_holds_only_its_files(archive: ArchiveLayout, tmp_path: Path) -> None:
    first = archive.crawl_ids()[0]
    wacz = tmp_path / "first.wacz"
    assert main(["package", "--output", str(archive.root), "--crawl", first, "--wacz", str(wacz),
                 "--pages-of", "tiny"]) == 0
    listed = subprocess.run(["unzip", "-Z1", str(wacz)], capture_output=True, text=True).stdout.split()
    assert sorted(name for name in listed if name.startswith("archive/")) == [
        f"archive/{warc.name}" for warc in archive.closed_warcs(first)]
    assert main(["package", "--output", str(archive.root), "--crawl", "no-such-crawl"]) == 2
