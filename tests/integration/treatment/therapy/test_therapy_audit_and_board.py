"""Every therapy read and write is audited with the case; the board's therapy rows cost
no more queries however many there are."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from screening.audit.models import AuditEntry
from tests.integration.treatment.therapy.conftest import signed_in, therapy_session
from tests.treatment import check_in, start_dose

pytestmark = pytest.mark.django_db


def test_each_therapist_page_and_write_is_audited_with_the_case(home):
    session, _, therapist = home
    course = session.course
    client = signed_in(therapist)
    base = f"/therapy/sessions/{session.public_id}/"
    steps = [
        ("get", "/therapy/", {}, "caseload_viewed", None),
        ("get", f"/therapy/courses/{course.public_id}/", {}, "course_viewed", course.case),
        ("get", f"/therapy/courses/{course.public_id}/intake/", {}, "case_viewed", course.case),
        ("get", base, {}, "session_viewed", course.case),
        ("post", base + "readiness/", {"readiness": "ready"}, "readiness_recorded", course.case),
        (
            "post",
            base + "day/",
            {"kind": "preparation", "preparation-day": "2026-03-10"},
            "meeting_moved",
            course.case,
        ),
    ]

    for method, url, data, action, case in steps:
        before = AuditEntry.objects.count()
        getattr(client, method)(url, data)
        entry = AuditEntry.objects.first()
        assert AuditEntry.objects.count() == before + 1, url
        assert (entry.action, entry.actor, entry.case) == (action, therapist, case), url


def test_each_patient_therapy_page_and_write_is_audited(home):
    session, _, _ = home
    course = session.course
    patient = signed_in(course.patient.user)
    base = f"/treatment/mine/sessions/{session.public_id}/therapy/"
    steps = [
        ("get", "/treatment/mine/goals/", {}, "treatment_viewed"),
        ("post", "/treatment/mine/goals/", {"goal_1": "Sleep"}, "goals_written"),
        ("get", base, {}, "treatment_viewed"),
        ("post", base + "intention/", {"text": "Let go"}, "intention_written"),
    ]

    for method, url, data, action in steps:
        before = AuditEntry.objects.count()
        getattr(patient, method)(url, data)
        entry = AuditEntry.objects.first()
        assert AuditEntry.objects.count() == before + 1, url
        assert (entry.action, entry.case) == (action, course.case), url


def test_the_boards_therapy_rows_cost_no_more_queries_however_many(controlled_clock):
    from tests.treatment import make_clinician

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert board.get("/treatment/today/").status_code == 200
        return len(captured)

    def patient(name, *, held=False, missed=False):
        day = date(2026, 3, 20) if held else None  # still to come when the board is read
        session, _, therapist = therapy_session(controlled_clock, name=name, day=day)
        if held:
            signed_in(therapist).post(
                f"/therapy/sessions/{session.public_id}/readiness/",
                {"readiness": "not_ready", "reason": "Not yet"},
            )
        if missed:
            check_in(session)
            start_dose(session)

    board = signed_in(make_clinician())
    patient("First", held=True)
    patient("Dosed", missed=True)
    moment = controlled_clock.moment
    controlled_clock.advance(days=5)
    queries()  # the first page after signing in also renews the session
    one = queries()
    controlled_clock.moment = moment
    for index in range(4):
        patient(f"H{index}", held=True)
        patient(f"M{index}", missed=True)
    controlled_clock.advance(days=5)

    response = board.get("/treatment/today/")
    assert len(response.context["therapy"].missed) == 5
    assert len(response.context["therapy"].holds) == 5
    assert queries() == one


def test_the_board_lists_the_longest_missed_integrations_and_counts_the_rest(
    controlled_clock, monkeypatch
):
    from tests.treatment import make_clinician

    monkeypatch.setattr("treatment.board.selectors.MISSED_LISTED", 2)
    for index in range(3):
        session, _, _ = therapy_session(controlled_clock, name=f"M{index}")
        check_in(session)
        start_dose(session)
        controlled_clock.advance(days=1)
    controlled_clock.advance(days=3)

    response = signed_in(make_clinician()).get("/treatment/today/")

    therapy = response.context["therapy"]
    assert [m.session.course.patient.given_name for m in therapy.missed] == ["M0", "M1"]
    assert (therapy.missed_count, therapy.missed_more) == (3, 1)
    assert "And 1 more missed integration: each shows on its course page." in (
        response.content.decode()
    )


def test_the_board_lists_the_soonest_holds_and_counts_the_rest(controlled_clock, monkeypatch):
    from tests.treatment import make_clinician

    monkeypatch.setattr("treatment.board.selectors.HOLDS_LISTED", 2)
    for index, day in enumerate((date(2026, 3, 22), date(2026, 3, 20), date(2026, 3, 21))):
        session, _, therapist = therapy_session(controlled_clock, name=f"H{index}", day=day)
        signed_in(therapist).post(
            f"/therapy/sessions/{session.public_id}/readiness/",
            {"readiness": "not_ready", "reason": "Not yet"},
        )

    response = signed_in(make_clinician()).get("/treatment/today/")

    therapy = response.context["therapy"]
    assert [r.session.course.patient.given_name for r in therapy.holds] == ["H1", "H2"]
    assert (therapy.holds_count, therapy.holds_more) == (3, 1)
    page = response.content.decode()
    assert "Therapy: not ready (3)" in page
    assert "And 1 more session held by a therapist" in page


def test_only_a_standing_not_ready_is_a_hold_on_the_board(controlled_clock):
    """The latest readiness of a session stands: a later "ready" lifts the hold, and so does
    a clinician's override; a "not ready" after a "ready" holds again."""
    from tests.treatment import make_clinician
    from treatment.board.selectors import board_therapy
    from treatment.checks.services import session_hold_override
    from treatment.rules.therapy import Readiness
    from treatment.therapy.services import readiness_record

    clinician = make_clinician()
    sessions = {}
    for index, name in enumerate(("Lifted", "Overridden", "HeldAgain", "Held")):
        session, _, therapist = therapy_session(
            controlled_clock, name=name, day=date(2026, 3, 20 + index)
        )
        sessions[name] = session
        readiness_record(
            session=session, readiness=Readiness.NOT_READY, reason="Not yet", actor=therapist
        )
        controlled_clock.advance(minutes=1)
        if name in ("Lifted", "HeldAgain"):
            readiness_record(session=session, readiness=Readiness.READY, reason="", actor=therapist)
            controlled_clock.advance(minutes=1)
        if name == "HeldAgain":
            readiness_record(
                session=session, readiness=Readiness.NOT_READY, reason="Again", actor=therapist
            )
        if name == "Overridden":
            session_hold_override(session=session, reason="Spoke with them", actor=clinician)

    therapy = board_therapy(date(2026, 3, 10))

    assert [r.session.course.patient.given_name for r in therapy.holds] == ["HeldAgain", "Held"]
    assert [r.reason for r in therapy.holds] == ["Again", "Not yet"]
    assert therapy.holds_count == 2
