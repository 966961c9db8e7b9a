"""At home, the dose fails safe, in Chromium, with the patient and a clinician side by side.

A reading that never comes opens an urgent task that leads the clinician's Today board,
with the numbers to call and the session address; a second missed reading escalates it
by email. A hold for the support person cannot be overridden by a clinician: the patient
checks in again. The task page and the patient's page during the readings pass axe-core
and fit a phone.

Every page after sign-in is reached by clicking from the role's landing page; the clinic's
clock is `controlled_clock`, and `readings_watch_now()` runs where Celery beat would.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from django.core import mail
from playwright.sync_api import expect

from patients.models import Patient
from patients.roles import Role
from tests.e2e.home import fill_check_in
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from tests.treatment import check_in, make_home_course, make_home_session, start_dose
from treatment.home.missed import readings_watch_now
from treatment.models import FollowUpTask, PreDoseCheck

pytestmark = pytest.mark.django_db(transaction=True)

PATIENT_PHONE = "(555) 010-0199"
SUPPORT_NAME = "Casey Example"  # the support person and the address, from the intake
SUPPORT_PHONE_LINK = "tel:5550100101"
ADDRESS = "12 Elm Street, Springfield"
TASK = "A reading at home after a dose did not come"
NOT_SENT = "not sent: the clinic has been told"
SERIOUS = ("serious", "critical")
PHONE_WIDTH = 390


@pytest.fixture
def riley(controlled_clock):
    """An at-home patient with a phone and session 1 today (the clock says 09:00)."""
    person = make_patient(given_name="Riley", family_name="Chen")
    Patient.objects.filter(pk=person.pk).update(phone=PATIENT_PHONE)
    session = make_home_session(make_home_course(case=make_case(patient=person)))
    return person, session


@pytest.fixture
def clinician():
    return make_user(Role.CLINICIAN, "casey@clinic.example")


@pytest.fixture
def staff_page(browser, live_server):
    """A second browser, the clinician's, beside the patient's `page`."""
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def patient_signs_in_and_checks_in(page, person, **choices):
    """From the patient's landing page to the check-in's result, by clicking."""
    sign_in(page, person.user.email)
    page.wait_for_url("**/account/")
    page.get_by_role("link", name="My treatment").click()
    page.get_by_role("link", name="Start my check-in").click()
    fill_check_in(page, **choices)


def clinician_opens_today(staff_page, clinician):
    sign_in(staff_page, clinician.email, second_factor=True)
    staff_page.wait_for_url("**/review/")
    staff_page.get_by_role("link", name="Today", exact=True).click()
    staff_page.wait_for_url("**/treatment/today/")


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}) at "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def assert_accessible_on_desktop_and_phone(page):
    """No serious axe-core violation, as wide as a desktop and as a 390 px phone, and no
    sideways scrolling on the phone."""
    size = page.viewport_size
    assert serious_violations(page) == [], page.url
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    assert serious_violations(page) == [], f"{page.url} at {PHONE_WIDTH} px"
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"
    page.set_viewport_size(size)


def test_missed_readings_open_an_urgent_task_that_leads_today_and_escalates(
    page, staff_page, riley, clinician, controlled_clock
):
    person, _ = riley

    # 09:00: the patient checks in (go) and takes the dose.
    patient_signs_in_and_checks_in(page, person)
    expect(page.get_by_test_id("check-in-result")).to_contain_text(
        "Everything you told us is in the range for a dose today."
    )
    page.get_by_role("button", name="I have taken my dose").click()
    expect(page.get_by_test_id("session-message")).to_contain_text("You took your dose at 09:00")
    expect(page.get_by_test_id("next-reading")).to_contain_text("09:40")
    expect(page.locator("[data-reading-countdown] [data-countdown-left]")).to_contain_text("in ")

    # 09:51: the first reading, due at 09:40, has not come 10 minutes later.
    controlled_clock.advance(minutes=51)
    assert readings_watch_now() == 1
    task = FollowUpTask.objects.get(kind=FollowUpTask.Kind.MISSED_READING)
    assert task.urgent and task.escalated_at is None
    page.reload()
    expect(page.get_by_test_id("reading-slot").first).to_contain_text(NOT_SENT)

    # A clinician lands on the queue, opens Today: the urgent task comes first.
    clinician_opens_today(staff_page, clinician)
    urgent = staff_page.get_by_test_id("urgent-tasks")
    expect(urgent).to_be_visible()
    sessions = staff_page.get_by_role("heading", name=re.compile(r"^Sessions"))
    assert urgent.bounding_box()["y"] < sessions.bounding_box()["y"]
    expect(urgent.get_by_test_id("urgent-task")).to_have_count(1)
    expect(urgent.get_by_test_id("urgent-task")).to_contain_text("not yet answered")
    urgent.get_by_role("link", name=f"{TASK}: Riley Chen").click()
    staff_page.wait_for_url(f"**/treatment/tasks/{task.public_id}/")

    # The task page: whom to call, as links a phone can call, and where the patient is.
    expect(staff_page.get_by_role("heading", level=1)).to_contain_text(TASK)
    contacts = staff_page.get_by_test_id("contacts")
    expect(contacts.get_by_role("link", name=PATIENT_PHONE)).to_have_attribute(
        "href", "tel:5550100199"
    )
    expect(contacts).to_contain_text(SUPPORT_NAME)
    expect(contacts.locator(f"a[href='{SUPPORT_PHONE_LINK}']")).to_have_count(1)
    expect(contacts).to_contain_text(ADDRESS)
    staff_page.get_by_role("button", name="Take over").click()
    expect(staff_page.get_by_role("status")).to_contain_text("Task updated.")
    expect(staff_page.get_by_text(re.compile(r"Owner: .+ \(answered 09:51\)"))).to_be_visible()

    # Taken over, the task does not escalate for being unanswered (30 minutes)...
    controlled_clock.advance(minutes=40)  # 10:31
    assert readings_watch_now() == 0
    assert not [m for m in mail.outbox if "Escalated:" in m.subject]

    # ...but the last reading, due at 11:00, does not come either: escalated.
    controlled_clock.advance(minutes=40)  # 11:11
    assert readings_watch_now() == 2  # the second missed reading's task, and the escalation
    escalations = [m for m in mail.outbox if "Escalated:" in m.subject]
    assert len(escalations) == 1
    assert f"Escalated: {TASK}" in escalations[0].subject
    assert "a second reading did not come" in escalations[0].body
    assert clinician.email in escalations[0].to
    assert f"/treatment/tasks/{task.public_id}/" in escalations[0].body
    staff_page.reload()
    expect(staff_page.get_by_text(re.compile(r"escalated 11:11"))).to_be_visible()

    # The patient's page says both readings were not sent, and that the clinic knows.
    page.reload()
    slots = page.get_by_test_id("reading-slot")
    expect(slots).to_have_count(2)
    expect(slots.nth(0)).to_contain_text(NOT_SENT)
    expect(slots.nth(1)).to_contain_text(NOT_SENT)
    assert FollowUpTask.objects.filter(kind=FollowUpTask.Kind.MISSED_READING).count() == 2


def test_a_hold_for_the_support_person_is_never_overridden_the_patient_checks_in_again(
    page, staff_page, riley, clinician
):
    person, _ = riley

    patient_signs_in_and_checks_in(page, person, support_person="unsure")
    result = page.get_by_test_id("check-in-result")
    expect(result).to_contain_text(
        "When an adult is with you, sober and staying for the whole session, at the address "
        "we have on file, check in again."
    )
    expect(page.get_by_role("button", name="I have taken my dose")).to_have_count(0)
    again = page.get_by_role("link", name="Check in again")
    expect(again).to_be_visible()
    assert PreDoseCheck.objects.get().outcome == "hold"

    # The clinician finds the hold on Today and opens the check-in: no override, by design.
    clinician_opens_today(staff_page, clinician)
    row = staff_page.get_by_test_id("board-row").filter(has_text="Riley Chen")
    expect(row.get_by_test_id("state")).to_have_text("Hold")
    row.get_by_role("link", name=re.compile("Open check-in")).click()
    expect(staff_page.get_by_test_id("home-check").first).to_contain_text("HOLD")
    expect(staff_page.get_by_test_id("no-override")).to_be_visible()
    expect(staff_page.get_by_role("button", name="Override the hold")).to_have_count(0)
    expect(staff_page.get_by_label("Reason")).to_have_count(0)

    # The patient checks in again, now with the support person there: go.
    again.click()
    expect(
        page.get_by_text(
            f"Is {SUPPORT_NAME} with you now, sober, and staying for the whole session?"
        )
    ).to_be_visible()
    expect(page.get_by_text(f"Are you at {ADDRESS}?")).to_be_visible()
    fill_check_in(page)
    expect(page.get_by_test_id("check-in-result")).to_contain_text(
        "Everything you told us is in the range for a dose today."
    )
    expect(page.get_by_role("button", name="I have taken my dose")).to_be_visible()
    assert list(
        PreDoseCheck.objects.order_by("checked_at", "pk").values_list("outcome", flat=True)
    ) == [
        "hold",
        "go",
    ]

    staff_page.reload()
    expect(staff_page.get_by_test_id("home-check").first).to_contain_text("GO")
    expect(staff_page.get_by_test_id("no-override")).to_have_count(0)


def test_the_task_page_and_the_patients_readings_page_are_accessible_on_a_phone(
    page, staff_page, riley, clinician, controlled_clock
):
    person, session = riley
    check_in(session)
    start_dose(session)

    # While the readings are due, sign-in lands on the session page: the countdown...
    sign_in(page, person.user.email)
    page.wait_for_url(f"**/treatment/mine/sessions/{session.public_id}/")
    expect(page.get_by_test_id("next-reading")).to_be_visible()
    assert_accessible_on_desktop_and_phone(page)

    # ...then the first reading missed, its form open and the clinic told.
    controlled_clock.advance(minutes=51)
    readings_watch_now()
    page.reload()
    expect(page.get_by_test_id("reading-slot").first).to_contain_text(NOT_SENT)
    expect(page.get_by_role("button", name="Send this reading")).to_be_visible()
    assert_accessible_on_desktop_and_phone(page)

    clinician_opens_today(staff_page, clinician)
    staff_page.get_by_test_id("urgent-tasks").get_by_role("link", name=re.compile(TASK)).click()
    expect(staff_page.get_by_role("button", name="Take over")).to_be_visible()
    assert_accessible_on_desktop_and_phone(staff_page)
