"""An admin lowers the elevated blood-pressure threshold and previews the impact; a clinical
lead signs it off; another admin publishes it."""

import pytest
from celery.contrib.testing.worker import start_worker
from playwright.sync_api import expect

from config.celery import app
from patients.roles import Role
from screening.rules import DEFAULT_THRESHOLDS
from screening.rulesets.models import RuleSet
from tests.builders import readings
from tests.e2e.signin import sign_in
from tests.factories import make_case, make_clinical_lead, make_patient, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def bp(systolic):
    return readings(systolic)


@pytest.fixture
def queued_tasks():
    """Tasks wait in the broker until the test starts a worker."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def signed_in_page(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, user.email, second_factor=True)
    page.wait_for_url("**/review/")
    return page


def test_a_lower_elevated_threshold_is_previewed_signed_off_and_published_by_three_people(
    page, browser, live_server, queued_tasks
):
    # Browser tests empty the database between tests: put back what migrations made.
    RuleSet.objects.get_or_create(
        version=1,
        defaults={
            "name": "default-1",
            "status": "published",
            "thresholds": DEFAULT_THRESHOLDS.values(),
        },
    )
    admin = make_user(Role.ADMIN, "author@clinic.example")
    lead = make_clinical_lead("lead@clinic.example")
    publisher = make_user(Role.ADMIN, "publisher@clinic.example")
    patient = make_patient()
    for systolic in (122, 133, 136, 150):
        make_case(patient=patient, **bp(systolic))
    sign_in(page, admin.email, second_factor=True)
    page.wait_for_url("**/review/")

    page.get_by_role("link", name="Rule sets").click()
    page.get_by_role("button", name="New draft").click()
    page.get_by_label("Elevated blood pressure, systolic").fill("130")
    page.get_by_label("What changes and why").fill("Refer in-clinic from 130 mmHg systolic")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_test_id("diff")).to_contain_text("bp_elevated_systolic")

    page.get_by_role("button", name="Preview impact").click()
    progress = page.get_by_role("progressbar")
    expect(progress).to_be_visible()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        matrix = page.get_by_test_id("impact-matrix")
        expect(matrix).to_be_visible(timeout=20_000)
    expect(
        matrix.locator("tr", has_text="At-home eligible").filter(has_text="In-clinic referral")
    ).to_contain_text("2")
    expect(page.get_by_test_id("affected-case")).to_have_count(2)

    expect(
        page.get_by_role("button", name="I have read this summary and sign it off")
    ).to_have_count(0)

    lead_page = signed_in_page(browser, live_server, lead)
    lead_page.get_by_role("link", name="Rule sets").click()
    lead_page.get_by_role("link", name="Read and sign off v2").click()
    lead_page.get_by_role("button", name="I have read this summary and sign it off").click()
    expect(lead_page.get_by_text("Signed off by lead@clinic.example")).to_be_visible()

    page.reload()
    expect(page.get_by_role("button", name="Publish v2")).to_be_disabled()
    expect(page.get_by_text("you made or edited it")).to_be_visible()

    publisher_page = signed_in_page(browser, live_server, publisher)
    publisher_page.get_by_role("link", name="Rule sets").click()
    publisher_page.get_by_role("link", name="v2", exact=True).click()
    publisher_page.get_by_label(
        "I attest that I reviewed this rule set and its impact preview"
    ).check()
    publisher_page.get_by_role("button", name="Publish v2").click()
    expect(publisher_page.get_by_text("v2 is published: new submissions use it.")).to_be_visible()
    assert RuleSet.objects.get(status="published").thresholds["bp_elevated_systolic"] == 130
