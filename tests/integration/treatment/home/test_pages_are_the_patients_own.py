"""A patient reaches only their own at-home sessions: anything else is a 404."""

import uuid

import pytest
from django.test import Client

from tests.treatment import CHECK_IN_POST, make_home_session, make_session
from treatment.models import PreDoseCheck

pytestmark = pytest.mark.django_db
PAGES = ("", "check-in/")
POSTS = ("check-in/", "start/", "readings/", "side-effects/")


@pytest.fixture
def sessions(controlled_clock):
    return make_home_session(), make_home_session()


def test_another_patients_session_is_not_found(sessions):
    mine, theirs = sessions
    client = Client()
    client.force_login(mine.course.patient.user)

    for part in PAGES:
        assert client.get(f"/treatment/mine/sessions/{theirs.public_id}/{part}").status_code == 404
    for part in POSTS:
        response = client.post(f"/treatment/mine/sessions/{theirs.public_id}/{part}", CHECK_IN_POST)
        assert response.status_code == 404
    assert client.get(f"/treatment/mine/sessions/{uuid.uuid4()}/").status_code == 404
    assert not PreDoseCheck.objects.exists()


def test_an_in_clinic_session_has_no_patient_page(controlled_clock):
    session = make_session()
    client = Client()
    client.force_login(session.course.patient.user)

    assert client.get(f"/treatment/mine/sessions/{session.public_id}/").status_code == 404


def test_a_patient_without_a_course_has_no_questionnaires(patient_client):
    assert patient_client.get("/treatment/mine/questionnaires/").status_code == 404
