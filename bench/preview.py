"""Impact preview speed: past submissions re-screened per second under two rule sets.

Run: `.venv/bin/python bench/preview.py [--cases 10000]`. Uses a throw-away SQLite
database, or PostgreSQL when BENCH_DATABASE_URL names an empty database.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.throwaway import django_on_throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()

    django_on_throwaway_database("bench-preview-")
    from django.db import connection

    from patients.models import IntakeDraft, Submission
    from patients.roles import Role
    from patients.synthetic import generated_intake
    from screening.rulesets.models import RuleSet
    from screening.rulesets.services import (
        ruleset_draft_create,
        ruleset_draft_update,
        ruleset_preview_run,
    )
    from tests.factories import make_patient, make_user

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
