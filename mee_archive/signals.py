"""The project's own Scrapy signals."""

# Sent by ArchiveSpider.failed for every request that failed for good (after retries and
# redirects), with url= (the URL the spider asked for) and reason= (one line).
request_failed = object()
