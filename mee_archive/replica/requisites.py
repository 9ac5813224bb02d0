"""Page requisites both hosts serve: stylesheets, scripts, template images, fonts, favicons.

A real page loads them from ``/images/`` (the Chinese sample: 4 stylesheets, 5 scripts, ~25
images); an archive that is to replay as the reader saw it must fetch them. Each file here is
generated from its name, deterministically, at a plausible size: CSS that pulls images and a
font through ``url(...)`` and another sheet through ``@import``, JavaScript, and valid PNG, JPEG
and GIF files (padded with a comment to the weight of the real ones). Both hosts also answer
``/favicon.ico``, where a browser looks for the icon of a page that declares none (a 16x16 ICO).
"""

from __future__ import annotations

from functools import lru_cache

from mee_archive.replica import embeds

# Chinese chrome (the names of the real sample's files).
ZH_CSS = ("MEPC_base_pc_v2019.css", "MEPC_hzx_pc_v2019.css", "MEPC_base_mobile_v2019.css", "MEPC_hzx_mobile_v2019.css")
ZH_JS = ("jquery-1.12.4.min.js", "MEPC_mobile_v2020.js", "respond.src_v2019.js", "jquery.SuperSlide.2.1.1.js",
         "bshareC0.js")
ZH_IMAGES = (
    "MEPC_base_v2019_03.png", "MEPC_base_topImg_v2019_08.png", "MEPC_base_topImg_v2019_03.png",
    "MEPC_base_top2_v2019_13.png", "MEPC_base_topImg_v2019_05.png", "MEPC_base_toutiao_v2019_03.png",
    "MEPC_base_topImg_v2019_06.png", "MEPC_base_v2019_07.png", "MEPC_base_v2019_17.jpg",
    "MEPC_base_ydGjhaqj_v2019_03.png", "MEPC_base_innerBanner_v2019_02.jpg", "MEPC_base_footer_v2019_03.png",
    "MEPC_base_footer_v2019_14.png", "MEPC_base_footer_v2019_11.png", "babs.png", "wuzhangai_app.gif",
    "icon_13.png", "2022slh.png", "MEPC_base_share_v2019.png", "MEPC_base_print_v2019.png",
)
# Only the stylesheets reach these: backgrounds, sprites, the icon font, the imported reset sheet.
ZH_CSS_ONLY = ("MEPC_base_bg_v2019.jpg", "MEPC_base_nav_v2019.png", "MEPC_base_sprite_v2019.png",
               "MEPC_base_dot_v2019.gif", "fonts/iconfont.woff", "MEPC_reset_v2019.css")
# English chrome per template generation: stylesheet, script, header and menu images.
EN_BY_GENERATION = {
    "A": ("style.css", "logo.jpg", "banner_2017.jpg", "nav_0.gif", "nav_1.gif", "nav_2.gif", "nav_3.gif",
          "nav_cn.gif", "mee_name.gif", "favicon.gif"),
    "A2": ("en_2018.css", "logo_2018.png", "banner_2018.jpg", "nav_0.gif", "nav_1.gif", "nav_2.gif", "nav_3.gif",
           "nav_cn.gif", "mee_name.gif", "favicon.gif"),
    "B": ("en_b.css", "zoom.js", "banner_b.jpg", "nav_0.gif", "nav_1.gif", "nav_2.gif", "nav_3.gif", "nav_cn.gif",
          "mee_name.gif", "favicon.png"),
    "C": ("en_2019.css", "page.js", "masthead_2019.jpg", "nav_0.gif", "nav_1.gif", "nav_2.gif", "nav_3.gif",
          "nav_cn.gif", "mee_name.gif", "favicon.png"),
    "D": ("en_2019.css", "page.js", "masthead_2019.jpg", "nav_0.gif", "nav_1.gif", "nav_2.gif", "nav_3.gif",
          "nav_cn.gif", "mee_name.gif", "favicon.png"),
}
# Where a browser asks for the icon of a page that declares none.
FAVICON = "/favicon.ico"
EN_CSS_ONLY = ("en_bg.jpg", "en_sprite.png", "fonts/opensans.woff", "en_reset.css")

