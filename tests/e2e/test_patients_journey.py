"""A clinician finds a patient from the staff menu, in Chromium, without typing an address.

From the queue (the clinician's landing page after sign-in) to Patients, a search written
last name first ("Lee, Morgan") that never reaches the address, the patient's row, and the
case page it opens, with its jump link to the decision. Both pages pass axe-core at desktop
width and at 390 px, with no sideways scrolling.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import expect

from patients.models import Patient
from patients.roles import Role
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db(transaction=True)

SERIOUS = ("serious", "critical")
PHONE_WIDTH = 390


def assert_accessible_on_desktop_and_phone(page):
    size = page.viewport_size
    for width in (size["width"], PHONE_WIDTH):
        page.set_viewport_size({"width": width, "height": 844})
        found = Axe().run(page).response["violations"]
        serious = [v["id"] for v in found if v["impact"] in SERIOUS]
        assert serious == [], f"{page.url} at {width} px: {serious}"
        wide, window = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert wide <= window, f"{page.url} is {wide} px wide in a {window} px window"
    page.set_viewport_size(size)


def test_a_clinician_finds_morgan_lee_from_the_menu_and_opens_the_chart_then_the_case(page):
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    morgan = make_patient(given_name="Morgan", family_name="Lee")
    Patient.objects.filter(pk=morgan.pk).update(phone="(555) 010-0199")
    case = make_case(patient=morgan, support_person="no")
    make_case(patient=make_patient(given_name="Lee", family_name="Morganson"))
    make_case(patient=make_patient(given_name="Sam", family_name="Leeds"))

    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Patients").click()
    expect(page.get_by_role("heading", name="Patients")).to_be_visible()

    page.get_by_label("Name, date of birth, phone or case number").fill("Lee, Morgan")
    page.get_by_role("button", name="Search").click()

    rows = page.get_by_test_id("patient-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Lee, Morgan")
    expect(rows.first.get_by_test_id("standing")).to_have_text("Awaiting decision")
    assert "Lee" not in page.url and "Morgan" not in page.url
    assert_accessible_on_desktop_and_phone(page)

    rows.first.get_by_role("link", name="Lee, Morgan").click()
    page.wait_for_url(f"**/patients/{case.patient.public_id}/")
    expect(page.get_by_test_id("chart-heading")).to_have_text("Morgan Lee")
    page.get_by_test_id("chart-case").get_by_role(
        "link", name=f"Case {case.submission.case_number}"
    ).click()
    page.wait_for_url(f"**/review/cases/{case.submission.public_id}/")
    expect(page.get_by_role("heading", name=f"Case {case.submission.case_number}")).to_be_visible()
    assert_accessible_on_desktop_and_phone(page)

    page.get_by_role("link", name="Go to the decision").click()
    expect(page.get_by_role("heading", name="Decide")).to_be_in_viewport()
