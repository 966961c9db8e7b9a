"""Clinicians hear of urgent and high cases by email, once, even if the broker was down."""

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.test import Client
from django.utils import timezone

from config.celery import app
from patients.models import IntakeDraft, Patient, Submission
from patients.roles import Role
from screening.review.models import ClinicianNotification
from screening.review.notifications import notification_deliver_now, notifications_pending
from screening.review.tasks import notifications_deliver_pending
from tests.factories import make_patient, make_user
from tests.intake import complete_steps, post

pytestmark = pytest.mark.django_db
URGENT_BP = post("blood-pressure", systolic_1="185")


def to_clinic(outbox):
    """The messages to the clinic's staff, leaving out the patient's receipt."""
    patients = set(Patient.objects.values_list("user__email", flat=True))
    return [m for m in outbox if not patients & set(m.to)]


def submit_urgent_case(client):
    complete_steps(client, blood_pressure=URGENT_BP)
    draft = IntakeDraft.objects.latest("created_at")
    return client.post("/intake/submit/", {"draft": str(draft.public_id)})


def test_it_emails_every_active_clinician_after_commit(
    patient_client, mailoutbox, django_capture_on_commit_callbacks
):
    make_user(Role.CLINICIAN, "a@clinic.example")
    make_user(Role.CLINICIAN, "b@clinic.example")
    make_user(Role.ADMIN, "admin@clinic.example")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_urgent_case(patient_client)
    assert mailoutbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()

    assert len(to_clinic(mailoutbox)) == 1
    assert sorted(to_clinic(mailoutbox)[0].to) == ["a@clinic.example", "b@clinic.example"]
    assert ClinicianNotification.objects.get().sent_at is not None


def test_it_writes_no_health_data_or_name_in_the_email(
    patient_client, patient, mailoutbox, django_capture_on_commit_callbacks
):
    make_user(Role.CLINICIAN)

    with django_capture_on_commit_callbacks(execute=True):
        submit_urgent_case(patient_client)

    (message,) = to_clinic(mailoutbox)
    text = message.subject + message.body
    case = ClinicianNotification.objects.get().submission.case_number
    assert f"case {case}" in text
    for private in (patient.given_name, patient.family_name, patient.user.email, "185", "blood"):
        assert private not in text


def test_it_sends_a_notification_only_once(patient_client, mailoutbox):
    make_user(Role.CLINICIAN)
    submit_urgent_case(patient_client)  # its on-commit delivery never runs in this test
    notification = ClinicianNotification.objects.get()

    assert notification_deliver_now(notification.pk) is True
    assert notification_deliver_now(notification.pk) is False
    assert len(mailoutbox) == 1


def test_it_keeps_a_notification_pending_while_no_clinician_can_receive_it(patient_client):
    submit_urgent_case(patient_client)

    assert ClinicianNotification.objects.get().sent_at is None


def test_it_saves_the_case_when_the_broker_is_down(
    patient_client, monkeypatch, django_capture_on_commit_callbacks
):
    """No broker listens on port 1: queuing fails, the submission stands, the row waits."""
    make_user(Role.CLINICIAN)
    dead = "redis://127.0.0.1:1/0"
    monkeypatch.setenv("CELERY_BROKER_URL", dead)  # Celery reads it before its own setting
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    app.conf.update(task_always_eager=False, broker_url=dead)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = submit_urgent_case(patient_client)
    finally:
        app.conf.update(saved)

    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert ClinicianNotification.objects.get().sent_at is None


def test_it_resends_pending_notifications_from_the_periodic_sweep(patient_client, mailoutbox):
    submit_urgent_case(patient_client)  # no clinician yet: pending
    make_user(Role.CLINICIAN, "late@clinic.example")
    ClinicianNotification.objects.update(created_at=timezone.now() - timedelta(minutes=10))

    assert notifications_pending() == [ClinicianNotification.objects.get().pk]
    assert notifications_deliver_pending() == 1
    assert [m.to for m in mailoutbox] == [["late@clinic.example"]]
    assert notifications_pending() == []


def test_it_does_not_sweep_a_notification_that_may_still_be_on_its_way(patient_client):
    submit_urgent_case(patient_client)

    assert notifications_pending() == []


@pytest.mark.django_db(transaction=True)
def test_a_notification_queued_with_no_worker_is_delivered_when_one_starts(mailoutbox):
    make_user(Role.CLINICIAN, "duty@clinic.example")
    client = Client()
    client.force_login(make_patient().user)
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        submit_urgent_case(client)  # queued on commit; no worker is running
        notification = ClinicianNotification.objects.get()
        assert notification.sent_at is None
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            for _ in range(200):
                notification.refresh_from_db()
                if notification.sent_at:
                    break
                time.sleep(0.05)
    finally:
        app.conf.task_always_eager = eager

    assert notification.sent_at is not None
    assert [m.to for m in to_clinic(mailoutbox)] == [["duty@clinic.example"]]
