"""English pages of the replica: releases in five template generations, lists, home page.

The real English markup is unknown (only the reader-visible text is verified), so each
generation uses a genuinely different skeleton in the style the same TRS CMS uses on the
Chinese site. Extraction must not over-fit any one of them:

- A  (2017-2018): table layout, upper-case tags, no TRS meta, no printed date (as in
  example-release.txt); the body cell ``td#zoom`` holds the paragraphs *and* the notice.
- A2 (2018): div layout, title in a ``div``, body ``div#ContentRegion`` with ``<div>``
  paragraphs, notice inside the body, no printed date; strip "Hot Keywords: Belt and Road ...".
- B  (mid/late 2018): ``中文 Hot Keywords:`` strip, section name, title in ``h2``,
  "Article type: Translated DATE Font Size:[ S M L ] [Print] [Close]", body
  ``div.TRS_Editor`` with ``<span>``-wrapped paragraphs, notice after it.
- C  (Dec 2018 on): masthead, "Source: Translated by Information Center, MEE" + date glued,
  title in ``h1``, body ``div.article_text``.
- D  (current): C's page with the TRS ``<meta>`` tags, title in ``h2``, body
  ``div.neiright_JPZ_GK_CP > div.TRS_Editor > div.Custom_UnionStyle`` as on the Chinese site.

Every page's menu (sibling sections, the Chinese site) is image links without alt text,
so it adds no words to the verified reader-visible text.

Images sit after the first paragraph (an ``<img>`` whose ``alt`` is the caption, then a
centred paragraph with the same caption); attachments follow the body as ``./P0....pdf`` links.
"""

from __future__ import annotations

from collections.abc import Sequence

from mee_archive.replica import requisites
from mee_archive.replica.model import ZH_HOST, EnRelease
from mee_archive.replica.render_common import ListEntry, countpage_script, dated_items, esc, meta_tags

SECTION_NAMES = {"news_release": "News Release", "media_news": "Media News", "Photo": "Photo News"}
CATALOGS = {"news_release": 11511, "media_news": 11512, "Photo": 11514}  # TRS channel ids
EN_PER_PAGE = 20  # list entries per English list page

NOTICE_A = (
    "(This English version is for your reference only.In case any discrepancy exists between "
    "the Chinese and English context, the Chinese version shall prevail.)"
)  # A/A2 spell it without the space after "only." (verified, example-release.txt)
NOTICE = NOTICE_A.replace("only.In", "only. In")

HOT_KEYWORDS = {
    "A": ("inspection", "air", "water", "soil", "pollution"),
    "A2": ("Belt and Road", "inspection", "air", "water"),
    "B": (),
    "C": ("ecological civilization", "air", "water", "soil"),
    "D": ("carbon neutrality", "biodiversity", "air", "water"),
}
COPYRIGHT_YEARS = {"A": "2015-2016", "A2": "2015-2016", "B": "2017-2018", "C": "2018", "D": "2019-2024"}


def section_name(section: str) -> str:
    """Reader-facing name of an English section ("Photo" is "Photo News")."""
    return SECTION_NAMES.get(section, section.replace("_", " "))


def _keyword_links(generation: str) -> str:
    return " ".join(
        f'<a href="/search/?searchword={esc(k)}" target="_blank">{esc(k)}</a>' for k in HOT_KEYWORDS[generation]
    )


def _menu(up: str = "/") -> str:
    """Menu of sibling sections and the Chinese site: image buttons with empty alt text, so it
    adds no words to what a reader sees (the verified page texts show none)."""
    links = [f"{up}", f"{up}News_service/news_release/", f"{up}News_service/media_news/", f"{up}News_service/Photo/"]
    cells = "".join(
        f'<a href="{href}"><img src="{up}images/nav_{i}.gif" alt="" border="0"></a>' for i, href in enumerate(links)
    )
    return cells + f'<a href="http://{ZH_HOST}/" target="_blank"><img src="{up}images/nav_cn.gif" alt="" border="0"></a>'


