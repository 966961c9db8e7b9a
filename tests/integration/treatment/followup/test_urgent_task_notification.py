"""An urgent task (a call at check-in, a crisis-level reading, a severe side effect) emails
clinicians at once, whatever the hour; once, and with no health data."""

import time

import pytest
from django.core import mail
from django.test import Client

from tests.treatment import (
    CHECK_IN_POST,
    check_in,
    make_clinician,
    make_home_session,
    start_dose,
)
from treatment.followup.notifications import task_notify_now
from treatment.followup.services import task_update
from treatment.followup.tasks import tasks_notify_pending_sweep
from treatment.models import FollowUpTask

pytestmark = pytest.mark.django_db
CALL = {"systolic_1": "190", "systolic_2": "186"}  # a crisis-level reading: a call


@pytest.fixture
def session(controlled_clock):
    return make_home_session()


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


@pytest.fixture
def clinicians():
    return [make_clinician(), make_clinician()]


def post_check_in(patient, session, capture, **changes):
    with capture(execute=True):
        patient.post(
            f"/treatment/mine/sessions/{session.public_id}/check-in/", CHECK_IN_POST | changes
        )


def urgent_mails():
    return [m for m in mail.outbox if m.subject.startswith("[") and "Urgent:" in m.subject]


def test_a_call_at_check_in_emails_every_clinician_at_once(
    patient, session, clinicians, django_capture_on_commit_callbacks
):
    post_check_in(patient, session, django_capture_on_commit_callbacks, **CALL)

    task = FollowUpTask.objects.get()
    [message] = urgent_mails()
    assert task.urgent and task.notified_at is not None
    assert {c.email for c in clinicians} | {session.course.opened_by.email} == set(message.to)
    assert "Blood pressure or heart rate at home needs a call" in message.subject
    assert "/treatment/today/" in message.body
    patient_record = session.course.patient
    for private in (patient_record.given_name, patient_record.family_name, "190", "186"):
        assert private not in message.body and private not in message.subject


def test_it_is_sent_once_however_often_it_is_asked(
    patient, session, clinicians, django_capture_on_commit_callbacks
):
    post_check_in(patient, session, django_capture_on_commit_callbacks, **CALL)
    task = FollowUpTask.objects.get()

    assert task_notify_now(task.pk) is False
    assert tasks_notify_pending_sweep() == 0
    assert len(urgent_mails()) == 1


def test_a_severe_side_effect_emails_clinicians_at_once(
    session, patient, clinicians, django_capture_on_commit_callbacks
):
    check_in(session)
    start_dose(session)
    effects = dict.fromkeys(("nausea", "vomiting", "dissociation", "bladder_pain"), "none")
    effects |= {"confusion": "none", "very_sleepy": "none", "breathing": "none"}
    effects |= {"other": "none", "vomiting": "severe"}

    with django_capture_on_commit_callbacks(execute=True):
        patient.post(f"/treatment/mine/sessions/{session.public_id}/side-effects/", effects)

    [message] = urgent_mails()
    assert "Severe side effect reported (adverse event)" in message.subject
    assert "Vomiting" not in message.body


def test_a_task_that_can_wait_for_the_deadline_sends_nothing_now(
    patient, session, clinicians, django_capture_on_commit_callbacks
):
    post_check_in(patient, session, django_capture_on_commit_callbacks, wish_dead="yes")

    task = FollowUpTask.objects.get()
    assert (task.kind, task.urgent) == ("suicidal_ideation", False)
    assert urgent_mails() == []


def test_with_the_broker_down_the_sweep_sends_it_later(
    patient, session, clinicians, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise OSError("connection refused")

    with monkeypatch.context() as down:
        down.setattr("treatment.followup.tasks.task_notify.delay", broker_down)
        post_check_in(patient, session, django_capture_on_commit_callbacks, **CALL)
    assert urgent_mails() == []

    assert tasks_notify_pending_sweep() == 1
    assert len(urgent_mails()) == 1
    assert tasks_notify_pending_sweep() == 0


def test_a_task_closed_before_its_email_went_needs_nobody(
    patient, session, clinicians, django_capture_on_commit_callbacks, monkeypatch
):
    with monkeypatch.context() as down:
        down.setattr("treatment.followup.tasks.task_notify.delay", lambda *args, **kwargs: None)
        post_check_in(patient, session, django_capture_on_commit_callbacks, **CALL)
    task_update(
        task=FollowUpTask.objects.get(),
        action="close",
        actor=clinicians[0],
        resolution="Called the patient; dose skipped.",
    )

    assert tasks_notify_pending_sweep() == 0
    assert urgent_mails() == []


@pytest.mark.django_db(transaction=True)
def test_the_email_goes_through_a_real_worker(controlled_clock, worker, mailoutbox):
    session = make_home_session()
    make_clinician()
    patient = Client()
    patient.force_login(session.course.patient.user)

    patient.post(f"/treatment/mine/sessions/{session.public_id}/check-in/", CHECK_IN_POST | CALL)

    task = FollowUpTask.objects.get()
    for _ in range(100):  # the worker sends it shortly after the check-in commits
        task.refresh_from_db()
        if task.notified_at is not None:
            break
        time.sleep(0.1)
    assert task.notified_at is not None
    assert [m.subject for m in mailoutbox if "Urgent:" in m.subject] == [
        "[Ketamine therapy screening] Urgent: Blood pressure or heart rate at home needs a call"
    ]
