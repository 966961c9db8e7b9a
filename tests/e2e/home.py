"""The patient's at-home pages in Chromium: the check-in and the readings, by keyboard."""

import re

from playwright.sync_api import expect

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
    "ate_recently": "no",
    "drank_recently": "no",
    "wish_dead": "no",
    "suicidal_thoughts": "no",
    "behavior": "no",
    "support_person": "yes",
    "at_address": "yes",
}
# The questionnaires, asked inside the check-in when they are due (always before session 1).
QUESTIONNAIRES = {
    **{f"phq9_{n}": "1" for n in range(1, 9)},
    "phq9_9": "0",
    **{f"gad7_{n}": "1" for n in range(1, 8)},
}


def choose(page, name, value):
    """Pick a radio with the keyboard: Space on the group's first, arrows to the value."""
    radios = page.locator(f"input[type=radio][name='{name}']")
    values = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(values.index(value)):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"input[name='{name}'][value='{value}']")).to_be_checked()


def fill_check_in(page, readings=None, **choices):
    """Answer the check-in form on the current page and send it with Enter.

    The questionnaires are answered when the form asks them (they are due before the
    session and not yet answered).
    """
    for label, value in (READINGS | (readings or {})).items():
        page.get_by_label(label).fill(value)
    answers = GO_CHOICES | choices
    for name in ("new_medicines", "pregnant", "alcohol_24h", "ate_recently", "drank_recently"):
        choose(page, name, answers[name])
    if page.locator("input[name='phq9_1']").count():
        for name, value in QUESTIONNAIRES.items():
            choose(page, name, value)
    for name in ("wish_dead", "suicidal_thoughts"):
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


def send_reading(page, systolic, diastolic, pulse, wakes_easily="yes", breathing_normal="yes"):
    """One reading after the dose, with the support person's two answers."""
    page.get_by_label("Top number (systolic)").fill(systolic)
    page.get_by_label("Bottom number (diastolic)").fill(diastolic)
    page.get_by_label("Pulse (heart rate)").fill(pulse)
    choose(page, "wakes_easily", wakes_easily)
    choose(page, "breathing_normal", breathing_normal)
    page.get_by_role("button", name="Send this reading").click()
