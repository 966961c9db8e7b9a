"""The patient journey in Chromium: keyboard only, crisis first, resume after leaving."""

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


def answer_clean_steps(page, safety=None):
    """Answer every step as a clean candidate, with the keyboard alone."""
    choose(page, "What sex were you assigned at birth?", "Female")
    choose(page, "Are you pregnant, or could you be pregnant?", "No")
    choose(page, "Are you breastfeeding?", "No")
    type_into(page, "Height in centimetres", "168")
    type_into(page, "Weight in kilograms", "64")
    continue_(page)

    type_into(page, "Top number (systolic)", "122", within="Reading 1")
    type_into(page, "Bottom number (diastolic)", "78", within="Reading 1")
    continue_(page)

    page.get_by_label("None of these").focus()
    page.keyboard.press("Space")
    choose(page, "Have you ever had an allergy or a bad reaction to ketamine", "No")
    continue_(page)

    choose(page, "Have you ever had psychotic symptoms", "No, never")
    choose(page, "Have you ever had a manic episode", "No")
    choose(page, "Have you been diagnosed with a dissociative disorder?", "No")
    choose(page, "In the past year, have you behaved aggressively", "No")
    continue_(page)

    choose(
        page,
        "Have you had problems with alcohol or drug use?",
        "No, I have never had problems with alcohol or drugs",
    )
    choose(page, "Have you ever used ketamine outside medical care", "No")
    choose(page, "How often do you have a drink containing alcohol?", "Never")
    for number in range(1, 11):
        choose(page, f"{number}. ", "No", within="DAST-10")
    continue_(page)

    for number in range(1, 9):
        choose(page, f"{number}. ", "More than half the days", within="PHQ-9")
    choose(page, "9. ", "Not at all", within="PHQ-9")
    for number in range(1, 8):
        answer = "Several days" if number > 4 else "More than half the days"
        choose(page, f"{number}. ", answer, within="GAD-7")
    choose(page, "Have you been diagnosed with panic disorder", "No")
    continue_(page)

    (safety or answer_safe_safety)(page)

    type_into(page, "How many different antidepressant medicines", "3")
    continue_(page)

    choose(page, "Do you have a safe, private and calm place", "Yes")
    choose(page, "Is there an adult you trust", "Yes")
    continue_(page)


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
        assert page.get_by_text("Call or text 988", exact=True).is_visible()
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
    type_into(page, "Top number (systolic)", "118", within="Reading 1")
    type_into(page, "Bottom number (diastolic)", "76", within="Reading 1")
    continue_(page)
    assert page.url.endswith("/intake/step/medical-history/")
    page.context.close()

    fresh = browser.new_context(base_url=live_server.url).new_page()
    sign_in(fresh, patient.user.email)
    fresh.get_by_role("link", name="Continue where you stopped").click()

    assert fresh.url.endswith("/intake/step/medical-history/")
    assert fresh.get_by_text("Step 3 of 10").is_visible()
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

    for path in ("/account/", "/intake/step/about-you/", "/intake/step/mood/", "/intake/review/"):
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
