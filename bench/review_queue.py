"""The review queue with many cases: queries per request and server time.

Run: `.venv/bin/python bench/review_queue.py [--cases 1000]`. Uses a throw-away SQLite
database, or PostgreSQL when BENCH_DATABASE_URL names an empty database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.throwaway import django_on_throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    django_on_throwaway_database("bench-queue-")
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from patients.roles import Role
    from tests.builders import readings
    from tests.factories import make_case, make_patient, make_user

    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ALLOWED_HOSTS=["testserver"],
    ):
        started = time.perf_counter()
        patients = [make_patient() for _ in range(max(1, args.cases // 10))]
        variants: list[dict[str, object]] = [
            {},
            {"support_person": "no"},
            readings(185, 95),
            {"substance_use": "active"},
            {"mania": "yes"},
        ]
        for index in range(args.cases):
            make_case(
                patient=patients[index % len(patients)],
                hours_ago=index % 200,
                **variants[index % len(variants)],
            )
        built = time.perf_counter() - started

        client = Client()
        client.force_login(make_user(Role.CLINICIAN))
        client.get("/review/")  # warm caches
        timings, queries = [], []
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get("/review/")
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            queries.append(len(captured.captured_queries))

    vendor = connection.vendor
    timings.sort()
    print(f"database: {vendor}; {args.cases:,} cases built in {built:.1f} s")
    print(f"queue page: {max(queries)} queries per request (min {min(queries)})")
    print(
        f"queue page server time over {args.requests} requests: "
        f"p50 {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms (in-process test client)"
    )


if __name__ == "__main__":
    main()
