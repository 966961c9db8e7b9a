"""Side effects after an at-home dose; a severe one is an adverse event shown to clinicians."""

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.treatment import check_in, make_clinician, make_home_session, start_dose
from treatment.models import FollowUpTask, ReportedSideEffect, SessionAlert

pytestmark = pytest.mark.django_db
NONE = {effect: "none" for effect in ("nausea", "vomiting", "dissociation", "bladder_pain")}
NONE |= {"confusion": "none", "very_sleepy": "none", "breathing": "none", "other": "none"}


@pytest.fixture
def session(controlled_clock):
    session = make_home_session()
    check_in(session)
    start_dose(session)
    return session


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


def report(patient, session, **changes):
    return patient.post(
        f"/treatment/mine/sessions/{session.public_id}/side-effects/", NONE | changes
    )


def test_mild_side_effects_are_kept_without_an_alert(patient, session):
    report(patient, session, nausea="mild", dissociation="moderate")

    assert sorted(ReportedSideEffect.objects.values_list("effect", "severity")) == [
        ("dissociation", "moderate"),
        ("nausea", "mild"),
    ]
    assert not SessionAlert.objects.exists() and not FollowUpTask.objects.exists()
    assert AuditEntry.objects.filter(action="side_effects_reported").exists()


def test_a_severe_side_effect_is_an_adverse_event_with_an_alert_and_a_task(patient, session):
    response = report(patient, session, vomiting="severe")

    assert response.status_code == 302
    assert ReportedSideEffect.objects.get().adverse
    assert SessionAlert.objects.get().code == "adverse_event"
    assert FollowUpTask.objects.get().kind == "adverse_event"
    follow = patient.get(response.url).content.decode()
    assert "You reported a severe side effect. Please call the clinic now" in follow
    clinician = Client()
    clinician.force_login(make_clinician())
    course_page = clinician.get(f"/treatment/courses/{session.course.public_id}/").content.decode()
    assert "Adverse event: Vomiting" in course_page
    board = clinician.get("/treatment/today/").content.decode()
    assert "Severe side effect: Being sick (vomiting)" in board


def test_other_needs_a_description(patient, session):
    response = report(patient, session, other="mild")

    assert response.status_code == 400
    assert "Say what the other side effect is." in response.content.decode()
    report(patient, session, other="mild", other_description="Tingling hands")
    assert ReportedSideEffect.objects.get().description == "Tingling hands"


def test_no_side_effects_reports_nothing(patient, session):
    response = report(patient, session)

    assert "you reported no side effects" in patient.get(response.url).content.decode()
    assert not ReportedSideEffect.objects.exists()


def test_side_effects_are_reported_only_after_the_dose(controlled_clock):
    session = make_home_session()
    client = Client()
    client.force_login(session.course.patient.user)

    report(client, session, nausea="mild")

    assert not ReportedSideEffect.objects.exists()
