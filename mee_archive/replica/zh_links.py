"""The Chinese site's navigation and link lists: the bulk of a real page's chrome.

The real article page carries ~40 KB of chrome around a ~9 KB article: a menu of the site's
columns (written twice, for PC and mobile), and footer lists of State Council departments, the
ministry's own sites and every province's environment department. Built once, shared by every page.
"""

from __future__ import annotations

from functools import lru_cache

from mee_archive.replica.render_common import esc
from mee_archive.replica.vocab import places

MENU: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("机构", "/zjhb/", (("部领导", "bld/"), ("机构设置", "jgsz/"), ("驻部纪检监察组", "zbjjz/"), ("派出机构", "pcjg/"),
                      ("直属单位", "zsdw/"), ("社会团体", "shtt/"))),
    ("新闻", "/ywdt/", (("环境要闻", "hjywnews/"), ("新闻发布", "xwfb/"), ("直播访谈", "zbft/"), ("时政要闻", "szyw/"),
                      ("地方快讯", "dfnews/"), ("公示公告", "gsgg/"), ("图片新闻", "tpxw/"), ("视频新闻", "spxw/"))),
    ("信息", "/xxgk2018/", (("政府信息公开指南", "xxgk/xxgk14/"), ("政府信息公开制度", "xxgk/xxgk15/"),
                           ("法定主动公开内容", "xxgk/xxgk16/"), ("政府信息公开年报", "xxgk/xxgk17/"),
                           ("依申请公开", "xxgk/xxgk18/"))),
    ("服务", "/ywgz/", (("环境影响评价", "hjyxpj/"), ("排污许可", "pwxk/"), ("生态环境监测", "sthjjc/"),
                      ("核与辐射安全", "hyfsaq/"), ("生态环境执法", "sthjzf/"), ("应对气候变化", "ydqhbh/"),
                      ("固体废物与化学品", "gtfwyhxp/"))),
    ("互动", "/hdjl/", (("部长信箱", "bzxx/"), ("意见征集", "yjzj/"), ("在线访谈", "zxft/"), ("12369环保举报", "jb/"),
                      ("常见问题", "cjwt/"))),
    ("专题", "/home/ztbd/", (("习近平生态文明思想", "xjpstwmsx/"), ("污染防治攻坚战", "wrfzgjz/"),
                            ("中央生态环境保护督察", "zyhjbhdc/"), ("生物多样性保护", "swdyxbh/"),
                            ("六五环境日", "lwhjr/"), ("全国碳市场", "qgtsc/"))),
    ("资料", "/hjzl/", (("生态环境状况公报", "sthjzk/"), ("环境统计", "hjtj/"), ("生态环境标准", "sthjbz/"),
                      ("政策法规", "zcfg/"), ("生态环境科普", "sthjkp/"))),
)
MINISTRIES = (
    ("外交部", "www.fmprc.gov.cn/web/"), ("国防部", "www.mod.gov.cn/"), ("国家发展和改革委员会", "www.ndrc.gov.cn"),
    ("教育部", "www.moe.gov.cn"), ("科学技术部", "www.most.gov.cn/"), ("工业和信息化部", "www.miit.gov.cn/"),
    ("国家民族事务委员会", "www.seac.gov.cn/"), ("公安部", "www.mps.gov.cn/"), ("民政部", "www.mca.gov.cn/"),
    ("司法部", "www.moj.gov.cn/"), ("财政部", "www.mof.gov.cn/index.htm"), ("人力资源社会保障部", "www.mohrss.gov.cn/"),
    ("自然资源部", "www.mnr.gov.cn/"), ("生态环境部", "www.mee.gov.cn/"), ("住房和城乡建设部", "www.mohurd.gov.cn/"),
    ("交通运输部", "www.mot.gov.cn/"), ("水利部", "www.mwr.gov.cn/"), ("农业农村部", "www.moa.gov.cn/"),
    ("商务部", "www.mofcom.gov.cn/"), ("文化和旅游部", "www.mct.gov.cn/"), ("国家卫生健康委员会", "www.nhc.gov.cn/"),
    ("应急管理部", "www.mem.gov.cn/"), ("中国人民银行", "www.pbc.gov.cn/"), ("审计署", "www.audit.gov.cn/"),
    ("国家统计局", "www.stats.gov.cn/"), ("国家林业和草原局", "www.forestry.gov.cn/"), ("中国气象局", "www.cma.gov.cn/"),
    ("国家能源局", "www.nea.gov.cn/"),
)
OWN_SITES = (
    ("国家核安全局", "nnsa.mee.gov.cn/"), ("中国环境监测总站", "www.cnemc.cn/"), ("中国环境科学研究院", "www.craes.cn/"),
    ("生态环境部环境规划院", "www.caep.org.cn/"), ("生态环境部对外合作与交流中心", "www.fecomee.org.cn/"),
    ("生态环境部宣传教育中心", "www.chinaeol.net/"), ("中国环境报社", "www.cenews.com.cn/"),
    ("中国环境出版集团", "www.cesp.com.cn/"), ("生态环境部环境工程评估中心", "www.acee.org.cn/"),
    ("生态环境部南京环境科学研究所", "www.nies.org/"), ("生态环境部华南环境科学研究所", "www.scies.org/"),
    ("生态环境部卫星环境应用中心", "www.secmep.cn/"), ("生态环境部核与辐射安全中心", "www.chinansc.cn/"),
    ("生态环境部党校", "dangxiao.mee.gov.cn/"), ("中国保护臭氧层行动", "www.ozone.org.cn/"),
    ("中国气候变化信息网", "www.ccchina.org.cn"), ("全国排污许可证管理信息平台", "permit.mee.gov.cn/"),
)


def _links(rows: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(f'      \n        <li><a href="http://{url}" target="_blank">{esc(name)}</a></li>' for name, url in rows)


def _provinces() -> tuple[tuple[str, str], ...]:
    return tuple((f"{p.zh_full}生态环境厅", f"sthjt.{p.en.lower().replace(' ', '')}.gov.cn/") for p in places.PROVINCES)


def _menu(css: str) -> str:
    columns = "\n".join(
        f'\t\t<li class="{css}_li"><a class="{css}_a" href="{href}" target="_parent">{name}</a>\n'
        f'\t\t\t<div class="{css}_sub"><ul>\n'
        + "\n".join(f'\t\t\t\t<li><a href="{href}{sub}" target="_parent">{esc(label)}</a></li>' for label, sub in subs)
        + "\n\t\t\t</ul></div>\n\t\t</li>"
        for name, href, subs in MENU
    )
    return f'<div class="{css}"><ul class="center">\n\t\t<li class="{css}_li"><a href="/">首页</a></li>\n{columns}\n</ul></div>\n'


@lru_cache(maxsize=1)
def navigation() -> str:
    """The column menu, for PC and again for mobile (both always in the page, one hidden by CSS)."""
    return _menu("mainNav") + _menu("mobileNav")


@lru_cache(maxsize=1)
def link_lists() -> str:
    """Footer lists: State Council departments, the ministry's own sites, provincial departments."""
    groups = (("国务院部门", MINISTRIES), ("部系统门户网站群", OWN_SITES), ("地方生态环境部门", _provinces()))
    return "\n".join(f'\t<div class="footerTopUl"><div class="center"><h4>{title}</h4><ul class="active">'
                     f"\n{_links(rows)}\n\t</ul></div></div>" for title, rows in groups)
