"""A nurse from the today board to a signed record: sign-in, Today, the in-clinic session's
record, the check, the dose, observations on a set clock, a discharge attested, the record
signed with the attestation, who and when shown; every page passes axe-core at desktop width
and at 390 px, where the board's rows stack (the action first) and the menu collapses."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import expect

from patients.models import Patient
from patients.roles import Role
from tests.e2e.signin import sign_in
from tests.e2e.test_session_journey import CHECK_CHOICES, CHECK_NUMBERS, observe
from tests.factories import make_case, make_patient, make_user
from tests.treatment import make_course, make_session
from treatment.models import MonitoringRecord

pytestmark = pytest.mark.django_db(transaction=True)

ATTESTATION = "I attest that this record is accurate and complete"
SERIOUS = ("serious", "critical")
PHONE_WIDTH = 390
DESKTOP = {"width": 1280, "height": 900}


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}) at "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def assert_accessible_on_desktop_and_phone(page):
    page.set_viewport_size(DESKTOP)
    assert serious_violations(page) == [], page.url
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    assert serious_violations(page) == [], f"{page.url} at {PHONE_WIDTH} px"
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"
    page.set_viewport_size(DESKTOP)


def test_a_nurse_goes_from_the_today_board_to_a_signed_record(page, controlled_clock):
    clock = controlled_clock
    nurse = make_user(Role.CLINICIAN, "sam.nurse@clinic.example")
    nurse.first_name, nurse.last_name = "Sam", "Rivera"
    nurse.save()
    patient = make_patient(given_name="Jordan", family_name="Lee")
    Patient.objects.filter(pk=patient.pk).update(phone="(555) 010-0177")
    course = make_course(case=make_case(patient=patient, support_person="no"), clinician=nurse)
    make_session(course)
    page.set_viewport_size(DESKTOP)

    sign_in(page, nurse.email, second_factor=True)
    page.wait_for_url("**/review/")
    expect(page.get_by_test_id("crisis-footer")).to_have_count(0)  # staff pages: no footer
    page.get_by_role("link", name="Today", exact=True).click()
    page.wait_for_url("**/treatment/today/")
    row = page.get_by_test_id("board-row").first
    expect(row).to_contain_text("Jordan Lee")
    expect(row.locator('a[href="tel:5550100177"]')).to_be_visible()
    assert_accessible_on_desktop_and_phone(page)

    # At 390 px the board's rows stack with the action first, and the menu collapses.
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    toggle = page.get_by_test_id("menu-toggle")
    expect(toggle).to_be_visible()
    expect(page.get_by_role("link", name="Today", exact=True)).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")  # the menu opens from the keyboard
    expect(page.get_by_role("link", name="Today", exact=True)).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    cells = row.locator("td")
    action_box = cells.first.bounding_box()
    state_box = cells.nth(1).bounding_box()
    assert action_box["y"] < state_box["y"], "the action is not first"
    assert abs(action_box["x"] - state_box["x"]) < 2, "the row's cells do not stack"
    assert row.bounding_box()["width"] <= PHONE_WIDTH
    page.get_by_role("link", name="Today", exact=True).click()  # from the open menu
    page.wait_for_url("**/treatment/today/")
    page.set_viewport_size(DESKTOP)

    page.get_by_test_id("board-row").first.get_by_role(
        "link", name=re.compile("Open record")
    ).click()

    # 1. The pre-dose check: the C-SSRS follow-ups stay hidden after a no.
    for label, value in CHECK_NUMBERS.items():
        page.get_by_label(label).fill(value)
    for name, value in CHECK_CHOICES.items():
        page.locator(f"input[name={name}][value={value}]").check()
    expect(page.locator("input[name=method]").first).to_be_hidden()
    page.locator("input[name=suicidal_thoughts][value=yes]").check()
    expect(page.locator("input[name=method]").first).to_be_visible()
    page.locator("input[name=suicidal_thoughts][value=no]").check()
    expect(page.locator("input[name=method]").first).to_be_hidden()
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_test_id("check-outcome")).to_contain_text("GO")

    # 2. The dose at 09:00 (t0).
    page.get_by_role("combobox", name="Medicine").select_option("ketamine_iv")
    page.get_by_label("Dose (mg)").fill("35")
    page.get_by_label("Lot number").fill("K2026-114")
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Record dose").click()
    expect(page.get_by_test_id("dose-summary")).to_contain_text("given at 09:00")
    assert_accessible_on_desktop_and_phone(page)

    # 3. Observations to 120 minutes, the escort present.
    for count, minutes in ((1, 40), (2, 30), (3, 30), (4, 20)):
        clock.advance(minutes=minutes)
        page.reload()
        observe(page, count)
    page.locator("input[name=escort_present][value=yes]").check()
    page.get_by_role("button", name="Save escort").click()
    expect(page.get_by_test_id("readiness")).to_contain_text("Ready to leave since 11:00")

    # 4. The discharge: refused unattested, then recorded with who took the patient home.
    page.get_by_label("Who took the patient home?").fill("Casey Example")
    page.get_by_label(re.compile("Aftercare instructions given")).check()
    page.get_by_role("button", name="Discharge", exact=True).click()
    expect(page.locator("#error-summary")).to_contain_text("Tick the box to attest")
    page.get_by_label(ATTESTATION).check()
    page.get_by_role("button", name="Discharge", exact=True).click()
    summary = page.get_by_test_id("discharge-summary")
    expect(summary).to_contain_text("Discharged at 11:00")
    expect(summary).to_contain_text("taken home by Casey Example; aftercare given")

    # 5. Signing: refused unattested, then signed; who, when (with the time zone) and what.
    page.get_by_role("button", name="Sign the record").click()
    expect(page.locator("#error-summary")).to_contain_text("Tick the box to attest")
    page.get_by_label(ATTESTATION).check()
    page.get_by_role("button", name="Sign the record").click()
    expect(page.get_by_text("Record signed.")).to_be_visible()
    signed = page.get_by_test_id("signed-by")
    expect(signed).to_contain_text("Signed by Sam Rivera on")
    expect(signed).to_contain_text("UTC")
    expect(signed).to_contain_text(f"“{ATTESTATION}”")
    record = MonitoringRecord.objects.get()
    assert record.signed_by == nurse and record.signed_statement == ATTESTATION
    assert record.escort_name == "Casey Example" and record.aftercare_given
    assert_accessible_on_desktop_and_phone(page)

    # The printed record, headed by the clinic's name.
    page.get_by_role("link", name="Printable record").click()
    expect(page.get_by_test_id("print-record")).to_contain_text("Signed by Sam Rivera")
    expect(page.get_by_test_id("clinic-name")).not_to_be_empty()
    assert_accessible_on_desktop_and_phone(page)
