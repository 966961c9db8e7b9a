"""A clinician opens the dashboard, reads a figure's table, then downloads a case's FHIR bundle."""

from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import expect

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.decided import decided_case
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_clinician_reads_the_dashboard_and_downloads_a_fhir_bundle(page):
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    decided_case(outcome="decline", reason="Prefers to wait", support_person="no")
    case = make_case(support_person="no", hours_ago=3)
    make_case(hours_ago=1)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")
    page.get_by_role("link", name="Dashboard").click()

    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    rules = page.get_by_test_id("figure-rules")
    rules.get_by_text("The numbers, as a table").click()
    expect(rules.get_by_role("rowheader", name="no_support_person")).to_be_visible()
    # Chart.js drew each chart on its canvas (from the static file, under the CSP).
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas[data-chart]')]"
        ".map(c => typeof Chart !== 'undefined' && !!Chart.getChart(c))"
    )
    assert drawn == [True, True, True, True]
    with page.expect_download() as csv_download:
        rules.get_by_role("link", name="Download as CSV").click()
    assert csv_download.value.suggested_filename == "rules-12-weeks.csv"

    page.goto(f"/review/cases/{case.submission.public_id}/")
    with page.expect_download() as fhir_download:
        page.get_by_role("link", name="FHIR bundle").click()

    download = fhir_download.value
    assert download.suggested_filename == f"case-{case.submission.case_number}.fhir.json"
    bundle = Bundle.model_validate_json(Path(download.path()).read_text(encoding="utf-8"))
    assert bundle.id == str(case.submission.public_id)
    assert errors == []
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.FHIR_EXPORTED, actor=clinician, case=case
    ).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DASHBOARD_VIEWED).exists()
