"""Scrapy settings for mee-archive: every setting the project reads, documented where it is set.

Project settings are prefixed ``MEE_``; the rest are Scrapy's own. Override any of them with
``scrapy crawl news_release -s NAME=value``, ``mee-archive crawl --set NAME=value`` or, on scrapyd,
with ``setting=NAME=value`` in ``schedule.json``.
"""

from __future__ import annotations

import os

from scrapy.settings import default_settings

from mee_archive.pages.trs import EN_HOSTS, ZH_HOSTS
from mee_archive.politeness import user_agent

BOT_NAME = "mee_archive"
SPIDER_MODULES = ["mee_archive.spiders"]
NEWSPIDER_MODULE = "mee_archive.spiders"

# --- Where the crawl starts and where it writes -------------------------------------------------

# Root of the archive: items/, warc/, index/, state/, runs/ live below it. Jobs on scrapyd must write
# to a stable absolute directory, not scrapyd's working directory: start scrapyd with the environment
# variable MEE_OUTPUT_DIR=/srv/mee-archive, or pass setting=MEE_OUTPUT_DIR=... to schedule.json.
MEE_OUTPUT_DIR = os.environ.get("MEE_OUTPUT_DIR", "output")

# Where the English News Release section lives. The default is the real site; the replica answers
# for the same URL when MEE_PROXY points at it, so archived URLs are always the real ones.
MEE_START_URL = "http://english.mee.gov.cn/News_service/news_release/"

# Id of this run, in WARC file names, run manifests and items; empty: the OutputLayout add-on makes
# one (UTC time + random suffix). scrapyd users may pass their job id.
MEE_CRAWL_ID = ""

# HTTP forward proxy every request goes through (e.g. "http://127.0.0.1:8080" for the replica);
# empty means direct connections. Applied by mee_archive.middlewares.ProxyMiddleware.
MEE_PROXY = ""

# --- Politeness: a government site deserves a careful guest ---------------------------------------

# Everything that decides how hard the crawl leans on the sites, in one place. The defaults are
# for the real government sites and are deliberately slow: a daily incremental run fetches a few
# list pages and the new releases, so speed does not matter; `mee-archive demo` relaxes them for
# the local replica only.

# Contact address put in the User-Agent so the site's operators can reach the archive's owner.
# Set it to yours (`-s MEE_CONTACT=mailto:you@example.org`); the User-Agent follows it
# (mee_archive.politeness) unless USER_AGENT itself is set.
MEE_CONTACT = "https://github.com/mee-archive/mee-archive"
USER_AGENT = user_agent(MEE_CONTACT)
# robots.txt of each host is fetched first and obeyed; disallowed URLs are never requested.
ROBOTSTXT_OBEY = True
# At most 2 requests in flight per host (news-please allows 4), 8 overall.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# At least 1 s between requests to a host (randomised 0.5x-1.5x by Scrapy); AutoThrottle's floor.
DOWNLOAD_DELAY = 1.0
# AutoThrottle adapts the delay to the server's latency: on average one request in flight per host
# (target concurrency 1), waiting up to 30 s between requests when the server slows down.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 5.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# Transient failures are retried (4 times); 429 and 503 answers carrying Retry-After also pause
# every request to that host for as long as asked (mee_archive.backoff), at most
# MEE_RETRY_AFTER_MAX seconds (Heritrix's cap for robots Crawl-delay is 300 s too).
RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
MEE_RETRY_AFTER_MAX = 300.0

# A redirect back into its own chain is reported as a failure, not dropped as a duplicate.
DUPEFILTER_CLASS = "mee_archive.dupefilter.LoopReportingDupeFilter"

# Archival crawls must see every exchange: a cached response never reaches the downloader and so
# would never be archived (archiving-notes: "HTTP cache").
HTTPCACHE_ENABLED = False
# Keep status codes of error answers visible to the archive and the run summary.
HTTPERROR_ALLOW_ALL = False

# --- Hostile pages: what is fetched, and how much (mee_archive.fetchpolicy) -----------------------

