"""Chinese list pages: channel lists, legacy /gkml/ lists, the home page and the site map.

Channel lists use the markup four independent scrapers agree on (``ul.cjcx_danduimg_list > li``,
``dl > dt > a.cjcx_biaobnan`` or ``a.cjcx_biaob``, ``span.cjcx_shijian``, ``dl > dd > p``) and
the ``countPage`` pager; legacy lists use ``m_nRecordCount`` / ``m_nPageSize`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from mee_archive.replica.model import EN_HOST
from mee_archive.replica.render_common import ListEntry, countpage_script, dated_items, esc
from mee_archive.replica.zh_chrome import CHANNELS, banner, column_name, footer, head, header

ZH_PER_PAGE = 20  # entries per channel list page
LEGACY_PER_PAGE = 20  # entries per legacy /gkml/ list page


def _channel_item(e: ListEntry, bold: bool) -> str:
    cls = "cjcx_biaob" if bold else "cjcx_biaobnan"
    return (
        f'<li><dl><dt><a class="{cls}" href="{esc(e.href)}" target="_blank">{esc(e.title)}</a></dt>'
        f"<dd><p>{esc(e.summary)}</p></dd></dl>"
        f'<span class="cjcx_shijian">{e.date:%Y-%m-%d}</span></li>'
    )


def render_channel_list(channel: str, entries: Sequence[ListEntry], page: int, count: int) -> str:
    """One page of a news channel's list; every third entry uses the bold ``a.cjcx_biaob``."""
    column, _, parent = CHANNELS.get(channel, (channel, 0, "要闻动态"))
    items = "\n".join(_channel_item(e, i % 3 == 2) for i, e in enumerate(entries))
    return f"""{head(column)}{header()}{banner([("../../", "首页"), ("../", parent), ("./", column)])}
<div class="innerBg">
  <div class="innerCenter">
    <div class="cjcx_biaoti"><h2>{esc(column)}</h2></div>
    <div class="bd mobile_list">
      <ul id="div" class="cjcx_danduimg_list">
{items}
      </ul>
    </div>
    <div class="page">{countpage_script(count, page)}</div>
  </div>
</div>
{footer()}"""


def legacy_list_id(channel: str, channels: Sequence[str]) -> int:
    """TRS id in a legacy list name (``index_835.htm``): 835 for the first legacy channel, then on."""
    return 835 + sorted(channels).index(channel)


def render_legacy_list(
    channel: str, entries: Sequence[ListEntry], page: int, total: int, list_id: int, declare_charset: bool
) -> str:
    """One page of a legacy /gkml/ list; the page count is derived from record count and size."""
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n' if declare_charset else ""
    items = "\n".join(
        f'<tr><td class="gkml_bt"><a href="{esc(e.href)}" target="_blank" title="{esc(e.title)}">{esc(e.title)}</a></td>'
        f'<td class="gkml_rq">{e.date:%Y-%m-%d}</td></tr>'
        for e in entries
    )
    return f"""<html>
<head>
{meta}<title>{esc(column_name(channel))}-中华人民共和国环境保护部</title>
</head>
<body>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="gkml_list">
{items}
</table>
<script language="JavaScript">
var m_nRecordCount = "{total}";
var m_nPageSize = {LEGACY_PER_PAGE};
var m_nCurrPage = {page};
var m_sPageName = "index_{list_id}";
var m_sPageExt = "htm";
</script>
<div class="page"><script language="JavaScript">createPageHTML(m_nRecordCount, m_nPageSize, m_nCurrPage, m_sPageName, m_sPageExt);</script></div>
</body>
</html>
"""


def _channel_block(channel: str, entries: Sequence[ListEntry]) -> str:
    return (
        f'<div class="home_block"><h2><a href="/ywdt/{channel}/">{esc(column_name(channel))}</a></h2>'
        f'<ul>\n{dated_items(entries)}\n</ul><a class="more" href="/ywdt/{channel}/">更多</a></div>'
    )


def render_zh_home(latest: Sequence[tuple[str, Sequence[ListEntry]]]) -> str:
    """Home page: each channel's newest entries (the simple ``<li><a><span.date>`` idiom)."""
    blocks = "\n".join(_channel_block(channel, entries) for channel, entries in latest)
    return f"""{head("首页")}{header()}
<div class="innerBg"><div class="center home">
{blocks}
</div></div>
{footer()}"""


def render_sitemap(channels: Sequence[str], legacy: Sequence[tuple[str, str]]) -> str:
    """/home/wzdt/: links to every channel list, the legacy lists and the English site."""
    links = [(f"/ywdt/{c}/", column_name(c)) for c in channels]
    links += [(href, f"{column_name(c)}（旧版）") for c, href in legacy]
    links.append((f"http://{EN_HOST}/", "English"))
    items = "\n".join(f'<li><a href="{href}" target="_blank">{esc(name)}</a></li>' for href, name in links)
    return f"""{head("网站地图")}{header()}{banner([("../../", "首页"), ("./", "网站地图")])}
<div class="innerBg"><div class="center wzdt"><ul>
{items}
</ul></div></div>
{footer()}"""
