"""Impact preview speed: past submissions re-screened per second under two rule sets.

Run: `.venv/bin/python bench/preview.py [--cases 10000]`. Uses a throw-away SQLite
database, or PostgreSQL when BENCH_DATABASE_URL names an empty database.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()

    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    os.environ["SQLITE_NAME"] = str(Path(tempfile.mkdtemp(prefix="bench-preview-")) / "db.sqlite3")
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.engine import generated_intake
    from patients.models import IntakeDraft, Submission
    from patients.roles import Role
    from screening.models import RuleSet
    from screening.rulesets import ruleset_draft_create, ruleset_draft_update, ruleset_preview_run
    from tests.factories import make_patient, make_user

    call_command("migrate", verbosity=0)
    patient = make_patient()
    rng = random.Random(20261123)
    drafts = IntakeDraft.objects.bulk_create(
        IntakeDraft(patient=patient, status="submitted") for _ in range(args.cases)
    )
    Submission.objects.bulk_create(
        Submission(
            patient=patient,
            draft=draft,
            answers=generated_intake(rng),
            case_number=f"{index:08X}",
        )
        for index, draft in enumerate(drafts)
    )
    admin = make_user(Role.ADMIN)
    draft = ruleset_draft_create(actor=admin)
    draft = ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 130},
        disabled_rules=[],
        note="bench",
    )
    RuleSet.objects.filter(pk=draft.pk).update(preview_token=draft.edit_token)

    started = time.perf_counter()
    stored = ruleset_preview_run(draft.pk, str(draft.edit_token), None, None)
    seconds = time.perf_counter() - started
    result = RuleSet.objects.get(pk=draft.pk).preview_result
    assert result is not None, "the preview result was not stored"

    print(f"database: {connection.vendor}; {args.cases:,} stored submissions")
    print(
        f"impact preview: {result['screened']:,} re-screened twice in {seconds:.2f} s "
        f"= {result['screened'] / seconds:,.0f} cases/s; {result['changed']:,} changed; "
        f"stored: {stored}"
    )


if __name__ == "__main__":
    main()
