"""A preparation and an integration are session notes: when and how the meeting was held,
for how long, what was discussed; the therapist's caseload marks what needs attention."""

from datetime import timedelta

import pytest

from tests.integration.treatment.therapy.conftest import signed_in
from tests.treatment import check_in, start_dose
from treatment import clock
from treatment.models import IntegrationNote, PreparationNote

pytestmark = pytest.mark.django_db


def meeting(day, **changes):
    return {
        "held_on": day.isoformat(),
        "held_time": "00:05",
        "duration_minutes": "50",
        "modality": "in_person",
        "discussed": "Set and setting; what to do if anxious",
    } | changes


def prefixed(data, prefix="preparation_note"):
    return {f"{prefix}-{key}": value for key, value in data.items()}


def attention(therapist):
    return signed_in(therapist).get("/therapy/").content.decode()


def test_a_preparation_note_records_the_meeting_and_clears_the_caseload_mark(home):
    session, _, therapist = home
    assert "preparation not recorded before the dose" in attention(therapist)

    response = signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/preparation/",
        prefixed(meeting(clock.today(), modality="video", duration_minutes="45")),
    )

    assert response.status_code == 302
    note = PreparationNote.objects.get()
    assert (note.duration_minutes, note.modality, note.written_by) == (45, "video", therapist)
    assert note.held_at.date() == clock.today()
    page = signed_in(therapist).get(f"/therapy/sessions/{session.public_id}/").content.decode()
    assert f"Met {clock.today():%A} {clock.today().day}" in page
    assert "45 minutes, video" in page
    assert "preparation not recorded" not in attention(therapist)


def test_a_preparation_note_asks_the_meeting_in_plain_words(home):
    session, _, therapist = home

    response = signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/preparation/",
        prefixed(meeting(clock.today() + timedelta(days=2), discussed="", modality="")),
    )

    page = response.content.decode()
    assert response.status_code == 400
    for message in (
        "The meeting cannot be in the future.",
        "Choose in person, video or phone.",
        "Write what was discussed.",
    ):
        assert message in page
    assert not PreparationNote.objects.exists()


def test_an_integration_note_shows_the_meetings_date_not_the_plans(home):
    session, _, therapist = home
    check_in(session)
    start_dose(session)
    planned = session.meetings.get(kind="integration").scheduled_for
    met = clock.today()
    assert planned != met

    signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/integration/",
        meeting(met, modality="phone", themes="Work", duration_minutes="30"),
    )

    note = IntegrationNote.objects.get()
    assert (note.held_at.date(), note.modality, note.sections["plan"]) == (met, "phone", "")
    page = signed_in(therapist).get(f"/therapy/sessions/{session.public_id}/").content.decode()
    assert f"Met {met:%A} {met.day} {met:%B %Y}" in page
    assert "30 minutes, phone" in page
    assert "not discussed" in page


def test_the_caseload_marks_a_hold_and_a_missed_integration(controlled_clock, home):
    session, _, therapist = home
    signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/readiness/",
        {"readiness": "not_ready", "reason": "Wants another talk first"},
    )
    assert "is held (not ready)" in attention(therapist)

    signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/readiness/", {"readiness": "ready"}
    )
    check_in(session)
    start_dose(session)
    controlled_clock.advance(days=4)

    page = attention(therapist)
    assert "is held" not in page
    assert "Session 1: integration missed" in page
