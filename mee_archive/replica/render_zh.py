"""Chinese article pages: the channel template, the xxgk2018 document and legacy /gkml/ pages.

The channel template reproduces the real sample's markup (TRS meta tags, ``div.crumbsNav``,
``h2.neiright_Title``, ``span.xqLyPc.time``, ``div.neiright_JPZ_GK_CP > div.TRS_Editor >
div.Custom_UnionStyle`` with U+3000-indented paragraphs). The xxgk2018 page ends with a hidden
dialog that has its own ``h1``; legacy pages are old table layouts the site serves as GB2312.
"""

from __future__ import annotations

from mee_archive.replica.model import ZhArticle
from mee_archive.replica.render_common import esc, meta_tags
from mee_archive.replica.zh_chrome import CHANNELS, banner, column_name, footer, head, header

INDENT = "\u3000\u3000"  # two ideographic spaces start every paragraph, as in the sample
LEAVE_DIALOG = "您访问的链接即将离开生态环境部门户网站，是否继续？"
_LEAVE_DIALOG_HTML = f"""<div class="leave_dialog" style="display:none">
  <h1>{LEAVE_DIALOG}</h1>
  <a class="leave_go">继续访问</a><a class="leave_cancel">放弃</a>
</div>
"""


def _paragraphs(a: ZhArticle) -> str:
    """Paragraphs as the TRS editor writes them: ``<div>`` in some documents, ``<p>`` in others."""
    tag = "div" if a.docid % 2 == 0 else "p"
    return "\n".join(f"<{tag}>{INDENT}{esc(p)}</{tag}>" for p in a.paragraphs)


def _attachments(a: ZhArticle) -> str:
    links = "".join(
        f'<p>附件：<a href="./{e.filename}" target="_blank">{esc(e.title)}</a></p>' for e in a.attachments
    )
    return f'<div class="fujian">{links}</div>' if links else ""


def _trs_meta(a: ZhArticle, column: str, catalog: int) -> str:
    """The TRS tags; a repost page that prints no date carries no date tags either."""
    dates = [("PubDate", f"{a.published:%Y-%m-%d %H:%M:%S}"), ("publishdate", f"{a.published:%Y-%m-%d}")]
    return meta_tags(
        [
            ("ColumnName", column),
            ("ColumnType", column),
            ("ArticleTitle", a.title),
            *dates[: a.shows_date],
            ("ContentSource", a.source),
            ("Keywords", ""),
            ("Url", a.url),
            ("description", "中华人民共和国生态环境部"),
            ("catalogs", catalog),
            ("contentid", a.docid),
            *dates[1: 2 * a.shows_date],
            ("source", a.source),
        ]
    )


def _recommender(a: ZhArticle) -> str:
    """Hidden recommendation blocks and the script that would fill them (never visible)."""
    return f"""<div class="stbzCBaseXq" id='recommend-rel' style="display: none">
  <div class="cjcs_com_tt"><h2>相关阅读推荐</h2></div>
  <div class="cjcx_hdjl_liebadd"><ul></ul></div>
</div>
<div class="stbzCBaseXq" id="recommend-int" style="display: none">
  <div class="cjcs_com_tt"><h2>您可能对以下文章感兴趣</h2></div>
  <div class="cjcx_hdjl_liebadd"><ul></ul></div>
</div>
<script type="text/javascript">
  var Recommender = (function() {{
    this.docid = '{a.docid}';
    this.loadSimilar = function() {{ $.ajax({{url: "/api/v1/articles/similar", data: {{"id": docid}}}}); }};
    return {{ loadSimilar: loadSimilar }};
  }})();
  $(document).ready(function(){{ Recommender.loadSimilar(); }});
</script>
"""


