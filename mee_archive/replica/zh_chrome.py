"""The Chinese site's page chrome (head, header, banner, footer, trailing scripts).

Modelled on the real article page (www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml),
trimmed but keeping what trips scrapers: scripts that write text, a mobile duplicate of the
date/source line, share widgets, hidden recommendation blocks, analytics.
"""

from __future__ import annotations

from mee_archive.replica import requisites, zh_links
from mee_archive.replica.model import EN_HOST
from mee_archive.replica.render_common import esc

# Channel folder -> (column name, TRS catalog id, parent column).
CHANNELS: dict[str, tuple[str, int, str]] = {
    "hjywnews": ("环境要闻", 28943, "要闻动态"),
    "xwfb": ("新闻发布", 28944, "要闻动态"),
    "zbft": ("直播访谈", 28945, "要闻动态"),
    "szyw": ("时政要闻", 28946, "要闻动态"),
    "dfnews": ("地方快讯", 28947, "要闻动态"),
    "gsgg": ("公示公告", 28948, "要闻动态"),
}
SITE_TITLE = "中华人民共和国生态环境部"


def column_name(channel: str) -> str:
    """Chinese column name of a channel folder; unknown folders show as themselves."""
    return CHANNELS.get(channel, (channel, 0, ""))[0]


def _requisites() -> str:
    """Scripts and stylesheets as the sample loads them: PC sheets, mobile sheets, then the rest."""
    scripts = [f'<script type="text/javascript" src="/images/{n}"></script>' for n in requisites.ZH_JS[:4]]
    pc, mobile = requisites.ZH_CSS[:2], requisites.ZH_CSS[2:]
    sheets = [f'<link class="stylefile" rel="stylesheet" type="text/css" href="/images/{n}" />' for n in pc]
    sheets += [f'<link class="mobileStyle" rel="stylesheet" type="text/css" href="/images/{n}" />' for n in mobile]
    return "\n".join(scripts[:2] + sheets + scripts[2:]) + "\n"


def _template_images() -> str:
    """The header's and footer's template images (hidden icons, badges), as the sample shows them."""
    return "".join(f'<img class="tplImg" src="/images/{n}" alt="" />' for n in requisites.ZH_IMAGES)


def head(title: str, extra_meta: str = "") -> str:
    """``<head>`` as the 2019+ templates write it: UTF-8, site meta, then the page's own."""
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, user-scalable=no, initial-scale=1, maximum-scale=1, minimum-scale=1">
<title>{esc(title)}_{SITE_TITLE}</title>
<meta name="SiteName" content="{SITE_TITLE}" />
<meta name="SiteDomain" content="www.mee.gov.cn" />
<meta name="SiteIDCode" content="bm17000009" />
{extra_meta}{_requisites()}<script>
    var isPC = IsPC();//获取是否为PC端
    if (isPC) {{ $(".mobileStyle").remove(); }} else {{ $(".stylefile").remove(); }}
</script>
</head>
"""


def header() -> str:
    """Top bar (mail, 繁/简 script, EN link), logo and the search form with its hot words."""
    return f"""<body>
<div class="header">
	<div class="headerC center">
		<a class="AppBtn" target="_parent">手机版</a>
		<ul>
			<li class="header_mailbox_li"><a href="https://email.mee.gov.cn/" target="_blank"><img src="/images/MEPC_base_topImg_v2019_08.png" />邮箱</a></li>
			<li><script type="text/javascript">
    var ftzw = "tps://big5.mee.gov.cn/gate/big5/www.mee.gov.cn/";
    if (document.URL.indexOf("big5") < 0) document.write('<a href="ht' + ftzw + '" target="_parent" title="繁体版">繁</a>');
</script></li>
			<li><a href="http://{EN_HOST}/" target="_blank">EN</a></li>
		</ul>
	</div>
</div>
<div class="header_logo">
	<div class="logoSearchBox center">
		<a class="logo" href="/" target="_parent"><img src="/images/MEPC_base_v2019_07.png" /></a>
		<div class="logoSearchR">
			<form action="/searchnew/" method="get" target="_blank">
				<input id="searchword" name="searchword" class="searchText1" type="text" placeholder="请输入您要搜索的内容" />
				<input type="submit" class="searchSubmit2" value="搜索" />
			</form>
			<div class="searchWord">热门搜索：
<script>
var searchword = encodeURIComponent("空气质量");
document.write("<a href='/searchnew?searchword="+searchword+"' target='_blank'>空气质量</a>")
</script>
			</div>
		</div>
	</div>
</div>
{zh_links.navigation()}"""


def banner(crumbs: list[tuple[str, str]]) -> str:
    """Inner banner: the section name written by script, and ``div.crumbsNav``."""
    links = "&nbsp;>&nbsp;".join(
        f'<a href="{href}" target="_self" title="{esc(name)}" class="CurrChnlCls">{esc(name)}</a>' for href, name in crumbs
    )
    return f"""<div class="innerBaseBanner">
  <img class="innerBaseBannerImg" src="/images/MEPC_base_innerBanner_v2019_02.jpg" />
  <div class="center">
    <h2><script>
    var url = document.URL;
    if (url.indexOf(".cn/ywdt/") > 0) {{ document.write("要闻动态"); }}
    if (url.indexOf(".cn/xxgk2018/") > 0) {{ document.write("政府信息公开"); }}
</script></h2>
    <div class="crumbsNav">
      当前位置：{links}
    </div>
  </div>
</div>
"""


def footer(last: str = "") -> str:
    """Footer with the verified copyright/ICP lines, its mobile twin and the trailing scripts;
    ``last`` goes just before ``</body>`` (where the xxgk2018 template keeps its dialog)."""
    return f"""<div class="footer">
{zh_links.link_lists()}
	<div class="footer_imgs" style="display:none">{_template_images()}</div>
	<div class="center">
		<div class="footer_BBox">
			<div class="footer_BZBox">
				<ul>
					<li><a href="/home/wzsm/" target="_blank">网站声明</a></li>
					<li><a href="/home/wzdt/" target="_blank">网站地图</a></li>
					<li><a href="/home/lxwm/" target="_blank">联系我们</a></li>
				</ul>
				<p>版权所有：中华人民共和国生态环境部<span>|</span>ICP备案编号: <a href="https://beian.miit.gov.cn " target="_blank">京ICP备05009132号</a></p>
				<p>网站标识码：bm17000009<span>|</span><a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11040102700072" target="_blank"><img src="/images/babs.png" /> 京公网安备 11040102700072号</a></p>
			</div>
		</div>
	</div>
</div>
<div class="footerMoble">
	<p>版权所有：中华人民共和国生态环境部 </p>
	<p>网站标识码：bm17000009</p>
	<a class="goTopBtn"></a>
</div>
<div style="display:none">
<script type="text/javascript">document.write(unescape("%3Cscript src='https://cl3.webterren.com/webdig.js?z=41' type='text/javascript'%3E%3C/script%3E"));</script>
</div>
<script type="text/javascript" src="/images/{requisites.ZH_JS[4]}"></script>
<script>
var _hmt = _hmt || [];
(function() {{
  var hm = document.createElement("script");
  hm.src = "https://hm.baidu.com/hm.js?0f50400dd25408cef4f1afb556ccb34f";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
}})();
</script>
{last}</body>
</html>
"""
