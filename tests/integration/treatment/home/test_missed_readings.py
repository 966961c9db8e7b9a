"""A reading at home that never comes opens an urgent task; a second one, or the task left
unanswered for 30 minutes, escalates it."""

import pytest
from django.core import mail
from django.test import Client

from patients.models import Patient
from patients.roles import Role
from tests.factories import make_user
from tests.treatment import check_in, make_clinician, make_home_session, read, start_dose
from treatment.followup.services import task_update
from treatment.home.missed import readings_watch_now
from treatment.models import FollowUpTask, SessionAlert
from treatment.rules import Slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(controlled_clock):
    session = make_home_session()
    Patient.objects.filter(pk=session.course.patient.pk).update(phone="(555) 010-0199")
    check_in(session)
    start_dose(session)
    return session


@pytest.fixture
def clinician():
    return make_clinician()


def escalations():
    return [m for m in mail.outbox if "Escalated:" in m.subject]


def urgent():
    return [m for m in mail.outbox if "Urgent:" in m.subject]


def test_a_reading_10_minutes_overdue_opens_an_urgent_task_not_before(
    session, clinician, controlled_clock, django_capture_on_commit_callbacks
):
    controlled_clock.advance(minutes=50)  # the first reading was due at 40
    assert readings_watch_now() == 0

    controlled_clock.advance(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert readings_watch_now() == 1

    task = FollowUpTask.objects.get()
    assert (task.kind, task.urgent, task.source) == ("missed_reading", True, task.source)
    assert SessionAlert.objects.get().code == "reading_missed"
    [message] = urgent()
    assert "A reading at home after a dose did not come" in message.subject
    assert clinician.email in message.to
    with django_capture_on_commit_callbacks(execute=True):
        assert readings_watch_now() == 0  # once
    assert FollowUpTask.objects.count() == 1


def test_the_task_page_shows_whom_to_call_as_tel_links_and_the_address(
    session, clinician, controlled_clock
):
    controlled_clock.advance(minutes=51)
    readings_watch_now()
    client = Client()
    client.force_login(clinician)

    board = client.get("/treatment/today/").content.decode()
    task = FollowUpTask.objects.get()
    assert board.index('data-testid="urgent-tasks"') < board.index('id="sessions"')
    page = client.get(f"/treatment/tasks/{task.public_id}/").content.decode()

    assert 'href="tel:5550100199"' in page  # the patient
    assert 'href="tel:5550100101"' in page  # the support person, from the intake
    assert "Casey Example" in page
    assert "12 Elm Street, Springfield" in page


def test_a_second_missed_reading_escalates(session, clinician, controlled_clock):
    controlled_clock.advance(minutes=51)
    readings_watch_now()
    task = FollowUpTask.objects.get()
    task_update(task=task, action="claim", actor=clinician)  # answered: no 30-minute escalation
    assert escalations() == []

    controlled_clock.advance(minutes=80)  # the last reading, due at 120, is missed too
    readings_watch_now()

    assert FollowUpTask.objects.filter(kind="missed_reading").count() == 2
    [message] = escalations()
    assert "a second reading did not come" in message.body
    task.refresh_from_db()
    assert task.escalated_at is not None


def test_a_task_unanswered_for_30_minutes_escalates_to_clinicians_and_admins(
    session, clinician, controlled_clock
):
    admin = make_user(Role.ADMIN)
    controlled_clock.advance(minutes=51)
    readings_watch_now()

    controlled_clock.advance(minutes=29, seconds=59)
    readings_watch_now()
    assert escalations() == []
    controlled_clock.advance(seconds=2)
    readings_watch_now()

    [message] = escalations()
    assert {clinician.email, admin.email} <= set(message.to)
    assert "/treatment/tasks/" in message.body
    for private in ("Robin", "Example", "555", "Elm"):
        assert private not in message.body
    readings_watch_now()
    assert len(escalations()) == 1


def test_a_reading_sent_in_time_opens_nothing(session, controlled_clock):
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST)
    controlled_clock.advance(minutes=30)

    assert readings_watch_now() == 0
    assert not FollowUpTask.objects.exists()


def test_a_missed_repeat_of_a_raised_first_reading_opens_a_task(session, controlled_clock):
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 152, 94)  # raised: read again at 60
    controlled_clock.advance(minutes=30, seconds=1)  # 70 minutes and a second: missed

    readings_watch_now()

    assert FollowUpTask.objects.get().source.endswith(":repeat")


def test_the_patient_page_says_the_clinic_was_told(session, controlled_clock):
    controlled_clock.advance(minutes=51)
    readings_watch_now()
    client = Client()
    client.force_login(session.course.patient.user)

    page = client.get(f"/treatment/mine/sessions/{session.public_id}/").content.decode()

    assert "not sent: the clinic has been told" in page
