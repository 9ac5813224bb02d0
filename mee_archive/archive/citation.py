"""Spider middleware that makes every item cite the WARC record of the page it came from.

The capture extension leaves, in the request's meta, where the response record of each download
landed. Items (dicts with a ``url``) produced from that response gain
``warc = {file, offset, length, record_id, payload_digest}``: the record holding the payload
bytes (for a revisit, the earlier response it refers to). Once an item has passed the pipelines
(``item_scraped``), the capture extension writes a metadata record naming it.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

# request.meta key the capture extension fills for every archived download.
META_KEY = "mee_warc"


class WarcCitationMiddleware(BaseSpiderMiddleware):
    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        capture = response.meta.get(META_KEY) if response is not None else None
        if not isinstance(item, dict) or "url" not in item or not capture:
            return item
        if capture["uri"] != response.url.split("#", 1)[0]:
            return item  # a response the downloader did not fetch (e.g. built by a middleware)
        item["warc"] = dict(capture["cite"])
        return item
