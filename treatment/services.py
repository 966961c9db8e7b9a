"""Writes of the course of treatment: courses, sessions, checks, records, tasks.

Every write is audited; the audit entry names the case the course came from.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone

from patients.models import Patient, User
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.review.models import Case, CaseDecision
from treatment import clock
from treatment.models import (
    CourseEvent,
    FollowUpTask,
    MonitoringRecord,
    Observation,
    PreDoseCheck,
    PrescribedDose,
    SafetyCheck,
    SessionAlert,
    TherapyMeeting,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.rules import (
    Dissociation,
    Outcome,
    PreDoseAnswers,
    Setting,
    Waiver,
    check_pre_dose,
    deadline_in_opening_hours,
    observation_alerts,
    waiver_of,
)
from treatment.rules import Observation as ObservationReading
from treatment.rules.therapy import (
    Dose,
    MeetingKind,
    default_meeting_day,
    dose_change_error,
    given_dose_error,
)
from treatment.selectors import (
    active_limits,
    check_limits,
    gate_of,
    latest_prescription,
    latest_readiness,
    monitoring_of,
)

logger = logging.getLogger(__name__)

Action = AuditEntry.Action
DEFAULT_SESSIONS = 6
DEFAULT_WEEKS = 3


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


# Courses ---------------------------------------------------------------------------------

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


def default_schedule(start: date, sessions: int = DEFAULT_SESSIONS) -> list[date]:
    """The offered schedule: `sessions` spread evenly over three weeks, twice a week."""
    span = DEFAULT_WEEKS * 7 - 3
    step = span / max(sessions - 1, 1)
    return [start + timedelta(days=round(index * step)) for index in range(sessions)]


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


# Follow-up tasks -------------------------------------------------------------------------


def task_deadline(start: datetime, minutes: int | None = None) -> datetime:
    """The task's deadline, counted in the clinic's opening hours."""
    local = timezone.localtime(start)
    return deadline_in_opening_hours(
        local,
        minutes if minutes is not None else settings.FOLLOW_UP_TASK_MINUTES,
        opens=settings.CLINIC_OPENS_HOUR,
        closes=settings.CLINIC_CLOSES_HOUR,
        days=settings.CLINIC_OPEN_DAYS,
    )


def task_open(
    *,
    course: TreatmentCourse,
    kind: str,
    source: str,
    owner: User | None = None,
    minutes: int | None = None,
    urgent: bool = False,
) -> FollowUpTask:
    """Raise a task for a clinician, due in opening hours; a source raises one task only.

    Any feature that finds suicidal ideation or a safety concern (a pre-dose
    check, a measure, a monthly check) calls this. An urgent task is due within
    URGENT_TASK_MINUTES and clinicians are emailed once it commits, whatever the hour.
    """
    now = clock.now()
    owner = owner or course.opened_by  # the clinician who decided, until another takes over
    if urgent:
        minutes = settings.URGENT_TASK_MINUTES
    with transaction.atomic():
        task, created = FollowUpTask.objects.get_or_create(
            kind=kind,
            source=source,
            defaults={
                "course": course,
                "owner": owner,
                "created_at": now,
                "due_at": task_deadline(now, minutes),
                "urgent": urgent,
            },
        )
    if created:
        logger.info("follow-up task %s opened (%s)", task.pk, kind)
        if urgent:
            transaction.on_commit(lambda: task_notify_later(task.pk))
    return task


def task_notify_later(task_id: int) -> None:
    from treatment.tasks import task_notify

    try:
        task_notify.delay(task_id)
    except Exception:  # the broker is down: the sweep of urgent tasks sends it later
        logger.warning("urgent task %s not queued for notification; the sweep sends it", task_id)


@transaction.atomic
def task_update(
    *,
    task: FollowUpTask,
    action: str,
    actor: User,
    resolution: str = "",
    request: HttpRequest | None = None,
) -> FollowUpTask:
    """Take a task over (claim) or close it with what was done."""
    task = (
        FollowUpTask.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=task.pk)
    )
    if task.done_at is not None:
        raise TreatmentError("This task is already closed.")
    answered = ["answered_at"] if task.answered_at is None else []
    task.answered_at = task.answered_at or clock.now()
    if action == "claim":
        task.owner = actor
        task.save(update_fields=["owner", *answered])
    elif action == "close":
        if not resolution.strip():
            raise TreatmentError("Write what was done.", "resolution")
        task.done_at, task.done_by, task.resolution = clock.now(), actor, resolution.strip()
        task.save(update_fields=["done_at", "done_by", "resolution", *answered])
    else:
        raise TreatmentError("Choose claim or close.", "action")
    _audit(actor, Action.TASK_UPDATED, task.course, f"task {task.public_id} {action}", request)
    return task


# Pre-dose checks -------------------------------------------------------------------------


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
    if session.in_clinic and actor is not None:
        record = _editable(record_ensure(session=session, actor=actor))
        if record.dosed_at is not None:
            raise TreatmentError("The dose is already recorded: its check cannot change.")
        record.pre_dose_check = check
        record.save(update_fields=["pre_dose_check"])
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
    check.refresh_from_db()
    return check


# The in-clinic monitoring record ---------------------------------------------------------


def record_ensure(*, session: TreatmentSession, actor: User) -> MonitoringRecord:
    """The session's latest record version, created (version 1) on first use."""
    record = session.records.order_by("-version").first()
    if record is None:
        record = MonitoringRecord.objects.create(
            session=session, created_by=actor, created_at=clock.now()
        )
    return record


