"""Cross-lingual linking of English releases to their Chinese originals.

How the linker decides
----------------------
(filled in with measured figures below)
"""

from mee_archive.link.config import LinkConfig
from mee_archive.link.linker import LinkResult, link_items

__all__ = ["LinkConfig", "LinkResult", "link_items"]
