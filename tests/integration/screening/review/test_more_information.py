"""A clinician asks for more information: the patient sees the request on every page it
concerns, goes back to the review after changing the answer, and sending again closes the
old case and links the two."""

import pytest
from django.test import Client

from patients.roles import Role
from screening.review.models import Case
from tests.factories import make_case, make_user
from tests.intake import post, step_url

pytestmark = pytest.mark.django_db
REQUEST = "Please tell us whether your doctor calls your heart condition stable."


@pytest.fixture
def asked():
    """A case, its clinician, and the patient's browser, after a request for information."""
    case = make_case(conditions=["unstable_medical_condition"])
    clinician = Client()
    clinician.force_login(make_user(Role.CLINICIAN))
    clinician.post(
        f"/review/cases/{case.submission.public_id}/decide/",
        {
            "outcome": "request_info",
            "info_needed": REQUEST,
            "reopened_steps": ["medical-history"],
            "version": "0",
        },
    )
    patient = Client()
    patient.force_login(case.patient.user)
    return case, clinician, patient


def test_the_request_is_shown_on_the_questionnaire_until_sent_back(asked):
    _, _, patient = asked

    step = patient.get(step_url("medical-history")).content.decode()
    review = patient.get("/intake/review/").content.decode()

    assert REQUEST in step and REQUEST in review


def test_after_the_changed_answer_the_patient_goes_back_to_the_review(asked):
    _, _, patient = asked

    response = patient.post(step_url("medical-history"), post("medical-history"))

    assert response.url == "/intake/review/"


def test_sending_again_closes_the_request_and_links_the_two_cases(asked):
    case, clinician, patient = asked
    patient.post(step_url("medical-history"), post("medical-history"))
    draft = case.patient.drafts.get(status="open")

    patient.post("/intake/submit/", {"draft": str(draft.public_id)})

    case.refresh_from_db()
    new = Case.objects.exclude(pk=case.pk).get(patient=case.patient)
    assert case.status == "resubmitted"
    old_page = clinician.get(f"/review/cases/{case.submission.public_id}/").content.decode()
    new_page = clinician.get(f"/review/cases/{new.submission.public_id}/").content.decode()
    assert f"case {new.submission.case_number}" in old_page
    assert f"case {case.submission.case_number}" in new_page and REQUEST in new_page
    account = patient.get("/account/").content.decode()
    assert "Replaced by your newer answers" in account
    assert REQUEST not in patient.get("/intake/").content.decode()
