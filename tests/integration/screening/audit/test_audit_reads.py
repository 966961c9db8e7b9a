"""Every response that shows health data writes an audit entry."""

import pytest

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db


def test_a_case_page_shown_again_by_a_refused_decision_is_audited(client):
    clinician = make_user(Role.CLINICIAN)
    case = make_case()
    client.force_login(clinician)

    response = client.post(f"/review/cases/{case.submission.public_id}/decide/", {"version": "0"})

    assert response.status_code == 400
    assert case.submission.case_number.encode() in response.content
    entry = AuditEntry.objects.get(action="case_viewed")
    assert (entry.actor, entry.case) == (clinician, case)


def test_the_patient_reading_their_answers_before_submitting_is_audited(patient_client, patient):
    patient_client.post("/intake/")

    patient_client.get("/intake/review/")

    entry = AuditEntry.objects.get(action="answers_reviewed")
    assert (entry.actor, entry.draft.patient) == (patient.user, patient)
