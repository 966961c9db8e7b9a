"""Writes of the at-home loop: the patient's check-in, dose, readings, side effects, measures.

Each write is audited and refuses what the session's state does not allow, in
plain words for the patient (a TreatmentError). Anything urgent raises an alert
on the today board and a follow-up task due within URGENT_TASK_MINUTES of
opening time.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import dateformat, timezone

from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.models import (
    AfterDoseReading,
    CourseNote,
    FollowUpTask,
    HomeDose,
    MeasureSet,
    PreDoseCheck,
    ReportedSideEffect,
    SessionAlert,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.rules import (
    SIDE_EFFECT_LABELS,
    HomeReading,
    MeasureResult,
    PreDoseAnswers,
    ReadingResult,
    Severity,
    SideEffect,
    Slot,
    after_dose_reading,
    check_measures,
    is_adverse_event,
    limits_from_mapping,
    scores_of,
    slot_times,
)
from treatment.selectors import (
    baseline_scores,
    home_status,
    latest_prescription,
    measures_due_for,
    scores_of_set,
)
from treatment.services import TreatmentError, pre_dose_check_record, task_open, treatment_audit

logger = logging.getLogger(__name__)
Action = AuditEntry.Action


def spoken(moment: datetime) -> str:
    """A moment in the patient's words: "Monday 9 March at 00:00"."""
    return dateformat.format(timezone.localtime(moment), r"l j F \a\t H:i")


def _locked(session: TreatmentSession) -> TreatmentSession:
    """The session, locked: two taps on the same button make one write."""
    return (
        TreatmentSession.objects.select_for_update(of=("self",))
        .select_related("course__patient", "course__case__submission")
        .get(pk=session.pk)
    )


def _at_home(session: TreatmentSession) -> None:
    if session.in_clinic:
        raise TreatmentError("This session is at the clinic: the clinic records it.")


def _alert(session: TreatmentSession, code: str, text: str) -> SessionAlert:
    return SessionAlert.objects.create(
        session=session, code=code, text=text[:200], opened_at=clock.now()
    )


def _urgent_task(course: TreatmentCourse, kind: str, source: str) -> FollowUpTask:
    return task_open(course=course, kind=kind, source=source, urgent=True)


@transaction.atomic
def check_in_record(
    *,
    session: TreatmentSession,
    answers: PreDoseAnswers,
    raw: dict[str, Any],
    actor: User,
    request: HttpRequest | None = None,
) -> PreDoseCheck:
    """The patient's check-in before an at-home session, decided by the pre-dose rules."""
    session = _locked(session)
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
    session = _locked(session)
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
    treatment_audit(
        actor=actor,
        action=Action.HOME_DOSE_STARTED,
        course=session.course,
        detail=f"session {session.number}",
        request=request,
    )
    return dose


@transaction.atomic
def reading_record(
    *,
    session: TreatmentSession,
    slot: Slot,
    systolic: int,
    diastolic: int,
    heart_rate: int,
    actor: User,
    request: HttpRequest | None = None,
) -> tuple[AfterDoseReading, ReadingResult]:
    """One after-dose reading; crisis level, or still raised at 2 hours, is urgent."""
    session = _locked(session)
    _at_home(session)
    dose = HomeDose.objects.select_related("pre_dose_check").filter(session=session).first()
    if dose is None:
        raise TreatmentError("Start your session first: the readings are timed from your dose.")
    limits = limits_from_mapping(dose.pre_dose_check.limits)
    times = slot_times(dose.dosed_at, slot, limits)
    now = clock.now()
    if now < times.opens_at:
        due = dateformat.time_format(timezone.localtime(times.due_at), "H:i")
        raise TreatmentError(f"This reading is due at {due}: please wait until then.")
    if dose.readings.filter(slot=slot).exists():
        raise TreatmentError("This reading is already recorded.")
    result = after_dose_reading(slot, HomeReading(systolic, diastolic, heart_rate), limits)
    reading = AfterDoseReading.objects.create(
        dose=dose,
        slot=slot.value,
        taken_at=now,
        systolic=systolic,
        diastolic=diastolic,
        heart_rate=heart_rate,
        level=result.level.value,
        text=result.text[:200],
        recorded_by=actor,
    )
    if result.level.urgent:
        when = "40 minutes" if slot is Slot.FIRST else "2 hours"
        _alert(session, f"reading_{result.level}", f"At home, {when} after the dose: {result.text}")
        _urgent_task(session.course, FollowUpTask.Kind.VITALS_URGENT, f"reading:{reading.pk}")
        logger.warning("urgent after-dose reading on session %s", session.pk)
    treatment_audit(
        actor=actor,
        action=Action.READING_RECORDED,
        course=session.course,
        detail=f"session {session.number}, {slot.value} reading"
        + (", alert" if result.level.urgent else ""),
        request=request,
    )
    return reading, result


