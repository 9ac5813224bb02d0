"""What each way of indexing Chinese for FTS5 gets wrong (a measurement behind README's choice).

For each query word and text, the truth is whether the word stands in the text (after OpenCC).
Each tokenisation indexes the texts and searches the word as an FTS5 phrase of its own tokens;
a *miss* is a text holding the word that is not found, a *false hit* one found that does not hold it.
Texts: real Chinese pages (shared/real-pairs/zh.jsonl) and the items of a crawl (--items DIR).
jieba is measured when it is installed (it is not a dependency).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from mee_archive.link.resources import to_simplified
from mee_archive.link.scan import ScannedTexts
from mee_archive.research.ftsquery import to_fts
from mee_archive.research.tokenize_zh import index_text

QUERIES = ["臭氧", "长江", "督察", "细颗粒物", "生态", "环境", "会见", "秘书长", "可持续发展", "气候变化", "合作", "联合国"]


def measure(name: str, index: Callable[[list[str]], list[str]], query: Callable[[str], str], texts: list[str]) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61')")
    db.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", enumerate(index(texts)))
    misses, false_hits, examples = 0, 0, []
    for word in QUERIES:
        truth = {i for i, text in enumerate(texts) if word in text}
        found = {r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (query(word),))}
        misses += len(truth - found)
        false_hits += len(found - truth)
        if truth - found:
            examples.append(f"{word} missed in {len(truth - found)}")
        if found - truth:
            examples.append(f"{word} false in {len(found - truth)}")
    print(f"{name:<28} misses {misses:>5}  false hits {false_hits:>5}  ({'; '.join(examples[:4]) or 'none'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=Path("/work/shared/real-pairs/zh.jsonl"))
    parser.add_argument("--items", type=Path, help="an archive's items/ directory (zh_news.jsonl)")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.real.open(encoding="utf-8")] if args.real.exists() else []
    if args.items:
        records += [json.loads(line) for line in (args.items / "zh_news.jsonl").open(encoding="utf-8")]
    texts = [to_simplified(f"{r['title']}\n{r['body']}") for r in records]
    print(f"{len(texts)} texts, {len(QUERIES)} query words")
    spaced = lambda words: '"' + " ".join(words) + '"'
    measure("bigrams + phrase (chosen)", lambda ts: [index_text(t) for t in ts], lambda w: to_fts(w, chinese=True), texts)
    measure("unicode61 as is", lambda ts: ts, lambda w: f'"{w}"', texts)
    measure("FTS5 trigram", lambda ts: [" ".join(t[i:i + 3] for i in range(len(t) - 2)) for t in ts],
            lambda w: spaced([w[i:i + 3] for i in range(max(len(w) - 2, 1))]), texts)
    measure("single characters + phrase", lambda ts: [" ".join(t) for t in ts], lambda w: spaced(w), texts)
    measure("characters, any order (AND)", lambda ts: [" ".join(t) for t in ts], lambda w: " ".join(w), texts)
    scanned = ScannedTexts(texts)
    measure("CC-CEDICT scan (linker)", lambda ts: [" ".join(scanned.segment(i)) for i in range(len(ts))],
            lambda w: spaced(ScannedTexts([w]).segment(0)), texts)
    try:
        import jieba
    except ImportError:
        print("jieba: not installed, not measured")
        return
    jieba.setLogLevel(60)
    measure("jieba precise", lambda ts: [" ".join(jieba.cut(t)) for t in ts], lambda w: spaced(jieba.cut(w)), texts)
    measure("jieba search mode", lambda ts: [" ".join(jieba.cut_for_search(t)) for t in ts],
            lambda w: spaced(jieba.cut(w)), texts)


if __name__ == "__main__":
    main()
