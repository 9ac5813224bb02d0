"""argparse types with limits, so that a value no command can use is refused before it runs.

Each returns a function argparse calls on the text; a bad value becomes argparse's one-line
usage error (exit 2) naming the option and the limit.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def integer(low: int, high: int | None = None) -> Callable[[str], int]:
    """A whole number in [low, high] (no upper limit when high is None)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        _check_range(value, low, high)
        return value
    return parse


def number(low: float, high: float | None = None) -> Callable[[str], float]:
    """A finite number in [low, high]: 'nan' and 'inf' are refused, as no limit means them."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
        _check_range(value, low, high)
        return value
    return parse


def _check_range(value: float, low: float, high: float | None) -> None:
    if value < low or (high is not None and value > high):
        limit = f"at least {low:g}" if high is None else f"between {low:g} and {high:g}"
        raise argparse.ArgumentTypeError(f"must be {limit}, got {value:g}")
