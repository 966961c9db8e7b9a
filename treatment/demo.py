"""Demo data for `make run`: patients with a course of treatment and a session today."""

from __future__ import annotations

from datetime import date
from typing import Any

from patients.demo import CLEAN_CANDIDATE, _submit
from patients.models import User
from patients.roles import Role
from patients.services import patient_register, user_ensure
from screening.models import Case
from screening.review import decision_record
from treatment import clock
from treatment.models import TreatmentCourse
from treatment.rules import Setting
from treatment.services import default_schedule, sessions_schedule

# (email, first name, last name, answers changed, decision, setting of today's session)
DEMO_COURSES: tuple[tuple[str, str, str, dict[str, Any], str, Setting], ...] = (
    (
        "taylor@example.com",
        "Taylor",
        "Morgan",
        {"support_person": "no"},
        "refer_in_clinic",
        Setting.IN_CLINIC,
    ),
    ("riley@example.com", "Riley", "Chen", {}, "confirm_at_home", Setting.AT_HOME),
)


def demo_courses(clinician: User, password: str) -> list[str]:
    """Decide each demo patient's case, which opens the course, and schedule from today."""
    emails = []
    for email, given_name, family_name, changes, outcome, setting in DEMO_COURSES:
        user = user_ensure(
            email=email,
            password=password,
            first_name=given_name,
            last_name=family_name,
            role=Role.PATIENT,
        )
        patient = patient_register(
            user=user,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date(1988, 2, 14),
        )
        emails.append(email)
        if TreatmentCourse.objects.filter(patient=patient).exists():
            continue
        submission = _submit(patient, CLEAN_CANDIDATE | changes, days_ago=3)
        case = Case.objects.get(submission=submission)
        decision_record(
            case=case, clinician=clinician, outcome=outcome, expected_version=case.version
        )
        course = TreatmentCourse.objects.get(patient=patient)
        days = default_schedule(clock.today())
        sessions_schedule(course=course, rows=[(day, setting) for day in days], actor=clinician)
    return emails
