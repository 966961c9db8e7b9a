"""The program outcomes page over 10,000 courses: server time per request and queries.

Run: `.venv/bin/python bench/outcomes.py [--courses 10000]`. Builds the clinic with
`manage.py seed_synthetic --patients P --courses N`: synthetic patients and their cases
(about one in five decided for treatment at home or in the clinic), then N courses on
them with their sessions, prescriptions, pre-dose checks, doses, readings, alerts, side
effects, PHQ-9/GAD-7 measures and endings. On a throw-away SQLite database, or on the
PostgreSQL database BENCH_DATABASE_URL names (kept: a second run reuses what is there).
Target: under 200 ms a request at 10,000 courses on PostgreSQL.

Prints the page's server time as a director sees it (it reads the snapshot of its
period that Celery beat renews, see treatment/outcomes/snapshots.py) for every course
(the default view) and for the last 90 days; the time of a request that finds no
snapshot and aggregates the figures itself; the de-identified CSV's; and the queries
of each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.throwaway import analyze, django_on_throwaway_database, seeded

PATIENTS_PER_COURSE = 7  # about one case in six is decided at home or in the clinic


def grown(courses: int, patients: int) -> str:
    """At least `courses` courses in the database, seeding patients first where needed."""
    from patients.seeding import synthetic_clinician
    from treatment.models import TreatmentCourse
    from treatment.outcomes.seeding import synthetic_courses_create

    have = TreatmentCourse.objects.count()
    if have >= courses:
        return f"{have:,} courses already there"
    made = seeded(patients)
    started = time.perf_counter()
    report = synthetic_courses_create(courses=courses - have, clinician=synthetic_clinician())
    analyze()
    return (
        f"{made}; {report.courses:,} courses, {report.doses:,} doses, "
        f"{report.measures:,} measures made in {time.perf_counter() - started:.0f} s"
    )


def timed(
    client: Any, url: str, params: dict[str, str], requests: int, *, cold: bool = False
) -> tuple[list[float], int]:
    """Server times of `requests` requests; `cold`: each without a snapshot in the cache."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)  # warm
    timings, queries = [], 0
    for _ in range(requests):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        queries = max(queries, len(captured.captured_queries))
    return sorted(timings), queries


def p95(timings: list[float]) -> float:
    return timings[max(0, int(len(timings) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--courses", type=int, default=10_000)
    parser.add_argument("--patients", type=int, default=0, help="default: 6 per course")
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()

    django_on_throwaway_database("bench-outcomes-")
    from django.db import connection
    from django.test import Client, override_settings

    from patients.roles import Role
    from tests.factories import make_user
    from treatment import clock
    from treatment.models import MeasureSet, TreatmentCourse

    built = grown(args.courses, args.patients or args.courses * PATIENTS_PER_COURSE)
    courses = TreatmentCourse.objects.count()
    measures = MeasureSet.objects.count()
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ALLOWED_HOSTS=["testserver"],
    ):
        client = Client()
        client.force_login(make_user(Role.ADMIN))
        print(
            f"database: {connection.vendor}; {courses:,} courses, {measures:,} measures ({built})"
        )
        since = (clock.today() - timedelta(days=90)).isoformat()
        for label, url, params, cold in (
            ("outcomes page, every course (snapshot kept)", "/treatment/outcomes/", {}, False),
            (
                "outcomes page, last 90 days (snapshot kept)",
                "/treatment/outcomes/",
                {"opened_from": since},
                False,
            ),
            (
                "outcomes page, every course, aggregated by the request (no snapshot)",
                "/treatment/outcomes/",
                {},
                True,
            ),
            ("de-identified courses CSV", "/treatment/outcomes/courses.csv", {}, False),
        ):
            timings, queries = timed(client, url, params, args.requests, cold=cold)
            print(
                f"{label}: {queries} queries; server time over {args.requests} requests: "
                f"p50 {statistics.median(timings):.0f} ms, p95 {p95(timings):.0f} ms "
                f"(target under 200 ms at 10,000 courses on PostgreSQL)"
            )


if __name__ == "__main__":
    main()
