"""Impact preview at scale: the Celery preview against the pure engine on the same answers.

Run: `.venv/bin/python bench/preview.py [--patients 100000]`. Builds the clinic with
`manage.py seed_synthetic` on a throw-away SQLite database, or on the PostgreSQL database
that BENCH_DATABASE_URL names (seeded once: a second run reuses it). The preview is the
task as a clinic runs it (inline here: Celery's eager mode); its limit is the same work
with the answers already in memory, reading each intake once and screening it under both
rule sets. Target: at most 3x.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screening.rules import Thresholds

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.results import record
from bench.throwaway import django_on_throwaway_database, seeded

CHUNK = 20_000


def engine_seconds(before: Thresholds, after: Thresholds) -> tuple[float, int]:
    """Seconds the pure engine takes over every stored intake, in chunks held in memory."""
    from patients.models import Submission
    from screening.rules import InvalidAnswers, evaluate, parse_answers

    seconds, screened, last = 0.0, 0, 0
    while True:
        chunk = list(
            Submission.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "answers")[:CHUNK]
        )
        if not chunk:
            return seconds, screened
        last = chunk[-1][0]
        started = time.perf_counter()
        for _, raw in chunk:
            try:
                answers = parse_answers(raw)
            except InvalidAnswers:
                continue
            evaluate(answers, before)
            evaluate(answers, after)
            screened += 1
        seconds += time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    args = parser.parse_args()

    django_on_throwaway_database("bench-preview-")
    built = seeded(args.patients)
    from django.db import connection

    from patients.models import Submission
    from patients.roles import Role
    from screening.rulesets.models import RuleSet
    from screening.rulesets.selectors import active_thresholds, thresholds_of
    from screening.rulesets.services import (
        ruleset_draft_create,
        ruleset_draft_update,
        ruleset_preview_start,
    )
    from tests.factories import make_user

    admin = make_user(Role.ADMIN)
    draft = ruleset_draft_create(actor=admin)
    draft = ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 130},
        disabled_rules=[],
        note="benchmark: a lower blood-pressure threshold",
    )
    stored = Submission.objects.count()

    started = time.perf_counter()
    ruleset_preview_start(draft=draft, actor=admin)  # the task runs when this commits
    preview = time.perf_counter() - started
    draft = RuleSet.objects.get(pk=draft.pk)
    assert draft.preview_status == "done", draft.preview_status
    result = draft.preview_result
    assert result is not None

    engine, screened = engine_seconds(active_thresholds(), thresholds_of(draft))
    assert screened == result["screened"], (screened, result["screened"])
    ratio = preview / engine

    print(f"database: {connection.vendor}; {stored:,} stored submissions ({built})")
    print(
        f"impact preview: {screened:,} re-screened under two rule sets in {preview:.1f} s "
        f"({screened / preview:,.0f} cases/s); {result['changed']:,} would change"
    )
    print(f"pure engine, answers in memory: {engine:.1f} s ({screened / engine:,.0f} cases/s)")
    print(f"ratio: {ratio:.2f}x (target: at most 3x)")
    record(
        "preview",
        {
            "vendor": connection.vendor,
            "submissions": stored,
            "preview_s": round(preview, 2),
            "engine_s": round(engine, 2),
            "ratio": round(ratio, 2),
        },
    )


if __name__ == "__main__":
    main()
