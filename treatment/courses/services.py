"""Writes of a course: opening it (from a decision), pausing, resuming and ending it, its
schedule and the therapy meetings around each dose, notes; audited with the case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest

from patients.models import Patient, User
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.review.models import Case, CaseDecision
from treatment import clock
from treatment.courses.closures import closed_reason, next_open_day
from treatment.courses.models import (
    CourseEvent,
    CourseNote,
    PrescribedDose,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.rules import Setting
from treatment.rules.therapy import Dose, MeetingKind, default_meeting_day, dose_change_error
from treatment.therapy.models import TherapyMeeting

Action = AuditEntry.Action


class TreatmentError(ValueError):
    """A treatment write that cannot be done, in words for the clinician; `field` when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def treatment_audit(
    *,
    actor: User | Any,
    action: str,
    course: TreatmentCourse | None,
    detail: str = "",
    request: HttpRequest | None = None,
) -> None:
    """An audit entry for the course of treatment, naming the case the course came from."""
    prefix = f"course {course.public_id}" if course else ""
    audit_record(
        actor=actor,
        action=action,
        case=course.case if course else None,
        detail=": ".join(part for part in (prefix, detail) if part),
        request=request,
    )


def _audit(
    actor: User | Any,
    action: str,
    course: TreatmentCourse,
    detail: str = "",
    request: HttpRequest | None = None,
) -> None:
    treatment_audit(actor=actor, action=action, course=course, detail=detail, request=request)


SETTING_OF_OUTCOME = {
    CaseDecision.Outcome.CONFIRM_AT_HOME: Setting.AT_HOME,
    CaseDecision.Outcome.REFER_IN_CLINIC: Setting.IN_CLINIC,
}