def _editable(record: MonitoringRecord) -> MonitoringRecord:
    record = (
        MonitoringRecord.objects.select_for_update(of=("self",))
        .select_related("pre_dose_check", "session__course")
        .get(pk=record.pk)
    )
    if record.signed_at is not None:
        raise TreatmentError("This record is signed: amend it to make a change.")
    return record


@transaction.atomic
def dose_record(
    *,
    record: MonitoringRecord,
    medicine: str,
    dose_mg: Decimal,
    lot_number: str,
    dosed_at: datetime,
    rems_medications: list[str],
    actor: User,
    request: HttpRequest | None = None,
) -> MonitoringRecord:
    """Record the dose (t0); only through the gate (a go or an override of a hold, and no
    standing "not ready"), and only the dose prescribed for the session."""
    record = _editable(record)
    check = record.pre_dose_check
    gate = gate_of(check, latest_readiness(record.session))
    if check is None or not gate.may_dose:
        if gate.readiness_held:
            raise TreatmentError(
                "The therapist recorded the patient as not ready: a dose is recorded only "
                "after a clinician's override of that hold."
            )
        raise TreatmentError("A dose is recorded only after a go, or a clinician's override.")
    prescription = latest_prescription(record.session)
    if prescription is not None:
        error = given_dose_error(prescription.dose, dose_mg, medicine)
        if error:
            raise TreatmentError(error, "dose_mg")
    if dosed_at < check.checked_at - timedelta(minutes=1):
        raise TreatmentError("The dose cannot be given before the pre-dose check.", "dosed_at")
    if dosed_at > clock.now() + timedelta(minutes=1):
        raise TreatmentError("The time given cannot be in the future.", "dosed_at")
    if not rems_medications or ("none" in rems_medications and len(rems_medications) > 1):
        raise TreatmentError("Choose the medicines taken, or none of these.", "rems_medications")
    record.medicine, record.dose_mg, record.lot_number = medicine, dose_mg, lot_number.strip()
    record.dosed_at, record.rems_medications = dosed_at, rems_medications
    record.prescription = prescription
    record.save()
    _audit(
        actor,
        Action.DOSE_RECORDED,
        record.session.course,
        f"session {record.session.number}",
        request,
    )
    return record


