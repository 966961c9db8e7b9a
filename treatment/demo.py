"""Demo data for `make run`: patients with a course of treatment and a session today.

Riley's at-home check-in is due today; Jamie has a week of at-home sessions behind
them (check-ins, doses, readings, side effects, PHQ-9/GAD-7, intentions, readiness,
an integration note and a reflection) and a check-in on hold today. Both are assigned
to the demo therapist, who has Riley's readiness for today to record. Jamie's past is
written through the services on a moved treatment clock (development only: `demo_data`
refuses production).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from patients.demo import CLEAN_CANDIDATE, _submit
from patients.models import User
from patients.roles import Role
from patients.services import patient_register, user_ensure
from screening.review.models import Case
from screening.review.services import decision_record
from treatment import clock
from treatment.courses.services import default_schedule, sessions_schedule
from treatment.home.forms import CheckInForm
from treatment.home.measures import measures_record
from treatment.home.services import (
    check_in_record,
    home_dose_start,
    reading_record,
    side_effects_report,
)
from treatment.models import TreatmentCourse, TreatmentSession
from treatment.rules import HomeReading, Setting, Severity, SideEffect, Slot
from treatment.rules.therapy import Dose, Focus, Readiness, Route
from treatment.therapy.services import (
    course_therapy_set,
    goals_write,
    integration_record,
    intention_write,
    readiness_record,
    reflection_write,
)

# The prescribed dose of each demo session, by setting.
DEMO_DOSES = {
    Setting.IN_CLINIC: Dose(Decimal("35.0"), Route.INTRAVENOUS),
    Setting.AT_HOME: Dose(Decimal("200.0"), Route.SUBLINGUAL),
}

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


def demo_courses(clinician: User, password: str, therapist: User | None = None) -> list[str]:
    """Decide each demo patient's case, which opens the course, and schedule from today;
    the at-home patient gets the therapist, a focus and goals."""
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
        days = default_schedule(clock.today(), setting=setting)
        sessions_schedule(
            course=course,
            rows=[(day, setting) for day in days],
            dose=DEMO_DOSES[setting],
            actor=clinician,
        )
        if therapist is not None and setting is Setting.AT_HOME:
            course_therapy_set(
                course=course,
                therapist=therapist,
                focus=Focus.DEPRESSION,
                focus_detail="",
                actor=clinician,
            )
            goals_write(
                course=course,
                goals=["Get out of bed on time on work days", "Call my sister every week"],
                actor=user,
            )
    return emails


JAMIE = ("jamie@example.com", "Jamie", "Fox")
CHECK_IN_GO: dict[str, Any] = {
    "systolic_1": "126",
    "diastolic_1": "80",
    "heart_rate_1": "74",
    "systolic_2": "124",
    "diastolic_2": "78",
    "heart_rate_2": "72",
    "new_medicines": "no",
    "pregnant": "no",
    "alcohol_24h": "no",
    "wish_dead": "no",
    "suicidal_thoughts": "no",
    "behavior": "no",
    "mood": "6",
    "support_person": "yes",
    "at_address": "yes",
    "ate_recently": "no",
    "drank_recently": "no",
}


@contextmanager
def _clock_at(moment: datetime) -> Iterator[None]:
    """The treatment clock at `moment` while the demo writes the past."""
    original = clock.now
    clock.now = lambda: moment
    try:
        yield
    finally:
        clock.now = original


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _check_in(session: TreatmentSession, user: User, **changes: str) -> None:
    form = CheckInForm(CHECK_IN_GO | changes)
    if not form.is_valid():
        raise ValueError(f"demo check-in is invalid: {sorted(form.errors)}")
    check_in_record(session=session, answers=form.answers(), raw=form.raw(), actor=user)


def _measures(course: TreatmentCourse, user: User, key: str, phq9: list[int]) -> None:
    gad7 = [1, 1, 2, 1, 1, 1, 1]
    measures_record(course=course, key=key, phq9=phq9, gad7=gad7, difficulty={}, actor=user)


def _integrate(session: TreatmentSession, therapist: User, user: User) -> None:
    """The day after a dose: the therapist's note, then the patient's reflection."""
    day = session.scheduled_for + timedelta(days=1)
    with _clock_at(_at(day, 11)):
        integration_record(
            session=session,
            sections={
                "themes": "Old arguments at work came up; less heat than before.",
                "insights": "Noticed the anger starts as feeling unheard.",
                "skills": "Paced breathing; naming the feeling before answering.",
                "triggers_regulation": "Trigger: being interrupted in meetings. Plan: pause, "
                "breathe, then say 'let me finish'.",
                "plan": "Practise the pause twice a day; bring one example next time.",
            },
            actor=therapist,
        )
    with _clock_at(_at(day, 18)):
        reflection_write(
            session=session,
            text="Felt calmer in the team meeting today. The pause helped once.",
            actor=user,
        )


def demo_home_history(clinician: User, password: str, therapist: User | None = None) -> str:
    """Jamie: at home since a week ago, two sessions done, today's check-in on hold; with a
    therapist, their preparation and integration around each dose."""
    email, given_name, family_name = JAMIE
    user = user_ensure(
        email=email,
        password=password,
        first_name=given_name,
        last_name=family_name,
        role=Role.PATIENT,
    )
    patient = patient_register(
        user=user, given_name=given_name, family_name=family_name, date_of_birth=date(1985, 9, 3)
    )
    if TreatmentCourse.objects.filter(patient=patient).exists():
        return email
    today = clock.today()
    start = today - timedelta(days=7)
    submission = _submit(patient, CLEAN_CANDIDATE, days_ago=9)
    case = Case.objects.get(submission=submission)
    with _clock_at(_at(start, 8)):
        decision_record(
            case=case, clinician=clinician, outcome="confirm_at_home", expected_version=case.version
        )
        course = TreatmentCourse.objects.get(patient=patient)
        days = default_schedule(start)
        sessions_schedule(
            course=course,
            rows=[(day, Setting.AT_HOME) for day in days],
            dose=DEMO_DOSES[Setting.AT_HOME],
            actor=clinician,
        )
        if therapist is not None:
            course_therapy_set(
                course=course,
                therapist=therapist,
                focus=Focus.ANGER,
                focus_detail="",
                actor=clinician,
            )
    if therapist is not None:
        with _clock_at(_at(start, 8, 15)):
            goals_write(
                course=course,
                goals=[
                    "Stop shouting at my kids",
                    "Stay in the room when a talk gets hard",
                    "Sleep through the night",
                ],
                actor=user,
            )
    first, second, third = course.sessions.order_by("number")[:3]
    if therapist is not None:
        for session, text in (
            (first, "Understand where the anger comes from."),
            (second, "Notice the first sign of anger in my body."),
            (third, "Stay with a difficult feeling without acting on it."),
        ):
            day_before = _at(session.scheduled_for - timedelta(days=1), 17)
            with _clock_at(_at(start, 8, 30) if session is first else day_before):
                intention_write(session=session, text=text, actor=user)
                readiness_record(
                    session=session, readiness=Readiness.READY, reason="", actor=therapist
                )
    for session, phq9, readings in (
        (first, [2, 2, 2, 1, 2, 1, 2, 2, 0], ((146, 92, 88), (134, 84, 80), (128, 82, 76))),
        (second, None, ((134, 86, 80), None, (124, 80, 72))),
    ):
        day = session.scheduled_for
        if phq9 is not None:
            with _clock_at(_at(day, 9)):
                _measures(course, user, f"session-{session.number}", phq9)
        with _clock_at(_at(day, 9, 30)):
            _check_in(session, user)
        with _clock_at(_at(day, 10)):
            home_dose_start(session=session, dosed_at=_at(day, 10), actor=user)
        for slot, minutes, values in zip(Slot, (40, 60, 120), readings, strict=True):
            if values is None:  # a settled first reading asks no repeat
                continue
            with _clock_at(_at(day, 10) + timedelta(minutes=minutes)):
                reading_record(
                    session=session,
                    slot=slot,
                    reading=HomeReading(*values, wakes_easily="yes", breathing_normal="yes"),
                    actor=user,
                )
        with _clock_at(_at(day, 12, 30)):
            effect = SideEffect.NAUSEA if session is first else SideEffect.DISSOCIATION
            side_effects_report(session=session, effects=[(effect, Severity.MILD, "")], actor=user)
    if therapist is not None:
        _integrate(first, therapist, user)  # the second's integration is still within its window
    if third.scheduled_for == today:
        with _clock_at(_at(today, 7, 30)):
            _measures(course, user, "session-3", [1, 1, 1, 1, 1, 1, 1, 1, 0])
            _check_in(third, user, alcohol_24h="yes")
    return email
