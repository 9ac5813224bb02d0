"""Host and port of the servers `browse` and `replay` start: loopback unless asked otherwise."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from mee_archive.cli import CliError
from mee_archive.cli.research_options import port

LOOPBACK = "127.0.0.1"


def add_serve_options(parser: argparse.ArgumentParser, default_port: int) -> None:
    parser.add_argument("--host", default=LOOPBACK,
                        help="address to listen on (default: %(default)s, this machine only; anything else "
                        "exposes the archive to the network, with a warning)")
    parser.add_argument("--port", type=port, default=default_port, help="port (default: %(default)s)")


def announce(args: argparse.Namespace, what: str, path: str = "/") -> None:
    print(f"{what} at http://{args.host}:{args.port}{path}"
          + (" (loopback only; --host to change)" if args.host == LOOPBACK else ""), flush=True)
    if args.host != LOOPBACK:
        print(f"warning: listening on {args.host}: anyone who can reach this machine can read the archive",
              file=sys.stderr, flush=True)


def serve(command: list[str], cwd: str | None = None) -> NoReturn:
    """Become the server (exec): Ctrl-C and signals reach it directly, and its process id is ours."""
    try:
        if cwd:
            os.chdir(cwd)
        os.execv(command[0], command)
    except OSError as exc:
        raise CliError(f"cannot start {command[0]}: {exc.strerror}", exit_code=1) from None
    raise AssertionError("execv returned")  # it returns only by raising OSError
