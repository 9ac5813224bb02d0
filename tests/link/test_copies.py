"""Copies of one text among the candidates collapse into one canonical document."""

from __future__ import annotations

from datetime import date

from mee_archive.link.copies import are_copies, canonical_key, collapse, signature

TEXT = ("新华社北京6月28日电 国家主席习近平28日在大阪会见联合国秘书长古特雷斯。习近平指出，当前国际形势复杂多变，"
        "单边主义和保护主义抬头，多边主义和自由贸易体制受到冲击。中方始终支持联合国在国际事务中发挥核心作用。")


def test_an_excerpt_in_traditional_script_with_readings_is_a_copy() -> None:
    excerpt = "國(guó)家主席習(xí)近平28日在大阪會見聯合國秘書長古特雷斯。習近平指出，當前國際形勢複雜多變，"
    a, b = (signature(TEXT, 600), frozenset({"6-28"})), (signature(excerpt, 600), frozenset())
    assert are_copies(a, b, 0.95)


def test_a_template_with_other_figures_is_not_a_copy() -> None:
    one = "环境保护部印发《管理办法》（环境保护部令第43号），自2017年8月1日起施行。《办法》共6章67条。"
    other = one.replace("43", "11").replace("6章67条", "9章26条")
    assert not are_copies((signature(one, 600), frozenset({"43", "67", "6", "2017"})),
                          (signature(other, 600), frozenset({"11", "26", "9", "2017"})), 0.95)


def test_the_canonical_copy_is_the_ministry_s_then_the_earliest() -> None:
    urls = ["http://mirror.example/a.html", "http://www.mep.gov.cn/a/t1.htm", "http://www.mee.gov.cn/a/t1.htm"]
    assert min(urls, key=lambda u: canonical_key(u, date(2019, 1, 1))) == urls[2]
    assert canonical_key("http://x.example/a", date(2019, 1, 1)) < canonical_key("http://x.example/a", None)


def test_collapse_merges_copies_into_the_canonical_rank_and_lists_the_others() -> None:
    bodies = {0: TEXT, 1: TEXT + "（责任编辑：王）", 2: "生态环境部召开部常务会议，审议并原则通过《长江保护修复攻坚战行动计划》。"}
    keys = {0: (1, date(2019, 6, 29), "b"), 1: (0, date(2019, 6, 29), "a"), 2: (2, date.max, "c")}
    ranked = [[(0, 9.0), (1, 8.5), (2, 1.0)]]
    collapsed, copies = collapse(ranked, 8.0, 5, lambda rank: signature(bodies[rank], 600), lambda rank: frozenset(),
                                 keys.__getitem__, 0.95)
    assert collapsed == [[(1, 9.0), (2, 1.0)]]
    assert copies == {1: [0]}


def test_the_former_host_is_not_taken_for_the_current_one() -> None:
    old, new = "http://www.mep.gov.cn/a/t1.htm", "http://www.mee.gov.cn/a/t1.htm"
    assert canonical_key(new, date(2019, 1, 2)) < canonical_key(old, date(2019, 1, 1))
