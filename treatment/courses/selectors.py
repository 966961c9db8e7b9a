"""Reads of a course: by id, the patient's course, the prescription, the measures and their
trend, the timeline, the vitals chart, side effects, and whom to call about the patient."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.http import Http404
from django.utils import timezone

from patients.models import Patient
from treatment.checks.models import PreDoseCheck
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.courses.models import PrescribedDose, TreatmentCourse, TreatmentSession
from treatment.followup.models import SafetyCheck
from treatment.home.models import AfterDoseReading, HomeDose, MeasureSet, ReportedSideEffect
from treatment.rules import DueMeasure, Marks, Scores, Slot, marks, measures_due, scores_of


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


def latest_prescription(session: TreatmentSession) -> PrescribedDose | None:
    """The prescription in force: the latest version (None for a session from before)."""
    return session.prescriptions.select_related("prescribed_by").first()


def pregnancy_relevant(course: TreatmentCourse) -> bool:
    """Asked unless the intake said male sex at birth (unknown counts as relevant)."""
    if course.case is None:
        return True
    return bool(course.case.submission.answers.get("sex_at_birth") != "male")


def patient_course(patient: Patient) -> TreatmentCourse | None:
    """The patient's open or paused course, or else the latest one."""
    courses = TreatmentCourse.objects.filter(patient=patient)
    return (
        courses.filter(status__in=TreatmentCourse.ACTIVE_STATUSES).first()
        or courses.order_by("-opened_at").first()
    )


def safety_check_due(course: TreatmentCourse, today: date) -> bool:
    """Monthly, once a course has run longer than a month."""
    started = course.opened_at.date()
    if course.status != TreatmentCourse.Status.OPEN or today - started < timedelta(days=30):
        return False
    last = course.safety_checks.order_by("-recorded_at").first()
    return last is None or today - last.recorded_at.date() >= timedelta(days=30)


def safety_checks(course: TreatmentCourse) -> QuerySet[SafetyCheck]:
    return course.safety_checks.select_related("recorded_by")


def baseline_scores(course: TreatmentCourse) -> Scores | None:
    """The intake's PHQ-9 and GAD-7, the baseline of the course's trend."""
    if course.case is None:
        return None
    answers = course.case.submission.answers
    try:
        return scores_of(answers.get("phq9") or [], answers.get("gad7") or [])
    except ValueError:
        return None


def scores_of_set(measure: MeasureSet) -> Scores:
    return Scores(measure.phq9_total, measure.gad7_total, measure.phq9_item9)


# A session has started once its dose is recorded, at home or in the clinic.
STARTED = Exists(HomeDose.objects.filter(session=OuterRef("pk"))) | Exists(
    MonitoringRecord.objects.filter(session=OuterRef("pk"), dosed_at__isnull=False)
)


def measures_due_for(course: TreatmentCourse, today: date) -> list[DueMeasure]:
    if course.status != TreatmentCourse.Status.OPEN:
        return []
    sessions = list(course.sessions.annotate(started=STARTED))
    return measures_due(
        sessions=[(s.number, s.scheduled_for) for s in sessions],
        started={s.number for s in sessions if s.started},
        opened=timezone.localdate(course.opened_at),
        taken=set(course.measures.values_list("key", flat=True)),
        today=today,
    )


@dataclass
class TrendRow:
    label: str
    at: datetime | None
    scores: Scores
    marks: Marks | None
    alerts: list[dict[str, str]]


def measure_trend(course: TreatmentCourse) -> list[TrendRow]:
    """The baseline first (the intake), then each measure with response and remission."""
    baseline = baseline_scores(course)
    rows = []
    if baseline is not None and course.case is not None:
        rows.append(
            TrendRow("Intake (baseline)", course.case.submission.submitted_at, baseline, None, [])
        )
    for measure in course.measures.all():
        scores = scores_of_set(measure)
        label = measure.key.replace("session-", "Before session ").replace("month-", "Month ")
        rows.append(
            TrendRow(label, measure.recorded_at, scores, marks(scores, baseline), measure.alerts)
        )
    return rows


def check_timeline(course: TreatmentCourse) -> list[PreDoseCheck]:
    """Every pre-dose check of the course, newest first, with who checked and overrode."""
    return list(
        PreDoseCheck.objects.filter(session__course=course)
        .select_related("session", "checked_by", "overridden_by")
        .order_by("-checked_at", "-pk")
    )


