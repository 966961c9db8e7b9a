"""The dashboard with a synthetic clinic: server time per request and queries.

Run: `.venv/bin/python bench/dashboard.py [--patients 100000]`. Builds the clinic with
`manage.py seed_synthetic --patients N` (about 1.25 submissions a patient over 180
days) on a throw-away SQLite database, or on the PostgreSQL database BENCH_DATABASE_URL
names (seeded once: a second run reuses it). Target: under 200 ms a request with 100,000 cases.

Prints, per period, the page's server time (it reads the snapshot that Celery beat
renews, see screening/dashboard/snapshots.py) and the time and queries of making
that snapshot: the aggregation itself, run every DASHBOARD_REFRESH_SECONDS.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.throwaway import django_on_throwaway_database, seeded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    django_on_throwaway_database("bench-dashboard-")
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from patients.roles import Role
    from screening.dashboard.selectors import WEEK_CHOICES
    from screening.dashboard.snapshots import snapshot_make
    from screening.results.models import ScreeningResult
    from screening.review.models import Case
    from tests.factories import make_user

    built = seeded(args.patients)
    cases = ScreeningResult.objects.count()
    open_cases = Case.objects.filter(status__in=Case.OPEN_STATUSES).count()

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ALLOWED_HOSTS=["testserver"],
    ):
        client = Client()
        client.force_login(make_user(Role.CLINICIAN))
        print(
            f"database: {connection.vendor}; {args.patients:,} patients, {cases:,} cases "
            f"({open_cases:,} open; {built})"
        )
        for weeks in WEEK_CHOICES:
            timings, queries = [], []
            for _ in range(3):
                with CaptureQueriesContext(connection) as captured:
                    begun = time.perf_counter()
                    snapshot_make(weeks)
                    timings.append((time.perf_counter() - begun) * 1000)
                queries.append(len(captured.captured_queries))
            print(
                f"snapshot of the last {weeks} weeks (beat): {max(queries)} queries, "
                f"median of 3 runs {statistics.median(timings):.0f} ms"
            )
        for path in (
            "/dashboard/?weeks=12",
            "/dashboard/?weeks=26",
            "/dashboard/?weeks=52",
            "/dashboard/export.csv?chart=overrides&weeks=26",
        ):
            client.get(path)  # warm caches
            timings, queries = [], []
            for _ in range(args.requests):
                with CaptureQueriesContext(connection) as captured:
                    begun = time.perf_counter()
                    response = client.get(path)
                    timings.append((time.perf_counter() - begun) * 1000)
                assert response.status_code == 200, response.status_code
                queries.append(len(captured.captured_queries))
            timings.sort()
            print(
                f"{path}: {max(queries)} queries; server time over {args.requests} requests "
                f"p50 {statistics.median(timings):.0f} ms, "
                f"p95 {timings[int(len(timings) * 0.95) - 1]:.0f} ms (in-process test client)"
            )


if __name__ == "__main__":
    main()
