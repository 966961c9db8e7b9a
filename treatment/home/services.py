"""Writes of the at-home session: the patient's check-in, dose, readings and side effects.

Each write is audited and refuses what the session's state does not allow, in plain words
for the patient (a TreatmentError). Anything urgent raises an alert on the today board and
an urgent follow-up task."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import dateformat, timezone

from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.checks.services import pre_dose_check_record
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.selectors import latest_prescription
from treatment.courses.services import TreatmentError, session_locked, treatment_audit
from treatment.followup.models import FollowUpTask, SessionAlert
from treatment.followup.services import task_open
from treatment.home.measures import MeasuresAnswers, due_measure_for, measures_record, previous_mood
from treatment.home.models import AfterDoseReading, HomeDose, ReportedSideEffect
from treatment.home.selectors import home_status, last_side_effects
from treatment.rules import (
    SIDE_EFFECT_LABELS,
    HomeReading,
    PreDoseAnswers,
    ReadingResult,
    Severity,
    SideEffect,
    Slot,
    after_dose_reading,
    is_adverse_event,
)
from treatment.sessions.board import session_board_write

Action = AuditEntry.Action


logger = logging.getLogger(__name__)


def spoken(moment: datetime) -> str:
    """A moment in the patient's words: "Monday 9 March at 00:00"."""
    return dateformat.format(timezone.localtime(moment), r"l j F \a\t H:i")


def _at_home(session: TreatmentSession) -> None:
    if session.in_clinic:
        raise TreatmentError("This session is at the clinic: the clinic records it.")


def _alert(session: TreatmentSession, code: str, text: str) -> SessionAlert:
    """An alert on the session: it goes to the top of the board, in the same transaction."""
    alert = SessionAlert.objects.create(
        session=session, code=code, text=text[:200], opened_at=clock.now()
    )
    session_board_write(session)
    return alert


def _urgent_task(course: TreatmentCourse, kind: str, source: str) -> FollowUpTask:
    return task_open(course=course, kind=kind, source=source, urgent=True)


@transaction.atomic
def check_in_record(
    *,
    session: TreatmentSession,
    answers: PreDoseAnswers,
    raw: dict[str, Any],
    actor: User,
    measures: MeasuresAnswers | None = None,
    request: HttpRequest | None = None,
) -> PreDoseCheck:
    """The patient's check-in before an at-home session, decided by the pre-dose rules.

    The questionnaires due before the dose are part of it: kept in the same transaction,
    their PHQ-9 item 9 read by the check (a dose never loses its pre-dose measure). The
    mood is compared with the last check-in's.
    """
    session = session_locked(session)
    _at_home(session)
    status = home_status(session, clock.now())
    if not status.course_open:
        raise TreatmentError("Your treatment is not active at the moment: do not take a dose.")
    if status.dose is not None:
        raise TreatmentError("This session has already started.")
    if not status.window_open:
        opens, _ = status.window
        if clock.now() < opens:
            raise TreatmentError(f"Your check-in opens on {spoken(opens)}.")
        raise TreatmentError("The day of this session has passed: your clinic will contact you.")
    if status.readiness_held:
        raise TreatmentError(
            "You and your therapist agreed to wait before this session: no check-in is needed "
            "until your clinic contacts you."
        )
    if not status.can_check_in:
        raise TreatmentError("You have already checked in for this session.")
    due = due_measure_for(session)
    if due is not None and (measures is None or measures.key != due.key):
        raise TreatmentError("Please answer the questionnaires in this check-in.", "measures")
    item9 = None
    if due is not None and measures is not None:
        measure, _ = measures_record(
            course=session.course,
            key=measures.key,
            phq9=measures.phq9,
            gad7=measures.gad7,
            difficulty=measures.difficulty,
            actor=actor,
            request=request,
            ideation_task=False,  # the check raises it, with the check-in's outcome
        )
        item9 = measure.phq9_item9
    answers = answers._replace(previous_mood=previous_mood(session), phq9_item9=item9)
    return pre_dose_check_record(
        session=session, answers=answers, raw=raw, actor=actor, request=request
    )


@transaction.atomic
def home_dose_start(
    *,
    session: TreatmentSession,
    dosed_at: datetime,
    actor: User,
    request: HttpRequest | None = None,
) -> HomeDose:
    """The patient starts the session: only after a go, or a clinician's override of a hold."""
    session = session_locked(session)
    _at_home(session)
    now = clock.now()
    status = home_status(session, now)
    if status.dose is not None:
        raise TreatmentError("This session has already started.")
    if not status.course_open:
        raise TreatmentError("Your treatment is not active at the moment: do not take a dose.")
    check = status.check
    if status.readiness_held:
        raise TreatmentError(
            "Do not take a dose yet: you and your therapist agreed to wait before this "
            "session. Your clinic will contact you."
        )
    if check is None or not status.gate.may_dose:
        raise TreatmentError(
            "Do not take a dose yet: a session starts only after your check-in says you may, "
            "or after a clinician has looked at your answers."
        )
    if status.go_expired:
        raise TreatmentError(
            "Your check-in was too long ago. Please check in again before you take your dose."
        )
    if timezone.localdate(now) != session.scheduled_for:
        raise TreatmentError(
            f"This session is on {dateformat.format(session.scheduled_for, 'l j F')}: start it "
            "on that day."
        )
    since = check.overridden_at or check.checked_at
    if dosed_at < since - timedelta(minutes=1):
        raise TreatmentError("The time you took the dose cannot be before your check-in.", "time")
    if dosed_at > now + timedelta(minutes=1):
        raise TreatmentError("The time you took the dose cannot be in the future.", "time")
    dose = HomeDose.objects.create(
        session=session,
        pre_dose_check=check,
        prescription=latest_prescription(session),
        dosed_at=dosed_at,
        recorded_by=actor,
        recorded_at=now,
    )
    session_board_write(session)
    treatment_audit(
        actor=actor,
        action=Action.HOME_DOSE_STARTED,
        course=session.course,
        detail=f"session {session.number}",
        request=request,
    )
    return dose