def vitals_series(course: TreatmentCourse) -> list[dict[str, Any]]:
    """Blood pressure and heart rate over the course, oldest first: before each dose (the
    mean of the check's readings), after it at home, and observations in the clinic."""
    points: list[dict[str, Any]] = []

    def add(at: datetime, what: str, systolic: int, diastolic: int, heart_rate: int) -> None:
        points.append(
            {
                "at": timezone.localtime(at).strftime("%Y-%m-%d %H:%M"),
                "what": what,
                "systolic": systolic,
                "diastolic": diastolic,
                "heart_rate": heart_rate,
            }
        )

    for check in PreDoseCheck.objects.filter(session__course=course).select_related("session"):
        raw = check.answers
        try:
            values = [
                (int(raw[f"systolic_{n}"]), int(raw[f"diastolic_{n}"]), int(raw[f"heart_rate_{n}"]))
                for n in (1, 2)
            ]
        except (KeyError, TypeError, ValueError):
            continue
        mean = [round(sum(v[i] for v in values) / len(values)) for i in range(3)]
        add(check.checked_at, f"Session {check.session.number}, before the dose", *mean)
    for reading in AfterDoseReading.objects.filter(dose__session__course=course).select_related(
        "dose__session"
    ):
        when = "40 minutes" if reading.slot == Slot.FIRST else "2 hours"
        add(
            reading.taken_at,
            f"Session {reading.dose.session.number}, {when} after the dose",
            reading.systolic,
            reading.diastolic,
            reading.heart_rate,
        )
    for observation in Observation.objects.filter(
        record__session__course=course, record__amended_by__isnull=True
    ).select_related("record__session"):
        add(
            observation.taken_at,
            f"Session {observation.record.session.number}, in the clinic",
            observation.systolic,
            observation.diastolic,
            observation.heart_rate,
        )
    points.sort(key=lambda p: p["at"])
    return points


def side_effects_of(course: TreatmentCourse) -> list[ReportedSideEffect]:
    return list(
        ReportedSideEffect.objects.filter(session__course=course)
        .select_related("session")
        .order_by("-reported_at", "-pk")
    )


@dataclass(frozen=True)
class Contacts:
    """Whom to call about a patient at home, and where the session takes place."""

    patient_phone: str = ""
    support_name: str = ""
    support_phone: str = ""
    emergency_name: str = ""
    emergency_phone: str = ""
    address: str = ""


def contacts_of(course: TreatmentCourse) -> Contacts:
    """The patient's phone, the support person and emergency contact from the intake, and
    the session address (empty where the intake did not ask them)."""
    answers: dict[str, Any] = course.case.submission.answers if course.case else {}
    support = answers.get("support_person_contact") or {}
    emergency = answers.get("emergency_contact") or {}
    return Contacts(
        patient_phone=course.patient.phone,
        support_name=str(support.get("name", "")),
        support_phone=str(support.get("phone", "")),
        emergency_name=str(emergency.get("name", "")),
        emergency_phone=str(emergency.get("phone", "")),
        address=str(answers.get("session_location", "")),
    )


def _answer(*path: str) -> KeyTextTransform:
    """The text of one intake answer, read in the database (the answers stay unread)."""
    expression: Any = "case__submission__answers"
    for key in path[:-1]:
        expression = KeyTransform(key, expression)
    return KeyTextTransform(path[-1], expression)


def contacts_of_courses(course_ids: Iterable[int]) -> dict[int, Contacts]:
    """contacts_of for many courses in one query, by course id: for lists such as the today
    board, which must not read each course's whole intake."""
    rows = TreatmentCourse.objects.filter(pk__in=set(course_ids)).values(
        "pk",
        "patient__phone",
        support_name=_answer("support_person_contact", "name"),
        support_phone=_answer("support_person_contact", "phone"),
        emergency_name=_answer("emergency_contact", "name"),
        emergency_phone=_answer("emergency_contact", "phone"),
        address=_answer("session_location"),
    )
    texts = ("support_name", "support_phone", "emergency_name", "emergency_phone", "address")
    contacts = {}
    for row in rows:
        found: dict[str, Any] = dict(row)
        contacts[found["pk"]] = Contacts(
            patient_phone=found["patient__phone"] or "",
            **{name: str(found[name] or "") for name in texts},
        )
    return contacts
