"""The replica's serving ceiling: every URL of a list fetched by a client that costs next to nothing.

    python benchmarks/ceiling.py URLS.txt PROXY [CONNECTIONS]

CONNECTIONS threads (default 16, the crawls' concurrency), each with one keep-alive connection to
the proxy, ask for the URLs in absolute form with ``Accept-Encoding: gzip`` (as the crawlers do)
and read each body to its end, nothing more: no parsing, no decompression, no storing. Prints
``pages N bytes B``. Run in its own process, so the client never competes for the replica's GIL.
"""

from __future__ import annotations

import http.client
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit


def fetch_share(urls: list[str], proxy: str, totals: list[int]) -> None:
    """Fetch ``urls`` one after the other on one connection; add pages and bytes to ``totals``."""
    address = urlsplit(proxy)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    for url in urls:
        connection.request("GET", url, headers={"Host": urlsplit(url).netloc, "Accept-Encoding": "gzip"})
        body = connection.getresponse().read()
        totals[0] += 1
        totals[1] += len(body)
    connection.close()


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print("usage: ceiling.py URLS.txt PROXY [CONNECTIONS]", file=sys.stderr)
        return 2
    urls = Path(argv[1]).read_text("utf-8").split()
    connections = int(argv[3]) if len(argv) == 4 else 16
    totals = [[0, 0] for _ in range(connections)]
    threads = [threading.Thread(target=fetch_share, args=(urls[i::connections], argv[2], totals[i]))
               for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"pages {sum(t[0] for t in totals)} bytes {sum(t[1] for t in totals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
