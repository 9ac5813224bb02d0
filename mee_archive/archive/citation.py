"""Spider middleware that makes every item cite the WARC record of the page it came from.

The capture extension leaves, in the request's meta, where the response record of each download
landed. Items (dicts with a ``url``) produced from that response gain
``warc = {file, offset, length, record_id, payload_digest}``: the record holding the payload
bytes (for a revisit, the earlier response it refers to). Once an item has passed the pipelines
(``item_scraped``), the capture extension writes a metadata record naming it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from scrapy.http import Response

# request.meta key the capture extension fills for every archived download.
META_KEY = "mee_warc"


class WarcCitationMiddleware:
    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            yield await self.cited(output, response)

    @staticmethod
    async def cited(item: Any, response: Response) -> Any:
        """The item with ``warc``, once the recorder has said where its page's record landed (a
        recorder in a child process answers a moment later: the item waits, not the crawl)."""
        capture = response.meta.get(META_KEY)
        if not isinstance(item, dict) or "url" not in item or not capture:
            return item
        if capture["uri"] != response.url.split("#", 1)[0]:
            return item  # a response the downloader did not fetch (e.g. built by a middleware)
        item["warc"] = dict((await written(response.meta)).cite)  # type: ignore[union-attr]
        return item


async def written(meta: dict[str, Any]) -> Any:
    """What the recorder answered for the response whose request carries ``meta`` (None if it was
    not archived), once its record is written: a recorder in a child process answers a moment
    later, and nothing may say "archived" of a page whose record a kill could still lose."""
    capture = meta.get(META_KEY)
    recorded = capture["recorded"] if capture else None
    if isinstance(recorded, asyncio.Future):
        recorded = await asyncio.shield(recorded)  # one awaiter cancelled must not cancel the record
    return recorded
