"""Timing a page through the Django test client, for the page benchmarks in benchmarks/."""

import time


def time_page(client, url: str, runs: int) -> tuple[list[float], int]:
    """Milliseconds for each of `runs` asks after one warm-up, and the queries one ask takes.

    The queries are counted on an ask of their own, so counting does not slow the timed ones.
    A page that does not answer 200 stops the benchmark: its figures would mean nothing.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(runs):
        begun = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - begun) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return times, len(queries)
