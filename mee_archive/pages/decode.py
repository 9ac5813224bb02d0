"""Turn a page's raw bytes into text, trusting declarations only as far as the bytes agree.

The archive keeps bytes; only extraction decodes. MEE pages are UTF-8 today, but older pages
are GB2312 with a correct, wrong or missing charset.
"""

from __future__ import annotations

import codecs
import re

# `charset=gb2312` in a Content-Type header or an http-equiv meta's content.
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# `<meta charset="…">` and `<meta http-equiv="Content-Type" content="…; charset=…">`.
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
# Browsers look for the meta declaration in the first 1024 bytes; allow a long head.
_SNIFF_BYTES = 4096
# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character
# that a page declared as GB2312 actually uses (real GB2312 pages often stray into GBK).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "ascii": "utf-8"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _codec(label: bytes) -> str | None:
    """Python's canonical codec name for a charset label, or None if unknown or no text
    encoding (a page declaring ``charset=base64``, ``rot13`` or ``undefined`` names a codec
    that ``bytes.decode`` refuses: the declaration is ignored, as an unknown one is)."""
    try:
        codec = codecs.lookup(label.decode("ascii", "ignore").strip().lower())
    except LookupError:
        return None
    if not codec._is_text_encoding:  # what bytes.decode itself checks (and refuses)
        return None
    return _SUPERSETS.get(codec.name, codec.name)


def declared_charsets(body: bytes, content_type: str | None) -> list[str]:
    """Codecs a page declares, in order of authority: the HTTP header, then `<meta>` tags."""
    labels = []
    if content_type:
        labels += _CHARSET.findall(content_type.encode("latin-1", "ignore"))[:1]
    for meta in _META.findall(body[:_SNIFF_BYTES]):
        labels += _CHARSET.findall(meta)[:1]
    return list(dict.fromkeys(name for name in map(_codec, labels) if name))


def _strict(body: bytes, name: str) -> str | None:
    """The body decoded with `name`, or None if the bytes contradict it.

    An incomplete character at the very end (a truncated download) does not refute a codec.
    """
    try:
        return body.decode(name)
    except UnicodeDecodeError as exc:
        if exc.end < len(body) or "end of data" not in exc.reason:
            return None
    except UnicodeError:  # a codec that decodes nothing ("undefined")
        return None
    return body.decode(name, errors="replace")


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a page: BOM, then valid UTF-8, then declared charsets, then GB18030.

    Valid non-ASCII UTF-8 is accepted before the declarations because it certifies itself
    (GB or Latin text is practically never valid UTF-8), whereas decoding UTF-8 bytes as
    GB18030 or Latin-1 "succeeds" as mojibake: so a page mislabelled either way decodes
    right. Declarations are then tried strictly, header before `<meta>`; the last resort
    replaces undecodable bytes so that a damaged page still yields its text.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, errors="replace").removeprefix("\ufeff")
    text = _strict(body, "utf-8")
    if text is not None:  # the declarations are read only when needed: most pages are UTF-8
        return text
    for name in declared_charsets(body, content_type):
        text = _strict(body, name)
        if text is not None:
            return text
    return body.decode("gb18030", errors="replace")