def render_channel_article(a: ZhArticle) -> str:
    """A news-channel article (``/ywdt/<channel>/YYYYMM/t..._ID.shtml``) in the sample's markup."""
    column, catalog, parent = CHANNELS.get(a.channel, (a.channel, 0, "要闻动态"))
    day = f"{a.published:%Y-%m-%d}" if a.shows_date else ""
    crumbs = [("../../../", "首页"), ("../../", parent), ("../", column)]
    return f"""{head(a.title, _trs_meta(a, column, catalog))}{header()}{banner(crumbs)}
<div class="innerBg">
  <div class="innerCenter">
    <div class="wzsmCenter">
      <div class="innerBzCenter">
        <div class="stbzXq">
          <div class="neiright_Box">
            <h2 class="neiright_Title">{esc(a.title)}</h2>
            <div class="neiright_Content">
              <div class="neiright_JPZ_GK">
                <p class="ydLyZzBox">
                  <span>{day}</span>
                  <span>来源：{esc(a.source)}</span>
                </p>
                <span class="xqLyPc time">{day}</span>
                <span class="xqLyPc">来源：{esc(a.source)}</span>
                <div class="neiright_JPZGK">分享到：
<div class="bshare-custom icon-medium"><a title="分享到微信" class="bshare-weixin"></a><a title="分享到新浪微博" class="bshare-sinaminiblog"></a></div>
</div>
                <span class="zzjgLdPrint"><a href="javascript:void(1)" onclick="window.print()">[打印]</a></span>
                <span class="zzjgLdFont">字号：<a>[大]</a> <a class="active">[中]</a> <a >[小]</a></span>
              </div>
              <div class="neiright_JPZ_GK_CP">
                <div class=TRS_Editor><div class="Custom_UnionStyle">
{_paragraphs(a)}
</div></div>
{_attachments(a)}
              </div>
            </div>
          </div>
        </div>
      </div>
{_recommender(a)}
    </div>
  </div>
</div>
{footer()}"""


def _xxgk_grid(a: ZhArticle) -> str:
    """The metadata grid of an xxgk2018 document (名称, 索引号, 分类, 发布机关, 生成日期, 文号, 主题词)."""
    year = a.published.year
    rows = [
        ("名　　称：", a.title),
        ("索 引 号：", f"000014672/{year}-{a.docid % 100000:05d}"),
        ("分　　类：", "环境监测\\通知"),
        ("发布机关：", a.source),
        ("生成日期：", f"{a.published:%Y-%m-%d}"),
        ("文　　号：", f"环办函〔{year}〕{a.docid % 997 + 1}号"),
        ("主 题 词：", ""),
    ]
    items = "\n".join(
        f'<li><div class="content_top_item_l">{k}</div><div class="content_top_item_r">{esc(v)}</div></li>'
        for k, v in rows
    )
    return f'<div class="content_top_box"><ul>\n{items}\n</ul></div>'


def render_xxgk_article(a: ZhArticle) -> str:
    """An xxgk2018 document: a header ``h1``, the grid, the title ``h1``, and a dialog ``h1`` last."""
    column = "政府信息公开"
    crumbs = [("../../../../", "首页"), ("../../../", column)]
    return f"""{head(a.title, _trs_meta(a, column, 32701))}{header()}{banner(crumbs)}
<div class="innerBg">
  <div class="xxgk_header"><h1 class="xxgk_header_title">政府信息公开</h1></div>
  <div class="content_box">
{_xxgk_grid(a)}
    <div class="content_body">
      <h1>{esc(a.title)}</h1>
      <div class="content_body_box"><div class="Custom_UnionStyle">
{_paragraphs(a)}
      </div>
{_attachments(a)}
      </div>
    </div>
  </div>
</div>
{footer(_LEAVE_DIALOG_HTML)}"""


def render_legacy_article(a: ZhArticle, declare_charset: bool) -> str:
    """A pre-2018 /gkml/ page: old MEP table layout; the site encodes it (GB2312 for most).

    ``declare_charset`` False leaves the page without any charset meta, as some old pages were.
    """
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={a.encoding}">\n' if declare_charset else ""
    return f"""<html>
<head>
{meta}<title>{esc(a.title)}-中华人民共和国环境保护部</title>
<link href="/gkml/images/gkml.css" rel="stylesheet" type="text/css">
</head>
<body>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/gkml/">政府信息公开</a> &gt; {esc(column_name(a.channel))}</td></tr>
<tr><td class="wzxq_bt" align="center">{esc(a.title)}</td></tr>
<tr><td class="wzxq_rq" align="center">发布日期：{a.published:%Y-%m-%d}&nbsp;&nbsp;来源：{esc(a.source)}</td></tr>
<tr><td class="wzxq_neirong"><div class=TRS_Editor>
{_paragraphs(a)}
</div></td></tr>
<tr><td class="wzxq_fj">{_attachments(a)}</td></tr>
</table>
<table width="980" border="0" align="center"><tr><td class="bottom">版权所有：中华人民共和国环境保护部 京ICP备05009132号</td></tr></table>
</body>
</html>
"""


def render_zh_article(a: ZhArticle, declare_charset: bool = True) -> str:
    """The article page in its template (``channel``, ``xxgk2018`` or ``legacy``)."""
    if a.template == "xxgk2018":
        return render_xxgk_article(a)
    if a.template == "legacy":
        return render_legacy_article(a, declare_charset)
    return render_channel_article(a)
