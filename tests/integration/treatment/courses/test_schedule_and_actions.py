"""Scheduling skips the days the clinic is closed (its closed dates and the weekdays it does
not open, for in-clinic sessions); doses read as whole numbers where they are; the course page
offers only the changes that apply to the course."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from config.env import env_dates
from tests.treatment import make_clinician, make_course
from treatment.courses.services import TreatmentError, default_schedule, sessions_schedule
from treatment.models import PrescribedDose, TreatmentSession
from treatment.rules import Setting
from treatment.rules.therapy import Dose, Route

pytestmark = pytest.mark.django_db

CHRISTMAS = date(2026, 3, 17)  # a Tuesday the clinic is closed in these tests


@pytest.fixture(autouse=True)
def clinic_calendar(settings):
    settings.CLINIC_OPEN_DAYS = frozenset(range(5))  # Monday to Friday
    settings.CLINIC_CLOSED_DATES = frozenset({CHRISTMAS})


@pytest.fixture
def page(controlled_clock):  # today: Tuesday 10 March 2026
    client = Client()
    client.force_login(make_clinician())
    course = make_course()
    return client, course, f"/treatment/courses/{course.public_id}/"


def _schedule(**dates: str) -> dict[str, str]:
    data = {"dose_mg": "200", "route": "sublingual"}
    data |= {f"setting_{i}": "in_clinic" for i in range(8)}
    return data | dates


def test_the_closed_dates_setting_is_read_as_iso_dates(monkeypatch):
    monkeypatch.setenv("CLINIC_CLOSED_DATES", "2026-12-25, 2027-01-01")
    assert env_dates("CLINIC_CLOSED_DATES") == {date(2026, 12, 25), date(2027, 1, 1)}
    monkeypatch.setenv("CLINIC_CLOSED_DATES", "25/12/2026")
    with pytest.raises(ImproperlyConfigured, match="YYYY-MM-DD"):
        env_dates("CLINIC_CLOSED_DATES")


def test_the_offered_in_clinic_schedule_skips_closed_dates_and_weekends():
    days = default_schedule(date(2026, 3, 10), setting=Setting.IN_CLINIC)

    assert len(days) == len(set(days)) == 6
    assert CHRISTMAS not in days
    assert all(day.weekday() < 5 for day in days)
    assert days == sorted(days)
    # At home the patient doses where they live: the same dates as before.
    assert date(2026, 3, 14) in default_schedule(date(2026, 3, 10), setting=Setting.AT_HOME)


def test_the_course_page_offers_only_open_days(page):
    client, _, url = page

    form = client.get(url).context["schedule_form"]

    offered = [form[f"date_{i}"].initial for i in range(6)]
    assert CHRISTMAS not in offered
    assert all(day.weekday() < 5 for day in offered)


def test_a_closed_date_typed_by_hand_is_refused_beside_its_field(page):
    client, _, url = page

    response = client.post(url + "schedule/", _schedule(date_0="2026-03-11", date_1="2026-03-17"))

    assert response.status_code == 400
    form = response.context["schedule_form"]
    assert form.errors["date_1"] == [
        "The clinic is closed on Tuesday 17 March 2026: "
        "choose another day, or hold this session at home."
    ]
    assert "date_0" not in form.errors
    assert not TreatmentSession.objects.exists()


def test_a_weekend_in_the_clinic_is_refused_but_at_home_is_not(page):
    client, _, url = page

    refused = client.post(url + "schedule/", _schedule(date_0="2026-03-14"))
    assert refused.status_code == 400
    assert refused.context["schedule_form"].errors["date_0"] == [
        "The clinic is closed on Saturdays: choose another day, or hold this session at home."
    ]

    client.post(url + "schedule/", _schedule(date_0="2026-03-14", setting_0="at_home"))
    assert list(TreatmentSession.objects.values_list("scheduled_for", "setting")) == [
        (date(2026, 3, 14), "at_home")
    ]


def test_the_service_refuses_a_closed_day_too(page):
    _, course, _ = page

    with pytest.raises(TreatmentError, match="closed on Tuesday 17 March 2026"):
        sessions_schedule(
            course=course,
            rows=[(CHRISTMAS, Setting.IN_CLINIC)],
            dose=Dose(Decimal(200), Route.SUBLINGUAL),
            actor=make_clinician(),
        )
    assert not TreatmentSession.objects.exists()


def test_doses_read_as_whole_numbers_on_the_page_and_the_form(page):
    client, _, url = page
    client.post(url + "schedule/", _schedule(date_0="2026-03-11", date_1="2026-03-12"))
    assert PrescribedDose.objects.count() == 2

    response = client.get(url)

    text = response.content.decode()
    assert "200 mg sublingual" in text
    assert "200.0" not in text
    form = response.context["schedule_form"]
    assert form["dose_mg"].value() == "200"  # the latest prescription, offered again
    assert 'value="200"' in text

    client.post(url + "schedule/", _schedule(dose_mg="12.5", date_0="2026-03-13"))
    assert "12.5 mg sublingual" in client.get(url).content.decode()


def _status_choices(client: Client, url: str) -> list[str]:
    form = client.get(url).context["status_form"]
    return [value for value, _ in form.fields["action"].choices]


def test_only_the_changes_that_apply_are_offered(page):
    client, course, url = page

    assert _status_choices(client, url) == ["pause", "end"]
    assert "Resume the course" not in client.get(url).content.decode()

    client.post(url + "status/", {"action": "pause", "reason": "Travelling"})
    assert _status_choices(client, url) == ["resume", "end"]
    paused = client.get(url).content.decode()
    assert "Pause the course" not in paused
    assert "Resume or end" in paused

    client.post(url + "status/", {"action": "end", "reason": "Remission reached"})
    ended = client.get(url).content.decode()
    assert 'data-testid="course-status-change"' not in ended
    assert "End the course" not in ended
    course.refresh_from_db()
    assert course.status == "ended"


def test_a_change_that_does_not_apply_is_refused_beside_its_field(page):
    client, course, url = page

    response = client.post(url + "status/", {"action": "resume", "reason": "Back"})

    assert response.status_code == 400
    assert response.context["status_form"].errors["action"] == [
        "Choose one of the changes offered."
    ]
    course.refresh_from_db()
    assert course.status == "open"
