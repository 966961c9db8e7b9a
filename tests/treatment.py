"""Builders for the course of treatment: courses, sessions, pre-dose checks, records."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from patients.models import User
from patients.roles import Role
from screening.review.models import Case
from screening.rules.answers import Cssrs
from tests.factories import make_case, make_user
from treatment import clock
from treatment.clinic.services import (
    clinic_check_record,
    dose_record,
    observation_record,
    record_ensure,
)
from treatment.courses.services import course_open
from treatment.followup.services import task_open
from treatment.models import FollowUpTask, MonitoringRecord, TreatmentCourse, TreatmentSession
from treatment.rules import PreDoseAnswers, Reading, Setting
from treatment.rules.therapy import Dose, Focus, Route

# A clean in-clinic pre-dose check, as the form posts it.
CHECK_POST: dict[str, str] = {
    "systolic_1": "124",
    "diastolic_1": "78",
    "heart_rate_1": "72",
    "systolic_2": "122",
    "diastolic_2": "76",
    "heart_rate_2": "70",
    "new_medicines": "no",
    "pregnant": "no",
    "wish_dead": "no",
    "suicidal_thoughts": "no",
    "behavior_3_months": "no",
    "alcohol_24h": "no",
    "ate_recently": "no",
    "drank_recently": "no",
    "ride_home": "yes",
    "weight_kg": "70",  # asked only when the route is IV or IM
}
NO_CSSRS = Cssrs(
    wish_dead=False,
    suicidal_thoughts=False,
    method=False,
    intent=False,
    plan=False,
    behavior_3_months=False,
)


def go_answers(setting: Setting = Setting.IN_CLINIC, **changes: Any) -> PreDoseAnswers:
    """Answers that give "go" in `setting`, with `changes`."""
    answers = PreDoseAnswers(
        setting=setting,
        readings=(Reading(124, 78, 72), Reading(122, 76, 70)),
        new_medicines="no",
        medicine_classes=frozenset(),
        pregnancy_relevant=True,
        pregnant="no",
        cssrs=NO_CSSRS,
        alcohol_24h="no",
        ate_recently="no",
        drank_recently="no",
        mood=7 if setting is Setting.AT_HOME else None,
        support_person="yes" if setting is Setting.AT_HOME else None,
        at_address="yes" if setting is Setting.AT_HOME else None,
        ride_home="yes" if setting is Setting.IN_CLINIC else None,
    )
    return answers._replace(**changes)


def make_clinician() -> User:
    return make_user(Role.CLINICIAN)


def make_therapist(email: str | None = None) -> User:
    return make_user(Role.THERAPIST, email)


def assign_therapist(
    course: TreatmentCourse,
    therapist: User | None = None,
    focus: Focus = Focus.DEPRESSION,
    clinician: User | None = None,
) -> User:
    """The course's therapist (a new one unless given), with a focus, through the service."""
    from treatment.therapy.services import course_therapy_set

    therapist = therapist or make_therapist()
    course_therapy_set(
        course=course,
        therapist=therapist,
        focus=focus,
        focus_detail="",
        actor=clinician or course.opened_by or make_clinician(),
    )
    course.refresh_from_db()
    return therapist


def prescribe(
    session: TreatmentSession,
    mg: str = "35.0",
    route: Route = Route.INTRAVENOUS,
    reason: str = "",
    clinician: User | None = None,
) -> Any:
    from treatment.therapy.services import dose_prescribe

    return dose_prescribe(
        session=session,
        dose=Dose(Decimal(mg), route),
        reason=reason,
        actor=clinician or session.course.opened_by or make_clinician(),
    )


def plan_meetings(session: TreatmentSession) -> Any:
    """The preparation and integration of a session, on their default days."""
    from treatment.courses.services import meetings_plan

    return meetings_plan(session=session, today=clock.today())


def make_course(
    case: Case | None = None, setting: Setting = Setting.IN_CLINIC, clinician: User | None = None
) -> TreatmentCourse:
    case = case or make_case(support_person="no")
    return course_open(
        patient=case.patient, setting=setting, actor=clinician or make_clinician(), case=case
    )


def make_session(
    course: TreatmentCourse | None = None,
    day: date | None = None,
    setting: Setting = Setting.IN_CLINIC,
) -> TreatmentSession:
    course = course or make_course()
    number = course.sessions.count() + 1
    return TreatmentSession.objects.create(
        course=course, number=number, scheduled_for=day or clock.today(), setting=setting.value
    )


def make_record(
    course: TreatmentCourse | None = None,
    clinician: User | None = None,
    answers: PreDoseAnswers | None = None,
    dosed_at: datetime | None = None,
    session: TreatmentSession | None = None,
) -> MonitoringRecord:
    """An in-clinic session today with a pre-dose check (go by default); dosed if asked."""
    clinician = clinician or make_clinician()
    session = session or make_session(course)
    clinic_check_record(
        session=session, answers=answers or go_answers(), raw=CHECK_POST, actor=clinician
    )
    record = record_ensure(session=session, actor=clinician)
    if dosed_at is not None:
        record = dose_record(
            record=record,
            medicine="ketamine_iv",
            dose_mg=Decimal("35.0"),
            lot_number="LOT-1",
            dosed_at=dosed_at,
            rems_medications=["none"],
            actor=clinician,
        )
    return record


