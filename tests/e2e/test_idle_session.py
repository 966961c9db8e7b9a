"""Idle sessions in Chromium: a warning first, typing keeps the session, the end signs out."""

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.test_intake_journey import (
    choose,
    continue_,
    sign_in,
    start_questionnaire,
    type_into,
)
from tests.factories import make_patient

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_warning_comes_first_and_staying_renews_the_session(page, settings):
    settings.SESSION_IDLE_SECONDS_PATIENT = 8  # warned 2 seconds before the end
    sign_in(page, make_patient().user.email)
    loaded = time.monotonic()
    warning = page.get_by_role("alert").filter(has_text="you will be signed out")

    expect(warning).to_be_visible(timeout=9_000)
    expect(warning).to_contain_text("second")
    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()

    time.sleep(max(0, loaded + 10 - time.monotonic()))  # past the first session's end
    page.goto("/account/")
    assert page.url.endswith("/account/")
    expect(page.get_by_test_id("signed-in")).to_be_visible()


def test_an_unattended_page_signs_out_and_clears_the_screen(page, settings):
    settings.SESSION_IDLE_SECONDS_PATIENT = 4
    sign_in(page, make_patient().user.email)

    page.wait_for_url("**/accounts/login/?next=%2Faccount%2F", timeout=8_000)
    page.goto("/account/")
    assert "/accounts/login/" in page.url


def test_typing_is_not_idle_and_the_answers_are_saved(page, settings):
    settings.SESSION_IDLE_SECONDS_PATIENT = 8
    sign_in(page, make_patient().user.email)
    start_questionnaire(page)
    choose(page, "What sex were you assigned at birth?", "Female")
    choose(page, "Are you pregnant, or could you be pregnant?", "No")
    choose(page, "Are you breastfeeding?", "No")
    type_into(page, "Weight in kilograms", "64")

    page.get_by_label("Height in centimetres").focus()
    for key in "168":  # a key every 3.5 seconds: 10.5 in all, longer than the limit
        time.sleep(3.5)
        page.keyboard.type(key)
    expect(page.get_by_role("alert").filter(has_text="you will be signed out")).to_be_hidden()
    continue_(page)

    assert page.url.endswith("/intake/step/blood-pressure/")


def test_an_idle_tab_does_not_sign_out_someone_working_in_another(page, settings):
    settings.SESSION_IDLE_SECONDS_PATIENT = 8
    sign_in(page, make_patient().user.email)
    working = page.context.new_page()
    working.goto("/intake/")
    start_questionnaire(working)

    working.get_by_label("Height in centimetres").focus()
    for key in "168":  # 10.5 seconds of typing in the second tab; the first stays idle
        time.sleep(3.5)
        working.keyboard.type(key)

    assert page.url.endswith("/account/")
    working.reload()
    assert working.url.endswith("/intake/step/about-you/")
