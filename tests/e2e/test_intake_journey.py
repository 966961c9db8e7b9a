"""The patient journey in Chromium: keyboard only, crisis first, resume after leaving,
and the steps of answer format 2 (medicines, heart rate, contacts)."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, make_patient

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url("**/account/")


def start_questionnaire(page):
    page.get_by_role("button", name="Start the questionnaire").click()
    page.wait_for_url("**/intake/step/about-you/")
    page.wait_for_load_state("load")


def choose(page, group_name, option, within=None):
    """Pick a radio with the keyboard: focus the group, then arrow keys to the option."""
    scope = page.get_by_role("group", name=within) if within else page
    group = scope.get_by_role("group", name=group_name)
    radios = group.get_by_role("radio")
    labels = [
        radios.nth(i).evaluate("el => el.labels[0].innerText.trim()") for i in range(radios.count())
    ]
    assert option in labels, (group_name, labels, page.url)
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(labels.index(option)):
        page.keyboard.press("ArrowDown")


def type_into(page, label, text, within=None):
    scope = page.get_by_role("group", name=within) if within else page
    scope.get_by_label(label).focus()
    page.keyboard.type(text)


def continue_(page):
    page.get_by_role("button", name="Save and continue").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tick(page, label):
    page.get_by_label(label).focus()
    page.keyboard.press("Space")


def enter_reading(page, number, systolic, diastolic, heart_rate):
    group = f"Reading {number}" + (" (optional)" if number > 2 else "")
    type_into(page, "Top number (systolic)", systolic, within=group)
    type_into(page, "Bottom number (diastolic)", diastolic, within=group)
    type_into(page, "Pulse (heart rate)", heart_rate, within=group)


def answer_blood_pressure(page):
    enter_reading(page, 1, "122", "78", "72")
    enter_reading(page, 2, "120", "76", "70")
    continue_(page)


def answer_no_medicines(page):
    tick(page, "None of these")
    continue_(page)


def answer_contacts(page):
    type_into(page, "Emergency contact: name", "Jamie Example")
    type_into(page, "Emergency contact: phone number", "+1 555 010 0100")
    type_into(page, "Support person: name", "Casey Example")
    type_into(page, "Support person: phone number", "(555) 010-0101")
    type_into(page, "The address of your at-home sessions", "12 Elm Street\nSpringfield, IL 62701")
    continue_(page)


def answer_clean_steps(
    page, safety=None, blood_pressure=answer_blood_pressure, medicines=answer_no_medicines
):
    """Answer every step as a clean candidate, with the keyboard alone."""
    choose(page, "What sex were you assigned at birth?", "Female")
    choose(page, "Are you pregnant, or could you be pregnant?", "No")
    choose(page, "Are you breastfeeding?", "No")
    type_into(page, "Height in centimetres", "168")
    type_into(page, "Weight in kilograms", "64")
    continue_(page)

    blood_pressure(page)

    tick(page, "None of these")
    choose(page, "Have you ever had an allergy or a bad reaction to ketamine", "No")
    continue_(page)

    medicines(page)

    choose(page, "Have you ever had psychotic symptoms", "No, never")
    choose(page, "Have you ever had a manic episode", "No")
    choose(page, "Have you been diagnosed with a dissociative disorder", "No")
    choose(page, "In the past year, have you behaved aggressively", "No")
    continue_(page)

    choose(
        page,
        "Have you had problems with alcohol or drug use?",
        "No, I have never had problems with alcohol or drugs",
    )
    choose(page, "Have you ever used ketamine outside medical care", "No")
    choose(page, "How often do you have a drink containing alcohol?", "Never")
    choose(
        page,
        "1. Have you used drugs other than those required",
        "No",
        within="Drug use in the past 12 months",
    )
    assert not page.get_by_role("group", name="2. Do you abuse more than one drug").is_visible()
    continue_(page)

    for number in range(1, 9):
        choose(page, f"{number}. ", "More than half the days", within="Your mood")
    choose(page, "9. ", "Not at all", within="Your mood")
    for number in range(1, 8):
        answer = "Several days" if number > 4 else "More than half the days"
        choose(page, f"{number}. ", answer, within="Worry and anxiety")
    choose(page, "Have you been diagnosed with panic disorder", "No")
    continue_(page)

    (safety or answer_safe_safety)(page)

    type_into(page, "How many different antidepressant medicines", "3")
    continue_(page)

    choose(page, "Do you have a safe, private and calm place", "Yes")
    choose(page, "Is there an adult you trust", "Yes")
    continue_(page)

    answer_contacts(page)


def answer_safe_safety(page):
    choose(page, "Have you wished you were dead", "No")
    choose(page, "Have you actually had any thoughts of killing yourself?", "No")
    choose(page, "Have you ever done anything, started to do anything", "No")
    continue_(page)


def test_a_clean_candidate_completes_every_step_with_the_keyboard(page):
    patient = make_patient(email="keyboard@example.org")
    sign_in(page, patient.user.email)
    page.get_by_role("button", name="Start the questionnaire").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/intake/step/about-you/")

    answer_clean_steps(page)

    assert page.get_by_role("heading", name="Check your answers").is_visible()
    page.get_by_role("button", name="Submit my answers").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/submissions/**")
    assert page.get_by_text("may be suitable for the at-home program").is_visible()


def answer_suicide_plan(page):
    choose(page, "Have you wished you were dead", "Yes")
    choose(page, "Have you actually had any thoughts of killing yourself?", "Yes")
    choose(page, "Have you been thinking about how you might do this?", "Yes")
    choose(page, "Have you had these thoughts and had some intention", "No")
    choose(page, "Have you started to work out or worked out the details", "Yes")
    choose(page, "Have you ever done anything, started to do anything", "No")
    continue_(page)


def test_a_patient_with_a_suicide_plan_sees_crisis_resources_first(page):
    patient = make_patient(email="plan@example.org")
    sign_in(page, patient.user.email)
    start_questionnaire(page)

    def safety_with_plan(page):
        answer_suicide_plan(page)
        assert "/intake/support/" in page.url
        first_heading = page.locator("main h2").first
        assert first_heading.inner_text() == "You don't have to go through this alone"
        assert page.get_by_role("link", name="Call 988").is_visible()
        assert page.get_by_role("link", name="Text 988").get_attribute("href") == "sms:988"
        page.get_by_role("link", name="Continue the questionnaire").click()

    answer_clean_steps(page, safety=safety_with_plan)

    assert page.get_by_role("heading", name="Check your answers").is_visible()


def test_a_patient_who_leaves_half_way_resumes_at_the_same_step(page, browser, live_server):
    patient = make_patient(email="resume@example.org")
    sign_in(page, patient.user.email)
    start_questionnaire(page)
    choose(page, "What sex were you assigned at birth?", "Male")
    type_into(page, "Height in centimetres", "180")
    type_into(page, "Weight in kilograms", "82")
    continue_(page)
    enter_reading(page, 1, "118", "76", "64")
    enter_reading(page, 2, "116", "74", "66")
    continue_(page)
    assert page.url.endswith("/intake/step/medical-history/")
    page.context.close()

    fresh = browser.new_context(base_url=live_server.url).new_page()
    sign_in(fresh, patient.user.email)
    fresh.get_by_role("link", name="Continue where you stopped").click()

    assert fresh.url.endswith("/intake/step/medical-history/")
    assert fresh.get_by_text("Step 3 of 12").is_visible()
    fresh.get_by_role("button", name="Back").click()
    reading = fresh.get_by_role("group", name="Reading 1")
    assert reading.get_by_label("Top number (systolic)").input_value() == "118"
    fresh.context.close()


def test_the_questionnaire_fits_a_phone_screen(browser, live_server):
    patient = make_patient(email="phone@example.org")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    sign_in(page, patient.user.email)
    start_questionnaire(page)

    steps = ("about-you", "blood-pressure", "medications", "mood", "contacts")
    paths = ("/account/", *(f"/intake/step/{step}/" for step in steps), "/intake/review/")
    for path in paths:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
    context.close()


def test_pregnancy_questions_appear_only_for_female_or_intersex(page):
    patient = make_patient(email="toggle@example.org")
    sign_in(page, patient.user.email)
    start_questionnaire(page)
    pregnancy = page.get_by_role("group", name="Are you pregnant, or could you be pregnant?")

    expect(pregnancy).to_be_hidden()
    choose(page, "What sex were you assigned at birth?", "Male")
    expect(pregnancy).to_be_hidden()
    page.get_by_label("Intersex").check()
    expect(pregnancy).to_be_visible()


def test_the_new_questions_appear_only_when_they_apply(page):
    patient = make_patient(email="conditional@example.org")
    sign_in(page, patient.user.email)
    start_questionnaire(page)
    page.goto("/intake/step/blood-pressure/")
    reading = page.get_by_role("group", name="Reading 1")
    expect(reading).to_be_visible()
    tick(page, "I don't have a blood pressure monitor")
    expect(reading).to_be_hidden()

    page.goto("/intake/step/medical-history/")
    treated = page.get_by_role("group", name="Is your high blood pressure treated")
    expect(treated).to_be_hidden()
    tick(page, "High blood pressure")
    expect(treated).to_be_visible()
    tick(page, "Glaucoma")  # a second condition ticked keeps it shown
    expect(treated).to_be_visible()

    page.goto("/intake/step/medications/")
    names = page.get_by_label("Which other medicines do you take?")
    expect(names).to_be_hidden()
    tick(page, "Another prescribed medicine")
    expect(names).to_be_visible()

    page.goto("/intake/step/mental-health/")
    severity = page.get_by_role("group", name="How severe did the clinician")
    expect(severity).to_be_hidden()
    choose(page, "Have you been diagnosed with a dissociative disorder", "Yes")
    expect(severity).to_be_visible()


def test_a_patient_on_medicines_with_a_high_reading_is_advised_then_goes_on(page):
    patient = make_patient(email="medicines@example.org")
    sign_in(page, patient.user.email)
    start_questionnaire(page)

    def high_reading(page):
        enter_reading(page, 1, "186", "104", "96")
        enter_reading(page, 2, "150", "92", "94")
        continue_(page)
        advice = page.get_by_test_id("bp-advice")
        expect(advice).to_contain_text("measure again in 5 minutes")
        expect(advice).to_contain_text("chest pain, a severe headache, confusion or weakness")
        enter_reading(page, 3, "178", "100", "92")
        continue_(page)
        assert page.url.endswith("/intake/step/medical-history/")

    def medicines(page):
        tick(page, "An MAOI antidepressant")
        details = "An MAOI antidepressant: what you take"
        type_into(page, "Its name", "Phenelzine", within=details)
        type_into(page, "The dose", "15 mg", within=details)
        page.get_by_role("group", name=details).get_by_label("How often").select_option(
            "Three or more times a day"
        )
        tick(page, "Another prescribed medicine")
        type_into(page, "Which other medicines do you take?", "Omeprazole")
        continue_(page)

    answer_clean_steps(page, blood_pressure=high_reading, medicines=medicines)

    expect(page.get_by_text("An MAOI antidepressant, Another prescribed medicine")).to_be_visible()
    expect(
        page.get_by_role("heading", name="An MAOI antidepressant: what you take")
    ).to_be_visible()
    expect(page.get_by_text("Phenelzine", exact=True)).to_be_visible()
    expect(page.get_by_text("Three or more times a day", exact=True)).to_be_visible()
    page.get_by_role("button", name="Submit my answers").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/submissions/**")
    expect(page.get_by_test_id("bp-advice")).to_be_visible()
    expect(page.get_by_text("A clinician will review your answers")).to_be_visible()
    assert "serotonergic" not in page.content()


def test_a_patient_with_a_passing_wish_to_be_dead_sees_988_with_the_result(page):
    patient = make_patient(email="wish@example.org")
    sign_in(page, patient.user.email)
    start_questionnaire(page)

    def passing_wish(page):
        choose(page, "Have you wished you were dead", "Yes")
        choose(page, "Have you actually had any thoughts of killing yourself?", "No")
        choose(page, "Have you ever done anything, started to do anything", "No")
        continue_(page)
        assert page.url.endswith("/intake/step/treatment/")  # no crisis page for this

    answer_clean_steps(page, safety=passing_wish)
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/submissions/**")

    help_now = page.get_by_test_id("help-now")
    expect(help_now.get_by_role("link", name="Call 988")).to_have_attribute("href", "tel:988")
    expect(help_now.get_by_role("link", name="Text 988")).to_have_attribute("href", "sms:988")
    expect(help_now.get_by_role("link", name="Call 911")).to_have_attribute("href", "tel:911")
