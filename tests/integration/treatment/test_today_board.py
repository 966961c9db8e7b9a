"""The today board: today's sessions with their state, alerts, calls and holds first."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from screening.models import AuditEntry
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
    from treatment.services import escort_set

    for minutes in (40, 70, 100, 120):
        controlled_clock.moment = ready.dosed_at + timedelta(minutes=minutes)
        observe(ready, controlled_clock.now())
    escort_set(record=ready, present=True, actor=ready.created_by)

    assert rows(board) == [("Ready", "ready"), ("Gone", "discharged")]


def test_a_paused_course_leaves_the_board(board):
    from treatment.services import course_status_change

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
    one = queries()
    for index in range(6):
        record = make_record(course=course_for(f"P{index}"), dosed_at=controlled_clock.now())
        observe(record, controlled_clock.now(), spo2=85)
        make_session(course_for(f"H{index}"), setting=Setting.AT_HOME)

    assert queries() == one
