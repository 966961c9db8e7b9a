"""A clinician from sign-in to a new course set up, in Chromium, by clicking only.

The clinician opens a case from the queue and confirms at-home treatment: the decision lands
on the new course, whose set-up steps are a checklist. The clinician assigns the therapist
and the focus, prescribes the dose and schedules the sessions, sees every step ticked, then
opens the patient's chart from the course. Each page passes axe-core at desktop width and at
390 px, with no sideways scrolling on the phone.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import expect

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from treatment.models import TreatmentCourse

pytestmark = pytest.mark.django_db(transaction=True)

SERIOUS = ("serious", "critical")
PHONE_WIDTH = 390


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}) at "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def assert_accessible_on_desktop_and_phone(page):
    size = page.viewport_size
    assert serious_violations(page) == [], page.url
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    assert serious_violations(page) == [], f"{page.url} at {PHONE_WIDTH} px"
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"
    page.set_viewport_size(size)


def checklist(page):
    return page.get_by_test_id("setup-step")


def test_a_clinician_decides_a_case_and_sets_up_the_course_it_opens(page):
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    therapist = make_user(Role.THERAPIST, "sam@clinic.example")
    case = make_case(patient=make_patient(given_name="Morgan", family_name="Lee"))
    number = case.submission.case_number

    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")
    row = page.get_by_test_id("queue-row").filter(has_text="Morgan Lee")
    row.get_by_role("link", name="Morgan Lee", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Case {number}")
    page.get_by_label("Confirm at-home program").check()
    page.get_by_role("button", name="Record decision").click()

    # The decision lands on the new course, its set-up steps all still to do.
    course = TreatmentCourse.objects.get(patient=case.patient)
    page.wait_for_url(f"**/treatment/courses/{course.public_id}/")
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Morgan Lee: course of treatment")
    expect(checklist(page)).to_have_count(4)
    expect(page.locator('[data-testid="setup-step"][data-done="no"]')).to_have_count(4)
    expect(page.get_by_test_id("course-case")).to_have_text(f"Case {number}")
    assert_accessible_on_desktop_and_phone(page)

    # The therapist and the focus.
    page.get_by_role("link", name="Assign a therapist").click()
    page.get_by_label("Therapist", exact=True).select_option(label="Therapist Test")
    page.get_by_label("Depression").check()
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(checklist(page).filter(has_text="Therapist assigned")).to_have_attribute(
        "data-done", "yes"
    )
    expect(checklist(page).filter(has_text="Focus set")).to_have_attribute("data-done", "yes")

    # The prescription and the sessions: the offered six dates over three weeks.
    page.get_by_role("link", name="Schedule sessions").click()
    page.get_by_label("Prescribed dose of each session (mg)").fill("200")
    page.get_by_label("Route").select_option(label="Sublingual")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("6 session(s) scheduled.")
    expect(page.get_by_test_id("course-session")).to_have_count(6)
    expect(page.locator('[data-testid="setup-step"][data-done="yes"]')).to_have_count(4)
    assert course.sessions.count() == 6
    course.refresh_from_db()
    assert course.therapist == therapist

    # The patient's chart, from the course page.
    page.get_by_test_id("chart-link").first.click()
    page.wait_for_url(f"**/patients/{case.patient.public_id}/")
    expect(page.get_by_test_id("chart-heading")).to_have_text("Morgan Lee")
    expect(
        page.get_by_test_id("contacts").get_by_role("link", name="(555) 010-0101")
    ).to_have_attribute("href", "tel:5550100101")
    expect(page.get_by_test_id("chart-case")).to_contain_text("Confirm at-home program")
    expect(page.get_by_test_id("chart-session")).to_have_count(6)
    expect(page.get_by_test_id("chart-session").first).to_contain_text(
        re.compile(r"200\.0 mg sublingual")
    )
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CHART_VIEWED).count() == 1
    assert_accessible_on_desktop_and_phone(page)

    # And back: the chart names the course, the course its case.
    page.get_by_test_id("chart-course").get_by_role("link").first.click()
    page.wait_for_url(f"**/treatment/courses/{course.public_id}/")
    page.get_by_test_id("course-case").click()
    page.wait_for_url(f"**/review/cases/{case.submission.public_id}/")
    expect(page.get_by_test_id("case-course")).to_be_visible()