def observe(
    record: MonitoringRecord, taken_at: datetime, clinician: User | None = None, **changes: Any
) -> Any:
    values: dict[str, Any] = {
        "systolic": 128,
        "diastolic": 80,
        "heart_rate": 76,
        "spo2": 97,
        "moaas": 5,
        "dissociation": "none",
    } | changes
    return observation_record(
        record=record, taken_at=taken_at, actor=clinician or record.created_by, **values
    )


def make_task(course: TreatmentCourse | None = None, minutes: int = 60) -> FollowUpTask:
    course = course or make_course()
    return task_open(
        course=course,
        kind=FollowUpTask.Kind.SUICIDAL_IDEATION,
        source=f"test:{course.pk}:{FollowUpTask.objects.count()}",
        minutes=minutes,
    )


class Clock:
    """A controlled clock for treatment/: set it, move it on."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


# At home -----------------------------------------------------------------------------------

# A check-in that gives "go", as the patient's form posts it.
CHECK_IN_POST: dict[str, str] = {
    "systolic_1": "124",
    "diastolic_1": "78",
    "heart_rate_1": "72",
    "systolic_2": "122",
    "diastolic_2": "76",
    "heart_rate_2": "70",
    "new_medicines": "no",
    "pregnant": "no",
    "alcohol_24h": "no",
    "wish_dead": "no",
    "suicidal_thoughts": "no",
    "behavior": "no",
    "mood": "7",
    "support_person": "yes",
    "at_address": "yes",
    "ate_recently": "no",
    "drank_recently": "no",
    # The questionnaires, asked inside the check-in when they are due before the dose.
    **{f"phq9_{n}": "1" for n in range(1, 9)},
    "phq9_9": "0",
    **{f"gad7_{n}": "1" for n in range(1, 8)},
}


def make_home_course(case: Case | None = None, clinician: User | None = None) -> TreatmentCourse:
    return make_course(case=case or make_case(), setting=Setting.AT_HOME, clinician=clinician)


def make_home_session(
    course: TreatmentCourse | None = None, day: date | None = None
) -> TreatmentSession:
    return make_session(course or make_home_course(), day=day, setting=Setting.AT_HOME)


def check_in(session: TreatmentSession, **changes: Any) -> Any:
    """The patient's check-in through the service; `changes` to the go answers."""
    from treatment.home.forms import CheckInForm
    from treatment.home.measures import due_measure_for
    from treatment.home.services import check_in_record

    form = CheckInForm(CHECK_IN_POST | changes, measures_due=due_measure_for(session))
    assert form.is_valid(), form.errors
    return check_in_record(
        session=session,
        answers=form.answers(),
        raw=form.raw(),
        actor=session.course.patient.user,
        measures=form.measures(),
    )


def start_dose(session: TreatmentSession, at: datetime | None = None) -> Any:
    from treatment.home.services import home_dose_start

    return home_dose_start(
        session=session, dosed_at=at or clock.now(), actor=session.course.patient.user
    )


def read(
    session: TreatmentSession,
    slot: Any,
    systolic: int = 128,
    diastolic: int = 80,
    heart_rate: int = 76,
    wakes_easily: str = "yes",
    breathing_normal: str = "yes",
) -> Any:
    """One after-dose reading; the support person finds the patient awake and breathing well
    unless told otherwise."""
    from treatment.home.services import reading_record
    from treatment.rules import HomeReading

    return reading_record(
        session=session,
        slot=slot,
        reading=HomeReading(systolic, diastolic, heart_rate, wakes_easily, breathing_normal),
        actor=session.course.patient.user,
    )


def discharge_post(hhmm: str, **changes: str) -> dict[str, str]:
    """The discharge form's answers at `hhmm`: an escort, aftercare given, attested."""
    fields = {
        "discharged_at": hhmm,
        "escort_name": "Casey Example",
        "aftercare_given": "on",
        "attest": "on",
    } | changes
    return {f"discharge-{name}": value for name, value in fields.items() if value is not None}


def sign_post(code: str | None = None) -> dict[str, str]:
    """The signing form: attested, with a second-factor code when one is asked."""
    return {"sign-attest": "on", **({"sign-code": code} if code else {})}


# Questionnaires of a course ----------------------------------------------------------------


def _items(total: int, count: int) -> list[int]:
    """`count` item scores (0 to 3) adding up to `total`, filled from the first."""
    items = [min(3, max(0, total - 3 * n)) for n in range(count)]
    assert sum(items) == total, f"{total} does not fit {count} items"
    return items


def add_measures(
    course: TreatmentCourse,
    phq9: int,
    gad7: int,
    at: datetime,
    key: str,
    alerts: list[dict[str, str]] | None = None,
) -> Any:
    """A PHQ-9 and GAD-7 of the course with these totals, answered at `at` (PHQ-9 item 9 at 0)."""
    from treatment.models import MeasureSet

    return MeasureSet.objects.create(
        course=course,
        key=key,
        phq9=[*_items(phq9, 8), 0],
        gad7=_items(gad7, 7),
        phq9_total=phq9,
        gad7_total=gad7,
        phq9_item9=0,
        alerts=alerts or [],
        recorded_by=course.patient.user,
        recorded_at=at,
    )
