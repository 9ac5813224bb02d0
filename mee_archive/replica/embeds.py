"""Bytes of images and attachments: tiny but valid files, deterministic per file name.

Archive checks (digests, content types, PDF text) need real files, not placeholders; each
file differs from the others (a comment or colour derived from its name), so payload
deduplication is exercised only where the same file is really served twice.
"""

from __future__ import annotations

import hashlib
import struct
import zlib

from mee_archive.replica.model import Embed

CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "pdf": "application/pdf",
    "ico": "image/vnd.microsoft.icon",
}


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def content_type(filename: str) -> str:
    """MIME type by extension, as a static web server would say."""
    return CONTENT_TYPES.get(extension(filename), "application/octet-stream")


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", marker, len(payload) + 2) + payload


def jpeg_bytes(comment: str) -> bytes:
    """An 8x8 mid-grey baseline JPEG whose COM segment names the file.

    One Huffman code per table suffices: the only DC difference is 0 and the only AC symbol is
    end-of-block, so the entropy-coded data is the two bits ``00`` padded with ones (0x3F).
    """
    one_code = bytes([1] + [0] * 15)
    return b"".join(
        [
            b"\xff\xd8",
            _segment(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            _segment(0xFFFE, comment.encode("utf-8")),
            _segment(0xFFDB, b"\x00" + bytes([1] * 64)),
            _segment(0xFFC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00"),
            _segment(0xFFC4, b"\x00" + one_code + b"\x00"),
            _segment(0xFFC4, b"\x10" + one_code + b"\x00"),
            _segment(0xFFDA, b"\x01\x01\x00\x00\x3f\x00"),
            b"\x3f\xff\xd9",
        ]
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(name: str, pad: int = 0) -> bytes:
    """An 8x8 single-colour RGB PNG, the colour derived from ``name``; ``pad`` bytes of comment
    give a template image the weight of a real one."""
    rgb = hashlib.sha1(name.encode("utf-8")).digest()[:3]
    rows = b"".join(b"\x00" + rgb * 8 for _ in range(8))
    comment = _png_chunk(b"tEXt", b"Comment\x00" + b" " * pad) if pad else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + _png_chunk(b"tEXt", b"Title\x00" + name.encode("latin-1", "replace"))
        + comment
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def gif_bytes() -> bytes:
    """A 1x1 transparent GIF (old templates' spacer and menu images)."""
    return (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )


def ico_bytes(name: str) -> bytes:
    """A 16x16 favicon in the classic ICO form browsers have always read (one 32-bit BMP image,
    as the sites' CMS tools write it), a two-colour square whose colours derive from ``name``."""
    colour = hashlib.sha1(name.encode("utf-8")).digest()[:3]
    rows = [b"".join(bytes([*(colour if 4 <= x < 12 and 4 <= y < 12 else b"\xff\xff\xff"), 255])
                     for x in range(16)) for y in range(16)]
    # BITMAPINFOHEADER: height counts the XOR image and the AND mask; rows go bottom-up.
    info = struct.pack("<IiiHHIIiiII", 40, 16, 32, 1, 32, 0, 0, 0, 0, 0, 0)
    image = info + b"".join(reversed(rows)) + bytes(4 * 16)  # AND mask: all opaque
    directory = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(image), 22)
    return directory + image


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_bytes(title: str, filename: str) -> bytes:
    """A one-page PDF showing its title (Latin titles) and carrying it in /Info /Title (all titles).

    Helvetica has no CJK glyphs, so a Chinese title is shown only in the document information,
    as UTF-16 with a byte-order mark, and the page shows the file name.
    """
    shown = title if title.isascii() else filename
    stream = f"BT /F1 14 Tf 72 770 Td {_pdf_string(shown)} Tj ET".encode("latin-1")
    info_title = "<FEFF" + title.encode("utf-16-be").hex().upper() + ">"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title {info_title} /Producer (mee-archive replica) >>".encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def embed_bytes(embed: Embed) -> bytes:
    """The file's bytes, chosen by its extension (the URL is all a server knows)."""
    ext = extension(embed.filename)
    if ext in ("jpg", "jpeg"):
        return jpeg_bytes(embed.filename)
    if ext == "png":
        return png_bytes(embed.filename)
    if ext == "gif":
        return gif_bytes()
    return pdf_bytes(embed.title, embed.filename)
