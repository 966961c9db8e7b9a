"""Reads of the course of treatment: the rule set's limits, the today board, records, tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from patients.models import Patient
from screening.models import RuleSet
from screening.rules.thresholds import DEFAULT_RULESET
from screening.selectors import published_ruleset
from treatment.models import (
    FollowUpTask,
    MonitoringRecord,
    Observation,
    PreDoseCheck,
    SafetyCheck,
    SessionAlert,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.rules import (
    DEFAULT_LIMITS,
    Baseline,
    Dissociation,
    Limits,
    NextObservation,
    Readiness,
    discharge_readiness,
    limits_from_mapping,
    next_observation,
)
from treatment.rules import Observation as ObservationReading


def limits_of(ruleset: RuleSet) -> Limits:
    """A rule set's treatment settings; one stored before they existed gets the defaults."""
    return limits_from_mapping(ruleset.treatment or {})


def active_limits() -> tuple[Limits, str]:
    """The limits new checks use, and the name of the rule set they come from."""
    ruleset = published_ruleset()
    if ruleset is None:
        return DEFAULT_LIMITS, DEFAULT_RULESET
    return limits_of(ruleset), ruleset.name


def course_by_public_id(public_id: Any) -> TreatmentCourse:
    course = (
        TreatmentCourse.objects.select_related("patient__user", "case__submission")
        .filter(public_id=public_id)
        .first()
    )
    if course is None:
        raise Http404("No such course")
    return course


