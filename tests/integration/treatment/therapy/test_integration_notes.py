"""After each dose the therapist writes a structured note from the template of the course's
focus; the patient may add a reflection; a missed integration shows on the board."""

import pytest

from screening.audit.models import AuditEntry
from tests.integration.treatment.therapy.conftest import signed_in, therapy_session
from tests.treatment import check_in, start_dose
from treatment import clock
from treatment.models import IntegrationNote, Reflection
from treatment.rules.therapy import Focus

pytestmark = pytest.mark.django_db

ANGER_NOTE = {
    "themes": "Old arguments at work",
    "insights": "Anger starts as feeling unheard",
    "skills": "Paced breathing",
    "triggers_regulation": "Being interrupted; pause before answering",
    "plan": "Practise the pause twice a day",
}


def dosed(session):
    check_in(session)
    start_dose(session)
    return session


MEETING = {
    "held_on": "2026-03-01",
    "held_time": "00:01",
    "duration_minutes": "50",
    "modality": "video",
    "discussed": "How the week after the dose went",
}


def write_note(therapist, session, **changes):
    held_on = clock.today().isoformat()
    return signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/integration/",
        MEETING | {"held_on": held_on} | ANGER_NOTE | changes,
    )


def test_the_note_follows_the_template_of_the_courses_focus(home):
    session, _, therapist = home
    dosed(session)
    client = signed_in(therapist)

    form = client.get(f"/therapy/sessions/{session.public_id}/").content.decode()
    response = write_note(therapist, session)

    assert "Triggers and emotional regulation" in form
    assert response.status_code == 302
    note = IntegrationNote.objects.get()
    assert (note.version, note.focus, note.written_by) == (1, "anger", therapist)
    assert note.sections == ANGER_NOTE
    assert note.discussed == "How the week after the dose went"
    entry = AuditEntry.objects.filter(action="integration_recorded").get()
    assert (entry.actor, entry.case) == (therapist, session.course.case)


def test_another_focus_asks_its_own_part(controlled_clock):
    session, _, therapist = therapy_session(controlled_clock, focus=Focus.SUBSTANCE_RECOVERY)
    dosed(session)

    page = signed_in(therapist).get(f"/therapy/sessions/{session.public_id}/").content.decode()

    assert "Recovery supports" in page
    assert "Triggers and emotional regulation" not in page


def test_a_part_left_empty_was_not_discussed(home):
    session, _, therapist = home
    dosed(session)

    response = write_note(therapist, session, skills="", plan="")

    assert response.status_code == 302
    note = IntegrationNote.objects.get()
    assert (note.sections["skills"], note.duration_minutes, note.modality) == ("", 50, "video")
    page = signed_in(therapist).get(f"/therapy/sessions/{session.public_id}/").content.decode()
    assert "not discussed" in page


def test_a_note_without_anything_discussed_is_refused_and_what_was_typed_is_kept(home):
    session, _, therapist = home
    dosed(session)

    response = write_note(
        therapist, session, discussed="", **dict.fromkeys(ANGER_NOTE, ""), duration_minutes="45"
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Write what was discussed, or at least one part." in page
    assert 'value="45"' in page
    assert not IntegrationNote.objects.exists()


def test_a_correction_is_a_new_version_and_both_are_kept(home):
    session, clinician, therapist = home
    dosed(session)
    write_note(therapist, session)

    write_note(therapist, session, plan="Practise the pause three times a day")

    assert list(IntegrationNote.objects.values_list("version", flat=True)) == [2, 1]
    page = signed_in(clinician).get(f"/treatment/sessions/{session.public_id}/").content.decode()
    assert "Practise the pause three times a day" in page
    assert "(version 2)" in page


def test_integration_comes_after_the_dose(home):
    session, _, therapist = home

    response = write_note(therapist, session)

    assert "Integration follows the dose" in response.content.decode()
    assert not IntegrationNote.objects.exists()


def test_the_patients_reflection_after_the_dose_reaches_the_therapist_and_the_clinic(home):
    session, clinician, therapist = home
    patient = signed_in(session.course.patient.user)
    url = f"/treatment/mine/sessions/{session.public_id}/therapy/"

    early = patient.post(url + "reflection/", {"text": "Before"})
    dosed(session)
    patient.post(url + "reflection/", {"text": "Felt calmer at work the next day"})

    assert early.status_code == 400
    assert list(Reflection.objects.values_list("text", flat=True)) == [
        "Felt calmer at work the next day"
    ]
    for client, page in (
        (signed_in(therapist), f"/therapy/sessions/{session.public_id}/"),
        (signed_in(clinician), f"/treatment/sessions/{session.public_id}/"),
        (patient, url),
    ):
        assert "Felt calmer at work the next day" in client.get(page).content.decode()
    assert AuditEntry.objects.filter(action="reflection_written").count() == 1


def test_a_missed_integration_shows_on_the_board_until_the_note_is_written(controlled_clock, home):
    session, clinician, therapist = home
    dosed(session)
    board = signed_in(clinician)

    controlled_clock.advance(days=3)
    assert "integration missed" not in board.get("/treatment/today/").content.decode()
    controlled_clock.advance(days=1)
    page = board.get("/treatment/today/").content.decode()
    assert "integration missed" in page
    assert "Robin" in page
    assert "missed" in board.get(f"/treatment/courses/{session.course.public_id}/").content.decode()

    write_note(therapist, session)

    assert "integration missed" not in board.get("/treatment/today/").content.decode()


def test_a_dose_never_given_has_no_missed_integration(controlled_clock, home):
    _, clinician, _ = home

    controlled_clock.advance(days=10)

    assert (
        "integration missed" not in signed_in(clinician).get("/treatment/today/").content.decode()
    )


def test_the_therapist_moves_the_integration_within_its_window(home):
    session, _, therapist = home
    client = signed_in(therapist)
    url = f"/therapy/sessions/{session.public_id}/day/"

    moved = client.post(url, {"kind": "integration", "integration-day": "2026-03-12"})
    outside = client.post(url, {"kind": "integration", "integration-day": "2026-03-20"})

    assert moved.status_code == 302
    assert session.meetings.get(kind="integration").scheduled_for.isoformat() == "2026-03-12"
    assert outside.status_code == 400
    assert "within 3 days after the dose" in outside.content.decode()
    assert AuditEntry.objects.filter(action="meeting_moved").count() == 1


def test_an_old_missed_integration_leaves_the_board_but_stays_on_the_course_page(
    controlled_clock, home
):
    session, clinician, _ = home
    dosed(session)
    board = signed_in(clinician)

    controlled_clock.advance(days=3 + 14)
    assert "integration missed" in board.get("/treatment/today/").content.decode()
    controlled_clock.advance(days=1)

    assert "integration missed" not in board.get("/treatment/today/").content.decode()
    course = board.get(f"/treatment/courses/{session.course.public_id}/").content.decode()
    assert 'data-testid="integration-missed"' in course
