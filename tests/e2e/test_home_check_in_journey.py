"""At home in Chromium: a patient's check-in ends in go (and the dose and readings), in hold,
or in call (crisis resources at once); the clinician's today board shows them, holds first."""

import re

import pytest
from playwright.sync_api import expect

from patients.roles import Role
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from tests.treatment import make_home_course, make_home_session
from treatment.models import AfterDoseReading, FollowUpTask, HomeDose, PreDoseCheck

pytestmark = pytest.mark.django_db(transaction=True)

READINGS = {
    "First reading: Top number (systolic)": "124",
    "First reading: Bottom number (diastolic)": "78",
    "First reading: Pulse (heart rate)": "72",
    "Second reading: Top number (systolic)": "122",
    "Second reading: Bottom number (diastolic)": "76",
    "Second reading: Pulse (heart rate)": "70",
}
GO_CHOICES = {
    "new_medicines": "no",
    "pregnant": "no",
    "alcohol_24h": "no",
    "wish_dead": "no",
    "suicidal_thoughts": "no",
    "behavior": "no",
    "support_person": "yes",
    "at_address": "yes",
}


def choose(page, name, value):
    """Pick a radio with the keyboard: Space on the group's first, arrows to the value."""
    radios = page.locator(f"input[type=radio][name={name}]")
    values = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(values.index(value)):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"input[name={name}][value={value}]")).to_be_checked()


def check_in(page, readings=None, **choices):
    page.goto("/treatment/mine/")
    page.get_by_role("link", name="Start my check-in").click()
    for label, value in (READINGS | (readings or {})).items():
        page.get_by_label(label).fill(value)
    answers = GO_CHOICES | choices
    for name in ("new_medicines", "pregnant", "alcohol_24h", "wish_dead", "suicidal_thoughts"):
        choose(page, name, answers[name])
    for name in ("method", "intent", "plan"):
        if name in answers:
            choose(page, name, answers[name])
    choose(page, "behavior", answers["behavior"])
    page.get_by_label(re.compile("How do you feel today")).select_option("6")
    choose(page, "support_person", answers["support_person"])
    choose(page, "at_address", answers["at_address"])
    page.get_by_role("button", name="Send my check-in").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.fixture
def patient(controlled_clock):
    person = make_patient(given_name="Riley", family_name="Chen")
    session = make_home_session(make_home_course(case=make_case(patient=person)))
    return person, session


def test_a_check_in_that_says_go_then_the_dose_and_both_readings(page, patient, controlled_clock):
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
    page.get_by_label("Top number (systolic)").fill("150")
    page.get_by_label("Bottom number (diastolic)").fill("92")
    page.get_by_label("Pulse (heart rate)").fill("86")
    page.get_by_role("button", name="Send this reading").click()
    expect(page.get_by_role("status")).to_contain_text("common in the first hour")

    controlled_clock.advance(minutes=80)
    page.reload()
    page.get_by_label("Top number (systolic)").fill("128")
    page.get_by_label("Bottom number (diastolic)").fill("80")
    page.get_by_label("Pulse (heart rate)").fill("72")
    page.get_by_role("button", name="Send this reading").click()
    expect(page.get_by_text("Both readings are done: thank you.")).to_be_visible()

    assert HomeDose.objects.get().session == session
    assert list(AfterDoseReading.objects.values_list("level", flat=True)) == [
        "raised",
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