# A page decides which URLs the crawl sees, so every limit below holds whatever a page says; a
# request or page that hits one ends as a named failure in the run manifest (the run exits 1).
# Hosts page requisites (images, attachments) may come from besides the spider's own hosts; pages
# themselves only ever come from the spider's hosts. Default: both MEE sites and their old names.
MEE_REQUISITE_HOSTS = [*EN_HOSTS, *ZH_HOSTS]
# Largest response accepted, in bytes, as received and again once decompressed (Scrapy checks
# both, the second in HttpCompressionMiddleware): a release page is ~100 KB, so 16 MiB bounds a
# gzip bomb or an endless page long before it costs memory. Requisites may be larger (PDFs).
DOWNLOAD_MAXSIZE = 16 * 1024**2
DOWNLOAD_WARNSIZE = 4 * 1024**2
MEE_MAX_REQUISITE_SIZE = 256 * 1024**2
# Redirects followed per request (Scrapy's default is 20); TRS pages redirect once, if at all.
REDIRECT_MAX_TIMES = 5
# List pages walked per list, whatever its countPage script declares (the English section has
# about a hundred). Lists are walked one page after the other and the walk also ends at the first
# page that answers with an error or lists no article of the section.
MEE_MAX_LIST_PAGES = 5000
# Entries followed per list page (TRS lists show 15-20); the rest of an oversized page is named.
MEE_MAX_LIST_ENTRIES = 500
# Requisites (stylesheets, scripts, images, fonts, icons) fetched per page or stylesheet; a real
# MEE page names about 35. The rest of a page naming more is named, not fetched.
MEE_MAX_REQUISITES_PER_PAGE = 500
# Longest text field of an item, in characters (a long release body has ~30,000).
MEE_MAX_TEXT_CHARS = 1_000_000
# Without MEE_PROXY, hosts resolving to loopback, private, link-local or reserved addresses are
# refused; True lifts that, for a site served from your own network (the archive's tests do).
MEE_ALLOW_PRIVATE_ADDRESSES = False
# No download handler for anything but http(s): a second wall behind the fetch policy, so that a
# file:, ftp:, s3: or data: URL can never be read even if a request got past it.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}

# --- Components ---------------------------------------------------------------------------------

DOWNLOADER_MIDDLEWARES = {
    # Only the site is fetched (scheme, form, host, public address): before anything else,
    # robots.txt included. It replaces Scrapy's OffsiteMiddleware, which drops in silence.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "mee_archive.fetchpolicy.FetchPolicyMiddleware": 50,
    # Sets request.meta["proxy"] from MEE_PROXY before Scrapy's HttpProxyMiddleware (750) reads it.
    "mee_archive.middlewares.ProxyMiddleware": 740,
    # Archive: ask for gzip/deflate only; after HttpCompressionMiddleware (590) would add br/zstd.
    "mee_archive.archive.accept.AcceptEncodingMiddleware": 595,
    # Incremental crawls: conditional requests for list pages, the stored page on 304, answered
    # embeds recorded. Below HttpCompressionMiddleware (590) so it stores decoded bodies.
    "mee_archive.incremental.IncrementalDownloaderMiddleware": 585,
    # Politeness: a 429/503 with Retry-After holds the host's slot; above RetryMiddleware (550).
    "mee_archive.backoff.RetryAfterMiddleware": 560,
    # Archive: a response waits while the WARC recorder is MEE_WARC_BACKLOG bytes behind; first
    # of all process_response methods, so that nothing else has worked on it yet.
    "mee_archive.archive.backlog.RecorderBacklogMiddleware": 990,
}

SPIDER_MIDDLEWARES = {
    # Archive: items (dicts with "url") gain "warc", the pointer to their page's WARC record.
    "mee_archive.archive.citation.WarcCitationMiddleware": 100,
    # Incremental crawls: drop requests for what is archived; re-ask embeds a killed run cut off.
    "mee_archive.incremental.IncrementalSpiderMiddleware": 950,
}

ITEM_PIPELINES = {
    # Order: clean the text, then check the record is complete, then drop repeats.
    "mee_archive.pipelines.BoilerplatePipeline": 100,
    "mee_archive.pipelines.SchemaValidationPipeline": 300,
    "mee_archive.pipelines.DuplicatesPipeline": 400,
    # After the Chinese crawl: link English releases to their originals (rewrites the English feed).
    "mee_archive.pipelines.LinkPipeline": 800,
}

