"""Oversized input is refused or cut, and the queue reads only the columns it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from patients.models import IntakeDraft
from patients.roles import Role
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

MEGABYTES = "9" * 2_400_000


def test_a_request_of_megabytes_is_refused_before_it_is_stored(patient_client, patient):
    patient_client.post("/intake/")

    response = patient_client.post(
        "/intake/step/blood-pressure/", {"systolic_1": MEGABYTES, "action": "back"}
    )

    assert response.status_code == 400
    assert IntakeDraft.objects.get(patient=patient).unsaved_inputs == {}


def test_a_half_typed_step_keeps_only_its_own_fields_and_no_more_than_a_page_of_text(
    patient_client, patient
):
    patient_client.post("/intake/")

    patient_client.post(
        "/intake/step/blood-pressure/",
        {"systolic_1": "9" * 5000, "diastolic_1": "80", "not_a_field": "x", "action": "back"},
    )

    kept = IntakeDraft.objects.get(patient=patient).unsaved_inputs["blood-pressure"]
    assert set(kept) == {"systolic_1", "diastolic_1"}
    assert len(kept["systolic_1"][0]) == 2000


def test_the_queue_reads_neither_answers_nor_whole_decisions(client):
    make_case()
    client.force_login(make_user(Role.CLINICIAN))

    with CaptureQueriesContext(connection) as queries:
        client.get("/review/")

    listing = next(
        q["sql"] for q in queries if 'FROM "screening_case"' in q["sql"] and "ORDER BY" in q["sql"]
    )
    assert '"patients_submission"."answers"' not in listing
    assert '"screening_screeningresult"."decision"' not in listing