def _footer(generation: str, up: str = "/") -> str:
    """Footer lines every generation shows, in reading order (example-release.txt)."""
    name_img = f'<img src="{up}images/mee_name.gif" alt="" />'
    return (
        '<div class="footer">\n'
        f"<p>Copyright©{COPYRIGHT_YEARS[generation]} | <a href=\"{up}Statement/\">Statement</a> | "
        f'<a href="{up}Sitemap/">Sitemap</a> | <a href="{up}Contact_us/">Contact us</a></p>\n'
        "<p>Registration Number: 05009132</p>\n"
        "<p>All rights reserved. The content (including but not limited to text, photo, multimedia "
        f"information, etc) published in this site belongs to {name_img}</p>\n"
        f"<p>Without written authorization from {name_img}, such content shall not be republished "
        "or used in any form.</p>\n</div>"
    )


def _paragraph(text: str, generation: str) -> str:
    """One body paragraph, in the markup its generation's editor produced."""
    t = esc(text)
    return {
        "A": f"<P>{t}</P>",
        "A2": f"<div>{t}</div>",
        "B": f'<p align="justify"><span style="font-family: Arial;">{t}</span></p>',
        "C": f'<p style="text-indent: 2em;">{t}</p>',
        "D": f'<p style="text-align: justify;">{t}</p>',
    }[generation]


def _images(release: EnRelease) -> str:
    if release.generation == "A":
        return "".join(
            f'<P align=center><IMG src="./{e.filename}" alt="{esc(e.title)}" border=0></P>'
            + (f"<P align=center>{esc(e.title)}</P>" if e.title else "")
            for e in release.images
        )
    return "".join(
        f'<p style="text-align: center;"><img src="./{e.filename}" alt="{esc(e.title)}" title="{esc(e.title)}" /></p>'
        + (f'<p style="text-align: center;">{esc(e.title)}</p>' if e.title else "")
        for e in release.images
    )


def _body(release: EnRelease) -> str:
    """Paragraphs with the images after the first one (where TRS editors usually put them)."""
    paras = [_paragraph(p, release.generation) for p in release.paragraphs]
    return "\n".join(paras[:1] + [_images(release)] * bool(release.images) + paras[1:])


def _attachments(release: EnRelease) -> str:
    if not release.attachments:
        return ""
    links = "<br />".join(f'<a href="./{e.filename}" target="_blank">{esc(e.title)}</a>' for e in release.attachments)
    return f'<div class="attachment">Attachments:<br />{links}</div>'


def _crumbs(release: EnRelease, up: str) -> str:
    return (
        f'<a href="{up}">Home</a> &gt; <a href="{up}News_service/">News</a> &gt; '
        f'<a href="../">{esc(section_name(release.section))}</a>'
    )


def _page_a(r: EnRelease) -> str:
    up = "../../../"
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<TITLE>{esc(r.title)}</TITLE>
<link href="{up}images/style.css" rel="stylesheet" type="text/css">
</HEAD>
<BODY>
<TABLE width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
<TR><TD width="360"><A href="{up}"><IMG src="{up}images/logo.jpg" alt="" border="0"></A></TD>
<TD class="hotwords">Hot Keywords: {_keyword_links("A")} </TD></TR>
<TR><TD colspan="2" class="menu">{_menu(up)}</TD></TR>
</TABLE>
<TABLE width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
<TR><TD class="position">{_crumbs(r, up)}</TD></TR>
<TR><TD class="title" align="center">{esc(r.title)}</TD></TR>
<TR><TD class="content" id="zoom">
{_body(r)}
<P>{NOTICE_A}</P>
</TD></TR>
<TR><TD>{_attachments(r)}</TD></TR>
</TABLE>
<TABLE width="1000" border="0" align="center" class="bottom"><TR><TD>
{_footer("A", up)}
</TD></TR></TABLE>
</BODY>
</HTML>
"""


def _page_a2(r: EnRelease) -> str:
    up = "../../../"
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(r.title)}--Ministry of Ecology and Environment of the People's Republic of China</title>
<link href="{up}images/en_2018.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="wrapper">
<div id="header"><div class="logo"><a href="{up}"><img src="{up}images/logo_2018.png" alt="" /></a></div>
<div class="search_key">Hot Keywords: {_keyword_links("A2")}</div></div>
<div id="menu">{_menu(up)}</div>
<div id="location">{_crumbs(r, up)}</div>
<div id="article">
<div class="art_title">{esc(r.title)}</div>
<div class="art_con" id="ContentRegion">
{_body(r)}
<div>{NOTICE_A}</div>
</div>
{_attachments(r)}
</div>
{_footer("A2", up)}
</div>
</body>
</html>
"""


