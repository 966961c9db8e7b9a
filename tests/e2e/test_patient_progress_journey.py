"""A patient's own progress in Chromium, by clicking only: from their account to "My treatment",
where their PHQ-9 and GAD-7 over the course show as a chart, a table and a sentence in plain
words. The page passes axe-core at desktop width and at 390 px, with no sideways scrolling."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.builders import gad7_total, phq9_total
from tests.e2e.accessible import assert_accessible_on_desktop_and_phone
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient
from tests.treatment import add_measures, make_course, make_record
from treatment import clock

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def patient():
    """A patient whose intake scored PHQ-9 18 and GAD-7 12, dosed, then answered three times."""
    person = make_patient(given_name="Robin", family_name="Diaz")
    course = make_course(case=make_case(patient=person, phq9=phq9_total(18), gad7=gad7_total(12)))
    make_record(course=course, dosed_at=clock.now())
    start = clock.now()
    add_measures(course, 14, 11, start + timedelta(days=7), "session-3")
    add_measures(course, 11, 10, start + timedelta(days=14), "session-6")
    add_measures(course, 8, 9, start + timedelta(days=30), "month-1")
    return person


def test_a_patient_clicks_to_my_treatment_and_reads_their_progress(page, patient):
    sign_in(page, patient.user.email)
    page.wait_for_url("**/account/")

    page.get_by_role("link", name="My treatment").first.click()
    page.wait_for_url("**/treatment/mine/")

    progress = page.get_by_test_id("progress")
    expect(progress.get_by_role("heading")).to_have_text("How your answers have changed")
    sentences = progress.get_by_test_id("progress-sentence")
    expect(sentences.nth(0)).to_contain_text(
        "has fallen by half or more since you started, from 18 out of 27 to 8 out of 27: "
        "that is what doctors call a response"
    )
    expect(sentences.nth(1)).to_contain_text(
        "has come down since you started, from 12 out of 21 to 9 out of 21"
    )
    expect(progress.get_by_test_id("progress-care-team")).to_have_count(0)

    # The chart is drawn by the vendored Chart.js; the table says the same for screen readers.
    expect(page.locator("#measures-chart")).to_be_visible()
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.getElementById('measures-chart'))"
    )
    rows = progress.get_by_test_id("progress-row")
    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_contain_text("Your first questionnaire")
    expect(rows.nth(3)).to_contain_text("Month 1 of your course")
    expect(rows.nth(3)).to_contain_text("8 out of 27")

    assert_accessible_on_desktop_and_phone(page)


def test_a_patient_whose_answers_rose_is_pointed_gently_to_their_care_team(page):
    person = make_patient(given_name="Alex", family_name="Moreau")
    course = make_course(case=make_case(patient=person, phq9=phq9_total(10), gad7=gad7_total(9)))
    make_record(course=course, dosed_at=clock.now())
    add_measures(course, 16, 10, clock.now() + timedelta(days=7), "session-3")

    sign_in(page, person.user.email)
    page.wait_for_url("**/account/")
    page.get_by_role("link", name="My treatment").first.click()
    page.wait_for_url("**/treatment/mine/")

    progress = page.get_by_test_id("progress")
    expect(progress.get_by_test_id("progress-sentence").nth(0)).to_contain_text(
        "has gone up since you started, from 10 out of 27 to 16 out of 27"
    )
    care = progress.get_by_test_id("progress-care-team")
    expect(care).to_contain_text("Please talk to your care team soon")
    expect(care.get_by_role("link", name="text")).to_have_attribute("href", "sms:988")

    assert_accessible_on_desktop_and_phone(page)
