"""A therapist signs in, lands on the caseload, sees what needs attention (a missed
integration), opens the session and writes the integration note as a session note: the
date, time, duration and modality of the meeting and the focus's sections, one left as not
discussed. The note shows the meeting's date, not the plan's. Every page is reached by
clicking and passes axe-core at desktop width and at 390 px."""

import pytest
from playwright.sync_api import expect

from patients.roles import Role
from tests.e2e.accessible import assert_accessible_on_desktop_and_phone
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_patient, make_user
from tests.treatment import (
    assign_therapist,
    check_in,
    make_home_course,
    make_session,
    plan_meetings,
    prescribe,
    start_dose,
)
from treatment import clock
from treatment.models import IntegrationNote
from treatment.rules import Setting
from treatment.rules.therapy import Focus, Route

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def dosed_and_not_integrated(controlled_clock):
    clinician = make_user(Role.CLINICIAN, "casey@clinic.example")
    therapist = make_user(Role.THERAPIST, "sam@clinic.example")
    patient = make_patient(given_name="Jamie", family_name="Fox")
    course = make_home_course(case=make_case(patient=patient), clinician=clinician)
    assign_therapist(course, therapist, focus=Focus.ANGER, clinician=clinician)
    session = make_session(course, setting=Setting.AT_HOME)
    prescribe(session, "200.0", Route.SUBLINGUAL, clinician=clinician)
    plan_meetings(session)
    check_in(session)
    start_dose(session)
    controlled_clock.advance(days=4)  # past the integration's window: missed
    return therapist, session


def test_a_therapist_goes_from_the_caseload_to_a_written_integration_note(
    page, dosed_and_not_integrated
):
    therapist, session = dosed_and_not_integrated
    planned = session.meetings.get(kind="integration").scheduled_for
    met = clock.today()
    assert planned != met

    sign_in(page, therapist.email, second_factor=True)
    page.wait_for_url("**/therapy/")
    attention = page.get_by_test_id("needs-attention")
    expect(attention).to_contain_text("Jamie Fox: Session 1: integration missed")
    assert_accessible_on_desktop_and_phone(page)

    attention.get_by_role("link", name="Session 1: integration missed").click()
    expect(page.get_by_test_id("integration-missed")).to_be_visible()
    note = page.locator("form[action$='/integration/']")
    note.get_by_label("Date of the meeting").fill(met.isoformat())
    note.get_by_label("Time it started").fill("00:10")
    note.get_by_label("Duration, in minutes").fill("45")
    note.get_by_label("Video").check()
    note.get_by_label("What was discussed").fill("How the days after the dose went.")
    note.get_by_label("Themes").fill("Old arguments at work came up, with less heat.")
    note.get_by_label("Insights").fill("The anger starts as feeling unheard.")
    note.get_by_label("Plan for the next session").fill("Practise the pause twice a day.")
    assert_accessible_on_desktop_and_phone(page)
    note.get_by_role("button", name="Save the note").click()

    expect(page.get_by_role("status")).to_contain_text("Integration note saved (version 1)")
    written = page.get_by_test_id("integration-note")
    expect(written).to_contain_text(f"Met {met:%A} {met.day} {met:%B %Y}, 00:10")
    expect(written).to_contain_text("45 minutes, video")
    expect(written).to_contain_text("not discussed")
    assert f"{planned:%A} {planned.day} {planned:%B %Y}" not in written.inner_text()
    assert_accessible_on_desktop_and_phone(page)

    page.get_by_role("link", name="← My patients").click()
    expect(page.get_by_test_id("needs-attention")).to_have_count(0)
    stored = IntegrationNote.objects.get()
    assert (stored.duration_minutes, stored.modality, stored.sections["skills"]) == (
        45,
        "video",
        "",
    )
