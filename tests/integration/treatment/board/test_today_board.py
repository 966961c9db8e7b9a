"""The today board: today's sessions with their state, alerts, calls and holds first."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from screening.audit.models import AuditEntry
from tests.factories import make_case, make_patient
from tests.treatment import (
    go_answers,
    make_clinician,
    make_course,
    make_record,
    make_session,
    observe,
)
from treatment.rules import Reading, Setting

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(controlled_clock):
    client = Client()
    client.force_login(make_clinician())
    return client


def course_for(name):
    return make_course(case=make_case(patient=make_patient(given_name=name)))


def rows(client):
    return [
        (row.session.course.patient.given_name, row.state)
        for row in client.get("/treatment/today/").context["rows"]
    ]


def test_it_lists_todays_sessions_with_their_states_urgent_first(board, controlled_clock):
    clock = controlled_clock
    make_session(course_for("Waiting"))
    make_record(course=course_for("Going"))
    make_record(course=course_for("Holding"), answers=go_answers(alcohol_24h="yes"))
    make_record(
        course=course_for("Calling"),
        answers=go_answers(readings=(Reading(190, 100, 80), Reading(185, 100, 80))),
    )
    dosing = make_record(course=course_for("Dosing"), dosed_at=clock.now())
    alarmed = make_record(course=course_for("Alarmed"), dosed_at=clock.now())
    clock.advance(minutes=40)
    observe(dosing, clock.now())
    observe(alarmed, clock.now(), spo2=86)
    make_session(course_for("Tomorrow"), day=clock.now().date() + timedelta(days=1))
    make_session(course_for("AtHome"), setting=Setting.AT_HOME)

    assert rows(board) == [
        ("Alarmed", "dosing"),
        ("Calling", "call"),
        ("Holding", "hold"),
        ("Waiting", "waiting"),
        ("AtHome", "waiting"),
        ("Going", "go"),
        ("Dosing", "dosing"),
    ]
    page = board.get("/treatment/today/").content.decode()
    assert "Emergency protocol" in page
    assert AuditEntry.objects.filter(action="today_viewed").exists()


def test_ready_to_leave_and_discharged_are_shown(board, controlled_clock):
    from tests.integration.treatment.helpers import discharged_record

    discharged_record(controlled_clock, course=course_for("Gone"))
    ready = make_record(course=course_for("Ready"), dosed_at=controlled_clock.now())
    from treatment.clinic.services import escort_set

    for minutes in (40, 70, 100, 120):
        controlled_clock.moment = ready.dosed_at + timedelta(minutes=minutes)
        observe(ready, controlled_clock.now())
    escort_set(record=ready, present=True, actor=ready.created_by)

    assert rows(board) == [("Ready", "ready"), ("Gone", "discharged")]


def test_a_paused_course_leaves_the_board(board):
    from treatment.courses.services import course_status_change

    session = make_session(course_for("Paused"))
    course_status_change(
        course=session.course, action="pause", reason="Flu", actor=make_clinician()
    )

    assert rows(board) == []


def test_it_makes_the_same_number_of_queries_for_one_session_or_many(board, controlled_clock):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert board.get("/treatment/today/").status_code == 200
        return len(captured)

    make_record(course=course_for("First"), dosed_at=controlled_clock.now())
    queries()  # the first page after signing in also renews the session
    one = queries()
    for index in range(6):
        record = make_record(course=course_for(f"P{index}"), dosed_at=controlled_clock.now())
        observe(record, controlled_clock.now(), spo2=85)
        make_session(course_for(f"H{index}"), setting=Setting.AT_HOME)

    assert queries() == one


def home_course_for(name):
    from tests.treatment import make_home_course

    return make_home_course(case=make_case(patient=make_patient(given_name=name)))


def at_home(name, controlled_clock, *, check=None, dosed=False, readings=()):
    from tests.treatment import check_in, make_home_session, read, start_dose
    from treatment.rules import Slot

    session = make_home_session(home_course_for(name))
    if check is not None:
        check_in(session, **check)
    if dosed:
        start_dose(session, at=controlled_clock.now())
        for slot, values in zip((Slot.FIRST, Slot.LAST), readings, strict=False):
            controlled_clock.moment = session.home_dose.dosed_at + timedelta(
                minutes=40 if slot is Slot.FIRST else 120
            )
            read(session, slot, *values)
            controlled_clock.moment = session.home_dose.dosed_at
    return session


def test_at_home_sessions_show_their_check_in_state_holds_and_alerts_first(board, controlled_clock):
    at_home("HomeWaiting", controlled_clock)
    at_home("HomeGo", controlled_clock, check={})
    at_home("HomeHold", controlled_clock, check={"alcohol_24h": "yes"})
    at_home("HomeCall", controlled_clock, check={"behavior": "yes"})
    at_home("HomeDosing", controlled_clock, check={}, dosed=True)
    at_home("HomeDone", controlled_clock, check={}, dosed=True, readings=[(130, 80, 70)] * 2)
    at_home("HomeAlert", controlled_clock, check={}, dosed=True, readings=[(186, 100, 90)])

    assert rows(board) == [
        ("HomeAlert", "dosing"),
        ("HomeCall", "call"),
        ("HomeHold", "hold"),
        ("HomeWaiting", "waiting"),
        ("HomeGo", "go"),
        ("HomeDosing", "dosing"),
        ("HomeDone", "done"),
    ]
    page = board.get("/treatment/today/").content.decode()
    assert "Readings done" in page
    assert "At home, the first reading (about 40 minutes): blood pressure 186/100" in page


def test_an_overdue_reading_at_home_is_marked(board, controlled_clock):
    at_home("Late", controlled_clock, check={}, dosed=True)
    controlled_clock.advance(minutes=46)

    assert "reading overdue" in board.get("/treatment/today/").content.decode()


def test_at_home_rows_cost_no_more_queries_however_many(board, controlled_clock):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert board.get("/treatment/today/").status_code == 200
        return len(captured)

    make_record(course=course_for("Clinic"), dosed_at=controlled_clock.now())
    at_home("First", controlled_clock, check={}, dosed=True, readings=[(130, 80, 70)])
    queries()  # the first page after signing in also renews the session
    one = queries()
    for index in range(5):
        at_home(f"W{index}", controlled_clock)
        at_home(f"H{index}", controlled_clock, check={"alcohol_24h": "yes"})
        at_home(f"D{index}", controlled_clock, check={}, dosed=True, readings=[(190, 95, 70)])
        make_record(course=course_for(f"C{index}"), dosed_at=controlled_clock.now())

    assert queries() == one


def test_a_long_day_comes_in_pages_with_what_is_urgent_on_the_first(
    board, controlled_clock, monkeypatch
):
    monkeypatch.setattr("treatment.board.views.BOARD_PAGE_SIZE", 2)
    for name in ("Waiting1", "Waiting2"):
        make_session(course_for(name))
    alarmed = make_record(course=course_for("Alarmed"), dosed_at=controlled_clock.now())
    controlled_clock.advance(minutes=40)
    observe(alarmed, controlled_clock.now(), spo2=86)

    first = board.get("/treatment/today/")
    second = board.get("/treatment/today/?page=2")
    beyond = board.get("/treatment/today/?page=9")

    assert [row.session.course.patient.given_name for row in first.context["rows"]] == [
        "Alarmed",
        "Waiting1",
    ]
    assert [row.session.course.patient.given_name for row in second.context["rows"]] == ["Waiting2"]
    assert beyond.context["rows"] == second.context["rows"]
    first_html, second_html = first.content.decode(), second.content.decode()
    assert "Sessions (3)" in first_html
    assert "1 to 2 of 3: alerts, calls and holds come first (1 with an alert or a call)." in (
        first_html
    )
    assert 'href="?page=2#sessions"' in first_html
    assert "Emergency protocol" in second_html  # an alert on any page keeps it in view
    assert 'href="?page=1#sessions"' in second_html
    details = list(
        AuditEntry.objects.filter(action="today_viewed").values_list("detail", flat=True)
    )
    assert any("3 sessions (page 2)" in detail for detail in details)
