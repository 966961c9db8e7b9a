"""After a call in the clinic, a new pre-dose check records who assessed the patient and
what changed; the call, the assessment and the new check are all on the record and its
PDF."""

import pytest
from django.test import Client

from tests.integration.treatment.clinic.test_printed_record import pdf_text
from tests.treatment import CHECK_POST, make_clinician, make_session
from treatment.models import MonitoringRecord, PreDoseCheck

pytestmark = pytest.mark.django_db

CALL = CHECK_POST | {"systolic_1": "186", "diastolic_1": "100"}
HOLD = CHECK_POST | {"alcohol_24h": "yes"}
ASSESSED = "Repeat readings 142/88 after rest; no headache or chest pain."


@pytest.fixture
def clinic(controlled_clock):
    clinician = make_clinician()
    client = Client()
    client.force_login(clinician)
    session = make_session()
    return client, clinician, f"/treatment/sessions/{session.public_id}/"


def test_a_check_after_a_call_needs_who_assessed_and_what_changed(clinic):
    client, _, base = clinic
    client.post(base + "check/", CALL)

    page = client.get(base).content.decode()
    response = client.post(base + "check/", CHECK_POST)

    assert "This session had a call" in page and 'name="assessment-assessment"' in page
    assert response.status_code == 400
    assert "Write what changed since the call." in response.content.decode()
    assert "Choose who assessed the patient." in response.content.decode()
    assert PreDoseCheck.objects.count() == 1


def test_the_call_the_assessment_and_the_new_check_are_on_the_record(clinic):
    client, _, base = clinic
    client.post(base + "check/", CALL)
    call = PreDoseCheck.objects.get()
    assessor = make_clinician()

    response = client.post(
        base + "check/",
        HOLD | {"assessment-assessed_by": assessor.pk, "assessment-assessment": ASSESSED},
    )
    assert response.status_code == 302
    check = PreDoseCheck.objects.first()
    assert (check.outcome, check.follows_call, check.assessed_by) == ("hold", call, assessor)
    assert check.assessment == ASSESSED
    # The clinician then overrides the hold and doses: the record still says all of it.
    client.post(base + "override/", {"override-reason": "Alcohol was a small glass at noon"})
    record = MonitoringRecord.objects.get()
    assert record.pre_dose_check == check

    printed = client.get(f"/treatment/records/{record.public_id}/print/").content.decode()
    pdf = client.get(f"/treatment/records/{record.public_id}/pdf/")
    text = pdf_text(pdf.content)

    assert 'data-testid="after-call"' in printed
    for shown in (printed, text):
        assert "Call at" in shown and "Assessed by" in shown and "Checked again at" in shown
        assert "Repeat readings" in shown and assessor.get_full_name() in shown
        assert "HOLD" in shown
    assert "(overridden: Alcohol was a small glass at noon)" in printed


def test_a_check_after_a_go_or_a_hold_asks_nothing_more(clinic):
    client, _, base = clinic
    client.post(base + "check/", HOLD)

    assert 'name="assessment-assessment"' not in client.get(base).content.decode()
    assert client.post(base + "check/", CHECK_POST).status_code == 302
    assert PreDoseCheck.objects.first().follows_call is None