def _masthead() -> str:
    """Masthead of generations C and D, then the strip with the link to the Chinese site."""
    return (
        '<div class="header"><div class="masthead"><a class="logo" href="/">'
        "<div>MINISTRY OF ECOLOGY AND ENVIRONMENT</div>"
        "<div>THE PEOPLE'S REPUBLIC OF CHINA</div></a>"
        '<div class="mobile"><a href="javascript:void(0)">Mobile</a></div></div>\n'
    )


def _strip(generation: str) -> str:
    return (
        f'<div class="hotkey"><a href="http://{ZH_HOST}/" target="_blank">中文</a> '
        f"<span>Hot Keywords:</span> {_keyword_links(generation)}</div>"
    )


def _page_b(r: EnRelease) -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(r.title)}</title>
<link rel="stylesheet" type="text/css" href="/images/en_b.css">
<script type="text/javascript">function doZoom(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}</script>
</head>
<body>
<div class="top">{_strip("B")}</div>
<div class="menu">{_menu()}</div>
<div class="container">
<div class="lanmu"><span>{esc(section_name(r.section))}</span></div>
<div class="article">
<h2 class="article_title">{esc(r.title)}</h2>
<div class="article_info">Article type: Translated {r.printed_date:%Y-%m-%d} Font Size:[ <a href="javascript:doZoom(16)">S</a> <a href="javascript:doZoom(14)">M</a> <a href="javascript:doZoom(12)">L</a> ] <a href="javascript:window.print()">[Print]</a> <a href="javascript:window.close()">[Close]</a></div>
<div class="article_con" id="zoom"><div class="TRS_Editor">
{_body(r)}
</div></div>
{_attachments(r)}
<div class="notice">{NOTICE}</div>
</div>
</div>
{_footer("B")}
</body>
</html>
"""


def _trs_meta(r: EnRelease) -> str:
    """TRS meta tags of generation D, as on the Chinese sample page (PubDate is the URL's date there)."""
    stamp = f"{r.url_date:%Y-%m-%d} {9 + r.docid % 9:02d}:{r.docid % 60:02d}:00"
    return meta_tags(
        [
            ("SiteName", "Ministry of Ecology and Environment of the People's Republic of China"),
            ("SiteDomain", "english.mee.gov.cn"),
            ("ColumnName", section_name(r.section)),
            ("ArticleTitle", r.title),
            ("PubDate", stamp),
            ("ContentSource", "Translated by Information Center, MEE"),
            ("Url", r.url),
            ("catalogs", CATALOGS.get(r.section, 11500)),
            ("contentid", r.docid),
            ("publishdate", f"{r.url_date:%Y-%m-%d}"),
        ]
    )


def _page_cd(r: EnRelease) -> str:
    current = r.generation == "D"
    head_meta = _trs_meta(r) if current else ""
    title = f'<h2 class="article_title">{esc(r.title)}</h2>' if current else f"<h1>{esc(r.title)}</h1>"
    body = (
        f'<div class="neiright_JPZ_GK_CP"><div class="TRS_Editor"><div class="Custom_UnionStyle">\n{_body(r)}\n</div></div></div>'
        if current
        else f'<div class="article_text" id="ContentRegion">\n{_body(r)}\n</div>'
    )
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(r.title)}</title>
{head_meta}<link rel="stylesheet" type="text/css" href="/images/en_2019.css" />
</head>
<body>
{_masthead()}{_strip(r.generation)}</div>
<div class="menu">{_menu()}</div>
<div class="main">
<div class="lanmu_title">{esc(section_name(r.section))}</div>
<div class="article">
{title}
<div class="source">Source: Translated by Information Center, MEE<span class="date">{r.printed_date:%Y-%m-%d}</span></div>
{body}
{_attachments(r)}
<div class="notice">{NOTICE}</div>
</div>
</div>
{_footer(r.generation)}
</body>
</html>
"""


_PAGES = {"A": _page_a, "A2": _page_a2, "B": _page_b, "C": _page_cd, "D": _page_cd}


def _chrome_requisites(generation: str) -> tuple[str, str]:
    """The generation's favicon (for ``<head>``), and its header banner and script (page end)."""
    files = requisites.EN_BY_GENERATION[generation]
    icon = next(f for f in files if f.startswith("favicon."))
    banner = next(f for f in files if f.endswith(".jpg") and not f.startswith("logo"))
    scripts = "".join(f'<script type="text/javascript" src="/images/{f}"></script>' for f in files if f.endswith(".js"))
    return (f'<link rel="icon" type="{requisites.TYPES[icon.rsplit(".", 1)[1]]}" href="/images/{icon}" />\n',
            f'<div class="banner"><img src="/images/{banner}" alt="" /></div>{scripts}\n')


