"""Every session keeps its board state and rank, written by the services that change them:
rebuilt from the source rows they match, and the board's order is the one it had when it
derived every session of the day."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.integration.treatment.board.test_today_board import at_home, course_for
from tests.treatment import (
    assign_therapist,
    go_answers,
    make_clinician,
    make_record,
    make_session,
    observe,
)
from treatment import clock
from treatment.board.selectors import board_counts, today_board
from treatment.checks.selectors import STATE_ORDER
from treatment.checks.services import session_hold_override
from treatment.clinic.services import alerts_acknowledge, discharge_record, escort_set
from treatment.courses.models import TreatmentSession
from treatment.home.missed import readings_watch_now
from treatment.home.services import side_effects_report
from treatment.rules import Reading, Setting, Severity, SideEffect
from treatment.rules.therapy import Readiness
from treatment.sessions.board import board_differences, board_states_rebuild
from treatment.therapy.services import readiness_record

pytestmark = pytest.mark.django_db


def assert_stored_as_derived() -> None:
    """The stored columns equal a rebuild from the source rows, and the stored order is the
    order of the states derived now (alerts first, then by patient and session)."""
    assert board_differences() == {}
    now = clock.now()
    rows = today_board(timezone.localdate(now), now)
    derived = sorted(
        rows,
        key=lambda row: (
            STATE_ORDER["alert" if row.alerts else row.state],
            row.session.course.patient_id,
            row.session.number,
        ),
    )
    assert [row.session.pk for row in rows] == [row.session.pk for row in derived]
    counts = board_counts(timezone.localdate(now))
    assert counts.urgent == sum(row.urgent for row in rows)
    assert counts.alerts == sum(len(row.alerts) for row in rows)


def states() -> dict[str, str]:
    now = clock.now()
    return {
        row.session.course.patient.given_name: ("alert:" if row.alerts else "") + row.state
        for row in today_board(timezone.localdate(now), now)
    }


def test_every_kind_of_write_keeps_the_stored_state_as_its_source_rows_say(controlled_clock):
    clinician = make_clinician()
    make_session(course_for("Waiting"))
    make_record(course=course_for("Going"))
    held = make_record(course=course_for("Holding"), answers=go_answers(alcohol_24h="yes"))
    make_record(
        course=course_for("Calling"),
        answers=go_answers(readings=(Reading(190, 100, 80), Reading(185, 100, 80))),
    )
    assert_stored_as_derived()
    session_hold_override(session=held.session, reason="Assessed", actor=clinician)
    assert states()["Holding"] == "go"
    assert_stored_as_derived()

    ready = make_record(course=course_for("Ready"), dosed_at=controlled_clock.now())
    alarmed = make_record(course=course_for("Alarmed"), dosed_at=controlled_clock.now())
    assert_stored_as_derived()
    for minutes in (40, 70, 100):
        controlled_clock.moment = ready.dosed_at + timedelta(minutes=minutes)
        observe(ready, controlled_clock.now())
        assert_stored_as_derived()
    observe(alarmed, controlled_clock.now(), spo2=86)
    assert states()["Alarmed"] == "alert:dosing"
    assert_stored_as_derived()
    escort_set(record=ready, present=True, actor=ready.created_by)
    assert states()["Ready"] == "dosing"  # not yet the two hours
    assert_stored_as_derived()

    # Ready to leave comes with the clock, and goes when the last observation is too old:
    # no write, and the board's order follows.
    controlled_clock.moment = ready.dosed_at + timedelta(minutes=121)
    assert states()["Ready"] == "ready"
    assert_stored_as_derived()
    controlled_clock.moment = ready.dosed_at + timedelta(minutes=131)
    assert states()["Ready"] == "dosing"
    assert_stored_as_derived()
    controlled_clock.moment = ready.dosed_at + timedelta(minutes=125)
    discharge_record(record=ready, actor=clinician, escort_name="A friend")
    assert states()["Ready"] == "discharged"
    assert_stored_as_derived()
    alerts_acknowledge(session=alarmed.session, actor=clinician)
    assert states()["Alarmed"] == "dosing"
    assert_stored_as_derived()


def test_at_home_writes_and_a_therapists_readiness_keep_it_too(controlled_clock):
    clinician = make_clinician()
    waiting = at_home("HomeWaiting", controlled_clock)
    at_home("HomeGo", controlled_clock, check={})
    at_home("HomeHold", controlled_clock, check={"alcohol_24h": "yes"})
    at_home("HomeCall", controlled_clock, check={"behavior": "yes"})
    dosing = at_home("HomeDosing", controlled_clock, check={}, dosed=True)
    at_home("HomeDone", controlled_clock, check={}, dosed=True, readings=[(130, 80, 70)] * 2)
    at_home("HomeAlert", controlled_clock, check={}, dosed=True, readings=[(186, 100, 90)])
    assert_stored_as_derived()

    therapist = assign_therapist(waiting.course)
    readiness_record(
        session=waiting,
        readiness=Readiness.NOT_READY,
        reason="Unsettled this week",
        actor=therapist,
    )
    assert states()["HomeWaiting"] == "hold"
    assert_stored_as_derived()
    session_hold_override(session=waiting, reason="Spoke with the patient", actor=clinician)
    assert states()["HomeWaiting"] == "waiting"
    assert_stored_as_derived()

    # A severe side effect is an adverse event: an alert, to the top.
    done = TreatmentSession.objects.get(course__patient__given_name="HomeDone")
    side_effects_report(
        session=done,
        effects=[(SideEffect.NAUSEA, Severity.SEVERE, "")],
        actor=done.course.patient.user,
    )
    assert states()["HomeDone"] == "alert:done"
    assert_stored_as_derived()

    # A reading that did not come opens an alert, from the watch and not from a page.
    controlled_clock.moment = dosing.home_dose.dosed_at + timedelta(hours=1)
    readings_watch_now()
    assert states()["HomeDosing"] == "alert:dosing"
    assert_stored_as_derived()


def test_the_rebuild_repairs_what_a_bulk_load_left(controlled_clock):
    make_record(course=course_for("Going"))
    alarmed = make_record(course=course_for("Alarmed"), dosed_at=controlled_clock.now())
    controlled_clock.advance(minutes=40)
    observe(alarmed, controlled_clock.now(), spo2=86)
    at_home("HomeCall", controlled_clock, check={"behavior": "yes"})
    TreatmentSession.objects.update(
        board_state="waiting", board_rank=3, board_ready_from=None, board_ready_until=None
    )
    assert len(board_differences()) == 3

    out = StringIO()
    call_command("board_states_rebuild", stdout=out)

    assert out.getvalue().strip() == "3 sessions corrected"
    assert_stored_as_derived()
    assert board_states_rebuild() == 0
    assert states() == {"Alarmed": "alert:dosing", "HomeCall": "call", "Going": "go"}


def test_a_session_of_another_day_keeps_its_state_off_todays_board(controlled_clock):
    tomorrow = make_session(
        course_for("Tomorrow"), day=clock.today() + timedelta(days=1), setting=Setting.AT_HOME
    )
    assert_stored_as_derived()
    assert states() == {}
    assert TreatmentSession.objects.get(pk=tomorrow.pk).board_state == "waiting"
