"""Safety answers that call for it show crisis resources next and flag the draft urgent."""

import pytest

from patients.models import IntakeDraft
from patients.roles import Role
from screening.review.models import ClinicianNotification
from tests.factories import make_user
from tests.intake import complete_steps, post, step_url

pytestmark = pytest.mark.django_db

PLAN = post(
    "safety",
    cssrs_wish_dead="yes",
    cssrs_suicidal_thoughts="yes",
    cssrs_method="yes",
    cssrs_intent="no",
    cssrs_plan="yes",
)


def test_it_shows_crisis_resources_right_after_a_plan(patient_client):
    complete_steps(patient_client, ["about-you"])

    response = patient_client.post(step_url("safety"), PLAN)
    support = patient_client.get(response.url)

    assert response.url == f"/intake/support/?next={step_url('treatment')}"
    html = support.content.decode()
    assert 'href="tel:988"' in html and 'href="sms:988"' in html
    assert "Call 911" in html
    assert f'href="{step_url("treatment")}"' in html


def test_it_flags_the_draft_urgent_at_once_and_notifies_clinicians(
    patient_client, mailoutbox, django_capture_on_commit_callbacks
):
    make_user(Role.CLINICIAN, "on.duty@example.org")
    patient_client.post("/intake/")

    with django_capture_on_commit_callbacks(execute=True):
        patient_client.post(step_url("safety"), PLAN)

    draft = IntakeDraft.objects.get()
    assert draft.urgent_since is not None
    assert draft.status == "open"
    notification = ClinicianNotification.objects.get(draft=draft)
    assert notification.sent_at is not None
    assert [m.to for m in mailoutbox] == [["on.duty@example.org"]]
    assert "Robin" not in mailoutbox[0].body


@pytest.mark.parametrize(
    "changes",
    [
        {
            "cssrs_suicidal_thoughts": "yes",
            "cssrs_method": "no",
            "cssrs_intent": "yes",
            "cssrs_plan": "no",
        },
        {"cssrs_behavior_lifetime": "yes", "cssrs_behavior_recent": "yes"},
    ],
)
def test_it_shows_crisis_resources_for_intent_or_recent_behaviour(patient_client, changes):
    patient_client.post("/intake/")

    response = patient_client.post(step_url("safety"), post("safety", **changes))

    assert response.url.startswith("/intake/support/")


def test_it_shows_crisis_resources_after_phq9_item9_of_2(patient_client):
    patient_client.post("/intake/")

    response = patient_client.post(step_url("mood"), post("mood", phq9_9="2"))

    assert response.url == f"/intake/support/?next={step_url('safety')}"
    assert IntakeDraft.objects.get().urgent_since is not None


def test_it_does_not_for_a_passive_wish(patient_client):
    patient_client.post("/intake/")

    response = patient_client.post(step_url("safety"), post("safety", cssrs_wish_dead="yes"))

    assert response.url == step_url("treatment")
    assert IntakeDraft.objects.get().urgent_since is None


def test_it_notifies_once_however_often_the_step_is_saved(patient_client):
    patient_client.post("/intake/")

    patient_client.post(step_url("safety"), PLAN)
    patient_client.post(step_url("safety"), PLAN)

    assert ClinicianNotification.objects.count() == 1


def test_it_refuses_to_send_the_patient_off_site_from_the_support_page(patient_client):
    patient_client.post("/intake/")

    html = patient_client.get("/intake/support/?next=https://evil.example/").content.decode()

    assert "evil.example" not in html


def test_the_crisis_page_promises_only_a_review_within_the_hour_in_opening_hours(
    patient_client, settings
):
    settings.CLINIC_OPEN_DAYS = frozenset(range(6))
    settings.CLINIC_OPENS_HOUR, settings.CLINIC_CLOSES_HOUR = 8, 20
    patient_client.post("/intake/")

    html = patient_client.get("/intake/support/").content.decode()

    assert (
        "A clinician will review your answers within 1 hour during our opening hours "
        "(Monday to Saturday, 8 am to 8 pm)." in html
    )
    assert "they answer day and night" in html
    assert "as a priority" not in html
