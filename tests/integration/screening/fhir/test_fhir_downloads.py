"""Clinicians download a case's FHIR bundle; a patient downloads only their own."""

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_clinician_downloads_the_bundle_from_the_case_page():
    case = make_case()
    clinician = make_user(Role.CLINICIAN)
    client = signed_in(clinician)

    page = client.get(f"/review/cases/{case.submission.public_id}/")
    response = client.get(f"/review/cases/{case.submission.public_id}/fhir/")

    assert f"/review/cases/{case.submission.public_id}/fhir/" in page.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert f"case-{case.submission.case_number}.fhir.json" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert Bundle.model_validate_json(response.content).id == str(case.submission.public_id)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.FHIR_EXPORTED)
    assert (entry.actor, entry.case) == (clinician, case)


def test_a_patient_downloads_their_own_bundle_from_their_account():
    case = make_case()
    client = signed_in(case.patient.user)

    account = client.get("/account/")
    response = client.get(f"/submissions/{case.submission.public_id}/fhir/")

    assert f"/submissions/{case.submission.public_id}/fhir/" in account.content.decode()
    assert response.status_code == 200
    assert Bundle.model_validate_json(response.content).entry
    entry = AuditEntry.objects.get(action=AuditEntry.Action.FHIR_EXPORTED)
    assert (entry.actor, entry.case, entry.detail) == (case.patient.user, case, "own bundle")


def test_a_patient_cannot_download_another_patients_bundle():
    case = make_case()
    other = signed_in(make_patient().user)

    response = other.get(f"/submissions/{case.submission.public_id}/fhir/")

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.FHIR_EXPORTED).exists()
