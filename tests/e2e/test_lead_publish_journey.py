"""A clinical lead follows the email that a draft awaits sign-off, reads it in plain words
and signs it off; the admin who made it cannot publish (the button says why); a second
admin publishes it, attesting that they reviewed it.

The lead's first page is the email's link, the only address typed; every other page is
reached by clicking. Each page passes axe-core at desktop width and at 390 px.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from patients.roles import Role
from screening.rules import DEFAULT_THRESHOLDS
from screening.rulesets.models import RuleSet
from screening.rulesets.services import ruleset_draft_create, ruleset_draft_update
from tests.builders import readings
from tests.e2e.accessible import assert_accessible_on_desktop_and_phone
from tests.e2e.signin import fresh_totp_code, sign_in
from tests.factories import (
    PASSWORD,
    make_case,
    make_clinical_lead,
    make_patient,
    make_user,
    preview_now,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def draft_ready():
    # Browser tests empty the database between tests: put back what migrations made.
    RuleSet.objects.get_or_create(
        version=1,
        defaults={
            "name": "default-1",
            "status": "published",
            "thresholds": DEFAULT_THRESHOLDS.values(),
        },
    )
    author = make_user(Role.ADMIN, "author@clinic.example")
    for systolic in (122, 133, 150):
        make_case(patient=make_patient(), **readings(systolic))
    draft = ruleset_draft_create(actor=author)
    draft = ruleset_draft_update(
        draft=draft,
        actor=author,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 130},
        disabled_rules=[],
        note="Refer in-clinic from 130 mmHg systolic",
    )
    preview_now(draft, author)
    return author, draft


def test_a_lead_follows_the_email_signs_off_and_a_second_admin_publishes(
    page, browser, live_server, draft_ready
):
    author, draft = draft_ready
    lead = make_clinical_lead("lead@clinic.example")
    mail.outbox.clear()
    preview_now(draft, author)  # the lead exists now: the finished preview tells them
    (email,) = [m for m in mail.outbox if "sign-off" in m.subject]
    assert email.to == [lead.email]
    link = re.search(r"https?://\S+/rulesets/\d+/", email.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    # The lead opens the link (the only address typed), signs in and lands on the draft.
    page.goto(live_server.url + path)
    page.get_by_label("Email").fill(lead.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(fresh_totp_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{path}")
    expect(page.get_by_test_id("signoff-waiting")).to_contain_text("1")
    summary = page.get_by_test_id("summary")
    expect(summary).to_contain_text("130 systolic")
    expect(page.get_by_test_id("impact-matrix")).to_contain_text("In-clinic referral")
    body = page.locator("main").inner_text()
    for engine_word in ("elevated_blood_pressure", "answer format", "at_home", "in_clinic"):
        assert engine_word not in body
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_role("button", name="I have read this summary and sign it off").click()
    expect(page.get_by_text("Signed off by lead@clinic.example")).to_be_visible()
    expect(page.get_by_test_id("signoff-waiting")).to_have_count(0)

    # The author sees Publish disabled, with the reason.
    author_context = browser.new_context(base_url=live_server.url)
    author_page = author_context.new_page()
    sign_in(author_page, author.email, second_factor=True)
    author_page.wait_for_url("**/review/")
    author_page.get_by_role("link", name="Rule sets").click()
    author_page.get_by_role("link", name=draft.name, exact=True).click()
    expect(author_page.get_by_role("button", name=f"Publish {draft.name}")).to_be_disabled()
    expect(author_page.get_by_test_id("publish-refusal")).to_contain_text("you made or edited it")
    author_context.close()

    # A second admin publishes, attesting what they reviewed.
    publisher = make_user(Role.ADMIN, "publisher@clinic.example")
    other = browser.new_context(base_url=live_server.url)
    publisher_page = other.new_page()
    sign_in(publisher_page, publisher.email, second_factor=True)
    publisher_page.wait_for_url("**/review/")
    publisher_page.get_by_role("link", name="Rule sets").click()
    assert_accessible_on_desktop_and_phone(publisher_page)
    publisher_page.get_by_role("link", name=draft.name, exact=True).click()
    publisher_page.get_by_role("button", name=f"Publish {draft.name}").click()
    expect(publisher_page.get_by_text("Tick the box to attest")).to_be_visible()
    assert RuleSet.objects.get(pk=draft.pk).status == "draft"
    publisher_page.get_by_label(
        "I attest that I reviewed this rule set and its impact preview"
    ).check()
    assert_accessible_on_desktop_and_phone(publisher_page)
    publisher_page.get_by_role("button", name=f"Publish {draft.name}").click()
    expect(publisher_page.get_by_text(f"{draft.name} is published")).to_be_visible()
    assert RuleSet.objects.get(pk=draft.pk).status == "published"
    other.close()