@transaction.atomic
def observation_record(
    *,
    record: MonitoringRecord,
    taken_at: datetime,
    systolic: int,
    diastolic: int,
    heart_rate: int,
    spo2: int,
    moaas: int,
    dissociation: str,
    actor: User,
    request: HttpRequest | None = None,
) -> tuple[Observation, list[SessionAlert]]:
    """Record one observation; readings past the alert limits open urgent alerts."""
    record = _editable(record)
    if record.dosed_at is None:
        raise TreatmentError("Record the dose first: observations are timed from it.")
    if taken_at < record.dosed_at:
        raise TreatmentError("An observation cannot be taken before the dose.", "taken_at")
    if taken_at > clock.now() + timedelta(minutes=1):
        raise TreatmentError("The time taken cannot be in the future.", "taken_at")
    if record.discharged_at is not None and taken_at > record.discharged_at:
        raise TreatmentError("The patient has been discharged.")
    observation = Observation.objects.create(
        record=record,
        taken_at=taken_at,
        systolic=systolic,
        diastolic=diastolic,
        heart_rate=heart_rate,
        spo2=spo2,
        moaas=moaas,
        dissociation=dissociation,
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    reading = ObservationReading(
        taken_at, systolic, diastolic, heart_rate, spo2, moaas, Dissociation(dissociation)
    )
    alerts = [
        SessionAlert.objects.create(
            session=record.session,
            record=record,
            observation=observation,
            code=alert.code,
            text=alert.text,
            opened_at=clock.now(),
        )
        for alert in observation_alerts(reading, check_limits(record.pre_dose_check))
    ]
    if alerts:
        logger.warning("session alert on record %s: %d alert(s)", record.pk, len(alerts))
    _audit(
        actor,
        Action.OBSERVATION_RECORDED,
        record.session.course,
        f"session {record.session.number}" + (f", {len(alerts)} alert(s)" if alerts else ""),
        request,
    )
    return observation, alerts


@transaction.atomic
def alerts_acknowledge(
    *, session: TreatmentSession, actor: User, request: HttpRequest | None = None
) -> int:
    """Acknowledge the session's open alerts (in the clinic or at home)."""
    count = SessionAlert.objects.filter(session=session, acknowledged_at__isnull=True).update(
        acknowledged_by=actor, acknowledged_at=clock.now()
    )
    _audit(
        actor,
        Action.ALERT_ACKNOWLEDGED,
        session.course,
        f"session {session.number}: {count}",
        request,
    )
    return count


@transaction.atomic
def escort_set(
    *, record: MonitoringRecord, present: bool, actor: User, request: HttpRequest | None = None
) -> MonitoringRecord:
    record = _editable(record)
    record.escort_present = present
    record.save(update_fields=["escort_present"])
    _audit(
        actor,
        Action.DISCHARGE_RECORDED,
        record.session.course,
        f"session {record.session.number}: escort {'present' if present else 'absent'}",
        request,
    )
    return record


@transaction.atomic
def discharge_record(
    *, record: MonitoringRecord, actor: User, reason: str = "", request: HttpRequest | None = None
) -> MonitoringRecord:
    """Discharge now. Before the app says "ready to leave" it needs a clinician's reason.

    The record keeps when the patient became ready and, through t0, the total
    monitoring time.
    """
    record = _editable(record)
    if record.dosed_at is None:
        raise TreatmentError("No dose is recorded: there is nothing to discharge from.")
    if record.discharged_at is not None:
        raise TreatmentError("The patient has already been discharged.")
    now = clock.now()
    readiness = monitoring_of(record, list(record.observations.all()), now).readiness
    ready = readiness is not None and readiness.ready
    if not ready and not reason.strip():
        raise TreatmentError(
            "The patient is not yet ready to leave: write the reason for an early discharge.",
            "reason",
        )
    record.discharged_at = now
    record.ready_at = readiness.ready_since if ready and readiness else None
    record.early_discharge_reason = "" if ready else reason.strip()
    record.save(update_fields=["discharged_at", "ready_at", "early_discharge_reason"])
    _audit(
        actor,
        Action.DISCHARGE_RECORDED,
        record.session.course,
        f"session {record.session.number}: {'ready' if ready else 'early'}",
        request,
    )
    return record


def record_missing(record: MonitoringRecord) -> list[str]:
    """What must be filled before the record can be signed, in words."""
    check = record.pre_dose_check
    missing = []
    if check is None:
        missing.append("the pre-dose check")
    elif not check.may_dose:
        missing.append("a go, or an override, of the pre-dose check")
    for name, label in (
        ("medicine", "the medicine"),
        ("dose_mg", "the dose"),
        ("lot_number", "the lot number"),
        ("dosed_at", "the time given"),
        ("rems_medications", "the medicines taken (benzodiazepines and others)"),
        ("escort_present", "whether the escort was present"),
        ("discharged_at", "the discharge"),
    ):
        if getattr(record, name) in (None, "", []):
            missing.append(label)
    observations = list(record.observations.all())
    if record.dosed_at is not None and not observations:
        missing.append("observations after the dose")
    if record.discharged_at and record.ready_at is None and not record.early_discharge_reason:
        missing.append("the reason for an early discharge")
    return missing


@transaction.atomic
def record_sign(
    *, record: MonitoringRecord, actor: User, request: HttpRequest | None = None
) -> MonitoringRecord:
    """Sign a complete record; from then on it is never changed."""
    record = _editable(record)
    missing = record_missing(record)
    if missing:
        raise TreatmentError("The record cannot be signed yet. Missing: " + "; ".join(missing))
    record.signed_by, record.signed_at = actor, clock.now()
    record.save(update_fields=["signed_by", "signed_at"])
    _audit(
        actor,
        Action.RECORD_SIGNED,
        record.session.course,
        f"session {record.session.number} v{record.version}",
        request,
    )
    return record


COPIED_FIELDS = (
    "pre_dose_check",
    "prescription",
    "rems_medications",
    "medicine",
    "dose_mg",
    "lot_number",
    "dosed_at",
    "escort_present",
    "ready_at",
    "discharged_at",
    "early_discharge_reason",
)


@transaction.atomic
def record_amend(
    *, record: MonitoringRecord, reason: str, actor: User, request: HttpRequest | None = None
) -> MonitoringRecord:
    """A new, unsigned version of a signed record, with its observations, and the reason."""
    if not reason.strip():
        raise TreatmentError("Write the reason for the amendment.", "reason")
    record = (
        MonitoringRecord.objects.select_for_update(of=("self",))
        .select_related("session__course")
        .get(pk=record.pk)
    )
    if record.signed_at is None:
        raise TreatmentError("Only a signed record is amended; this one can still be edited.")
    if MonitoringRecord.objects.filter(amends=record).exists():
        raise TreatmentError("This version has already been amended: amend the latest one.")
    amendment = MonitoringRecord.objects.create(
        session=record.session,
        version=record.version + 1,
        amends=record,
        amendment_reason=reason.strip(),
        created_by=actor,
        created_at=clock.now(),
        **{name: getattr(record, name) for name in COPIED_FIELDS},
    )
    Observation.objects.bulk_create(
        Observation(
            record=amendment,
            **{
                name: getattr(o, name)
                for name in (
                    "taken_at",
                    "systolic",
                    "diastolic",
                    "heart_rate",
                    "spo2",
                    "moaas",
                    "dissociation",
                    "recorded_by",
                    "recorded_at",
                )
            },
        )
        for o in record.observations.all()
    )
    _audit(
        actor,
        Action.RECORD_AMENDED,
        record.session.course,
        f"session {record.session.number} v{amendment.version}",
        request,
    )
    return amendment


# The monthly long-term safety check ------------------------------------------------------


@transaction.atomic
def safety_check_record(
    *,
    course: TreatmentCourse,
    answers: dict[str, str],
    actor: User,
    request: HttpRequest | None = None,
) -> SafetyCheck:
    """Keep the answers; any yes (or "not sure") raises a task for the clinician."""
    concerns = [question for question, answer in answers.items() if answer != "no"]
    check = SafetyCheck.objects.create(
        course=course,
        answers=answers,
        concerns=concerns,
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    if concerns:
        task_open(course=course, kind=FollowUpTask.Kind.SAFETY_CHECK, source=f"safety:{check.pk}")
    _audit(actor, Action.SAFETY_CHECK_RECORDED, course, f"{len(concerns)} concern(s)", request)
    return check
