"""The referral summary: one printable page, as HTML and as a PDF, with the decision."""

import re

import pytest
from django.test import Client

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.decided import decided_case
from tests.factories import make_case, make_user
from tests.integration.treatment.clinic.test_printed_record import pdf_text as raw_pdf_text

pytestmark = pytest.mark.django_db


def pdf_text(content):
    """The PDF's text, its escaped parentheses read back."""
    return raw_pdf_text(content).replace("\\(", "(").replace("\\)", ")")


@pytest.fixture
def clinician_client():
    client = Client()
    client.force_login(make_user(Role.CLINICIAN))
    return client


@pytest.fixture
def referred():
    return decided_case(
        outcome="refer_in_clinic",
        reason="Elevated pressure: start in clinic",
        bp_readings=[
            {"systolic": 152, "diastolic": 92, "heart_rate": 88},
            {"systolic": 148, "diastolic": 90, "heart_rate": 84},
        ],
        support_person="no",
    )


def test_the_pdf_renders_on_one_page_with_the_decision_and_note(clinician_client, referred):
    response = clinician_client.get(f"/review/cases/{referred.submission.public_id}/referral.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", response.content)) == 1
    text = pdf_text(response.content)
    for expected in (
        "Refer for in-clinic treatment",
        "Note: Elevated pressure: start in clinic",
        "Robin Example",
        referred.submission.case_number,
        "PHQ-9",
        "16 (moderately severe)",
        "Reading 1: 152/92 mmHg, heart rate 88/min",
        "Mean: 150/91 mmHg",
        "ACC/AHA 2017 blood pressure guideline",  # a full source title
        "Average blood pressure at or above 140 systolic",  # the rule in words
    ):
        assert expected in text, expected
    assert "elevated_blood_pressure" not in text  # rules in words, not ids
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REFERRAL_PRINTED)
    assert (entry.case, entry.detail) == (referred, "pdf")


def test_the_html_page_prints_with_the_rules_their_reasons_and_sources(clinician_client, referred):
    response = clinician_client.get(f"/review/cases/{referred.submission.public_id}/referral/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="print-record referral-summary"' in page
    assert "Refer for in-clinic treatment" in page
    assert "Elevated pressure: start in clinic" in page
    assert "mean blood pressure" in page.lower()  # the reason from the answers
    assert "S1" not in re.sub(r"<[^>]+>", "", page).split("Sources:")[1][:40]
    assert "Ketamine for intrusive thoughts" in page  # a full source title
    assert "88/min" in page
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REFERRAL_PRINTED)
    assert entry.detail == "html"


def test_a_case_without_a_decision_says_so(clinician_client):
    case = make_case()

    response = clinician_client.get(f"/review/cases/{case.submission.public_id}/referral.pdf")

    assert "No decision yet." in pdf_text(response.content)


def test_many_fired_rules_still_fit_one_page(clinician_client):
    case = make_case(
        psychosis="past",
        mania="yes",
        ketamine_misuse="yes",
        conditions=["unstable_heart_disease", "aneurysm", "glaucoma", "sleep_apnea"],
        pregnant="yes",
        breastfeeding="yes",
        dissociative_disorder="severe",
        substance_use="active",
        panic_disorder="yes",
        aggression_history="yes",
        home_safe="no",
        support_person="no",
        antidepressant_trials=0,
        medications=["maoi", "opioid", "lamotrigine", "antipsychotic"],
    )

    response = clinician_client.get(f"/review/cases/{case.submission.public_id}/referral.pdf")

    assert len(re.findall(rb"/Type\s*/Page\b", response.content)) == 1
