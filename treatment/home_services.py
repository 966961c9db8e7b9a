"""Writes of the at-home loop: the patient's check-in, dose, readings, side effects, measures.

Each write is audited and refuses what the session's state does not allow, in
plain words for the patient (a TreatmentError). Anything urgent raises an alert
on the today board and a follow-up task due within URGENT_TASK_MINUTES of
opening time.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
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
    DueMeasure,
    HomeReading,
    MeasureResult,
    PreDoseAnswers,
    ReadingResult,
    Setting,
    Severity,
    SideEffect,
    Slot,
    after_dose_reading,
    check_measures,
    is_adverse_event,
    scores_of,
)
from treatment.selectors import (
    baseline_scores,
    home_status,
    last_side_effects,
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


@dataclass(frozen=True)
class MeasuresAnswers:
    """PHQ-9 and GAD-7 answered inside a check-in, for the measure due before the dose."""

    key: str
    phq9: list[int]
    gad7: list[int]
    difficulty: dict[str, str]


def previous_mood(session: TreatmentSession) -> int | None:
    """The mood of the patient's last check-in of this course (any session)."""
    for answers in (
        PreDoseCheck.objects.filter(session__course=session.course, setting=Setting.AT_HOME)
        .order_by("-checked_at", "-pk")
        .values_list("answers", flat=True)[:20]
    ):
        mood = answers.get("mood")
        if type(mood) is int:
            return mood
    return None


def due_measure_for(session: TreatmentSession) -> DueMeasure | None:
    """The questionnaires due before this dose, asked inside its check-in."""
    due = measures_due_for(session.course, clock.today())
    own = f"session-{session.number}"
    return next((m for m in due if m.key == own), due[0] if due else None)


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
    session = _locked(session)
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
    session = _locked(session)
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
    ideation_task: bool = True,
) -> tuple[MeasureSet, MeasureResult]:
    """PHQ-9 and GAD-7 for a due key; item 9 above 0 or a rise of 5 raises a task.

    Inside a check-in the check raises the ideation task (`ideation_task` False).
    """
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
    if result.ideation and ideation_task:
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
