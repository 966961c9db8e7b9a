"""The course page: schedule sessions (six over three weeks offered), pause or end with a reason."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.treatment import make_clinician, make_course, make_session
from treatment.courses.services import default_schedule
from treatment.models import PrescribedDose, TreatmentSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(controlled_clock):
    client = Client()
    client.force_login(make_clinician())
    course = make_course()
    return client, course, f"/treatment/courses/{course.public_id}/"


def test_the_default_is_six_sessions_over_three_weeks():
    days = default_schedule(date(2026, 3, 10))

    assert len(days) == 6
    assert days[0] == date(2026, 3, 10)
    assert days[-1] - days[0] < timedelta(weeks=3)
    assert len(set(days)) == 6


def test_the_page_offers_the_default_schedule_and_keeps_the_clinicians_dates(page):
    client, _, url = page

    offered = client.get(url).context["schedule_form"]
    assert offered["date_0"].initial == date(2026, 3, 10)
    assert offered["date_5"].initial == date(2026, 3, 30)  # Saturday 28th: the clinic is closed
    assert offered["date_6"].initial is None

    client.post(
        url + "schedule/",
        {
            "dose_mg": "35",
            "route": "intravenous",
            "date_0": "2026-03-11",
            "setting_0": "in_clinic",
            "date_1": "2026-03-13",
            "setting_1": "at_home",
            **{f"setting_{i}": "in_clinic" for i in range(2, 8)},
        },
    )

    sessions = list(TreatmentSession.objects.values_list("number", "scheduled_for", "setting"))
    assert sessions == [
        (1, date(2026, 3, 11), "in_clinic"),
        (2, date(2026, 3, 13), "at_home"),
    ]
    assert AuditEntry.objects.filter(action="sessions_scheduled").exists()
    assert [(p.version, p.dose_mg, p.route) for p in PrescribedDose.objects.all()] == [
        (1, Decimal("35.0"), "intravenous")
    ] * 2


def test_a_date_in_the_past_is_refused_and_nothing_is_saved(page):
    client, _, url = page

    response = client.post(
        url + "schedule/",
        {
            "dose_mg": "35",
            "route": "intravenous",
            "date_0": "2026-03-01",
            **{f"setting_{i}": "in_clinic" for i in range(8)},
        },
    )

    assert response.status_code == 400
    assert "cannot be scheduled in the past" in response.content.decode()
    assert not TreatmentSession.objects.exists()


def test_pausing_and_ending_need_a_reason_and_the_patient_is_told(page):
    client, course, url = page
    patient = Client()
    patient.force_login(course.patient.user)

    refused = client.post(url + "status/", {"action": "pause", "reason": ""})
    assert refused.status_code == 400
    client.post(url + "status/", {"action": "pause", "reason": "Admitted to hospital"})
    course.refresh_from_db()
    assert (course.status, course.status_reason) == ("paused", "Admitted to hospital")
    paused = patient.get("/treatment/mine/").content.decode()
    assert "Your treatment is on hold" in paused
    assert "Please do not take any dose until your clinic tells you" in paused
    assert "Admitted to hospital" not in paused  # the clinician's reason stays with the clinic

    client.post(url + "status/", {"action": "end", "reason": "Remission reached"})
    course.refresh_from_db()
    assert course.status == "ended"
    ended = patient.get("/treatment/mine/").content.decode()
    assert "Your course of treatment has ended" in ended
    assert "Please do not take any more doses" in ended
    assert AuditEntry.objects.filter(action="course_changed").count() == 2


def test_the_patient_sees_their_sessions_in_plain_words(page):
    _, course, _ = page
    make_session(course)
    patient = Client()
    patient.force_login(course.patient.user)

    response = patient.get("/treatment/mine/")

    page_text = response.content.decode()
    assert "Session 1: Tuesday 10 March 2026" in page_text
    assert "at the clinic" in page_text
    assert "in_clinic" not in page_text
    assert AuditEntry.objects.filter(action="treatment_viewed", actor=course.patient.user).exists()


def test_another_patient_sees_nothing_of_the_course(page):
    from tests.factories import make_patient

    _, course, _ = page
    make_session(course)
    other = Client()
    other.force_login(make_patient().user)

    page_text = other.get("/treatment/mine/").content.decode()

    assert "no treatment planned" in page_text
