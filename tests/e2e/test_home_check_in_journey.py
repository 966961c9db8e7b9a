"""At home in Chromium: a patient's check-in ends in go (and the dose and readings), in hold,
or in call (crisis resources at once); the clinician's today board shows them, holds first.

The check-in asks, besides the readings and the safety questions, about food and drink,
and (before session 1) the PHQ-9 and GAD-7; each reading after the dose asks the support
person whether the patient wakes easily and breathes normally."""

import re

import pytest
from playwright.sync_api import expect

from patients.roles import Role
from tests.e2e.home import fill_check_in, send_reading
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from tests.treatment import make_home_course, make_home_session
from treatment.models import AfterDoseReading, FollowUpTask, HomeDose, PreDoseCheck

pytestmark = pytest.mark.django_db(transaction=True)


def check_in(page, readings=None, **choices):
    page.goto("/treatment/mine/")
    page.get_by_role("link", name="Start my check-in").click()
    fill_check_in(page, readings, **choices)


@pytest.fixture
def patient(controlled_clock):
    person = make_patient(given_name="Riley", family_name="Chen")
    session = make_home_session(make_home_course(case=make_case(patient=person)))
    return person, session


def test_a_check_in_that_says_go_then_the_dose_and_every_reading(page, patient, controlled_clock):
    person, session = patient
    sign_in(page, person.user.email)
    page.wait_for_url("**/account/")

    check_in(page)

    expect(page.get_by_test_id("check-in-result")).to_contain_text(
        "Everything you told us is in the range for a dose today."
    )
    expect(page.get_by_label("What time did you take your dose?")).to_have_value("09:00")
    page.get_by_role("button", name="I have taken my dose").click()
    expect(page.get_by_test_id("session-message")).to_contain_text("You took your dose at 09:00")
    expect(page.get_by_text("Take your next reading at")).to_contain_text("09:40")

    controlled_clock.advance(minutes=40)
    page.reload()
    send_reading(page, "150", "92", "86")
    expect(page.get_by_role("status")).to_contain_text("common in the first hour")

    # A raised first reading is read again 20 minutes later, before the last one.
    expect(page.get_by_test_id("reading-slot").nth(1)).to_contain_text("Read again")
    expect(page.get_by_text("Take your next reading at")).to_contain_text("10:00")
    controlled_clock.advance(minutes=20)
    page.reload()
    send_reading(page, "132", "84", "78")
    expect(page.get_by_role("status")).to_contain_text("in the expected range")

    controlled_clock.advance(minutes=60)
    page.reload()
    send_reading(page, "128", "80", "72")
    complete = page.get_by_test_id("session-complete")
    expect(complete).to_contain_text("Your session is complete")
    expect(complete).to_contain_text("Do not drive")

    assert HomeDose.objects.get().session == session
    assert list(AfterDoseReading.objects.values_list("level", flat=True)) == [
        "raised",
        "settled",
        "settled",
    ]


def test_a_check_in_that_says_hold_tells_the_patient_not_to_dose(page, patient):
    person, _ = patient
    sign_in(page, person.user.email)
    page.wait_for_url("**/account/")

    check_in(page, alcohol_24h="yes")

    result = page.get_by_test_id("check-in-result")
    expect(result).to_contain_text("Please do not take a dose yet")
    expect(result).to_contain_text("Alcohol in the last day and ketamine do not mix safely.")
    expect(page.get_by_role("button", name="I have taken my dose")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("check in", re.I))).to_have_count(0)
    assert PreDoseCheck.objects.get().outcome == "hold"


def test_a_check_in_that_says_call_shows_crisis_resources_at_once(page, patient):
    person, _ = patient
    sign_in(page, person.user.email)
    page.wait_for_url("**/account/")

    check_in(page, suicidal_thoughts="yes", method="yes", intent="yes", plan="no")

    crisis = page.get_by_test_id("crisis-resources")
    expect(crisis).to_be_visible()
    assert crisis.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    expect(crisis.get_by_role("link", name="Call 988")).to_have_attribute("href", "tel:988")
    expect(crisis.get_by_role("link", name="Text 988")).to_have_attribute("href", "sms:988")
    expect(crisis.get_by_role("link", name="Call 911")).to_have_attribute("href", "tel:911")
    expect(page.get_by_role("button", name="I have taken my dose")).to_have_count(0)
    assert PreDoseCheck.objects.get().outcome == "call"
    assert FollowUpTask.objects.get().kind == "suicidal_ideation"


def test_the_clinicians_board_shows_at_home_check_ins_holds_first(page, controlled_clock):
    from tests.treatment import check_in as check_in_service

    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    names = {}
    for name, changes in (("Gale", None), ("Hana", {"alcohol_24h": "yes"}), ("Ira", {})):
        session = make_home_session(
            make_home_course(case=make_case(patient=make_patient(given_name=name)))
        )
        if changes is not None:
            check_in_service(session, **changes)
        names[name] = session

    sign_in(page, clinician.email, second_factor=True)
    page.wait_for_url("**/review/")
    page.get_by_role("link", name="Today", exact=True).click()

    rows = page.get_by_test_id("board-row")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Hana")
    expect(rows.nth(0).get_by_test_id("state")).to_have_text("Hold")
    expect(rows.nth(1).get_by_test_id("state")).to_have_text("Waiting")
    expect(rows.nth(2).get_by_test_id("state")).to_have_text("Go")

    rows.nth(0).get_by_role("link", name=re.compile("Open check-in")).click()
    expect(page.get_by_test_id("home-check")).to_contain_text("alcohol in the last 24 hours")
    page.get_by_label("Reason").fill("Called: a small glass of wine 23 hours ago; sober now.")
    page.get_by_role("button", name="Override the hold").click()
    expect(page.get_by_text("Hold overridden: the patient may start the dose.")).to_be_visible()
    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_test_id("board-row").nth(1).get_by_test_id("state")).to_have_text("Go")