def session_by_public_id(public_id: Any) -> TreatmentSession:
    session = (
        TreatmentSession.objects.select_related("course__patient", "course__case__submission")
        .filter(public_id=public_id)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def record_by_public_id(public_id: Any) -> MonitoringRecord:
    record = (
        MonitoringRecord.objects.select_related(
            "session__course__patient",
            "session__course__case__submission",
            "pre_dose_check__checked_by",
            "pre_dose_check__overridden_by",
            "signed_by",
            "created_by",
            "amends",
        )
        .filter(public_id=public_id)
        .first()
    )
    if record is None:
        raise Http404("No such record")
    return record


def current_record(session: TreatmentSession) -> MonitoringRecord | None:
    """The session's latest record version."""
    return (
        session.records.select_related(
            "pre_dose_check__checked_by", "pre_dose_check__overridden_by", "signed_by", "amends"
        )
        .order_by("-version")
        .first()
    )


def latest_check(session: TreatmentSession) -> PreDoseCheck | None:
    return session.checks.select_related("checked_by", "overridden_by").first()


def pregnancy_relevant(course: TreatmentCourse) -> bool:
    """Asked unless the intake said male sex at birth (unknown counts as relevant)."""
    if course.case is None:
        return True
    return bool(course.case.submission.answers.get("sex_at_birth") != "male")


def check_limits(check: PreDoseCheck | None) -> Limits:
    """The limits a session goes by: those its pre-dose check was made with."""
    if check is None:
        return active_limits()[0]
    return limits_from_mapping(check.limits)


def readings_of(observations: list[Observation]) -> list[ObservationReading]:
    return [
        ObservationReading(
            o.taken_at,
            o.systolic,
            o.diastolic,
            o.heart_rate,
            o.spo2,
            o.moaas,
            Dissociation(o.dissociation),
        )
        for o in observations
    ]


def baseline_of(check: PreDoseCheck | None) -> Baseline | None:
    values = check.result.get("baseline") if check else None
    return Baseline(*values) if values else None


@dataclass
class Monitoring:
    """Where an in-clinic record stands: next observation, readiness to leave."""

    next_due: NextObservation | None
    overdue: bool
    readiness: Readiness | None


def monitoring_of(
    record: MonitoringRecord, observations: list[Observation], now: datetime
) -> Monitoring:
    if record.dosed_at is None:
        return Monitoring(None, False, None)
    check = record.pre_dose_check
    limits = check_limits(check)
    readings = readings_of(observations)
    readiness = discharge_readiness(
        dosed_at=record.dosed_at,
        now=now,
        observations=readings,
        baseline=baseline_of(check),
        escort_present=record.escort_present,
        limits=limits,
    )
    if record.discharged_at is not None:
        return Monitoring(None, False, readiness)
    due = next_observation(record.dosed_at, readings, limits)
    return Monitoring(due, due.is_overdue(now), readiness)


STATE_LABELS = {
    "alert": "Alert",
    "call": "Call",
    "hold": "Hold",
    "waiting": "Waiting",
    "go": "Go",
    "dosing": "Dosing",
    "ready": "Ready to leave",
    "discharged": "Discharged",
}
# Board order: what needs a clinician first.
STATE_ORDER = {name: rank for rank, name in enumerate(STATE_LABELS)}


def session_state(
    check: PreDoseCheck | None,
    record: MonitoringRecord | None,
    monitoring: Monitoring | None,
) -> str:
    if record is not None and record.discharged_at is not None:
        return "discharged"
    if record is not None and record.dosed_at is not None:
        ready = monitoring is not None and monitoring.readiness and monitoring.readiness.ready
        return "ready" if ready else "dosing"
    if check is None:
        return "waiting"
    return check.shown_outcome


@dataclass
class BoardRow:
    session: TreatmentSession
    state: str
    check: PreDoseCheck | None
    record: MonitoringRecord | None
    monitoring: Monitoring | None
    alerts: list[SessionAlert] = field(default_factory=list)

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def urgent(self) -> bool:
        return bool(self.alerts) or self.state == "call"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        state = "alert" if self.alerts else self.state
        return (STATE_ORDER[state], self.session.course.patient_id, self.session.number)


def today_board(day: date, now: datetime) -> list[BoardRow]:
    """Today's sessions of open courses with their state; alerts, calls and holds first.

    A fixed number of queries, whatever the number of courses or sessions.
    """
    # The board reads no check's answers: leave that JSON unread.
    records = (
        MonitoringRecord.objects.select_related("pre_dose_check")
        .defer("pre_dose_check__answers")
        .order_by("-version")
    )
    sessions = (
        TreatmentSession.objects.filter(
            scheduled_for=day, course__status=TreatmentCourse.Status.OPEN
        )
        .select_related("course__patient")
        .prefetch_related(
            Prefetch(
                "checks",
                queryset=PreDoseCheck.objects.defer("answers", "result", "limits").order_by(
                    "-checked_at", "-pk"
                ),
            ),
            Prefetch("records", queryset=records),
        )
    )
    rows = []
    latest_records = []
    for session in sessions:
        checks = list(session.checks.all())
        versions = list(session.records.all())
        row = BoardRow(session, "waiting", checks[0] if checks else None, None, None)
        if versions:
            row.record = versions[0]
            latest_records.append(row.record)
        rows.append(row)
    record_ids = [r.pk for r in latest_records]
    observations: dict[int, list[Observation]] = {pk: [] for pk in record_ids}
    for observation in Observation.objects.filter(record_id__in=record_ids):
        observations[observation.record_id].append(observation)
    alerts: dict[int, list[SessionAlert]] = {pk: [] for pk in record_ids}
    for alert in SessionAlert.objects.filter(
        record_id__in=record_ids, acknowledged_at__isnull=True
    ):
        alerts[alert.record_id].append(alert)
    for row in rows:
        if row.record is not None:
            row.monitoring = monitoring_of(row.record, observations[row.record.pk], now)
            row.alerts = alerts[row.record.pk]
        row.state = session_state(row.check, row.record, row.monitoring)
    rows.sort(key=lambda row: row.sort_key)
    return rows


def open_tasks() -> QuerySet[FollowUpTask]:
    return (
        FollowUpTask.objects.filter(done_at__isnull=True, course__status__in=["open", "paused"])
        .select_related("course__patient", "owner")
        .order_by("due_at", "pk")
    )


def record_deadline(record: MonitoringRecord) -> date:
    """The REMS record is due this many days after the dose (or the session date)."""
    start = record.dosed_at.date() if record.dosed_at is not None else record.session.scheduled_for
    return start + timedelta(days=settings.CLINIC_RECORD_DEADLINE_DAYS)


def unsigned_records(clinician_id: int | None = None) -> QuerySet[MonitoringRecord]:
    """Latest unsigned versions of records whose dose was given, oldest first."""
    records = MonitoringRecord.objects.filter(
        signed_at__isnull=True, dosed_at__isnull=False
    ).select_related("session__course__patient", "created_by")
    if clinician_id is not None:
        records = records.filter(created_by_id=clinician_id)
    return records.order_by("dosed_at", "pk")


def unsigned_rows(today: date) -> list[dict[str, Any]]:
    return [
        {
            "record": record,
            "due": record_deadline(record),
            "days_left": (record_deadline(record) - today).days,
            "overdue_days": (today - record_deadline(record)).days,
        }
        for record in unsigned_records()
    ]


def safety_check_due(course: TreatmentCourse, today: date) -> bool:
    """Monthly, once a course has run longer than a month."""
    started = course.opened_at.date()
    if course.status != TreatmentCourse.Status.OPEN or today - started < timedelta(days=30):
        return False
    last = course.safety_checks.order_by("-recorded_at").first()
    return last is None or today - last.recorded_at.date() >= timedelta(days=30)


def safety_checks(course: TreatmentCourse) -> QuerySet[SafetyCheck]:
    return course.safety_checks.select_related("recorded_by")


def patient_course(patient: Patient) -> TreatmentCourse | None:
    """The patient's open or paused course, or else the latest one."""
    courses = TreatmentCourse.objects.filter(patient=patient)
    return (
        courses.filter(status__in=TreatmentCourse.ACTIVE_STATUSES).first()
        or courses.order_by("-opened_at").first()
    )