def render_release(release: EnRelease) -> str:
    """The release (or sibling-section article) page in its template generation."""
    icon, tail = _chrome_requisites(release.generation)
    page = _PAGES[release.generation](release)
    page = page.replace("</head>", icon + "</head>", 1).replace("</HEAD>", icon + "</HEAD>", 1)
    return page.replace("</body>", tail + "</body>", 1).replace("</BODY>", tail + "</BODY>", 1)


def _current_page(title: str, main: str) -> str:
    """Page frame of the current site (lists and home), shared with generation D's look."""
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>{esc(title)}</title>
<link rel="stylesheet" type="text/css" href="/images/en_2019.css" />
<script type="text/javascript" src="/images/page.js"></script>
</head>
<body>
{_masthead()}{_strip("D")}</div>
<div class="menu">{_menu()}</div>
<div class="main">
{main}
</div>
{_footer("D")}
</body>
</html>
"""


def render_list(section: str, entries: Sequence[ListEntry], page: int, count: int) -> str:
    """One page of a section's list, newest first; the pager is the ``countPage`` script only."""
    name = esc(section_name(section))
    main = (
        f'<div class="lanmu_title">{name}</div>\n<div class="list_box"><ul class="news_list">\n'
        f"{dated_items(entries)}\n</ul></div>\n"
        f'<div class="page">{countpage_script(count, page)}</div>'
    )
    return _current_page(f"{section_name(section)}--Ministry of Ecology and Environment", main)


def render_home(latest: Sequence[tuple[str, Sequence[ListEntry]]]) -> str:
    """English home page: each section's newest entries and a "More" link to its list."""
    blocks = "\n".join(
        f'<div class="home_block"><h3><a href="/News_service/{s}/">{esc(section_name(s))}</a></h3>'
        f'<ul>\n{dated_items(entries)}\n</ul><a class="more" href="/News_service/{s}/">More</a></div>'
        for s, entries in latest
    )
    return _current_page("Ministry of Ecology and Environment of the People's Republic of China", blocks)


def list_href(release: EnRelease) -> str:
    """Relative href of a release on its own section's list page."""
    return f"./{release.url_date:%Y%m}/t{release.url_date:%Y%m%d}_{release.docid}.shtml"


def list_entry(release: EnRelease) -> ListEntry:
    """How a release appears on its section's list: relative link, title, publication date."""
    return ListEntry(list_href(release), release.title, release.url_date)

