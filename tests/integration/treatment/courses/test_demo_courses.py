"""`make run`'s demo: patients in treatment with a session today, in the clinic and at home."""

import pytest

from tests.integration.test_demo_data import run_demo_data
from treatment import clock
from treatment.models import (
    AfterDoseReading,
    HomeDose,
    MeasureSet,
    PreDoseCheck,
    TreatmentCourse,
    TreatmentSession,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_sessions_today_in_the_clinic_and_at_home_and_prints_the_logins():
    output = run_demo_data()
    run_demo_data()

    today = TreatmentSession.objects.filter(scheduled_for=clock.today())
    assert sorted(
        (s.course.patient.user.email, s.setting) for s in today.select_related("course__patient")
    ) == [
        ("jamie@example.com", "at_home"),
        ("riley@example.com", "at_home"),
        ("taylor@example.com", "in_clinic"),
    ]
    assert TreatmentCourse.objects.count() == 3
    assert TreatmentSession.objects.count() == 18
    for email in ("taylor@example.com", "riley@example.com", "jamie@example.com"):
        assert email in output
    assert "/treatment/today/" in output


def test_an_at_home_patient_has_a_check_in_due_today_and_another_a_week_of_history():
    run_demo_data()

    riley = TreatmentSession.objects.get(
        scheduled_for=clock.today(), course__patient__user__email="riley@example.com"
    )
    assert not riley.checks.exists()
    jamie = TreatmentCourse.objects.get(patient__user__email="jamie@example.com")
    assert HomeDose.objects.filter(session__course=jamie).count() == 2
    # A raised first reading in session 1 was read again: 3 readings, then 2.
    assert AfterDoseReading.objects.filter(dose__session__course=jamie).count() == 5
    assert sorted(jamie.measures.values_list("key", flat=True)) == ["session-1", "session-3"]
    latest = PreDoseCheck.objects.filter(session__course=jamie).first()
    assert (latest.session.scheduled_for, latest.outcome) == (clock.today(), "hold")
    assert MeasureSet.objects.count() == 2


def test_the_demo_therapist_has_both_at_home_patients_with_their_therapy():
    from datetime import timedelta

    from patients.models import User
    from treatment.models import IntegrationNote, Intention, PrescribedDose, ReadinessAssessment

    output = run_demo_data()
    run_demo_data()

    therapist = User.objects.get(email="therapist@example.com")
    assigned = TreatmentCourse.objects.filter(therapist=therapist)
    assert sorted(c.patient.user.email for c in assigned) == [
        "jamie@example.com",
        "riley@example.com",
    ]
    assert "therapist@example.com" in output
    jamie = assigned.get(patient__user__email="jamie@example.com")
    assert (jamie.focus, len(jamie.goals)) == ("anger", 3)
    assert Intention.objects.filter(session__course=jamie).count() == 3
    assert ReadinessAssessment.objects.filter(session__course=jamie, readiness="ready").count() == 3
    note = IntegrationNote.objects.get(session__course=jamie)
    assert note.session.number == 1
    assert PrescribedDose.objects.count() == TreatmentSession.objects.count()
    riley = TreatmentSession.objects.get(
        scheduled_for=clock.today(), course__patient__user__email="riley@example.com"
    )
    assert not riley.readiness.exists()  # for the therapist to record
    assert riley.meetings.get(kind="preparation").scheduled_for == clock.today()
    assert riley.meetings.get(kind="integration").scheduled_for == clock.today() + timedelta(1)
