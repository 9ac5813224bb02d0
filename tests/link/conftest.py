"""Hand-written bilingual items in the shape of real MEE pages, for the linker's tests.

The English release is the real one in shared/example-release.txt (body only); the
Chinese texts are written for these tests: an original, a shorter related report of the
same event, two same-day ministerial executive meetings on different subjects with one
English release each, and unrelated items. No replica data is used here.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

CHINA_ROK_EN = {
    "url": "http://english.mee.gov.cn/News_service/news_release/201806/t20180629_445678.shtml",
    "title": "China-ROK Environmental Cooperation Center officially launched",
    "published": "2018-06-28",
    "body": (
        "China-ROK Environmental Cooperation Center was officially launched on Jun. 25. MEE Minister "
        "Li Ganjie and ROK Minister of Environment Kim Eunkyung presented at the inauguration ceremony "
        "in Beijing.\n\n"
        "China and ROK have conducted extensive cooperation with fruitful outcomes in the areas of air, "
        "water, and soil pollution control, solid waste, environment and health, and environmental "
        "technologies, said Li.\n\n"
        "The top priority is the blue sky defense war. The Chinese Government has put in place a "
        "three-year action plan to protect the blue sky, with an aim to notably bring down PM2.5 level. "
        "China will also launch several hallmark battles to control the pollution from diesel-fueled "
        "trucks, treat Bohai Sea, protect and restore the Yangtze River.\n\n"
        "Counselor with the Chinese Ministry of Foreign Affairs Yang Yu delivered remarks. The Center is "
        "based at Chinese Research Academy of Environmental Sciences, and CRAES Director General Li "
        "Haisheng introduced the cooperation center."
    ),
}

CHINA_ROK_ZH = {
    "url": "http://www.mee.gov.cn/ywdt/hjywnews/201806/t20180626_445012.shtml",
    "title": "中韩环境合作中心正式启动",
    "published": "2018-06-26 09:30:00",
    "channel": "hjywnews",
    "body": (
        "6月25日，中韩环境合作中心启动仪式在北京举行。生态环境部部长李干杰与韩国环境部长官金恩京出席启动仪式并致辞。\n\n"
        "李干杰表示，中韩两国在大气、水、土壤污染防治、固体废物、环境与健康、环境技术等领域开展了广泛合作，取得丰硕成果。\n\n"
        "打赢蓝天保卫战是重中之重。中国政府制定了打赢蓝天保卫战三年行动计划，力争明显降低PM2.5浓度。"
        "中国还将开展柴油货车污染治理、渤海综合治理、长江保护修复等标志性战役。\n\n"
        "外交部参赞杨宇致辞。中韩环境合作中心设在中国环境科学研究院，院长李海生介绍了合作中心情况。"
    ),
}

# Other coverage of the same event: a shorter local report, published the same day.
CHINA_ROK_RELATED_ZH = {
    "url": "http://www.mee.gov.cn/ywdt/dfnews/201806/t20180626_445020.shtml",
    "title": "北京：中韩环境合作中心揭牌",
    "published": "2018-06-26 15:00:00",
    "channel": "dfnews",
    "body": "6月25日，中韩环境合作中心在北京揭牌，两国环境部门负责人出席。",
}

MEETING_EN = {
    "url": "http://english.mee.gov.cn/News_service/news_release/201808/t20180803_447901.shtml",
    "title": "MEE holds a ministerial executive meeting",
    "published": "2018-08-03",
    "body": (
        "On July 30, Minister of Ecology and Environment Li Ganjie presided over a ministerial executive "
        "meeting, which reviewed and adopted in principle the Measures for the Administration of "
        "Pollutant Discharge Permits and heard a report on the treatment of black and odorous water "
        "bodies.\n\n"
        "The meeting pointed out that 36 key cities had completed 85 percent of their projects.\n\n"
        "Vice Ministers Huang Runqiu and Zhao Yingmin attended the meeting."
    ),
}

MEETING_ZH = {
    "url": "http://www.mee.gov.cn/ywdt/hjywnews/201807/t20180730_447001.shtml",
    "title": "生态环境部召开部常务会议",
    "published": "2018-07-30 18:00:00",
    "channel": "hjywnews",
    "body": (
        "7月30日，生态环境部部长李干杰主持召开部常务会议，审议并原则通过《排污许可管理办法》，听取黑臭水体治理工作情况汇报。\n\n"
        "会议指出，36个重点城市已完成85%的整治项目。\n\n"
        "生态环境部副部长黄润秋、赵英民出席会议。"
    ),
}

# The same day, the same title, another meeting on another subject.
OTHER_MEETING_EN = {
    "url": "http://english.mee.gov.cn/News_service/news_release/201808/t20180806_447950.shtml",
    "title": "MEE holds a ministerial executive meeting",
    "published": "2018-08-06",
    "body": (
        "On July 30, Minister of Ecology and Environment Li Ganjie presided over a ministerial executive "
        "meeting, which reviewed and adopted in principle the Emission Standard of Air Pollutants for "
        "Ceramics Industry and heard a report on the protection of the marine environment.\n\n"
        "Vice Ministers Zhai Qing and Liu Hua attended the meeting."
    ),
}

OTHER_MEETING_ZH = {
    "url": "http://www.mee.gov.cn/ywdt/hjywnews/201807/t20180730_447003.shtml",
    "title": "生态环境部召开部常务会议",
    "published": "2018-07-30 20:00:00",
    "channel": "hjywnews",
    "body": (
        "7月30日，生态环境部部长李干杰主持召开部常务会议，审议并原则通过《陶瓷工业大气污染物排放标准》，听取海洋生态环境保护工作情况汇报。\n\n"
        "生态环境部副部长翟青、刘华出席会议。"
    ),
}

# An English translation of a newspaper story: it has no original on www.mee.gov.cn.
CENEWS_EN = {
    "url": "http://english.mee.gov.cn/News_service/news_release/201807/t20180720_446800.shtml",
    "title": "Wetland park opens to visitors in Harbin",
    "published": "2018-07-20",
    "body": (
        "A wetland park covering 1,200 hectares opened to visitors in Harbin on Sunday, with 46 species "
        "of birds recorded.\n\n(Chinese report by Wang Xiaoming, CENEWS)"
    ),
}

FILLER_ZH = [
    {
        "url": f"http://www.mee.gov.cn/ywdt/dfnews/201807/t201807{day:02d}_44{day:04d}.shtml",
        "title": title,
        "published": f"2018-07-{day:02d}",
        "body": body,
    }
    for day, title, body in [
        (2, "江苏省开展夏季秸秆禁烧专项巡查", "7月2日，江苏省组织开展夏季秸秆禁烧专项巡查，共出动巡查人员1200人次。"),
        (9, "浙江发布2017年环境状况公报", "浙江省生态环境厅发布2017年环境状况公报，全省地表水优良比例为82.6%。"),
        (16, "四川省召开核与辐射安全工作会议", "会议要求各地加强放射源安全监管，确保全年不发生辐射事故。"),
        (23, "广东部署臭氧污染防治攻坚行动", "广东省将在5个城市开展挥发性有机物综合治理，削减排放量3万吨。"),
        (28, "河北省召开大气污染防治调度会", "7月28日，河北省召开大气污染防治调度会，通报6月各市空气质量排名。"),
    ]
]


@pytest.fixture
def ex() -> SimpleNamespace:
    """Each example by name: ex.china_rok_en, ex.meeting_zh, ..."""
    return SimpleNamespace(**{name.lower(): value for name, value in globals().items() if name.isupper()})


@pytest.fixture
def english() -> list[dict]:
    return [CHINA_ROK_EN, MEETING_EN, OTHER_MEETING_EN, CENEWS_EN]


@pytest.fixture
def chinese() -> list[dict]:
    return [*FILLER_ZH, OTHER_MEETING_ZH, CHINA_ROK_RELATED_ZH, MEETING_ZH, CHINA_ROK_ZH]
