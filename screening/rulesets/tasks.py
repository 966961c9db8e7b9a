"""Celery tasks of rule sets."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="screening.ruleset_preview")
def ruleset_preview(
    ruleset_id: int, token: str, date_from: str | None, date_to: str | None
) -> bool:
    """Re-screen past submissions under a draft rule set (see rulesets.impact)."""
    from screening.rulesets.services import ruleset_preview_run

    return ruleset_preview_run(ruleset_id, token, date_from, date_to)


@shared_task(name="screening.ruleset_refused")
def ruleset_refused(ruleset_id: int, kept: str) -> int:
    """Email the admins that the published rule set is refused (see rulesets.published)."""
    from screening.rulesets.services import ruleset_refused_notify

    return ruleset_refused_notify(ruleset_id, kept)
