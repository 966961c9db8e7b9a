"""Writes of the pre-dose check, shared by home and clinic: checking, and lifting a hold.

Suicidal ideation raises an owned follow-up task; a call at home an urgent one. What may
lift a hold is the rules' (`treatment.rules.waivers`): at home never a hold for the support
person or the address, a possible pregnancy only with today's negative test."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.checks.selectors import active_limits, gate_of, latest_check, latest_readiness
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.services import TreatmentError, _audit, session_locked, treatment_audit
from treatment.followup.models import FollowUpTask
from treatment.followup.services import task_open
from treatment.rules import Outcome, PreDoseAnswers, Waiver, check_pre_dose, waiver_of
from treatment.sessions.board import session_board_write
from treatment.therapy.models import ReadinessAssessment

Action = AuditEntry.Action


@transaction.atomic
def pre_dose_check_record(
    *,
    session: TreatmentSession,
    answers: PreDoseAnswers,
    raw: dict[str, Any],
    actor: User | None,
    request: HttpRequest | None = None,
    assessed_by: User | None = None,
    assessment: str = "",
) -> PreDoseCheck:
    """Check the answers with the published limits; keep answers, outcome and limits.

    Suicidal ideation raises an owned follow-up task. The clinician (or, at home,
    the patient) sees the outcome at once. In the clinic, a check after a call on the
    same session records who assessed the patient and what changed (`assessed_by`,
    `assessment`), and the call it follows.
    """
    course = session.course
    if course.status != TreatmentCourse.Status.OPEN:
        raise TreatmentError("This course is not open: no dose can be checked.")
    call = call_before_check(session)
    if call is not None and (assessed_by is None or not assessment.strip()):
        raise TreatmentError(
            "This session had a call: record who assessed the patient and what changed "
            "before checking again.",
            "assessment",
        )
    limits, ruleset = active_limits()
    result = check_pre_dose(answers, limits)
    check = PreDoseCheck.objects.create(
        session=session,
        setting=answers.setting.value,
        answers=raw,
        outcome=result.outcome.value,
        result=result.as_dict(),
        limits=limits.values(),
        ruleset=ruleset,
        checked_by=actor,
        checked_at=clock.now(),
        follows_call=call,
        assessed_by=assessed_by if call else None,
        assessment=assessment.strip() if call else "",
    )
    # A call is urgent; at home nobody from the clinic is there, so it always raises a task.
    urgent = result.outcome is Outcome.CALL
    if result.ideation:
        task_open(
            course=course,
            kind=FollowUpTask.Kind.SUICIDAL_IDEATION,
            source=f"check:{check.pk}",
            urgent=urgent,
        )
    elif urgent and not session.in_clinic:
        task_open(
            course=course,
            kind=FollowUpTask.Kind.VITALS_URGENT,
            source=f"check:{check.pk}",
            urgent=True,
        )
    _audit(
        actor,
        Action.PRE_DOSE_CHECKED,
        course,
        f"session {session.number}: {result.outcome}" + (" after a call" if call else ""),
        request,
    )
    session_board_write(session)
    return check


WAIVER_REFUSALS = {
    Waiver.NONE: "Only a hold can be overridden; after a call, assess the patient and check again.",
    Waiver.NEW_CHECK_IN: "At home, a hold for the support person or the address is never "
    "overridden: the patient checks in again once a sober adult is with them, at the address "
    "on file.",
}


def call_before_check(session: TreatmentSession) -> PreDoseCheck | None:
    """In the clinic, the call a new check would follow: the session's latest check, when it
    said call. (At home nobody checks in again after a call: a clinician reviews.)"""
    if not session.in_clinic:
        return None
    latest = session.checks.order_by("-checked_at", "-pk").first()
    return latest if latest is not None and latest.outcome == Outcome.CALL else None


@transaction.atomic
def check_override(
    *,
    check: PreDoseCheck,
    reason: str,
    actor: User,
    negative_test_on: date | None = None,
    request: HttpRequest | None = None,
) -> PreDoseCheck:
    """A clinician lets a held dose go ahead, with the reason. A call cannot be overridden.

    At home nobody from the clinic is in the room: a hold for the support person or the
    address is never overridden, and a possible pregnancy only with a negative test taken
    that day (`negative_test_on`, today). The who, when and why are set once.
    """
    if not reason.strip():
        raise TreatmentError("Write the reason for overriding the hold.", "reason")
    if check.outcome != Outcome.HOLD:
        raise TreatmentError(WAIVER_REFUSALS[Waiver.NONE])
    waiver = waiver_of(check.outcome, check.codes, check.setting)
    if waiver in WAIVER_REFUSALS:
        raise TreatmentError(WAIVER_REFUSALS[waiver])
    if waiver is Waiver.NEGATIVE_TEST and negative_test_on != clock.today():
        raise TreatmentError(
            "A possible pregnancy is overridden only with a negative test taken today: record "
            "its date.",
            "negative_test_on",
        )
    updated = PreDoseCheck.objects.filter(pk=check.pk, overridden_at__isnull=True).update(
        override_reason=reason.strip(),
        overridden_by=actor,
        overridden_at=clock.now(),
        negative_test_on=negative_test_on if waiver is Waiver.NEGATIVE_TEST else None,
    )
    if not updated:
        raise TreatmentError("This hold was already overridden.")
    _audit(
        actor,
        Action.CHECK_OVERRIDDEN,
        check.session.course,
        f"session {check.session.number}"
        + (", negative pregnancy test" if waiver is Waiver.NEGATIVE_TEST else ""),
        request,
    )
    session_board_write(check.session_id)
    check.refresh_from_db()
    return check


@transaction.atomic
def session_hold_override(
    *,
    session: TreatmentSession,
    reason: str,
    actor: User,
    negative_test_on: date | None = None,
    request: HttpRequest | None = None,
) -> tuple[str, ...]:
    """A clinician lets a held dose go ahead, with the reason: the check's hold, the
    therapist's "not ready", or both, as the gate holds it. A call cannot be overridden,
    nor, at home, a hold for the support person or the address (`check_override`)."""
    if not reason.strip():
        raise TreatmentError("Write the reason for overriding the hold.", "reason")
    session = session_locked(session)
    check, readiness = latest_check(session), latest_readiness(session)
    gate = gate_of(check, readiness)
    if gate.state == "call":
        raise TreatmentError(
            "Only a hold can be overridden; after a call, assess the patient and check again."
        )
    if gate.state != "hold":
        raise TreatmentError("There is no hold to override.")
    if gate.readiness_held and readiness is not None:
        updated = ReadinessAssessment.objects.filter(
            pk=readiness.pk, overridden_at__isnull=True
        ).update(override_reason=reason.strip(), overridden_by=actor, overridden_at=clock.now())
        if not updated:
            raise TreatmentError("This hold was already overridden.")
        treatment_audit(
            actor=actor,
            action=Action.CHECK_OVERRIDDEN,
            course=session.course,
            detail=f"session {session.number}: readiness hold",
            request=request,
        )
    if "check" in gate.held_by and check is not None:
        check_override(
            check=check,
            reason=reason,
            actor=actor,
            negative_test_on=negative_test_on,
            request=request,
        )
    session_board_write(session)
    return gate.held_by
