"""A whole intake done with the keyboard alone: Tab to move, Space and arrows to choose,
typing to fill in, Enter to save each step and to submit."""

import pytest

from patients.intake import steps
from tests.e2e.sessions import signed_in_context
from tests.factories import make_patient
from tests.intake import CLEAN_POSTS

pytestmark = pytest.mark.django_db(transaction=True)
MAX_TABS = 300

FOCUSED = """() => {
  const el = document.activeElement;
  return {tag: el.tagName, type: el.type || "", name: el.name || "", value: el.value || "",
          checked: !!el.checked, text: (el.innerText || "").trim()};
}"""


def tab_to_button(page, label):
    """Press Tab until the button whose text starts with `label` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED)
        if el["tag"] == "BUTTON" and el["text"].startswith(label):
            return
    raise AssertionError(f"no {label!r} button reached on {page.url}")


def answer_step_with_keys(page, wanted):
    """Tab through the page, answering each control from `wanted`, until "Save and continue"."""
    done = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED)
        if el["tag"] == "BUTTON" and el["text"].startswith("Save and"):
            page.keyboard.press("Enter")
            return
        name = el["name"]
        if name not in wanted or (el["type"] != "checkbox" and name in done):
            continue
        if el["type"] == "radio":
            while page.evaluate(FOCUSED)["value"] != wanted[name]:
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")  # checks the first option too, when it is the one
            done.add(name)
        elif el["type"] == "checkbox":
            if wanted[name] in ("on", el["value"]) and not el["checked"]:
                page.keyboard.press("Space")
        elif el["tag"] in ("INPUT", "TEXTAREA"):
            page.keyboard.press("Control+A")
            page.keyboard.type(str(wanted[name]))
            done.add(name)
    raise AssertionError(f"no Save button reached on {page.url}")


def test_a_patient_completes_the_intake_with_the_keyboard_alone(browser, live_server):
    patient = make_patient()
    context = signed_in_context(browser, live_server, patient.user)
    page = context.new_page()
    page.goto("/account/")

    tab_to_button(page, "Start the questionnaire")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for slug in steps.SLUGS:
        assert page.url.endswith(f"/intake/step/{slug}/"), page.url
        with page.expect_navigation():
            answer_step_with_keys(page, CLEAN_POSTS[slug])
    assert page.url.endswith("/intake/review/")
    tab_to_button(page, "Submit my answers")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/submissions/" in page.url
    assert page.get_by_role("heading", name="Thank you: your answers have been sent").is_visible()
    context.close()
