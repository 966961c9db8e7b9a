"""A clinician assigns the therapist and sets the focus; the patient writes up to three
goals; both show on every session page."""

import pytest

from screening.audit.models import AuditEntry
from tests.factories import make_case
from tests.integration.treatment.therapy.conftest import signed_in
from tests.treatment import make_clinician, make_home_course, make_home_session, make_therapist
from treatment.models import CourseEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(controlled_clock):
    return make_home_course(case=make_case())


def test_a_clinician_assigns_the_therapist_and_sets_the_focus(course):
    clinician = make_clinician()
    therapist = make_therapist()
    client = signed_in(clinician)
    url = f"/treatment/courses/{course.public_id}/"

    offered = client.get(url).content.decode()
    response = client.post(url + "therapy/", {"therapist": therapist.pk, "focus": "anger"})

    assert "Assign a therapist and set the focus" in offered
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.therapist, course.focus) == (therapist, "anger")
    event = course.events.filter(action=CourseEvent.Action.THERAPY).get()
    assert "therapist" in event.reason and "focus anger" in event.reason
    entry = AuditEntry.objects.filter(action="course_therapy_set").get()
    assert (entry.actor, entry.case) == (clinician, course.case)


def test_only_a_therapist_of_the_clinic_may_be_assigned(course):
    client = signed_in(make_clinician())

    response = client.post(
        f"/treatment/courses/{course.public_id}/therapy/",
        {"therapist": make_clinician().pk, "focus": "depression"},
    )

    assert response.status_code == 400
    course.refresh_from_db()
    assert course.therapist is None


def test_other_needs_its_words(course):
    client = signed_in(make_clinician())
    url = f"/treatment/courses/{course.public_id}/therapy/"

    refused = client.post(url, {"focus": "other", "focus_detail": ""})
    kept = client.post(url, {"focus": "other", "focus_detail": "Grief after a loss"})

    assert refused.status_code == 400
    assert "Say what the focus is." in refused.content.decode()
    assert kept.status_code == 302
    course.refresh_from_db()
    assert (course.focus, course.focus_detail, course.therapist) == (
        "other",
        "Grief after a loss",
        None,
    )


def test_the_patient_writes_up_to_three_goals_shown_on_every_session_page(course):
    session = make_home_session(course)
    patient = signed_in(course.patient.user)

    empty = patient.post("/treatment/mine/goals/", {"goal_1": " ", "goal_2": ""})
    saved = patient.post(
        "/treatment/mine/goals/",
        {"goal_1": "Sleep through the night", "goal_2": "", "goal_3": "Call my sister weekly"},
    )

    assert empty.status_code == 400
    assert "Write at least one goal." in empty.content.decode()
    assert saved.status_code == 302
    course.refresh_from_db()
    assert course.goals == ["Sleep through the night", "Call my sister weekly"]
    for client, url in (
        (patient, f"/treatment/mine/sessions/{session.public_id}/"),
        (patient, f"/treatment/mine/sessions/{session.public_id}/therapy/"),
        (signed_in(make_clinician()), f"/treatment/sessions/{session.public_id}/"),
    ):
        page = client.get(url).content.decode()
        assert "Sleep through the night" in page, url
    assert AuditEntry.objects.filter(action="goals_written", actor=course.patient.user).exists()


def test_the_focus_is_in_plain_words_for_the_patient(course):
    from tests.treatment import assign_therapist
    from treatment.rules.therapy import Focus

    assign_therapist(course, focus=Focus.INTRUSIVE_THOUGHTS)
    page = signed_in(course.patient.user).get("/treatment/mine/").content.decode()

    assert "Your treatment focuses on unwanted thoughts that keep coming back." in page
    assert "intrusive_thoughts" not in page


def test_a_fourth_goal_is_refused_and_the_three_kept(course):
    from treatment.courses.services import TreatmentError
    from treatment.therapy.services import goals_write

    goals_write(course=course, goals=["One", "Two", "Three"], actor=course.patient.user)

    with pytest.raises(TreatmentError, match="up to 3 goals"):
        goals_write(course=course, goals=["A", "B", "C", "D"], actor=course.patient.user)
    course.refresh_from_db()
    assert course.goals == ["One", "Two", "Three"]
