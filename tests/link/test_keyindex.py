"""The Chinese items indexed by the English keys, a run at a time, joined as if made at once."""

from array import array
from dataclasses import replace

import numpy as np

from mee_archive.link.arrays import merged_unique, unique
from mee_archive.link.features import Features, chinese_features_many, english_features
from mee_archive.link.keyindex import SET_KINDS, EnglishKeys, KeyIndex, index_run, names_in, read_and_index
from mee_archive.link.names import chinese_pinyin, pinyin_many
from mee_archive.link.parallel import Workers
from mee_archive.link.postings import Postings


def test_names_are_found_in_each_items_own_pinyin_by_rank():
    pinyins = pinyin_many(["李干杰出席", "会议召开", "李干杰强调", "黄润秋"]) + [chinese_pinyin("翟青、李干")]
    ranks = [10, 11, 12, 13, 14]
    found = names_in(pinyins, ranks, ["liganjie", "huangrunqiu", "zhaiqing", "ganjie", "jiechu", "qingli"])
    assert {name: ranks.tolist() for name, ranks in found.items()} == {
        "liganjie": [10, 12], "huangrunqiu": [13], "zhaiqing": [14], "ganjie": [10, 12], "jiechu": [10],
    }  # 翟 read as a surname too; "qingli" would cross the 、 between two names
    # Only the items given are searched, though their buffer holds others.
    within = names_in(pinyins[1:3], [1, 2], ["liganjie", "huangrunqiu"])
    assert {name: ranks.tolist() for name, ranks in within.items()} == {"liganjie": [2]}
    assert names_in(pinyins, ranks, []) == {} and names_in(pinyins[1:2], [0], ["liganjie"]) == {}


def test_joined_postings_are_those_of_all_the_pairs():
    keys, ranks = np.array([0, 2, 2, 1, 0, 2]), np.array([3, 1, 4, 8, 9, 7])
    whole = Postings(keys, ranks, n_keys=3, n_ranks=10)
    parts = [np.unique(Postings.encode(keys[i:i + 2], ranks[i:i + 2], 10)) for i in (0, 2, 4)]
    joined = Postings.joined(parts, n_keys=3, n_ranks=10)
    assert joined.counts.tolist() == whole.counts.tolist() == [2, 1, 3]
    for rank in range(10):
        assert joined.of(rank, np.arange(3)).tolist() == whole.of(rank, np.arange(3)).tolist()
    assert merged_unique([np.array([1, 5, 9]), np.array([2, 5]), np.array([], dtype=np.int64)]).tolist() == [1, 2, 5, 9]


def _chinese(n: int) -> list[dict]:
    texts = ["生态环境部部长李干杰6月30日会见联合国副秘书长索尔海姆。", "黄润秋主持召开部务会议，审议通过3项文件。",
             "大气污染防治行动计划实施情况，PM2.5浓度下降12%。"]
    return [{"url": f"http://www.mee.gov.cn/xxgk/t2018063{i % 2}_{1000 + i}.shtml", "title": "会议",
             "body": texts[i % 3] + "第" + "一二三四五六七八九"[i % 9] + "次"} for i in range(n)]


def test_the_index_made_a_run_at_a_time_on_workers_is_the_index_made_at_once():
    english = [english_features({"url": "http://english.mee.gov.cn/a/t20180701_1.shtml", "published": "2018-07-01",
                                 "title": "Li Ganjie meets Erik Solheim",
                                 "body": "On June 30, Minister Li Ganjie met Erik Solheim. Huang Runqiu chaired "
                                         "a meeting on air pollution: PM2.5 fell 12%, 3 documents were adopted."})]
    keys = EnglishKeys.of(english)
    assert keys.keys["numbers"] == sorted(english[0].numbers) and keys.names == tuple(sorted(english[0].names))
    assert all(keys.ids[attr][key] == i for attr, _ in SET_KINDS for i, key in enumerate(keys.keys[attr]))
    chinese = _chinese(2_600)
    ranks = list(range(5, 5 + len(chinese)))
    with Workers() as workers:
        sent_back, index = read_and_index(chinese, ranks, 3_000, keys, 3_000, workers)()
    features = chinese_features_many(chinese, 3_000)
    assert all(len(each.words) == len(each.title_words) == 0 for each in sent_back)  # the index holds them
    assert sent_back == [replace(each, title_words=array("i"), words=array("i")) for each in features]
    ranked: list[Features | None] = [None] * 5 + features + [None] * 395
    at_once = KeyIndex([index_run(keys, ranks, features, len(ranked))], keys, len(ranked))
    assert KeyIndex.of(ranked, keys).named("liganjie", [range(0, 3_000)]).tolist() == ranks[0::3]
    for attr, _ in SET_KINDS:
        assert index.postings[attr].counts.tolist() == at_once.postings[attr].counts.tolist()
        assert index.postings[attr].counts.sum() > 0
        every = np.arange(len(keys.ids[attr]))
        for rank in (5, 6, 7, 1_004, 2_604):
            assert index.postings[attr].of(rank, every).tolist() == at_once.postings[attr].of(rank, every).tolist()
    for name in ("liganjie", "huangrunqiu"):
        spans = [range(0, 1_000), range(2_000, 2_700)]
        assert index.named(name, spans).tolist() == at_once.named(name, spans).tolist()
        assert len(index.named(name, spans)) > 0


def test_joined_postings_of_runs_in_rank_order_or_not_are_those_of_all_the_pairs():
    rng = np.random.default_rng(3)
    keys, ranks = rng.integers(0, 7, 400), rng.integers(0, 60, 400)
    whole = Postings(keys, ranks, n_keys=7, n_ranks=60)
    in_order = [(ranks >= low) & (ranks < low + 15) for low in range(0, 60, 15)]  # runs of ranks, as read
    mixed = [ranks % 4 == k for k in range(4)]  # parts whose ranks interleave: merged
    for masks in (in_order, mixed, in_order[:1] + [np.zeros(400, dtype=bool)] + in_order[1:]):
        parts = [unique(Postings.encode(keys[m], ranks[m], 60)) for m in masks]
        joined = Postings.joined(parts, n_keys=7, n_ranks=60)
        assert joined.counts.tolist() == whole.counts.tolist()
        assert all(joined.of(rank, np.arange(7)).tolist() == whole.of(rank, np.arange(7)).tolist() for rank in range(61))
    twice = unique(Postings.encode(keys, ranks, 60))  # a part given twice: merged, once each
    assert Postings.joined([twice, twice], n_keys=7, n_ranks=60).counts.tolist() == whole.counts.tolist()
    assert Postings.joined([], n_keys=0, n_ranks=60).counts.tolist() == []
    assert Postings.joined([np.zeros(0, dtype=np.int64)] * 2, n_keys=0, n_ranks=60).counts.tolist() == []