SLOT_WORDS = {
    Slot.FIRST: "the first reading (about 40 minutes)",
    Slot.REPEAT: "the repeat of a raised first reading",
    Slot.LAST: "the last reading (about 2 hours)",
}


@transaction.atomic
def reading_record(
    *,
    session: TreatmentSession,
    slot: Slot,
    reading: HomeReading,
    actor: User,
    request: HttpRequest | None = None,
) -> tuple[AfterDoseReading, ReadingResult]:
    """One after-dose reading with the support person's answers.

    Crisis-level, low or very fast, a patient hard to wake or breathing abnormally, or
    still raised on the repeat or at 2 hours, is urgent: an alert and an urgent task.
    """
    session = session_locked(session)
    _at_home(session)
    status = home_status(session, clock.now())
    if status.dose is None:
        raise TreatmentError("Start your session first: the readings are timed from your dose.")
    slots = {s.slot: s for s in status.slots}
    if slot not in slots:
        raise TreatmentError("This reading is not asked for in this session.")
    times = slots[slot].times
    now = clock.now()
    if slots[slot].reading is not None:
        raise TreatmentError("This reading is already recorded.")
    if now < times.opens_at:
        due = dateformat.time_format(timezone.localtime(times.due_at), "H:i")
        raise TreatmentError(f"This reading is due at {due}: please wait until then.")
    result = after_dose_reading(slot, reading, status.limits)
    row = AfterDoseReading.objects.create(
        dose=status.dose,
        slot=slot.value,
        taken_at=now,
        systolic=reading.systolic,
        diastolic=reading.diastolic,
        heart_rate=reading.heart_rate,
        wakes_easily=reading.wakes_easily or "",
        breathing_normal=reading.breathing_normal or "",
        level=result.level.value,
        text=result.text[:200],
        recorded_by=actor,
    )
    if result.level.urgent:
        _alert(session, f"reading_{result.level}", f"At home, {SLOT_WORDS[slot]}: {result.text}")
        _urgent_task(session.course, FollowUpTask.Kind.VITALS_URGENT, f"reading:{row.pk}")
        logger.warning("urgent after-dose reading on session %s", session.pk)
    session_board_write(session)
    treatment_audit(
        actor=actor,
        action=Action.READING_RECORDED,
        course=session.course,
        detail=f"session {session.number}, {slot.value} reading"
        + (", alert" if result.level.urgent else ""),
        request=request,
    )
    return row, result


@transaction.atomic
def side_effects_report(
    *,
    session: TreatmentSession,
    effects: Sequence[tuple[SideEffect, Severity, str]],
    actor: User,
    request: HttpRequest | None = None,
) -> list[ReportedSideEffect]:
    """Keep what the patient reported; a severe one is an adverse event with an urgent task."""
    session = session_locked(session)
    _at_home(session)
    if not HomeDose.objects.filter(session=session).exists():
        raise TreatmentError("Side effects are reported after you have started your session.")
    reported = []
    last = last_side_effects(session)
    for effect, severity, description in effects:
        if effect is SideEffect.OTHER and not description.strip():
            raise TreatmentError("Say what the other side effect is.", "other_description")
        before = last.get(effect)
        said = description.strip()[:200] if effect is SideEffect.OTHER else ""
        if before is not None and (before.severity, before.description) == (severity.value, said):
            continue  # sent again as it was: already on the record
        row = ReportedSideEffect.objects.create(
            session=session,
            effect=effect.value,
            severity=severity.value,
            description=description.strip()[:200] if effect is SideEffect.OTHER else "",
            reported_by=actor,
            reported_at=clock.now(),
        )
        reported.append(row)
        if is_adverse_event(severity, effect):
            what = "Severe side effect" if severity is Severity.SEVERE else "Sign of oversedation"
            _alert(session, "adverse_event", f"{what}: {SIDE_EFFECT_LABELS[effect]}")
            _urgent_task(session.course, FollowUpTask.Kind.ADVERSE_EVENT, f"side_effect:{row.pk}")
    severe = sum(1 for row in reported if row.adverse)
    if severe:
        logger.warning("adverse event reported on session %s: %d", session.pk, severe)
    treatment_audit(
        actor=actor,
        action=Action.SIDE_EFFECTS_REPORTED,
        course=session.course,
        detail=f"session {session.number}: {len(reported)} reported, {severe} severe",
        request=request,
    )
    return reported
