"""A clinician signs in with a second factor, decides the urgent case; the patient sees it."""

import pytest
from playwright.sync_api import expect

from patients.roles import Role
from tests.builders import readings
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db(transaction=True)

CRISIS_BP = readings(186, 96, heart_rate=104)
PAST_ATTEMPT = {
    "wish_dead": False,
    "suicidal_thoughts": False,
    "behavior_lifetime": True,
    "behavior_3_months": False,
}


def test_a_clinician_refers_the_urgent_case_in_clinic_and_the_patient_sees_it(
    page, browser, live_server
):
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    make_case(hours_ago=30)
    make_case(hours_ago=5, support_person="no")
    urgent = make_case(
        patient=make_patient(given_name="Jordan", family_name="Lee"),
        hours_ago=0.5,
        cssrs=PAST_ATTEMPT,
        medications=["opioid", "other"],
        medications_other=["Omeprazole"],
        **CRISIS_BP,
    )

    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")

    first_row = page.get_by_test_id("queue-row").first
    expect(first_row).to_contain_text("Jordan Lee")
    expect(first_row).to_contain_text("urgent")
    first_row.get_by_role("link").first.click()  # the case; then the chart

    rules = page.get_by_test_id("fired-rule")
    expect(rules.first).to_contain_text("hypertensive_crisis")
    expect(rules.first).to_contain_text("Mean blood pressure 186/96 mmHg is at or above 180/120")
    expect(rules.first).to_contain_text("ACC/AHA 2017")
    expect(page.get_by_test_id("cssrs-risk")).to_contain_text("Risk level: moderate")
    expect(page.get_by_test_id("lifetime-attempt")).to_contain_text("more than 3 months ago")
    expect(page.get_by_test_id("medications")).to_contain_text("An opioid painkiller")
    expect(page.locator("q", has_text="Omeprazole")).to_be_visible()
    expect(page.get_by_test_id("readings")).to_contain_text("104/min")
    expect(page.get_by_test_id("readings")).to_contain_text("hypertensive crisis")
    expect(page.get_by_test_id("emergency-contact")).to_contain_text("Jamie Example")
    expect(page.get_by_label("Confirm at-home program")).to_have_count(0)

    page.get_by_label("Refer for in-clinic treatment").check()
    page.get_by_label("Reason").fill("Recheck blood pressure on site before any dosing")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Decision recorded.")).to_be_visible()

    patient_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in(patient_page, urgent.patient.user.email)
    patient_page.wait_for_url("**/account/")
    expect(patient_page.get_by_test_id("case-status").first).to_have_text(
        "In-clinic treatment recommended"
    )
    expect(patient_page.get_by_test_id("outcome")).to_contain_text(
        "recommends that your treatment takes place in the clinic"
    )
    expect(patient_page.get_by_text("Recheck blood pressure")).to_have_count(0)
    patient_page.context.close()


def test_the_case_page_of_a_format_2_case_fits_a_phone_screen(browser, live_server):
    clinician = make_user(Role.CLINICIAN, "narrow@clinic.example")
    case = make_case(
        cssrs=PAST_ATTEMPT,
        medications=["benzodiazepine", "other"],
        medications_other=["A very long medicine name typed by the patient" * 2],
        **CRISIS_BP,
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 800})
    page = context.new_page()
    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")

    page.goto(f"/review/cases/{case.submission.public_id}/")

    expect(page.get_by_test_id("readings")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
