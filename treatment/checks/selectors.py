"""Reads of the pre-dose checks: the published limits, a session's latest check and readiness,
and the gate they make together (may the dose be given)."""

from __future__ import annotations

from dataclasses import replace

from screening.rules.thresholds import DEFAULT_RULESET
from screening.rulesets.models import RuleSet
from screening.rulesets.published import published_rules
from treatment.checks.models import PreDoseCheck
from treatment.courses.models import TreatmentSession
from treatment.rules import DEFAULT_LIMITS, Limits, Outcome, limits_as_kept, limits_from_mapping
from treatment.rules.therapy import Gate, dose_gate
from treatment.therapy.models import ReadinessAssessment


def limits_of(ruleset: RuleSet) -> Limits:
    """A rule set's treatment settings; one stored before they existed gets the defaults."""
    return limits_from_mapping(ruleset.treatment or {})


def active_limits() -> tuple[Limits, str]:
    """The limits new checks use, and the name of the rule set they come from.

    The pre-dose hold never lies above the same rule set's at-home limit for the intake
    (publication refuses it; a rule set stored otherwise is read at the lower value).
    """
    published = published_rules()
    if not published.name:
        return DEFAULT_LIMITS, DEFAULT_RULESET
    limits = limits_from_mapping(published.treatment)
    systolic = published.thresholds.get("bp_elevated_systolic", 140)
    diastolic = published.thresholds.get("bp_elevated_diastolic", 90)
    limits = replace(
        limits,
        checkin_bp_elevated_systolic=min(limits.checkin_bp_elevated_systolic, systolic),
        checkin_bp_elevated_diastolic=min(limits.checkin_bp_elevated_diastolic, diastolic),
    )
    return limits, published.name


def latest_check(session: TreatmentSession) -> PreDoseCheck | None:
    return session.checks.select_related("checked_by", "overridden_by").first()


def checks_after_calls(check: PreDoseCheck | None) -> list[PreDoseCheck]:
    """The checks that followed a call, leading to `check` (itself included), oldest first:
    each names its call (`follows_call`), who assessed the patient and what changed."""
    chain: list[PreDoseCheck] = []
    while check is not None and check.follows_call_id is not None:
        chain.append(check)
        check = (
            PreDoseCheck.objects.select_related("checked_by", "assessed_by", "follows_call")
            .filter(pk=check.follows_call_id)
            .first()
        )
    return [
        PreDoseCheck.objects.select_related(
            "checked_by", "assessed_by", "follows_call__checked_by"
        ).get(pk=item.pk)
        for item in reversed(chain)
    ]


def latest_readiness(session: TreatmentSession) -> ReadinessAssessment | None:
    """The therapist's latest readiness for the session's dose: it supersedes earlier ones."""
    return session.readiness.select_related("assessed_by", "overridden_by").first()


def gate_of(check: PreDoseCheck | None, readiness: ReadinessAssessment | None) -> Gate:
    """May the session start? The one gate of every dose, at home and in the clinic: a go
    (or an overridden hold) of the latest check, and no standing "not ready"."""
    return dose_gate(
        Outcome(check.outcome) if check is not None else None,
        check_overridden=check is not None and check.overridden_at is not None,
        not_ready=readiness is not None and readiness.holds,
    )


def check_limits(check: PreDoseCheck | None) -> Limits:
    """The limits a session goes by: those its pre-dose check was made with."""
    if check is None:
        return active_limits()[0]
    return limits_as_kept(check.limits)


STATE_LABELS = {
    "alert": "Alert",
    "call": "Call",
    "hold": "Hold",
    "waiting": "Waiting",
    "go": "Go",
    "dosing": "Dosing",
    "ready": "Ready to leave",
    "discharged": "Discharged",
    "done": "Readings done",
}


# Board order: what needs a clinician first.
STATE_ORDER = {name: rank for rank, name in enumerate(STATE_LABELS)}
