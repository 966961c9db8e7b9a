"""The today board, an alert and a task carry whom to call: the patient's and the support
person's phone as tel: links, and the session address; an at-home row opens the session,
not the check-in, once the dose is taken."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from patients.models import Patient
from tests.factories import make_case, make_patient
from tests.integration.treatment.board.test_today_board import at_home, course_for
from tests.treatment import make_clinician, make_record, make_task, observe

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(controlled_clock):
    client = Client()
    client.force_login(make_clinician())
    return client


def test_each_board_row_shows_the_phones_as_links_and_the_home_address(board, controlled_clock):
    session = at_home("Homer", controlled_clock, check={})
    Patient.objects.filter(pk=session.course.patient_id).update(phone="(555) 010-0199")

    page = board.get("/treatment/today/").content.decode()

    assert 'href="tel:5550100199"' in page  # the patient
    assert 'href="tel:5550100101"' in page  # the support person
    assert "Casey Example" in page
    assert "12 Elm Street, Springfield" in page


def test_an_at_home_row_says_open_session_once_the_dose_is_taken(board, controlled_clock):
    at_home("Waiting", controlled_clock, check={})
    at_home("Dosing", controlled_clock, check={}, dosed=True)
    at_home("Done", controlled_clock, check={}, dosed=True, readings=[(130, 80, 70)] * 2)

    rows = board.get("/treatment/today/").context["rows"]
    page = board.get("/treatment/today/").content.decode()

    labels = {row.session.course.patient.given_name: row.home.dose is not None for row in rows}
    assert labels == {"Waiting": False, "Dosing": True, "Done": True}
    assert page.count(">Open session<") == 2
    assert page.count(">Open check-in<") == 1


def test_the_contacts_cost_one_query_however_many_rows(board, controlled_clock):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert board.get("/treatment/today/").status_code == 200
        return len(captured)

    at_home("First", controlled_clock, check={})
    queries()  # the first page after signing in also renews the session
    one = queries()
    for index in range(5):
        at_home(f"H{index}", controlled_clock, check={})
        make_record(course=course_for(f"C{index}"), dosed_at=controlled_clock.now())

    assert queries() == one


def test_an_alert_on_the_session_page_shows_whom_to_call(board, controlled_clock):
    from datetime import timedelta

    record = make_record(course=course_for("Alarmed"), dosed_at=controlled_clock.now())
    controlled_clock.moment = record.dosed_at + timedelta(minutes=40)
    observe(record, controlled_clock.now(), spo2=85)

    page = board.get(f"/treatment/sessions/{record.session.public_id}/").content.decode()

    assert 'data-testid="session-alert"' in page
    assert 'href="tel:5550100101"' in page


def test_a_follow_up_task_shows_the_phones_and_the_address(board):
    patient = make_patient(given_name="Tasked")
    Patient.objects.filter(pk=patient.pk).update(phone="555 010 0142")
    from tests.treatment import make_home_course

    task = make_task(make_home_course(case=make_case(patient=patient)))

    page = board.get(f"/treatment/tasks/{task.public_id}/").content.decode()

    assert 'href="tel:5550100142"' in page
    assert 'href="tel:5550100101"' in page
    assert "12 Elm Street, Springfield" in page
