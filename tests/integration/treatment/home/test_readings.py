"""After an at-home dose: the time it was taken, readings at 40 minutes and 2 hours."""

from datetime import timedelta

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.treatment import check_in, make_home_session, read, start_dose
from treatment.courses.services import TreatmentError
from treatment.models import AfterDoseReading, FollowUpTask, HomeDose, SessionAlert
from treatment.rules import Slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(controlled_clock):
    session = make_home_session()
    check_in(session)
    return session


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


def page_of(patient, session):
    return patient.get(f"/treatment/mine/sessions/{session.public_id}/").content.decode()


def post_reading(patient, session, slot, systolic, diastolic, heart_rate=80, **answers):
    return patient.post(
        f"/treatment/mine/sessions/{session.public_id}/readings/",
        {
            "slot": slot,
            "systolic": systolic,
            "diastolic": diastolic,
            "heart_rate": heart_rate,
            "wakes_easily": "yes",
            "breathing_normal": "yes",
        }
        | answers,
    )


def test_the_patient_records_when_they_took_the_dose(patient, session, controlled_clock):
    controlled_clock.advance(minutes=10)

    patient.post(f"/treatment/mine/sessions/{session.public_id}/start/", {"time": "09:05"})

    dose = HomeDose.objects.get()
    assert dose.dosed_at == controlled_clock.now() - timedelta(minutes=5)
    assert dose.recorded_by == session.course.patient.user
    assert "due at 09:45" in page_of(patient, session)
    assert AuditEntry.objects.filter(action="home_dose_started").exists()


@pytest.mark.parametrize(
    ("time", "error"),
    [("08:50", "cannot be before your check-in"), ("09:30", "cannot be in the future")],
)
def test_a_dose_time_before_the_check_in_or_in_the_future_is_refused(patient, session, time, error):
    response = patient.post(f"/treatment/mine/sessions/{session.public_id}/start/", {"time": time})

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not HomeDose.objects.exists()


def test_the_session_starts_once(session):
    start_dose(session)

    with pytest.raises(TreatmentError, match="already started"):
        start_dose(session)


def test_a_reading_is_taken_only_when_it_is_due(patient, session, controlled_clock):
    start_dose(session)
    controlled_clock.advance(minutes=30)

    post_reading(patient, session, "first", 130, 82)
    assert not AfterDoseReading.objects.exists()
    controlled_clock.advance(minutes=6)  # 36 minutes: within the 5 minutes' grace of 40
    post_reading(patient, session, "first", 130, 82)

    assert AfterDoseReading.objects.get().level == "settled"
    assert AuditEntry.objects.filter(action="reading_recorded").exists()


def test_a_raised_reading_at_40_minutes_is_expected_and_raises_nothing(
    patient, session, controlled_clock
):
    start_dose(session)
    controlled_clock.advance(minutes=40)

    post_reading(patient, session, "first", 152, 94)

    assert AfterDoseReading.objects.get().level == "raised"
    assert not SessionAlert.objects.exists() and not FollowUpTask.objects.exists()
    assert "common in the first hour" in page_of(patient, session)


def test_a_reading_still_raised_at_2_hours_is_urgent_and_tells_the_patient_what_to_do(
    patient, session, controlled_clock, settings
):
    start_dose(session)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 150, 94)
    controlled_clock.advance(minutes=80)

    post_reading(patient, session, "last", 146, 92)

    assert AfterDoseReading.objects.get(slot="last").level == "still_raised"
    alert = SessionAlert.objects.get()
    assert (alert.session, alert.record) == (session, None)
    task = FollowUpTask.objects.get()
    assert task.kind == "vitals_urgent"
    assert task.due_at - task.created_at <= timedelta(minutes=settings.URGENT_TASK_MINUTES)
    page = page_of(patient, session)
    assert page.index('data-testid="urgent-reading"') < page.index("<h1")
    assert "Your blood pressure is still higher than it should be." in page
    assert 'href="tel:911"' in page


def test_a_crisis_level_reading_at_40_minutes_is_urgent(patient, session, controlled_clock):
    start_dose(session)
    controlled_clock.advance(minutes=40)

    post_reading(patient, session, "first", 184, 104)

    assert AfterDoseReading.objects.get().level == "crisis"
    assert SessionAlert.objects.get().code == "reading_crisis"
    assert 'href="tel:911">911</a> now if you have' in page_of(patient, session)


def test_each_reading_is_taken_once(session, controlled_clock):
    start_dose(session)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST)

    with pytest.raises(TreatmentError, match="already recorded"):
        read(session, Slot.FIRST)


def test_no_reading_before_the_dose(patient, session, controlled_clock):
    response = post_reading(patient, session, "first", 120, 80)

    assert response.status_code == 302
    assert not AfterDoseReading.objects.exists()


def test_a_top_number_below_the_bottom_number_is_refused_in_plain_words(
    patient, session, controlled_clock
):
    start_dose(session)
    controlled_clock.advance(minutes=40)

    response = post_reading(patient, session, "first", 80, 120)

    assert response.status_code == 400
    assert "The top number is always larger than the bottom number." in response.content.decode()
