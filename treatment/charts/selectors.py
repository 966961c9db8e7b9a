"""Reads of a patient's chart: the patient (a therapist only their own), their contacts, cases
and decisions, courses and sessions, PHQ-9/GAD-7 over time, tasks and documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import Http404

from patients.models import Patient, User
from patients.roles import Role, role_of
from screening.review.models import Case, CaseDecision
from screening.review.selectors import patient_history
from treatment.clinic.models import MonitoringRecord
from treatment.courses.models import PrescribedDose, TreatmentCourse, TreatmentSession
from treatment.courses.selectors import Contacts, contacts_of
from treatment.followup.models import FollowUpTask


def chart_patient(public_id: Any, user: User | Any) -> Patient:
    """The patient whose chart is asked for; a therapist finds only a patient of a course
    assigned to them (404 otherwise, as for a patient who does not exist)."""
    patient = Patient.objects.select_related("user").filter(public_id=public_id).first()
    if patient is None:
        raise Http404("No such patient")
    if role_of(user) == Role.THERAPIST and not patient.courses.filter(therapist=user).exists():
        raise Http404("No such patient")
    return patient


@dataclass
class SessionLine:
    session: TreatmentSession
    prescription: PrescribedDose | None
    records: list[MonitoringRecord]


@dataclass
class CourseLine:
    course: TreatmentCourse
    sessions: list[SessionLine] = field(default_factory=list)


@dataclass
class MeasurePoint:
    label: str
    at: datetime
    phq9: int | None
    gad7: int | None


@dataclass
class Chart:
    patient: Patient
    contacts: Contacts
    cases: list[Case]
    courses: list[CourseLine]
    measures: list[MeasurePoint]
    open_tasks: list[FollowUpTask]
    closed_tasks: list[FollowUpTask]
    records: list[MonitoringRecord]

    @property
    def latest_case(self) -> Case | None:
        return self.cases[0] if self.cases else None

    def measures_chart(self) -> list[dict[str, Any]]:
        """The points as the course page's chart script reads them."""
        return [{"label": p.label, "phq9": p.phq9, "gad7": p.gad7} for p in self.measures]


def _courses(patient: Patient) -> list[CourseLine]:
    courses = (
        patient.courses.select_related("therapist", "case__submission")
        .prefetch_related(
            Prefetch(
                "sessions",
                TreatmentSession.objects.prefetch_related(
                    Prefetch(
                        "prescriptions",
                        PrescribedDose.objects.order_by("-version"),
                    ),
                    Prefetch("records", MonitoringRecord.objects.order_by("version")),
                ),
            ),
            "measures",
        )
        .order_by("-opened_at", "-pk")
    )
    return [
        CourseLine(
            course,
            [
                SessionLine(
                    session,
                    next(iter(session.prescriptions.all()), None),
                    list(session.records.all()),
                )
                for session in course.sessions.all()
            ],
        )
        for course in courses
    ]


def _measures(cases: list[Case], courses: list[CourseLine]) -> list[MeasurePoint]:
    """Each intake's scores, then each course's measures, oldest first."""
    points = []
    if cases:
        for row in patient_history(cases[0]):
            submission = row["submission"]
            points.append(
                MeasurePoint(
                    f"Intake, case {submission.case_number}",
                    submission.submitted_at,
                    row["phq9"],
                    row["gad7"],
                )
            )
    for line in courses:
        for measure in line.course.measures.all():
            label = measure.key.replace("session-", "Before session ").replace("month-", "Month ")
            points.append(
                MeasurePoint(label, measure.recorded_at, measure.phq9_total, measure.gad7_total)
            )
    return sorted(points, key=lambda point: point.at)


def patient_chart(patient: Patient) -> Chart:
    cases = list(
        Case.objects.filter(patient=patient)
        .select_related("submission__screening")
        .prefetch_related(
            Prefetch("decisions", CaseDecision.objects.select_related("clinician")),
        )
        .order_by("-submission__submitted_at", "-pk")
    )
    courses = _courses(patient)
    current = next((line.course for line in courses), None)
    # The intake's contacts: those of the latest course's case, else of the latest case.
    contacts = contacts_of(
        current or TreatmentCourse(patient=patient, case=next(iter(cases), None))
    )
    tasks = list(
        FollowUpTask.objects.filter(course__patient=patient)
        .select_related("owner", "done_by", "course")
        .order_by("-created_at", "-pk")
    )
    return Chart(
        patient=patient,
        contacts=contacts,
        cases=cases,
        courses=courses,
        measures=_measures(cases, courses),
        open_tasks=[task for task in tasks if task.done_at is None],
        closed_tasks=[task for task in tasks if task.done_at is not None],
        records=[
            record for line in courses for session in line.sessions for record in session.records
        ],
    )
