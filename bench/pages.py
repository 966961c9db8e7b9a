"""The Patients page and the review queue, first and deep page side by side, queries counted.

Run: `.venv/bin/python bench/pages.py [--patients 100000]`. Builds the clinic with
`manage.py seed_synthetic` on a throw-away SQLite database, or on the PostgreSQL database
that BENCH_DATABASE_URL names (seeded once: a second run reuses it). Both lists page by
keyset (`?after=<id>`): the deep page starts after the row that sits near the end of the
list, as the last Next link would. Targets: at most 10 queries a page, a deep page within
2x of the first. Prints the plan of each list's deep page on PostgreSQL.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.results import record
from bench.review_queue import timed_pages
from bench.throwaway import django_on_throwaway_database, seeded

MAX_QUERIES = 10
MAX_RATIO = 2.0


def deep_cursor(queryset: Any, order: tuple[str, ...], size: int) -> tuple[int, int]:
    """The id to start after for the page before the last, and how many rows precede it."""
    total = queryset.count()
    offset = max(0, total - 2 * size - 1)
    pk = queryset.order_by(*order).values_list("pk", flat=True)[offset]
    return pk, offset + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    django_on_throwaway_database("bench-pages-")
    built = seeded(args.patients)
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings

    from patients.models import Patient
    from patients.roles import Role
    from screening.review.selectors import QueueFilters, queue_list, queue_order
    from tests.factories import make_user
    from treatment import clock
    from treatment.people.selectors import PATIENTS_ORDER, patients_listed

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ALLOWED_HOSTS=["testserver"],
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        clinician = make_user(Role.CLINICIAN)
        client = Client()
        client.force_login(clinician)
        lists: dict[str, tuple[str, str]] = {}
        plans: dict[str, str] = {}
        every = patients_listed(term="", user=clinician, therapist=False, today=clock.today())
        pk, rows_before = deep_cursor(every, PATIENTS_ORDER, settings.PATIENTS_PAGE_SIZE)
        lists["patients"] = ("/patients/", f"/patients/?after={pk}")
        deep = {"patients": rows_before}
        plans["patients"] = _plan(every, PATIENTS_ORDER, pk)
        for tab in ("waiting", "decided"):
            cases = queue_list(QueueFilters(tab=tab), clinician)
            pk, rows_before = deep_cursor(cases, queue_order(tab), settings.QUEUE_PAGE_SIZE)
            lists[f"queue, {tab}"] = (f"/review/?tab={tab}", f"/review/?tab={tab}&after={pk}")
            deep[f"queue, {tab}"] = rows_before
            plans[f"queue, {tab}"] = _plan(cases, queue_order(tab), pk)
        paths = {
            f"{name} {which}": path
            for name, pair in lists.items()
            for which, path in zip(("first", "deep"), pair, strict=True)
        }
        figures = timed_pages(client, paths, args.requests)

    patients = Patient.objects.count()
    print(f"database: {connection.vendor}; {patients:,} patients ({built})")
    print(f"{'list':<18} {'first page':>28} {'deep page':>40} {'deep/first':>11}")
    failures = []
    for name in lists:
        first, far = figures[f"{name} first"], figures[f"{name} deep"]
        ratio = far["p50_ms"] / first["p50_ms"] if first["p50_ms"] else 0.0
        print(
            f"{name:<18} {first['queries']:>2} queries, p50 {first['p50_ms']:>6} ms "
            f"p95 {first['p95_ms']:>6} | after {deep[name]:>7,} rows: {far['queries']:>2} queries, "
            f"p50 {far['p50_ms']:>6} ms p95 {far['p95_ms']:>6} | {ratio:>5.2f}x"
        )
        record(
            "pages",
            {
                "vendor": connection.vendor,
                "patients": patients,
                "list": name,
                "first": first,
                "deep": far,
                "rows_before_deep": deep[name],
                "ratio": round(ratio, 2),
            },
        )
        if max(first["queries"], far["queries"]) > MAX_QUERIES:
            failures.append(f"{name}: more than {MAX_QUERIES} queries")
        if ratio > MAX_RATIO:
            failures.append(f"{name}: the deep page takes {ratio:.1f}x the first")
    for name, plan in plans.items():
        print(f"plan of the deep page's main query, {name}:")
        print(plan)
    print("targets met" if not failures else "TARGETS MISSED: " + "; ".join(failures))


def _plan(queryset: Any, order: tuple[str, ...], after: int) -> str:
    from django.db import connection

    from config.keyset import keyset_page

    if connection.vendor != "postgresql":
        return "  (EXPLAIN ANALYZE on PostgreSQL only)"
    captured: list[str] = []

    def keep(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        captured.append(connection.ops.compose_sql(sql, params))  # type: ignore[attr-defined]
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        keyset_page(queryset, order, 25, after=after)
    main = captured[-1]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {main}")
        return "\n".join(f"  {row[0]}" for row in cursor.fetchall())


if __name__ == "__main__":
    main()
