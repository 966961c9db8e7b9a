"""Around one dose in Chromium: the patient writes an intention, the therapist records
readiness, the dose is taken, then the therapist writes the integration note and the
patient a reflection. A "not ready" holds the dose on the clinicians' board until a
clinician overrides it."""

import re

import pytest
from playwright.sync_api import expect

from patients.roles import Role
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from tests.treatment import (
    assign_therapist,
    check_in,
    make_home_course,
    make_session,
    plan_meetings,
    prescribe,
    read,
    start_dose,
)
from treatment import clock
from treatment.models import IntegrationNote, Intention, ReadinessAssessment, Reflection
from treatment.rules import Setting, Slot
from treatment.rules.therapy import Focus, Route

pytestmark = pytest.mark.django_db(transaction=True)

INTENTION = "To notice the first sign of anger in my body, and stay with it."


@pytest.fixture
def cast(controlled_clock):
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    therapist = make_user(Role.THERAPIST, "sam@clinic.example")
    patient = make_patient(given_name="Jamie", family_name="Fox")
    course = make_home_course(case=make_case(patient=patient), clinician=clinician)
    assign_therapist(course, therapist, focus=Focus.ANGER, clinician=clinician)
    session = make_session(course, setting=Setting.AT_HOME)
    prescribe(session, "200.0", Route.SUBLINGUAL, clinician=clinician)
    plan_meetings(session)
    return {"clinician": clinician, "therapist": therapist, "patient": patient, "session": session}


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_a_therapist_prepares_and_integrates_one_dose_the_patient_writes_an_intention(
    page, cast, controlled_clock
):
    session = cast["session"]

    # The patient writes an intention from their "coming up" list.
    sign_in(page, cast["patient"].user.email)
    page.wait_for_url("**/account/")
    page.goto("/treatment/mine/")
    upcoming = page.get_by_test_id("upcoming")
    expect(upcoming).to_contain_text("getting ready for session 1 with your therapist")
    upcoming.get_by_role("link", name=re.compile("Write your intention")).click()
    expect(page.get_by_text("Only you and your therapist read it.")).to_be_visible()
    page.get_by_label("Your intention for this session").fill(INTENTION)
    page.get_by_role("button", name="Save my intention").click()
    expect(page.get_by_role("status")).to_contain_text("Your intention is saved")
    sign_out(page)

    # The therapist reads it and records readiness.
    sign_in(page, cast["therapist"].email, second_factor=True)
    page.wait_for_url("**/therapy/")
    page.get_by_role("link", name="Jamie Fox", exact=True).click()
    page.get_by_role("link", name=re.compile("open session 1")).click()
    expect(page.get_by_test_id("therapist-intention")).to_have_text(INTENTION)
    expect(page.get_by_test_id("focus-goals")).to_contain_text("Anger")
    page.get_by_label("Ready", exact=True).check()
    page.get_by_role("button", name="Record readiness").click()
    expect(page.get_by_role("status")).to_contain_text("Ready: recorded.")
    expect(page.get_by_text("The note is written after the dose.")).to_be_visible()

    # The patient checks in and takes the dose (the at-home journey has its own tests).
    check_in(session)
    start_dose(session)

    # The therapist integrates it with the focus's template.
    page.reload()
    note = page.locator("form[action$='/integration/']")
    note.get_by_label("Date of the meeting").fill(clock.today().isoformat())
    note.get_by_label("Time it started").fill("00:05")
    note.get_by_label("Duration, in minutes").fill("50")
    note.get_by_label("In person").check()
    page.get_by_label("Themes").fill("Old arguments at work came up, with less heat.")
    page.get_by_label("Insights").fill("The anger starts as feeling unheard.")
    page.get_by_label("Skills practised").fill("Paced breathing; naming the feeling.")
    page.get_by_label("Triggers and emotional regulation").fill("Being interrupted: pause first.")
    page.get_by_label("Plan for the next session").fill("Practise the pause twice a day.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.get_by_role("status")).to_contain_text("Integration note saved (version 1)")
    expect(page.get_by_test_id("integration-note")).to_contain_text("feeling unheard")
    sign_out(page)

    # The readings after the dose are all in (while they are due, sign-in leads to them).
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST)
    controlled_clock.advance(minutes=80)
    read(session, Slot.LAST)

    # The patient adds a reflection.
    sign_in(page, cast["patient"].user.email)
    page.wait_for_url("**/account/")
    page.goto(f"/treatment/mine/sessions/{session.public_id}/therapy/")
    page.get_by_label("Your reflection").fill("Calmer in the team meeting today.")
    page.get_by_role("button", name="Save my reflection").click()
    expect(page.get_by_test_id("my-reflection")).to_contain_text("Calmer in the team meeting")

    assert Intention.objects.get().text == INTENTION
    assert ReadinessAssessment.objects.get().readiness == "ready"
    note = IntegrationNote.objects.get()
    assert (note.focus, note.written_by) == ("anger", cast["therapist"])
    assert Reflection.objects.get().session == session


def test_not_ready_holds_the_dose_on_the_board_until_a_clinician_overrides(page, cast):
    session = cast["session"]
    sign_in(page, cast["therapist"].email, second_factor=True)
    page.wait_for_url("**/therapy/")
    page.goto(f"/therapy/sessions/{session.public_id}/")
    page.get_by_label("Not ready").check()
    page.get_by_label("Reason").fill("A bereavement this week: wants to wait.")
    page.get_by_role("button", name="Record readiness").click()
    expect(page.get_by_role("status")).to_contain_text("the dose is held")
    sign_out(page)

    sign_in(page, cast["clinician"].email, second_factor=True)
    page.wait_for_url("**/review/")
    page.get_by_role("link", name="Today", exact=True).click()
    row = page.get_by_test_id("board-row").first
    expect(row.get_by_test_id("state")).to_have_text("Hold")
    expect(row.get_by_test_id("board-readiness")).to_have_text("Therapist: not ready")
    expect(page.get_by_test_id("board-not-ready")).to_contain_text("Jamie Fox, session 1")
    row.get_by_role("link", name=re.compile("Open check-in")).click()
    expect(page.get_by_test_id("readiness-hold")).to_contain_text("A bereavement this week")
    override = page.locator("form[action$='/override/']")
    override.get_by_label("Reason").fill("Spoke with Jamie and the therapist: going ahead.")
    page.get_by_role("button", name="Override the hold").click()
    expect(page.get_by_text("Hold overridden: the patient may start the dose.")).to_be_visible()

    assert ReadinessAssessment.objects.get().overridden_by == cast["clinician"]
