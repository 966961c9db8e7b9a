"""An urgent, unsubmitted intake: what called for crisis resources, and the follow-up."""

import pytest
from django.test import Client

from patients.models import IntakeDraft
from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.review.models import ClinicianNotification
from tests.factories import make_user
from tests.intake import post

pytestmark = pytest.mark.django_db

PLAN = post(
    "safety", cssrs_suicidal_thoughts="yes", cssrs_method="yes", cssrs_intent="no", cssrs_plan="yes"
)


@pytest.fixture
def urgent_draft(patient_client, patient):
    patient.phone = "+1 555 0100"
    patient.save()
    patient_client.post("/intake/")
    patient_client.post("/intake/step/safety/", PLAN)
    return IntakeDraft.objects.get(patient=patient)


@pytest.fixture
def clinician_client():
    client = Client()
    client.force_login(make_user(Role.CLINICIAN))
    return client


def test_the_page_names_the_answers_that_called_for_crisis_resources(
    clinician_client, urgent_draft
):
    html = clinician_client.get(f"/review/drafts/{urgent_draft.public_id}/").content.decode()

    assert "C-SSRS: has worked out details of how to kill themselves" in html
    assert 'href="tel:+15550100"' in html
    assert "I have contacted the patient" in html


def test_recording_a_contact_takes_the_draft_off_the_urgent_list(clinician_client, urgent_draft):
    assert clinician_client.get("/review/").context["drafts"] == [urgent_draft]

    response = clinician_client.post(
        f"/review/drafts/{urgent_draft.public_id}/contacted/",
        {"note": "Spoke by phone; safety plan agreed; seen tomorrow."},
    )

    assert response.url == "/review/"
    assert clinician_client.get("/review/").context["drafts"] == []
    contact = urgent_draft.urgent_contacts.get()
    assert contact.note == "Spoke by phone; safety plan agreed; seen tomorrow."
    assert AuditEntry.objects.filter(action="draft_contacted", draft=urgent_draft).exists()


def test_a_contact_needs_a_note_and_keeps_the_draft_on_the_list(clinician_client, urgent_draft):
    response = clinician_client.post(
        f"/review/drafts/{urgent_draft.public_id}/contacted/", {"note": " "}
    )

    assert response.status_code == 400
    assert "Write what you did or agreed with the patient." in response.content.decode()
    assert clinician_client.get("/review/").context["drafts"] == [urgent_draft]


def test_new_crisis_answers_after_a_contact_flag_the_draft_again(
    clinician_client, urgent_draft, patient_client
):
    clinician_client.post(
        f"/review/drafts/{urgent_draft.public_id}/contacted/", {"note": "Called; safe at home."}
    )

    patient_client.post("/intake/step/safety/", PLAN)

    assert clinician_client.get("/review/").context["drafts"] == [urgent_draft]
    assert ClinicianNotification.objects.filter(draft=urgent_draft).count() == 2
