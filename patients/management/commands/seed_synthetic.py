"""Fill the database with a synthetic clinic, for benchmarks. Development only."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from patients.seeding import synthetic_clinic_create, synthetic_clinician
from treatment.outcomes.seeding import synthetic_courses_create


class Command(BaseCommand):
    help = (
        "Create N synthetic patients with realistic submissions, screenings, cases and "
        "decisions, in bulk. Their accounts cannot sign in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--patients", type=int, required=True)
        parser.add_argument("--seed", type=int, default=20261201)
        parser.add_argument("--days", type=int, default=180, help="spread of submission dates")
        parser.add_argument(
            "--courses",
            type=int,
            default=0,
            help="then open up to N courses of treatment on decided cases, with their sessions, "
            "doses, readings and measures",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("seed_synthetic refuses to run with DJANGO_ENV=production")
        if options["patients"] < 1:
            raise CommandError("--patients must be at least 1")
        started = time.perf_counter()
        report = synthetic_clinic_create(
            patients=options["patients"], seed=options["seed"], days=options["days"]
        )
        self.stdout.write(
            f"{report.patients:,} patients, {report.submissions:,} submissions "
            f"({report.decided:,} decided) in {time.perf_counter() - started:.1f} s"
        )
        if options["courses"] > 0:
            started = time.perf_counter()
            grown = synthetic_courses_create(
                courses=options["courses"], clinician=synthetic_clinician(), seed=options["seed"]
            )
            self.stdout.write(
                f"{grown.courses:,} courses, {grown.sessions:,} sessions, {grown.doses:,} doses, "
                f"{grown.measures:,} measures in {time.perf_counter() - started:.1f} s"
            )
