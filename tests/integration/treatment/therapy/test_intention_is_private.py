"""The patient's intention for a session is read by the patient and their therapist only."""

import pytest

from screening.audit.models import AuditEntry
from tests.factories import make_patient
from tests.integration.treatment.therapy.conftest import signed_in
from tests.treatment import check_in, make_therapist, start_dose
from treatment.models import Intention

pytestmark = pytest.mark.django_db

INTENTION = "Zq-intention: to let go of the anger at my father"


def write(session, text=INTENTION):
    return signed_in(session.course.patient.user).post(
        f"/treatment/mine/sessions/{session.public_id}/therapy/intention/", {"text": text}
    )


def test_the_patient_writes_it_and_their_therapist_reads_it(home):
    session, _, therapist = home

    response = write(session)

    assert response.status_code == 302
    mine = signed_in(session.course.patient.user).get(
        f"/treatment/mine/sessions/{session.public_id}/therapy/"
    )
    assert INTENTION in mine.content.decode()
    assert "Only you and your therapist read it." in mine.content.decode()
    page = signed_in(therapist).get(f"/therapy/sessions/{session.public_id}/").content.decode()
    assert INTENTION in page
    assert "Read by the patient and you only" in page
    entry = AuditEntry.objects.filter(action="intention_written").get()
    assert (entry.actor, entry.case) == (session.course.patient.user, session.course.case)
    assert INTENTION not in entry.detail


def test_clinicians_never_read_it(home):
    session, clinician, _ = home
    write(session)
    client = signed_in(clinician)

    pages = [
        f"/treatment/sessions/{session.public_id}/",
        f"/treatment/courses/{session.course.public_id}/",
        "/treatment/today/",
    ]

    for url in pages:
        assert "Zq-intention" not in client.get(url).content.decode(), url
    assert "read by the patient and their therapist only" in client.get(pages[0]).content.decode()


def test_another_therapist_or_patient_finds_nothing(home):
    session, _, _ = home
    write(session)

    stranger = signed_in(make_therapist())
    other = signed_in(make_patient().user)

    assert stranger.get(f"/therapy/sessions/{session.public_id}/").status_code == 404
    assert other.get(f"/treatment/mine/sessions/{session.public_id}/therapy/").status_code == 404
    assert (
        other.post(
            f"/treatment/mine/sessions/{session.public_id}/therapy/intention/", {"text": "x"}
        ).status_code
        == 404
    )
    assert Intention.objects.count() == 1


def test_a_new_intention_supersedes_until_the_session_starts(home):
    session, _, therapist = home
    write(session, "First thought")
    write(session, "Second thought")
    check_in(session)
    start_dose(session)

    late = write(session, "Too late")

    assert late.status_code == 400
    assert "can no longer change" in late.content.decode()
    page = signed_in(therapist).get(f"/therapy/sessions/{session.public_id}/").content.decode()
    assert "Second thought" in page and "First thought" not in page


def test_an_empty_intention_gets_a_clear_error(home):
    session, _, _ = home

    response = write(session, "   ")

    assert response.status_code == 400
    assert "Write your intention." in response.content.decode()
    assert not Intention.objects.exists()
