"""Clinic staff run an in-clinic session from the pre-dose check to discharge, on a set clock."""

import re

import pytest
from playwright.sync_api import expect

from patients.roles import Role
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from tests.treatment import CHECK_POST, make_course, make_session
from treatment.models import MonitoringRecord

pytestmark = pytest.mark.django_db(transaction=True)

CHECK_NUMBERS = {
    "Reading 1: systolic": "124",
    "Reading 1: diastolic": "78",
    "Reading 1: heart rate": "72",
    "Reading 2: systolic": "122",
    "Reading 2: diastolic": "76",
    "Reading 2: heart rate": "70",
}
CHECK_CHOICES = {name: value for name, value in CHECK_POST.items() if value in ("yes", "no")}


def observe(page, count, **readings):
    values = {"systolic": "128", "diastolic": "80", "heart_rate": "76", "spo2": "97"}
    for name, value in (values | readings).items():
        page.locator(f"#id_{name}").fill(value)
    page.get_by_label("Sedation (MOAA/S)").select_option("5")
    page.get_by_label("Dissociation").select_option("none")
    page.get_by_role("button", name="Record observation").click()
    expect(page.get_by_test_id("observation")).to_have_count(count)


def test_staff_run_a_session_from_check_in_to_discharge(page, controlled_clock):
    clock = controlled_clock
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    patient = make_patient(given_name="Jordan", family_name="Lee")
    course = make_course(case=make_case(patient=patient, support_person="no"), clinician=clinician)
    make_session(course)

    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")
    page.get_by_role("link", name="Today", exact=True).click()
    row = page.get_by_test_id("board-row").first
    expect(row).to_contain_text("Jordan Lee")
    expect(row.get_by_test_id("state")).to_have_text("Waiting")
    row.get_by_role("link", name=re.compile("Open record")).click()

    # 1. Before the dose: the pre-dose check says go.
    for label, value in CHECK_NUMBERS.items():
        page.get_by_label(label).fill(value)
    for name, value in CHECK_CHOICES.items():
        page.locator(f"input[name={name}][value={value}]").check()
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_test_id("check-outcome")).to_contain_text("GO")

    # 2. The dose, at 09:00 on the controlled clock: t0.
    page.get_by_role("combobox", name="Medicine").select_option("ketamine_iv")
    page.get_by_label("Dose (mg)").fill("35")
    page.get_by_label("Lot number").fill("K2026-114")
    expect(page.get_by_label("Time given (t0)")).to_have_value("09:00")
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Record dose").click()
    expect(page.get_by_test_id("dose-summary")).to_contain_text("given at 09:00")
    expect(page.locator("[data-session-clock]")).to_contain_text("Next observation due at 09:40")

    # 3. Observations: the first is overdue at 46 minutes, then one every 30 minutes.
    clock.advance(minutes=46)
    page.reload()
    expect(page.get_by_test_id("next-due")).to_contain_text("overdue")
    expect(page.locator("[data-session-clock]")).to_have_class(re.compile("alert-danger"))
    observe(page, 1)
    for count in (2, 3):
        clock.advance(minutes=30)
        page.reload()
        observe(page, count)
    clock.advance(minutes=13)  # 119 minutes after the dose
    page.reload()
    observe(page, 4)
    page.locator("input[name=escort_present][value=yes]").check()
    page.get_by_role("button", name="Save escort").click()
    readiness = page.get_by_test_id("readiness")
    expect(readiness).to_contain_text("Not yet ready to leave")
    expect(readiness).to_contain_text("monitoring until 11:00")

    # 4. At 120 minutes the app says the patient may leave.
    clock.advance(minutes=1)
    page.reload()
    expect(readiness).to_contain_text("Ready to leave since 11:00")
    page.get_by_label("Who took the patient home?").fill("Casey Example")
    page.get_by_label(re.compile("Aftercare instructions given")).check()
    page.get_by_label("I attest that this record is accurate and complete").check()
    page.get_by_role("button", name="Discharge", exact=True).click()
    expect(page.get_by_test_id("discharge-summary")).to_contain_text("Discharged at 11:00")
    expect(page.get_by_test_id("discharge-summary")).to_contain_text("total monitoring 2")

    # 5. Signing; the record can then only be amended.
    page.get_by_label("I attest that this record is accurate and complete").check()
    page.get_by_role("button", name="Sign the record").click()
    expect(page.get_by_text("Record signed.")).to_be_visible()
    expect(page.get_by_role("button", name="Record observation")).to_have_count(0)
    record = MonitoringRecord.objects.get()
    assert record.signed_at is not None
    assert record.total_monitoring.total_seconds() == 120 * 60

    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_test_id("board-row").first.get_by_test_id("state")).to_have_text(
        "Discharged"
    )

    # Every page of the journey fits a phone's width without sideways scrolling.
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (
        "/treatment/today/",
        f"/treatment/sessions/{record.session.public_id}/",
        f"/treatment/courses/{course.public_id}/",
        f"/treatment/records/{record.public_id}/print/",
        "/treatment/unsigned/",
    ):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide"
