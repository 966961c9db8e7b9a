"""A clinical lead reaches the program outcomes from the review queue by clicking, reads a
figure's table, downloads the de-identified courses, and chooses a period by keyboard."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from screening.audit.models import AuditEntry
from tests.e2e.accessible import assert_accessible_on_desktop_and_phone
from tests.e2e.signin import sign_in
from tests.factories import make_clinical_lead
from treatment.models import TreatmentCourse

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_clinical_lead_reads_the_outcomes_and_downloads_the_courses(page):
    call_command("seed_synthetic", patients=150, courses=40, stdout=io.StringIO())
    courses = TreatmentCourse.objects.count()
    assert courses > 10
    lead = make_clinical_lead("lee@clinic.example")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    sign_in(page, lead.email, second_factor=True)
    page.wait_for_url("**/review/")
    page.get_by_role("link", name="Outcomes").click()

    expect(page.get_by_role("heading", name="Program outcomes", exact=True)).to_be_visible()
    expect(page.get_by_test_id("outcomes-period")).to_contain_text(f"{courses} courses opened")
    phq9 = page.get_by_test_id("figure-phq9")
    phq9.get_by_text("The numbers, as a table").click()
    expect(phq9.get_by_role("rowheader", name="All courses").first).to_be_visible()
    expect(page.get_by_test_id("reference-row")).to_have_count(3)
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas[data-chart]')]"
        ".map(c => typeof Chart !== 'undefined' && !!Chart.getChart(c))"
    )
    assert drawn == [True] * 5
    assert_accessible_on_desktop_and_phone(page)

    with page.expect_download() as figure_download:
        phq9.get_by_role("link", name="Download as CSV").click()
    assert figure_download.value.suggested_filename == "outcomes-phq9.csv"
    with page.expect_download() as research_download:
        page.get_by_test_id("research-csv").click()
    download = research_download.value
    assert download.suggested_filename == "outcomes-courses-deidentified.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == courses
    assert "given_name" not in rows[0] and lead.email not in str(rows)
    assert AuditEntry.objects.filter(
        actor=lead, action=AuditEntry.Action.OUTCOMES_COURSES_EXPORTED
    ).exists()

    # The period by keyboard: a last date before the first is refused beside its field.
    page.get_by_label("Courses opened from").fill("2026-03-02")
    page.get_by_label("to", exact=True).fill("2026-03-01")
    page.get_by_label("to", exact=True).focus()
    show = page.get_by_role("button", name="Show")
    for _ in range(4):  # Tab walks a date field's month, day and year, then leaves it
        page.keyboard.press("Tab")
        if show.evaluate("button => button === document.activeElement"):
            break
    expect(show).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**opened_from=2026-03-02**")
    expect(page.get_by_text("Enter a date on or after the first date.")).to_be_visible()
    expect(page.get_by_label("to", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_accessible_on_desktop_and_phone(page)
    assert errors == []