TYPES = {"css": "text/css; charset=utf-8", "js": "application/javascript; charset=utf-8", "woff": "font/woff",
         **embeds.CONTENT_TYPES}
# Plausible weights in bytes (the real jQuery 1.12.4 is ~97 KB, a template sheet 20-60 KB).
SIZES = {"css": 24_000, "js": 9_000, "png": 3_000, "jpg": 30_000, "gif": 1_200, "woff": 18_000}
BIG = {"jquery-1.12.4.min.js": 97_000, "MEPC_base_pc_v2019.css": 60_000, "MEPC_base_innerBanner_v2019_02.jpg": 80_000}


def catalogue(kind: str) -> dict[str, str]:
    """Path -> content type of every requisite on the ``kind`` ("en"/"zh") host."""
    return _catalogue(kind)


@lru_cache(maxsize=2)
def _catalogue(kind: str) -> dict[str, str]:
    if kind == "zh":
        names = ZH_CSS + ZH_JS + ZH_IMAGES + ZH_CSS_ONLY
    else:
        names = tuple(dict.fromkeys(n for files in EN_BY_GENERATION.values() for n in files)) + EN_CSS_ONLY
    return {**{f"/images/{n}": TYPES[embeds.extension(n)] for n in names}, FAVICON: TYPES["ico"]}


def _images_for(kind: str) -> tuple[tuple[str, ...], str, str]:
    """What a stylesheet of ``kind`` references: images, its font, the sheet it imports."""
    if kind == "zh":
        return ZH_IMAGES[:6] + ZH_CSS_ONLY[:4], ZH_CSS_ONLY[4], ZH_CSS_ONLY[5]
    return ("en_bg.jpg", "en_sprite.png", "nav_0.gif", "mee_name.gif"), EN_CSS_ONLY[2], EN_CSS_ONLY[3]


def _pad(text: str, size: int) -> str:
    """Repeat generated rules until the file has its weight (minified files are long)."""
    out, n = [text], 0
    while sum(map(len, out)) < size:
        out.append(f".r{n}{{margin:{n % 17}px {n % 11}px;padding:0 {n % 7}px}}\n" if text.startswith(("@", "/*"))
                   else f"function f{n}(a){{return a+{n}}}\n")
        n += 1
    return "".join(out)


def _css(kind: str, name: str) -> bytes:
    images, font, imported = _images_for(kind)
    if name == imported:  # the imported sheet is the end of the chain
        return _pad("/* reset */\nhtml,body{margin:0;padding:0}\n", 4_000).encode()
    rules = [f'@import url("{imported}");', f"/* {name} */",
             f'@font-face{{font-family:"icon";src:url("{font}") format("woff")}}']
    rules += [f".bg{i}{{background:url({img}) no-repeat}}" for i, img in enumerate(images)]
    return _pad("\n".join(rules) + "\n", BIG.get(name, SIZES["css"])).encode()


def _js(name: str) -> bytes:
    head = f"/*! {name} */\nfunction IsPC(){{return !/Android|iPhone|iPad/.test(navigator.userAgent)}}\n"
    return _pad(head, BIG.get(name, SIZES["js"])).encode()


def _woff(name: str) -> bytes:
    """A WOFF header (signature, flavour, length) and padding: enough for type sniffers."""
    size = SIZES["woff"]
    header = b"wOFF" + b"\x00\x01\x00\x00" + size.to_bytes(4, "big")
    return header + bytes(size - len(header))


@lru_cache(maxsize=128)
def body(kind: str, path: str) -> bytes:
    """The bytes of requisite ``path`` on the ``kind`` host."""
    name = path.removeprefix("/images/")
    ext = embeds.extension(name)
    size = BIG.get(name, SIZES.get(ext, 1_000))
    if ext == "css":
        return _css(kind, name)
    if ext == "js":
        return _js(name)
    if ext == "woff":
        return _woff(name)
    if ext == "gif":
        return embeds.gif_bytes()
    if ext == "ico":
        return embeds.ico_bytes(f"{kind}:{name}")
    if ext == "png":
        return embeds.png_bytes(name, pad=size)
    return embeds.jpeg_bytes(name + " " * max(0, min(size, 60_000) - len(name)))
