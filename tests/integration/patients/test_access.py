"""A patient sees only their own data; staff and strangers do not use patient pages."""

import pytest
from django.test import Client

from patients.models import IntakeDraft, Submission
from patients.roles import Role
from tests.factories import make_patient, make_user
from tests.intake import complete_steps

pytestmark = pytest.mark.django_db

PATIENT_PAGES = ["/account/", "/intake/", "/intake/review/", "/intake/support/"]


@pytest.fixture
def other_client():
    """A second browser, signed in as another patient."""
    other = Client()
    other.force_login(make_patient(email="other@example.org").user)
    return other


def test_it_404s_another_patients_submission(patient_client, other_client):
    complete_steps(other_client)
    draft = IntakeDraft.objects.get()
    other_client.post("/intake/submit/", {"draft": str(draft.public_id)})
    submission = Submission.objects.get()

    assert other_client.get(f"/submissions/{submission.public_id}/").status_code == 200
    assert patient_client.get(f"/submissions/{submission.public_id}/").status_code == 404


def test_it_will_not_submit_another_patients_draft(patient_client, other_client):
    complete_steps(other_client)
    draft = IntakeDraft.objects.get()

    response = patient_client.post("/intake/submit/", {"draft": str(draft.public_id)})

    assert response.url == "/account/"
    assert not Submission.objects.exists()


def test_it_does_not_show_another_patients_draft(patient_client, other_client):
    complete_steps(other_client, ["about-you"])

    response = patient_client.get("/intake/")

    assert response.status_code == 200  # offered a fresh start, not the other draft
    assert b"Start the questionnaire" in response.content


@pytest.mark.parametrize("url", PATIENT_PAGES)
def test_it_sends_anonymous_visitors_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.ADMIN])
@pytest.mark.parametrize("url", PATIENT_PAGES)
def test_it_forbids_staff_the_patient_pages(client, role, url):
    client.force_login(make_user(role))

    assert client.get(url).status_code == 403
