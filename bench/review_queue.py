"""The review queue with a synthetic clinic: queries and server time, first and deep page.

Run: `.venv/bin/python bench/review_queue.py [--patients 100000]`. Builds the clinic with
`manage.py seed_synthetic` on a throw-away SQLite database, or on the PostgreSQL database
that BENCH_DATABASE_URL names (seeded once: a second run reuses it). Targets: at most
10 queries a page, under 100 ms a page, the first page as a deep one. Prints the plan of
the main query (EXPLAIN) too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.test import Client

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.results import record
from bench.throwaway import django_on_throwaway_database, seeded


def timed_pages(client: Client, paths: dict[str, str], requests: int) -> dict[str, dict[str, Any]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures: dict[str, dict[str, Any]] = {}
    for label, path in paths.items():
        client.get(path)  # warm
        timings, queries = [], []
        for _ in range(requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            queries.append(len(captured.captured_queries))
        timings.sort()
        figures[label] = {
            "queries": max(queries),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    django_on_throwaway_database("bench-queue-")
    built = seeded(args.patients)
    from django.db import connection
    from django.test import Client, override_settings

    from patients.roles import Role
    from screening.review.models import Case
    from screening.review.selectors import QueueFilters, queue_list
    from tests.factories import make_user

    cases = Case.objects.count()
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ALLOWED_HOSTS=["testserver"],
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        clinician = make_user(Role.CLINICIAN)
        client = Client()
        client.force_login(clinician)
        first = client.get("/review/?tab=decided")
        deep_link = deep_page_link(client, "decided", pages=40)
        figures = timed_pages(
            client,
            {
                "waiting, first page": "/review/?tab=waiting",
                "decided, first page": "/review/?tab=decided",
                "decided, 40 pages in": deep_link,
            },
            args.requests,
        )
        assert first.status_code == 200
        queries = page_queries(client, "/review/?tab=waiting")
        listing = queue_list(QueueFilters(tab="waiting"), clinician)[:25]
        plan = (
            listing.explain(analyze=True)
            if connection.vendor == "postgresql"
            else listing.explain()
        )

    print(f"database: {connection.vendor}; {cases:,} cases ({built})")
    for label, figure in figures.items():
        print(
            f"queue, {label}: {figure['queries']} queries; "
            f"p50 {figure['p50_ms']} ms, p95 {figure['p95_ms']} ms (in-process test client)"
        )
        record(
            "review_queue", {"vendor": connection.vendor, "cases": cases, "page": label, **figure}
        )
    print("queries of the waiting tab's first page:")
    for number, query in enumerate(queries, 1):
        print(f"  {number}. {query[:110]}")
    print("plan of the main query (waiting tab, first page):")
    print(plan)


def page_queries(client: Client, path: str) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return [query["sql"] for query in captured.captured_queries]


def deep_page_link(client: Client, tab: str, pages: int) -> str:
    """The address of the page `pages` pages into `tab`, following Next links."""
    import re

    path = f"/review/?tab={tab}"
    for _ in range(pages):
        html = client.get(path).content.decode()
        found = re.search(r'href="(\?[^"]*)"[^>]*>Next', html)
        if not found:
            break
        path = "/review/" + found.group(1).replace("&amp;", "&")
    return path


if __name__ == "__main__":
    main()