@transaction.atomic
def side_effects_report(
    *,
    session: TreatmentSession,
    effects: Sequence[tuple[SideEffect, Severity, str]],
    actor: User,
    request: HttpRequest | None = None,
) -> list[ReportedSideEffect]:
    """Keep what the patient reported; a severe one is an adverse event with an urgent task."""
    session = _locked(session)
    _at_home(session)
    if not HomeDose.objects.filter(session=session).exists():
        raise TreatmentError("Side effects are reported after you have started your session.")
    reported = []
    for effect, severity, description in effects:
        if effect is SideEffect.OTHER and not description.strip():
            raise TreatmentError("Say what the other side effect is.", "other_description")
        row = ReportedSideEffect.objects.create(
            session=session,
            effect=effect.value,
            severity=severity.value,
            description=description.strip()[:200] if effect is SideEffect.OTHER else "",
            reported_by=actor,
            reported_at=clock.now(),
        )
        reported.append(row)
        if is_adverse_event(severity):
            _alert(session, "adverse_event", f"Severe side effect: {SIDE_EFFECT_LABELS[effect]}")
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


@transaction.atomic
def measures_record(
    *,
    course: TreatmentCourse,
    key: str,
    phq9: list[int],
    gad7: list[int],
    difficulty: dict[str, str],
    actor: User,
    request: HttpRequest | None = None,
) -> tuple[MeasureSet, MeasureResult]:
    """PHQ-9 and GAD-7 for a due key; item 9 above 0 or a rise of 5 raises a task."""
    course = TreatmentCourse.objects.select_for_update().get(pk=course.pk)
    due = {m.key: m for m in measures_due_for(course, clock.today())}
    if key not in due:
        raise TreatmentError("These questions are not due now: thank you.")
    try:
        scores = scores_of(phq9, gad7)
    except ValueError as error:
        raise TreatmentError("Please answer every question.") from error
    last = course.measures.order_by("-recorded_at", "-pk").first()
    result = check_measures(
        scores,
        previous=scores_of_set(last) if last else None,
        baseline=baseline_scores(course),
    )
    session = None
    if key.startswith("session-"):
        session = course.sessions.filter(number=int(key.removeprefix("session-"))).first()
    try:
        with transaction.atomic():
            measure = MeasureSet.objects.create(
                course=course,
                key=key,
                session=session,
                phq9=phq9,
                gad7=gad7,
                difficulty=difficulty,
                phq9_total=scores.phq9,
                gad7_total=scores.gad7,
                phq9_item9=scores.phq9_item9,
                alerts=[{"code": a.code, "text": a.text} for a in result.alerts],
                recorded_by=actor,
                recorded_at=clock.now(),
            )
    except IntegrityError as error:
        raise TreatmentError("You have already answered these questions.") from error
    if result.ideation:
        task_open(
            course=course,
            kind=FollowUpTask.Kind.SUICIDAL_IDEATION,
            source=f"measures:{measure.pk}",
            urgent=result.crisis,
        )
    if any(code.endswith("_rise") for code in result.codes):
        task_open(
            course=course, kind=FollowUpTask.Kind.MEASURE_RISE, source=f"measures:{measure.pk}"
        )
    if result.alerts:
        logger.info("measures %s raised %d alert(s)", measure.pk, len(result.alerts))
    treatment_audit(
        actor=actor,
        action=Action.MEASURES_RECORDED,
        course=course,
        detail=f"{key}" + (f", {len(result.alerts)} alert(s)" if result.alerts else ""),
        request=request,
    )
    return measure, result


@transaction.atomic
def course_note_add(
    *, course: TreatmentCourse, text: str, actor: User, request: HttpRequest | None = None
) -> CourseNote:
    if not text.strip():
        raise TreatmentError("Write the note.", "text")
    note = CourseNote.objects.create(course=course, text=text.strip(), author=actor, at=clock.now())
    treatment_audit(
        actor=actor, action=Action.COURSE_NOTE_ADDED, course=course, detail="note", request=request
    )
    return note