@transaction.atomic
def course_open(
    *,
    patient: Patient,
    setting: Setting,
    actor: User | None,
    case: Case | None = None,
    decision: CaseDecision | None = None,
    request: HttpRequest | None = None,
) -> TreatmentCourse:
    """Open the patient's course, or return the one already open (there is never two)."""
    existing = TreatmentCourse.objects.filter(
        patient=patient, status__in=TreatmentCourse.ACTIVE_STATUSES
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            course = TreatmentCourse.objects.create(
                patient=patient,
                case=case,
                decision=decision,
                setting=setting.value,
                opened_by=actor,
                opened_at=clock.now(),
            )
    except IntegrityError:  # a concurrent decision opened it first
        return TreatmentCourse.objects.get(
            patient=patient, status__in=TreatmentCourse.ACTIVE_STATUSES
        )
    CourseEvent.objects.create(
        course=course, action=CourseEvent.Action.OPENED, actor=actor, at=clock.now()
    )
    _audit(actor, Action.COURSE_OPENED, course, setting.value, request)
    return course


def course_open_from_decision(
    *, decision: CaseDecision, request: HttpRequest | None = None
) -> TreatmentCourse | None:
    """An at-home or in-clinic decision opens the course; other outcomes open none."""
    setting = SETTING_OF_OUTCOME.get(CaseDecision.Outcome(decision.outcome))
    if setting is None:
        return None
    return course_open(
        patient=decision.case.patient,
        setting=setting,
        actor=decision.clinician,
        case=decision.case,
        decision=decision,
        request=request,
    )


STATUS_CHANGES = {
    # action: (statuses it applies to, new status, event)
    "pause": ((TreatmentCourse.Status.OPEN,), TreatmentCourse.Status.PAUSED, "paused"),
    "resume": ((TreatmentCourse.Status.PAUSED,), TreatmentCourse.Status.OPEN, "resumed"),
    "end": (TreatmentCourse.ACTIVE_STATUSES, TreatmentCourse.Status.ENDED, "ended"),
}


@transaction.atomic
def course_status_change(
    *,
    course: TreatmentCourse,
    action: str,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> TreatmentCourse:
    """Pause, resume or end a course, with the clinician's reason."""
    if action not in STATUS_CHANGES:
        raise TreatmentError("Choose pause, resume or end.", "action")
    if not reason.strip():
        raise TreatmentError("Write the reason.", "reason")
    applies_to, status, event = STATUS_CHANGES[action]
    course = TreatmentCourse.objects.select_for_update().get(pk=course.pk)
    if course.status not in applies_to:
        raise TreatmentError(
            f"A course that is {course.get_status_display().lower()} cannot be {event}.", "action"
        )
    course.status, course.status_reason = status, reason.strip()
    course.ended_at = clock.now() if status == TreatmentCourse.Status.ENDED else None
    course.save(update_fields=["status", "status_reason", "ended_at"])
    CourseEvent.objects.create(
        course=course, action=event, reason=reason.strip(), actor=actor, at=clock.now()
    )
    _audit(actor, Action.COURSE_CHANGED, course, event, request)
    return course


DEFAULT_SESSIONS = 6


DEFAULT_WEEKS = 3


def default_schedule(
    start: date, sessions: int = DEFAULT_SESSIONS, *, setting: Setting | str = Setting.AT_HOME
) -> list[date]:
    """The offered schedule: `sessions` spread evenly over three weeks, twice a week; an
    in-clinic day the clinic is closed moves to the next day it is open."""
    span = DEFAULT_WEEKS * 7 - 3
    step = span / max(sessions - 1, 1)
    days: list[date] = []
    for index in range(sessions):
        day = start + timedelta(days=round(index * step))
        days.append(next_open_day(max(day, days[-1]) if days else day, setting, set(days)))
    return days


@transaction.atomic
def sessions_schedule(
    *,
    course: TreatmentCourse,
    rows: Sequence[tuple[date, Setting]],
    dose: Dose,
    actor: User,
    request: HttpRequest | None = None,
) -> list[TreatmentSession]:
    """Add sessions on the dates the clinician chose, numbered after any already held, each
    with the prescribed dose (version 1) and its preparation and integration meetings."""
    course = TreatmentCourse.objects.select_for_update().get(pk=course.pk)
    error = dose_change_error(None, dose, reason="", started=False)
    if error:
        raise TreatmentError(error, "dose_mg")
    if course.status == TreatmentCourse.Status.ENDED:
        raise TreatmentError("This course has ended: open a new one from a decision.")
    if not rows:
        raise TreatmentError("Choose at least one date.", "dates")
    today = clock.today()
    if any(day < today for day, _ in rows):
        raise TreatmentError("A session cannot be scheduled in the past.", "dates")
    days = [day for day, _ in rows]
    for day, setting in rows:
        closed = closed_reason(day, setting)
        if closed:
            raise TreatmentError(closed, "dates")
    if len(set(days)) != len(days):
        raise TreatmentError("Two sessions fall on the same day.", "dates")
    taken = set(course.sessions.values_list("scheduled_for", flat=True))
    if taken & set(days):
        raise TreatmentError("A session is already scheduled on one of these days.", "dates")
    last = course.sessions.aggregate(top=Max("number"))["top"] or 0
    sessions = [
        TreatmentSession.objects.create(
            course=course,
            number=last + index,
            scheduled_for=day,
            setting=setting.value,
            created_at=clock.now(),
        )
        for index, (day, setting) in enumerate(sorted(rows), start=1)
    ]
    for session in sessions:
        PrescribedDose.objects.create(
            session=session,
            dose_mg=dose.mg,
            route=dose.route.value,
            prescribed_by=actor,
            prescribed_at=clock.now(),
        )
        meetings_plan(session=session, today=today)
    CourseEvent.objects.create(
        course=course,
        action=CourseEvent.Action.SCHEDULED,
        actor=actor,
        reason=f"{len(sessions)} session(s)",
        at=clock.now(),
    )
    _audit(actor, Action.SESSIONS_SCHEDULED, course, f"{len(sessions)} sessions", request)
    return sessions


def meetings_plan(*, session: TreatmentSession, today: date) -> list[TherapyMeeting]:
    """The preparation before the session's dose and the integration after it, each on its
    default day (the day before, the day after) within its window."""
    days = {
        MeetingKind.PREPARATION: settings.PREPARATION_WINDOW_DAYS,
        MeetingKind.INTEGRATION: settings.INTEGRATION_WINDOW_DAYS,
    }
    return [
        TherapyMeeting.objects.get_or_create(
            session=session,
            kind=kind.value,
            defaults={
                "scheduled_for": default_meeting_day(kind, session.scheduled_for, today, window),
                "created_at": clock.now(),
            },
        )[0]
        for kind, window in days.items()
    ]


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


def session_locked(session: TreatmentSession) -> TreatmentSession:
    """The session, locked: two taps on the same button make one write."""
    return (
        TreatmentSession.objects.select_for_update(of=("self",))
        .select_related("course__patient", "course__case__submission", "course__therapist")
        .get(pk=session.pk)
    )
