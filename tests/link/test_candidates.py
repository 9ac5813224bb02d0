"""Which day a Chinese item is placed on for the windows: reposts on the event's."""

from __future__ import annotations

from datetime import date

from mee_archive.link import link_items
from mee_archive.link.candidates import window_day


def _zh(body: str, published: str | None = "2017-03-30", url: str = "http://example.com/repost.html") -> dict:
    return {"url": url, "title": "", "published": published, "body": body}


def test_a_repost_is_placed_on_the_date_its_opening_names() -> None:
    assert window_day(_zh("12月31日，浙江丽水市一处输油管道破裂，造成部分苯进入附近河流。环境保护部立即派出工作组。")) == date(2016, 12, 31)
    assert window_day(_zh("新华社北京3月10日电 环境保护部部长周明远在贵阳会见了越南自然资源与环境部部长一行。")) == date(2017, 3, 10)


def test_dates_further_in_with_a_year_or_within_days_leave_the_item_where_it_is() -> None:
    law = "近日，环境保护部印发《固体废物进口管理办法》，自2017年3月1日起施行。《办法》共8章49条，明确了适用范围。"
    assert window_day(_zh(law)) == date(2017, 3, 30)
    told = "2016年11月13日，第六批中央生态环境保护督察组陆续进驻江西、四川、广东、福建、宁夏开展督察。"
    assert window_day(_zh(told)) == date(2017, 3, 30)
    assert window_day(_zh("3月25日，环境保护部部长周明远在贵阳会见了越南自然资源与环境部部长一行，双方交换了意见。")) == date(2017, 3, 30)
    # An announcement of a day ahead stays; a date more than a year back (29 February) too.
    assert window_day(_zh("4月5日是世界环境日，生态环境部将举办主场活动。" * 3)) == date(2017, 3, 30)
    assert window_day(_zh("2月29日，浙江丽水市一处输油管道破裂，造成部分苯进入附近河流。" * 2, "2021-03-01")) == date(2021, 3, 1)
    assert window_day(_zh("3月25日，环境保护部部长周明远在贵阳会见了越南自然资源与环境部部长一行。", published=None)) is None


def test_the_original_reposted_months_later_is_found() -> None:
    english = [{"url": "http://english.mee.gov.cn/News_service/news_release/201701/t20170103_1.shtml",
                "title": "MEP sends working group to Lishui after benzene leak", "published": "2017-01-03",
                "body": ("On December 31, the rupture of an oil pipeline in Lishui, Zhejiang, let some benzene into a "
                         "nearby river. MEP immediately sent a working group to the site to guide the local emergency "
                         "response.\n\nThe group set up 16 monitoring sections and 4 automatic monitoring stations along "
                         "50 kilometers downstream.")}]
    repost = _zh("12月31日，浙江丽水市一处输油管道破裂，造成部分苯进入附近河流。环境保护部立即派出工作组赶赴现场，指导地方开展应急处置。"
                 "\n\n工作组在下游50公里范围内布设16个监测断面，设置4个自动监测站。", published="2017-04-20")
    (result,) = link_items(english, [repost], fork_workers=False)
    assert result.zh_status == "linked" and result.zh["url"] == repost["url"]
