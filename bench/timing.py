"""Timing shared by the benchmark scripts beside this file."""

from __future__ import annotations

import time


def best_of(func, repeat: int) -> tuple[float, object]:
    """The shortest of ``repeat`` timed calls (``time.perf_counter``), and the last result."""
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - start)
    return min(times), out
