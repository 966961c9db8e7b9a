"""A patient downloads all their answers and decisions as JSON; the download is audited."""

import json

import pytest

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.review.services import decision_record
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


def test_it_exports_the_patients_own_answers_and_decisions(client):
    patient = make_patient(given_name="Ada")
    case = make_case(patient=patient, support_person="no")
    decision_record(
        case=case,
        clinician=make_user(Role.CLINICIAN),
        outcome="refer_in_clinic",
        expected_version=0,
    )
    make_case(patient=make_patient(given_name="Other"))
    client.force_login(patient.user)

    response = client.get("/account/export/")

    data = json.loads(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="my-screening-data.json"'
    assert data["profile"]["first_name"] == "Ada"
    assert len(data["submissions"]) == 1
    submission = data["submissions"][0]
    assert submission["answers"]["support_person"] == "no"
    assert submission["screening"]["suggested_route"] == "An in-clinic evaluation is recommended"
    assert [d["outcome"] for d in submission["clinician_decisions"]] == ["refer_in_clinic"]
    assert AuditEntry.objects.filter(action="data_exported", actor=patient.user).count() == 1


def test_it_explains_the_screening_in_plain_descriptions_never_rule_ids(client):
    patient = make_patient()
    make_case(patient=patient, support_person="no", medications=["opioid"], mania="yes")
    client.force_login(patient.user)

    screening = json.loads(client.get("/account/export/").content)["submissions"][0]["screening"]

    assert screening["what_your_answers_showed"] == [
        "You told us about a past manic episode.",
        "You take a medicine that, together with ketamine, can make you very drowsy or slow "
        "your breathing.",
        "You told us there is no adult who could be with you during sessions at home.",
    ]
    text = json.dumps(screening)
    for rule_id in ("respiratory_depression_risk", "mania_history", "no_support_person"):
        assert rule_id not in text
    assert "fired" not in screening


def test_staff_cannot_use_the_patient_export(client):
    client.force_login(make_user(Role.CLINICIAN))

    assert client.get("/account/export/").status_code == 403
