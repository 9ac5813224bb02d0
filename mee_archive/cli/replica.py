"""`mee-archive replica`: serve the local replica of both MEE sites, or export its ground truth."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mee_archive.cli import CliError
from mee_archive.cli.argtypes import integer, number

if TYPE_CHECKING:  # the replica is imported only when a replica command runs
    from mee_archive.replica.faults import FaultConfig
    from mee_archive.replica.model import Corpus

FAULT_HELP = (
    "comma-separated fault modes, or 'all': 5xx, 429, reset, stall, truncate (transient: a URL fails "
    "only its first --fault-hits requests); notfound, redirect_loop (permanent, for listed articles); "
    "charset, redirect, duplicates, malformed, oversized (content). Off by default."
)


# The largest replica a command builds: the corpus lives in memory (20,000 releases, with their
# Chinese originals and the Chinese channels around them, take ~5 s and ~270 MB here).
MAX_RELEASES = 20_000
RELEASES_HELP = f"number of English news releases, at most {MAX_RELEASES:,} (default: %(default)s)"
# The longest a stalled request may hang (an hour): longer only looks like a dead server.
MAX_STALL_SECONDS = 3600.0


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: %(default)s)")
    parser.add_argument("--releases", type=integer(0, MAX_RELEASES), default=300, metavar="N",
                        help=RELEASES_HELP)


def _add_fault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--faults", default="", metavar="LIST", help=FAULT_HELP)
    parser.add_argument("--fault-rate", type=number(0.0, 1.0), default=0.1, metavar="R",
                        help="share of eligible URLs each fault mode hits, 0 to 1 (default: %(default)s)")
    parser.add_argument("--fault-hits", type=integer(0, 1000), default=1, metavar="K",
                        help="how many times a transient fault hits the same URL, 0 to 1000 (default: %(default)s)")
    parser.add_argument("--stall-seconds", type=number(0.0, MAX_STALL_SECONDS), default=60.0, metavar="S",
                        help="how long a stalled request hangs before the connection drops, "
                        f"0 to {MAX_STALL_SECONDS:.0f} (default: %(default)s)")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "replica",
        help="serve a local replica of english.mee.gov.cn and www.mee.gov.cn, or export its truth",
        description="The replica answers as both MEE sites (and their old host names) from a seeded corpus. "
        "Use it as an HTTP proxy so that crawls archive the real URLs.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    serve = actions.add_parser(
        "serve",
        help="run the replica until Ctrl-C",
        description="Serve the replica on HOST:PORT as an HTTP proxy and as an origin server (Host header).",
        epilog="example: mee-archive replica serve --releases 500 --port 8080 --faults 5xx,429 --fault-rate 0.05\n"
        "then:    mee-archive crawl --proxy http://127.0.0.1:8080",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_corpus_options(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=integer(0, 65535), default=8080,
                       help="port to listen on, 0 to 65535; 0 for any free one (default: %(default)s)")
    _add_fault_options(serve)
    serve.set_defaults(func=run_serve)

    truth = actions.add_parser(
        "truth",
        help="export the replica's ground truth as JSON Lines",
        description="One record per English news release (gold text, embeds, its Chinese original or null); "
        "with --zh, one per Chinese article. With --faults, each record also says whether the permanent "
        "faults make it unreachable ('lost': reason or null).",
        epilog="example: mee-archive replica truth --releases 2000 --output truth.jsonl",
    )
    _add_corpus_options(truth)
    truth.add_argument("--output", "-o", default="-", metavar="FILE", help="where to write, '-' for stdout (default)")
    truth.add_argument("--zh", action="store_true", help="export the Chinese articles instead of the releases")
    truth.add_argument("--format", choices=("jsonl", "pairs"), default="jsonl",
                       help="jsonl: one record per release (default; eval-links reads it); pairs: one JSON "
                       'object {"gold": {en_url: [zh_urls]}, "related": {en_url: [zh_urls]}}, the form of '
                       "the real pairs' truth.json (not with --zh)")
    _add_fault_options(truth)
    truth.set_defaults(func=run_truth)


def _fault_config(args: argparse.Namespace) -> FaultConfig:
    from mee_archive.replica.faults import FaultConfig

    try:
        return FaultConfig.parse(
            args.faults, rate=args.fault_rate, seed=args.seed, transient_hits=args.fault_hits,
            stall_seconds=args.stall_seconds,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def _corpus(args: argparse.Namespace) -> Corpus:
    from mee_archive.replica.corpus import build_corpus

    return build_corpus(args.seed, args.releases)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the server as cleanly as Ctrl-C does."""
    raise KeyboardInterrupt


def run_serve(args: argparse.Namespace) -> int:
    from mee_archive.replica.server import ReplicaServer

    faults = _fault_config(args)
    corpus = _corpus(args)
    try:
        server = ReplicaServer(corpus, host=args.host, port=args.port, faults=faults)
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    print(f"replica: {len(corpus.releases())} releases, {len(corpus.en)} English and {len(corpus.zh)} Chinese pages "
          f"(seed {args.seed}); faults: {', '.join(sorted(faults.modes)) or 'none'}")
    print(f"serving english.mee.gov.cn and www.mee.gov.cn as an HTTP proxy at {server.url}")
    print(f"  crawl:  mee-archive crawl --proxy {server.url}")
    print(f"  fetch:  curl -x {server.url} http://english.mee.gov.cn/News_service/news_release/")
    print("Ctrl-C stops.", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(f"\nstopped after {len(server.requests)} requests")
    return 0


def _with_losses(records: Iterable[dict], lost: dict[str, str]) -> Iterator[dict]:
    for record in records:
        yield {**record, "lost": lost.get(record["url"])}


def run_truth(args: argparse.Namespace) -> int:
    from mee_archive.replica.faults import permanent_losses
    from mee_archive.replica.truth import export_truth, export_zh, gold_and_related, write_jsonl

    if args.zh and args.format == "pairs":
        raise CliError("--format pairs describes the releases' originals: it does not go with --zh")
    faults = _fault_config(args)
    corpus = _corpus(args)
    records: Iterable[dict] = export_zh(corpus) if args.zh else export_truth(corpus)
    if faults.modes:
        records = _with_losses(records, permanent_losses(corpus, faults))
    if args.format == "pairs":
        return _write_pairs(gold_and_related(records), args.output)
    if args.output == "-":
        try:
            for record in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # `| head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    try:
        written = write_jsonl(records, args.output)
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    print(f"wrote {written} records to {args.output}", file=sys.stderr)
    return 0


def _write_pairs(truth: dict, output: str) -> int:
    """The real-pairs form, one JSON object, to stdout or a file."""
    text = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    if output == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"wrote {len(truth['gold'])} gold and {len(truth['related'])} related entries to {output}", file=sys.stderr)
    return 0
