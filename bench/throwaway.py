"""Benchmarks run Django on a database of their own: a temporary SQLite file, or
the empty PostgreSQL database that BENCH_DATABASE_URL names."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def django_on_throwaway_database(prefix: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    os.environ["SQLITE_NAME"] = str(Path(tempfile.mkdtemp(prefix=prefix)) / "db.sqlite3")
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seeded(patients: int) -> str:
    """A synthetic clinic of `patients` patients in the database, made once and kept."""
    import time

    from django.core.management import call_command

    from patients.models import Patient

    have = Patient.objects.filter(user__email__endswith="@synthetic.invalid").count()
    if have >= patients:
        return f"{have:,} synthetic patients already there"
    started = time.perf_counter()
    call_command("seed_synthetic", patients=patients - have)
    analyze()
    return f"{patients - have:,} synthetic patients made in {time.perf_counter() - started:.0f} s"


def analyze() -> None:
    """Planner statistics after a bulk load, as autovacuum gives a live database: without
    them PostgreSQL plans for empty tables and the figures measure that instead."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
