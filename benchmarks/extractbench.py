"""Section 3 of benchmarks/run.py: the project's page objects against trafilatura on the same
saved pages, pages/s and body F1 against gold text.

Pages: replica pages of every template (English generations A, A2, B, C, D; Chinese channel,
xxgk2018, legacy pages, each in its encoding), rendered as the replica serves them, with the
replica's own paragraphs as gold; and the real Chinese article of ``shared/samples``, whose gold
is derived from its markup by :func:`real_gold` (independently of the page objects). Both
extractors get the same decoded text. Body F1 is over the multiset of tokens (a CJK character or
a run of other letters and digits, lower-cased), so it scores what the text says, not how it is
split into lines. Timing is CPU seconds of this process.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mee_archive.pages.decode import decode_html
from mee_archive.pages.en_release import parse_release
from mee_archive.pages.zh_article import parse_article
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.render_en import render_release
from mee_archive.replica.render_zh import render_zh_article
from mee_archive.text import join_paragraphs, strip_boilerplate

REPO = Path(__file__).resolve().parents[1]
# Where the real samples are looked for when --samples is not given: ../shared/samples beside the
# repository, or beside the directory holding it (a git worktree one level further down).
SAMPLE_DIRS = (REPO.parent / "shared" / "samples", REPO.parent.parent / "shared" / "samples")
REAL_ARTICLE = "www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml"
# Generation D (Dec 2018 on) appears only past ~2,500 releases of a replica.
RELEASES = 3000
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")


@dataclass(frozen=True)
class Page:
    """A saved page: the decoded markup, where it came from, what it says (gold body)."""

    group: str
    url: str
    markup: str
    gold: str


def f1(found: str, gold: str) -> float:
    """Token-multiset F1 of an extracted body against the gold body."""
    got, want = Counter(_TOKEN.findall(found.lower())), Counter(_TOKEN.findall(gold.lower()))
    common = sum((got & want).values())
    if not common:
        return 1.0 if not got and not want else 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def real_gold(markup: str) -> str:
    """The body of the real channel article, read off its markup with regular expressions, not
    with the page objects: each ``<div>`` line inside ``div.Custom_UnionStyle`` is one paragraph
    (28 here; checked by eye against the page as a browser shows it), tags removed, entities
    decoded, the U+3000 indents and other whitespace stripped."""
    start = markup.index('<div class="Custom_UnionStyle">')
    block = markup[start:markup.index("</div></div>", start)]
    paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", line)).strip(" \t\r\n\u3000\xa0")
                  for line in re.findall(r"^<div>(.*)</div>\s*$", block, re.M)]
    return "\n\n".join(p for p in paragraphs if p)


def replica_pages(per_group: int) -> list[Page]:
    """``per_group`` pages of every template generation, English and Chinese."""
    corpus = build_corpus(5, RELEASES)
    counts: Counter[str] = Counter()
    pages = []
    for release in corpus.releases():
        group = f"replica en {release.generation}"
        if counts[group] < per_group:
            counts[group] += 1
            pages.append(Page(group, release.url, render_release(release), join_paragraphs(list(release.paragraphs))))
    for article in corpus.zh:
        group = f"replica zh {article.template}"
        if counts[group] < per_group:
            counts[group] += 1
            body = render_zh_article(article).encode(article.encoding)
            pages.append(Page(group, article.url, decode_html(body, "text/html"), join_paragraphs(list(article.paragraphs))))
    return pages


def default_samples() -> Path:
    return next((d for d in SAMPLE_DIRS if d.is_dir()), SAMPLE_DIRS[0])


def real_pages(samples: Path) -> tuple[list[Page], str]:
    """The real article of shared/samples (or none, and why)."""
    path = samples / REAL_ARTICLE
    if not path.exists():
        return [], f"real sample absent: {path} not found (--samples DIR)"
    markup = decode_html(path.read_bytes(), None)
    return [Page("real zh channel (974894)", "http://" + REAL_ARTICLE, markup, real_gold(markup))], ""


def project_body(page: Page) -> str:
    """The body the crawl writes: page object, then the boilerplate pipeline's stripping."""
    parse = parse_article if "www.mee.gov.cn" in page.url else parse_release
    item = parse(page.markup, page.url)
    kept, _ = strip_boilerplate(item["paragraphs"], title=item["title"])
    return join_paragraphs(kept)


def trafilatura_body(page: Page) -> str:
    import trafilatura  # in the `bench` extra only

    return trafilatura.extract(page.markup, url=page.url) or ""


EXTRACTORS: dict[str, Callable[[Page], str]] = {"mee-archive page objects": project_body,
                                                 "trafilatura 2.3.1": trafilatura_body}


@dataclass(frozen=True)
class Score:
    extractor: str
    group: str
    pages: int
    cpu: float
    mean_f1: float
    min_f1: float

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.cpu if self.cpu else float("inf")


def _cpu(extract: Callable[[Page], str], pages: list[Page]) -> float:
    """CPU seconds of one pass of ``extract`` over ``pages``."""
    started = time.process_time()
    for page in pages:
        extract(page)
    return time.process_time() - started


def score(group: str, pages: list[Page], repeat: int) -> list[Score]:
    """Per extractor: F1 of each page and the best CPU time of ``repeat`` passes over the group.
    The extractors take turns pass by pass, so a change in the machine's load (it is shared)
    falls on both sides of the ratio instead of on whichever ran last."""
    f1s = {name: [f1(extract(page), page.gold) for page in pages] for name, extract in EXTRACTORS.items()}
    cpu = dict.fromkeys(EXTRACTORS, float("inf"))
    for _ in range(repeat):
        for name, extract in EXTRACTORS.items():
            cpu[name] = min(cpu[name], _cpu(extract, pages))
    return [Score(name, group, len(pages), cpu[name], sum(f1s[name]) / len(pages), min(f1s[name]))
            for name in EXTRACTORS]


def extraction(per_group: int, repeat: int, samples: Path) -> tuple[list[Score], str]:
    """Per extractor: a score per page group, then one over all pages; and a note on the samples."""
    real, note = real_pages(samples)
    pages = replica_pages(per_group) + real
    groups = list(dict.fromkeys(page.group for page in pages))
    scored = [score(group, [p for p in pages if p.group == group], repeat) for group in groups]
    scored.append(score("all pages", pages, repeat))
    for each in scored[-1]:
        print(f"  {each.extractor}: {each.pages_per_s:.0f} pages/s, mean F1 {each.mean_f1:.4f}", flush=True)
    results = [each for extractor in EXTRACTORS for group in scored for each in group if each.extractor == extractor]
    return results, note
