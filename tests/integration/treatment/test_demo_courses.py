"""`make run`'s demo: patients in treatment with a session today, one of them in the clinic."""

import pytest

from tests.integration.test_demo_data import run_demo_data
from treatment import clock
from treatment.models import TreatmentCourse, TreatmentSession

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_in_clinic_patient_with_a_session_today_and_prints_the_login():
    output = run_demo_data()
    run_demo_data()

    today = TreatmentSession.objects.filter(scheduled_for=clock.today())
    assert sorted(
        (s.course.patient.user.email, s.setting) for s in today.select_related("course__patient")
    ) == [("riley@example.com", "at_home"), ("taylor@example.com", "in_clinic")]
    assert TreatmentCourse.objects.count() == 2
    assert TreatmentSession.objects.count() == 12
    assert "taylor@example.com" in output
    assert "/treatment/today/" in output
