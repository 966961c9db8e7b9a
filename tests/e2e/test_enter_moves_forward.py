"""Enter in a field of any questionnaire step saves it and moves forward, never back."""

import pytest

from patients.intake import steps
from patients.models import IntakeDraft
from patients.services import draft_open
from tests.e2e.sessions import signed_in_context
from tests.factories import make_patient
from tests.intake import CLEAN_ANSWERS

pytestmark = pytest.mark.django_db(transaction=True)


def test_enter_on_every_step_saves_and_goes_to_the_next(browser, live_server):
    patient = make_patient()
    draft = draft_open(patient=patient)
    IntakeDraft.objects.filter(pk=draft.pk).update(answers=CLEAN_ANSWERS)
    context = signed_in_context(browser, live_server, patient.user)
    page = context.new_page()
    went = {}

    for slug in steps.SLUGS:
        page.goto(f"/intake/step/{slug}/")
        field = page.locator("form.intake-step").locator("input:not([type=hidden]):visible").first
        field.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        went[slug] = page.url.removeprefix(live_server.url)

    context.close()
    expected = {
        slug: (
            f"/intake/step/{steps.next_slug(slug)}/"
            if steps.next_slug(slug) != steps.REVIEW
            else "/intake/review/"
        )
        for slug in steps.SLUGS
    }
    assert went == expected