EXTENSIONS = {
    # Archive: every exchange as WARC records (mee_archive.archive.capture); see the block below.
    "mee_archive.archive.capture.WarcCapture": 100,
    # Counts listed vs. extracted releases for the end-of-crawl summary.
    "mee_archive.extensions.CrawlSummary": 500,
    # Console progress line; only active when MEE_PROGRESS is true (the CLI turns it on).
    "mee_archive.progress.Progress": 510,
    # Writes <output>/runs/<crawl id>.json at start and end (after the summary and the WARC close).
    "mee_archive.manifest.RunManifest": 600,
    # Speed: the garbage collector leaves the start-up heap alone while the spider runs.
    "mee_archive.gctuning.GcTuning": 700,
}
# Scrapy's own extensions but its remote control (see REMOTE_CONTROL_ENABLED below): Scrapy
# imports every class the project's EXTENSIONS names, even one set to None (to match it with the
# base's), and that module pulls in aiohttp, a tenth of a second of every crawl's start-up;
# left out of the base, it is never named. The rest follow Scrapy.
EXTENSIONS_BASE = {name: order for name, order in default_settings.EXTENSIONS_BASE.items()
                   if name != "scrapy.extensions.remote_control.RemoteControl"}
# Young-generation threshold of Python's garbage collector during a crawl (allocations between
# collections; Python's default is 700) once the start-up heap is frozen (mee_archive.gctuning):
# the collector cost a sixth of a crawl's CPU. Garbage cycles wait a little longer to be freed
# (a few MB at most). 0 leaves the collector as Python sets it.
MEE_GC_THRESHOLD = 50_000
# Seconds between full collections during a crawl (mee_archive.gctuning): Twisted's per-exchange
# reference cycles, and the download timeouts it cancelled, are freed as the crawl goes instead of
# piling up (peak memory grew with the section). 0: only when Python decides (and Twisted: at its
# first download timeout, so a fast crawl holds ~300 bytes a download until then).
MEE_GC_FULL_INTERVAL = 2.0
MEE_PROGRESS = False
MEE_PROGRESS_INTERVAL = 1.0  # seconds between updates (at least 10 s when not on a terminal)

# --- Output -------------------------------------------------------------------------------------

# One JSON Lines file per spider below MEE_OUTPUT_DIR, one record per release; %(name)s is the
# spider name. The OutputLayout add-on turns it into Scrapy's FEEDS once MEE_OUTPUT_DIR is final
# (after -s overrides), appending so that records of earlier runs stay.
MEE_FEED_TEMPLATE = "items/%(name)s.jsonl"
FEED_EXPORT_ENCODING = "utf-8"
# Local feeds are repaired on open (a line cut off by a kill is removed) and flushed per line, so a
# SIGKILL loses at most the item being written (mee_archive.feeds). "" is a plain path, as FEEDS has.
FEED_STORAGES = {
    "": "mee_archive.feeds.DurableFileFeedStorage",
    "file": "mee_archive.feeds.DurableFileFeedStorage",
}

# --- Incremental crawls and resume (mee_archive.incremental, mee_archive.state) ---------------------

# Each run walks the list pages again, newest first, until they list nothing new (conditional
# requests: a 304 is answered from the page stored in <output>/state/crawl.sqlite) and fetches only
# releases, Chinese articles, embeds and requisites the archive does not hold yet; a killed run started again with the same output directory resumes this way.
# True (`mee-archive crawl --refresh`): fetch everything again; changed pages become new revisions.
MEE_REFRESH = False
# List pages are newest first, so a daily run stops walking a list after the first page whose
# entries are all archived, plus this many pages more (a release published during the run, or
# since the last, shifts every page by an entry; 1 page of overlap catches it). The early stop
# applies only once a finished run has walked the list to its end.
MEE_LIST_OVERLAP_PAGES = 1
# True (`mee-archive crawl --full-list`): walk every list page, to catch edits and releases deep in
# the list (run weekly, see docs/operations.md). Pages still come as conditional requests.
MEE_FULL_LIST = False
# Page requisites an earlier run archived are asked for again as conditional requests (the stored
# ETag / Last-Modified; a 304 is archived as a server-not-modified revisit): those of every page
# this run archives (new releases and Chinese articles, so they replay with the chrome served on
# the day), and of every page on a MEE_FULL_LIST run. A daily run's list pages alone revalidate
# nothing. False: an archived requisite is never asked again but with MEE_REFRESH.
MEE_REVALIDATE_REQUISITES = True
# ... but only those last answered at least this many hours ago: a daily run revalidates, a run
# resumed after a kill (or a second run the same day) asks nothing it has just been answered.
MEE_REVALIDATE_AFTER_HOURS = 20.0
ADDONS = {
    "mee_archive.addons.OutputLayout": 0,
    # Politeness: USER_AGENT rebuilt from MEE_CONTACT after command-line overrides.
    "mee_archive.politeness.ContactUserAgent": 0,
}

# --- WARC archive (mee_archive.archive): output/warc/, output/index/, output/state/ ----------------

# Archive every HTTP exchange as WARC records. Turn off only for extraction experiments.
MEE_WARC_ENABLED = True
# First part of WARC file names: <prefix>-<UTC timestamp>-<serial>-<crawl id>.warc.gz.
MEE_WARC_PREFIX = "mee-archive"
# Start a new WARC file once the current one reaches this many (compressed) bytes.
MEE_WARC_MAX_SIZE = 1024**3
# Write a revisit record instead of a full copy when a URL's payload is byte-identical to one
# already archived (digest index in output/state/warc-digests.sqlite).
MEE_WARC_DEDUP = True
# The only content codings asked for while archiving; recorded in each warcinfo record.
MEE_WARC_ACCEPT_ENCODING = "gzip, deflate"
# Write the WARC records, their index lines and digest rows in a child process of their own
# (mee_archive.archive.remote), on another core than the crawl's; False writes them in the crawl's
# process. Items wait for their page's record to be written before they go on.
MEE_WARC_PROCESS = True
# Bytes handed to that child and not yet written past which a download waits for its record to be
# (mee_archive.archive.backlog): the crawl's memory then holds at most this much of unwritten
# records, plus CONCURRENT_REQUESTS held responses of at most DOWNLOAD_MAXSIZE each (and their frames).
MEE_WARC_BACKLOG = 32 * 1024**2
# --- Scrapy housekeeping --------------------------------------------------------------------------

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
# Project commands: `scrapy crawl` exits 1 when the run had errors (mee_archive.commands.crawl).
COMMANDS_MODULE = "mee_archive.commands"
TELNETCONSOLE_ENABLED = False
# Scrapy's remote control (an HTTP server on localhost that runs any Python it is sent, its token
# in a file of the user's profile) is off, like the telnet console: an archive crawl on a shared
# host or under scrapyd has no use for a code-execution port. EXTENSIONS_BASE (above) leaves its
# module unimported; to turn it on, set this and add it to EXTENSIONS.
REMOTE_CONTROL_ENABLED = False
# Outputs of one callback processed at once. Scrapy starts this many asyncio tasks for every
# response (its default, 100, is for callbacks yielding hundreds of items to pipelines that wait on
# I/O); ours yield a release and a few requests, the pipelines never wait, and 100 tasks a
# response cost more CPU than the callbacks' own outputs (a tenth of a crawl's samples).
CONCURRENT_ITEMS = 16
# Worker processes that read the fetched pages with the page objects (mee_archive.pagereader),
# so that parsing runs on another core while the crawl fetches and archives; 0 reads them in the
# crawl's own process. Each worker holds lxml and the page objects (~30-40 MB).
MEE_PAGE_WORKERS = 1

# --- The Chinese originals (zh_news spider) ----------------------------------------------------------

# Channels of www.mee.gov.cn where the originals of English releases are published.
MEE_ZH_CHANNELS = [
    "http://www.mee.gov.cn/ywdt/hjywnews/",
    "http://www.mee.gov.cn/ywdt/xwfb/",
    "http://www.mee.gov.cn/ywdt/zbft/",
    "http://www.mee.gov.cn/ywdt/szyw/",
]
# Date window of Chinese articles to fetch (ISO dates). Empty: derived from the English items in the
# archive, widened by MEE_ZH_MARGIN_DAYS (originals precede their translation by up to ~4 weeks).
MEE_ZH_SINCE = ""
MEE_ZH_UNTIL = ""
MEE_ZH_MARGIN_DAYS = 30
